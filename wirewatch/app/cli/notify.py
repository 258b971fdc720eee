"""`wirewatch notify`: deliver the distributed pipeline's alerts (see sinks/alerts/service.py)."""

from __future__ import annotations

import argparse
import asyncio

from wirewatch.app.cli.common import settings_for
from wirewatch.lifecycle import stop_on_signals


def add_commands(subparsers) -> None:
    notify = subparsers.add_parser(
        "notify", help="deliver alerts from the Kafka alerts topic to console, JSON Lines and webhooks (once each)"
    )
    notify.add_argument(
        "--notifier-store",
        help="SQLite ledger of recorded alerts and pending deliveries (overrides [kafka].notifier_store)",
    )
    notify.set_defaults(handler=cmd_notify)


def cmd_notify(args: argparse.Namespace) -> int:
    from pathlib import Path

    settings = settings_for(args)
    if args.notifier_store:
        settings.kafka.notifier_store = Path(args.notifier_store)
    asyncio.run(run_notifier(settings))
    return 0


async def run_notifier(settings, stop: asyncio.Event | None = None) -> None:
    from wirewatch.app.silences import SilenceFollower
    from wirewatch.sinks.alerts.aggregate import AggregateRules
    from wirewatch.sinks.alerts.channels import build_notifiers
    from wirewatch.sinks.alerts.delivery import AlertDelivery
    from wirewatch.sinks.alerts.policy import policies
    from wirewatch.sinks.alerts.service import AlertNotifierService, CountedRulesFollower
    from wirewatch.sinks.sqlite.store import SQLiteStore

    stop = stop or asyncio.Event()
    with stop_on_signals(stop):
        with SQLiteStore(settings.kafka.notifier_store) as store:
            delivery = AlertDelivery(
                store, build_notifiers(settings.delivery), settings.delivery, policies=policies(settings.rules)
            )
            # Silences added with `wirewatch silence ... --kafka` reach this ledger through their topic.
            followers = [asyncio.create_task(SilenceFollower(settings.kafka, store).run())]
            # Frequency, spike, new-entity and flatline rules count the tagged stream here and publish what fires
            # to the alerts topic, like any alert (the entities seen are kept in this ledger).
            counted = AggregateRules(settings.rules, seen=store)
            if counted.counted:
                followers.append(asyncio.create_task(CountedRulesFollower(settings, counted).run(stop)))
            try:
                await AlertNotifierService(settings, store, delivery).run(stop)
            finally:
                for follower in followers:
                    follower.cancel()
                await asyncio.gather(*followers, return_exceptions=True)
