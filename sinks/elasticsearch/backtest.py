"""`wirewatch rules test` on Elasticsearch: the same answer as sinks/sqlite/backtest.py, from the dispatches
indices: the rule's query_string and `fetched >= since` as filters, paged oldest first with search_after."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from elasticsearch import AsyncElasticsearch

from wirewatch.query import parse_query
from wirewatch.sinks.elasticsearch.layout import IndexNames
from wirewatch.sinks.elasticsearch.search import query_string_clause
from wirewatch.sinks.sqlite.backtest import BacktestResult

PAGE = 1000


async def backtest_with_client(
    client: AsyncElasticsearch, names: IndexNames, query_text: str, since: datetime, limit: int = 10_000
) -> BacktestResult:
    query = parse_query(query_text)  # a QuerySyntaxError exactly as the SQLite store raises it
    since_ms = int(since.timestamp() * 1000)
    body: dict[str, Any] = {
        "query": {
            "bool": {
                "filter": [
                    query_string_clause(query_text),
                    {"range": {"fetched": {"gte": since_ms, "format": "epoch_millis"}}},
                ]
            }
        },
        "sort": [{"fetched": "asc"}, {"id": "asc"}],
        "_source": {"excludes": ["search"]},
        "track_total_hits": False,
    }
    matches: list[tuple[dict[str, Any], list[str]]] = []
    after: list[Any] | None = None
    while len(matches) <= limit:
        page = {**body, "size": PAGE, **({"search_after": after} if after else {})}
        response = await client.search(index=names.dispatches_pattern, **page)
        hits = response.body.get("hits", {}).get("hits", [])
        for hit in hits:
            doc = hit.get("_source", {})
            matches.append((doc, query.match(doc) or []))  # the terms, for the same report as SQLite's
        if len(hits) < PAGE:
            break
        after = hits[-1]["sort"]
    return BacktestResult(matches[:limit], len(matches), len(matches) > limit)
