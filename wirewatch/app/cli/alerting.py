"""`wirewatch silence add|list|expire`: silences, in the store (embedded) or the silences topic (--kafka, which
the distributed notifier follows)."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from datetime import timedelta

from wirewatch.app.cli.common import Exit, clip, print_table, settings_for
from wirewatch.app.silences import SilenceBook, StoreSilences, TopicSilences, new_silence
from wirewatch.models import format_time, parse_time, utcnow
from wirewatch.settings import Settings
from wirewatch.sinks.alerts.policy import PolicyError, parse_duration


def add_commands(subparsers) -> None:  # argparse._SubParsersAction
    silence = subparsers.add_parser(
        "silence", help="silence alerts for a while: recorded and shown, not delivered (add, list, expire)"
    )
    actions = silence.add_subparsers(dest="silence_command", metavar="ACTION")
    add = actions.add_parser("add", help="silence a rule's alerts (or every rule's) that carry a key")
    add.add_argument("--rule", help="a rule id or name (default: every rule)")
    add.add_argument("--key", help="a country code, official, source, story or dispatch id the alert carries")
    add.add_argument("--for", dest="duration", required=True, metavar="DURATION", help="how long: 30m, 6h, 2d")
    add.add_argument("--starts", help="ISO time it starts (default: now)")
    add.add_argument("--reason", required=True, help="why: shown beside every alert it holds back")
    add.add_argument("--by", default=None, help="who (default: the login name)")
    _where(add)
    add.set_defaults(handler=cmd_silence_add)
    listing = actions.add_parser("list", help="silences, newest first")
    listing.add_argument("--all", action="store_true", help="also the ones that ended")
    listing.add_argument("--json", action="store_true", help="JSON Lines: one silence a line")
    _where(listing)
    listing.set_defaults(handler=cmd_silence_list)
    expire = actions.add_parser("expire", help="end a silence now")
    expire.add_argument("silence_id")
    _where(expire)
    expire.set_defaults(handler=cmd_silence_expire)
    silence.set_defaults(handler=lambda args: (silence.print_help(), Exit.USAGE)[1])


def _where(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--kafka", action="store_true", help="distributed mode: the compacted silences topic the notifier follows"
    )


def book_for(settings: Settings, kafka: bool) -> SilenceBook:
    return TopicSilences(settings.kafka) if kafka else StoreSilences(settings.store.path)


def cmd_silence_add(args: argparse.Namespace) -> int:
    settings = settings_for(args)
    try:
        duration = parse_duration(args.duration)
        starts = parse_time(args.starts) if args.starts else utcnow()
    except (PolicyError, ValueError) as exc:
        print(f"wirewatch silence add: {exc}", file=sys.stderr)
        return Exit.USAGE
    known = {name for rule in settings.rules for name in (rule.id, rule.name)}
    if args.rule and settings.rules and args.rule not in known:
        print(f"wirewatch silence add: no rule {args.rule!r} in the configuration", file=sys.stderr)
        return Exit.USAGE
    if not args.reason.strip():
        print("wirewatch silence add: --reason must say why", file=sys.stderr)
        return Exit.USAGE
    by = args.by or getpass.getuser()
    silence = new_silence(args.rule, args.key, starts, starts + timedelta(seconds=duration), args.reason.strip(), by)
    book_for(settings, args.kafka).add(silence)
    print(f"silence {silence.id}: until {format_time(silence.ends)}")
    return Exit.OK


def cmd_silence_list(args: argparse.Namespace) -> int:
    now = utcnow()
    silences = book_for(settings_for(args), args.kafka).all()
    if not args.all:
        silences = [s for s in silences if s.ends > now]
    if args.json:
        for silence in silences:
            print(json.dumps(silence.to_dict(), ensure_ascii=False))
        return Exit.OK
    if not silences:
        print("no silences", file=sys.stderr)
        return Exit.OK
    rows = [
        [
            s.id,
            s.rule or "(every rule)",
            s.key or "(any)",
            format_time(s.starts)[:16],
            format_time(s.ends)[:16],
            "active" if s.active(now) else ("ended" if s.ends <= now else "scheduled"),
            s.created_by,
            clip(s.reason, 50),
        ]
        for s in silences
    ]
    print_table(["id", "rule", "key", "starts", "ends", "state", "by", "reason"], rows)
    return Exit.OK


def cmd_silence_expire(args: argparse.Namespace) -> int:
    if book_for(settings_for(args), args.kafka).expire(args.silence_id, utcnow()):
        print(f"silence {args.silence_id}: ended")
        return Exit.OK
    print(f"wirewatch silence expire: no silence {args.silence_id!r} in force", file=sys.stderr)
    return Exit.ERROR


# -- rules test ---------------------------------------------------------------------------------------------


def add_rules_test(rules_sub) -> None:  # the `rules` group's subparsers (cli/processor.py)
    test = rules_sub.add_parser(
        "test",
        help="list what a query or a configured rule would have matched in the stored dispatches",
        description="The dispatches that arrived within --since and that the query matches, oldest first, from "
        "Elasticsearch when it is enabled, else the SQLite store (both give the same answer).",
    )
    test.add_argument("query", nargs="?", help="a query (or --rule NAME)")
    test.add_argument("--rule", help="a configured rule's id or name")
    test.add_argument("--since", default="7d", help="ISO time or a duration such as 12h, 7d (default 7d)")
    test.add_argument("--limit", type=int, default=10_000, help="matches listed at most (default 10000)")
    test.add_argument("--json", action="store_true", help="JSON Lines: one matching document a line")
    test.add_argument("--apply", action="store_true", help="record the matches as the rule's alerts (with --rule)")
    test.add_argument(
        "--kafka",
        action="store_true",
        help="with --apply, distributed mode: publish them to the alerts topic for the notifier (and the sink)",
    )
    test.add_argument(
        "--deliver",
        choices=("none", "digest"),
        default="none",
        help="with --apply: record only (none, the default), or deliver them as one digest per channel",
    )
    test.set_defaults(handler=cmd_rules_test)


def cmd_rules_test(args: argparse.Namespace) -> int:
    from wirewatch.app.cli.common import parse_since
    from wirewatch.query import QuerySyntaxError

    settings = settings_for(args)
    rule = None
    if args.rule:
        rule = next((r for r in settings.rules if args.rule in (r.id, r.name)), None)
        if rule is None:
            print(f"wirewatch rules test: no rule {args.rule!r} in the configuration", file=sys.stderr)
            return Exit.USAGE
    query = rule.query if rule is not None else args.query
    if not query or (args.query and rule is not None):
        print("wirewatch rules test: give a query or --rule NAME (one of them)", file=sys.stderr)
        return Exit.USAGE
    if args.apply and rule is None:
        print("wirewatch rules test: --apply needs --rule (the alerts are that rule's)", file=sys.stderr)
        return Exit.USAGE
    try:
        since = parse_since(args.since)
    except ValueError as exc:
        print(f"wirewatch rules test: --since: {exc}", file=sys.stderr)
        return Exit.USAGE
    assert since is not None
    use_es = settings.elasticsearch.enabled and not args.store and (args.kafka or not args.apply)
    try:
        result = _backtest(settings, query, since, max(1, args.limit), use_es)
    except QuerySyntaxError as exc:
        print(f"wirewatch rules test: {exc}", file=sys.stderr)
        return Exit.USAGE
    where = "Elasticsearch" if use_es else str(settings.store.path)
    print(
        f"{len(result.matches)} dispatches since {format_time(since)[:19]} matched"
        f"{' (more not listed: --limit)' if result.truncated else ''}, {result.examined} examined, in {where}",
        file=sys.stderr,
    )
    if args.json:
        for doc, matched in result.matches:
            print(json.dumps({**doc, "_matched": matched}, ensure_ascii=False))
    elif result.matches:
        rows = [
            [doc.get("fetched", "")[:16], doc.get("source", ""), clip(doc.get("title", ""), 70), ",".join(matched[:4])]
            for doc, matched in result.matches
        ]
        print_table(["arrived", "source", "title", "matched"], rows)
    if args.apply:
        assert rule is not None
        recorded = apply_backtest(settings, rule, result.matches, deliver=args.deliver == "digest", kafka=args.kafka)
        digest = (
            "; they go out as one digest per channel at the next delivery round" if args.deliver == "digest" else ""
        )
        if recorded is None:
            print(f"{len(result.matches)} alerts published to {settings.kafka.topic_alerts}{digest}", file=sys.stderr)
        else:
            already = len(result.matches) - recorded
            print(
                f"{recorded} alerts recorded for rule {rule.name!r} ({already} had fired already){digest}",
                file=sys.stderr,
            )
    return Exit.OK


def _backtest(settings: Settings, query: str, since, limit: int, use_es: bool):
    import asyncio

    if use_es:
        from wirewatch.sinks.elasticsearch.backtest import backtest_with_client
        from wirewatch.sinks.elasticsearch.client import build_client
        from wirewatch.sinks.elasticsearch.layout import IndexNames

        async def run():
            client = build_client(settings.elasticsearch)
            try:
                names = IndexNames.from_settings(settings.elasticsearch)
                return await backtest_with_client(client, names, query, since, limit)
            finally:
                await client.close()

        return asyncio.run(run())
    from wirewatch.sinks.sqlite.backtest import backtest
    from wirewatch.sinks.sqlite.store import SQLiteStore

    with SQLiteStore(settings.store.path) as store:
        return backtest(store.conn, query, since, limit)


def apply_backtest(settings: Settings, rule, matches, *, deliver: bool, kafka: bool = False) -> int | None:
    """Record the matches as the rule's alerts (never one twice); with `deliver`, as one digest per channel due
    at once. Embedded: into the store, returns how many were new. With `kafka`: published to the alerts topic
    for the notifier to record (and the sink to index); returns None (the notifier counts them)."""
    from wirewatch.models import Alert, TaggedDispatch
    from wirewatch.sinks.alerts.delivery import BACKFILL, BACKFILL_DIGEST, record_backfill

    alerts = [Alert.for_dispatch(rule, TaggedDispatch.from_doc(doc), matched) for doc, matched in matches]
    for alert in alerts:
        alert.kind = BACKFILL_DIGEST if deliver else BACKFILL
    if kafka:
        from wirewatch.compacted import write_compacted
        from wirewatch.wire import encode_json

        records = [(alert.hit_key, encode_json(alert.to_dict())) for alert in alerts]
        # write and wait for every ack (the helper is the compacted topics', but nothing in it is compaction-specific)
        write_compacted(settings.kafka, settings.kafka.topic_alerts, records)  # type: ignore[arg-type]
        return None
    from wirewatch.sinks.sqlite.store import SQLiteStore

    with SQLiteStore(settings.store.path) as store:
        return len(record_backfill(store, alerts, list(rule.channels), utcnow()))
