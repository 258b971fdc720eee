"""Bounded, polite HTTP fetching of feeds (and the explicit local-file source).

Every read is bounded: connect and read timeouts, a body-size cap enforced
while streaming, a redirect cap with the scheme re-checked on every hop, and
per-host concurrency with a minimum spacing between requests to one host.
With `refuse_private_addresses`, private/loopback/link-local/multicast hosts are
refused on every hop (see producers/address_policy.py).
"""

from __future__ import annotations

import asyncio
import email.utils
import time
from collections import defaultdict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import aiohttp

from wirewatch import errors
from wirewatch.producers.address_policy import AddressPolicy, AddressRefused, GuardedResolver
from wirewatch.settings import PollerSettings

ALLOWED_SCHEMES = ("http", "https")
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
RETRY_AFTER_STATUSES = frozenset({429, 503})
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9,"
    " application/json;q=0.8, */*;q=0.1"
)
CHUNK_SIZE = 64 * 1024
# Response headers feedparser uses for charset detection and resolving relative links.
KEPT_HEADERS = ("content-type", "content-language", "content-location", "etag", "last-modified")


class FetchError(errors.FetchError):
    """A feed could not be fetched. The message says why, in words an operator can act on."""

    def __init__(
        self, message: str, *, status: int | None = None, retry_after: float | None = None, refused: bool = False
    ):
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after  # seconds the server asked us to wait, if it did
        self.refused = refused  # the address policy refused the host (not a failure of the site)


@dataclass(slots=True)
class FetchResult:
    status: int  # 200-class, or 304 when not modified
    url: str  # final URL after redirects
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)  # lower-case names, see KEPT_HEADERS
    redirects: int = 0

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")


def check_http_url(url: str) -> str | None:
    """None if `url` is an absolute http(s) URL with a host, else the reason it is refused."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError as exc:
        return f"malformed URL {url!r}: {exc}"
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        scheme = parts.scheme or "(none)"
        return f"URL scheme {scheme!r} is not allowed (only http and https): {url!r}"
    if not parts.hostname:
        return f"URL has no host: {url!r}"
    return None


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header: delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    now = now or datetime.now(UTC)
    return max(0.0, (when - now).total_seconds())


class HostLimiter:
    """Per-host concurrency plus a minimum delay between request starts to one host."""

    def __init__(self, concurrency: int, delay: float):
        self._concurrency = max(1, concurrency)
        self._delay = max(0.0, delay)
        self._semaphores: dict[str, asyncio.Semaphore] = defaultdict(lambda: asyncio.Semaphore(self._concurrency))
        self._locks: dict[str, asyncio.Lock] = defaultdict(asyncio.Lock)
        self._next_start: dict[str, float] = {}

    @asynccontextmanager
    async def slot(self, host: str) -> AsyncIterator[None]:
        async with self._semaphores[host]:
            await self._wait_turn(host)
            yield

    async def _wait_turn(self, host: str) -> None:
        # Reserve a start time under the lock, sleep outside it, so waiting
        # requests queue up in order without holding the lock while asleep.
        async with self._locks[host]:
            now = time.monotonic()
            start = max(now, self._next_start.get(host, now))
            self._next_start[host] = start + self._delay
        if start > now:
            await asyncio.sleep(start - now)


class HttpFetcher:
    """Fetches feed URLs (or, with another `accept`, pages) with conditional GET. Use as an async context
    manager. Fetchers that pass one `hosts` limiter share its per-host politeness."""

    def __init__(self, settings: PollerSettings, *, accept: str = ACCEPT, hosts: HostLimiter | None = None):
        self.settings = settings
        self.accept = accept
        self._hosts = hosts or HostLimiter(settings.per_host_concurrency, settings.per_host_delay)
        self._policy = AddressPolicy(settings.refuse_private_addresses, settings.allow_hosts)
        self._session: aiohttp.ClientSession | None = None

    async def __aenter__(self) -> HttpFetcher:
        await self.open()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    async def open(self) -> None:
        if self._session is None:
            s = self.settings
            self._session = aiohttp.ClientSession(
                timeout=aiohttp.ClientTimeout(
                    total=s.connect_timeout + s.read_timeout, sock_connect=s.connect_timeout, sock_read=s.read_timeout
                ),
                connector=aiohttp.TCPConnector(
                    limit=max(1, s.total_concurrency),
                    # Re-checks what the connection really resolves to (DNS rebinding).
                    resolver=GuardedResolver(self._policy) if s.refuse_private_addresses else None,
                ),
                headers={"User-Agent": s.user_agent, "Accept": self.accept, "Accept-Encoding": "gzip, deflate"},
                cookie_jar=aiohttp.DummyCookieJar(),  # feeds are independent; no state leaks between them
                auto_decompress=True,
            )

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> FetchResult:
        if self._session is None:
            await self.open()
        conditional: dict[str, str] = {}
        if etag:
            conditional["If-None-Match"] = etag
        if last_modified:
            conditional["If-Modified-Since"] = last_modified
        visited: set[str] = set()
        current = url
        for hop in range(self.settings.max_redirects + 1):
            if reason := check_http_url(current):
                raise FetchError(reason if hop == 0 else f"redirect refused: {reason}")
            if reason := await self._address_refusal(current):
                raise FetchError(reason if hop == 0 else f"redirect refused: {reason}", refused=True)
            visited.add(current)
            status, location, result = await self._request(current, conditional)
            if location is None:
                assert result is not None
                result.redirects = hop
                return result
            target = urljoin(current, location)
            if target in visited:
                raise FetchError(f"redirect loop: {current} -> {target}", status=status)
            current = target
        raise FetchError(f"too many redirects (more than {self.settings.max_redirects}), last {current}")

    async def _address_refusal(self, url: str) -> str | None:
        parts = urlsplit(url)
        host = parts.hostname or ""
        if self._policy.exempt(host):
            return None
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
        try:
            async with asyncio.timeout(self.settings.connect_timeout):
                return await self._policy.check_host(host, port)
        except TimeoutError:
            return f"timed out resolving {host}"

    async def _request(self, url: str, headers: dict[str, str]) -> tuple[int, str | None, FetchResult | None]:
        """One hop: (status, redirect location or None, result when final)."""
        assert self._session is not None
        parts = urlsplit(url)
        host = f"{parts.hostname}:{parts.port or ''}"
        s = self.settings
        async with self._hosts.slot(host):
            try:
                async with asyncio.timeout(s.connect_timeout + s.read_timeout):
                    async with self._session.get(url, headers=headers, allow_redirects=False) as response:
                        return await self._handle(url, response)
            except FetchError:
                raise
            except TimeoutError as exc:
                kind = "connecting" if isinstance(exc, aiohttp.ConnectionTimeoutError) else "reading the response"
                raise FetchError(f"timed out {kind} ({url})") from exc
            except aiohttp.ClientConnectorError as exc:
                if isinstance(exc.os_error, AddressRefused):
                    raise FetchError(str(exc.os_error), refused=True) from exc
                raise FetchError(f"cannot connect to {parts.hostname}: {exc.os_error or exc}") from exc
            except aiohttp.ClientPayloadError as exc:
                raise FetchError(f"broken response body: {exc}") from exc
            except aiohttp.ClientError as exc:
                raise FetchError(f"HTTP client error: {type(exc).__name__}: {exc}") from exc

    async def _handle(self, url: str, response: aiohttp.ClientResponse) -> tuple[int, str | None, FetchResult | None]:
        status = response.status
        if status in REDIRECT_STATUSES:
            location = response.headers.get("Location")
            if not location:
                raise FetchError(f"HTTP {status} redirect without a Location header", status=status)
            return status, location, None
        kept = {name: response.headers[name] for name in KEPT_HEADERS if name in response.headers}
        if status == 304:
            return status, None, FetchResult(status=304, url=url, headers=kept)
        if status in RETRY_AFTER_STATUSES:
            retry_after = parse_retry_after(response.headers.get("Retry-After"))
            raise FetchError(f"HTTP {status} {response.reason or ''}".strip(), status=status, retry_after=retry_after)
        if not 200 <= status < 300:
            raise FetchError(f"HTTP {status} {response.reason or ''}".strip(), status=status)
        body = await read_capped(response, self.settings.max_body_bytes)
        # The parser resolves relative item links against Content-Location, which may itself be
        # relative (RFC 9110 allows it): resolved here against the URL we fetched.
        kept["content-location"] = urljoin(url, kept.get("content-location", url))
        return status, None, FetchResult(status=status, url=url, body=body, headers=kept)


async def read_capped(response: aiohttp.ClientResponse, cap: int) -> bytes:
    """The response body, refused by Content-Length or aborted mid-stream once over `cap` bytes."""
    declared = response.content_length
    if declared is not None and declared > cap:
        raise FetchError(f"response too large: Content-Length {declared} exceeds the {cap}-byte cap")
    body = bytearray()
    async for chunk in response.content.iter_chunked(CHUNK_SIZE):
        body += chunk
        if len(body) > cap:
            # Counted after decompression, so a small gzip bomb is caught too.
            raise FetchError(f"response too large: more than {cap} bytes (aborted while reading)")
    return bytes(body)


def file_path(location: str) -> Path:
    """A local path from a plain path or a file:// URL."""
    if location.startswith("file://"):
        parts = urlsplit(location)
        if parts.netloc not in ("", "localhost"):
            raise FetchError(f"file URL with a remote host is not allowed: {location!r}")
        return Path(unquote(parts.path))
    return Path(location)


