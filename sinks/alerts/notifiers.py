"""Alert notifiers: console, JSON Lines file, and the JSON posts (generic webhook, Slack, Teams); e-mail is in
email.py.

Each one delivers a single alert (`deliver`) or a message about several (`send`: a digest, a throttled
repeat), or raises DeliveryError; retrying, backoff
and bookkeeping belong to ``wirewatch.sinks.alerts.delivery.AlertDelivery``, so a notifier stays
a few lines of I/O.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import urlsplit

import aiohttp

from wirewatch.errors import DeliveryError
from wirewatch.models import Alert, format_time
from wirewatch.settings import ChatSettings, WebhookSettings
from wirewatch.sinks.alerts.chat import slack_payload, teams_payload
from wirewatch.sinks.alerts.messages import Links, Message, message, message_key, plain_text
from wirewatch.sinks.alerts.template import render, template_values

CONSOLE_CHANNEL = "console"
JSONL_CHANNEL = "jsonl"

# Feed titles are untrusted: control characters (ANSI escapes, carriage
# returns, newlines) could forge or hide lines on an operator's terminal.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")


MAX_OFFICIALS_SHOWN = 6


def _printable(text: str) -> str:
    return _CONTROL.sub(" ", text).strip()


def console_line(alert: Alert) -> str:
    """One readable line: time, rule, title, countries, officials, link."""
    countries = ",".join(alert.countries) if alert.countries else "-"
    officials = ", ".join(alert.officials[:MAX_OFFICIALS_SHOWN]) if alert.officials else "-"
    if len(alert.officials) > MAX_OFFICIALS_SHOWN:
        officials += f" +{len(alert.officials) - MAX_OFFICIALS_SHOWN} more"
    link = alert.url or alert.source or "-"
    title = alert.title or "(untitled)"
    kind = "ALERT"
    if alert.is_update:  # a story's alert that grew: say by how much, and what came last
        kind = "UPDATE"
        latest = alert.latest or {}
        title += f"  ({alert.hits} dispatches, {len(alert.sources) or 1} sources; latest: {latest.get('title') or '-'})"
        link = latest.get("url") or link
    return _printable(
        f"{format_time(alert.updated_at or alert.at)}  {kind} [{alert.rule_name}]  {title}  countries={countries}"
        f"  officials={officials}  {link}"
    )


class ConsoleNotifier:
    def __init__(self, stream: TextIO | None = None, name: str = CONSOLE_CHANNEL) -> None:
        self.name = name
        # None: resolve sys.stdout at delivery time, so redirection set up after
        # construction (and pytest's capture) is honoured.
        self._stream = stream

    async def deliver(self, alert: Alert) -> None:
        self._write(console_line(alert) + "\n")

    async def send(self, alerts: list[Alert], heading: str | None = None, notes: list[str] | None = None) -> None:
        """A digest or a realert window's repeats: a heading line, the alerts' lines indented, the notes."""
        lines = [_printable(heading or f"{len(alerts)} alerts")]
        lines += ["  " + console_line(alert) for alert in alerts]
        lines += ["  " + _printable(note) for note in notes or []]
        self._write("\n".join(lines) + "\n")

    def _write(self, text: str) -> None:
        stream = self._stream if self._stream is not None else sys.stdout
        try:
            stream.write(text)
            stream.flush()
        except (OSError, ValueError) as exc:  # ValueError: write to a closed stream
            raise DeliveryError(f"console: {exc}") from exc


class JsonlNotifier:
    """Appends ``alert.to_dict()`` as one JSON line per alert; a round's alerts in one write."""

    def __init__(self, path: Path | str, name: str = JSONL_CHANNEL) -> None:
        self.name = name
        self.path = Path(path)
        # Until the file's end was seen to be whole: at the first write, and after a failed one.
        self._may_end_torn = True

    async def deliver(self, alert: Alert) -> None:
        await self.deliver_many([alert])

    async def send(self, alerts: list[Alert], heading: str | None = None, notes: list[str] | None = None) -> None:
        """A digest or a realert window's repeats: one line, the webhook's digest object."""
        record = {"subject": heading, "count": len(alerts), "alerts": [a.to_dict() for a in alerts], "notes": notes}
        self._append(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")

    async def deliver_many(self, alerts: list[Alert]) -> None:
        """Append a delivery round's alerts with one open and one flush (all of them, or a DeliveryError).

        Opened per round, not held: O_APPEND keeps lines whole, a rotated file is picked up at the next
        round, and no handle stays open between rounds. The lines are flushed before this returns, so
        the caller marks them delivered only once they are in the file; a failed write raises, and
        nothing of the round counts as delivered (lines that did get out are repeated next round:
        at-least-once, as for every channel)."""
        if alerts:
            self._append("".join(_jsonl_line(alert) for alert in alerts))

    def _append(self, text: str) -> None:
        data = text.encode("utf-8")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if self._may_end_torn and _ends_mid_line(self.path):
                # A write cut off part-way (disk full, a crash) left half a line: end it, so the
                # torn line stays alone and the lines appended now parse.
                data = b"\n" + data
            self._may_end_torn = True
            with self.path.open("ab") as out:
                out.write(data)
                out.flush()
            self._may_end_torn = False
        except OSError as exc:
            raise DeliveryError(f"jsonl {self.path}: {exc.strerror or exc}") from exc


def _ends_mid_line(path: Path) -> bool:
    try:
        with path.open("rb") as existing:
            if existing.seek(0, 2) == 0:
                return False
            existing.seek(-1, 2)
            return existing.read(1) != b"\n"
    except FileNotFoundError:
        return False


def _jsonl_line(alert: Alert) -> str:
    return json.dumps(alert.to_dict(), ensure_ascii=False, separators=(",", ":")) + "\n"


def _redacted_origin(url: str) -> str:
    """scheme://host[:port] only: webhook paths and queries often embed secrets."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.hostname or ''}{':' + str(parts.port) if parts.port else ''}"


class JsonPostNotifier:
    """POSTs a JSON body built from a message; any non-2xx answer is a failure.

    Header values (tokens) and the URL's path and query never appear in errors or logs, only the origin does:
    webhook paths (Slack's, Teams') are themselves the secret. Every post carries an `Idempotency-Key` that
    stays the same when a delivery is retried, so a receiver that honours it never shows one alert twice.
    """

    # Bounds how much of a response is read: only the status matters.
    _MAX_RESPONSE_BYTES = 64 * 1024

    def __init__(
        self,
        name: str,
        url: str,
        body: Callable[[list[Alert], Message], Any],
        *,
        headers: dict[str, str] | None = None,
        timeout: float = 10.0,
        links: Links | None = None,
        kind: str = "webhook",
        user_agent: str = "wirewatch/0.1",
    ) -> None:
        scheme = urlsplit(url).scheme
        if scheme not in ("http", "https"):
            raise ValueError(f"{kind} {name!r}: url must be http or https, not {scheme or 'empty'!r}")
        if timeout <= 0:
            raise ValueError(f"{kind} {name!r}: timeout must be positive")
        self.name = name
        self.kind = kind
        self._url = url
        self._body = body
        self._timeout = timeout
        self._links = links or Links()
        self._origin = _redacted_origin(url)
        self._headers = {"User-Agent": user_agent, **(headers or {})}
        self._session: aiohttp.ClientSession | None = None

    async def deliver(self, alert: Alert) -> None:
        await self.send([alert])

    async def send(self, alerts: list[Alert], heading: str | None = None, notes: list[str] | None = None) -> None:
        msg = message(alerts, self._links, heading=heading, notes=notes)
        payload = self._body(alerts, msg)
        headers = {**self._headers, "Idempotency-Key": message_key(alerts)}
        where = f"{self.kind} {self.name} ({self._origin})"
        session = self._client()
        try:
            # No redirects: following one would resend the auth headers to wherever the redirect points.
            async with session.post(self._url, json=payload, headers=headers, allow_redirects=False) as response:
                await response.content.read(self._MAX_RESPONSE_BYTES)
                if not 200 <= response.status < 300:
                    raise DeliveryError(f"{where}: HTTP {response.status}")
        except TimeoutError as exc:
            raise DeliveryError(f"{where}: timed out after {self._timeout:g}s") from exc
        except aiohttp.ClientError as exc:
            # The class name, not str(exc): aiohttp messages can carry the full URL.
            reason = getattr(exc, "strerror", None) or type(exc).__name__
            raise DeliveryError(f"{where}: {reason}") from exc

    def _client(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=self._timeout))
        return self._session

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None


def alert_body(alerts: list[Alert], msg: Message) -> dict[str, Any]:
    """The generic webhook's body: the alert as wirewatch writes it; a digest lists them."""
    if len(alerts) == 1 and not msg.notes:
        return alerts[0].to_dict()
    return {"subject": msg.subject, "count": len(alerts), "alerts": [a.to_dict() for a in alerts], "notes": msg.notes}


def templated_body(template: Any) -> Callable[[list[Alert], Message], Any]:
    def body(alerts: list[Alert], msg: Message) -> Any:
        link = msg.items[-1].link if msg.items else None
        return render(template, template_values(alerts, link, msg.subject, plain_text(msg)))

    return body


class WebhookNotifier(JsonPostNotifier):
    """The generic webhook: the alert as wirewatch writes it, or the body of the user's template."""

    def __init__(self, name: str, settings: WebhookSettings, links: Links | None = None) -> None:
        body = alert_body if settings.template is None else templated_body(settings.template)
        super().__init__(
            name, settings.url, body, headers=settings.headers, timeout=settings.timeout, links=links, kind="webhook"
        )


class SlackNotifier(JsonPostNotifier):
    """A Slack incoming webhook: a Block Kit message."""

    def __init__(self, name: str, settings: ChatSettings, links: Links | None = None) -> None:
        super().__init__(
            name, settings.url, lambda _, msg: slack_payload(msg), timeout=settings.timeout, links=links, kind="slack"
        )


class TeamsNotifier(JsonPostNotifier):
    """A Microsoft Teams Workflows webhook: an Adaptive Card."""

    def __init__(self, name: str, settings: ChatSettings, links: Links | None = None) -> None:
        super().__init__(
            name, settings.url, lambda _, msg: teams_payload(msg), timeout=settings.timeout, links=links, kind="teams"
        )
