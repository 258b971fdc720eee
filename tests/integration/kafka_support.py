"""Helpers for the Kafka-stage integration tests shared by more than one module: a live RSS feed for the
producer and processor workers run as processes. Their fixtures (`feed`, `workers`) are in
tests/integration/conftest.py."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any, Self
from xml.sax.saxutils import escape

from tests.support import free_port, kill9, stop_process
from wirewatch.processors.stream.app import worker_status

REPO = Path(__file__).resolve().parents[2]


# -- a real local feed ----------------------------------------------------------------------


@dataclass
class Feed:
    """An RSS feed whose items a test can add to while it is being served."""

    items: list[dict[str, str]] = field(default_factory=list)
    requests: int = 0
    url: str = ""

    def add(self, n: int) -> None:
        start = len(self.items)
        published = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
        for i in range(start, start + n):
            self.items.append(
                {
                    "title": f"Army officers seize state radio in capital, story {i}",
                    "link": f"https://news.example.org/world/story-{i}",
                    "description": f"Soldiers took over the broadcaster in Niamey; Niger's president is held. Item {i}.",
                    "pubDate": format_datetime(published + timedelta(minutes=i)),
                }
            )

    def render(self) -> bytes:
        entries = "".join(
            f"<item><title>{escape(it['title'])}</title><link>{escape(it['link'])}</link>"
            f"<guid>{escape(it['link'])}</guid><description>{escape(it['description'])}</description>"
            f"<pubDate>{it['pubDate']}</pubDate></item>"
            for it in reversed(self.items)  # newest first, as feeds list them
        )
        return (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>World</title>'
            f"<link>https://news.example.org/</link><description>test</description>{entries}</channel></rss>"
        ).encode()

    def titles(self) -> set[str]:
        return {it["title"] for it in self.items}


# -- worker processes -------------------------------------------------------------------------


@dataclass
class ServiceProcess:
    """A `wirewatch.app.cli.processor` service run as a process, its output in `workdir/<name>.log`;
    always stopped at the end (SIGTERM, then SIGKILL after 30 s)."""

    config: Path
    workdir: Path
    name: str
    extra: list[str] = field(default_factory=list)
    process: subprocess.Popen | None = None
    module: str = "wirewatch.app.cli.processor"  # the processor's own CLI, or wirewatch.app.cli.main

    @property
    def log_path(self) -> Path:
        return self.workdir / f"{self.name}.log"

    def arguments(self) -> list[str]:
        raise NotImplementedError

    def start(self) -> Self:
        command = [sys.executable, "-m", self.module, "-c", str(self.config), *self.arguments()]
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(command, cwd=REPO, stdout=log, stderr=subprocess.STDOUT, env=dict(os.environ))
        log.close()
        return self

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def tail(self, lines: int = 40) -> str:
        return "\n".join(self.log().splitlines()[-lines:])

    def kill9(self) -> None:
        kill9(self.process, self.tail())

    def stop(self) -> None:
        stop_process(self.process)


@dataclass
class Worker(ServiceProcess):
    """A processor worker as a process, its web view on `port`."""

    port: int = field(default_factory=free_port)

    def arguments(self) -> list[str]:
        return [
            "processor", "--web-port", str(self.port), "--data-dir", str(self.workdir / f"{self.name}-data"),
            "--session-timeout", "10", "--batch-within", "0.2", *self.extra,
        ]  # fmt: skip

    def status(self) -> dict[str, Any] | None:
        return worker_status(self.port)

    def wait_for(self, predicate: Callable[[dict[str, Any]], bool], timeout: float = 90.0) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process and self.process.poll() is None, f"worker exited:\n{self.tail()}"
            status = self.status()
            if status is not None and predicate(status):
                return status
            time.sleep(0.3)
        raise AssertionError(
            f"worker {self.name} never reached the expected state; last {self.status()}\n{self.tail()}"
        )

    def get(self, path: str) -> Any:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{path}", timeout=2) as response:
            return json.loads(response.read(1_000_000))
