"""Feed bytes to entries, with feedparser, deciding what counts as a broken feed.

feedparser is forgiving: it flags any irregularity as `bozo` and still returns
what it could read. We draw the line here: a document that yields entries is
a feed (irregularities become a warning); one that yields none and is bozo, or
is not RSS/Atom at all, is a per-feed error with a message saying why.
"""

from __future__ import annotations

import io
import xml.sax
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import feedparser

from wirewatch.errors import InputError

# We hand feedparser bytes wrapped in a stream, never a string: given a
# URL-like string it would fetch it itself, outside our limits.


class FeedParseError(InputError):
    """The document is not a usable RSS/Atom feed."""


@dataclass(slots=True)
class ParsedFeed:
    entries: list[Mapping[str, Any]]
    version: str  # "rss20", "atom10", ... as feedparser names it
    language: str | None = None
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)
    title: str | None = None  # the feed's own title (autodiscovery names a new feed after it)


def _describe(exc: object) -> str:
    # SAX errors read "<unknown>:LINE:COLUMN: reason"; the stream has no name.
    text = str(exc).strip() or type(exc).__name__
    return text.replace("<unknown>:", "line ", 1) if text.startswith("<unknown>:") else text


def parse_feed(body: bytes, headers: Mapping[str, str] | None = None) -> ParsedFeed:
    """Parse one feed document. Raises FeedParseError when nothing usable is in it."""
    if not body.strip():
        raise FeedParseError("empty response body")
    response_headers = {k.lower(): v for k, v in (headers or {}).items()}
    result = feedparser.parse(io.BytesIO(body), response_headers=response_headers)
    # A truncated document can leave a trailing entry with no fields at all.
    entries = [entry for entry in result.get("entries") or [] if entry]
    version = result.get("version") or ""
    problem = _describe(result.get("bozo_exception")) if result.get("bozo") else None
    feed_info = result.get("feed") or {}
    if not entries:
        if looks_like_html(body, response_headers):
            raise FeedParseError(f"not a feed: an HTML page{f' ({problem})' if problem else ''}")
        # An RSS/Atom document whose channel was read, with no items yet and a small irregularity
        # (an undefined entity in its title) is a feed: ok with a warning, polled on schedule.
        minor = version and feed_info and is_minor(result.get("bozo_exception"))
        if problem and not minor:
            raise FeedParseError(f"not a valid feed: {problem}")
        if not version:
            raise FeedParseError("not an RSS or Atom feed (no feed element found)")
    warnings = [problem] if problem else []
    language = feed_info.get("language") if isinstance(feed_info.get("language"), str) else None
    title = feed_info.get("title") if isinstance(feed_info.get("title"), str) else None
    return ParsedFeed(
        entries=entries,
        version=version,
        language=language,
        encoding=result.get("encoding"),
        warnings=warnings,
        title=" ".join(title.split()) or None if title else None,
    )


def is_minor(problem: object) -> bool:
    """An irregularity that leaves the document's structure whole: an undefined entity (a word lost
    at most), or a header that disagrees with the document (wrong charset or media type). Syntax
    errors (unclosed tags, stray text, truncation) are not."""
    if isinstance(problem, xml.sax.SAXParseException):
        return "undefined entity" in str(problem)
    return problem is not None


def looks_like_html(body: bytes, headers: Mapping[str, str]) -> bool:
    if "html" in headers.get("content-type", "").lower():
        return True
    head = body[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))
