"""Read-only aggregate queries over the embedded store, for the ops dashboard.

Computed with SQL over the stored documents (``json_each`` over the doc JSON):
at embedded scale (tens of thousands of dispatches) a bounded time window over
the ``published_ts`` index is cheap enough that a separate counts table would
only add a second truth to keep in sync. Every query takes a time window and a
limit, so one request's cost is bounded.

Functions take a ``sqlite3.Connection``; none of them writes.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any, Literal

EntityKind = Literal["countries", "officials", "agencies"]
ENTITY_KINDS: tuple[EntityKind, ...] = ("countries", "officials", "agencies")


@dataclass(frozen=True, slots=True)
class CountryBucket:
    bucket_start: float  # epoch seconds, a multiple of the bucket size
    code: str
    name: str
    dispatches: int  # dispatches in the bucket that mention the country
    mentions: int  # mentions summed over those dispatches


@dataclass(frozen=True, slots=True)
class EntityCount:
    name: str
    detail: str | None  # officials: role; agencies: kind; countries: code
    country: str | None
    dispatches: int
    mentions: int


# Only the dispatches that mention one country (a country page); NULL: every dispatch.
_MENTIONS_COUNTRY = """(:country IS NULL OR EXISTS (
    SELECT 1 FROM json_each(d.doc, '$.countries') AS only WHERE json_extract(only.value, '$.code') = :country))"""


def mentions_per_country(
    conn: sqlite3.Connection, since: float, until: float, bucket_seconds: int, top: int = 8, country: str | None = None
) -> list[CountryBucket]:
    """Per time bucket, the mentions of the ``top`` countries most mentioned in the window (in the dispatches
    that mention ``country``, when given).

    Buckets are aligned to multiples of ``bucket_seconds`` since the epoch (UTC).
    """
    if bucket_seconds <= 0:
        raise ValueError("bucket_seconds must be positive")
    rows = conn.execute(
        """
        WITH per_doc AS (
            SELECT d.published_ts AS ts,
                   json_extract(c.value, '$.code') AS code,
                   json_extract(c.value, '$.name') AS name,
                   coalesce(json_extract(c.value, '$.mentions'), 1) AS mentions
            FROM dispatches AS d, json_each(d.doc, '$.countries') AS c
            WHERE d.published_ts >= :since AND d.published_ts < :until AND """
        + _MENTIONS_COUNTRY
        + """
        ),
        leaders AS (
            SELECT code FROM per_doc GROUP BY code
            ORDER BY count(*) DESC, sum(mentions) DESC, code LIMIT :top
        )
        SELECT CAST(ts / :bucket AS INTEGER) * :bucket AS bucket, code, max(name), count(*), sum(mentions)
        FROM per_doc WHERE code IN (SELECT code FROM leaders)
        GROUP BY bucket, code ORDER BY bucket, code
        """,
        {"since": since, "until": until, "bucket": bucket_seconds, "top": top, "country": country},
    ).fetchall()
    return [CountryBucket(float(b), code, name or code, int(n), int(m)) for b, code, name, n, m in rows]


def top_entities(
    conn: sqlite3.Connection,
    kind: EntityKind,
    since: float,
    until: float,
    limit: int = 10,
    country: str | None = None,
) -> list[EntityCount]:
    """The entities of one kind mentioned in the most dispatches in the window (that mention ``country``)."""
    if kind not in ENTITY_KINDS:
        raise ValueError(f"unknown entity kind {kind!r}")
    detail = {"countries": "$.code", "officials": "$.role", "agencies": "$.kind"}[kind]
    country_path = "$.code" if kind == "countries" else "$.country"
    # The name and the JSON paths are constants chosen above, never user input.
    rows = conn.execute(
        f"""
        SELECT json_extract(e.value, '$.name') AS name,
               max(json_extract(e.value, '{detail}')),
               max(json_extract(e.value, '{country_path}')),
               count(DISTINCT d.seq) AS dispatches,
               sum(coalesce(json_extract(e.value, '$.mentions'), 1)) AS mentions
        FROM dispatches AS d, json_each(d.doc, '$.{kind}') AS e
        WHERE d.published_ts >= :since AND d.published_ts < :until AND name IS NOT NULL AND {_MENTIONS_COUNTRY}
        GROUP BY name ORDER BY dispatches DESC, mentions DESC, name LIMIT :limit
        """,
        {"since": since, "until": until, "limit": limit, "country": country},
    ).fetchall()
    return [EntityCount(name, det, ctry, int(n), int(m)) for name, det, ctry, n, m in rows]


# (the entity list in the document, the key that names it) for each field a page can filter on
NAMED_BY = {
    "countries.code": ("countries", "code"),
    "officials.name": ("officials", "name"),
    "agencies.name": ("agencies", "name"),
}


def dispatches_naming(
    conn: sqlite3.Connection, field: str, value: str, since: float, until: float, limit: int
) -> list[dict[str, Any]]:
    """The newest dispatches published in the window whose `field` holds `value` (a country page, an official's
    page): walked back along the published-time index, so a common name stops early."""
    kind, key = NAMED_BY[field]
    rows = conn.execute(
        f"""
        SELECT d.doc FROM dispatches AS d
        WHERE d.published_ts >= ? AND d.published_ts < ?
          AND EXISTS (SELECT 1 FROM json_each(d.doc, '$.{kind}') AS e WHERE json_extract(e.value, '$.{key}') = ?)
        ORDER BY d.published_ts DESC, d.id DESC LIMIT ?
        """,
        (since, until, value, limit),
    ).fetchall()
    return [json.loads(doc) for (doc,) in rows]


def latest_dispatches(
    conn: sqlite3.Connection, limit: int = 20, after_seq: int = 0
) -> list[tuple[int, dict[str, Any]]]:
    """(seq, document) of the most recently stored dispatches, newest first.

    ``after_seq`` returns only rows stored after that one (a watcher's cursor).
    """
    rows = conn.execute(
        "SELECT seq, doc FROM dispatches WHERE seq > ? ORDER BY seq DESC LIMIT ?", (after_seq, limit)
    ).fetchall()
    return [(int(seq), json.loads(doc)) for seq, doc in rows]


def alerts_after(conn: sqlite3.Connection, after_rowid: int, limit: int = 100) -> list[tuple[int, dict[str, Any]]]:
    """(rowid, alert JSON) of alerts recorded after ``after_rowid``, oldest first."""
    rows = conn.execute(
        "SELECT rowid, alert FROM alerts WHERE rowid > ? ORDER BY rowid LIMIT ?", (after_rowid, limit)
    ).fetchall()
    return [(int(rowid), json.loads(alert)) for rowid, alert in rows]


def story_alerts(conn: sqlite3.Connection, story_id: str, since: float, limit: int = 50) -> list[dict[str, Any]]:
    """Alert JSON of the alerts a story's dispatches fired at or after ``since`` (epoch seconds), the latest
    (by when they fired or last grew) first, as ``SQLiteStore.alerts`` orders them.

    ``since`` bounds the scan through the ``alerts_at`` index; the story id is read from each alert's JSON.
    """
    rows = conn.execute(
        "SELECT alert FROM alerts WHERE at >= ? AND json_extract(alert, '$.story_id') = ?"
        " ORDER BY max(at, coalesce(updated_at, at)) DESC, rowid DESC LIMIT ?",
        (since, story_id, limit),
    ).fetchall()
    return [json.loads(alert) for (alert,) in rows]


def cursors(conn: sqlite3.Connection) -> tuple[int, int]:
    """(last dispatch seq, last alert rowid): where a watcher starts."""
    seq = conn.execute("SELECT coalesce(max(seq), 0) FROM dispatches").fetchone()[0]
    rowid = conn.execute("SELECT coalesce(max(rowid), 0) FROM alerts").fetchone()[0]
    return int(seq), int(rowid)


def published_range(conn: sqlite3.Connection) -> tuple[float, float] | None:
    """(oldest, newest) published time stored, or None for an empty store."""
    row = conn.execute("SELECT min(published_ts), max(published_ts) FROM dispatches").fetchone()
    return None if row[0] is None else (float(row[0]), float(row[1]))
