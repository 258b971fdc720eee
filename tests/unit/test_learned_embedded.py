"""The learned layer in embedded mode: kept in the SQLite store, used after a restart, and steered by
`wirewatch kb` while the pipeline runs."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime

import pytest

import wirewatch.app.runner as runner
from tests.unit.test_embedded import settings_for
from tests.unit.test_learned_layer import WITH_ROLE, WITHOUT_ROLE
from wirewatch.app.cli.main import main
from wirewatch.app.runner import EmbeddedPipeline
from wirewatch.models import Dispatch


def dispatch(i: str, source: str, text: str) -> Dispatch:
    when = datetime(2025, 9, 3, 10, tzinfo=UTC)
    return Dispatch(id=i, source=source, title="", text=text, published=when, fetched=when)


def learned_names(pipeline: EmbeddedPipeline, d: Dispatch) -> dict[str, str]:
    pipeline.process_batch([d])
    doc = pipeline.store.get(d.id)
    assert doc is not None
    return {o["name"]: o["source"] for o in doc["officials"]}


def kb(tmp_path, *args: str, capsys) -> str:
    config = tmp_path / "wirewatch.toml"
    config.write_text(f'[store]\npath = "{tmp_path / "ww.db"}"\n', encoding="utf-8")
    assert main(["-c", str(config), "kb", *args]) == 0
    return str(capsys.readouterr().out)


@pytest.fixture(autouse=True)
def fast_decisions(monkeypatch):
    monkeypatch.setattr(runner, "DECISIONS_POLL_SECONDS", 0.0)


def test_learned_entries_survive_a_restart_and_kb_commands_steer_the_running_pipeline(tmp_path, capsys):
    settings = settings_for(tmp_path, rules=[])
    pipeline = EmbeddedPipeline.from_settings(settings, console_stream=io.StringIO())
    try:
        for n, text in enumerate(WITH_ROLE):
            pipeline.process_batch([dispatch(f"d{n}", f"feed-{n % 2}", text)])
    finally:
        pipeline.store.close()

    listing = json.loads(kb(tmp_path, "list", "--json", capsys=capsys))
    assert (listing["name"], listing["status"], listing["role"], listing["country"]) == (
        "Ousmane Garba Toudou",
        "attested",
        "finance minister",
        "NE",
    )

    pipeline = EmbeddedPipeline.from_settings(settings, console_stream=io.StringIO())  # a restart
    try:
        assert learned_names(pipeline, dispatch("after", "feed-9", WITHOUT_ROLE)) == {"Ousmane Garba Toudou": "learned"}
        kb(tmp_path, "reject", "Ousmane Garba Toudou", "--reason", "test", capsys=capsys)
        pipeline.processor.learning.refresh_seconds = 0  # the next dispatch, not five seconds later
        pipeline.process_batch([dispatch("poll", "feed-9", "Nothing to see.")])  # the decision is read here
        assert learned_names(pipeline, dispatch("rejected", "feed-9", WITHOUT_ROLE)) == {}
        kb(tmp_path, "confirm", "Ousmane Garba Toudou", capsys=capsys)
        pipeline.process_batch([dispatch("poll2", "feed-9", "Nothing to see.")])
        names = learned_names(pipeline, dispatch("confirmed", "feed-9", WITHOUT_ROLE))
        assert names == {"Ousmane Garba Toudou": "learned"}
    finally:
        pipeline.store.close()

    exported = json.loads(kb(tmp_path, "export", capsys=capsys))
    [official] = exported["officials"]
    assert official["name"] == "Ousmane Garba Toudou" and official["roles"][0]["country"] == "NE"
    assert "confirmed" in kb(tmp_path, "list", capsys=capsys)


def test_learning_off_remembers_nothing(tmp_path, capsys):
    settings = settings_for(tmp_path, rules=[], tagger={"learning": False})
    pipeline = EmbeddedPipeline.from_settings(settings, console_stream=io.StringIO())
    try:
        for n, text in enumerate(WITH_ROLE):
            pipeline.process_batch([dispatch(f"d{n}", f"feed-{n % 2}", text)])
    finally:
        pipeline.store.close()
    assert "0 entries" in kb(tmp_path, "list", capsys=capsys)
