"""The article object of a page's JSON-LD (schema.org NewsArticle and kin).

Pages put it alone, in a list, in an @graph next to the WebSite and the BreadcrumbList, or under a WebPage's
mainEntity; authors may be references (`{"@id": ...}`) to Person objects elsewhere in the graph. Broken JSON-LD
(comment or CDATA wrappers, trailing commas) is repaired where that is easy and skipped otherwise.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from selectolax.lexbor import LexborHTMLParser

ARTICLE_TYPES = frozenset(
    {"article", "newsarticle", "reportagenews", "liveblogposting", "blogposting", "analysisnewsarticle",
     "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "askpublicnewsarticle", "report",
     "satiricalarticle", "techarticle", "socialmediaposting", "posting"}
)  # fmt: skip
ORGANISATION_TYPES = frozenset({"organization", "newsmediaorganization", "corporation"})
WRAPPERS = re.compile(r"^\s*(?:<!--|//\s*<!\[CDATA\[)|(?:-->|//\s*\]\]>)\s*$")
TRAILING_COMMA = re.compile(r",\s*([}\]])")
MAX_NESTING = 4


@dataclass(slots=True)
class ArticleObject:
    fields: dict[str, Any] = field(default_factory=dict)  # empty when the page has no article object
    by_id: dict[str, dict[str, Any]] = field(default_factory=dict)

    def text(self, key: str) -> str | None:
        value = self.fields.get(key)
        return value if isinstance(value, str) else None

    def authors(self) -> list[str]:
        """The people named as authors, else the organisations."""
        return _names(self.fields.get("author"), self.by_id)

    def language(self) -> str | None:
        value = self.fields.get("inLanguage")
        if isinstance(value, dict):  # a schema.org Language object
            value = value.get("alternateName") or value.get("name")
        return value if isinstance(value, str) else None

    def locked(self) -> bool:
        """True if the article or one of its parts is declared not free to read."""
        parts = self.fields.get("hasPart")
        for obj in [self.fields, *(parts if isinstance(parts, list) else [parts])]:
            if isinstance(obj, dict) and str(obj.get("isAccessibleForFree", "")).strip().lower() in ("false", "no"):
                return True
        return False


def article_object(tree: LexborHTMLParser) -> ArticleObject:
    objects = [obj for node in tree.css('script[type="application/ld+json" i]') for obj in _objects(node.text())]
    by_id = {obj["@id"]: obj for obj in objects if isinstance(obj.get("@id"), str)}
    for obj in objects:
        if _types(obj) & ARTICLE_TYPES:
            return ArticleObject(obj, by_id)
    return ArticleObject()


def _objects(raw: str) -> Iterator[dict[str, Any]]:
    raw = raw.strip()
    if not raw:
        return
    try:
        data = json.loads(raw, strict=False)
    except ValueError:
        try:
            data = json.loads(TRAILING_COMMA.sub(r"\1", WRAPPERS.sub("", raw)), strict=False)
        except ValueError:
            return
    yield from _flatten(data, 0)


def _flatten(data: Any, depth: int) -> Iterator[dict[str, Any]]:
    if depth > MAX_NESTING:
        return
    if isinstance(data, list):
        for item in data:
            yield from _flatten(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if isinstance(data.get(key), (dict, list)):
                yield from _flatten(data[key], depth + 1)


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.lower() for k in kinds if isinstance(k, str)}


def _resolve(value: Any, by_id: dict[str, dict[str, Any]]) -> Any:
    if isinstance(value, dict) and "name" not in value and isinstance(value.get("@id"), str):
        return by_id.get(value["@id"], value)
    return value


def _names(value: Any, by_id: dict[str, dict[str, Any]]) -> list[str]:
    if isinstance(value, str):
        return [] if value.startswith(("http://", "https://", "/")) else [value]
    if isinstance(value, list):
        people = [n for item in value if not _is_organisation(item, by_id) for n in _names(item, by_id)]
        return people or [n for item in value for n in _names(item, by_id)]
    value = _resolve(value, by_id)
    if isinstance(value, dict):
        name = value.get("name")
        if isinstance(name, str):
            return [name]
        if isinstance(name, list):
            return [n for n in name if isinstance(n, str)]
    return []


def _is_organisation(value: Any, by_id: dict[str, dict[str, Any]]) -> bool:
    value = _resolve(value, by_id)
    return isinstance(value, dict) and bool(_types(value) & ORGANISATION_TYPES)
