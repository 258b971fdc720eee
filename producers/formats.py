"""One entry point for every feed format the poller reads: RSS and Atom (feedparser) and JSON Feed."""

from __future__ import annotations

from collections.abc import Mapping

from wirewatch.producers.jsonfeed import looks_like_json_feed, parse_json_feed
from wirewatch.producers.parse import ParsedFeed, parse_feed


def read_feed(body: bytes, headers: Mapping[str, str] | None = None) -> ParsedFeed:
    """The feed's entries, whichever format the document is. Raises FeedParseError when it is none."""
    lowered = {k.lower(): v for k, v in (headers or {}).items()}
    if looks_like_json_feed(body, lowered):
        # feedparser 6 reads no JSON; relative item links resolve against where the document came from
        return parse_json_feed(body, base_url=lowered.get("content-location"))
    return parse_feed(body, lowered)
