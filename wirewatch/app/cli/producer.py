"""Distributed-mode producer commands: `producer`, `publish-ingest`, `topics create`.

Registered by wirewatch.app.cli.main through `add_commands(subparsers)`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path

from wirewatch.app.cli.common import Exit, settings_for
from wirewatch.settings import Settings


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    producer = subparsers.add_parser(
        "producer", help="poll feeds and publish new dispatches to Kafka (distributed mode)"
    )
    producer.add_argument("--once", action="store_true", help="poll every feed once, wait for the acks and exit")
    producer.add_argument(
        "--timeout",
        type=float,
        default=60.0,
        metavar="SECONDS",
        help="with --once: time allowed for the poll and the acks (default 60); unacknowledged "
        "dispatches stay in the producer store and are sent on the next start",
    )
    producer.add_argument("--status-interval", type=float, default=30.0, metavar="SECONDS")
    _add_kafka_overrides(producer)
    producer.set_defaults(handler=cmd_producer)

    publish = subparsers.add_parser(
        "publish-ingest",
        help="publish pushed dispatches (plain text, a JSON object or JSON Lines) to Kafka",
    )
    publish.add_argument("file", nargs="?", default="-", help="file to read, or - for stdin (default)")
    publish.add_argument("--source", default="ingest", help="source name recorded on the dispatches")
    publish.add_argument("--timeout", type=float, default=60.0, metavar="SECONDS", help="time allowed for the acks")
    _add_kafka_overrides(publish)
    publish.set_defaults(handler=cmd_publish_ingest)

    topics = subparsers.add_parser("topics", help="Kafka topic administration")
    topics_sub = topics.add_subparsers(dest="topics_command", metavar="ACTION")
    create = topics_sub.add_parser(
        "create",
        help="create the topics (or align existing ones) with the configured partitions, "
        "replication and retention; the rules topic is compacted",
    )
    create.add_argument("--json", action="store_true", help="one JSON object per topic")
    _add_kafka_overrides(create)
    create.set_defaults(handler=cmd_topics_create)


def _add_kafka_overrides(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--bootstrap-servers",
        metavar="HOST:PORT[,HOST:PORT]",
        help="override [kafka].bootstrap_servers",
    )
    parser.add_argument("--producer-store", metavar="PATH", help="override [kafka].producer_store")


def kafka_settings_for(args: argparse.Namespace) -> Settings:

    settings = settings_for(args)
    servers = getattr(args, "bootstrap_servers", None)
    if servers:
        settings.kafka.bootstrap_servers = [s.strip() for s in servers.split(",") if s.strip()]
    store = getattr(args, "producer_store", None)
    if store:
        settings.kafka.producer_store = Path(store)
    return settings


def _report_pending(command: str, outcome, settings: Settings) -> None:
    if outcome.pending:
        print(
            f"wirewatch {command}: {outcome.pending} dispatch(es) not yet acknowledged by Kafka; kept in "
            f"{settings.kafka.producer_store} and sent on the next start",
            file=sys.stderr,
        )


def cmd_producer(args: argparse.Namespace) -> int:
    from wirewatch.app.services.producer import run_producer
    from wirewatch.producers.kafka_publisher import PublisherError

    settings = kafka_settings_for(args)
    if not settings.feeds:
        print("wirewatch producer: no feeds configured (add [[feeds]] to wirewatch.toml)", file=sys.stderr)
        return Exit.USAGE
    try:
        outcome = asyncio.run(
            run_producer(settings, once=args.once, once_timeout=args.timeout, status_interval=args.status_interval)
        )
    except PublisherError as exc:
        print(f"wirewatch producer: {exc}", file=sys.stderr)
        return Exit.ERROR
    for report in outcome.polls:
        for name, error in report.failed.items():
            print(f"wirewatch producer: feed {name} failed: {error}", file=sys.stderr)
    if args.once:
        print(
            f"wirewatch producer: {outcome.accepted} new dispatch(es), {outcome.counters.acked} acknowledged "
            f"({outcome.counters.replayed} re-sent from an earlier run)",
            file=sys.stderr,
        )
    _report_pending("producer", outcome, settings)
    if args.once and outcome.pending:
        return Exit.ERROR
    feeds_failed = args.once and any(report.failed for report in outcome.polls)
    return Exit.FEEDS_FAILED if feeds_failed else Exit.OK


def cmd_publish_ingest(args: argparse.Namespace) -> int:
    from wirewatch.app.services.producer import publish_dispatches
    from wirewatch.producers.ingest import parse_ingest
    from wirewatch.producers.kafka_publisher import PublisherError

    settings = kafka_settings_for(args)
    data = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
    dispatches, errors = parse_ingest(data, source=args.source)
    for error in errors:
        print(f"wirewatch publish-ingest: {args.file}: line {error.line}: {error.message}", file=sys.stderr)
    try:
        outcome = asyncio.run(publish_dispatches(settings, dispatches, timeout=args.timeout))
    except PublisherError as exc:
        print(f"wirewatch publish-ingest: {exc}", file=sys.stderr)
        return Exit.ERROR
    print(
        f"wirewatch publish-ingest: {outcome.accepted} accepted, {outcome.duplicates} already seen, "
        f"{len(errors)} rejected, {outcome.counters.acked} acknowledged "
        f"({outcome.counters.replayed} re-sent from an earlier run)",
        file=sys.stderr,
    )
    _report_pending("publish-ingest", outcome, settings)
    return Exit.ERROR if errors or outcome.pending else Exit.OK


def cmd_topics_create(args: argparse.Namespace) -> int:
    from kafka.errors import KafkaError

    from wirewatch.topics import TopicAdminError, ensure_topics

    settings = kafka_settings_for(args)
    try:
        results = ensure_topics(settings.kafka)
    except (KafkaError, TopicAdminError, OSError) as exc:
        print(f"wirewatch topics create: {exc}", file=sys.stderr)
        return Exit.ERROR
    for result in results:
        if args.json:
            print(
                json.dumps(
                    {
                        "topic": result.name,
                        "action": result.action,
                        "changes": result.changes,
                        "problems": result.problems,
                    }
                )
            )
        else:
            detail = "; ".join(result.changes + [f"PROBLEM: {p}" for p in result.problems])
            print(f"{result.name}: {result.action}" + (f" ({detail})" if detail else ""))
    return Exit.ERROR if any(r.problems for r in results) else Exit.OK
