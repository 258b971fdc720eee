"""The index mapping the query language assumes, and value extraction from a document.

This table is the single source of truth for field types: the Elasticsearch
index template should be generated from ``index_mapping()`` so the in-process
matcher and Elasticsearch cannot drift apart.
"""

from __future__ import annotations

from enum import Enum
from typing import Any


class FieldType(Enum):
    TEXT = "text"  # standard analyzer
    KEYWORD = "keyword"  # exact, case-sensitive
    DATE = "date"
    INTEGER = "integer"
    FLOAT = "float"
    BOOLEAN = "boolean"


FIELDS: dict[str, FieldType] = {
    "id": FieldType.KEYWORD,
    "source": FieldType.KEYWORD,
    "url": FieldType.KEYWORD,
    "title": FieldType.TEXT,
    "text": FieldType.TEXT,
    "published": FieldType.DATE,
    "fetched": FieldType.DATE,
    "language": FieldType.KEYWORD,  # as judged from the text (the feed's declaration as a prior)
    "language_confidence": FieldType.FLOAT,
    "language_declared": FieldType.KEYWORD,  # what the feed said
    "published_estimated": FieldType.BOOLEAN,
    "author": FieldType.KEYWORD,
    "feed.tags": FieldType.KEYWORD,  # the categories of the dispatch's feed (config `tags`, OPML folders)
    "fulltext.status": FieldType.KEYWORD,  # pending, extracted, failed, refused, paywall, short
    "fulltext.reason": FieldType.KEYWORD,
    "fulltext.url": FieldType.KEYWORD,
    "fulltext.language": FieldType.KEYWORD,  # as the article page declares it
    "countries.code": FieldType.KEYWORD,
    "countries.name": FieldType.KEYWORD,
    "countries.mentions": FieldType.INTEGER,
    "countries.first_offset": FieldType.INTEGER,
    "officials.name": FieldType.KEYWORD,
    "officials.name_latin": FieldType.KEYWORD,  # a name in Cyrillic or Arabic script, in Latin letters
    "officials.role": FieldType.KEYWORD,
    "officials.country": FieldType.KEYWORD,
    "officials.mentions": FieldType.INTEGER,
    "officials.known": FieldType.BOOLEAN,
    "officials.source": FieldType.KEYWORD,
    "officials.role_source": FieldType.KEYWORD,
    "officials.role_from": FieldType.DATE,
    "officials.role_to": FieldType.DATE,
    "agencies.name": FieldType.KEYWORD,
    "agencies.written": FieldType.KEYWORD,  # as a text in another language names the body
    "agencies.kind": FieldType.KEYWORD,
    "agencies.country": FieldType.KEYWORD,
    "agencies.mentions": FieldType.INTEGER,
    "agencies.source": FieldType.KEYWORD,
    "keywords": FieldType.KEYWORD,
    "events.type": FieldType.KEYWORD,
    "events.use": FieldType.KEYWORD,
    "events.confidence": FieldType.FLOAT,
    "events.evidence": FieldType.KEYWORD,
    "events.offset": FieldType.INTEGER,
    "tagged_at": FieldType.DATE,
    # the dispatch's story as it stood when the dispatch joined it (docs/stories.md)
    "story.id": FieldType.KEYWORD,
    "story.how": FieldType.KEYWORD,  # new, duplicate, event
    "story.dispatches": FieldType.INTEGER,
    "story.sources": FieldType.INTEGER,
    "story.languages": FieldType.KEYWORD,
    "story.first_seen": FieldType.DATE,
    "story.breaking": FieldType.BOOLEAN,
    "story.breaking_at": FieldType.DATE,
}

# Object fields: ``_exists_:countries`` asks whether any sub-field has a value.
OBJECT_FIELDS = frozenset({"countries", "officials", "agencies", "events", "hints", "fulltext", "feed", "story"})
# ``hints`` holds free-form feed hints; its sub-fields are dynamic keywords.
DYNAMIC_KEYWORD_PREFIX = "hints."
DEFAULT_FIELDS: tuple[str, ...] = ("title", "text")


def field_type(name: str) -> FieldType | None:
    if name in FIELDS:
        return FIELDS[name]
    if name.startswith(DYNAMIC_KEYWORD_PREFIX) and len(name) > len(DYNAMIC_KEYWORD_PREFIX):
        return FieldType.KEYWORD
    return None


def known_fields_text() -> str:
    return ", ".join([*FIELDS, "hints.<name>", "_exists_"])


_PATH_PARTS: dict[str, tuple[str, ...]] = {}


def field_values(doc: dict[str, Any], path: str) -> list[Any]:
    """All values at a dotted path; arrays of objects flatten as in Elasticsearch."""
    parts = _PATH_PARTS.get(path)
    if parts is None:
        parts = tuple(path.split("."))
        if len(_PATH_PARTS) < 4096:  # paths come from rules and code: few, but bound the cache
            _PATH_PARTS[path] = parts
    current: list[Any] = [doc]
    for part in parts:
        following: list[Any] = []
        for value in current:
            # Called for every keyword field of every document: dict.get and the list check are
            # the cheap forms of "value is an object holding part" and "found is an array".
            if isinstance(value, dict):
                found = value.get(part, _MISSING)
                if found is _MISSING:
                    continue
                if isinstance(found, list):
                    following.extend(found)
                else:
                    following.append(found)
        current = following
    return [value for value in current if value is not None]


_MISSING = object()


def keyword_string(value: Any) -> str:
    """How Elasticsearch indexes a JSON scalar in a keyword field."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def index_mapping() -> dict[str, Any]:
    """Elasticsearch ``mappings`` matching the semantics of this package."""
    properties: dict[str, Any] = {}
    for name, kind in FIELDS.items():
        spec: dict[str, Any] = {"type": kind.value}
        if kind is FieldType.TEXT:
            spec["analyzer"] = "standard"
        target = properties
        *parents, leaf = name.split(".")
        for parent in parents:
            target = target.setdefault(parent, {"properties": {}})["properties"]
        target[leaf] = spec
    properties["hints"] = {"type": "object", "dynamic": True, "properties": {}}
    return {
        "dynamic_templates": [{"hints_as_keywords": {"path_match": "hints.*", "mapping": {"type": "keyword"}}}],
        "properties": properties,
    }


INDEX_SETTINGS: dict[str, Any] = {"index.query.default_field": list(DEFAULT_FIELDS)}
