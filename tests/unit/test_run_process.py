"""`wirewatch run` as a real process: polls a real HTTP feed, stops cleanly on SIGTERM/SIGINT."""

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from tests.support import free_port, http_server
from wirewatch.sinks.sqlite.store import SQLiteStore

DEMO_FEED = Path(__file__).resolve().parents[2] / "wirewatch" / "demo" / "feeds" / "world-wire.rss.xml"


class FeedHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        body = DEMO_FEED.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def feed_url():
    with http_server(FeedHandler) as base:
        yield f"{base}/feed.xml"


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_run_polls_and_stops_gracefully_on_signal(tmp_path, feed_url, sig):
    port = free_port()
    config = tmp_path / "wirewatch.toml"
    config.write_text(
        f'[store]\npath = "ww.db"\n[delivery]\njsonl_path = "alerts.jsonl"\n[server]\nport = {port}\n'
        f'[[feeds]]\nname = "world"\nurl = "{feed_url}"\ninterval = 3600\n'
        f'[[rules]]\nname = "coup"\nquery = "coup"\nchannels = ["jsonl"]\n',
        encoding="utf-8",
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "wirewatch.app.cli.main", "--config", str(config), "run", "--status-interval", "0.2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert proc.stderr is not None
        # Wait (bounded) until the status line reports the feed's four dispatches.
        deadline = time.monotonic() + 60
        seen = []
        while time.monotonic() < deadline:
            line = proc.stderr.readline()
            if not line:
                break
            seen.append(line)
            if "dispatches 4 " in line:
                break
        assert any("dispatches 4 " in line for line in seen), "".join(seen)
        assert "feeds 1 ok / 0 failing" in seen[-1]
        # the dashboard is served by the same process, on loopback
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/alerts", timeout=10) as response:
            assert response.status == 200
            assert len(json.loads(response.read())["alerts"]) == 4
        proc.send_signal(sig)
        _out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    with SQLiteStore(tmp_path / "ww.db") as store:
        assert store.stats()["dispatches"] == 4
        assert store.pending() == []
    alerts = [json.loads(line) for line in (tmp_path / "alerts.jsonl").read_text().splitlines()]
    # every item of the feed mentions a coup (current, figurative or historical): the plain rule fires on all
    assert sorted(a["rule"]["id"] for a in alerts) == ["coup"] * 4
