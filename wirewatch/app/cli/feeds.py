"""`wirewatch feeds` (health, and feeds managed at runtime) and `wirewatch init` (a starter configuration).

    wirewatch feeds                        health of every feed (--json for JSON Lines)
    wirewatch feeds add URL                a feed, or a site whose feeds are found (autodiscovery)
    wirewatch feeds import FILE.opml       a feed reader's subscriptions; folders become tags
    wirewatch feeds export [FILE.opml]     every feed, configured and managed, as OPML 2.0
    wirewatch feeds pause|resume|remove NAME

Managed feeds are written to the store; a running `wirewatch run` adopts them within seconds
(wirewatch.app.feed_catalog). Registered by wirewatch.app.cli.main through `add_commands`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from wirewatch.app.cli.common import Exit, clip, print_table, settings_for
from wirewatch.app.feed_catalog import (
    FeedDefinitionError,
    FeedManager,
    ManagedFeedStore,
    default_feed_name,
    effective_feeds,
)
from wirewatch.errors import InputError
from wirewatch.settings import FULLTEXT_MODES, Settings

STARTER_CONFIG = Path(__file__).resolve().parents[2] / "demo" / "starter.toml"


def add_commands(subparsers) -> None:  # argparse._SubParsersAction
    feeds = subparsers.add_parser("feeds", help="feed health; add, import, export, pause, resume and remove feeds")
    feeds.add_argument("--json", action="store_true", help="health as JSON Lines")
    feeds.add_argument(
        "--kafka", action="store_true", help="distributed mode: the producer's ledger and the feeds topic"
    )
    feeds.set_defaults(handler=cmd_feeds_list)
    actions = feeds.add_subparsers(dest="feeds_command", metavar="ACTION")

    add = actions.add_parser("add", help="add a feed by its URL, or a site's feeds found on its page")
    add.add_argument("url")
    add.add_argument("--name", help="the feed's name (default: the feed's title or the site's host)")
    add.add_argument("--tag", action="append", default=[], help="a category usable in rules as feed.tags (repeat)")
    add.add_argument("--fulltext", choices=FULLTEXT_MODES, default="auto")
    add.add_argument("--interval", type=float, default=300.0, help="seconds between polls (default 300)")
    add.add_argument("--language", help="the feed's language (ISO 639-1), when it does not declare it")
    add.add_argument("--country", help="ISO 3166-1 alpha-2 code of the country the feed covers")
    pick = add.add_mutually_exclusive_group()
    pick.add_argument("--all", action="store_true", help="add every feed the site offers, without asking")
    pick.add_argument("--pick", type=int, action="append", metavar="N", help="add the N-th feed found (repeat)")
    add.set_defaults(handler=cmd_feeds_add)

    imp = actions.add_parser("import", help="add the feeds of an OPML subscription list (folders become tags)")
    imp.add_argument("file", help="OPML file, or - for stdin")
    imp.set_defaults(handler=cmd_feeds_import)

    exp = actions.add_parser("export", help="write every feed as OPML 2.0 (to a file, or stdout)")
    exp.add_argument("file", nargs="?", default="-")
    exp.set_defaults(handler=cmd_feeds_export)

    for action, help_text in (
        ("pause", "stop polling a feed (kept, with its history)"),
        ("resume", "poll a paused feed again"),
        ("remove", "remove a feed added at runtime (configured feeds are removed from the file)"),
    ):
        command = actions.add_parser(action, help=help_text)
        command.add_argument("name")
        command.set_defaults(handler=cmd_feeds_toggle, action=action)
    for command in (add, imp, exp, *(actions.choices[a] for a in ("pause", "resume", "remove"))):
        command.add_argument(
            "--kafka",
            action="store_true",
            help="distributed mode: the compacted feeds topic the producers follow, not the embedded store",
        )

    init = subparsers.add_parser("init", help="write a commented starter configuration for a first real run")
    init.add_argument("path", nargs="?", default="wirewatch.toml")
    init.add_argument("--force", action="store_true", help="overwrite an existing file")
    init.set_defaults(handler=cmd_init)


# -- health ---------------------------------------------------------------------------------------


def cmd_feeds_list(args: argparse.Namespace) -> int:
    from wirewatch.producers.poller import FeedState
    from wirewatch.sinks.sqlite.store import SQLiteStore

    settings = settings_for(args)
    ledger = settings.kafka.producer_store if args.kafka else settings.store.path
    with SQLiteStore(ledger) as store:
        states = store.load_feed_states()
    with _managed(settings, args) as managed:
        feeds = effective_feeds(settings.feeds, managed.managed_feeds())
    for feed in feeds:  # feeds never polled yet are listed too, as pending (or paused)
        states.setdefault(feed.name, {"url": feed.url})
    paused = {feed.name for feed in feeds if not feed.enabled}
    for name, state in states.items():
        if name in paused:
            state["status"] = "paused"
        elif "status" not in state:  # saved by a version that did not store it, or never polled
            state["status"] = FeedState.from_dict({**state, "name": name, "url": state.get("url", "")}).status
    if args.json:
        for name, state in states.items():
            print(json.dumps({"name": name, **state}, ensure_ascii=False, default=str))
        return Exit.OK
    rows = [
        [
            name,
            str(s.get("status", "")),
            str(s.get("last_success") or "")[:19].replace("T", " "),
            str(s.get("next_poll_at") or "")[:19].replace("T", " "),
            str(s.get("consecutive_failures", 0)),
            str(s.get("items_seen", 0)),
            _last_days(s.get("new_by_day") or {}),
            str(s.get("entries_skipped", 0)),
            "" if s.get("fulltext_rate") is None else f"{s['fulltext_rate']:.0%} of {s.get('fulltext_tried', 0)}",
            clip(str(s.get("last_error") or s.get("last_warning") or ""), 40),
        ]
        for name, s in states.items()
    ]
    headers = [
        "feed",
        "status",
        "last success",
        "next poll",
        "failures",
        "items",
        "new 7d",
        "skipped",
        "full text",
        "last error",
    ]
    print_table(headers, rows)
    return Exit.OK


# -- managing feeds -------------------------------------------------------------------------------


def cmd_feeds_add(args: argparse.Namespace) -> int:
    from wirewatch.producers.discover import discover
    from wirewatch.producers.fetch import FetchError, HttpFetcher, check_http_url

    settings = settings_for(args)
    if reason := check_http_url(args.url):
        return _fail(reason)

    async def find() -> list:
        async with HttpFetcher(settings.poller) as http:
            return await discover(args.url, http.fetch)

    try:
        found = asyncio.run(find())
    except FetchError as exc:
        return _fail(f"{args.url}: {exc}")
    if not found:
        return _fail(f"no feed found at {args.url} (no feed link on the page, none at the usual paths)")
    chosen = _choose(found, args)
    if chosen is None:
        return Exit.USAGE
    candidates = [
        {
            "name": args.name if args.name and len(chosen) == 1 else default_feed_name(feed.title, feed.url),
            "url": feed.url,
            "tags": [_tag(t) for t in args.tag],
            "fulltext": args.fulltext,
            "interval": args.interval,
            "language": args.language,
            "country": args.country.upper() if args.country else None,
        }
        for feed in chosen
    ]
    with _managed(settings, args) as store:
        added, problems = _manager(settings, store).add(candidates)
    for problem in problems:
        print(f"wirewatch feeds: {problem}", file=sys.stderr)
    for feed in added:
        print(f"added {feed.name}: {feed.url}")
    return Exit.OK if added or not problems else Exit.ERROR


def _choose(found: list, args: argparse.Namespace) -> list | None:
    """The feeds to add: the only one, all (--all), the picked ones (--pick), or the user's answer."""
    if len(found) == 1 or args.all:
        return found
    listing = "\n".join(f"  {i}. {f.url}" + (f"  ({f.title})" if f.title else "") for i, f in enumerate(found, 1))
    if args.pick:
        if any(not 1 <= n <= len(found) for n in args.pick):
            print(f"wirewatch feeds add: --pick takes 1 to {len(found)}; found:\n{listing}", file=sys.stderr)
            return None
        return [found[n - 1] for n in dict.fromkeys(args.pick)]
    if not sys.stdin.isatty():
        print(f"{len(found)} feeds found; choose with --pick N (or --all):\n{listing}", file=sys.stderr)
        return None
    print(f"{len(found)} feeds found:\n{listing}")
    answer = input("Add which? (numbers separated by commas, or 'all'): ").strip().lower()
    if answer == "all":
        return found
    try:
        picked = [int(part) for part in answer.replace(" ", "").split(",") if part]
    except ValueError:
        picked = []
    if not picked or any(not 1 <= n <= len(found) for n in picked):
        print("wirewatch feeds add: nothing added", file=sys.stderr)
        return None
    return [found[n - 1] for n in dict.fromkeys(picked)]


