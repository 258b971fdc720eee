"""What the faust agent turns one raw message into, without a broker.

The app is the real faust.App built by `build_app` (building it does not
connect), the processor the real tagger; events are real faust Events.
"""

from __future__ import annotations

import json
from pathlib import Path

import faust
import pytest
from faust.types.tuples import Message

from wirewatch.models import Dispatch, Rule, parse_time
from wirewatch.processors.stream.app import ProcessorApp, WorkerOptions, build_app, build_processor
from wirewatch.settings import KafkaSettings, Settings, StoriesSettings

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seed-dispatch.txt"


@pytest.fixture(scope="module")
def holder(tmp_path_factory: pytest.TempPathFactory) -> ProcessorApp:
    """The processor as it runs with stories off: it matches the rules and publishes to dispatches.tagged."""
    settings = Settings(
        kafka=KafkaSettings(processor_group="unit-stream-app", partitions=3), stories=StoriesSettings(enabled=False)
    )
    options = WorkerOptions(data_dir=tmp_path_factory.mktemp("faust"))
    return build_app(settings, options, build_processor(settings))


def test_with_stories_on_the_processor_tags_for_the_clusterer_and_matches_nothing(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    settings = Settings(kafka=KafkaSettings(processor_group="unit-stream-app-stories", partitions=3))
    storied = build_app(settings, WorkerOptions(data_dir=tmp_path_factory.mktemp("faust")), build_processor(settings))
    storied.apply_rules([Rule(id="coup", name="Coup", query="coup")])
    _dispatch, value = seed_value()
    topics = [record.topic.get_topic_name() for record in storied.outputs_for(event(storied, value))]
    # the clusterer places it in a story and matches the rules there (processors/stream/clusterer.py)
    assert topics[0] == "dispatches.clustering" and "alerts" not in topics and "dispatches.tagged" not in topics


def event(holder: ProcessorApp, value: bytes | None, key: bytes | None = b"k", offset: int = 7) -> faust.EventT:
    message = Message("dispatches.raw", 2, offset, 0.0, 0, None, key, value, None)
    return faust.Event(holder.app, key, value, None, message)


def seed_value() -> tuple[Dispatch, bytes]:
    title, text = SEED.read_text(encoding="utf-8").split("\n", 1)
    when = parse_time("2016-07-16T10:00:00Z")
    dispatch = Dispatch(id="seed-1", source="t", title=title, text=text, published=when, fetched=when)
    return dispatch, json.dumps(dispatch.to_dict()).encode("utf-8")


def test_a_dispatch_becomes_tagged_doc_alerts_and_country_mentions(holder: ProcessorApp) -> None:
    holder.apply_rules([Rule(id="coup", name="Coup", query="coup"), Rule(id="never", name="Never", query="zzzz")])
    _dispatch, value = seed_value()
    out = holder.outputs_for(event(holder, value))

    by_topic: dict[str, list] = {}
    for record in out:
        by_topic.setdefault(record.topic.get_topic_name(), []).append(record)
    tagged = by_topic["dispatches.tagged"]
    assert [r.key for r in tagged] == [b"seed-1"]
    doc = json.loads(tagged[0].value)
    assert {c["code"] for c in doc["countries"]} == {"IR", "TR", "SY", "IQ", "YE", "PS"}
    assert [r.key for r in by_topic["alerts"]] == [b"coup:seed-1"]
    assert json.loads(by_topic["alerts"][0].value)["rule"]["id"] == "coup"
    mentions = {r.key.decode(): int(r.value) for r in by_topic["unit-stream-app-country-mentions"]}
    assert mentions == {c["code"]: c["mentions"] for c in doc["countries"]}
    assert "dispatches.dead" not in by_topic


def test_a_bad_message_becomes_one_dead_letter_with_its_origin(holder: ProcessorApp) -> None:
    out = holder.outputs_for(event(holder, b"{oops", key=b"bad-key", offset=41))
    assert [r.topic.get_topic_name() for r in out] == ["dispatches.dead"]
    assert out[0].key == b"bad-key"
    letter = json.loads(out[0].value)
    assert (letter["partition"], letter["offset"], letter["key"]) == (2, 41, "bad-key")
    assert letter["reason"].startswith("malformed: not JSON") and letter["payload"] == "{oops"


def test_a_dispatch_the_processor_cannot_handle_is_parked_not_raised(holder: ProcessorApp) -> None:
    class BrokenTagger:  # stands in for a tagger bug; no real tagger fails on demand
        def tag_dispatch(self, dispatch):
            raise RuntimeError("boom")

    real = holder.processor.tagger
    holder.processor.tagger = BrokenTagger()
    try:
        out = holder.outputs_for(event(holder, seed_value()[1]))
    finally:
        holder.processor.tagger = real
    assert [r.topic.get_topic_name() for r in out] == ["dispatches.dead"]
    assert json.loads(out[0].value)["reason"] == "processing failed: RuntimeError: boom"


def test_invalid_rules_are_reported_and_the_rest_apply(holder: ProcessorApp) -> None:
    holder.apply_rules([Rule(id="ok", name="Ok", query="coup"), Rule(id="bad", name="Bad", query="coup AND (")])
    status = holder.status_snapshot()
    assert status["rules"] == ["ok"]
    assert len(status["rule_errors"]) == 1 and status["rule_errors"][0].startswith("Bad:")


def test_a_record_the_broker_can_never_take_becomes_one_dead_letter(holder: ProcessorApp) -> None:
    from aiokafka.errors import KafkaTimeoutError, MessageSizeTooLargeError

    holder.apply_rules([Rule(id="coup", name="Coup", query="coup")])
    out = holder.outputs_for(event(holder, seed_value()[1], key=b"seed-1", offset=9))
    too_large = MessageSizeTooLargeError("the message is 2000000 bytes")
    failed = [(record, too_large) for record in out[:2]] + [(out[2], KafkaTimeoutError())]

    kept = holder._replace_permanent_failures(failed)
    # The two refused outputs of one message become one dead letter; the timeout is retried as is.
    assert [record.topic.get_topic_name() for record, _ in kept] == ["dispatches.dead", out[2].topic.get_topic_name()]
    letter = json.loads(kept[0][0].value)
    assert letter["offset"] == 9 and letter["reason"].startswith("output rejected by the broker (dispatches.tagged)")
    assert kept[1][0] is out[2]


def test_country_mentions_are_summed_over_a_batch(holder: ProcessorApp) -> None:
    _dispatch, value = seed_value()
    single = holder.outputs_for(event(holder, value, offset=1))
    batch = holder.outputs_for_batch([event(holder, value, offset=1), event(holder, value, offset=2)])

    def mentions(records: list) -> dict[str, int]:
        found = [r for r in records if r.topic.get_topic_name() == "unit-stream-app-country-mentions"]
        assert len(found) == len({r.key for r in found})  # one record per country
        return {r.key.decode(): int(r.value) for r in found}

    assert mentions(batch) == {code: 2 * count for code, count in mentions(single).items()}
    assert sum(r.topic.get_topic_name() == "dispatches.tagged" for r in batch) == 2
