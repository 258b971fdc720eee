"""JSON Feed 1.0 and 1.1 (https://www.jsonfeed.org/version/1.1/) to feedparser-shaped entries.

Each item becomes a plain dict with the keys feedparser gives an RSS/Atom entry (`id`, `link`, `title`,
`title_detail`, `content`, `summary`, `published_parsed`, ...), so `normalise.make_dispatch` reads it
unchanged. A document that is not a JSON Feed is a FeedParseError; one item that is not an object is
skipped, counted and reported as a warning.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from typing import Any
from urllib.parse import urljoin, urlsplit

from wirewatch.producers.parse import FeedParseError, ParsedFeed

VERSION_PREFIX = "https://jsonfeed.org/version/"
VERSIONS = {"1": "json1", "1.1": "json11"}  # the part after VERSION_PREFIX → ParsedFeed.version
JSON_CONTENT_TYPES = frozenset({"application/feed+json", "application/json"})
MAX_DEPTH = 64  # deepest array/object nesting accepted; a JSON Feed needs about 4

_BOM = b"\xef\xbb\xbf"
# A "version" member naming a JSON Feed, anywhere in the body (key-sorting serialisers put it last);
# JSON may escape "/" as "\/".
_VERSION_SNIFF = re.compile(rb'"version"\s*:\s*"https?:\\?/\\?/jsonfeed\.org\\?/version\\?/')
# A JSON string (skipped whole, so brackets inside it do not count) or one bracket.
_DEPTH_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')
_RFC3339 = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})"
    r"(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*([Zz]|[+-]\d{2}:?\d{2})?)?"
)


@dataclass(slots=True)
class ParsedJsonFeed(ParsedFeed):
    """A parsed JSON Feed: a ParsedFeed (entries, version "json1"/"json11", language, warnings, title) plus its
    own feed-level fields and the number of items skipped."""

    home_page_url: str | None = None
    feed_url: str | None = None
    skipped: int = 0


def looks_like_json_feed(body: bytes, headers: Mapping[str, str]) -> bool:
    """True if the response declares JSON, or its body is a JSON object naming a JSON Feed version.

    A body that opens with "<" is XML whatever its Content-Type says (an RSS feed served as JSON).
    """
    text = body.removeprefix(_BOM).lstrip()
    if text.startswith(b"<"):
        return False
    content_type = next((value for name, value in headers.items() if name.lower() == "content-type"), "")
    if content_type.split(";", 1)[0].strip().lower() in JSON_CONTENT_TYPES:
        return True
    return text.startswith(b"{") and _VERSION_SNIFF.search(text) is not None


def parse_json_feed(body: bytes, *, base_url: str | None = None) -> ParsedJsonFeed:
    """Parse one JSON Feed document. Raises FeedParseError when it is not one.

    Relative item URLs are resolved against the feed's `feed_url`, else `home_page_url`, else `base_url`
    (the address the document was fetched from).
    """
    document = _load(body)
    if not isinstance(document, dict):
        raise FeedParseError(f"not a JSON Feed: the document is a JSON {_json_type(document)}, not an object")
    version = _version(document.get("version"))
    items = document.get("items")
    if items is None:
        raise FeedParseError('not a valid JSON Feed: it has no "items" list')
    if not isinstance(items, list):
        raise FeedParseError(f'not a valid JSON Feed: "items" must be a list, not a JSON {_json_type(items)}')
    feed_url, home_page_url = _string(document.get("feed_url")), _string(document.get("home_page_url"))
    base = _absolute_base(feed_url, home_page_url, base_url)
    language = _string(document.get("language"))
    feed_authors = _authors(document)
    entries: list[Mapping[str, Any]] = []
    bad: list[int] = []
    for index, item in enumerate(items):
        if isinstance(item, dict):
            entries.append(_entry(item, base=base, language=language, feed_authors=feed_authors))
        else:
            bad.append(index)
    warnings = []
    if bad:
        warnings.append(f"{len(bad)} item(s) skipped: not a JSON object (first at index {bad[0]})")
    return ParsedJsonFeed(
        entries=entries,
        version=version,
        language=language,
        encoding="utf-8",
        warnings=warnings,
        title=_string(document.get("title")),
        home_page_url=home_page_url,
        feed_url=feed_url,
        skipped=len(bad),
    )


def _load(body: bytes) -> Any:
    if not body.strip():
        raise FeedParseError("empty response body")
    try:
        text = body.removeprefix(_BOM).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FeedParseError(f"not a JSON Feed: the body is not UTF-8 (byte {exc.start})") from exc
    if _too_deep(text, MAX_DEPTH):
        raise FeedParseError(f"not a usable JSON Feed: JSON nested more than {MAX_DEPTH} levels deep")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise FeedParseError(f"not JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from exc
    except RecursionError as exc:  # the pre-scan should have refused it; never let it escape
        raise FeedParseError(f"not a usable JSON Feed: JSON nested more than {MAX_DEPTH} levels deep") from exc


def _too_deep(text: str, limit: int) -> bool:
    if text.count("[") + text.count("{") <= limit:
        return False
    depth = 0
    for match in _DEPTH_TOKEN.finditer(text):
        token = match.group()
        if token in ("[", "{"):
            depth += 1
            if depth > limit:
                return True
        elif token in ("]", "}"):
            depth -= 1
    return False


def _version(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise FeedParseError('not a JSON Feed: no "version" naming https://jsonfeed.org/version/...')
    normal = value.strip().rstrip("/")
    if normal.startswith("http://"):  # early publishers wrote the version URL with http
        normal = "https://" + normal.removeprefix("http://")
    if not normal.startswith(VERSION_PREFIX):
        raise FeedParseError(f"not a JSON Feed: unknown version {value!r} (expected {VERSION_PREFIX}1 or 1.1)")
    known = VERSIONS.get(normal.removeprefix(VERSION_PREFIX))
    if known is None:
        raise FeedParseError(f"unsupported JSON Feed version {value!r} (supported: 1, 1.1)")
    return known


def _entry(
    item: dict[str, Any], *, base: str | None, language: str | None, feed_authors: list[dict[str, str]]
) -> dict[str, Any]:
    entry: dict[str, Any] = {}
    item_id = item.get("id")
    if isinstance(item_id, str | int | float) and not isinstance(item_id, bool) and str(item_id).strip():
        entry["id"] = str(item_id).strip()
    link = _string(item.get("url")) or _string(item.get("external_url"))
    if link:
        entry["link"] = urljoin(base, link) if base else link
    if title := _string(item.get("title")):
        entry["title"] = title
        entry["title_detail"] = {"type": "text/plain"}
    content = [
        {"type": kind, "value": value}
        for key, kind in (("content_html", "text/html"), ("content_text", "text/plain"))
        if (value := _string(item.get(key)))
    ]
    if content:
        entry["content"] = content
    if summary := _string(item.get("summary")):
        entry["summary"] = summary
        entry["summary_detail"] = {"type": "text/plain"}
    for source, target in (("date_published", "published_parsed"), ("date_modified", "updated_parsed")):
        if (parsed := parse_rfc3339(item.get(source))) is not None:
            entry[target] = parsed
    authors = _authors(item) or feed_authors  # items without authors inherit the feed's
    if authors:
        entry["authors"] = authors
        entry["author"] = authors[0]["name"]
    tags = item.get("tags")
    if isinstance(tags, list):
        terms = [{"term": tag.strip(), "scheme": None, "label": None} for tag in tags if _string(tag)]
        if terms:
            entry["tags"] = terms
    if item_language := _string(item.get("language")) or language:
        entry["language"] = item_language
    return entry


def _authors(holder: Mapping[str, Any]) -> list[dict[str, str]]:
    """feedparser-style authors: 1.1's `authors` list, else 1.0's single `author` object."""
    given = holder.get("authors")
    candidates = given if isinstance(given, list) else [holder.get("author")]
    authors = []
    for author in candidates:
        if isinstance(author, dict) and (name := _string(author.get("name"))):
            detail = {"name": name}
            if href := _string(author.get("url")):
                detail["href"] = href
            authors.append(detail)
    return authors


def parse_rfc3339(value: object) -> time.struct_time | None:
    """A UTC struct_time from an RFC 3339 date-time, or None if it is not one.

    Lenient where publishers are: a missing offset is read as UTC, a bare date as its midnight UTC.
    """
    if not isinstance(value, str):
        return None
    match = _RFC3339.fullmatch(value.strip())
    if not match:
        return None
    year, month, day, hour, minute, second, offset = match.groups()
    try:
        when = datetime(
            int(year),
            int(month),
            int(day),
            int(hour or 0),
            int(minute or 0),
            min(int(second or 0), 59),  # a leap second
            tzinfo=_offset(offset),
        )
        return when.utctimetuple()
    except (ValueError, OverflowError):
        return None


def _offset(text: str | None) -> timezone:
    if not text or text in ("Z", "z"):
        return UTC
    digits = text[1:].replace(":", "")
    delta = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    return timezone(-delta if text[0] == "-" else delta)


def _absolute_base(*candidates: str | None) -> str | None:
    for candidate in candidates:
        if candidate and urlsplit(candidate).scheme.lower() in ("http", "https"):
            return candidate
    return None


def _string(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _json_type(value: object) -> str:
    names = {list: "array", dict: "object", str: "string", bool: "boolean", type(None): "null"}
    return names.get(type(value), "number")


__all__ = ["MAX_DEPTH", "ParsedJsonFeed", "looks_like_json_feed", "parse_json_feed", "parse_rfc3339"]
