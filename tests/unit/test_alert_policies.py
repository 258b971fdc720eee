"""Digests, realert windows and silences, over a real SQLite ledger and a real HTTP receiver: what is held is
sent once, as one message, when its time comes (also after a restart); repeats are counted and listed, never
lost; silenced alerts are recorded and not delivered, and a silence that ends lets the next ones through."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.support import Receiver
from tests.unit.test_store import make_alert
from wirewatch.app.components import component_problems
from wirewatch.config import settings_from_dict
from wirewatch.models import Alert, Rule
from wirewatch.settings import DeliverySettings, WebhookSettings
from wirewatch.sinks.alerts.delivery import AlertDelivery
from wirewatch.sinks.alerts.notifiers import WebhookNotifier
from wirewatch.sinks.alerts.policy import DigestSchedule, PolicyError, RulePolicy, policies
from wirewatch.sinks.sqlite.store import SQLiteStore

SETTINGS = DeliverySettings(retry_base=1.0, retry_max=4.0)
T0 = datetime(2026, 12, 6, 10, 7, 30, tzinfo=UTC)


def rule(**policy) -> Rule:
    return Rule(id="r1", name="rule r1", query="coup", channels=["ops"], **policy)


def alert_at(key: str, at: datetime, countries: tuple[str, ...] = ("TR",)) -> Alert:
    alert = make_alert(key=key)
    alert.dispatch_id = key
    alert.at = at
    alert.countries = list(countries)
    return alert


def delivery_for(store: SQLiteStore, receiver: Receiver, *rules: Rule) -> AlertDelivery:
    hook = WebhookNotifier("ops", WebhookSettings(url=receiver.url))
    return AlertDelivery(store, {"ops": hook}, SETTINGS, policies=policies(list(rules)), clock=lambda: T0)


def sent_keys(receiver: Receiver) -> list[list[str]]:
    """Each message's alert dispatch ids: a single alert's body, or a digest's list."""
    out = []
    for body in receiver.received:
        alerts = body.get("alerts", [body])
        out.append([a["dispatch_id"] for a in alerts])
    return out


# -- schedules ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spec", "now", "due"),
    [
        ("15m", T0, datetime(2026, 12, 6, 10, 15, tzinfo=UTC)),
        ("1h", T0, datetime(2026, 12, 6, 11, 0, tzinfo=UTC)),
        ("15m", datetime(2026, 12, 6, 10, 15, tzinfo=UTC), datetime(2026, 12, 6, 10, 30, tzinfo=UTC)),
        ("daily 08:00", T0, datetime(2026, 12, 7, 8, 0, tzinfo=UTC)),
        ("daily 11:30", T0, datetime(2026, 12, 6, 11, 30, tzinfo=UTC)),
        ("daily 08:00 Europe/Paris", T0, datetime(2026, 12, 7, 7, 0, tzinfo=UTC)),  # UTC+1 in December
        ("daily 08:00 Europe/Paris", datetime(2026, 7, 1, 5, 0, tzinfo=UTC), datetime(2026, 7, 1, 6, 0, tzinfo=UTC)),
    ],
)
def test_digest_periods_end_on_the_clock(spec: str, now: datetime, due: datetime) -> None:
    assert DigestSchedule.parse(spec).next_due(now) == due


@pytest.mark.parametrize("spec", ["", "15", "0m", "5s", "daily 25:00", "daily 08:00 Mars/Olympus", "weekly"])
def test_a_bad_digest_period_is_refused(spec: str) -> None:
    with pytest.raises(PolicyError):
        DigestSchedule.parse(spec)


def test_policy_problems_are_config_errors_naming_the_rule() -> None:
    raw = {
        "delivery": {"webhooks": {"ops": {"url": "https://h.example/x"}}},
        "rules": [
            {"name": "a", "query": "coup", "channels": ["ops"], "digest": {"email": "1h"}},
            {"name": "b", "query": "coup", "channels": ["ops"], "digest": "fortnightly"},
            {"name": "c", "query": "coup", "channels": ["ops"], "realert": "30m", "realert_key": "colour"},
            {"name": "d", "query": "coup", "channels": ["ops"], "realert": "soon"},
            {"name": "e", "query": "coup", "channels": ["ops"], "digest": "daily 08:00", "realert": "30m"},
        ],
    }
    settings, problems = settings_from_dict(raw)
    problems += component_problems(settings)
    messages = {p.key: p.reason for p in problems}
    assert set(messages) == {"rules[0]", "rules[1]", "rules[2]", "rules[3]"}
    assert "rule 'a': digest for channel 'email'" in messages["rules[0]"]
    assert "fortnightly" in messages["rules[1]"]
    assert "realert_key 'colour'" in messages["rules[2]"]
    assert "'soon' is not a duration" in messages["rules[3]"]


