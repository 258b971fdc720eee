"""SQLiteStore's batched writes against a real SQLite file: many dispatches per INSERT statement,
one transaction for a channel's deliveries; the results must equal the one-at-a-time writes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.unit.test_store import make_alert, make_tagged
from wirewatch.sinks.sqlite_store import _ROWS_PER_INSERT, SQLiteStore


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "wirewatch.db"


def fts_count(conn: sqlite3.Connection, word: str) -> int:
    return conn.execute("SELECT count(*) FROM dispatches_fts WHERE dispatches_fts MATCH ?", (word,)).fetchone()[0]


def test_a_batch_larger_than_one_statement_is_stored_and_searchable(db_path: Path) -> None:
    count = 2 * _ROWS_PER_INSERT + 7  # three statements, the last one short
    batch = [make_tagged(f"d{n}", title=f"Title {n}", text=f"alpha word{n} omega") for n in range(count)]
    with SQLiteStore(db_path) as store:
        assert store.save_many(batch) == count
        assert store.stats()["dispatches"] == count
        for n in (0, _ROWS_PER_INSERT - 1, _ROWS_PER_INSERT, count - 1):
            assert store.get(batch[n].id)["title"] == f"Title {n}"
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
        assert store.get(first.id)["text"] == "giraffe crossing"
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


def test_stored_json_is_the_standard_librarys_text_with_or_without_orjson(db_path: Path) -> None:
    import json

    from wirewatch.sinks.sqlite_store import _json

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
