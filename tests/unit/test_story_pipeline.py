"""Stories in the embedded pipeline, end to end: the real tagger, the stories stage, SQLite, alert delivery to
a JSON Lines channel, a restart, and the `wirewatch stories` command. The texts are written for these tests."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from tests.unit.test_embedded import read_alerts, settings_for
from wirewatch.app.cli.main import main
from wirewatch.app.runner import EmbeddedPipeline
from wirewatch.models import Dispatch, StoryFilter, dispatch_id
from wirewatch.sinks.sqlite.store import SQLiteStore

T0 = datetime(2026, 11, 26, 6, 0, tzinfo=UTC)

WIRE = (
    "Soldiers surrounded the presidential palace in Bissau early on Wednesday and a group of officers "
    "announced on state television that they had taken control of Guinea-Bissau. The officers said they "
    "had suspended the electoral process and closed the borders until further notice. Gunfire was heard "
    "near the electoral commission before dawn, residents said. The West African bloc ECOWAS called an "
    "emergency meeting and demanded that constitutional order be restored without delay."
)
QUAKE = (
    "A strong earthquake struck central Chile on Thursday, shaking buildings in Santiago and cutting power "
    "to several districts. The national seismology centre said the tremor had a magnitude of 6.8 and was "
    "centred off the coast. No tsunami warning was issued and there were no early reports of casualties."
)


def copy(n: int, *, minutes: float = 0, source: str | None = None, text: str = WIRE) -> Dispatch:
    """The wire text as outlet n carries it: its own dateline, headline and footer."""
    at = T0 + timedelta(minutes=minutes)
    place = "BISSAU" if text is WIRE else "SANTIAGO"
    return Dispatch(
        id=dispatch_id(f"copy-{n}-{text[:10]}"),
        source=source or f"outlet-{n}",
        title=f"Guinea-Bissau: officers say they hold power ({n})" if text is WIRE else "Quake shakes Chile",
        text=f"{place}, Nov 26 (Outlet {n}) - {text}\nReporting by desk {n}",
        published=at,
        fetched=at,
        url=f"https://outlet-{n}.example/story",
        language="en",
    )


async def run_through(pipeline: EmbeddedPipeline, dispatches: list[Dispatch]) -> None:
    """Accept, process and deliver, one dispatch at a time (each its own batch, as a live feed gives them)."""
    worker = asyncio.create_task(pipeline.process_forever())
    try:
        for dispatch in dispatches:
            assert await pipeline.accept(dispatch)
            await pipeline.drain()
    finally:
        worker.cancel()
        await asyncio.gather(worker, return_exceptions=True)


RULES: list[dict[str, Any]] = [
    {"name": "coup", "query": 'coup OR events.type:coup OR "taken control"'},
    {"name": "coup each", "query": '"taken control"', "group_by": "dispatch"},
    {"name": "coup updates", "query": '"taken control"', "updates": True},
    {"name": "widely carried", "query": "story.sources:>=3"},
    {"name": "breaking", "query": "story.breaking:true"},
]


def story_settings(tmp_path: Path, rules: list[dict[str, Any]], **stories: Any) -> Any:
    """Stories with their records written at every change (record_seconds 0), unless a test says otherwise."""
    return settings_for(tmp_path, rules=rules, stories={"record_seconds": 0, **stories})


def by_rule(tmp_path: Path) -> dict[str, list[dict[str, Any]]]:
    lines: dict[str, list[dict[str, Any]]] = {}
    for alert in read_alerts(tmp_path):
        lines.setdefault(alert["rule"]["name"], []).append(alert)
    return lines


async def test_copies_from_many_feeds_are_one_story_and_one_alert_per_rule(tmp_path: Path) -> None:
    settings = story_settings(tmp_path, [dict(rule) for rule in RULES])
    pipeline = EmbeddedPipeline.from_settings(settings)
    try:
        await run_through(pipeline, [copy(1), copy(99, minutes=5, text=QUAKE)])
        first = by_rule(tmp_path)
        assert [a["hits"] for a in first["coup"]] == [1] and [a["hits"] for a in first["coup updates"]] == [1]
        await run_through(pipeline, [copy(2, minutes=10), copy(3, minutes=20)])
        store = pipeline.store
        stories = store.stories()
        assert len(stories) == 2
        coup = next(s for s in stories if s["dispatches"] == 3)
        assert coup["sources"] == 3 and coup["source_names"] == ["outlet-1", "outlet-2", "outlet-3"]
        assert "GW" in coup["countries"] and not coup["breaking"]
        members = store.story_dispatches(coup["id"])
        assert {m["story"]["id"] for m in members} == {coup["id"]}
        assert sorted(m["story"]["how"] for m in members) == ["duplicate", "duplicate", "new"]
        # what each dispatch carries is its story as it stood when it joined
        assert sorted(m["story"]["sources"] for m in members) == [1, 2, 3]
    finally:
        await pipeline.close()

    alerts = by_rule(tmp_path)
    # one delivery for the story; the store's alert covers the three dispatches
    assert len(alerts["coup"]) == 1
    (stored,) = [a for a in pipeline_alerts(tmp_path) if a["rule"]["name"] == "coup"]
    assert stored["hits"] == 3 and stored["sources"] == ["outlet-1", "outlet-2", "outlet-3"]
    assert stored["latest"]["source"] == "outlet-3" and stored["story_id"] == coup["id"]
    # group_by = "dispatch": today's behaviour, one per dispatch
    assert len(alerts["coup each"]) == 3
    # updates = true: the first alert, then each update as it came (hits 2, then 3)
    assert [a["hits"] for a in alerts["coup updates"]] == [1, 2, 3]
    # a rule on the story itself: fires when the third source carries it, once
    assert [a["dispatch_id"] for a in alerts["widely carried"]] == [copy(3).id]
    assert "breaking" not in alerts


def pipeline_alerts(tmp_path: Path) -> list[dict[str, Any]]:
    with SQLiteStore(tmp_path / "ww.db") as store:
        return [alert.to_dict() for alert in store.alerts()]


async def test_a_restart_resumes_the_open_stories(tmp_path: Path) -> None:
    settings = story_settings(tmp_path, [dict(RULES[0])])
    pipeline = EmbeddedPipeline.from_settings(settings)
    try:
        await run_through(pipeline, [copy(1), copy(2, minutes=30)])
        story_id = pipeline.store.stories()[0]["id"]
    finally:
        await pipeline.close()

    again = EmbeddedPipeline.from_settings(settings)
    try:
        assert again.processor.stories is not None and again.processor.stories.open_stories == 1
        await run_through(again, [copy(3, minutes=60)])
        (story,) = again.store.stories()
        assert story["id"] == story_id and story["dispatches"] == 3 and story["sources"] == 3
        assert again.store.get(copy(3).id)["story"]["how"] == "duplicate"  # type: ignore[index]
        (alert,) = again.store.alerts()
        assert alert.hits == 3
    finally:
        await again.close()
    assert len(by_rule(tmp_path)["coup"]) == 1  # nothing delivered twice across the restart


async def test_a_story_carried_by_five_sources_within_the_hour_is_breaking_once(tmp_path: Path) -> None:
    settings = story_settings(tmp_path, [dict(RULES[4])])
    pipeline = EmbeddedPipeline.from_settings(settings)
    try:
        # two sources early, a pause, then more: five sources first carrying it within 60 minutes make it breaking
        early = [copy(n, minutes=m) for n, m in ((1, 0), (2, 30), (3, 200), (4, 215), (5, 230), (6, 240))]
        await run_through(pipeline, early)
        sixth = pipeline.store.get(copy(6).id)
        assert sixth is not None and sixth["story"]["breaking"] is False  # 6 sources, never 5 within 60 minutes
        await run_through(pipeline, [copy(7, minutes=250), copy(8, minutes=260)])
        assert pipeline.store.get(copy(7).id)["story"]["breaking"] is True  # type: ignore[index]
        (story,) = pipeline.store.stories(StoryFilter(breaking=True))
        assert story["breaking_at"] == "2026-11-26T10:10:00Z"  # 200, 215, 230, 240, 250: the seventh, at 250
    finally:
        await pipeline.close()
    (alert,) = by_rule(tmp_path)["breaking"]  # once, at the moment; the eighth dispatch only updates it
    assert alert["dispatch_id"] == copy(7).id and alert["hits"] == 1


def test_cli_stories_lists_and_shows(tmp_path: Path, capsys) -> None:
    lines = [json.dumps(copy(n, minutes=10 * n).to_dict()) for n in (1, 2)]
    lines.append(json.dumps(copy(9, minutes=5, text=QUAKE).to_dict()))
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    store = str(tmp_path / "cli.db")
    assert main(["--store", store, "ingest", str(source)]) == 0
    capsys.readouterr()
    assert main(["--store", store, "stories", "--since", "2026-11-01T00:00:00Z", "--json"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert sorted(r["dispatches"] for r in records) == [1, 2]
    coup = next(r for r in records if r["dispatches"] == 2)
    assert main(["--store", store, "stories", "--since", "2026-11-01T00:00:00Z", "--min-sources", "2"]) == 0
    table = capsys.readouterr().out
    assert coup["id"] in table and "Quake" not in table
    assert main(["--store", store, "stories", "show", coup["id"]]) == 0
    shown = capsys.readouterr().out
    assert "2 dispatches from 2 sources in en" in shown and "outlet-2" in shown and "duplicate" in shown
    assert main(["--store", store, "stories", "show", "s-nope"]) == 1
    assert "no story 's-nope'" in capsys.readouterr().err


async def test_a_growing_storys_record_waits_and_a_crash_loses_no_count(tmp_path: Path) -> None:
    settings = story_settings(tmp_path, [], record_seconds=3600)
    pipeline = EmbeddedPipeline.from_settings(settings)
    await run_through(pipeline, [copy(1), copy(2, minutes=10), copy(3, minutes=20)])
    (story,) = pipeline.store.stories()
    assert story["dispatches"] == 1  # written when the story began; its growth waits for the next write
    # a crash: the pipeline is never closed, its waiting record never written; the restart counts from the
    # dispatches' own snapshots of their story
    again = EmbeddedPipeline.from_settings(settings)
    try:
        stage = again.processor.stories
        assert stage is not None
        assert stage.index.stories[story["id"]].dispatches == 3
        await run_through(again, [copy(4, minutes=30)])
    finally:
        await again.close()  # a clean stop writes what waits
        pipeline.store.close()
    with SQLiteStore(tmp_path / "ww.db") as store:
        (story,) = store.stories()
    assert (story["dispatches"], story["sources"]) == (4, 4)
