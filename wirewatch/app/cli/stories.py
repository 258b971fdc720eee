"""`wirewatch stories`: the stories in the store, the latest first; `wirewatch stories show ID`: one story and
its dispatches. Reads Elasticsearch when `[elasticsearch] enabled`, else the SQLite store."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from wirewatch.app.cli.common import Exit, clip, parse_since, print_table, settings_for
from wirewatch.app.story_reader import open_story_reader
from wirewatch.models import StoryFilter


def add_commands(subparsers) -> None:  # argparse._SubParsersAction
    stories = subparsers.add_parser(
        "stories",
        help="list stories: one story however many feeds carry it",
        description="Stories updated within --since, the latest first (or the most widely carried: --by sources).",
    )
    stories.add_argument("--since", default="7d", help="ISO time or a duration such as 30m, 12h, 7d (default 7d)")
    stories.add_argument("--breaking", action="store_true", help="only stories flagged breaking")
    stories.add_argument("--min-sources", type=int, default=0, metavar="N", help="only stories carried by N+ sources")
    stories.add_argument("--by", choices=("last_update", "sources"), default="last_update", help="order")
    stories.add_argument("--limit", type=int, default=50)
    stories.add_argument("--json", action="store_true", help="JSON Lines output: one story record a line")
    stories.set_defaults(handler=cmd_stories)
    actions = stories.add_subparsers(dest="action", metavar="{show}")
    show = actions.add_parser("show", help="one story and its dispatches")
    show.add_argument("story_id")
    show.add_argument("--limit", type=int, default=100, help="dispatches to list")
    show.add_argument("--json", action="store_true", help="the story record and its dispatches as one JSON object")
    show.set_defaults(handler=cmd_story_show)


def cmd_stories(args: argparse.Namespace) -> int:
    try:
        since = parse_since(args.since)
    except ValueError as exc:
        print(f"wirewatch stories: --since: {exc}", file=sys.stderr)
        return Exit.USAGE
    with open_story_reader(settings_for(args)) as reader:
        stories = reader.stories(
            StoryFilter(since, args.limit, breaking=args.breaking, min_sources=args.min_sources, order=args.by)
        )
    if args.json:
        for story in stories:
            print(json.dumps(story, ensure_ascii=False))
        return Exit.OK
    if not stories:
        print("no stories in this period", file=sys.stderr)
        return Exit.OK
    print_table(
        ["last update", "story", "title", "dispatches", "sources", "languages", "countries", ""],
        [_row(story) for story in stories],
    )
    return Exit.OK


def _row(story: dict[str, Any]) -> list[str]:
    return [
        story["last_update"][:16].replace("T", " "),
        story["id"],
        clip(story.get("title") or "", 60),
        str(story["dispatches"]),
        str(story["sources"]),
        ",".join(story.get("languages") or ()),
        ",".join((story.get("countries") or ())[:6]),
        "BREAKING" if story.get("breaking") else "",
    ]


def cmd_story_show(args: argparse.Namespace) -> int:
    with open_story_reader(settings_for(args)) as reader:
        story = reader.story(args.story_id)
        dispatches = reader.story_dispatches(args.story_id, args.limit) if story is not None else []
    if story is None:
        print(f"wirewatch stories show: no story {args.story_id!r}", file=sys.stderr)
        return Exit.ERROR
    if args.json:
        print(json.dumps({**story, "members": dispatches}, ensure_ascii=False))
        return Exit.OK
    print(f"{story['title']}  [{story['id']}]")
    breaking = f", breaking since {story['breaking_at'][:16].replace('T', ' ')}" if story.get("breaking") else ""
    print(
        f"{story['dispatches']} dispatches from {story['sources']} sources in {', '.join(story['languages']) or '-'}"
        f", {story['first_seen'][:16].replace('T', ' ')} → {story['last_update'][:16].replace('T', ' ')}{breaking}"
    )
    for kind in ("countries", "officials", "agencies"):
        if story.get(kind):
            print(f"{kind}: {', '.join(story[kind][:12])}")
    print()
    print_table(
        ["published", "source", "how", "lang", "title"],
        [
            [
                str(doc.get("published", ""))[:16].replace("T", " "),
                clip(str(doc.get("source") or ""), 20),
                str((doc.get("story") or {}).get("how") or ""),
                str(doc.get("language") or ""),
                clip(str(doc.get("title") or ""), 70),
            ]
            for doc in dispatches
        ],
    )
    return Exit.OK
