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
