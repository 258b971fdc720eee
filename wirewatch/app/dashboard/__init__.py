"""The ops dashboard: live alerts, latest dispatches, search, stats, feed health, /metrics."""

from wirewatch.app.dashboard.app import DashboardServer, create_app
from wirewatch.app.dashboard.auth import AccessPolicy
from wirewatch.app.dashboard.backend import DashboardBackend, SQLiteBackend
from wirewatch.app.dashboard.watcher import StoreWatcher

__all__ = ["AccessPolicy", "DashboardBackend", "DashboardServer", "SQLiteBackend", "StoreWatcher", "create_app"]
