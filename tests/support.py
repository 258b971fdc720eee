"""Helpers shared by the test directories: free local ports, real HTTP servers on 127.0.0.1, service processes
stopped the way an operator would.

The fixtures built on them (`receiver`, ...) are registered in tests/conftest.py.
"""

from __future__ import annotations

import asyncio
import signal
import socket
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from aiohttp import web


def free_port() -> int:
    """A port on 127.0.0.1 that was free a moment ago (nothing listens on it once this returns)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def stop_process(process: subprocess.Popen | None) -> None:
    """SIGTERM, as a supervisor sends it, and SIGKILL if the process has not exited 30 s later."""
    if process is None or process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def kill9(process: subprocess.Popen | None, why: str = "") -> None:
    """A crash: SIGKILL to a process that must still be running (`why` is shown if it is not)."""
    assert process is not None and process.poll() is None, f"the process had already exited\n{why}"
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)


@contextmanager
def http_server(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """A threading http.server on 127.0.0.1 with a random port; yields its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


SECRET_PATH = "/hooks/s3cr3t-path"


@dataclass
class Receiver:
    """A real webhook receiver on 127.0.0.1 (aiohttp, in the test's event loop); answers with the queued
    statuses, then 200. It can stop listening and listen again on the same port."""

    statuses: list[int] = field(default_factory=list)
    received: list[dict] = field(default_factory=list)  # bodies answered with 2xx
    requests: list[web.Request] = field(default_factory=list)
    hang: asyncio.Event | None = None  # when set up, requests wait on it (timeouts)
    runner: web.AppRunner | None = None
    site: web.TCPSite | None = None
    port: int = 0

    async def handle(self, request: web.Request) -> web.StreamResponse:
        self.requests.append(request)
        if self.hang is not None:
            await self.hang.wait()
        body = await request.json()
        status = self.statuses.pop(0) if self.statuses else 200
        if 200 <= status < 300:
            self.received.append(body)
        headers = {"Location": "/elsewhere"} if 300 <= status < 400 else {}
        response = web.Response(status=status, text="ok" if status < 300 else "nope", headers=headers)
        # No keep-alive: once the port closes, the next attempt must really be refused.
        response.force_close()
        return response

    async def elsewhere(self, request: web.Request) -> web.Response:
        self.received.append({"redirected": True})
        return web.Response(text="followed")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}{SECRET_PATH}"

    async def start(self) -> None:
        if self.runner is None:
            app = web.Application()
            app.router.add_post(SECRET_PATH, self.handle)
            app.router.add_post("/elsewhere", self.elsewhere)
            self.runner = web.AppRunner(app, shutdown_timeout=0.5)
            await self.runner.setup()
        self.site = web.TCPSite(self.runner, "127.0.0.1", self.port, reuse_address=True)
        await self.site.start()
        if not self.port:
            self.port = self.runner.addresses[0][1]

    async def stop_listening(self) -> None:
        """Close the port (connection refused) but keep the app, to listen again on the same port."""
        assert self.site is not None
        await self.site.stop()
        self.site = None

    async def close(self) -> None:
        if self.hang is not None:
            self.hang.set()
        if self.runner is not None:
            await self.runner.cleanup()
