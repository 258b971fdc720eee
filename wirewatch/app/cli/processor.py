"""`wirewatch processor` (a faust worker), `wirewatch clusterer` (the stories stage) and `wirewatch rules publish`.

Registered by wirewatch.app.cli.main through `add_commands`; also runnable on its own
(`python -m wirewatch.app.cli.processor processor ...`) with the same -c/--config.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from wirewatch.app.cli.alerting import add_rules_test
from wirewatch.app.cli.common import Exit, settings_for


def add_commands(subparsers) -> None:  # argparse._SubParsersAction
    processor = subparsers.add_parser(
        "processor", help="run a processor worker: tag dispatches from Kafka, publish tagged dispatches and alerts"
    )
    processor.add_argument("--web-port", type=int, default=6066, help="web view port on 127.0.0.1 (default 6066)")
    processor.add_argument(
        "--data-dir", default=".wirewatch-processor", help="faust worker state directory (default .wirewatch-processor)"
    )
    processor.add_argument("--batch-size", type=int, default=100, help="dispatches tagged per batch (default 100)")
    processor.add_argument(
        "--batch-within", type=float, default=1.0, metavar="SECONDS", help="process a partial batch after this long"
    )
    processor.add_argument(
        "--no-seed-rules", action="store_true", help="do not publish the configured rules when the rules topic is empty"
    )
    processor.add_argument(
        "--session-timeout",
        type=float,
        default=60.0,
        metavar="SECONDS",
        help="consumer-group session timeout: how soon a dead worker's partitions move (default 60)",
    )
    processor.add_argument("--loglevel", default="info", choices=["debug", "info", "warning", "error"])
    processor.set_defaults(handler=cmd_processor)

    clusterer = subparsers.add_parser(
        "clusterer",
        help="run the stories stage: place tagged dispatches in stories, match the rules, publish (docs/stories.md)",
    )
    clusterer.add_argument("--loglevel", default="info", choices=["debug", "info", "warning", "error"])
    clusterer.set_defaults(handler=cmd_clusterer)

    rules = subparsers.add_parser(
        "rules", help="try a rule on the stored dispatches (test), or change the rules running workers follow (publish)"
    )
    rules_sub = rules.add_subparsers(dest="rules_command", metavar="ACTION")
    publish = rules_sub.add_parser(
        "publish", help="write the configured rules to the compacted rules topic (tombstones for removed rules)"
    )
    publish.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS")
    publish.set_defaults(handler=cmd_rules_publish)
    add_rules_test(rules_sub)
    rules.set_defaults(handler=lambda args: (rules.print_help(), 2)[1])


def cmd_processor(args: argparse.Namespace) -> int:
    from wirewatch.processors.stream.app import WorkerOptions, run_worker

    settings = settings_for(args)
    options = WorkerOptions(
        web_port=args.web_port,
        data_dir=Path(args.data_dir),
        batch_size=max(1, args.batch_size),
        batch_within=max(0.01, args.batch_within),
        seed_rules=not args.no_seed_rules,
        session_timeout=max(6.0, args.session_timeout),
    )
    return run_worker(settings, options, loglevel=args.loglevel)


def cmd_clusterer(args: argparse.Namespace) -> int:
    import asyncio

    from wirewatch.processors.stream.clusterer import run_clusterer

    settings = settings_for(args)
    if not settings.stories.enabled:
        print(
            "wirewatch clusterer: [stories] enabled = false: the processors publish straight to "
            f"{settings.kafka.topic_tagged}, there is nothing to cluster",
            file=sys.stderr,
        )
        return Exit.USAGE
    logging.getLogger().setLevel(args.loglevel.upper())
    if args.loglevel != "debug":
        for name in ("kafka", "aiokafka"):  # their INFO is a line per connection and metadata refresh
            logging.getLogger(name).setLevel(logging.WARNING)
    counters = asyncio.run(run_clusterer(settings))
    print(f"wirewatch clusterer: {counters.as_dict()}", file=sys.stderr)
    return Exit.OK


def cmd_rules_publish(args: argparse.Namespace) -> int:
    from wirewatch.processors.stream.rules import publish_rules

    settings = settings_for(args)
    try:
        changes = publish_rules(settings.kafka, settings.rules, timeout=args.timeout)
    except Exception as exc:  # kafka errors carry no common base worth naming here
        print(f"wirewatch: could not publish rules to {settings.kafka.topic_rules}: {exc}", file=sys.stderr)
        return Exit.ERROR
    written = sum(1 for _, value in changes if value is not None)
    removed = len(changes) - written
    print(
        f"rules topic {settings.kafka.topic_rules}: {len(settings.rules)} configured, "
        f"{written} written, {removed} removed, {len(settings.rules) - written} unchanged"
    )
    return Exit.OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="wirewatch")
    parser.add_argument("-c", "--config", help="TOML config file (default: $WIREWATCH_CONFIG or ./wirewatch.toml)")
    parser.add_argument("--store", help=argparse.SUPPRESS)
    parser.add_argument("-v", "--verbose", action="store_true")
    add_commands(parser.add_subparsers(dest="command", metavar="COMMAND"))
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO, stream=sys.stderr)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
