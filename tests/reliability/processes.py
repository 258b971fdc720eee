"""Helpers for tests that run `wirewatch` as a real process: request handlers for the feeds and webhooks it
talks to (served from threads on 127.0.0.1 by tests.support.http_server), the process, and its store."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler
from pathlib import Path

STATUS_DISPATCHES = re.compile(r"dispatches (\d+) ")


def static_feeds(feeds: dict[str, bytes]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = feeds.get(self.path)
            if body is None:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    return Handler


class WebhookReceiver:
    """Records every alert POSTed to it; `fail` decides, per request number, whether to answer 500."""

    def __init__(self, fail: Callable[[int], bool] = lambda n: False):
        self.fail = fail
        self.lock = threading.Lock()
        self.requests = 0
        self.accepted: list[dict] = []  # alerts answered with 204
        self.refused = 0
        self.headers: list[dict[str, str]] = []

    def handler(self) -> type[BaseHTTPRequestHandler]:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = min(int(self.headers.get("Content-Length", "0")), 1024 * 1024)
                body = json.loads(self.rfile.read(length) or b"{}")
                with receiver.lock:
                    receiver.requests += 1
                    receiver.headers.append(dict(self.headers))
                    failing = receiver.fail(receiver.requests)
                    if failing:
                        receiver.refused += 1
                    else:
                        receiver.accepted.append(body)
                self.send_response(500 if failing else 204)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        return Handler


def wirewatch(config: Path, *args: str, log: Path, env: dict[str, str] | None = None) -> subprocess.Popen:
    """`wirewatch --config CONFIG ARGS...` as a process; stdout and stderr go to `log` (a file never fills up)."""
    with log.open("ab") as sink:
        return subprocess.Popen(
            [sys.executable, "-m", "wirewatch.app.cli.main", "--config", str(config), *args],
            stdout=sink,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})},
        )


def last_status_count(log: Path) -> int:
    """The dispatch count of the last status line `wirewatch run` wrote to `log` (0 before the first)."""
    counts = STATUS_DISPATCHES.findall(log.read_text(encoding="utf-8", errors="replace"))
    return int(counts[-1]) if counts else 0


def query(db: Path, sql: str, params: tuple = ()) -> list[tuple]:
    """Read the store from outside the running process (WAL lets readers in while it writes)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def wait_for(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"{what}: not reached within {timeout}s")
