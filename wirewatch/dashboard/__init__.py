"""The ops dashboard: live alerts, latest dispatches, search, stats, feed health, /metrics."""

from wirewatch.dashboard.app import DashboardServer, create_app
from wirewatch.dashboard.auth import AccessPolicy
from wirewatch.dashboard.backend import DashboardBackend, SQLiteBackend
from wirewatch.dashboard.watcher import StoreWatcher

__all__ = ["AccessPolicy", "DashboardBackend", "DashboardServer", "SQLiteBackend", "StoreWatcher", "create_app"]