def cmd_feeds_import(args: argparse.Namespace) -> int:
    from wirewatch.producers.opml import read_opml, unique_names

    settings = settings_for(args)
    data = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
    try:
        listed = read_opml(data)
    except InputError as exc:
        return _fail(f"{args.file}: {exc}")
    with _managed(settings, args) as store:
        manager = _manager(settings, store)
        current = manager.feeds()
        known_urls = {feed.url for feed in current}
        fresh = [feed for feed in listed if feed.url not in known_urls]
        names = unique_names([feed.name for feed in fresh], taken={feed.name for feed in current})
        added, refused = manager.add(
            [
                {"name": name, "url": feed.url, "tags": list(feed.tags), "language": feed.language}
                for name, feed in zip(names, fresh, strict=True)
            ]
        )
    for reason in refused:
        print(f"wirewatch feeds import: refused {reason}", file=sys.stderr)
    print(f"imported {len(added)} feed(s); {len(listed) - len(fresh)} already present, {len(refused)} refused")
    return Exit.ERROR if refused else Exit.OK


def cmd_feeds_export(args: argparse.Namespace) -> int:
    from wirewatch.producers.opml import write_opml

    settings = settings_for(args)
    with _managed(settings, args) as store:
        feeds = effective_feeds(settings.feeds, store.managed_feeds())
    rows = [(feed.name, feed.url, tuple(feed.tags)) for feed in feeds if feed.kind == "http"]
    document = write_opml(rows, title="wirewatch feeds")
    if args.file == "-":
        sys.stdout.buffer.write(document)
    else:
        Path(args.file).write_bytes(document)
        print(f"exported {len(rows)} feed(s) to {args.file}", file=sys.stderr)
    return Exit.OK


