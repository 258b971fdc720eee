"""The Elasticsearch index layout: dispatches template + index + alias, alerts index, stories index.

Dispatches
  One index, ``<prefix>-v1``, reached through the alias ``<prefix>``; the index
  template matches ``<prefix>-*``. One index (not one per month) because the
  ``_id`` is the dispatch id and Elasticsearch only guarantees ``_id``
  uniqueness within one index: with a single index a re-delivered dispatch can
  never land twice, whatever its dates say. A media-monitoring volume (tens of
  thousands of dispatches a day, a few KB each) fits one index for years. The
  ``-v1`` suffix plus the alias leave room for a reindex into ``-v2`` when the
  mapping has to change incompatibly: swap the alias, drop the old index.

Mapping
  Generated from ``wirewatch.query.fields.index_mapping()`` (the one table the
  in-stream matcher also uses), so the matcher and Elasticsearch cannot drift.
  Entity lists (countries, officials, agencies, events) are plain ``object``
  arrays, not ``nested``: Kibana's Lucene bar and ``query_string`` cannot
  express nested queries at all, so with ``nested`` a query such as
  ``officials.name:"Mevlut Cavusoglu"`` would silently match nothing. The
  price of ``object``: ``officials.name:X AND officials.country:Y`` is true
  when X and Y belong to two different officials of the same dispatch (the
  in-stream matcher has the same semantics, so the two agree).
  The root is ``dynamic: false``: a field the matcher does not know stays in
  ``_source`` but is not indexed, so an unexpected field can never create a
  mapping the matcher disagrees with, nor make a later document conflict.
  ``hints.*`` stay dynamic keywords.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wirewatch.query.fields import DEFAULT_FIELDS, INDEX_SETTINGS, index_mapping
from wirewatch.settings import ElasticsearchSettings
from wirewatch.sinks.elasticsearch.folded import SEARCH_FIELDS

TEMPLATE_DIR = Path(__file__).resolve().parents[2] / "deploy" / "elasticsearch"  # in a source checkout
DISPATCHES_TEMPLATE_FILE = TEMPLATE_DIR / "dispatches-template.json"
ALERTS_INDEX_FILE = TEMPLATE_DIR / "alerts-index.json"
STORIES_INDEX_FILE = TEMPLATE_DIR / "stories-index.json"
INDEX_GENERATION = "v1"
# Above the built-in templates (priority 100 for logs-*-*, ...), so ours always applies.
TEMPLATE_PRIORITY = 200

# One replica on a cluster, none on a single node (so a local node is green, not yellow).
BASE_SETTINGS: dict[str, Any] = {"index.number_of_shards": 1, "index.auto_expand_replicas": "0-1"}


def dispatches_mapping() -> dict[str, Any]:
    mapping = index_mapping()
    mapping["dynamic"] = False
    # the folded copies of title and text (sinks/elasticsearch/folded.py): what accent-free searches look in
    text = {"type": "text", "analyzer": "standard"}
    mapping["properties"]["search"] = {"properties": {name: dict(text) for name in DEFAULT_FIELDS}}
    return mapping


def dispatches_template_body(index_pattern: str = "wirewatch-dispatches-*") -> dict[str, Any]:
    """The composable index template (PUT _index_template/<name> body)."""
    return {
        "index_patterns": [index_pattern],
        "priority": TEMPLATE_PRIORITY,
        "template": {
            "settings": {**BASE_SETTINGS, **INDEX_SETTINGS, "index.query.default_field": list(SEARCH_FIELDS)},
            "mappings": dispatches_mapping(),
        },
        "_meta": {"description": "wirewatch tagged dispatches; generated from wirewatch.query.fields"},
    }


def alerts_index_body() -> dict[str, Any]:
    """Settings and mappings of the alerts index: one Alert.to_dict() document per (rule, dispatch), _id = its
    hit key; `key` groups the hits of one alert (rule:story when the rule groups by story)."""
    keyword = {"type": "keyword"}
    return {
        "settings": {**BASE_SETTINGS, "index.query.default_field": ["title", "rule.name"]},
        "mappings": {
            "dynamic": False,
            "properties": {
                "rule": {
                    "properties": {
                        "id": keyword,
                        "name": {"type": "text", "analyzer": "standard", "fields": {"raw": keyword}},
                        "query": keyword,
                    }
                },
                "dispatch_id": keyword,
                "matched": keyword,
                "at": {"type": "date"},
                "title": {"type": "text", "analyzer": "standard"},
                "url": keyword,
                "source": keyword,
                "countries": keyword,
                "officials": keyword,
                "key": keyword,
                "story_id": keyword,
                "group_by": keyword,
                "updates": {"type": "boolean"},
                "hits": {"type": "integer"},
                "sources": keyword,
                "updated_at": {"type": "date"},
                "kind": keyword,
                "search": keyword,
            },
        },
    }


def stories_index_body() -> dict[str, Any]:
    """Settings and mappings of the stories index: the latest Story.to_record() of each story, _id = story id."""
    keyword = {"type": "keyword"}
    date = {"type": "date"}
    integer = {"type": "integer"}
    return {
        "settings": {**BASE_SETTINGS, "index.query.default_field": ["title", "latest_title"]},
        "mappings": {
            "dynamic": False,  # source_first, entity_counts: kept in _source for a restart, not searched
            "properties": {
                "id": keyword,
                "title": {"type": "text", "analyzer": "standard", "fields": {"raw": keyword}},
                "latest_title": {"type": "text", "analyzer": "standard"},
                "first_seen": date,
                "last_update": date,
                "dispatches": integer,
                "sources": integer,
                "source_names": keyword,
                "languages": keyword,
                "breaking": {"type": "boolean"},
                "breaking_at": date,
                "countries": keyword,
                "officials": keyword,
                "agencies": keyword,
                "growth": {"properties": {"hour": date, "dispatches": integer}},
            },
        },
    }


@dataclass(frozen=True, slots=True)
class IndexNames:
    """Every name the layout uses, derived from the [elasticsearch] settings."""

    prefix: str  # also the alias dispatches are written and read through
    alerts: str
    stories: str = "wirewatch-stories"

    @classmethod
    def from_settings(cls, settings: ElasticsearchSettings) -> IndexNames:
        return cls(prefix=settings.index_prefix, alerts=settings.alerts_index, stories=settings.stories_index)

    @property
    def dispatches_alias(self) -> str:
        return self.prefix

    @property
    def dispatches_index(self) -> str:
        return f"{self.prefix}-{INDEX_GENERATION}"

    @property
    def dispatches_pattern(self) -> str:
        return f"{self.prefix}-*"

    @property
    def template_name(self) -> str:
        return self.prefix


def render_files() -> dict[Path, str]:
    """The JSON files under deploy/elasticsearch/, as generated now (a unit test keeps them in sync)."""
    return {
        DISPATCHES_TEMPLATE_FILE: json.dumps(dispatches_template_body(), indent=2, ensure_ascii=False) + "\n",
        ALERTS_INDEX_FILE: json.dumps(alerts_index_body(), indent=2, ensure_ascii=False) + "\n",
        STORIES_INDEX_FILE: json.dumps(stories_index_body(), indent=2, ensure_ascii=False) + "\n",
    }


if __name__ == "__main__":  # python -m wirewatch.sinks.elasticsearch.layout: regenerate deploy/elasticsearch/*.json
    for path, text in render_files().items():
        path.write_text(text, encoding="utf-8")
        print(path)