def test_a_channels_own_digest_overrides_the_rules() -> None:
    policy = RulePolicy.of(
        Rule(id="r", name="r", query="q", channels=["ops", "desk", "console"], digest={"*": "1h", "desk": "15m"})
    )
    assert {name: s.spec for name, s in policy.digest.items()} == {"ops": "1h", "desk": "15m", "console": "1h"}


# -- digests ------------------------------------------------------------------------------------------------


async def test_a_digest_sends_the_periods_alerts_as_one_message_once(tmp_path: Path, receiver: Receiver) -> None:
    with SQLiteStore(tmp_path / "s.db") as store:
        delivery = delivery_for(store, receiver, rule(digest={"*": "15m"}))
        for i in range(5):
            delivery.record(alert_at(f"d{i}", T0 + timedelta(seconds=i)), ["ops"])
        assert await delivery.deliver_due(T0 + timedelta(minutes=1)) == 0
        assert receiver.received == [] and delivery.counters.held == 5
        end = datetime(2026, 12, 6, 10, 15, tzinfo=UTC)
        assert await delivery.deliver_due(end - timedelta(seconds=1)) == 0
        assert await delivery.deliver_due(end) == 5
        assert await delivery.deliver_due(end + timedelta(hours=2)) == 0
        await delivery.close()
    assert sent_keys(receiver) == [[f"d{i}" for i in range(5)]]
    assert receiver.received[0]["subject"] == "[wirewatch] rule r1: 5 alerts (15m digest)"


async def test_a_digest_due_while_down_is_sent_after_the_restart_once(tmp_path: Path, receiver: Receiver) -> None:
    db = tmp_path / "s.db"
    with SQLiteStore(db) as store:
        delivery = delivery_for(store, receiver, rule(digest={"*": "1h"}))
        for i in range(3):
            delivery.record(alert_at(f"d{i}", T0), ["ops"])
        await delivery.deliver_due(T0)  # held until 11:00
        await delivery.close()
    # down from 10:07 until 13:00: the 11:00 and 12:00 digests were due meanwhile; one message, once
    later = datetime(2026, 12, 6, 13, 0, tzinfo=UTC)
    with SQLiteStore(db) as store:
        delivery = delivery_for(store, receiver, rule(digest={"*": "1h"}))
        delivery.record(alert_at("d3", later), ["ops"])  # a new alert: the next period, not this digest
        assert await delivery.deliver_due(later) == 3
        assert await delivery.deliver_due(later + timedelta(minutes=1)) == 0
        assert await delivery.deliver_due(later + timedelta(hours=1)) == 1
        await delivery.close()
    assert sent_keys(receiver) == [["d0", "d1", "d2"], ["d3"]]


async def test_a_failed_digest_is_retried_whole(tmp_path: Path, receiver: Receiver) -> None:
    receiver.statuses = [503]
    with SQLiteStore(tmp_path / "s.db") as store:
        delivery = delivery_for(store, receiver, rule(digest={"*": "15m"}))
        for i in range(4):
            delivery.record(alert_at(f"d{i}", T0), ["ops"])
        end = datetime(2026, 12, 6, 10, 15, tzinfo=UTC)
        await delivery.deliver_due(T0)
        assert await delivery.deliver_due(end) == 0  # refused: every member waits for the same retry
        assert {r.attempts for r in store.deliveries()} == {1}
        assert await delivery.deliver_due(end + timedelta(seconds=5)) == 4
        await delivery.close()
    assert sent_keys(receiver) == [["d0", "d1", "d2", "d3"]]
    keys = [request.headers["Idempotency-Key"] for request in receiver.requests]
    assert keys[0] == keys[1] and keys[0].startswith("digest:")


# -- realert ------------------------------------------------------------------------------------------------


