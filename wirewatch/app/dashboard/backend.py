"""What the dashboard reads, behind one interface.

``DashboardBackend`` is the seam the web layer sees: ``SQLiteBackend`` (here) serves embedded mode,
``ElasticsearchBackend`` (es_backend.py) distributed mode. Methods are synchronous and may block on
I/O; the web layer calls them on a worker thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from wirewatch.app.dashboard.highlight import MARK_POST, MARK_PRE
from wirewatch.models import LATEST_STORIES, Alert, StoryFilter, to_utc
from wirewatch.query import parse_query
from wirewatch.sinks.sqlite import stats as sqlite_stats
from wirewatch.sinks.sqlite.stats import CountryBucket, EntityCount, EntityKind
from wirewatch.sinks.sqlite.store import SQLiteStore


@dataclass(slots=True)
class SearchPage:
    hits: list[tuple[dict[str, Any], float, dict[str, list[str]]]]  # (doc, score, highlights with MARK_*)
    scan_limited: bool


@dataclass(slots=True)
class Changes:
    """What was stored since a watcher's cursor."""

    dispatches: list[dict[str, Any]]  # oldest first
    alerts: list[Alert]  # oldest first
    cursor: tuple[Any, Any]  # opaque to the watcher: each backend has its own marks


class DashboardBackend(Protocol):
    def search(self, query: str, limit: int) -> SearchPage:
        """Raises wirewatch.query.QuerySyntaxError for a malformed query."""

    def alerts(self, since: datetime | None, limit: int) -> list[Alert]: ...

    def silenced(self, alert_keys: list[str]) -> dict[str, str]:
        """Alert key → the silence that held it back (recorded, not delivered)."""

    def dispatch(self, dispatch_id: str) -> dict[str, Any] | None: ...

    def latest(self, limit: int) -> list[dict[str, Any]]: ...

    def feeds(self) -> list[dict[str, Any]]: ...

    def counts(self) -> dict[str, int]: ...

    def data_range(self) -> tuple[float, float] | None: ...

    def mentions_per_country(
        self, since: float, until: float, bucket_seconds: int, top: int, country: str | None = None
    ) -> list[CountryBucket]:
        """`country`: only the dispatches that mention it (a country page)."""

    def top_entities(
        self, kind: EntityKind, since: float, until: float, limit: int, country: str | None = None
    ) -> list[EntityCount]: ...

    def dispatches_naming(self, field: str, value: str, since: float, until: float, limit: int) -> list[dict[str, Any]]:
        """The newest dispatches published in [since, until) whose `field` (countries.code, officials.name,
        agencies.name) holds `value`, newest first."""

    def stories(self, wanted: StoryFilter = LATEST_STORIES) -> list[dict[str, Any]]:
        """Story records (Story.to_record()), as `wanted` asks."""

    def story(self, story_id: str) -> dict[str, Any] | None: ...

    def story_dispatches(self, story_id: str, limit: int) -> list[dict[str, Any]]:
        """The story's dispatches (stored documents), newest published first."""

    def story_alerts(self, story_id: str, since: datetime | None, limit: int) -> list[Alert]:
        """The alerts the story's dispatches fired at or after ``since``, the latest first, one per alert key."""

    def changes(self, cursor: tuple[int, int] | None) -> Changes:
        """Dispatches and alerts stored after ``cursor`` (None: start at the end)."""

    def close(self) -> None: ...


def feed_status(state: dict[str, Any]) -> str:
    if state.get("status"):
        return str(state["status"])
    if state.get("consecutive_failures"):
        return "failing"
    return "ok" if state.get("last_success") else "pending"


