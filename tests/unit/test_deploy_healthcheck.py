"""deploy/healthcheck.py, the probe the wirewatch containers run: against a real local HTTP server.

The Kafka probes need a broker; they are exercised by
tests/integration/test_deploy_healthcheck_kafka.py against the real local one.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from types import ModuleType
from typing import ClassVar

import pytest

from tests.support import free_port, http_server

SCRIPT = Path(__file__).resolve().parents[2] / "deploy" / "healthcheck.py"


def load_healthcheck() -> ModuleType:
    spec = importlib.util.spec_from_file_location("wirewatch_healthcheck", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Handler(BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, tuple[int, bytes]]] = {
        "/healthz": (200, b"ok"),
        "/status/ready": (200, json.dumps({"rules_ready": True}).encode()),
        "/status/starting": (200, json.dumps({"rules_ready": False}).encode()),
        "/status/text": (200, b"<html>not json</html>"),
        "/broken": (503, b"down"),
    }

    def do_GET(self) -> None:
        status, body = self.routes.get(self.path, (404, b"missing"))
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    with http_server(Handler) as base:
        yield base


def test_a_2xx_answer_is_healthy(server: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert load_healthcheck().main(["http", f"{server}/healthz"]) == 0
    assert "healthy" in capsys.readouterr().out


@pytest.mark.parametrize("path", ["/broken", "/nowhere"])
def test_an_error_status_is_unhealthy(server: str, path: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert load_healthcheck().main(["http", f"{server}{path}"]) == 1
    assert "unhealthy" in capsys.readouterr().err


def test_json_true_needs_the_key_to_be_true(server: str) -> None:
    healthcheck = load_healthcheck()
    assert healthcheck.main(["http", f"{server}/status/ready", "--json-true", "rules_ready"]) == 0
    assert healthcheck.main(["http", f"{server}/status/starting", "--json-true", "rules_ready"]) == 1
    assert healthcheck.main(["http", f"{server}/status/text", "--json-true", "rules_ready"]) == 1


def test_nothing_listening_is_unhealthy_not_a_crash(capsys: pytest.CaptureFixture[str]) -> None:
    port = free_port()  # nothing listens on it
    assert load_healthcheck().main(["--timeout", "2", "http", f"http://127.0.0.1:{port}/healthz"]) == 1
    assert "unhealthy" in capsys.readouterr().err


def test_kafka_unreachable_is_unhealthy(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    port = free_port()
    config = tmp_path / "wirewatch.toml"
    config.write_text(f'[kafka]\nbootstrap_servers = ["127.0.0.1:{port}"]\n', encoding="utf-8")
    assert load_healthcheck().main(["-c", str(config), "--timeout", "2", "kafka"]) == 1
    assert "unhealthy: kafka 127.0.0.1:" in capsys.readouterr().err


def test_group_members_match_this_machine_only() -> None:
    healthcheck = load_healthcheck()
    description = {"members": [{"client_host": "/10.9.8.7"}, {"client_host": "/127.0.0.1"}]}
    assert healthcheck.member_hosts(description) == {"10.9.8.7", "127.0.0.1"}
    # loopback is "this machine" only when the broker is on loopback too
    assert "127.0.0.1" in healthcheck.own_addresses(["127.0.0.1:9092"])
    assert "127.0.0.1" not in healthcheck.own_addresses(["kafka:9092"])
