"""Pure logic of the Kafka producer side: client options, wire encoding, topic specs, CLI wiring. No broker."""

from __future__ import annotations

import argparse
import json
import ssl
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from wirewatch.app.cli.producer import add_commands, kafka_settings_for
from wirewatch.models import Dispatch
from wirewatch.producers.kafka_publisher import (
    KafkaPublisher,
    PublisherError,
    PublisherOptions,
    encode_dispatch,
    producer_config,
)
from wirewatch.settings import KafkaSettings
from wirewatch.sinks.sqlite.store import SQLiteStore
from wirewatch.topics import topic_specs


def dispatch(**overrides) -> Dispatch:
    values: dict[str, Any] = {
        "id": "d-1",
        "source": "wire",
        "title": "Coup in Niger",
        "text": "Soldiers seized the radio — «état».",
        "published": datetime(2026, 11, 27, 9, 0, tzinfo=UTC),
        "fetched": datetime(2026, 11, 27, 9, 5, tzinfo=UTC),
        "url": "https://news.example.org/a",
        "language": "en",
        "hints": {"country": "NE"},
    }
    values.update(overrides)
    return Dispatch(**values)


def test_wire_format_is_id_key_and_dispatch_json() -> None:
    d = dispatch()
    key, value = encode_dispatch(d)
    assert key == b"d-1"
    doc = json.loads(value.decode("utf-8"))
    assert doc == d.to_dict()
    assert "«état»" in value.decode("utf-8")  # UTF-8 on the wire, not \u escapes
    assert Dispatch.from_dict(doc) == d


def test_producer_config_asks_for_durable_delivery() -> None:
    kafka = KafkaSettings(bootstrap_servers=["k1:9092", "k2:9092"], linger_ms=50, compression="gzip", batch_bytes=65536)
    config = producer_config(kafka, PublisherOptions(delivery_timeout_ms=90_000))
    assert config["acks"] == "all"
    assert config["enable_idempotence"] is True
    assert config["retries"] > 0
    assert config["compression_type"] == "gzip"
    assert config["linger_ms"] == 50
    assert config["batch_size"] == 65536
    assert config["delivery_timeout_ms"] == 90_000
    assert config["bootstrap_servers"] == ["k1:9092", "k2:9092"]


def test_producer_config_is_accepted_by_kafka_python() -> None:
    """Every key we pass is one KafkaProducer knows (it rejects unknown ones only when connecting)."""
    from kafka import KafkaProducer

    config = producer_config(KafkaSettings(), PublisherOptions())
    assert set(config) <= set(KafkaProducer.DEFAULT_CONFIG)


def test_compression_none_and_unknown() -> None:
    assert producer_config(KafkaSettings(compression="none"), PublisherOptions())["compression_type"] is None
    with pytest.raises(PublisherError, match=r"kafka\.compression"):
        producer_config(KafkaSettings(compression="brotli"), PublisherOptions())


def test_sasl_scram_over_tls_reaches_the_producer(tmp_path: Path) -> None:
    kafka = KafkaSettings(
        security_protocol="SASL_SSL",
        sasl_mechanism="SCRAM-SHA-512",
        sasl_username="wirewatch",
        sasl_password="s3cret",
    )
    config = producer_config(kafka, PublisherOptions())
    assert config["security_protocol"] == "SASL_SSL"
    assert config["sasl_mechanism"] == "SCRAM-SHA-512"
    assert (config["sasl_plain_username"], config["sasl_plain_password"]) == ("wirewatch", "s3cret")
    assert isinstance(config["ssl_context"], ssl.SSLContext)


def test_a_bad_compression_fails_at_construction_not_on_first_send(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "p.db") as store, pytest.raises(PublisherError):
        KafkaPublisher(KafkaSettings(compression="brotli"), store)


async def test_emit_before_start_is_a_clear_error(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "p.db") as store:
        publisher = KafkaPublisher(KafkaSettings(), store)
        with pytest.raises(PublisherError, match="start"):
            await publisher.emit(dispatch())


def test_topic_specs_follow_the_settings() -> None:
    kafka = KafkaSettings(partitions=12, replication=3, retention_ms=86_400_000, topic_raw="raw")
    specs = {spec.name: spec for spec in topic_specs(kafka)}
    stream = {"dispatches.fetch", "raw", "dispatches.tagged", "alerts", "dispatches.dead"}
    assert set(specs) == stream | {"rules", "learned", "feeds", "silences", "dispatches.clustering", "stories"}
    for name in stream:
        assert (specs[name].partitions, specs[name].replication) == (12, 3)
        assert specs[name].configs == {"cleanup.policy": "delete", "retention.ms": "86400000"}
    # stories: one partition in, whatever the stream's partitions (one clusterer owns every story)
    assert (specs["dispatches.clustering"].partitions, specs["dispatches.clustering"].replication) == (1, 3)
    assert specs["dispatches.clustering"].configs == {"cleanup.policy": "delete", "retention.ms": "86400000"}
    # read in full by every reader: compacted, one partition
    for name in ("rules", "learned", "feeds", "silences", "stories"):
        assert specs[name].partitions == 1 and specs[name].replication == 3
        assert specs[name].configs == {"cleanup.policy": "compact"}


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    parser.add_argument("-c", "--config")
    parser.add_argument("--store")
    add_commands(parser.add_subparsers(dest="command"))
    return parser.parse_args(argv)


def test_commands_are_registered_with_handlers() -> None:
    assert parse(["producer", "--once"]).handler.__name__ == "cmd_producer"
    assert parse(["publish-ingest", "in.jsonl"]).handler.__name__ == "cmd_publish_ingest"
    assert parse(["topics", "create"]).handler.__name__ == "cmd_topics_create"


def test_command_line_overrides_bootstrap_and_store(tmp_path: Path) -> None:
    config = tmp_path / "wirewatch.toml"
    config.write_text('[kafka]\nbootstrap_servers = ["kafka.internal:9092"]\npartitions = 2\n', encoding="utf-8")
    args = parse(["-c", str(config), "producer", "--bootstrap-servers", "a:1, b:2", "--producer-store", "x.db"])
    settings = kafka_settings_for(args)
    assert settings.kafka.bootstrap_servers == ["a:1", "b:2"]
    assert settings.kafka.producer_store == Path("x.db")
    assert settings.kafka.partitions == 2

    settings = kafka_settings_for(parse(["-c", str(config), "topics", "create"]))
    assert settings.kafka.bootstrap_servers == ["kafka.internal:9092"]
