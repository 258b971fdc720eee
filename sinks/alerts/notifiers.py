"""Alert notifiers: console, JSON Lines file, HTTP webhook.

Each one delivers a single alert or raises DeliveryError; retrying, backoff
and bookkeeping belong to ``wirewatch.sinks.alerts.delivery.AlertDelivery``, so a notifier stays
a few lines of I/O.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import TextIO
from urllib.parse import urlsplit

import aiohttp

from wirewatch.errors import DeliveryError
from wirewatch.models import Alert, format_time
from wirewatch.settings import WebhookSettings

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
        stream = self._stream if self._stream is not None else sys.stdout
        try:
            stream.write(console_line(alert) + "\n")
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

    async def deliver_many(self, alerts: list[Alert]) -> None:
        """Append a delivery round's alerts with one open and one flush (all of them, or a DeliveryError).

        Opened per round, not held: O_APPEND keeps lines whole, a rotated file is picked up at the next
        round, and no handle stays open between rounds. The lines are flushed before this returns, so
        the caller marks them delivered only once they are in the file; a failed write raises, and
        nothing of the round counts as delivered (lines that did get out are repeated next round:
        at-least-once, as for every channel)."""
        if not alerts:
            return
        data = "".join(_jsonl_line(alert) for alert in alerts).encode("utf-8")
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


class WebhookNotifier:
    """POSTs ``alert.to_dict()`` as JSON; any non-2xx answer is a failure.

    Header values (tokens) and the URL's path and query never appear in errors
    or logs; only the origin does.
    """

    # Bounds how much of a response is read: only the status matters.
    _MAX_RESPONSE_BYTES = 64 * 1024

    def __init__(self, name: str, settings: WebhookSettings, user_agent: str = "wirewatch/0.1") -> None:
        scheme = urlsplit(settings.url).scheme
        if scheme not in ("http", "https"):
            raise ValueError(f"webhook {name!r}: url must be http or https, not {scheme or 'empty'!r}")
        if settings.timeout <= 0:
            raise ValueError(f"webhook {name!r}: timeout must be positive")
        self.name = name
        self._settings = settings
        self._origin = _redacted_origin(settings.url)
        self._headers = {"User-Agent": user_agent, **settings.headers}
        self._session: aiohttp.ClientSession | None = None

    async def deliver(self, alert: Alert) -> None:
        session = self._client()
        try:
            # No redirects: following one would resend the auth headers to
            # wherever the redirect points.
            async with session.post(
                self._settings.url, json=alert.to_dict(), headers=self._headers, allow_redirects=False
            ) as response:
                await response.content.read(self._MAX_RESPONSE_BYTES)
                if not 200 <= response.status < 300:
                    raise DeliveryError(f"webhook {self.name} ({self._origin}): HTTP {response.status}")
        except TimeoutError as exc:
            raise DeliveryError(
                f"webhook {self.name} ({self._origin}): timed out after {self._settings.timeout:g}s"
            ) from exc
        except aiohttp.ClientError as exc:
            # The class name, not str(exc): aiohttp messages can carry the full URL.
            reason = getattr(exc, "strerror", None) or type(exc).__name__
            raise DeliveryError(f"webhook {self.name} ({self._origin}): {reason}") from exc

    def _client(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=self._settings.timeout))
        return self._session

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None
