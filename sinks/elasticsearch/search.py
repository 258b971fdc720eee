"""`wirewatch search` against Elasticsearch: the same query text, as `query_string`.

The query is first parsed by wirewatch.query, so a typo in a field name or a
syntax error gets the same QuerySyntaxError (with position) as the embedded
store gives, instead of Elasticsearch silently matching nothing.
"""

from __future__ import annotations

import asyncio
from typing import Any

from elasticsearch import AsyncElasticsearch

from wirewatch.ports import SearchHit
from wirewatch.query import parse_query
from wirewatch.settings import ElasticsearchSettings, Settings
from wirewatch.sinks.elasticsearch.client import build_client
from wirewatch.sinks.elasticsearch.folded import SEARCH_FIELDS, folded_query
from wirewatch.sinks.elasticsearch.layout import IndexNames

# The same markers and fragment shape as Query.highlights (the SQLite store), so
# `wirewatch search` prints the same either way.
PRE_TAG, POST_TAG = "«", "»"
FRAGMENT_CHARS = 160
MAX_FRAGMENTS = 3
MAX_LIMIT = 1000


def query_string_clause(query: str) -> dict[str, Any]:
    """The query_string clause whose semantics wirewatch.query mirrors (see its docstring), over the folded
    copies of the text fields (folded.py)."""
    return {
        "query_string": {
            "query": folded_query(query),
            "fields": list(SEARCH_FIELDS),
            "default_operator": "OR",
            "allow_leading_wildcard": True,
            "time_zone": "UTC",
        }
    }


def search_body(query: str, limit: int) -> dict[str, Any]:
    return {
        "query": query_string_clause(query),
        "size": max(0, min(limit, MAX_LIMIT)),
        "sort": [{"_score": "desc"}, {"published": "desc"}],
        "track_total_hits": False,
        "_source": {"excludes": ["search"]},  # the folded copies are for searching, not for showing
        "highlight": {
            "pre_tags": [PRE_TAG],
            "post_tags": [POST_TAG],
            "fields": {
                "title": {"number_of_fragments": 0},  # the whole title, marked
                "text": {"fragment_size": FRAGMENT_CHARS, "number_of_fragments": MAX_FRAGMENTS},
            },
        },
    }


def hits_from_response(body: dict[str, Any]) -> list[SearchHit]:
    return [
        SearchHit(
            doc=hit.get("_source", {}),
            score=float(hit.get("_score") or 0.0),
            highlights={name: list(fragments) for name, fragments in hit.get("highlight", {}).items()},
        )
        for hit in body.get("hits", {}).get("hits", [])
    ]


async def search_with_client(
    client: AsyncElasticsearch, names: IndexNames, query: str, limit: int = 20
) -> list[SearchHit]:
    parse_query(query)  # raises QuerySyntaxError exactly like the embedded store
    response = await client.search(index=names.dispatches_pattern, **search_body(query, limit))
    return hits_from_response(response.body)


async def search_elasticsearch_async(
    settings: Settings | ElasticsearchSettings, query: str, limit: int = 20
) -> list[SearchHit]:
    es = settings.elasticsearch if isinstance(settings, Settings) else settings
    client = build_client(es)
    try:
        return await search_with_client(client, IndexNames.from_settings(es), query, limit)
    finally:
        await client.close()


def search_elasticsearch(settings: Settings | ElasticsearchSettings, query: str, limit: int = 20) -> list[SearchHit]:
    """Blocking form for the CLI. Raises QuerySyntaxError for a bad query, elasticsearch errors otherwise."""
    return asyncio.run(search_elasticsearch_async(settings, query, limit))
