"""`wirewatch notify`: deliver the distributed pipeline's alerts (see sinks/alert_notifier.py)."""

from __future__ import annotations

import argparse
import asyncio
import signal


def add_commands(subparsers) -> None:
    notify = subparsers.add_parser(
        "notify", help="deliver alerts from the Kafka alerts topic to console, JSON Lines and webhooks (once each)"
    )
    notify.add_argument("--notifier-store", help="SQLite ledger of recorded alerts and pending deliveries "
                        "(overrides [kafka].notifier_store)")
    notify.set_defaults(handler=cmd_notify)


def cmd_notify(args: argparse.Namespace) -> int:
    from pathlib import Path

    from wirewatch.cli import settings_for

    settings = settings_for(args)
    if args.notifier_store:
        settings.kafka.notifier_store = Path(args.notifier_store)
    asyncio.run(run_notifier(settings))
    return 0


async def run_notifier(settings, stop: asyncio.Event | None = None) -> None:
    from sinks.alert_notifier import AlertNotifierService
    from sinks.delivery import AlertDelivery
    from sinks.sqlite_store import SQLiteStore
    from wirewatch.runner import build_notifiers

    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, stop.set)
        except (NotImplementedError, RuntimeError):
            pass
    with SQLiteStore(settings.kafka.notifier_store) as store:
        delivery = AlertDelivery(store, build_notifiers(settings), settings.delivery)
        await AlertNotifierService(settings, store, delivery).run(stop)
