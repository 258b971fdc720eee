"""`wirewatch dashboard`: serve the ops dashboard over the configured store, without polling.

Another process writes the store: ``wirewatch run``/``ingest`` the embedded
SQLite file, or (``[elasticsearch].enabled``) the distributed sink the
Elasticsearch indices. A StoreWatcher turns what they write into the live stream.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from typing import Any

from wirewatch.app.cli.common import Exit, settings_for
from wirewatch.lifecycle import stop_on_signals


def add_commands(subparsers: Any) -> None:
    parser = subparsers.add_parser("dashboard", help="serve the ops dashboard and /metrics over the store (no polling)")
    parser.add_argument("--bind", help="address to listen on (default [server].bind, 127.0.0.1)")
    parser.add_argument("--port", type=int, help="port (default [server].port, 8787)")
    parser.set_defaults(handler=cmd_dashboard)


def cmd_dashboard(args: argparse.Namespace) -> int:
    from wirewatch.app.dashboard import AccessPolicy
    from wirewatch.app.dashboard.learned import LearnedControl
    from wirewatch.app.dashboard.saved_searches import SavedSearches

    settings = settings_for(args)
    bind = args.bind or settings.server.bind
    port = args.port if args.port is not None else settings.server.port
    try:
        policy = AccessPolicy(bind=bind, token=settings.server.token)
    except ValueError as exc:
        print(f'wirewatch dashboard: {exc} (set [server].token, e.g. token = "env:WIREWATCH_TOKEN")', file=sys.stderr)
        return Exit.USAGE
    if not 0 <= port < 65536:
        print("wirewatch dashboard: --port must be between 0 and 65535", file=sys.stderr)
        return Exit.USAGE
    backend = open_backend(settings)
    feed_control = None
    if not settings.elasticsearch.enabled:  # the embedded store: feeds can be managed from the page
        from wirewatch.app.dashboard.feeds import FeedControl

        feed_control = FeedControl(settings)
    asyncio.run(
        serve(
            str(settings.store.path),
            bind,
            port,
            policy,
            backend=backend,
            feed_control=feed_control,
            silence_control=silence_control_for(settings),
            searches=SavedSearches(settings.store.path),
            learned=LearnedControl(settings, kafka=settings.elasticsearch.enabled),
        )
    )
    return 0


def silence_control_for(settings: Any) -> Any:
    """Silences where the alerts are delivered: the embedded store, or (distributed) the topic the notifier follows."""
    from wirewatch.app.dashboard.silences import SilenceControl
    from wirewatch.app.silences import SilenceBook, StoreSilences, TopicSilences

    book: SilenceBook = (
        TopicSilences(settings.kafka) if settings.elasticsearch.enabled else StoreSilences(settings.store.path)
    )
    return SilenceControl(book, [rule.name for rule in settings.rules])


def open_backend(settings: Any) -> Any:
    """Elasticsearch when ``[elasticsearch].enabled`` (distributed mode), else the embedded SQLite store."""
    if settings.elasticsearch.enabled:
        from wirewatch.app.dashboard.es_backend import ElasticsearchBackend

        return ElasticsearchBackend(settings)
    from wirewatch.app.dashboard import SQLiteBackend

    return SQLiteBackend(settings.store.path)


def describe(backend: Any, store_path: str) -> str:
    names = getattr(backend, "names", None)
    if names is None:
        return f"store {store_path}"
    try:
        status = backend.health()
    except Exception as exc:  # still serve: the cluster may come back, and pages say what they can
        status = f"unreachable: {exc}"
    return f"elasticsearch {names.dispatches_alias} + {names.alerts}, cluster {status}"


async def serve(
    store_path: str,
    bind: str,
    port: int,
    policy: Any,
    stop: asyncio.Event | None = None,
    backend: Any = None,
    feed_control: Any = None,
    silence_control: Any = None,
    searches: Any = None,
    learned: Any = None,
) -> None:
    from wirewatch.app.dashboard import DashboardServer, SQLiteBackend, StoreWatcher, create_app
    from wirewatch.events import EventBus
    from wirewatch.metrics import Metrics

    stop = stop or asyncio.Event()
    with stop_on_signals(stop):
        metrics = Metrics()
        bus = EventBus(on_drop=metrics.events_dropped.inc)
        backend = backend if backend is not None else SQLiteBackend(store_path)
        app = create_app(
            backend,
            bus=bus,
            metrics=metrics,
            policy=policy,
            feed_control=feed_control,
            silence_control=silence_control,
            searches=searches,
            learned=learned,
        )
        server = DashboardServer(app, bind, port)
        try:
            url = await server.start()
        except BaseException:
            backend.close()
            raise
        source = await asyncio.to_thread(describe, backend, store_path)
        print(f"wirewatch: dashboard on {url} ({source})", file=sys.stderr, flush=True)
        watcher = asyncio.create_task(StoreWatcher(backend, bus).run(stop))
        try:
            await stop.wait()
        finally:
            await server.stop()
            await watcher
            backend.close()