async def test_realert_sends_the_first_at_once_and_lists_the_repeats_when_the_window_ends(
    tmp_path: Path, receiver: Receiver
) -> None:
    with SQLiteStore(tmp_path / "s.db") as store:
        delivery = delivery_for(store, receiver, rule(realert="30m", realert_key="countries"))
        delivery.record(alert_at("first", T0), ["ops"])
        assert await delivery.deliver_due(T0) == 1
        for i, minutes in enumerate((5, 10, 20)):
            at = T0 + timedelta(minutes=minutes)
            delivery.record(alert_at(f"repeat{i}", at), ["ops"])
            assert await delivery.deliver_due(at) == 0  # held: counted, not sent
        other = T0 + timedelta(minutes=21)
        delivery.record(alert_at("mali", other, countries=("ML",)), ["ops"])  # another key: at once
        assert await delivery.deliver_due(other) == 1
        window_end = T0 + timedelta(minutes=30)
        assert await delivery.deliver_due(window_end) == 3
        after = window_end + timedelta(minutes=1)  # the window restarted when the repeats went out
        delivery.record(alert_at("again", after), ["ops"])
        assert await delivery.deliver_due(after) == 0
        assert await delivery.deliver_due(after + timedelta(minutes=30)) == 1
        await delivery.close()
    assert sent_keys(receiver) == [["first"], ["mali"], ["repeat0", "repeat1", "repeat2"], ["again"]]
    listed = receiver.received[2]
    assert listed["subject"] == "[wirewatch] rule r1: 3 alerts held back for TR (realert)"
    assert "realert window (1800s)" in listed["notes"][0]
    outcomes = {r.alert_key: r.state for r in store_rows(tmp_path / "s.db")}
    assert set(outcomes.values()) == {"delivered"}  # nothing lost: every alert left the queue by being sent


async def test_a_realert_window_opens_only_once_its_first_alert_was_sent(tmp_path: Path, receiver: Receiver) -> None:
    receiver.statuses = [503]  # the first attempt is refused
    with SQLiteStore(tmp_path / "s.db") as store:
        delivery = delivery_for(store, receiver, rule(realert="30m", realert_key="countries"))
        delivery.record(alert_at("first", T0), ["ops"])
        assert await delivery.deliver_due(T0) == 0
        assert store.throttle_until("r1", "TR", "ops") is None  # nothing was sent: no window
        retry = T0 + timedelta(seconds=2)
        assert await delivery.deliver_due(retry) == 1  # retried as itself, at once, not held
        until = store.throttle_until("r1", "TR", "ops")
        assert until is not None and until > retry
        delivery.record(alert_at("repeat", retry + timedelta(minutes=1)), ["ops"])
        assert await delivery.deliver_due(retry + timedelta(minutes=1)) == 0  # now the window holds repeats
        await delivery.close()
    assert sent_keys(receiver) == [["first"]]


def store_rows(path: Path):
    with SQLiteStore(path) as store:
        return store.deliveries()


# -- silences -----------------------------------------------------------------------------------------------


async def test_a_silence_records_without_delivering_and_its_end_lets_alerts_through(
    tmp_path: Path, receiver: Receiver
) -> None:
    with SQLiteStore(tmp_path / "s.db") as store:
        delivery = delivery_for(store, receiver, rule())
        silence = store.add_silence(
            rule="rule r1", key="TR", starts=T0, ends=T0 + timedelta(hours=1), reason="known: Ankara summit"
        )
        during = T0 + timedelta(minutes=30)
        delivery.record(alert_at("turkey", during), ["ops"])
        delivery.record(alert_at("mali", during, countries=("ML",)), ["ops"])
        assert await delivery.deliver_due(during) == 1
        after = T0 + timedelta(hours=1, minutes=1)  # the silence ended while alerts kept coming
        delivery.record(alert_at("turkey-later", after), ["ops"])
        assert await delivery.deliver_due(after) == 1
        assert store.delivery_outcomes("r1:turkey") == {"ops": "silenced"}
        assert store.delivery_outcomes("r1:mali") == {"ops": "sent"}
        silenced = [r for r in store.deliveries() if r.state == "delivered"]
        assert len(silenced) == 3 and store.silenced_count() == 1 and delivery.counters.silenced == 1
        assert [a.dispatch_id for a in store.alerts(limit=10)][-1] == "turkey"  # recorded and visible
        assert store.silences(active_at=during)[0].id == silence.id
        assert store.silences(active_at=after) == []
        await delivery.close()
    assert sent_keys(receiver) == [["mali"], ["turkey-later"]]


def test_expiring_a_silence_ends_it_now(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "s.db") as store:
        silence = store.add_silence(rule=None, key="ML", starts=T0, ends=T0 + timedelta(hours=6), reason="x")
        assert store.expire_silence(silence.id, now=T0 + timedelta(hours=1))
        assert not store.expire_silence(silence.id, now=T0 + timedelta(hours=2))  # already over
        assert store.silences(active_at=T0 + timedelta(hours=1, seconds=1)) == []
        assert store.silences()[0].ends == T0 + timedelta(hours=1)


