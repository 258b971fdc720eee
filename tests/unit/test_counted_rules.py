"""Counted rules (frequency, spike, new entity, flatline) on generated streams: they fire when the stream says
so and not otherwise, once per key and period, the same after a replay (a restart), and the embedded pipeline
delivers them like any alert."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from wirewatch.app.components import component_problems
from wirewatch.config import settings_from_dict
from wirewatch.models import Rule
from wirewatch.sinks.alerts.aggregate import AggregateRules, Counted
from wirewatch.sinks.alerts.policy import PolicyError
from wirewatch.sinks.sqlite.store import SQLiteStore

T0 = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)


def doc(i: int, at: datetime, *, title: str = "Talks", countries=("FR",), officials=(), source: str = "wire") -> dict:
    return {
        "id": f"d{i}",
        "title": title,
        "text": title,
        "source": source,
        "fetched": at.isoformat().replace("+00:00", "Z"),
        "countries": [{"code": c} for c in countries],
        "officials": [{"name": n, "country": c} for n, c in officials],
        "agencies": [],
    }


def rule(kind: str, query: str = "*", **params: Any) -> Rule:
    return Rule(id=kind, name=f"{kind} rule", query=query, channels=["console"], type=kind, params=params)


def run(rules: list[Rule], docs: list[dict], seen=None) -> list:
    evaluator = AggregateRules(rules, seen)
    return [alert for d in docs for alert in evaluator.observe(d)]


def test_frequency_fires_once_per_window_when_the_threshold_is_reached() -> None:
    coup = rule("frequency", "coup", threshold=3, window="1h")
    quiet = [doc(i, T0 + timedelta(minutes=35 * i), title="coup rumour") for i in range(4)]  # 2 an hour at most
    assert run([coup], quiet) == []
    burst = [doc(10 + i, T0 + timedelta(minutes=2 * i), title="coup in the capital") for i in range(8)]
    fired = run([coup], burst)
    assert len(fired) == 1 and fired[0].title.startswith("3 dispatches matched in 1h")
    assert fired[0].kind == "frequency" and fired[0].search.startswith("(coup) AND fetched:>=")
    assert run([coup], [doc(i, T0, title="talks") for i in range(9)]) == []  # the query decides what counts


def test_spike_against_the_entitys_own_baseline() -> None:
    spike = rule("spike", entity="countries", window="1h", baseline="24h", factor=3, min_count=5)
    # a steady 2 mentions an hour of France for a day, then 12 in one hour; Mali steady at 4 an hour
    steady = [
        doc(h * 10 + k, T0 - timedelta(hours=24 - h, minutes=k * 20), countries=("FR", "ML") if k < 2 else ("ML",))
        for h in range(24)
        for k in range(4)
    ]
    burst = [doc(1000 + i, T0 + timedelta(minutes=4 * i), countries=("FR",)) for i in range(12)]
    fired = run([spike], steady + burst)
    assert [a.countries for a in fired] == [["FR"]]
    assert fired[0].title == "FR: 6 mentions in 1h, 3.0× its baseline of 2.0"
    assert fired[0].search.endswith('countries.code:"FR"')
    assert run([spike], steady) == []  # steady mentions never fire


def test_new_entity_learns_first_then_fires_for_first_sightings_only_across_restarts(tmp_path: Path) -> None:
    new = rule("new_entity", entity="officials", learn="1h")
    goita, camara, maiga = ("Assimi Goïta", "ML"), ("Sadio Camara", "ML"), ("Abdoulaye Maïga", "ML")
    later = T0 + timedelta(hours=2)
    with SQLiteStore(tmp_path / "s.db") as store:
        learning = run([new], [doc(1, T0, officials=[goita])], store)
        assert learning == []  # a fresh ledger learns for an hour: every name would look new
    with SQLiteStore(tmp_path / "s.db") as store:  # a restart: still known, still learning since T0
        fired = run([new], [doc(2, later, officials=[goita]), doc(3, later, officials=[camara, goita])], store)
        assert [a.title for a in fired] == ["new official for ML: Sadio Camara"]
        again = run([new], [doc(4, later, officials=[camara, maiga])], store)
    assert [a.title for a in again] == ["new official for ML: Abdoulaye Maïga"]


def test_new_entity_on_an_old_store_knows_what_the_store_holds(tmp_path: Path) -> None:
    from tests.unit.test_store import make_tagged

    tagged = make_tagged("old", officials=("Recep Tayyip Erdoğan",))
    tagged.tags.officials[0].country = "TR"
    with SQLiteStore(tmp_path / "s.db") as store:
        store.save(tagged)
        assert store.seen_entities("officials") == {("Recep Tayyip Erdoğan", "TR")}
        assert store.seen_since("officials") == tagged.dispatch.fetched  # learning started when it arrived
        new = rule("new_entity", entity="officials", learn="1h")
        fired = run(
            [new], [doc(1, T0 + timedelta(hours=2), officials=[("Recep Tayyip Erdoğan", "TR"), ("X", "TR")])], store
        )
        assert [a.title for a in fired] == ["new official for TR: X"]


def test_flatline_fires_once_per_silence_and_per_feed() -> None:
    intake = rule("flatline", window="30m")
    feed = rule("flatline", scope="reuters", window="1h")
    feed = Rule(id="feed-flat", name="reuters silent", query="*", type="flatline", params=feed.params)
    evaluator = AggregateRules([intake, feed])
    evaluator.start(T0)
    evaluator.observe(doc(1, T0 + timedelta(minutes=5), source="reuters"))
    assert evaluator.tick(T0 + timedelta(minutes=20)) == []
    silent = evaluator.tick(T0 + timedelta(minutes=40))
    assert [a.title for a in silent] == ["no dispatch at all since 2026-12-06T09:05:00Z (30m or more)"]
    assert evaluator.tick(T0 + timedelta(minutes=50))[0].key == silent[0].key  # the same silence, the same key
    evaluator.observe(doc(2, T0 + timedelta(minutes=55), source="afp"))
    later = evaluator.tick(T0 + timedelta(hours=1, minutes=20))
    assert sorted(a.rule_id for a in later) == ["feed-flat"]  # afp keeps the intake alive; reuters is silent
    assert "nothing from feed 'reuters'" in later[0].title


def test_a_replay_gives_the_same_alerts_with_the_same_keys() -> None:
    rules = [rule("frequency", "coup", threshold=2, window="30m")]
    stream = [doc(i, T0 + timedelta(minutes=7 * i), title="coup") for i in range(20)]
    first = [a.key for a in run(rules, stream)]
    assert len(first) >= 3
    assert [a.key for a in run(rules, stream)] == first


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"type": "frequency", "window": "1h"}, "threshold"),
        ({"type": "frequency", "threshold": 5}, "window"),
        ({"type": "spike", "window": "1h", "entity": "weather"}, "entity = one of countries, officials, agencies"),
        ({"type": "spike", "window": "1h", "entity": "countries", "baseline": "1h"}, "two windows"),
        ({"type": "new_entity", "entity": "countries"}, "officials, agencies"),
        ({"type": "flatline"}, "window"),
        ({"threshold": 5}, "only for the counted rule types"),
    ],
)
def test_counted_rules_are_checked_by_config_check(params: dict, message: str) -> None:
    raw = {"rules": [{"name": "r", "query": "coup", **params}]}
    settings, problems = settings_from_dict(raw)
    problems += component_problems(settings)
    assert len(problems) == 1 and message in problems[0].reason and "rule 'r'" in problems[0].reason


def test_counted_rules_are_not_matched_per_dispatch() -> None:
    from wirewatch.query import RuleMatcher

    matcher = RuleMatcher([rule("frequency", "coup", threshold=2, window="1h"), Rule(id="m", name="m", query="coup")])
    assert [r.id for r, _ in matcher.match(doc(1, T0, title="coup"))] == ["m"]
    with pytest.raises(PolicyError):
        Counted.of(Rule(id="x", name="x", query="coup"))


async def test_the_embedded_pipeline_delivers_a_spike_and_keeps_it_once_across_a_restart(tmp_path: Path) -> None:
    from wirewatch.app.runner import EmbeddedPipeline
    from wirewatch.models import Dispatch, dispatch_id

    config = {
        "store": {"path": str(tmp_path / "s.db")},
        "rules": [
            {"name": "burst", "query": "junta", "type": "frequency", "threshold": 3, "window": "1h"},
        ],
    }
    settings, problems = settings_from_dict(config)
    assert problems == []
    now = datetime.now(UTC)
    for run_number in range(2):  # the second run replays the stored hour and must not fire again
        console = io.StringIO()
        pipeline = EmbeddedPipeline.from_settings(settings, console_stream=console)
        try:
            if run_number == 0:
                batch = [
                    Dispatch(
                        id=dispatch_id(f"j{i}"),
                        source="wire",
                        title=f"The junta in Niamey, report {i}",
                        text="The junta spoke on state television.",
                        published=now,
                        fetched=now + timedelta(seconds=i),
                    )
                    for i in range(4)
                ]
                pipeline.store.accept_many(batch)
                pipeline.process_batch(batch)
            await pipeline.delivery.deliver_backlog()
            lines = [line for line in console.getvalue().splitlines() if "[burst]" in line]
            assert len(lines) == (1 if run_number == 0 else 0)
        finally:
            await pipeline.close()
    with SQLiteStore(settings.store.path) as store:
        assert [a.kind for a in store.alerts(limit=10)] == ["frequency"]


def test_a_counted_alert_links_to_the_search_behind_it_on_the_dashboard() -> None:
    from wirewatch.app.dashboard.pages import alert_row
    from wirewatch.app.dashboard.present import alert_view
    from wirewatch.sinks.alerts.messages import Links

    coup = rule("frequency", "coup", threshold=2, window="1h")
    (alert,) = run([coup], [doc(i, T0 + timedelta(minutes=i), title="coup <b>now</b>") for i in range(2)])
    row = alert_row(alert_view(alert))
    assert 'href="/search?q=%28coup%29+AND+fetched%3A%3E%3D2026-12-06T08%3A01%3A00Z"' in row
    assert "<b>now</b>" not in row
    assert (Links("https://ww.example.org").alert(alert) or "").startswith("https://ww.example.org/search?q=%28coup%29")
