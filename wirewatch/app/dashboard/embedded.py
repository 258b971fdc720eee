"""The dashboard inside ``wirewatch run``: same process, the pipeline's bus and metrics."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import Any

from wirewatch.app.dashboard.app import DashboardServer, create_app
from wirewatch.app.dashboard.auth import AccessPolicy
from wirewatch.app.dashboard.backend import SQLiteBackend
from wirewatch.app.dashboard.feeds import FeedControl
from wirewatch.app.dashboard.learned import LearnedControl
from wirewatch.app.dashboard.saved_searches import SavedSearches
from wirewatch.app.dashboard.silences import SilenceControl
from wirewatch.app.silences import StoreSilences
from wirewatch.events import EventBus
from wirewatch.metrics import Metrics
from wirewatch.settings import Settings

log = logging.getLogger(__name__)


class RunningDashboard:
    def __init__(self, server: DashboardServer, backend: SQLiteBackend) -> None:
        self.server = server
        self.backend = backend

    @property
    def url(self) -> str:
        return self.server.url

    async def stop(self) -> None:
        await self.server.stop()
        self.backend.close()


async def start_dashboard(
    settings: Settings,
    bus: EventBus,
    metrics: Metrics,
    feed_health: Callable[[], list[dict[str, Any]]] | None = None,
) -> RunningDashboard | None:
    """Start serving; None (logged) when it cannot, because the pipeline must run regardless."""
    server_settings = settings.server
    try:
        policy = AccessPolicy(bind=server_settings.bind, token=server_settings.token)
    except ValueError as exc:
        log.error("dashboard not started: %s", exc)
        return None
    # Its own connection: dashboard reads run on worker threads and must not
    # share the pipeline's connection (WAL lets them read while it writes).
    backend = SQLiteBackend(settings.store.path, feed_health=feed_health)
    server = DashboardServer(
        create_app(
            backend,
            bus=bus,
            metrics=metrics,
            policy=policy,
            feed_control=FeedControl(settings),
            silence_control=SilenceControl(StoreSilences(settings.store.path), [r.name for r in settings.rules]),
            searches=SavedSearches(settings.store.path),
            learned=LearnedControl(settings),
        ),
        server_settings.bind,
        server_settings.port,
    )
    try:
        url = await server.start()
    except OSError as exc:
        log.error("dashboard not started on %s:%s: %s", server_settings.bind, server_settings.port, exc)
        backend.close()
        return None
    print(f"wirewatch: dashboard on {url}", file=sys.stderr, flush=True)
    return RunningDashboard(server, backend)
