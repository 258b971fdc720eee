"""Feed kinds: where a feed's document comes from, registered by name (`[[feeds]] kind = "http"`).

A new kind is one class here (or in its own module imported by this package): its name, a one-line
summary, `check` for the feed's location at config time, and `fetch`. The poller and `config check` look
kinds up in FEED_KINDS and never branch on a name.
"""

from __future__ import annotations

from typing import Protocol

from wirewatch.config import feed_definition_problems
from wirewatch.producers.fetch import FetchResult, HttpFetcher, check_file_location, check_http_url, fetch_file
from wirewatch.registry import Registry
from wirewatch.settings import FeedConfig, PollerSettings


class Validators(Protocol):
    etag: str | None
    last_modified: str | None


class FeedKind(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def summary(self) -> str: ...

    def check(self, location: str) -> str | None:
        """None if the feed's `url` can work for this kind, else why not (one sentence)."""

    async def fetch(
        self, feed: FeedConfig, validators: Validators, http: HttpFetcher, settings: PollerSettings
    ) -> FetchResult: ...


FEED_KINDS: Registry[FeedKind] = Registry("feed kind")


@FEED_KINDS.register
class HttpFeed:
    name = "http"
    summary = "RSS/Atom over http(s): conditional GET, per-host politeness, size and time caps, address policy"

    def check(self, location: str) -> str | None:
        return check_http_url(location)

    async def fetch(
        self, feed: FeedConfig, validators: Validators, http: HttpFetcher, settings: PollerSettings
    ) -> FetchResult:
        return await http.fetch(feed.url, etag=validators.etag, last_modified=validators.last_modified)


@FEED_KINDS.register
class FileFeed:
    name = "file"
    summary = "a local RSS/Atom file (path or file:// URL), re-read when its size or mtime changes"

    def check(self, location: str) -> str | None:
        return check_file_location(location)

    async def fetch(
        self, feed: FeedConfig, validators: Validators, http: HttpFetcher, settings: PollerSettings
    ) -> FetchResult:
        return await fetch_file(feed.url, max_bytes=settings.max_body_bytes, etag=validators.etag)


def kind_problem(feed: FeedConfig) -> tuple[str, str] | None:
    """(field, reason) when the feed's kind is unknown or its location cannot work for that kind."""
    if feed.kind not in FEED_KINDS:
        return "kind", f"feed kind {feed.kind!r} is not one of {', '.join(FEED_KINDS.names())}"
    if reason := FEED_KINDS.get(feed.kind).check(feed.url):
        return "url", reason
    return None


def feed_problems(feed: FeedConfig) -> list[str]:
    """Every problem with this feed definition, as sentences (empty: fine). The poller repeats it before
    every fetch, so a feed built in code is refused with the same message as `config check` gives."""
    problems = [reason for _, reason in feed_definition_problems(feed)]
    if kind := kind_problem(feed):
        problems.append(kind[1])
    return problems
