"""robots.txt per site (RFC 9309), fetched through the article fetcher and cached.

A 2xx answer is parsed (protego: groups, wildcards, the most specific user-agent group);
4xx means no rules (everything allowed); a 5xx, a timeout or a refused connection means "do
not fetch for now" (RFC 9309 §2.3.1.4): `refusal` raises a FetchError saying so (the article
counts as failed, not refused), and the answer is cached for a shorter time, so a site whose
robots.txt is down is asked again soon, not hammered.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from protego import Protego

from wirewatch.producers.fetch import FetchError, FetchResult

ROBOTS_MAX_BYTES = 500 * 1024  # RFC 9309 asks crawlers to read at least 500 KiB
UNREACHABLE_TTL = 600.0  # a robots.txt we could not read is asked for again after ten minutes
MAX_SITES = 10_000

Fetch = Callable[[str], Awaitable[FetchResult]]


@dataclass(slots=True)
class _Entry:
    rules: Protego | None  # None: fetching is not allowed for now (robots.txt unreachable)
    reason: str | None
    expires: float


class RobotsCache:
    def __init__(self, agent: str, *, ttl: float, clock: Callable[[], float] = time.monotonic):
        self.agent = agent
        self.ttl = ttl
        self._clock = clock
        self._sites: OrderedDict[str, _Entry] = OrderedDict()

    async def refusal(self, url: str, fetch: Fetch) -> str | None:
        """None when robots.txt lets `agent` fetch `url`, else why not. Raises FetchError while the
        site's robots.txt cannot be read."""
        parts = urlsplit(url)
        site = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
        entry = self._sites.get(site)
        if entry is None or entry.expires <= self._clock():
            entry = await self._load(site, fetch)
            self._sites[site] = entry
            self._sites.move_to_end(site)
            while len(self._sites) > MAX_SITES:
                self._sites.popitem(last=False)
        if entry.rules is None:
            raise FetchError(entry.reason or f"robots.txt of {site} could not be read")
        if not entry.rules.can_fetch(url, self.agent):
            return f"robots.txt of {site} disallows it for {self.agent}"
        return None

    async def _load(self, site: str, fetch: Fetch) -> _Entry:
        now = self._clock()
        try:
            result = await fetch(f"{site}/robots.txt")
        except FetchError as exc:
            if exc.refused:
                raise  # the address guard said no: the page itself will not be fetched either
            if exc.status is not None and 400 <= exc.status < 500 and exc.status != 429:
                return _Entry(Protego.parse(""), None, now + self.ttl)  # no robots.txt: no rules
            reason = f"robots.txt of {site} could not be read ({exc}); not fetching from it for now"
            return _Entry(None, reason, now + UNREACHABLE_TTL)
        text = result.body[:ROBOTS_MAX_BYTES].decode("utf-8", errors="replace")
        return _Entry(Protego.parse(text), None, now + self.ttl)
