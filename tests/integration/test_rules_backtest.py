"""`wirewatch rules test`: a rule tried on the past gives the same dispatches, in the same order, from the
SQLite store and from Elasticsearch, for a window that cuts through the corpus."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.integration.es_support import gold_dispatches, index_docs, tag_all
from wirewatch.models import utcnow
from wirewatch.sinks.elasticsearch.backtest import backtest_with_client
from wirewatch.sinks.elasticsearch.client import build_client
from wirewatch.sinks.elasticsearch.layout import IndexNames
from wirewatch.sinks.sqlite.backtest import backtest
from wirewatch.sinks.sqlite.store import SQLiteStore

pytestmark = [pytest.mark.integration, pytest.mark.timeout(300)]

RULES = [
    "coup",
    "countries.code:NE OR countries.code:ML",
    "NOT coup",
    "title:junta* OR officials.known:false",
    'coup AND NOT "coup attempt"',
    "events.type:coup AND language:en",
]


async def test_sqlite_and_elasticsearch_agree_on_what_a_rule_would_have_matched(es_layout, tmp_path) -> None:
    now = utcnow()
    tagged = tag_all(gold_dispatches())
    for i, item in enumerate(tagged):  # arrivals every 10 minutes back from now
        item.dispatch.fetched = now - timedelta(minutes=10 * i)
    docs = [item.to_doc() for item in tagged]
    await index_docs(es_layout, docs)
    with SQLiteStore(tmp_path / "s.db") as store:
        store.save_many(tagged)
        since = now - timedelta(hours=6)
        inside = sum(1 for item in tagged if item.dispatch.fetched >= since)
        assert 10 < inside < len(tagged)  # the window cuts through the corpus
        client = build_client(es_layout)
        try:
            names = IndexNames.from_settings(es_layout)
            matched_any = 0
            for rule in RULES:
                local = backtest(store.conn, rule, since)
                remote = await backtest_with_client(client, names, rule, since)
                local_ids = [doc["id"] for doc, _ in local.matches]
                assert local_ids == [doc["id"] for doc, _ in remote.matches], rule
                if rule == "coup":  # the terms that made it match, for the report
                    assert all("coup" in terms for _, terms in local.matches)
                matched_any += bool(local_ids)
            capped = await backtest_with_client(client, names, "NOT coup", since, limit=3)
            assert len(capped.matches) == 3 and capped.truncated
        finally:
            await client.close()
    assert matched_any >= len(RULES) - 1