class SQLiteBackend:
    """Reads the embedded store through its own connection (WAL: readers never block the writer)."""

    def __init__(self, path: Path | str, *, feed_health: Callable[[], list[dict[str, Any]]] | None = None) -> None:
        self.store = SQLiteStore(path)
        # A live view of the poller (wirewatch run) is fresher than the stored
        # states, and knows feeds that were never polled yet.
        self._feed_health = feed_health
        self._lock = threading.Lock()  # one connection, used from worker threads

    def search(self, query: str, limit: int) -> SearchPage:
        parsed = parse_query(query)
        with self._lock:
            results = self.store.search(query, limit=limit)
        hits = [(hit.doc, hit.score, parsed.highlights(hit.doc, pre=MARK_PRE, post=MARK_POST)) for hit in results]
        return SearchPage(hits=hits, scan_limited=bool(getattr(results, "scan_limited", False)))

    def alerts(self, since: datetime | None, limit: int) -> list[Alert]:
        with self._lock:
            return self.store.alerts(since=since, limit=limit)

    def silenced(self, alert_keys: list[str]) -> dict[str, str]:
        with self._lock:
            return self.store.silenced_alerts(alert_keys)

    def dispatch(self, dispatch_id: str) -> dict[str, Any] | None:
        with self._lock:
            return self.store.get(dispatch_id)

    def latest(self, limit: int) -> list[dict[str, Any]]:
        with self._lock:
            return [doc for _, doc in sqlite_stats.latest_dispatches(self.store.conn, limit)]

    def feeds(self) -> list[dict[str, Any]]:
        if self._feed_health is not None:
            rows = self._feed_health()
        else:
            with self._lock:
                states = self.store.load_feed_states()
            rows = [{**state, "name": name} for name, state in sorted(states.items())]
        # Conditional-GET validators are the poller's business, not an operator's.
        return [
            {**{k: v for k, v in row.items() if k not in ("etag", "last_modified")}, "status": feed_status(row)}
            for row in rows
        ]

    def counts(self) -> dict[str, int]:
        with self._lock:
            return self.store.stats()

    def data_range(self) -> tuple[float, float] | None:
        with self._lock:
            return sqlite_stats.published_range(self.store.conn)

    def mentions_per_country(
        self, since: float, until: float, bucket_seconds: int, top: int, country: str | None = None
    ) -> list[CountryBucket]:
        with self._lock:
            return sqlite_stats.mentions_per_country(self.store.conn, since, until, bucket_seconds, top, country)

    def top_entities(
        self, kind: EntityKind, since: float, until: float, limit: int, country: str | None = None
    ) -> list[EntityCount]:
        with self._lock:
            return sqlite_stats.top_entities(self.store.conn, kind, since, until, limit, country)

    def dispatches_naming(self, field: str, value: str, since: float, until: float, limit: int) -> list[dict[str, Any]]:
        with self._lock:
            return sqlite_stats.dispatches_naming(self.store.conn, field, value, since, until, limit)

    def stories(self, wanted: StoryFilter = LATEST_STORIES) -> list[dict[str, Any]]:
        with self._lock:
            return self.store.stories(wanted)

    def story(self, story_id: str) -> dict[str, Any] | None:
        with self._lock:
            return self.store.story(story_id)

    def story_dispatches(self, story_id: str, limit: int) -> list[dict[str, Any]]:
        with self._lock:
            return self.store.story_dispatches(story_id, limit)

    def story_alerts(self, story_id: str, since: datetime | None, limit: int) -> list[Alert]:
        start = to_utc(since).timestamp() if since is not None else float("-inf")
        with self._lock:
            rows = sqlite_stats.story_alerts(self.store.conn, story_id, start, limit)
        return [Alert.from_dict(row) for row in rows]

    def changes(self, cursor: tuple[int, int] | None) -> Changes:
        with self._lock:
            conn = self.store.conn
            if cursor is None:
                return Changes([], [], sqlite_stats.cursors(conn))
            seq, rowid = cursor
            docs = sqlite_stats.latest_dispatches(conn, limit=200, after_seq=seq)
            alerts = sqlite_stats.alerts_after(conn, rowid, limit=200)
        new_seq = max([seq] + [s for s, _ in docs])
        new_rowid = max([rowid] + [r for r, _ in alerts])
        return Changes(
            dispatches=[doc for _, doc in reversed(docs)],
            alerts=[Alert.from_dict(a) for _, a in alerts],
            cursor=(new_seq, new_rowid),
        )

    def close(self) -> None:
        with self._lock:
            self.store.close()
