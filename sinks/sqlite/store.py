"""The embedded store: one SQLite file behind every store port.

``SQLiteStore`` implements Inbox, DispatchStore, AlertStore, DeadLetters and
FeedStateStore, so the embedded runner needs a single object and a single
file. WAL mode lets ``wirewatch search`` and ``wirewatch alerts`` read while
``wirewatch run`` writes; ``synchronous=NORMAL`` is durable across process
crashes in WAL mode (only a power loss can drop the last commits), at a
fraction of the cost of FULL.

Built for single-threaded asyncio use; a lock still serialises calls so a
runner that moves a batch onto a worker thread cannot interleave transactions.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from types import TracebackType
from typing import Any

from wirewatch.errors import StoreError
from wirewatch.models import (
    LATEST_STORIES,
    Alert,
    Dispatch,
    ModelError,
    StoryFilter,
    TaggedDispatch,
    format_time,
    parse_time,
    to_utc,
)
from wirewatch.query import fts_document_text
from wirewatch.sinks.sqlite.alerting import AlertingTables
from wirewatch.sinks.sqlite.schema import migrate
from wirewatch.sinks.sqlite.search import DEFAULT_SCAN_LIMIT, SearchResults
from wirewatch.sinks.sqlite.search import search as run_search

try:
    import orjson
except ImportError:  # optional: a faster encoder of the same JSON text (see _json)
    orjson = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

# Types orjson would encode on its own terms: passed through, they raise, and the stdlib decides.
_ORJSON_STDLIB_ONLY_TYPES = (
    (orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_SUBCLASS | orjson.OPT_PASSTHROUGH_DATACLASS)
    if orjson is not None
    else 0
)

# SQLite limits host parameters per statement (999 before 3.32); ids are looked up in chunks,
# and dispatches are inserted _ROWS_PER_INSERT rows (x 7 columns) per statement.
_ID_CHUNK = 500
_ROWS_PER_INSERT = 100
_DISPATCH_COLUMNS = "id, doc, title, text, source, published_ts, stored_at, story_id"
# A dead letter keeps the rejected input for replay, but one absurd input must
# not bloat the database: anything longer is cut and the reason says so.
MAX_DEAD_LETTER_PAYLOAD = 1024 * 1024
_MAX_ERROR_CHARS = 1000


class StoreClosedError(StoreError):
    """The store was used after close()."""


@dataclass(slots=True, frozen=True)
class DeliveryRecord:
    alert_key: str
    channel: str
    state: str  # "pending" | "delivered"
    attempts: int
    last_error: str | None
    next_attempt_at: datetime
    delivered_at: datetime | None


@dataclass(slots=True, frozen=True)
class DeadLetter:
    id: int
    kind: str
    payload: str
    reason: str
    at: datetime


def _ts(value: datetime) -> float:
    return to_utc(value).timestamp()


def _dt(value: float) -> datetime:
    return datetime.fromtimestamp(value, tz=UTC)


def _json(value: Any) -> str:
    """Compact JSON text, non-ASCII kept. orjson, when installed, writes the same text ~5x faster (the
    stored documents are the pipeline's largest encode); what it refuses or would write differently
    (datetimes, subclasses, dataclasses, non-string keys, integers past 64 bits, lone surrogates) goes to
    the standard library. One difference remains: a NaN or infinite float becomes null (valid JSON) instead
    of the stdlib's bare NaN, which SQLite's JSON functions reject; no stored document carries one."""
    if orjson is not None:
        try:
            return orjson.dumps(value, option=_ORJSON_STDLIB_ONLY_TYPES).decode()
        except TypeError:  # orjson.JSONEncodeError is a TypeError
            pass
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _chunks(items: list[str], size: int = _ID_CHUNK) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _row_chunks(rows: list[tuple[Any, ...]], size: int) -> Iterator[list[tuple[Any, ...]]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


@lru_cache(maxsize=_ROWS_PER_INSERT)
def _upsert_dispatches_sql(row_count: int) -> str:
    """Insert-or-replace of ``row_count`` dispatches in one statement (a repeated id updates the row)."""
    values = ", ".join(["(?, ?, ?, ?, ?, ?, ?, ?)"] * row_count)
    return (
        f"INSERT INTO dispatches ({_DISPATCH_COLUMNS}) VALUES {values}"
        " ON CONFLICT (id) DO UPDATE SET"
        " doc = excluded.doc, title = excluded.title, text = excluded.text,"
        " source = excluded.source, published_ts = excluded.published_ts, stored_at = excluded.stored_at,"
        " story_id = excluded.story_id"
    )


class SQLiteStore(AlertingTables):
    def __init__(self, path: Path | str, *, scan_limit: int = DEFAULT_SCAN_LIMIT) -> None:
        self.path = Path(path)
        self.scan_limit = scan_limit
        if str(self.path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        # isolation_level=None: no implicit transactions; every write below
        # either is one statement or runs inside an explicit _write() block.
        self._conn: sqlite3.Connection | None = sqlite3.connect(
            str(self.path), isolation_level=None, check_same_thread=False, timeout=10.0
        )
        self._lock = threading.RLock()
        self._in_transaction = False  # inside transaction(): writes are savepoints of it
        try:
            self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute("PRAGMA synchronous = NORMAL")
            self._conn.execute("PRAGMA foreign_keys = ON")
            migrate(self._conn)
        except BaseException:
            self._conn.close()
            self._conn = None
            raise

    # -- lifecycle -------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreClosedError(f"store {self.path} is closed")
        return self._conn

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; IMMEDIATE takes the write lock up front so a
        concurrent reader process can never force a mid-transaction retry.

        Inside ``transaction()`` it is a savepoint instead: still all-or-nothing
        on its own, but committed (and written to the WAL) once, with the rest."""
        with self._lock:
            conn = self.conn
            if self._in_transaction:
                conn.execute("SAVEPOINT write_unit")
                try:
                    yield conn
                except BaseException:
                    conn.execute("ROLLBACK TO write_unit")
                    conn.execute("RELEASE write_unit")
                    raise
                conn.execute("RELEASE write_unit")
                return
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Several writes as one transaction: one commit for, say, a batch's dispatches, its alerts
        and its inbox completion, instead of one each. All of it, or none of it, is stored."""
        with self._lock, self._write():
            outer, self._in_transaction = self._in_transaction, True
            try:
                yield
            finally:
                self._in_transaction = outer

    def _read(self, sql: str, params: Iterable[Any] = ()) -> list[Any]:
        with self._lock:
            return self.conn.execute(sql, tuple(params)).fetchall()

    # -- Inbox: dedup ledger and outbox ------------------------------------

    def accept(self, dispatch: Dispatch) -> bool:
        return bool(self.accept_many([dispatch]))

    def accept_many(self, dispatches: Iterable[Dispatch]) -> list[Dispatch]:
        """Accept a batch in one transaction; returns the ones that were new."""
        accepted: list[Dispatch] = []
        now = time.time()
        with self._write() as conn:
            for dispatch in dispatches:
                cursor = conn.execute(
                    "INSERT INTO inbox (id, payload, state, accepted_at) VALUES (?, ?, 'accepted', ?)"
                    " ON CONFLICT (id) DO NOTHING",
                    (dispatch.id, _json(dispatch.to_dict()), now),
                )
                if cursor.rowcount == 1:
                    accepted.append(dispatch)
        return accepted

    def seen(self, dispatch_ids: list[str]) -> set[str]:
        found: set[str] = set()
        unique = list(dict.fromkeys(dispatch_ids))
        for chunk in _chunks(unique):
            marks = ",".join("?" * len(chunk))
            found.update(row[0] for row in self._read(f"SELECT id FROM inbox WHERE id IN ({marks})", chunk))
        return found

    def complete(self, dispatch_id: str) -> None:
        self.complete_many([dispatch_id])

    def complete_many(self, dispatch_ids: Iterable[str]) -> None:
        # The payload is dropped once done: the stored document is the record
        # now, and the ledger only needs the id to deduplicate.
        with self._write() as conn:
            conn.executemany(
                "UPDATE inbox SET state = 'done', payload = NULL WHERE id = ?", [(i,) for i in dispatch_ids]
            )

    def pending(self) -> list[Dispatch]:
        rows = self._read("SELECT id, payload FROM inbox WHERE state = 'accepted' ORDER BY accepted_at, rowid")
        dispatches: list[Dispatch] = []
        for dispatch_id, payload in rows:
            try:
                dispatches.append(Dispatch.from_dict(json.loads(payload)))
            except (ModelError, ValueError, TypeError) as exc:
                # Cannot be replayed; keep it for a human instead of replaying
                # (and failing) on every start.
                self.dead_letter("inbox", payload or "", f"unreadable inbox entry {dispatch_id}: {exc}")
                self.complete(dispatch_id)
        return dispatches

    # -- DispatchStore -------------------------------------------------------

    def save(self, tagged: TaggedDispatch) -> None:
        self.save_many([tagged])

    def save_many(self, tagged_list: Iterable[TaggedDispatch], docs: list[dict[str, Any]] | None = None) -> int:
        """Insert or replace by dispatch id, all in one transaction.

        ``docs``, when given, are the ``to_doc()`` of each tagged dispatch, already built by the caller
        (the runner shares one with its live views instead of building it twice).
        """
        now = time.time()
        tagged_list = list(tagged_list)
        if docs is None:
            docs = [t.to_doc() for t in tagged_list]
        elif len(docs) != len(tagged_list):
            raise ValueError(f"save_many: {len(docs)} docs for {len(tagged_list)} dispatches")
        rows = [
            (
                t.id,
                _json(doc),
                fts_document_text(t.dispatch.title),
                fts_document_text(t.dispatch.text),
                t.dispatch.source,
                _ts(t.dispatch.published),
                now,
                t.story.id if t.story is not None else None,
            )
            for t, doc in zip(tagged_list, docs, strict=False)
        ]
        with self._write() as conn:
            # Many rows per INSERT statement, not executemany: each statement that fires the FTS5 trigger
            # opens a savepoint, and FTS5 flushes its pending terms to a new segment at every savepoint,
            # so one statement per row wrote one tiny segment per row (and merged them): ~2x the cost.
            for chunk in _row_chunks(rows, _ROWS_PER_INSERT):
                conn.execute(_upsert_dispatches_sql(len(chunk)), [value for row in chunk for value in row])
        return len(rows)

    def get(self, dispatch_id: str) -> dict[str, Any] | None:
        rows = self._read("SELECT doc FROM dispatches WHERE id = ?", (dispatch_id,))
        return json.loads(rows[0][0]) if rows else None

    def search(self, query: str, limit: int = 20) -> SearchResults:
        """Raises wirewatch.query.QuerySyntaxError for a malformed query."""
        with self._lock:
            return run_search(self.conn, query, limit=limit, scan_limit=self.scan_limit)

    # -- AlertStore ------------------------------------------------------

    def record_alert(self, alert: Alert, channels: list[str]) -> bool:
        return self.record_alerts([(alert, channels)])[0]

    def record_alerts(self, fired: list[tuple[Alert, list[str]]]) -> list[bool]:
        """`record_alert` for a batch, in one transaction; True where the alert is new.

        An alert whose key exists already (grouped by story: a later dispatch of the story) updates the row:
        hits, sources and the latest dispatch; each (alert, dispatch) counts once however often it comes. Its
        channels get nothing more unless the rule asks for updates: then each channel's delivery is due again
        and sends the alert as it stands (a delivery still pending just sends the newer state)."""
        now = time.time()
        with self._write() as conn:
            # Which keys exist is read inside the write transaction, so nothing can slip in between.
            existing: dict[str, Alert | None] = {}
            for chunk in _chunks(list(dict.fromkeys(alert.key for alert, _ in fired))):
                marks = ",".join("?" * len(chunk))
                existing.update(
                    (row[0], None) for row in conn.execute(f"SELECT key FROM alerts WHERE key IN ({marks})", chunk)
                )
            recorded: list[bool] = []
            for alert, channels in fired:
                key = alert.key
                hit = conn.execute(
                    "INSERT INTO alert_hits (alert_key, dispatch_id, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                    (key, alert.dispatch_id, _ts(alert.at)),
                ).rowcount
                if key not in existing:
                    existing[key] = alert
                    recorded.append(True)
                    conn.execute(
                        "INSERT INTO alerts (key, rule_id, dispatch_id, alert, at) VALUES (?, ?, ?, ?, ?)",
                        (key, alert.rule_id, alert.dispatch_id, _json(alert.to_dict()), _ts(alert.at)),
                    )
                    conn.executemany(
                        "INSERT INTO deliveries (alert_key, channel, state, next_attempt_at)"
                        " VALUES (?, ?, 'pending', ?) ON CONFLICT DO NOTHING",
                        [(key, channel, now) for channel in dict.fromkeys(channels)],
                    )
                    continue
                recorded.append(False)
                if not hit:
                    continue  # the same dispatch again: a repeat, already counted
                current = existing[key]
                if current is None:
                    row = conn.execute("SELECT alert FROM alerts WHERE key = ?", (key,)).fetchone()
                    current = existing[key] = Alert.from_dict(json.loads(row[0]))
                _grow(current, alert)
                conn.execute(
                    "UPDATE alerts SET alert = ?, updated_at = ? WHERE key = ?",
                    (_json(current.to_dict()), _ts(alert.at), key),
                )
                if alert.updates:
                    conn.executemany(
                        "INSERT INTO deliveries (alert_key, channel, state, next_attempt_at) VALUES (?, ?, 'pending', ?)"
                        " ON CONFLICT DO UPDATE SET state = 'pending', attempts = 0, last_error = NULL,"
                        " next_attempt_at = excluded.next_attempt_at, delivered_at = NULL, grouping = NULL, outcome = NULL,"
                        " silence_id = NULL",
                        [(key, channel, now) for channel in dict.fromkeys(channels)],
                    )
        return recorded

    def alert_hits(self, alert_key: str) -> list[str]:
        """The dispatches an alert covers, in the order they matched."""
        rows = self._read("SELECT dispatch_id FROM alert_hits WHERE alert_key = ? ORDER BY at", (alert_key,))
        return [row[0] for row in rows]

    def pending_deliveries(self, limit: int = 100, now: datetime | None = None) -> list[tuple[Alert, str]]:
        """Oldest due first; among equals, the least-tried first, so one alert an
        endpoint keeps refusing cannot block the ones queued behind it."""
        due = _ts(now) if now is not None else time.time()
        rows = self._read(
            """
            SELECT a.alert, d.channel FROM deliveries AS d JOIN alerts AS a ON a.key = d.alert_key
            WHERE d.state = 'pending' AND d.next_attempt_at <= ?
            ORDER BY d.next_attempt_at, d.attempts, a.at, d.rowid
            LIMIT ?
            """,
            (due, limit),
        )
        return [(Alert.from_dict(json.loads(alert)), channel) for alert, channel in rows]

    def mark_delivered(self, alert_key: str, channel: str) -> None:
        with self._write() as conn:
            conn.execute(
                "UPDATE deliveries SET state = 'delivered', outcome = 'sent', attempts = attempts + 1, delivered_at = ?"
                " WHERE alert_key = ? AND channel = ?",
                (time.time(), alert_key, channel),
            )

    def mark_delivered_many(self, alert_keys: list[str], channel: str) -> None:
        """`mark_delivered` for the alerts one channel took in a round: one transaction, not one each."""
        if not alert_keys:
            return
        now = time.time()
        with self._write() as conn:
            conn.executemany(
                "UPDATE deliveries SET state = 'delivered', outcome = 'sent', attempts = attempts + 1, delivered_at = ?"
                " WHERE alert_key = ? AND channel = ?",
                [(now, key, channel) for key in alert_keys],
            )

    def mark_failed(self, alert_key: str, channel: str, error: str, retry_at: datetime) -> None:
        with self._write() as conn:
            conn.execute(
                "UPDATE deliveries SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?"
                " WHERE alert_key = ? AND channel = ? AND state = 'pending'",
                (error[:_MAX_ERROR_CHARS], _ts(retry_at), alert_key, channel),
            )

    def defer_deliveries(self, channel: str, until: datetime) -> int:
        """Postpone the channel's pending deliveries due before ``until`` (a paused
        channel); attempts and errors are untouched. Returns how many moved."""
        with self._write() as conn:
            cursor = conn.execute(
                "UPDATE deliveries SET next_attempt_at = ?"
                " WHERE channel = ? AND state = 'pending' AND next_attempt_at < ?",
                (_ts(until), channel, _ts(until)),
            )
            return cursor.rowcount

    def delivery_attempts(self, alert_key: str, channel: str) -> int:
        """Attempts so far; lets the delivery loop continue its backoff after a restart."""
        rows = self._read("SELECT attempts FROM deliveries WHERE alert_key = ? AND channel = ?", (alert_key, channel))
        return int(rows[0][0]) if rows else 0

    def deliveries(self, alert_key: str | None = None) -> list[DeliveryRecord]:
        sql = "SELECT alert_key, channel, state, attempts, last_error, next_attempt_at, delivered_at FROM deliveries"
        params: tuple[Any, ...] = ()
        if alert_key is not None:
            sql += " WHERE alert_key = ?"
            params = (alert_key,)
        rows = self._read(sql + " ORDER BY rowid", params)
        return [
            DeliveryRecord(
                alert_key=key,
                channel=channel,
                state=state,
                attempts=attempts,
                last_error=last_error,
                next_attempt_at=_dt(next_at),
                delivered_at=_dt(delivered) if delivered is not None else None,
            )
            for key, channel, state, attempts, last_error, next_at, delivered in rows
        ]

    def alerts(self, since: datetime | None = None, limit: int = 100) -> list[Alert]:
        """Newest first: by when they fired or, for an alert a story's later dispatch updated, by that."""
        rows = self._read(
            "SELECT alert FROM alerts WHERE max(at, coalesce(updated_at, at)) >= ?"
            " ORDER BY max(at, coalesce(updated_at, at)) DESC, rowid DESC LIMIT ?",
            (_ts(since) if since is not None else float("-inf"), limit),
        )
        return [Alert.from_dict(json.loads(row[0])) for row in rows]

    # -- Stories -----------------------------------------------------------

    def put_stories(self, records: list[dict[str, Any]]) -> None:
        """The latest record of each changed story (StoryStage.take_changed)."""
        if not records:
            return
        rows = [
            (
                r["id"],
                r.get("title") or "",
                _ts(parse_time(r["first_seen"])),
                _ts(parse_time(r["last_update"])),
                int(r["dispatches"]),
                int(r["sources"]),
                _ts(parse_time(r["breaking_at"])) if r.get("breaking_at") else None,
                _json(r),
            )
            for r in records
        ]
        with self._write() as conn:
            conn.executemany(
                "INSERT INTO stories (id, title, first_seen, last_update, dispatches, sources, breaking_at, record)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
                " title = excluded.title, first_seen = excluded.first_seen, last_update = excluded.last_update,"
                " dispatches = excluded.dispatches, sources = excluded.sources, breaking_at = excluded.breaking_at,"
                " record = excluded.record",
                rows,
            )

    def story(self, story_id: str) -> dict[str, Any] | None:
        rows = self._read("SELECT record FROM stories WHERE id = ?", (story_id,))
        return json.loads(rows[0][0]) if rows else None

    def stories(self, wanted: StoryFilter = LATEST_STORIES) -> list[dict[str, Any]]:
        """The stories `wanted` asks for (Elasticsearch's stories_body answers the same)."""
        sort = {"last_update": "last_update DESC", "sources": "sources DESC, last_update DESC"}[wanted.order]
        where = ["last_update >= ?", "sources >= ?"]
        if wanted.breaking:
            where.append("breaking_at IS NOT NULL")
        rows = self._read(
            f"SELECT record FROM stories WHERE {' AND '.join(where)} ORDER BY {sort}, id LIMIT ?",
            (_ts(wanted.since) if wanted.since is not None else float("-inf"), wanted.min_sources, wanted.limit),
        )
        return [json.loads(row[0]) for row in rows]

    def story_dispatches(self, story_id: str, limit: int = 100) -> list[dict[str, Any]]:
        """A story's dispatches, newest first."""
        rows = self._read(
            "SELECT doc FROM dispatches WHERE story_id = ? ORDER BY published_ts DESC, seq DESC LIMIT ?",
            (story_id, limit),
        )
        return [json.loads(row[0]) for row in rows]

    def open_stories(self, horizon: timedelta) -> tuple[list[dict[str, Any]], Iterator[dict[str, Any]]]:
        """What a restart needs to resume the stories: the records of the stories updated within `horizon` of
        the latest update (the stories' clock is publication time, not the wall clock), and (lazily, in stored
        order) the documents published since then."""
        latest = self._read("SELECT max(last_update) FROM stories")[0][0]
        if latest is None:
            return [], iter(())
        since = _dt(latest) - horizon
        records = [
            json.loads(row[0])
            for row in self._read(
                "SELECT record FROM stories WHERE last_update >= ? ORDER BY last_update", (_ts(since),)
            )
        ]

        def docs() -> Iterator[dict[str, Any]]:
            after = -1
            while True:
                rows = self._read(
                    "SELECT seq, doc FROM dispatches WHERE seq > ? AND published_ts >= ? AND story_id IS NOT NULL"
                    " ORDER BY seq LIMIT 2000",
                    (after, _ts(since)),
                )
                if not rows:
                    return
                for seq, doc in rows:
                    after = seq
                    yield json.loads(doc)

        return records, docs()

    # -- DeadLetters -------------------------------------------------------

    def dead_letter(self, kind: str, payload: str, reason: str) -> None:
        if len(payload) > MAX_DEAD_LETTER_PAYLOAD:
            reason = f"{reason} (payload truncated from {len(payload)} characters)"
            payload = payload[:MAX_DEAD_LETTER_PAYLOAD]
        with self._write() as conn:
            conn.execute(
                "INSERT INTO dead_letters (kind, payload, reason, at) VALUES (?, ?, ?, ?)",
                (kind, payload, reason, time.time()),
            )

    def dead_letters(self, limit: int = 100) -> list[DeadLetter]:
        """Newest first."""
        rows = self._read("SELECT id, kind, payload, reason, at FROM dead_letters ORDER BY id DESC LIMIT ?", (limit,))
        return [DeadLetter(id=i, kind=k, payload=p, reason=r, at=_dt(at)) for i, k, p, r, at in rows]

    # -- FeedStateStore ----------------------------------------------------

    def load_feed_states(self) -> dict[str, dict[str, Any]]:
        return {name: json.loads(state) for name, state in self._read("SELECT name, state FROM feed_state")}

    def save_feed_state(self, name: str, state: dict[str, Any]) -> None:
        # Serialise before taking the write lock: a state that is not JSON-able
        # is the caller's bug and must not leave a transaction open.
        payload = json.dumps(state, ensure_ascii=False, default=_json_default)
        with self._write() as conn:
            conn.execute(
                "INSERT INTO feed_state (name, state, updated_at) VALUES (?, ?, ?)"
                " ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at",
                (name, payload, time.time()),
            )

    # -- feeds managed at runtime -------------------------------------------

    def managed_feeds(self) -> dict[str, dict[str, Any]]:
        """Feed definitions added or changed at runtime, name -> FeedConfig fields."""
        rows = self._read("SELECT name, definition FROM managed_feeds ORDER BY name")
        return {name: json.loads(definition) for name, definition in rows}

    def put_managed_feeds(self, definitions: dict[str, dict[str, Any]]) -> None:
        """Add or replace feed definitions (one transaction)."""
        payloads = [(name, json.dumps(d, ensure_ascii=False), time.time()) for name, d in definitions.items()]
        with self._write() as conn:
            conn.executemany(
                "INSERT INTO managed_feeds (name, definition, updated_at) VALUES (?, ?, ?) ON CONFLICT (name)"
                " DO UPDATE SET definition = excluded.definition, updated_at = excluded.updated_at",
                payloads,
            )

    def delete_managed_feed(self, name: str) -> bool:
        with self._write() as conn:
            return conn.execute("DELETE FROM managed_feeds WHERE name = ?", (name,)).rowcount > 0

    # -- LearnedStore: the tagger's learned layer ----------------------------

    def put_learned(self, records: list[tuple[str, dict[str, Any] | None]]) -> None:
        """Write learned-layer records ("<entry key>|<writer>" -> JSON, None deletes); one transaction
        (or the caller's, inside `transaction()`)."""
        if not records:
            return
        with self._write() as conn:
            (latest,) = conn.execute("SELECT coalesce(max(seq), 0) FROM learned").fetchone()
            upserts, deletions = [], []
            for seq, (key, value) in enumerate(dict(records).items(), latest + 1):  # a key given twice: the last
                if value is None:
                    deletions.append((key,))
                else:
                    upserts.append((key, key.rpartition("|")[2], _json(value), seq))
            conn.executemany("DELETE FROM learned WHERE key = ?", deletions)
            conn.executemany(
                "INSERT INTO learned (key, writer, value, seq) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value, seq = excluded.seq",
                upserts,
            )

    def learned_records(
        self, since: int = 0, writer: str | None = None
    ) -> tuple[list[tuple[str, dict[str, Any]]], int]:
        """Records written after `since` (all of them from 0), optionally by one writer, and the latest seq."""
        sql = "SELECT key, value, seq FROM learned WHERE seq > ?"
        params: list[Any] = [since]
        if writer is not None:
            sql += " AND writer = ?"
            params.append(writer)
        rows = self._read(sql + " ORDER BY seq", params)
        latest = max((row[2] for row in rows), default=since)
        return [(key, json.loads(value)) for key, value, _ in rows], latest

    # -- status --------------------------------------------------------------

    def stats(self) -> dict[str, int]:
        queries = {
            "dispatches": "SELECT count(*) FROM dispatches",
            "alerts": "SELECT count(*) FROM alerts",
            "pending_deliveries": "SELECT count(*) FROM deliveries WHERE state = 'pending'",
            "dead_letters": "SELECT count(*) FROM dead_letters",
            "inbox_pending": "SELECT count(*) FROM inbox WHERE state = 'accepted'",
        }
        return {name: int(self._read(sql)[0][0]) for name, sql in queries.items()}


def _grow(alert: Alert, hit: Alert) -> None:
    """An alert grouped by story takes one more matching dispatch."""
    alert.hits += 1
    if hit.source and hit.source not in alert.sources:
        alert.sources = [*(alert.sources or [alert.source]), hit.source]
    alert.latest = {
        "dispatch_id": hit.dispatch_id,
        "title": hit.title,
        "url": hit.url,
        "source": hit.source,
        "at": format_time(hit.at),
    }
    alert.updated_at = hit.at
    alert.countries = list(dict.fromkeys([*alert.countries, *hit.countries]))
    alert.officials = list(dict.fromkeys([*alert.officials, *hit.officials]))


def _json_default(value: Any) -> Any:
    # Feed state commonly carries datetimes (last success, next poll).
    if isinstance(value, datetime):
        return format_time(value)
    raise TypeError(f"feed state value of type {type(value).__name__} is not JSON-serialisable")
