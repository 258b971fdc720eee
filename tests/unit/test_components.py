"""Components registered by name: feed kinds, delivery channels, processing steps; and the config checks
that look them up."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from wirewatch.app.components import component_problems
from wirewatch.config import settings_from_dict
from wirewatch.models import Dispatch, Rule, TaggedDispatch
from wirewatch.processors.process import DispatchProcessor
from wirewatch.processors.steps import STEPS, build_steps
from wirewatch.processors.tagger import Tagger
from wirewatch.producers.kinds import FEED_KINDS
from wirewatch.query import RuleMatcher
from wirewatch.registry import Registry, UnknownComponent
from wirewatch.settings import Settings
from wirewatch.sinks.alerts.channels import CHANNEL_TYPES, build_notifiers, channel_names


class ShoutStep:
    """A test step: marks every dispatch with a keyword the rules can see."""

    name = "shout"
    summary = "adds the keyword 'shouted'"

    def build(self, settings: Settings):
        def enrich(tagged: TaggedDispatch) -> None:
            tagged.tags.keywords.append("shouted")

        return enrich


@pytest.fixture
def shout_step() -> Iterator[None]:
    STEPS.add(ShoutStep())
    try:
        yield
    finally:
        STEPS._components.pop("shout")


def test_builtin_components_are_registered_by_name() -> None:
    assert set(FEED_KINDS.names()) >= {"http", "file"}
    assert set(CHANNEL_TYPES.names()) >= {"console", "jsonl", "webhook"}
    assert all(component.summary for component in [*FEED_KINDS, *CHANNEL_TYPES])


def test_a_registry_refuses_a_second_component_of_one_name_and_names_the_known_ones() -> None:
    registry: Registry[ShoutStep] = Registry("thing")
    registry.add(ShoutStep())
    with pytest.raises(ValueError, match="registered twice"):
        registry.add(ShoutStep())
    with pytest.raises(UnknownComponent, match="thing 'loud' is not one of shout"):
        registry.get("loud")


def test_channels_follow_the_settings() -> None:
    settings, problems = settings_from_dict(
        {"delivery": {"jsonl_path": "/tmp/alerts.jsonl", "webhooks": {"ops": {"url": "https://hooks.example.org/x"}}}}
    )
    assert problems == []
    assert channel_names(settings.delivery) == ["console", "jsonl", "ops"]
    assert set(build_notifiers(settings.delivery)) == {"console", "jsonl", "ops"}
    bare, _ = settings_from_dict({})
    assert channel_names(bare.delivery) == ["console"]


def test_config_checks_name_unknown_kinds_channels_and_steps() -> None:
    settings, core_problems = settings_from_dict(
        {
            "feeds": [{"name": "x", "url": "gopher://example.org/", "kind": "gopher"}],
            "rules": [{"name": "r", "query": "coup", "channels": ["jsonl", "pager"]}],
            "pipeline": {"steps": ["translate"]},
            "delivery": {"webhooks": {"console": {"url": "https://hooks.example.org/x"}}},
        }
    )
    assert core_problems == []  # the core alone cannot know which kinds, channels and steps exist
    found = {(p.key, p.reason) for p in component_problems(settings)}
    assert ("feeds[0].kind", "feed kind 'gopher' is not one of http, file") in found
    assert ("rules[0].channels", "channel 'jsonl' needs delivery.jsonl_path") in found
    assert any(key == "rules[0].channels" and "unknown channel 'pager'" in reason for key, reason in found)
    assert any(key == "pipeline.steps" and "'translate'" in reason for key, reason in found)
    assert ("delivery.webhooks.console", "'console' is a built-in channel name") in found


def test_a_registered_step_runs_between_tagger_and_matcher(shout_step: None) -> None:
    settings, problems = settings_from_dict({"pipeline": {"steps": ["shout"]}})
    assert problems == [] and component_problems(settings) == []
    rule = Rule(id="r", name="shouted", query="keywords:shouted")
    processor = DispatchProcessor(Tagger.load(), RuleMatcher([rule]), build_steps(settings.pipeline.steps, settings))
    now = datetime(2026, 1, 1, tzinfo=UTC)
    processed = processor.process(
        Dispatch(id="d1", source="t", title="A quiet day", text="Nothing.", published=now, fetched=now)
    )
    assert "shouted" in processed.doc["keywords"]
    assert [alert.rule_id for alert, _ in processed.alerts] == ["r"]
