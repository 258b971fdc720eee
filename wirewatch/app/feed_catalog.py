"""The feeds a running wirewatch polls: the configuration file's, with the feeds managed at runtime laid over.

`wirewatch feeds add / import / pause / resume / remove` (and the dashboard) write whole feed definitions
to the store (embedded) or to the compacted `feeds` topic (distributed); the running poller re-reads them
every few seconds and adopts the changes without a restart. A managed definition with the name of a
configured feed replaces it (that is how a configured feed is paused); removing a configured feed is refused
(it would come back at the next start): pause it, or delete it from the file.
"""

from __future__ import annotations

from dataclasses import asdict, fields
from typing import Any, Protocol
from urllib.parse import urlsplit

from wirewatch.config import ConfigProblem, settings_from_dict
from wirewatch.errors import InputError
from wirewatch.producers.kinds import kind_problem
from wirewatch.settings import FeedConfig

FEED_FIELDS = tuple(f.name for f in fields(FeedConfig))


class FeedDefinitionError(InputError):
    """A feed definition that cannot be polled; the message lists every problem."""


def feed_to_dict(feed: FeedConfig) -> dict[str, Any]:
    return asdict(feed)


def feed_from_dict(definition: dict[str, Any]) -> FeedConfig:
    """A checked FeedConfig (the same checks as the configuration file's). Raises FeedDefinitionError."""
    known = {key: value for key, value in definition.items() if key in FEED_FIELDS and value is not None}
    settings, problems = settings_from_dict({"feeds": [known]})
    feeds = settings.feeds
    problems = [p for p in problems if p.key.startswith("feeds")]
    if feeds and (kind := kind_problem(feeds[0])):
        problems.append(ConfigProblem(f"feeds[0].{kind[0]}", kind[1]))
    if problems or not feeds:
        name = definition.get("name", "?")
        reasons = "; ".join(f"{p.key.removeprefix('feeds[0].')}: {p.reason}" for p in problems) or "unreadable"
        raise FeedDefinitionError(f"feed {name!r}: {reasons}")
    return feeds[0]


def effective_feeds(configured: list[FeedConfig], managed: dict[str, dict[str, Any]]) -> list[FeedConfig]:
    """The configured feeds, each replaced by a managed definition of the same name, then the managed-only
    ones (by name). A managed definition that no longer checks out is skipped (the configured one stays)."""
    chosen: dict[str, FeedConfig] = {feed.name: feed for feed in configured}
    for name, definition in sorted(managed.items()):
        try:
            chosen[name] = feed_from_dict({**definition, "name": name})
        except FeedDefinitionError:
            continue
    return list(chosen.values())


class ManagedFeedStore(Protocol):
    """Where managed feeds live: the SQLite store (embedded) or the compacted feeds topic (distributed)."""

    def managed_feeds(self) -> dict[str, dict[str, Any]]: ...

    def put_managed_feeds(self, definitions: dict[str, dict[str, Any]]) -> None: ...

    def delete_managed_feed(self, name: str) -> bool: ...


class FeedManager:
    """Add, pause, resume and remove feeds at runtime: the one implementation behind the CLI and the dashboard."""

    def __init__(self, store: ManagedFeedStore, configured: list[FeedConfig], *, source: str | None = None) -> None:
        self.store = store
        self.configured = configured
        self.source = source or "the configuration file"

    def feeds(self) -> list[FeedConfig]:
        return effective_feeds(self.configured, self.store.managed_feeds())

    def add(self, candidates: list[dict[str, Any]]) -> tuple[list[FeedConfig], list[str]]:
        """Add feed definitions (a `name` may be missing or taken: one is made unique). Returns (added, problems):
        a URL that is already a feed and a definition that does not check out are problems, not errors."""
        current = self.feeds()
        taken = {feed.name for feed in current}
        known_urls = {feed.url for feed in current}
        added: dict[str, FeedConfig] = {}
        problems: list[str] = []
        for candidate in candidates:
            url = str(candidate.get("url") or "")
            if url in known_urls:
                problems.append(f"{url} is already a feed")
                continue
            name = unique_name(str(candidate.get("name") or default_feed_name(None, url)), taken | set(added))
            try:
                feed = feed_from_dict({**candidate, "name": name})
            except FeedDefinitionError as exc:
                problems.append(str(exc))
                continue
            added[name] = feed
            known_urls.add(url)
        if added:
            self.store.put_managed_feeds({name: feed_to_dict(feed) for name, feed in added.items()})
        return list(added.values()), problems

    def set_enabled(self, name: str, enabled: bool) -> FeedConfig:
        feed = self._find(name)
        feed.enabled = enabled
        self.store.put_managed_feeds({feed.name: feed_to_dict(feed)})
        return feed

    def remove(self, name: str) -> None:
        self._find(name)
        if name in {feed.name for feed in self.configured}:
            raise FeedDefinitionError(f"{name!r} is defined in {self.source}: remove it there, or pause it")
        self.store.delete_managed_feed(name)

    def _find(self, name: str) -> FeedConfig:
        for feed in self.feeds():
            if feed.name == name:
                return feed
        raise FeedDefinitionError(f"no feed named {name!r}")


def default_feed_name(title: str | None, url: str) -> str:
    """A feed's title, else its host and path ("example.org-news-rss")."""
    if title and title.strip():
        return " ".join(title.split())[:80]
    parts = urlsplit(url)
    host = (parts.hostname or "feed").removeprefix("www.")
    path = parts.path.strip("/").replace("/", "-")
    return f"{host}-{path}" if path else host


def unique_name(name: str, taken: set[str]) -> str:
    candidate, n = name, 1
    while candidate in taken:
        n += 1
        candidate = f"{name} ({n})"
    return candidate
