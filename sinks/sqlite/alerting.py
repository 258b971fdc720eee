"""The alerting ledger's tables beyond alerts and deliveries: held deliveries (digests, realert windows),
throttle windows and silences (schema step 6; the policies are in sinks/alerts/policy.py).

A mixin of SQLiteStore: the same connection, lock and transactions (`_write`, `_read`).
"""

from __future__ import annotations

import json
import sqlite3
import time
import uuid
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import Any

from wirewatch.models import Alert, DueDelivery, Silence

MAX_GROUP = 10_000  # alerts in one digest or realert message at most; the rest follow in the next


def _ts(value: datetime) -> float:
    return value.timestamp()


def _dt(value: float) -> datetime:
    return datetime.fromtimestamp(value, UTC)


def _seconds(iso: str) -> float:
    try:
        return datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp()
    except ValueError:
        return time.time()


class AlertingTables:
    # Provided by SQLiteStore.
    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    def _read(self, sql: str, params: Any = ()) -> list[Any]:
        raise NotImplementedError

    # -- deliveries held for a digest or a realert window -------------------------------------------------

    def due_deliveries(self, limit: int = 100, now: datetime | None = None) -> list[DueDelivery]:
        """As pending_deliveries, with each delivery's group and attempts."""
        due = _ts(now) if now is not None else time.time()
        rows = self._read(
            """
            SELECT a.alert, d.channel, d.grouping, d.attempts FROM deliveries AS d JOIN alerts AS a ON a.key = d.alert_key
            WHERE d.state = 'pending' AND d.next_attempt_at <= ?
            ORDER BY d.next_attempt_at, d.attempts, a.at, d.rowid
            LIMIT ?
            """,
            (due, limit),
        )
        return [DueDelivery(Alert.from_dict(json.loads(a)), channel, g, n) for a, channel, g, n in rows]

    def group_deliveries(self, channel: str, grouping: str, now: datetime) -> list[Alert]:
        """Every due delivery of one group on one channel, oldest first (a digest is one message)."""
        rows = self._read(
            """
            SELECT a.alert FROM deliveries AS d JOIN alerts AS a ON a.key = d.alert_key
            WHERE d.state = 'pending' AND d.channel = ? AND d.grouping = ? AND d.next_attempt_at <= ?
            ORDER BY a.at, d.rowid LIMIT ?
            """,
            (channel, grouping, _ts(now), MAX_GROUP),
        )
        return [Alert.from_dict(json.loads(row[0])) for row in rows]

    def hold_deliveries(self, held: list[tuple[str, str, str, datetime]]) -> None:
        """(alert key, channel, grouping, until): the delivery waits for its group's message."""
        with self._write() as conn:
            conn.executemany(
                "UPDATE deliveries SET grouping = ?, next_attempt_at = ?"
                " WHERE alert_key = ? AND channel = ? AND state = 'pending'",
                [(grouping, _ts(until), key, channel) for key, channel, grouping, until in held],
            )

    def mark_silenced(self, silenced: list[tuple[str, str, str]]) -> None:
        """(alert key, channel, silence id): recorded as silenced, never sent."""
        now = time.time()
        with self._write() as conn:
            conn.executemany(
                "UPDATE deliveries SET state = 'delivered', outcome = 'silenced', silence_id = ?, delivered_at = ?"
                " WHERE alert_key = ? AND channel = ? AND state = 'pending'",
                [(silence_id, now, key, channel) for key, channel, silence_id in silenced],
            )

    def delivery_outcomes(self, alert_key: str) -> dict[str, str | None]:
        """Channel → how the delivery ended ("sent", "silenced"), None while pending."""
        rows = self._read("SELECT channel, outcome, state FROM deliveries WHERE alert_key = ?", (alert_key,))
        return {channel: (outcome or "sent") if state == "delivered" else None for channel, outcome, state in rows}

    # -- realert windows ----------------------------------------------------------------------------------

    def throttle_until(self, rule_id: str, tkey: str, channel: str) -> datetime | None:
        rows = self._read(
            "SELECT until FROM throttles WHERE rule_id = ? AND tkey = ? AND channel = ?", (rule_id, tkey, channel)
        )
        return _dt(rows[0][0]) if rows else None

    def open_throttles(self, windows: list[tuple[str, str, str, datetime]]) -> None:
        """(rule id, key, channel, until): nothing more for that key on that channel until then."""
        with self._write() as conn:
            conn.executemany(
                "INSERT INTO throttles (rule_id, tkey, channel, until) VALUES (?, ?, ?, ?)"
                " ON CONFLICT DO UPDATE SET until = excluded.until",
                [(rule_id, tkey, channel, _ts(until)) for rule_id, tkey, channel, until in windows],
            )
            # Windows long closed are kept a day (a restart mid-window must see them), then dropped.
            conn.execute("DELETE FROM throttles WHERE until < ?", (time.time() - 86400,))

    # -- silences -----------------------------------------------------------------------------------------

    def add_silence(
        self,
        *,
        rule: str | None,
        key: str | None,
        starts: datetime,
        ends: datetime,
        reason: str,
        created_by: str = "",
        silence_id: str | None = None,
    ) -> Silence:
        silence = Silence(
            id=silence_id or uuid.uuid4().hex[:12],
            rule=rule,
            key=key,
            starts=starts,
            ends=ends,
            reason=reason,
            created_by=created_by,
        )
        self.put_silence(silence)
        return silence

    def put_silence(self, silence: Silence) -> None:
        """Insert or replace (a silence followed from a topic arrives again after a restart)."""
        with self._write() as conn:
            conn.execute(
                "INSERT INTO silences (id, rule, key, starts, ends, reason, created_by, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET rule = excluded.rule,"
                " key = excluded.key, starts = excluded.starts, ends = excluded.ends, reason = excluded.reason",
                (
                    silence.id,
                    silence.rule,
                    silence.key,
                    _ts(silence.starts),
                    _ts(silence.ends),
                    silence.reason,
                    silence.created_by,
                    time.time(),
                ),
            )

    def silences(self, *, active_at: datetime | None = None, limit: int = 500) -> list[Silence]:
        """Newest first; only those in force at `active_at` when it is given."""
        sql = "SELECT id, rule, key, starts, ends, reason, created_by FROM silences"
        params: tuple[Any, ...] = ()
        if active_at is not None:
            sql += " WHERE starts <= ? AND ends > ?"
            params = (_ts(active_at), _ts(active_at))
        rows = self._read(sql + " ORDER BY created_at DESC LIMIT ?", (*params, limit))
        return [Silence(i, r, k, _dt(s), _dt(e), reason, by) for i, r, k, s, e, reason, by in rows]

    def expire_silence(self, silence_id: str, now: datetime | None = None) -> bool:
        """End a silence now; False when there is no such silence or it had ended."""
        at = _ts(now) if now is not None else time.time()
        with self._write() as conn:
            return (
                conn.execute("UPDATE silences SET ends = ? WHERE id = ? AND ends > ?", (at, silence_id, at)).rowcount
                > 0
            )

    # -- entities seen (new-entity rules) -------------------------------------------------------------------

    def seen_entities(self, kind: str) -> set[tuple[str, str]]:
        """(name, country) pairs of this kind ever seen; at the first call on an empty table, primed from the
        stored dispatches (each first seen when its dispatch arrived), so a new rule on an old store does not
        call everything new."""
        rows = self._read("SELECT name, country FROM seen_entities WHERE kind = ?", (kind,))
        if rows:
            return {(name, country) for name, country in rows}
        first: dict[tuple[str, str], str] = {}
        for (raw,) in self._read("SELECT doc FROM dispatches ORDER BY seq"):
            doc = json.loads(raw)
            for mention in doc.get(kind) or ():
                if mention.get("name") and mention.get("country"):
                    first.setdefault((mention["name"], mention["country"]), str(doc.get("fetched") or ""))
        if first:
            with self._write() as conn:
                conn.executemany(
                    "INSERT INTO seen_entities (kind, name, country, first_seen) VALUES (?, ?, ?, ?)"
                    " ON CONFLICT DO NOTHING",
                    [(kind, name, country, _seconds(at)) for (name, country), at in first.items()],
                )
        return set(first)

    def seen_since(self, kind: str) -> datetime | None:
        """When the first entity of this kind was seen: how long new-entity rules have been learning."""
        rows = self._read("SELECT min(first_seen) FROM seen_entities WHERE kind = ?", (kind,))
        return _dt(rows[0][0]) if rows and rows[0][0] is not None else None

    def add_seen_entities(self, kind: str, pairs: list[tuple[str, str]], at: datetime) -> None:
        with self._write() as conn:
            conn.executemany(
                "INSERT INTO seen_entities (kind, name, country, first_seen) VALUES (?, ?, ?, ?)"
                " ON CONFLICT DO NOTHING",
                [(kind, name, country, _ts(at)) for name, country in pairs],
            )

    def silenced_alerts(self, alert_keys: list[str]) -> dict[str, str]:
        """Alert key → the silence that held it back (on at least one channel), for the given alerts."""
        found: dict[str, str] = {}
        for start in range(0, len(alert_keys), 500):
            chunk = alert_keys[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._read(
                f"SELECT alert_key, silence_id FROM deliveries WHERE outcome = 'silenced' AND alert_key IN ({marks})",
                chunk,
            )
            found.update((key, silence_id) for key, silence_id in rows)
        return found

    # -- saved searches (the dashboard) ----------------------------------------------------------------------

    def save_search(self, name: str, query: str) -> None:
        with self._write() as conn:
            conn.execute(
                "INSERT INTO saved_searches (name, query, created_at) VALUES (?, ?, ?)"
                " ON CONFLICT (name) DO UPDATE SET query = excluded.query",
                (name, query, time.time()),
            )

    def saved_searches(self) -> list[tuple[str, str]]:
        return [(n, q) for n, q in self._read("SELECT name, query FROM saved_searches ORDER BY name COLLATE NOCASE")]

    def delete_saved_search(self, name: str) -> bool:
        with self._write() as conn:
            return conn.execute("DELETE FROM saved_searches WHERE name = ?", (name,)).rowcount > 0

    def silenced_count(self) -> int:
        return int(self._read("SELECT count(*) FROM deliveries WHERE outcome = 'silenced'")[0][0])