def cmd_feeds_toggle(args: argparse.Namespace) -> int:
    settings = settings_for(args)
    with _managed(settings, args) as store:
        manager = _manager(settings, store)
        try:
            if args.action == "remove":
                manager.remove(args.name)
            else:
                manager.set_enabled(args.name, args.action == "resume")
        except FeedDefinitionError as exc:
            return _fail(str(exc))
    print({"pause": "paused", "resume": "resumed", "remove": "removed"}[args.action], args.name)
    return Exit.OK


# -- init -----------------------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    target = Path(args.path)
    if target.exists() and not args.force:
        return _fail(f"{target} exists; use --force to overwrite it")
    target.write_text(STARTER_CONFIG.read_text(encoding="utf-8"), encoding="utf-8")
    print(f"wrote {target}: check it with `wirewatch config check`, then `wirewatch run`")
    return Exit.OK


# -- helpers --------------------------------------------------------------------------------------


def _last_days(by_day: dict[str, int], days: int = 7) -> str:
    """New dispatches in the last `days` days (UTC, today included); the daily history is in --json."""
    today = datetime.now(UTC).date()
    wanted = {(today - timedelta(days=n)).isoformat() for n in range(days)}
    return str(sum(count for day, count in by_day.items() if day in wanted))


def _store(settings: Settings):
    from wirewatch.sinks.sqlite.store import SQLiteStore

    return SQLiteStore(settings.store.path)


def _manager(settings: Settings, store: ManagedFeedStore) -> FeedManager:
    return FeedManager(store, settings.feeds, source=str(settings.source_path or "the configuration file"))


def _managed(settings: Settings, args: argparse.Namespace) -> Any:
    """Where managed feeds live: the embedded store, or (--kafka) the compacted feeds topic."""
    return KafkaManagedFeeds(settings) if getattr(args, "kafka", False) else _store(settings)


class KafkaManagedFeeds:
    """The compacted feeds topic with the store's managed-feeds calls: read whole, written by name (a tombstone
    removes). The producers follow it (wirewatch.app.services.producer.ManagedFeedsFollower)."""

    def __init__(self, settings: Settings) -> None:
        self.kafka = settings.kafka

    def __enter__(self) -> KafkaManagedFeeds:
        return self

    def __exit__(self, *exc_info: object) -> None:
        pass

    def managed_feeds(self) -> dict[str, dict[str, Any]]:
        from wirewatch.app.services.producer import decode_managed_feeds
        from wirewatch.compacted import read_compacted

        return decode_managed_feeds(read_compacted(self.kafka, self.kafka.topic_feeds).items())

    def put_managed_feeds(self, definitions: dict[str, dict[str, Any]]) -> None:
        from wirewatch.compacted import ensure_compacted_topic, write_compacted

        ensure_compacted_topic(self.kafka, self.kafka.topic_feeds)
        records = [(name, json.dumps(d, ensure_ascii=False).encode()) for name, d in definitions.items()]
        write_compacted(self.kafka, self.kafka.topic_feeds, records)  # type: ignore[arg-type]

    def delete_managed_feed(self, name: str) -> bool:
        from wirewatch.compacted import write_compacted

        write_compacted(self.kafka, self.kafka.topic_feeds, [(name, None)])
        return True


def _fail(message: str) -> int:
    print(f"wirewatch feeds: {message}", file=sys.stderr)
    return Exit.ERROR


def _tag(value: str) -> str:
    return "-".join(value.lower().split())


__all__ = ["add_commands"]
