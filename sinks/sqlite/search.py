"""Search over the SQLite store with the rule query language.

The query language's own matcher (``Query.match``) is the final word on what
matches, so ``wirewatch search`` and alert rules can never disagree. FTS5 only
narrows the candidates: ``Query.fts_prefilter()`` is a MATCH expression that
selects a superset of the matches, ranked by bm25. Queries that cannot be
pre-filtered (pure NOT, keyword fields only, ...) scan the newest documents up
to a bound, and the result says when that bound cut the scan short.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable, Iterator
from typing import Any

from wirewatch.ports import SearchHit
from wirewatch.query import parse_query

log = logging.getLogger(__name__)

# How many candidate documents one search may examine. Bounds the time and
# memory of a query that pre-filters poorly or not at all.
DEFAULT_SCAN_LIMIT = 20_000

Candidates = Iterator[tuple[dict[str, Any], float]]  # (document, score), best first


class SearchResults(list[SearchHit]):
    """Hits, best first, plus how they were found.

    A list, so it is what ``DispatchStore.search`` promises; the attributes are
    for callers that want to tell the user about an incomplete scan.
    """

    def __init__(self, hits: list[SearchHit], *, prefiltered: bool, examined: int, scan_limited: bool) -> None:
        super().__init__(hits)
        self.prefiltered = prefiltered  # candidates came from FTS5 (ranked by bm25)
        self.examined = examined  # candidate documents checked with Query.match
        self.scan_limited = scan_limited  # the scan bound was hit: older matches may be missing


def search(
    conn: sqlite3.Connection, query_text: str, limit: int = 20, scan_limit: int = DEFAULT_SCAN_LIMIT
) -> SearchResults:
    """Run one query; raises the query module's QuerySyntaxError on a bad query."""
    query = parse_query(query_text)
    if limit <= 0:
        return SearchResults([], prefiltered=False, examined=0, scan_limited=False)

    fts_expression = query.fts_prefilter()
    prefiltered = fts_expression is not None
    candidates: Candidates
    if fts_expression is not None:
        try:
            candidates = _fts_candidates(conn, fts_expression, scan_limit)
        except sqlite3.OperationalError as exc:
            # A prefilter FTS5 cannot parse is a bug in the query module, not
            # the user's: the scan still gives correct (if slower) results.
            log.warning("FTS5 rejected prefilter %r (%s); scanning instead", fts_expression, exc)
            prefiltered = False
            candidates = _newest_candidates(conn, scan_limit)
    else:
        candidates = _newest_candidates(conn, scan_limit)

    hits: list[SearchHit] = []
    examined = 0
    for doc, score in candidates:
        examined += 1
        if query.match(doc) is None:
            continue
        hits.append(SearchHit(doc=doc, score=score, highlights=query.highlights(doc)))
        if len(hits) >= limit:
            break
    scan_limited = (
        len(hits) < limit
        and examined >= scan_limit
        and _has_more(conn, fts_expression if prefiltered else None, scan_limit)
    )
    return SearchResults(hits, prefiltered=prefiltered, examined=examined, scan_limited=scan_limited)


def _fts_candidates(conn: sqlite3.Connection, expression: str, scan_limit: int) -> Candidates:
    # fetch the first row eagerly so a malformed expression raises here, where
    # the caller can still fall back, and not in the middle of iteration.
    cursor = conn.execute(
        """
        SELECT d.doc, bm25(dispatches_fts, 2.0, 1.0) AS rank  -- a title hit weighs double
        FROM dispatches_fts JOIN dispatches AS d ON d.seq = dispatches_fts.rowid
        WHERE dispatches_fts MATCH ?
        ORDER BY rank, d.published_ts DESC
        LIMIT ?
        """,
        (expression, scan_limit),
    )
    first = cursor.fetchone()
    return _rows_with_score(first, cursor, lambda rank: -rank)  # bm25: lower is better


def _newest_candidates(conn: sqlite3.Connection, scan_limit: int) -> Candidates:
    cursor = conn.execute("SELECT doc, 0.0 FROM dispatches ORDER BY published_ts DESC, seq DESC LIMIT ?", (scan_limit,))
    return _rows_with_score(cursor.fetchone(), cursor, lambda rank: rank)


def _rows_with_score(first: Any, cursor: sqlite3.Cursor, to_score: Callable[[float], float]) -> Candidates:
    row = first
    while row is not None:
        yield json.loads(row[0]), float(to_score(row[1]))
        row = cursor.fetchone()


def _has_more(conn: sqlite3.Connection, fts_expression: str | None, scan_limit: int) -> bool:
    if fts_expression is None:
        total = conn.execute("SELECT count(*) FROM dispatches").fetchone()[0]
    else:
        total = conn.execute(
            "SELECT count(*) FROM dispatches_fts WHERE dispatches_fts MATCH ?", (fts_expression,)
        ).fetchone()[0]
    return total > scan_limit