def test_silence_commands_add_list_and_expire(tmp_path: Path, capsys) -> None:
    import json

    from wirewatch.app.cli.main import main

    store = str(tmp_path / "s.db")
    args = ["--store", store, "silence"]
    assert main([*args, "add", "--key", "ML", "--for", "6h", "--reason", "junta briefing", "--by", "desk"]) == 0
    assert "until" in capsys.readouterr().out
    assert main([*args, "list", "--json"]) == 0
    (listed,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert (listed["key"], listed["rule"], listed["reason"], listed["created_by"]) == (
        "ML",
        None,
        "junta briefing",
        "desk",
    )
    assert main([*args, "expire", listed["id"]]) == 0
    assert main([*args, "expire", listed["id"]]) == 1  # ended already
    capsys.readouterr()
    assert main([*args, "list", "--json"]) == 0 and capsys.readouterr().out == ""
    assert main([*args, "list", "--all", "--json"]) == 0 and listed["id"] in capsys.readouterr().out
    assert main([*args, "add", "--for", "a while", "--reason", "x"]) == 2
    assert "not a duration" in capsys.readouterr().err


def test_a_silence_record_from_a_topic_is_checked() -> None:
    from wirewatch.models import ModelError, Silence

    good = Silence("s1", "r", "ML", T0, T0 + timedelta(hours=1), "why", "me")
    assert Silence.from_dict(good.to_dict()) == good
    for bad in ({}, {"id": "s"}, {"id": "s", "starts": "never", "ends": "x"}, {**good.to_dict(), "key": 3}):
        with pytest.raises(ModelError):
            Silence.from_dict(bad)


# -- rules tried on the past --------------------------------------------------------------------------------


def write_rules_config(tmp_path: Path) -> Path:
    config = tmp_path / "wirewatch.toml"
    config.write_text(
        f'[store]\npath = "{tmp_path / "s.db"}"\n\n[delivery]\njsonl_path = "{tmp_path / "alerts.jsonl"}"\n\n'
        '[[rules]]\nname = "sahel coup"\nquery = "coup AND countries.code:(NE OR ML)"\nchannels = ["jsonl"]\n'
        'group_by = "dispatch"\n',
        encoding="utf-8",
    )
    return config


def test_rules_test_lists_past_matches_and_apply_records_them_as_one_digest(tmp_path: Path, capsys) -> None:
    import asyncio
    import json

    from wirewatch.app.cli.main import main
    from wirewatch.app.components import load_settings
    from wirewatch.sinks.alerts.channels import build_notifiers

    feed = tmp_path / "past.jsonl"
    feed.write_text(
        '{"title": "Coup attempt in Niger", "text": "Soldiers in Niger announced a coup in Niamey.", "source": "a"}\n'
        '{"title": "Talks in Ankara", "text": "Turkey hosted talks on trade.", "source": "b"}\n'
        '{"title": "Mali junta", "text": "The junta in Bamako said the coup leaders stay.", "source": "c"}\n',
        encoding="utf-8",
    )
    config = str(write_rules_config(tmp_path))
    assert main(["-c", config, "ingest", str(feed)]) == 0
    (tmp_path / "alerts.jsonl").unlink()  # the live pipeline's own alerts: this test is about the backfill
    capsys.readouterr()
    assert main(["-c", config, "rules", "test", "coup", "--since", "1h", "--json"]) == 0
    out = capsys.readouterr()
    assert sorted(json.loads(line)["source"] for line in out.out.splitlines()) == ["a", "c"]
    assert "2 dispatches since" in out.err
    assert main(["-c", config, "rules", "test", "--since", "1h", "--apply"]) == 2  # --apply needs --rule
    capsys.readouterr()

    with SQLiteStore(tmp_path / "s.db") as store:  # the ingest fired them already: clear, to backfill
        store.conn.execute("DELETE FROM deliveries")
        store.conn.execute("DELETE FROM alert_hits")
        store.conn.execute("DELETE FROM alerts")
        store.conn.commit()
    assert (
        main(["-c", config, "rules", "test", "--rule", "sahel coup", "--since", "1h", "--apply", "--deliver", "digest"])
        == 0
    )
    assert "2 alerts recorded" in capsys.readouterr().err
    assert main(["-c", config, "rules", "test", "--rule", "sahel coup", "--since", "1h", "--apply"]) == 0
    assert "0 alerts recorded" in capsys.readouterr().err  # fired once: never twice

    settings = load_settings(config)
    with SQLiteStore(tmp_path / "s.db") as store:
        delivery = AlertDelivery(store, build_notifiers(settings.delivery), settings.delivery)
        assert asyncio.run(delivery.deliver_backlog()) == 2
        assert asyncio.run(delivery.deliver_backlog()) == 0
    (digest,) = [json.loads(line) for line in (tmp_path / "alerts.jsonl").read_text().splitlines()]
    assert digest["count"] == 2 and digest["subject"] == "[wirewatch] sahel coup: 2 alerts"
