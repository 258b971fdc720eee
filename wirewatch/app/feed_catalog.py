"""The feeds a running wirewatch polls: the configuration file's, with the feeds managed at runtime laid over.

`wirewatch feeds add / import / pause / resume / remove` (and the dashboard) write whole feed definitions
to the store (embedded) or to the compacted `feeds` topic (distributed); the running poller re-reads them
every few seconds and adopts the changes without a restart. A managed definition with the name of a
configured feed replaces it (that is how a configured feed is paused); removing a configured feed is refused
(it would come back at the next start): pause it, or delete it from the file.
"""

from __future__ import annotations

from dataclasses import asdict, fields
from typing import Any

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
