"""Secrets (webhook token, Kafka SASL password, Elasticsearch API key) come from the environment
or a file and never appear in logs or command output, even with debug logging and failing endpoints.
Each command runs as a real process against local endpoints that record what they were sent, which also
proves the secret *was* used where it belongs."""

from __future__ import annotations

import signal
import subprocess
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import ClassVar

import pytest

from tests.reliability.feeds import rss
from tests.reliability.processes import WebhookReceiver, static_feeds, wirewatch
from tests.support import free_port, http_server

WEBHOOK_TOKEN = "whk-7f3c9e1d5b-SECRET-webhook"
SASL_PASSWORD = "sasl-4a8e2c6f0d-SECRET-kafka"
ES_API_KEY = "esk-9b1d7f3a5c-SECRET-apikey"
URL_TOKEN = "url-5d7f9b1c3e-SECRET-query"
SECRETS = (WEBHOOK_TOKEN, SASL_PASSWORD, ES_API_KEY, URL_TOKEN)


class RefusingElasticsearch(BaseHTTPRequestHandler):
    """Answers 401 to everything and remembers the Authorization headers it was sent."""

    seen_auth: ClassVar[list[str]] = []

    def _refuse(self) -> None:
        RefusingElasticsearch.seen_auth.append(self.headers.get("Authorization", ""))
        body = b'{"error":{"type":"security_exception","reason":"unable to authenticate"},"status":401}'
        self.send_response(401)
        self.send_header("Content-Type", "application/json")
        self.send_header("X-Elastic-Product", "Elasticsearch")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_PUT = do_POST = do_HEAD = _refuse

    def log_message(self, *args: object) -> None:
        pass


def assert_no_secret(text: str, where: str) -> None:
    for secret in SECRETS:
        assert secret not in text, f"{where} shows a secret"


@pytest.fixture
def secret_env(tmp_path: Path) -> dict[str, str]:
    (tmp_path / "es-api-key").write_text(ES_API_KEY + "\n", encoding="utf-8")  # a file: secret
    return {"OPS_WEBHOOK_TOKEN": f"Bearer {WEBHOOK_TOKEN}", "KAFKA_PASSWORD": SASL_PASSWORD}


def write_config(tmp_path: Path, *, feed_url: str, hook_url: str, es_url: str, kafka_port: int) -> Path:
    config = tmp_path / "wirewatch.toml"
    config.write_text(
        f"""
[store]
path = "ww.db"
[server]
dashboard = false
[delivery]
retry_base = 0.1
[delivery.webhooks.ops]
url = "{hook_url}/hook?token={URL_TOKEN}"
headers = {{ Authorization = "env:OPS_WEBHOOK_TOKEN" }}
timeout = 2
[kafka]
bootstrap_servers = ["127.0.0.1:{kafka_port}"]
security_protocol = "SASL_PLAINTEXT"
sasl_mechanism = "SCRAM-SHA-512"
sasl_username = "wirewatch"
sasl_password = "env:KAFKA_PASSWORD"
producer_store = "{tmp_path / "producer.db"}"
[elasticsearch]
hosts = ["{es_url}"]
api_key = "file:{tmp_path / "es-api-key"}"
request_timeout = 3
[[feeds]]
name = "wire"
url = "{feed_url}"
[[rules]]
name = "coup"
query = "coup"
channels = ["ops"]
""",
        encoding="utf-8",
    )
    return config


@pytest.mark.slow
def test_secrets_never_appear_in_logs_or_output(tmp_path: Path, secret_env: dict[str, str]) -> None:
    receiver = WebhookReceiver(fail=lambda n: True)  # every delivery fails: the failure is logged
    kafka_port = free_port()  # nothing listens: the Kafka clients fail and log it
    feeds = {"/wire.xml": rss("wire", 3)}
    with (
        http_server(static_feeds(feeds)) as feed_base,
        http_server(receiver.handler()) as hook_base,
        http_server(RefusingElasticsearch) as es_base,
    ):
        config = write_config(
            tmp_path, feed_url=f"{feed_base}/wire.xml", hook_url=hook_base, es_url=es_base, kafka_port=kafka_port
        )
        outputs: dict[str, str] = {}

        def run(name: str, *args: str, stop_after: float | None = None, timeout: float = 60) -> int:
            log = tmp_path / f"{name}.log"
            proc = wirewatch(config, *args, log=log, env=secret_env)
            try:
                if stop_after is not None:
                    try:
                        proc.wait(timeout=stop_after)
                    except subprocess.TimeoutExpired:
                        proc.send_signal(signal.SIGTERM)
                proc.wait(timeout=timeout)
            finally:
                if proc.poll() is None:
                    proc.kill()
                    proc.wait()
            outputs[name] = log.read_text(encoding="utf-8", errors="replace")
            return proc.returncode

        assert run("config-check", "-v", "config", "check") == 0
        assert "ok (1 feeds, 1 rules)" in outputs["config-check"]
        run("run-once", "-v", "run", "--once")
        assert "alert" in outputs["run-once"] and "failed" in outputs["run-once"]  # the delivery failure was logged
        assert run("es-setup", "-v", "es", "setup") != 0
        assert "401" in outputs["es-setup"] or "authenticat" in outputs["es-setup"].lower()
        run("producer", "-v", "producer", "--once", "--timeout", "4", stop_after=15)
        assert "Kafka" in outputs["producer"] or "kafka" in outputs["producer"]
        run(
            "processor",
            "-v",
            "processor",
            "--web-port",
            str(free_port()),
            "--data-dir",
            str(tmp_path / "faust"),
            "--loglevel",
            "debug",
            stop_after=8,
            timeout=30,
        )

    # The secrets were really used where they belong...
    assert receiver.headers and all(h.get("Authorization") == f"Bearer {WEBHOOK_TOKEN}" for h in receiver.headers)
    assert f"ApiKey {ES_API_KEY}" in RefusingElasticsearch.seen_auth
    # ...and shown nowhere.
    for name, text in outputs.items():
        assert_no_secret(text, name)
