"""Config-time checks of a feed definition, shared by `config check` and the poller.

The poller runs the same checks again before every fetch, so a feed that
slipped past config (or was built in code) is refused with the same message.
"""

from __future__ import annotations

from producers.fetch import check_file_location, check_http_url
from wirewatch.settings import FeedConfig

FEED_KINDS = ("http", "file")


def validate_feed(feed: FeedConfig) -> list[str]:
    """Every problem with this feed definition, as readable sentences (empty: fine)."""
    problems = []
    if not feed.name or not feed.name.strip():
        problems.append("feed name is empty")
    if feed.kind not in FEED_KINDS:
        problems.append(f"feed kind {feed.kind!r} is not one of {', '.join(FEED_KINDS)}")
    elif feed.kind == "http":
        if reason := check_http_url(feed.url):
            problems.append(reason)
    elif reason := check_file_location(feed.url):
        problems.append(reason)
    if not feed.interval > 0:
        problems.append(f"poll interval must be positive, got {feed.interval}")
    if feed.country is not None and not (len(feed.country) == 2 and feed.country.isalpha()):
        problems.append(f"country hint must be an ISO 3166-1 alpha-2 code, got {feed.country!r}")
    return problems
