"""SQLiteStore against real SQLite files: inbox, dispatches, alerts, dead letters, feed state."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from wirewatch.models import (
    Alert,
    CountryMention,
    Dispatch,
    OfficialMention,
    Rule,
    StoryRef,
    TaggedDispatch,
    Tags,
    dispatch_id,
)
from wirewatch.ports import AlertStore, DeadLetters, DispatchStore, FeedStateStore, Inbox
from wirewatch.sinks.sqlite import schema as sqlite_schema
from wirewatch.sinks.sqlite.schema import MIGRATIONS, SCHEMA_VERSION, SchemaError
from wirewatch.sinks.sqlite.store import _ROWS_PER_INSERT, MAX_DEAD_LETTER_PAYLOAD, SQLiteStore, StoreClosedError

T0 = datetime(2024, 7, 16, 8, 0, tzinfo=UTC)


def make_dispatch(
    key: str, title: str = "A title", text: str = "Some text.", published: datetime = T0, source: str = "test-feed"
) -> Dispatch:
    return Dispatch(
        id=dispatch_id(key),
        source=source,
        title=title,
        text=text,
        published=published,
        fetched=published + timedelta(minutes=5),
        url=f"https://news.example/{key}",
        language="en",
    )


def make_tagged(
    key: str,
    title: str = "A title",
    text: str = "Some text.",
    countries: tuple[str, ...] = (),
    published: datetime = T0,
    officials: tuple[str, ...] = (),
) -> TaggedDispatch:
    tags = Tags(
        countries=[CountryMention(code=c, name=c, mentions=1, first_offset=0) for c in countries],
        officials=[OfficialMention(name=o, role=None, country=None, mentions=1, known=True) for o in officials],
    )
    return TaggedDispatch(make_dispatch(key, title, text, published), tags, tagged_at=published)


def make_alert(rule_id: str = "r1", key: str = "d1", title: str = "Coup attempt in Ankara") -> Alert:
    tagged = make_tagged(key, title=title, countries=("TR", "SY"), officials=("Recep Tayyip Erdoğan",))
    return Alert.for_dispatch(Rule(id=rule_id, name=f"rule {rule_id}", query="coup"), tagged, ["coup"])


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "state" / "wirewatch.db"


def test_implements_every_store_port(db_path: Path) -> None:
    with SQLiteStore(db_path) as store:
        for port in (Inbox, DispatchStore, AlertStore, DeadLetters, FeedStateStore):
            assert isinstance(store, port), port.__name__


def test_file_is_wal_with_schema_version(db_path: Path) -> None:
    SQLiteStore(db_path).close()
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    finally:
        conn.close()


def test_refuses_a_database_from_a_newer_version(db_path: Path) -> None:
    SQLiteStore(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(SchemaError, match="newer"):
        SQLiteStore(db_path)


def _add_migration(monkeypatch: pytest.MonkeyPatch, script: str) -> None:
    monkeypatch.setattr(sqlite_schema, "MIGRATIONS", [*MIGRATIONS, script])
    monkeypatch.setattr(sqlite_schema, "SCHEMA_VERSION", SCHEMA_VERSION + 1)


def test_a_new_migration_upgrades_an_existing_file_keeping_data(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with SQLiteStore(db_path) as store:
        store.save(make_tagged("kept"))
    _add_migration(monkeypatch, "ALTER TABLE dispatches ADD COLUMN lang TEXT;")
    with SQLiteStore(db_path) as store:
        assert store.get(make_tagged("kept").id) is not None
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
        assert "lang" in [row[1] for row in store.conn.execute("PRAGMA table_info(dispatches)")]


def test_a_failing_migration_leaves_the_file_at_its_old_version(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    SQLiteStore(db_path).close()
    _add_migration(monkeypatch, "CREATE TABLE half_done (x); SELECT * FROM no_such_table;")
    with pytest.raises(sqlite3.OperationalError, match="no_such_table"):
        SQLiteStore(db_path)
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "half_done" not in tables and "dispatches" in tables
    finally:
        conn.close()


def test_use_after_close_is_a_clear_error(db_path: Path) -> None:
    store = SQLiteStore(db_path)
    store.close()
    with pytest.raises(StoreClosedError):
        store.stats()


# -- inbox -------------------------------------------------------------------


def test_inbox_accept_seen_complete_pending(db_path: Path) -> None:
    first, second = make_dispatch("a"), make_dispatch("b")
    with SQLiteStore(db_path) as store:
        assert store.accept(first) is True
        assert store.accept(first) is False
        assert store.accept(second) is True
        assert store.seen([first.id, "never-seen", second.id]) == {first.id, second.id}
        assert [d.id for d in store.pending()] == [first.id, second.id]
        store.complete(first.id)
        assert [d.id for d in store.pending()] == [second.id]
        assert store.stats()["inbox_pending"] == 1


def test_inbox_dedup_and_replay_survive_reopen(db_path: Path) -> None:
    done, in_flight = make_dispatch("done"), make_dispatch("in-flight", title="Ünïcode title")
    with SQLiteStore(db_path) as store:
        store.accept(done)
        store.accept(in_flight)
        store.complete(done.id)
    with SQLiteStore(db_path) as store:
        assert store.accept(done) is False  # completed ids stay deduplicated
        assert store.accept(in_flight) is False
        replay = store.pending()
        assert replay == [in_flight]  # the full dispatch comes back, equal field by field


def test_accept_many_returns_only_new_and_seen_handles_large_batches(db_path: Path) -> None:
    batch = [make_dispatch(f"k{i}") for i in range(1200)]  # more than one IN (...) chunk
    with SQLiteStore(db_path) as store:
        assert len(store.accept_many(batch[:700])) == 700
        new = store.accept_many(batch)
        assert [d.id for d in new] == [d.id for d in batch[700:]]
        ids = [d.id for d in batch] + ["x", "y"]
        assert store.seen(ids) == {d.id for d in batch}
        store.complete_many(d.id for d in batch[:1000])
        assert len(store.pending()) == 200


def test_unreadable_inbox_entry_goes_to_dead_letters_not_replay(db_path: Path) -> None:
    good = make_dispatch("good")
    with SQLiteStore(db_path) as store:
        store.accept(good)
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO inbox (id, payload, state, accepted_at) VALUES ('bad', '{\"id\": 1}', 'accepted', 0)")
    conn.commit()
    conn.close()
    with SQLiteStore(db_path) as store:
        assert [d.id for d in store.pending()] == [good.id]
        letters = store.dead_letters()
        assert len(letters) == 1 and letters[0].kind == "inbox" and "bad" in letters[0].reason
        assert [d.id for d in store.pending()] == [good.id]  # not reported twice
        assert len(store.dead_letters()) == 1


# -- dispatches --------------------------------------------------------------


def test_save_is_idempotent_by_id_and_reindexes_text(db_path: Path) -> None:
    original = make_tagged("a", title="Old headline", text="zebra crossing")
    revised = make_tagged("a", title="New headline", text="giraffe sighting", countries=("TR",))
    with SQLiteStore(db_path) as store:
        store.save(original)
        store.save(original)
        store.save(revised)
        assert store.stats()["dispatches"] == 1
        doc = store.get(revised.id)
        assert doc is not None and doc["title"] == "New headline" and doc["countries"][0]["code"] == "TR"
        assert TaggedDispatch.from_doc(doc) == revised
        conn = store.conn
        # the FTS index follows the row: old words gone, new words found, index consistent
        match = "SELECT count(*) FROM dispatches_fts WHERE dispatches_fts MATCH ?"
        assert conn.execute(match, ("zebra",)).fetchone()[0] == 0
        assert conn.execute(match, ("giraffe",)).fetchone()[0] == 1
        conn.execute("INSERT INTO dispatches_fts (dispatches_fts) VALUES ('integrity-check')")
        assert store.get("missing") is None


def test_save_many_is_one_transaction(db_path: Path) -> None:
    good = make_tagged("good")
    with SQLiteStore(db_path) as store:
        broken = make_tagged("broken")
        broken.dispatch.source = None  # type: ignore[assignment]  # violates NOT NULL
        with pytest.raises(sqlite3.IntegrityError):
            store.save_many([good, broken])
        assert store.get(good.id) is None  # rolled back with its batch
        assert store.save_many([good, make_tagged("other")]) == 2
        assert store.stats()["dispatches"] == 2


def test_saved_dispatches_survive_reopen(db_path: Path) -> None:
    tagged = make_tagged("persist", countries=("IR", "TR"))
    with SQLiteStore(db_path) as store:
        store.save(tagged)
    with SQLiteStore(db_path) as store:
        assert store.get(tagged.id) == tagged.to_doc()


def test_stored_json_is_the_standard_librarys_text_with_or_without_orjson(db_path: Path) -> None:
    import json

    from wirewatch.sinks.sqlite.store import _json

    def stdlib(value: object) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    tagged = make_tagged(
        "d1",
        title="Erdoğan: « coup » in Türkiye",
        text='Quote "here"\nand\ttabs',
        countries=("TR",),
        officials=("Recep Tayyip Erdoğan",),
    )
    for value in (
        tagged.to_doc(),
        tagged.dispatch.to_dict(),
        make_alert().to_dict(),
        {1: "int key"},
        {"big": 2**70},
        {"x": [1.5, 1e16, -0.0, None, True]},
    ):
        assert _json(value) == stdlib(value)
    with SQLiteStore(db_path) as store:
        store.save_many([tagged])
        assert store.get(tagged.id) == json.loads(stdlib(tagged.to_doc()))


# -- alerts ------------------------------------------------------------------


def test_alert_fires_once_across_reopen(db_path: Path) -> None:
    alert = make_alert()
    with SQLiteStore(db_path) as store:
        assert store.record_alert(alert, ["console", "hook"]) is True
        assert store.record_alert(alert, ["console", "hook"]) is False
    with SQLiteStore(db_path) as store:
        again = make_alert()  # a fresh object for the same (rule, dispatch)
        assert store.record_alert(again, ["console"]) is False
        assert store.record_alert(make_alert(rule_id="r2"), ["console"]) is True  # another rule may fire
        assert store.stats()["alerts"] == 2
        assert [a.key for a in store.alerts()] == ["r2:" + alert.dispatch_id, alert.key]
        # the duplicate added no deliveries; the first recording's are still pending
        assert sorted(c for a, c in store.pending_deliveries() if a.key == alert.key) == ["console", "hook"]


def test_delivery_bookkeeping(db_path: Path) -> None:
    alert = make_alert()
    later = alert.at + timedelta(seconds=30)
    with SQLiteStore(db_path) as store:
        store.record_alert(alert, ["console", "hook"])
        store.mark_failed(alert.key, "hook", "HTTP 500", retry_at=later)
        due_now = store.pending_deliveries(now=alert.at + timedelta(seconds=1))
        assert [(a.key, c) for a, c in due_now] == [(alert.key, "console")]
        assert due_now[0][0] == alert  # the alert round-trips whole
        store.mark_delivered(alert.key, "console")
        assert store.pending_deliveries(now=alert.at + timedelta(seconds=1)) == []
        assert [c for _, c in store.pending_deliveries(now=later)] == ["hook"]
        records = {r.channel: r for r in store.deliveries(alert.key)}
        assert records["console"].state == "delivered" and records["console"].attempts == 1
        assert records["hook"].state == "pending" and records["hook"].attempts == 1
        assert records["hook"].last_error == "HTTP 500" and records["hook"].next_attempt_at == later
        assert store.delivery_attempts(alert.key, "hook") == 1
        assert store.stats()["pending_deliveries"] == 1


def test_defer_deliveries_moves_only_that_channels_due_work(db_path: Path) -> None:
    first, second = make_alert(key="d1"), make_alert(key="d2")
    until = datetime.now(UTC) + timedelta(minutes=5)
    with SQLiteStore(db_path) as store:
        store.record_alert(first, ["hook", "console"])
        store.record_alert(second, ["hook"])
        store.mark_failed(second.key, "hook", "HTTP 503", retry_at=until + timedelta(minutes=5))
        assert store.defer_deliveries("hook", until) == 1  # the later retry is not pulled forward
        assert [c for _, c in store.pending_deliveries()] == ["console"]
        assert record_next(store, first.key, "hook") == until
        assert record_next(store, second.key, "hook") == until + timedelta(minutes=5)
        assert store.delivery_attempts(first.key, "hook") == 0  # a deferral is not an attempt


def record_next(store: SQLiteStore, key: str, channel: str) -> datetime:
    return next(r.next_attempt_at for r in store.deliveries(key) if r.channel == channel)


def test_alerts_since_filters_and_orders_newest_first(db_path: Path) -> None:
    with SQLiteStore(db_path) as store:
        for i in range(3):
            alert = make_alert(key=f"d{i}")
            alert.at = T0 + timedelta(hours=i)
            store.record_alert(alert, [])
        assert [a.at for a in store.alerts()] == [T0 + timedelta(hours=h) for h in (2, 1, 0)]
        assert [a.at for a in store.alerts(since=T0 + timedelta(minutes=30))] == [
            T0 + timedelta(hours=2),
            T0 + timedelta(hours=1),
        ]
        assert len(store.alerts(limit=1)) == 1


# -- dead letters and feed state --------------------------------------------


def test_dead_letters_keep_payload_and_reason(db_path: Path) -> None:
    with SQLiteStore(db_path) as store:
        store.dead_letter("ingest", "{not json", "line 3: invalid JSON")
        store.dead_letter("feed", "x" * (MAX_DEAD_LETTER_PAYLOAD + 10), "body too large")
    with SQLiteStore(db_path) as store:
        newest, oldest = store.dead_letters()
        assert (oldest.kind, oldest.payload, oldest.reason) == ("ingest", "{not json", "line 3: invalid JSON")
        assert len(newest.payload) == MAX_DEAD_LETTER_PAYLOAD and "truncated" in newest.reason
        assert [d.kind for d in store.dead_letters(limit=1)] == ["feed"]
        assert store.stats()["dead_letters"] == 2


def test_feed_state_round_trip(db_path: Path) -> None:
    state = {"etag": '"abc"', "failures": 2, "last_success": T0, "nested": {"items": [1, 2]}}
    with SQLiteStore(db_path) as store:
        store.save_feed_state("reuters", state)
        store.save_feed_state("irna", {"etag": None})
        store.save_feed_state("irna", {"etag": 'W/"2"'})  # replaced, not duplicated
    with SQLiteStore(db_path) as store:
        states = store.load_feed_states()
    assert states == {
        "reuters": {
            "etag": '"abc"',
            "failures": 2,
            "last_success": "2024-07-16T08:00:00Z",
            "nested": {"items": [1, 2]},
        },
        "irna": {"etag": 'W/"2"'},
    }


def test_feed_state_that_is_not_json_is_rejected_cleanly(db_path: Path) -> None:
    with SQLiteStore(db_path) as store:
        with pytest.raises(TypeError, match="not JSON-serialisable"):
            store.save_feed_state("bad", {"x": object()})
        store.save_feed_state("good", {"x": 1})  # no transaction left open
        assert store.load_feed_states() == {"good": {"x": 1}}


def test_stats_counts_everything(db_path: Path) -> None:
    with SQLiteStore(db_path) as store:
        assert store.stats() == {
            "dispatches": 0,
            "alerts": 0,
            "pending_deliveries": 0,
            "dead_letters": 0,
            "inbox_pending": 0,
        }


def test_record_alerts_in_one_batch_keeps_alert_once(db_path: Path) -> None:
    first, second = make_alert(key="b1"), make_alert(key="b2")
    with SQLiteStore(db_path) as store:
        assert store.record_alerts([(first, ["console"]), (second, ["console", "jsonl"]), (first, ["console"])]) == [
            True,
            True,
            False,
        ]
        assert store.record_alerts([(second, ["console"])]) == [False]
        assert sorted(channel for _, channel in store.pending_deliveries()) == ["console", "console", "jsonl"]


# -- batched writes: many dispatches per INSERT statement, one transaction for a channel's deliveries;
# the results must equal the one-at-a-time writes -----------------------------------------------------


def fts_count(conn: sqlite3.Connection, word: str) -> int:
    return conn.execute("SELECT count(*) FROM dispatches_fts WHERE dispatches_fts MATCH ?", (word,)).fetchone()[0]


def test_a_batch_larger_than_one_statement_is_stored_and_searchable(db_path: Path) -> None:
    count = 2 * _ROWS_PER_INSERT + 7  # three statements, the last one short
    batch = [make_tagged(f"d{n}", title=f"Title {n}", text=f"alpha word{n} omega") for n in range(count)]
    with SQLiteStore(db_path) as store:
        assert store.save_many(batch) == count
        assert store.stats()["dispatches"] == count
        for n in (0, _ROWS_PER_INSERT - 1, _ROWS_PER_INSERT, count - 1):
            row = store.get(batch[n].id)
            assert row is not None
            assert row["title"] == f"Title {n}"
        conn = store.conn
        assert fts_count(conn, "alpha") == count
        assert fts_count(conn, f"word{count - 1}") == 1
        conn.execute("INSERT INTO dispatches_fts (dispatches_fts) VALUES ('integrity-check')")


def test_a_repeated_id_in_one_batch_keeps_the_last_version_and_the_index_consistent(db_path: Path) -> None:
    first = make_tagged("same", text="zebra crossing")
    second = make_tagged("same", text="giraffe crossing")
    with SQLiteStore(db_path) as store:
        store.save_many([first, make_tagged("other", text="zebra"), second])
        assert store.stats()["dispatches"] == 2
        row = store.get(first.id)
        assert row is not None
        assert row["text"] == "giraffe crossing"
        conn = store.conn
        assert fts_count(conn, "giraffe") == 1
        assert fts_count(conn, "zebra") == 1  # only "other" now
        conn.execute("INSERT INTO dispatches_fts (dispatches_fts) VALUES ('integrity-check')")


def test_a_failing_row_rolls_back_every_statement_of_the_batch(db_path: Path) -> None:
    batch = [make_tagged(f"d{n}") for n in range(_ROWS_PER_INSERT + 5)]
    batch[-1].dispatch.source = None  # type: ignore[assignment]  # NOT NULL, in the second statement
    with SQLiteStore(db_path) as store:
        with pytest.raises(sqlite3.IntegrityError):
            store.save_many(batch)
        assert store.stats()["dispatches"] == 0
        assert fts_count(store.conn, "text") == 0


def test_mark_delivered_many_marks_only_the_given_alerts_of_that_channel(db_path: Path) -> None:
    alerts = [make_alert("r1", key=f"d{n}") for n in range(4)]
    with SQLiteStore(db_path) as store:
        store.record_alerts([(alert, ["console", "jsonl"]) for alert in alerts])
        store.mark_delivered_many([alerts[0].key, alerts[2].key], "jsonl")
        store.mark_delivered_many([], "jsonl")  # nothing to do, no error
        states = {(r.alert_key, r.channel): (r.state, r.attempts) for r in store.deliveries()}
    assert states[(alerts[0].key, "jsonl")] == ("delivered", 1)
    assert states[(alerts[2].key, "jsonl")] == ("delivered", 1)
    assert states[(alerts[1].key, "jsonl")] == ("pending", 0)
    assert all(states[(alert.key, "console")] == ("pending", 0) for alert in alerts)


# -- transactions ------------------------------------------------------------


def test_transaction_commits_its_writes_once_and_together(db_path: Path) -> None:
    tagged = make_tagged("d1")
    alert = make_alert("r1", key="d1")
    with SQLiteStore(db_path) as store:
        store.accept(tagged.dispatch)
        statements: list[str] = []
        store.conn.set_trace_callback(statements.append)
        with store.transaction():
            store.save_many([tagged])
            assert store.record_alerts([(alert, ["console"])]) == [True]
            store.complete_many([tagged.id])
        store.conn.set_trace_callback(None)
        assert [s for s in statements if s.strip().upper() in ("COMMIT", "BEGIN IMMEDIATE")] == [
            "BEGIN IMMEDIATE",
            "COMMIT",
        ]
        assert store.stats() == {
            "dispatches": 1,
            "alerts": 1,
            "pending_deliveries": 1,
            "dead_letters": 0,
            "inbox_pending": 0,
        }


def test_a_failure_in_a_transaction_stores_none_of_it(db_path: Path) -> None:
    tagged = make_tagged("d1")
    with SQLiteStore(db_path) as store:
        store.accept(tagged.dispatch)
        with pytest.raises(RuntimeError):
            with store.transaction():
                store.save_many([tagged])
                store.complete_many([tagged.id])
                raise RuntimeError("the process dies here")
        assert store.stats()["dispatches"] == 0
        assert [d.id for d in store.pending()] == [tagged.id]  # still replayable
        store.save_many([tagged])  # and the store still takes writes afterwards
        assert store.stats()["dispatches"] == 1


def test_a_failed_write_inside_a_transaction_undoes_only_itself(db_path: Path) -> None:
    good, broken = make_tagged("good"), make_tagged("broken")
    broken.dispatch.source = None  # type: ignore[assignment]  # NOT NULL
    with SQLiteStore(db_path) as store:
        with store.transaction():
            store.save_many([good])
            with pytest.raises(sqlite3.IntegrityError):
                store.save_many([make_tagged("sibling"), broken])
        assert store.get(good.id) is not None
        assert store.stats()["dispatches"] == 1  # "sibling" went with its failed batch


def test_search_folds_accents_and_arabic_letter_forms(db_path: Path) -> None:
    with SQLiteStore(db_path) as store:
        store.save(make_tagged("fr", title="Coup d'État au Niger", text="Le général a parlé à Zürich."))
        store.save(make_tagged("ar", title="محاولة انقلاب", text="أعلن الجيش إحباط المحاولة في الأمم المتحدة."))
        store.save(make_tagged("en", title="Budget vote", text="Nothing to fold here."))
        for query, expected in (
            ("zurich", {"fr"}),
            ("ZÜRICH", {"fr"}),
            ("text:general", {"fr"}),
            ('"coup d\'etat"', {"fr"}),
            ("احباط", {"ar"}),
            ("الامم", {"ar"}),
            ("gen*", {"fr"}),
        ):
            assert {hit.doc["id"] for hit in store.search(query)} == {make_tagged(k).id for k in expected}, query
        hit = store.search("zurich")[0]
        assert hit.doc["text"] == "Le général a parlé à Zürich."  # the document as written, never folded


def test_the_migration_folds_what_an_older_version_indexed(db_path: Path) -> None:
    # a file as version 2 left it: its schema, and the title and text lowercased, not folded
    db_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(db_path)
    for script in MIGRATIONS[:2]:
        conn.executescript(script)
    old = make_tagged("old", title="Coup d'État", text="À Zürich, le général.")
    conn.execute(
        "INSERT INTO dispatches (id, doc, title, text, source, published_ts, stored_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (old.id, json.dumps(old.to_doc()), "coup d'état", "à zürich, le général.", "wire", T0.timestamp(), 0.0),
    )
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()
    with SQLiteStore(db_path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert [hit.doc["id"] for hit in store.search("zurich")] == [old.id]


def story_hit(rule: Rule, key: str, source: str, minutes: int) -> Alert:
    """One dispatch of story s-1 matching `rule`, as the stories stage hands it to the alert store."""
    tagged = make_tagged(key, title=f"Coup report {key}", countries=("ML",), published=T0 + timedelta(minutes=minutes))
    tagged.dispatch.source = source
    tagged.story = StoryRef("s-1", "event", 1, 1, ["en"], T0)
    hit = Alert.for_dispatch(rule, tagged, ["coup"])
    hit.at = T0 + timedelta(minutes=minutes)
    return hit


def test_a_storys_alert_grows_with_its_hits_and_repeats_count_once(db_path: Path) -> None:
    once = Rule(id="coup", name="coup", query="coup")  # group_by story, no updates
    chatty = Rule(id="chatty", name="chatty", query="coup", updates=True)
    with SQLiteStore(db_path) as store:
        assert store.record_alerts([(story_hit(once, "a", "wire", 0), ["jsonl"])]) == [True]
        assert store.record_alerts([(story_hit(chatty, "a", "wire", 0), ["jsonl"])]) == [True]
        for key in ("coup:s-1", "chatty:s-1"):
            store.mark_delivered(key, "jsonl")
        later = [
            (story_hit(r, k, src, m), ["jsonl"]) for r in (once, chatty) for k, src, m in (("b", "b", 5), ("c", "c", 9))
        ]
        assert store.record_alerts(later + later) == [False] * 8  # the same hits twice: counted once
        grown = {a.rule_id: a for a in store.alerts()}
        for alert in grown.values():
            assert (alert.hits, alert.sources, alert.dispatch_id) == (3, ["wire", "b", "c"], make_tagged("a").id)
            assert alert.latest is not None and alert.latest["dispatch_id"] == make_tagged("c").id
        assert store.alert_hits("coup:s-1") == [make_tagged(k).id for k in "abc"]
        # the quiet rule's channel got its one alert; the rule asking for updates has a delivery due again
        pending = {alert.key for alert, _ in store.pending_deliveries()}
        assert pending == {"chatty:s-1"}
