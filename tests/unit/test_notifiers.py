"""Notifiers: console line format, JSON Lines output, webhook POST against a real local receiver
(the `receiver` fixture, tests/conftest.py)."""

from __future__ import annotations

import asyncio
import io
import json
from pathlib import Path

import pytest

from tests.support import Receiver
from tests.unit.test_store import T0, make_alert
from wirewatch.errors import DeliveryError
from wirewatch.models import Alert
from wirewatch.ports import Notifier
from wirewatch.settings import WebhookSettings
from wirewatch.sinks.alerts.delivery import DeliversBatches
from wirewatch.sinks.alerts.notifiers import ConsoleNotifier, JsonlNotifier, WebhookNotifier, console_line

TOKEN = "Bearer tok-do-not-log"


def sample_alert() -> Alert:
    alert = make_alert()
    alert.at = T0
    return alert


def written(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# -- console -----------------------------------------------------------------


def test_console_line_has_time_rule_title_countries_officials_and_link() -> None:
    alert = sample_alert()
    alert.officials = ["Recep Tayyip Erdoğan", "Binali Yıldırım"]
    assert console_line(alert) == (
        "2024-07-16T08:00:00Z  ALERT [rule r1]  Coup attempt in Ankara  countries=TR,SY"
        "  officials=Recep Tayyip Erdoğan, Binali Yıldırım  https://news.example/d1"
    )


def test_console_line_caps_the_officials_shown() -> None:
    alert = sample_alert()
    alert.officials = [f"Official {i}" for i in range(9)]
    assert "Official 5  +3 more" not in console_line(alert)
    assert "Official 5 +3 more" in console_line(alert)


def test_console_line_neutralises_terminal_control_characters() -> None:
    alert = sample_alert()
    alert.title = "Red \x1b[31malert\r\nFAKE LINE\x07"
    line = console_line(alert)
    assert "\x1b" not in line and "\n" not in line and "\r" not in line and "\x07" not in line
    assert "Red  [31malert FAKE LINE" in line


def test_console_line_without_countries_or_url_falls_back_to_source() -> None:
    alert = sample_alert()
    alert.countries, alert.officials, alert.url, alert.title = [], [], None, ""
    assert console_line(alert).endswith("(untitled)  countries=-  officials=-  test-feed")


async def test_console_notifier_writes_one_line_per_alert() -> None:
    stream = io.StringIO()
    notifier = ConsoleNotifier(stream=stream)
    assert isinstance(notifier, Notifier) and notifier.name == "console"
    await notifier.deliver(sample_alert())
    await notifier.deliver(make_alert(rule_id="r2", key="d2", title="Second"))
    lines = stream.getvalue().splitlines()
    assert lines[0] == console_line(sample_alert())
    assert "[rule r2]  Second" in lines[1] and len(lines) == 2


async def test_console_notifier_defaults_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    await ConsoleNotifier().deliver(sample_alert())
    assert capsys.readouterr().out == console_line(sample_alert()) + "\n"


async def test_console_notifier_on_a_closed_stream_raises_delivery_error() -> None:
    stream = io.StringIO()
    stream.close()
    with pytest.raises(DeliveryError, match="console"):
        await ConsoleNotifier(stream=stream).deliver(sample_alert())


# -- JSON Lines --------------------------------------------------------------


async def test_jsonl_notifier_appends_alert_dicts(tmp_path: Path) -> None:
    path = tmp_path / "out" / "alerts.jsonl"  # parent created on demand
    notifier = JsonlNotifier(path)
    first, second = sample_alert(), make_alert(rule_id="r2", key="d2", title="Çavuşoğlu in Tehran")
    await notifier.deliver(first)
    await JsonlNotifier(path).deliver(second)  # a second instance appends, never truncates
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [first.to_dict(), second.to_dict()]
    assert "Çavuşoğlu" in lines[1]  # UTF-8, not \u escapes
    assert Alert.from_dict(json.loads(lines[0])) == first


async def test_jsonl_notifier_unwritable_path_raises_delivery_error(tmp_path: Path) -> None:
    with pytest.raises(DeliveryError, match="jsonl"):
        await JsonlNotifier(tmp_path).deliver(sample_alert())  # a directory, not a file


def test_the_jsonl_notifier_takes_batches() -> None:
    assert isinstance(JsonlNotifier("x.jsonl"), DeliversBatches)


async def test_deliver_many_appends_every_line_in_order(tmp_path: Path) -> None:
    path = tmp_path / "out" / "alerts.jsonl"
    alerts = [make_alert("r1", key=f"d{n}", title=f"Çavuşoğlu {n}") for n in range(3)]
    await JsonlNotifier(path).deliver(alerts[0])
    await JsonlNotifier(path).deliver_many(alerts[1:])
    await JsonlNotifier(path).deliver_many([])  # nothing to write: the file is untouched
    assert written(path) == [alert.to_dict() for alert in alerts]
    assert "Çavuşoğlu 2" in path.read_text(encoding="utf-8")


# -- webhook -----------------------------------------------------------------


async def test_webhook_posts_alert_json_with_configured_headers(receiver: Receiver) -> None:
    notifier = WebhookNotifier("ops", WebhookSettings(url=receiver.url, headers={"Authorization": TOKEN}))
    try:
        await notifier.deliver(sample_alert())
    finally:
        await notifier.close()
    assert receiver.received == [sample_alert().to_dict()]
    request = receiver.requests[0]
    assert request.headers["Authorization"] == TOKEN
    assert request.headers["Content-Type"].startswith("application/json")
    assert request.headers["User-Agent"].startswith("wirewatch")


@pytest.mark.parametrize("status", [500, 404, 302])
async def test_webhook_non_2xx_is_a_delivery_error_without_secrets(receiver: Receiver, status: int) -> None:
    receiver.statuses = [status]
    notifier = WebhookNotifier("ops", WebhookSettings(url=receiver.url, headers={"Authorization": TOKEN}))
    try:
        with pytest.raises(DeliveryError) as caught:
            await notifier.deliver(sample_alert())
    finally:
        await notifier.close()
    message = str(caught.value)
    assert f"HTTP {status}" in message and "ops" in message
    assert "s3cr3t" not in message and "tok-do-not-log" not in message
    assert receiver.received == []  # a redirect is not followed


async def test_webhook_connection_refused_is_a_delivery_error(receiver: Receiver) -> None:
    await receiver.stop_listening()
    notifier = WebhookNotifier("ops", WebhookSettings(url=receiver.url))
    try:
        with pytest.raises(DeliveryError) as caught:
            await notifier.deliver(sample_alert())
    finally:
        await notifier.close()
    assert f"127.0.0.1:{receiver.port}" in str(caught.value) and "s3cr3t" not in str(caught.value)


async def test_webhook_timeout_is_a_delivery_error(receiver: Receiver) -> None:
    receiver.hang = asyncio.Event()
    notifier = WebhookNotifier("ops", WebhookSettings(url=receiver.url, timeout=0.2))
    try:
        with pytest.raises(DeliveryError, match=r"timed out after 0\.2s"):
            await notifier.deliver(sample_alert())
    finally:
        await notifier.close()
    assert len(receiver.requests) == 1 and receiver.received == []


def test_webhook_rejects_non_http_urls() -> None:
    with pytest.raises(ValueError, match="http or https"):
        WebhookNotifier("ops", WebhookSettings(url="file:///etc/passwd"))
