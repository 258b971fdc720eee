"""Typed keys of what the app holds, and running backend calls off the event loop."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TypeVar

from aiohttp import web

from wirewatch.app.dashboard.backend import DashboardBackend
from wirewatch.events import EventBus
from wirewatch.metrics import Metrics

BACKEND = web.AppKey("backend", DashboardBackend)
BUS = web.AppKey("bus", EventBus)
METRICS = web.AppKey("metrics", Metrics)

T = TypeVar("T")


async def blocking(request: web.Request, call: Callable[[DashboardBackend], T]) -> T:
    """Backend reads block on SQLite (or HTTP); a worker thread keeps the pipeline's loop responsive."""
    backend = request.app[BACKEND]
    return await asyncio.to_thread(call, backend)
