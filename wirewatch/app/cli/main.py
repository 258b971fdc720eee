"""`wirewatch` command line.

Every command reads the same configuration (see wirewatch.config). Commands
that print data take `--json` for JSON Lines, so they compose with jq.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from wirewatch import __version__
from wirewatch.app.cli import alerting as cli_alerting
from wirewatch.app.cli import dashboard as cli_dashboard
from wirewatch.app.cli import elasticsearch as cli_es
from wirewatch.app.cli import feeds as cli_feeds
from wirewatch.app.cli import fulltext as cli_fulltext
from wirewatch.app.cli import kb as cli_kb
from wirewatch.app.cli import notify as cli_notify
from wirewatch.app.cli import processor as cli_processor
from wirewatch.app.cli import producer as cli_producer
from wirewatch.app.cli import stories as cli_stories
from wirewatch.app.cli.common import Exit, clip, parse_since, print_table, settings_for
from wirewatch.app.components import check_config
from wirewatch.config import ConfigError
from wirewatch.models import format_time
from wirewatch.settings import Settings


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    if not getattr(args, "handler", None):
        parser.print_help()
        return Exit.USAGE
    try:
        return args.handler(args)
    except ConfigError as exc:
        print(f"wirewatch: {exc}", file=sys.stderr)
        return Exit.USAGE
    except KeyboardInterrupt:
        return Exit.INTERRUPTED
    except BrokenPipeError:
        return Exit.OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="wirewatch", description="Media-monitoring pipeline: tag, alert, search.")
    parser.add_argument("--version", action="version", version=f"wirewatch {__version__}")
    parser.add_argument("-c", "--config", help="TOML config file (default: $WIREWATCH_CONFIG or ./wirewatch.toml)")
    parser.add_argument("--store", help="SQLite store path (overrides [store].path)")
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging on stderr")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    run = sub.add_parser("run", help="poll feeds, tag, alert and store in one process (embedded mode)")
    run.add_argument("--once", action="store_true", help="poll every feed once, drain the pipeline and exit")
    run.add_argument(
        "--demo", action="store_true", help="run on the sample feeds bundled with wirewatch (fresh demo store)"
    )
    run.add_argument("--status-interval", type=float, default=10.0, metavar="SECONDS")
    run.add_argument("--no-dashboard", action="store_true", help="do not serve the dashboard ([server] settings)")
    run.set_defaults(handler=cmd_run)

    ingest = sub.add_parser(
        "ingest", help="push dispatches (plain text, a JSON object or JSON Lines) through the pipeline"
    )
    ingest.add_argument("file", nargs="?", default="-", help="file to read, or - for stdin (default)")
    ingest.add_argument("--source", default="ingest", help="source name recorded on the dispatches")
    ingest.set_defaults(handler=cmd_ingest)

    tag = sub.add_parser("tag", help="tag dispatches and print one JSON object per dispatch (nothing is stored)")
    tag.add_argument("file", nargs="?", default="-", help="file to read, or - for stdin (default)")
    tag.set_defaults(handler=cmd_tag)

    search = sub.add_parser("search", help="search stored dispatches with the rule query language")
    search.add_argument(
        "query",
        help="Lucene query, e.g. 'coup AND countries.code:TR' "
        "(Elasticsearch when [elasticsearch].enabled, else the SQLite store)",
    )
    search.add_argument("--limit", type=int, default=20)
    search.add_argument("--json", action="store_true", help="JSON Lines output")
    search.set_defaults(handler=cmd_search)

    alerts = sub.add_parser("alerts", help="list fired alerts")
    alerts.add_argument("--since", help="ISO time or a duration such as 30m, 12h, 7d")
    alerts.add_argument("--limit", type=int, default=100)
    alerts.add_argument("--json", action="store_true", help="JSON Lines output")
    alerts.set_defaults(handler=cmd_alerts)

    dead = sub.add_parser("dead-letters", help="list rejected inputs kept for inspection")
    dead.add_argument("--limit", type=int, default=50)
    dead.add_argument("--json", action="store_true")
    dead.set_defaults(handler=cmd_dead_letters)

    stats = sub.add_parser("stats", help="store counts")
    stats.set_defaults(handler=cmd_stats)

    cli_dashboard.add_commands(sub)
    cli_producer.add_commands(sub)
    cli_processor.add_commands(sub)
    cli_es.add_commands(sub)
    cli_feeds.add_commands(sub)
    cli_fulltext.add_commands(sub)
    cli_stories.add_commands(sub)
    cli_notify.add_commands(sub)
    cli_alerting.add_commands(sub)
    cli_kb.add_commands(sub)

    config = sub.add_parser("config", help="configuration tools")
    config_sub = config.add_subparsers(dest="config_command", metavar="ACTION")
    check = config_sub.add_parser("check", help="report every configuration error with its key and reason")
    check.set_defaults(handler=cmd_config_check)
    return parser


def open_store(args: argparse.Namespace):
    from wirewatch.sinks.sqlite.store import SQLiteStore

    return SQLiteStore(settings_for(args).store.path)


# -- commands ------------------------------------------------------------------------------


def cmd_run(args: argparse.Namespace) -> int:
    from wirewatch.app.runner import run_embedded

    settings = settings_for(args)
    if args.demo:
        _reset_demo_store(settings.store.path)
        print(
            f"wirewatch demo: {len(settings.feeds)} bundled feeds, {len(settings.rules)} rules, "
            f"store {settings.store.path}",
            file=sys.stderr,
        )
    if not settings.feeds and not _managed_feed_count(settings):
        print(
            "wirewatch: no feeds configured (run `wirewatch init` for a starter wirewatch.toml, add feeds with"
            " `wirewatch feeds add URL`, or try --demo)",
            file=sys.stderr,
        )
        return Exit.USAGE
    dashboard = False if args.no_dashboard else None
    counters = asyncio.run(
        run_embedded(settings, once=args.once, status_interval=args.status_interval, dashboard=dashboard)
    )
    if args.demo:
        print(f"\nTry: wirewatch --store {settings.store.path} search 'coup AND countries.code:TR'", file=sys.stderr)
    for name, error in counters.feeds_failed.items():
        print(f"wirewatch: feed {name} failed: {error}", file=sys.stderr)
    # A cron job must notice a feed that could not be read: its own exit code, not 0.
    return Exit.FEEDS_FAILED if counters.feeds_failed else Exit.OK


def _managed_feed_count(settings: Settings) -> int:
    from wirewatch.sinks.sqlite.store import SQLiteStore

    if not settings.store.path.exists():
        return 0
    with SQLiteStore(settings.store.path) as store:
        return len(store.managed_feeds())


def _reset_demo_store(path: Path) -> None:
    """The demo starts fresh each time, so it always shows its alerts."""
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def _read_input(name: str) -> str:
    if name == "-":
        return sys.stdin.read()
    return Path(name).read_text(encoding="utf-8", errors="replace")


INGEST_CHUNK = 256  # dispatches per inbox transaction in `wirewatch ingest`


def cmd_ingest(args: argparse.Namespace) -> int:
    from wirewatch.app.runner import EmbeddedPipeline
    from wirewatch.producers.ingest import parse_ingest

    settings = settings_for(args)
    dispatches, errors = parse_ingest(_read_input(args.file), source=args.source)
    for error in errors:
        print(f"wirewatch ingest: {args.file}: line {error.line}: {error.message}", file=sys.stderr)

    async def ingest_all() -> tuple[int, int, int]:
        pipeline = EmbeddedPipeline.from_settings(settings)
        worker = asyncio.create_task(pipeline.process_forever())
        try:
            await pipeline.replay_pending()
            accepted = 0
            # In chunks: one inbox transaction per chunk, not one per dispatch; every dispatch of a
            # chunk is durable before any of it is queued.
            for start in range(0, len(dispatches), INGEST_CHUNK):
                accepted += await pipeline.accept_many(dispatches[start : start + INGEST_CHUNK])
            await pipeline.drain()
            return accepted, pipeline.counters.duplicates, pipeline.counters.alerts
        finally:
            worker.cancel()
            await asyncio.gather(worker, return_exceptions=True)
            await pipeline.close()

    accepted, duplicates, alerts = asyncio.run(ingest_all())
    print(
        f"wirewatch ingest: {accepted} ingested, {duplicates} already seen, {len(errors)} rejected, {alerts} alert(s)",
        file=sys.stderr,
    )
    return Exit.ERROR if errors else Exit.OK


def cmd_tag(args: argparse.Namespace) -> int:
    from wirewatch.processors.tagger import Tagger
    from wirewatch.producers.ingest import parse_ingest

    settings = settings_for(args)
    dispatches, errors = parse_ingest(_read_input(args.file), source="tag")
    for error in errors:
        print(f"wirewatch tag: {args.file}: line {error.line}: {error.message}", file=sys.stderr)
    tagger = Tagger.load(settings.tagger.kb_dir, settings.tagger.watch_words, settings.tagger.kb_updates)
    if settings.tagger.learning:  # what the pipeline has learned, read-only: `tag` stores nothing
        layer = cli_kb.load_layer(settings, kafka=False)
        tagger.use_learned(layer.officials(), layer.agencies())
    out = sys.stdout
    for dispatch in dispatches:
        tags = tagger.tag(
            dispatch.title, dispatch.text, published=None if dispatch.published_estimated else dispatch.published
        )
        out.write(json.dumps({"id": dispatch.id, **tags.to_dict()}, ensure_ascii=False) + "\n")
    out.flush()
    return Exit.ERROR if errors else Exit.OK


def cmd_search(args: argparse.Namespace) -> int:
    from wirewatch.query import QuerySyntaxError

    settings = settings_for(args)
    try:
        if settings.elasticsearch.enabled and not args.store:
            hits = cli_es.search_elasticsearch(settings, args.query, args.limit)
        else:
            hits = _search_store(settings, args.query, args.limit)
    except QuerySyntaxError as exc:
        print(f"wirewatch search: {exc}", file=sys.stderr)
        return Exit.USAGE
    if args.json:
        for hit in hits:
            print(json.dumps({**hit.doc, "_score": hit.score, "_highlights": hit.highlights}, ensure_ascii=False))
        return Exit.OK
    if getattr(hits, "scan_limited", False):
        print(
            "wirewatch search: this query cannot use the full-text index; only the newest dispatches were "
            "examined, older matches may be missing",
            file=sys.stderr,
        )
    if not hits:
        print("no dispatches match", file=sys.stderr)
        return Exit.OK
    rows = []
    for hit in hits:
        doc = hit.doc
        snippet = next(iter(hit.highlights.get("text") or hit.highlights.get("title") or []), "")
        rows.append(
            [
                doc["published"][:16].replace("T", " "),
                clip(doc["title"], 60),
                ",".join(c["code"] for c in doc.get("countries", [])[:8]),
                clip(snippet, 70),
            ]
        )
    print_table(["published", "title", "countries", "match"], rows)
    return Exit.OK


def _search_store(settings: Settings, query: str, limit: int):
    from wirewatch.sinks.sqlite.store import SQLiteStore

    with SQLiteStore(settings.store.path) as store:
        return store.search(query, limit=limit)


def cmd_alerts(args: argparse.Namespace) -> int:
    try:
        since = parse_since(args.since)
    except ValueError as exc:
        print(f"wirewatch alerts: --since: {exc}", file=sys.stderr)
        return Exit.USAGE
    store = open_store(args)
    try:
        alerts = store.alerts(since=since, limit=args.limit)
    finally:
        store.close()
    if args.json:
        for alert in alerts:
            print(json.dumps(alert.to_dict(), ensure_ascii=False))
        return Exit.OK
    rows = [
        [
            format_time(a.at)[:19].replace("T", " "),
            a.rule_name,
            clip(a.title, 60),
            f"{a.hits} ({len(a.sources or [a.source])} src)" if a.hits > 1 else "1",
            ",".join(a.countries[:8]),
            a.url or "",
        ]
        for a in alerts
    ]
    print_table(["at", "rule", "title", "dispatches", "countries", "link"], rows)
    return Exit.OK


def cmd_dead_letters(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        letters = store.dead_letters(limit=args.limit)
    finally:
        store.close()
    if args.json:
        for letter in letters:
            print(
                json.dumps(
                    {
                        "id": letter.id,
                        "kind": letter.kind,
                        "reason": letter.reason,
                        "at": format_time(letter.at),
                        "payload": letter.payload,
                    },
                    ensure_ascii=False,
                )
            )
        return Exit.OK
    rows = [
        [
            str(letter.id),
            format_time(letter.at)[:19].replace("T", " "),
            letter.kind,
            clip(letter.reason, 70),
            clip(letter.payload, 40),
        ]
        for letter in letters
    ]
    print_table(["id", "at", "kind", "reason", "payload"], rows)
    return Exit.OK


def cmd_stats(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        print(json.dumps(store.stats(), indent=2, default=str))
    finally:
        store.close()
    return Exit.OK


def cmd_config_check(args: argparse.Namespace) -> int:
    settings, problems = check_config(args.config)
    where = settings.source_path or "built-in defaults (no config file found)"
    if problems:
        print(f"{where}: {len(problems)} error(s)")
        for problem in problems:
            print(f"  {problem}")
        return Exit.ERROR
    print(f"{where}: ok ({len(settings.feeds)} feeds, {len(settings.rules)} rules)")
    return Exit.OK


if __name__ == "__main__":
    sys.exit(main())
