"""`wirewatch kb`: the tagger's learned layer (list, confirm, reject, edit, export) and `kb import` of open data.

The learned layer lives in the SQLite store (embedded mode, the default) or in the compacted `learned`
topic (`--kafka`, distributed mode). A decision is a record of the writer `@user`; running pipelines and
workers pick it up within seconds.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from wirewatch.app.cli.common import Exit, clip, print_table, settings_for
from wirewatch.app.learned_store import load_layer, write_records
from wirewatch.models import utcnow
from wirewatch.processors.tagger.kb import valid_country_codes
from wirewatch.processors.tagger.learned import KINDS, STATUSES, Decision, LearnedLayer, entry_key, to_official


def add_commands(subparsers) -> None:  # argparse._SubParsersAction
    kb = subparsers.add_parser(
        "kb", help="the tagger's knowledge base: learned officials and agencies, open-data import"
    )
    kb.add_argument(
        "--kafka", action="store_true", help="use the compacted learned topic (distributed mode) instead of the store"
    )
    kb_sub = kb.add_subparsers(dest="kb_command", metavar="ACTION")

    listing = kb_sub.add_parser("list", help="learned entries, most attested first")
    listing.add_argument("--status", choices=STATUSES, help="only entries with this status")
    listing.add_argument("--kind", choices=KINDS, help="only officials or only agencies")
    listing.add_argument("--limit", type=int, default=50)
    listing.add_argument("--json", action="store_true", help="JSON Lines output, with each entry's roles over time")
    listing.set_defaults(handler=cmd_list)

    for action, summary in (
        ("confirm", "use this entry from now on, however few sightings it has"),
        ("reject", "drop this entry and never learn it again"),
    ):
        parser = kb_sub.add_parser(action, help=summary)
        parser.add_argument("name", help="the entry's name or key (as `kb list` shows it)")
        parser.add_argument("--kind", choices=KINDS, default="official", help="for a name not learned yet")
        parser.add_argument("--reason", help="why (kept with the decision)")
        parser.set_defaults(handler=cmd_decide, status=action + "ed" if action == "confirm" else "rejected")

    edit = kb_sub.add_parser("edit", help="correct an entry's name, role or country (and confirm it)")
    edit.add_argument("name", help="the entry's name or key")
    edit.add_argument("--kind", choices=KINDS, default="official")
    edit.add_argument("--set-name", dest="new_name", metavar="NAME")
    edit.add_argument("--role")
    edit.add_argument("--country", help="ISO 3166-1 alpha-2 code")
    edit.add_argument("--reason")
    edit.set_defaults(handler=cmd_decide, status="confirmed")

    export = kb_sub.add_parser(
        "export", help="attested and confirmed officials as a knowledge-base officials file (kb_updates format)"
    )
    export.add_argument("--output", "-o", help="file to write (default: stdout)")
    export.add_argument("--json", action="store_true", help="JSON Lines of every entry instead")
    export.set_defaults(handler=cmd_export)

    try:
        from wirewatch.app.cli.kb_import import add_import_command
    except ImportError:  # pragma: no cover - the import command ships with this module
        pass
    else:
        add_import_command(kb_sub)
    kb.set_defaults(handler=lambda args: (kb.print_help(), Exit.USAGE)[1])


# -- commands ---------------------------------------------------------------------------------------------------


def cmd_list(args: argparse.Namespace) -> int:
    settings = settings_for(args)
    layer = load_layer(settings, args.kafka)
    entries = [
        e
        for e in layer.entries.values()
        if (args.status is None or layer.status(e) == args.status) and (args.kind is None or e.kind == args.kind)
    ]
    entries.sort(key=lambda e: (-e.dispatch_count(), -e.sightings, e.key))
    entries = entries[: max(args.limit, 0)]
    if args.json:
        for e in entries:
            print(json.dumps(e.to_summary(layer.min_dispatches, layer.min_sources), ensure_ascii=False))
        return Exit.OK
    rows = [
        [
            layer.status(e),
            e.kind,
            clip(e.name, 36),
            clip(e.role or "—", 28),
            e.country or "—",
            e.dispatch_count(),
            e.source_count(),
            e.last_seen or "—",
        ]
        for e in entries
    ]
    print_table(["status", "kind", "name", "role", "country", "dispatches", "sources", "last seen"], rows)
    sizes = layer.sizes()
    print(
        f"\n{sizes['entries']} entries: {sizes['attested']} attested, {sizes['confirmed']} confirmed, "
        f"{sizes['learned']} learning, {sizes['rejected']} rejected"
    )
    return Exit.OK


def cmd_decide(args: argparse.Namespace) -> int:
    settings = settings_for(args)
    country = getattr(args, "country", None)
    if country is not None:
        country = country.upper()
        if country not in valid_country_codes():
            print(f"wirewatch: {args.country!r} is not an ISO 3166-1 alpha-2 country code", file=sys.stderr)
            return Exit.USAGE
    layer = load_layer(settings, args.kafka)
    entry = layer.find(args.name)
    key = entry.key if entry is not None else entry_key(args.kind, args.name)
    if entry is None and args.status != "rejected" and not getattr(args, "new_name", None):
        print(f"wirewatch: no learned entry {args.name!r} (see `wirewatch kb list`)", file=sys.stderr)
        return Exit.ERROR
    decision = Decision(
        args.status,
        utcnow().isoformat(timespec="seconds"),
        name=getattr(args, "new_name", None) or (None if entry is not None else args.name),
        role=getattr(args, "role", None),
        country=country,
        reason=args.reason,
    )
    write_records(settings, args.kafka, [layer.decide(key, decision)])
    print(f"{key}: {args.status}")
    return Exit.OK


def cmd_export(args: argparse.Namespace) -> int:
    settings = settings_for(args)
    layer = load_layer(settings, args.kafka)
    if args.json:
        lines = [
            json.dumps(e.to_summary(layer.min_dispatches, layer.min_sources), ensure_ascii=False)
            for e in sorted(layer.entries.values(), key=lambda e: e.key)
        ]
        text = "\n".join(lines) + ("\n" if lines else "")
    else:
        text = json.dumps(export_document(layer), indent=1, ensure_ascii=False) + "\n"
    if args.output:
        with open(args.output, "w", encoding="utf-8") as out:
            out.write(text)
    else:
        sys.stdout.write(text)
    return Exit.OK


def export_document(layer: LearnedLayer) -> dict[str, Any]:
    """The attested and confirmed officials in the knowledge base's officials schema: a file `[tagger]
    kb_updates` can load, or a reviewer can merge into the bundled knowledge base."""
    officials = []
    for entry in layer.attested():
        if entry.kind != "official":
            continue
        official = to_official(entry)
        roles = [
            {
                "title": r.title,
                "country": r.country,
                "start": r.start.isoformat(),
                "end": r.end.isoformat() if r.end else None,
            }
            for r in official.roles
            if r.country  # the knowledge base's schema needs a country for each role
        ]
        if roles:
            slug = "-".join(entry.key.split(":", 1)[1].split())
            officials.append(
                {
                    "id": f"{str(roles[0]['country']).lower()}-{slug}",
                    "name": official.name,
                    "aliases": [],
                    "surnames": list(official.surnames),
                    "roles": roles,
                }
            )
    return {
        "source": f"wirewatch learned layer: officials named with a role in the dispatches it read, exported "
        f"{utcnow().date().isoformat()}; review before relying on them",
        "officials": officials,
    }