def check_file_location(location: str) -> str | None:
    """None if `location` names a local file (path or file:// URL), else why not."""
    scheme = urlsplit(location).scheme.lower()
    if scheme and scheme != "file" and len(scheme) > 1:  # one letter: a Windows drive
        return f"a file feed needs a local path or file:// URL, not {scheme!r}: {location!r}"
    try:
        file_path(location)
    except FetchError as exc:
        return str(exc)
    return None


async def fetch_file(location: str, *, max_bytes: int, etag: str | None = None) -> FetchResult:
    """Read a local feed file (bounded). Its (mtime, size) stands in for an ETag."""
    if reason := check_file_location(location):
        raise FetchError(reason)
    path = file_path(location)

    def read() -> FetchResult:
        try:
            stat = path.stat()
            if not path.is_file():
                raise FetchError(f"not a regular file: {path}")
            token = f'"{stat.st_mtime_ns}-{stat.st_size}"'
            if etag == token:
                return FetchResult(status=304, url=str(path), headers={"etag": token})
            if stat.st_size > max_bytes:
                raise FetchError(f"file too large: {stat.st_size} bytes exceeds the {max_bytes}-byte cap")
            with path.open("rb") as handle:
                body = handle.read(max_bytes + 1)
        except FileNotFoundError as exc:
            raise FetchError(f"file not found: {path}") from exc
        except OSError as exc:
            raise FetchError(f"cannot read {path}: {exc.strerror or exc}") from exc
        if len(body) > max_bytes:  # grew while we read it
            raise FetchError(f"file too large: more than {max_bytes} bytes")
        return FetchResult(status=200, url=path.resolve().as_uri(), body=body, headers={"etag": token})

    return await asyncio.to_thread(read)


__all__ = [
    "FetchError",
    "FetchResult",
    "HostLimiter",
    "HttpFetcher",
    "check_file_location",
    "check_http_url",
    "fetch_file",
    "parse_retry_after",
]
