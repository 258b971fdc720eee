"""deploy/healthcheck.py's Kafka probes against the real local broker (the producer's and the sink's health checks)."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from kafka import KafkaConsumer

from tests.integration.services import ensure_kafka
from tests.unit.test_deploy_healthcheck import load_healthcheck

pytestmark = pytest.mark.integration


def write_config(tmp_path: Path, bootstrap: str) -> Path:
    config = tmp_path / "wirewatch.toml"
    config.write_text(f'[kafka]\nbootstrap_servers = ["{bootstrap}"]\n', encoding="utf-8")
    return config


def test_kafka_probe_is_healthy_when_the_broker_answers(tmp_path: Path) -> None:
    config = write_config(tmp_path, ensure_kafka())
    assert load_healthcheck().main(["-c", str(config), "--timeout", "10", "kafka"]) == 0


def test_group_probe_follows_a_live_member(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bootstrap = ensure_kafka()
    config = write_config(tmp_path, bootstrap)
    healthcheck = load_healthcheck()
    group = f"deploy-healthcheck-{uuid.uuid4().hex[:8]}"
    topic = f"deploy-healthcheck-{uuid.uuid4().hex[:8]}"
    argv = ["-c", str(config), "--timeout", "10", "kafka-group", group]

    assert healthcheck.main(argv) == 1  # nobody has joined yet
    assert "no member on this container" in capsys.readouterr().err

    consumer = KafkaConsumer(topic, bootstrap_servers=bootstrap, group_id=group, session_timeout_ms=10000)
    try:
        for _ in range(20):  # join: a few polls until the group is stable
            consumer.poll(timeout_ms=500)
            if consumer.assignment():
                break
        assert consumer.assignment(), "the consumer never joined its group"
        assert healthcheck.main(argv) == 0
        assert "member on 127.0.0.1" in capsys.readouterr().out
    finally:
        consumer.close()
    assert healthcheck.main(argv) == 1  # a clean close leaves the group at once
