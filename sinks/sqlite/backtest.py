"""`wirewatch rules test` on the SQLite store: every stored dispatch that arrived since a time and that a query
matches, oldest first, decided by the query language's own matcher (the same decision the pipeline makes).

FTS5 narrows the candidates when the query has a prefilter; otherwise every dispatch stored since the time is
examined (the window bounds the work). A dispatch is fetched before it is stored, so `stored_at >= since`
holds every candidate and `fetched >= since`, checked on the document, decides, as Elasticsearch decides on
its `fetched` field: both stores give the same answer.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from wirewatch.query import parse_query
from wirewatch.query.dates import doc_date_millis


@dataclass(slots=True)
class BacktestResult:
    matches: list[tuple[dict[str, Any], list[str]]]  # (document, matched terms), oldest first
    examined: int
    truncated: bool  # more matched than the limit


def backtest(conn: sqlite3.Connection, query_text: str, since: datetime, limit: int = 10_000) -> BacktestResult:
    query = parse_query(query_text)
    since_ms = int(since.timestamp() * 1000)
    prefilter = query.fts_prefilter()
    if prefilter is not None:
        rows = conn.execute(
            "SELECT d.doc FROM dispatches_fts JOIN dispatches AS d ON d.seq = dispatches_fts.rowid"
            " WHERE dispatches_fts MATCH ? AND d.stored_at >= ? ORDER BY d.seq",
            (prefilter, since.timestamp()),
        )
    else:
        rows = conn.execute("SELECT doc FROM dispatches WHERE stored_at >= ? ORDER BY seq", (since.timestamp(),))
    matches: list[tuple[dict[str, Any], list[str]]] = []
    examined = 0
    for (raw,) in rows:
        examined += 1
        doc = json.loads(raw)
        fetched = doc_date_millis(doc.get("fetched"))
        if fetched is None or fetched < since_ms:
            continue
        matched = query.match(doc)
        if matched is not None:
            matches.append((doc, matched))
    matches.sort(key=lambda item: (doc_date_millis(item[0].get("fetched")) or 0, item[0].get("id", "")))
    return BacktestResult(matches[:limit], examined, len(matches) > limit)
