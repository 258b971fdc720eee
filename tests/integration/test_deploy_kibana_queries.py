"""The Kibana saved objects' queries and aggregations on a real Elasticsearch node with wirewatch's layout.

What Kibana would send is rebuilt here: a saved search is a Lucene `query_string`
over the data view's pattern, sorted by its sort field; a Lens chart is a terms
and/or date_histogram aggregation on its columns. Over the tagged gold dispatches
each saved search must return exactly the documents the in-stream matcher picks
for the same text (a saved search reads like an alert rule), and every chart
must produce buckets.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.integration.es_support import gold_dispatches, index_docs, tag_all
from tests.unit.test_deploy_kibana import LENS_RECORDS, load_objects
from wirewatch.query import parse_query
from wirewatch.settings import ElasticsearchSettings
from wirewatch.sinks.elasticsearch.client import build_client
from wirewatch.sinks.elasticsearch.layout import IndexNames

pytestmark = pytest.mark.integration


def patterns(settings: ElasticsearchSettings) -> dict[str, str]:
    """The data views' patterns, with this test's private index names in place of the defaults."""
    names = IndexNames.from_settings(settings)
    return {
        "wirewatch-dispatches*": f"{names.prefix}*",
        "wirewatch-alerts*": f"{names.alerts}*",
        "wirewatch-stories*": f"{names.stories}*",
    }


def alert_docs(tagged: list[Any]) -> list[dict[str, Any]]:
    docs = []
    for number, item in enumerate(tagged[:12]):
        doc = item.to_doc()
        docs.append(
            {
                "rule": {"id": f"rule-{number % 3}", "name": f"Rule {number % 3}", "query": "coup"},
                "dispatch_id": doc["id"],
                "matched": ["coup"],
                "at": doc["published"],
                "title": doc["title"],
                "url": doc["url"],
                "source": doc["source"],
                "countries": [c["code"] for c in doc.get("countries", [])],
                "officials": [o["name"] for o in doc.get("officials", [])],
            }
        )
    return docs


def story_records() -> list[dict[str, Any]]:
    """Three stories' records (Story.to_record() shape), the second one breaking."""
    records = []
    for number in range(3):
        hour = f"2026-02-0{number + 1}T10:00:00Z"
        records.append(
            {
                "id": f"s-kibana-{number}",
                "title": f"Story number {number}",
                "latest_title": f"Story number {number}, later",
                "first_seen": hour,
                "last_update": hour,
                "dispatches": 2 + number,
                "sources": 1 + number * 2,
                "source_names": [f"outlet-{n}" for n in range(1 + number * 2)],
                "languages": ["en"],
                "breaking": number == 1,
                "breaking_at": hour if number == 1 else None,
                "growth": [{"hour": hour, "dispatches": 2 + number}],
                "countries": ["BR"],
                "officials": [],
                "agencies": [],
            }
        )
    return records


async def test_saved_searches_and_charts_run_on_the_real_node(es_layout: ElasticsearchSettings) -> None:
    tagged = tag_all(gold_dispatches())
    docs = [item.to_doc() for item in tagged]
    await index_docs(es_layout, docs)
    names = IndexNames.from_settings(es_layout)
    client = build_client(es_layout)
    try:
        from elasticsearch.helpers import async_bulk

        alerts = alert_docs(tagged)
        await async_bulk(
            client,
            [{"_index": names.alerts, "_id": str(i), "_source": a} for i, a in enumerate(alerts)],
            refresh="wait_for",
        )
        stories = story_records()
        await async_bulk(
            client, [{"_index": names.stories, "_id": r["id"], "_source": r} for r in stories], refresh="wait_for"
        )
        objects = load_objects()
        views = {
            obj["id"]: patterns(es_layout)[obj["attributes"]["title"]]
            for obj in objects
            if obj["type"] == "index-pattern"
        }
        view_titles = {obj["id"]: obj["attributes"]["title"] for obj in objects if obj["type"] == "index-pattern"}

        for obj in (o for o in objects if o["type"] == "search"):
            source = json.loads(obj["attributes"]["kibanaSavedObjectMeta"]["searchSourceJSON"])
            text = source["query"]["query"]
            index = views[obj["references"][0]["id"]]
            query = {"query_string": {"query": text, "analyze_wildcard": True}} if text else {"match_all": {}}
            answer = await client.search(
                index=index, query=query, sort=[{f: d} for f, d in obj["attributes"]["sort"]], size=1000, source=False
            )
            found = {hit["_id"] for hit in answer["hits"]["hits"]}
            if view_titles[obj["references"][0]["id"]] == "wirewatch-dispatches*":
                expected = {doc["id"] for doc in docs if parse_query(text).match(doc) is not None}
                assert found == expected, obj["id"]
                assert len(found) == len(answer["hits"]["hits"])  # alias + index under one pattern: no doubles
            elif view_titles[obj["references"][0]["id"]] == "wirewatch-stories*":
                assert found == {r["id"] for r in stories if r["breaking"]}, obj["id"]
            else:
                assert len(found) == len(alerts)
            if obj["id"] in ("wirewatch-coup-mentions", "wirewatch-country-watch-tr"):
                assert found, f"{obj['id']} finds nothing in the gold set"

        for obj in (o for o in objects if o["type"] == "lens"):
            layer = next(iter(obj["attributes"]["state"]["datasourceStates"]["formBased"]["layers"].values()))
            aggs: dict[str, Any] = {}
            for column_id, column in layer["columns"].items():
                if column["sourceField"] == LENS_RECORDS:
                    continue
                if column["operationType"] == "terms":
                    aggs[column_id] = {"terms": {"field": column["sourceField"], "size": column["params"]["size"]}}
                elif column["operationType"] == "date_histogram":
                    aggs[column_id] = {"date_histogram": {"field": column["sourceField"], "calendar_interval": "month"}}
            answer = await client.search(index=views[obj["references"][0]["id"]], size=0, aggs=aggs)
            for column_id in aggs:
                assert answer["aggregations"][column_id]["buckets"], f"{obj['id']}: {column_id} has no buckets"
    finally:
        await client.close()
