"""ArticleFetcher.enrich: a dispatch marked `fulltext: pending` in, the same dispatch with its article out.

    link      the item's link, http(s) only
    guard     an address guard on every hop (loopback, private, link-local, 169.254.169.254 refused)
              unless the feed itself is on such an address, the host is allowed, or allow_private
    robots    robots.txt of the site (robots.py)
    fetch     the poller's rules: timeouts, a size cap, redirects, per-host politeness and
              concurrency, conditional GET (a page seen recently is asked with its validators)
    extract   main text, author, date, declared language (wirewatch.producers.article), on a thread
    decide    extracted → `text` is the body and the feed's text the `teaser`; a paywall, a page with
              less text than the teaser (a cookie wall), a refusal or a failure keep the teaser as the
              text, and `fulltext.reason` says why

enrich never raises for a page: every outcome is a status on the dispatch, counted per feed.
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter, OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import timedelta

from wirewatch.metrics import Metrics
from wirewatch.models import Dispatch, FullText, to_utc
from wirewatch.producers.article import Extraction, ExtractionError, extract_article
from wirewatch.producers.fetch import FetchError, FetchResult, HostLimiter, HttpFetcher, check_http_url
from wirewatch.producers.fulltext.robots import RobotsCache
from wirewatch.producers.normalise import MAX_TEXT_CHARS, clip
from wirewatch.settings import FullTextSettings, PollerSettings

log = logging.getLogger(__name__)

PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1"
HTML_TYPES = ("text/html", "application/xhtml+xml", "application/xml", "text/xml")
# An article page that yields less text than this (or than the teaser) is no article: a cookie or
# consent wall, a video page, a gallery. The teaser is kept.
MIN_ARTICLE_CHARS = 200
# A page's own date is used where the feed had none, unless it lies in the future.
FUTURE_TOLERANCE = timedelta(hours=1)


@dataclass
class FullTextCounts:
    """Outcomes of article fetches, per feed: extracted / attempted is the feed's extraction rate."""

    by_feed: dict[str, Counter[str]] = field(default_factory=dict)

    def add(self, feed: str, status: str) -> None:
        self.by_feed.setdefault(feed, Counter())[status] += 1

    def total(self, status: str | None = None) -> int:
        return sum(c[status] if status else sum(c.values()) for c in self.by_feed.values())


@dataclass(slots=True)
class _Cached:
    etag: str | None
    last_modified: str | None
    extraction: Extraction
    final_url: str


class ArticleFetcher:
    """Fetches and extracts article pages. Use as an async context manager (it owns HTTP sessions)."""

    def __init__(
        self,
        settings: FullTextSettings,
        *,
        user_agent: str,
        extract: Callable[..., Extraction] = extract_article,
        metrics: Metrics | None = None,
    ):
        self.settings = settings
        self.metrics = metrics or Metrics()
        http = PollerSettings(
            user_agent=user_agent,
            connect_timeout=settings.connect_timeout,
            read_timeout=settings.read_timeout,
            max_body_bytes=settings.max_page_bytes,
            max_redirects=settings.max_redirects,
            per_host_concurrency=settings.per_host_concurrency,
            per_host_delay=settings.per_host_delay,
            total_concurrency=max(1, settings.workers * 2),
            refuse_private_addresses=True,
            allow_hosts=list(settings.allow_hosts),
        )
        hosts = HostLimiter(settings.per_host_concurrency, settings.per_host_delay)  # one politeness for both
        self._guarded = HttpFetcher(http, accept=PAGE_ACCEPT, hosts=hosts)
        open_settings = replace(http, refuse_private_addresses=False)
        self._open = HttpFetcher(open_settings, accept=PAGE_ACCEPT, hosts=hosts)
        self._robots = RobotsCache(_agent_token(user_agent), ttl=settings.robots_ttl)
        self._extract = extract
        self._cache: OrderedDict[str, _Cached] = OrderedDict()
        self.counts = FullTextCounts()

    async def __aenter__(self) -> ArticleFetcher:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    async def close(self) -> None:
        await self._guarded.close()
        await self._open.close()

    async def enrich(self, dispatch: Dispatch) -> Dispatch:
        """The dispatch with its article (or with the reason there is none). Never raises for a page."""
        wanted = dispatch.fulltext
        if wanted is None or wanted.status != "pending":
            return dispatch
        try:
            enriched = await self._enrich(dispatch, wanted)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # a bug must cost one dispatch its article, never the dispatch
            log.exception("full text of %s: unexpected error", dispatch.url)
            enriched = _keep_teaser(dispatch, "failed", f"internal error: {type(exc).__name__}: {exc}")
        assert enriched.fulltext is not None
        self.counts.add(dispatch.source, enriched.fulltext.status)
        self.metrics.fulltext_fetches.labels(enriched.fulltext.status).inc()
        return enriched

    async def _enrich(self, dispatch: Dispatch, wanted: FullText) -> Dispatch:
        url = dispatch.url or ""
        if reason := check_http_url(url):
            return _keep_teaser(dispatch, "refused", reason)
        http = self._open if (wanted.private_ok or self.settings.allow_private) else self._guarded
        try:
            if self.settings.robots_txt and (reason := await self._robots.refusal(url, http.fetch)):
                return _keep_teaser(dispatch, "refused", reason)
            page = await self._page(url, http)
        except FetchError as exc:
            return _keep_teaser(dispatch, "refused" if exc.refused else "failed", str(exc))
        except ExtractionError as exc:
            return _keep_teaser(dispatch, "failed", str(exc))
        return _apply(dispatch, page.extraction, page.final_url)

    async def _page(self, url: str, http: HttpFetcher) -> _Cached:
        cached = self._cache.get(url)
        result = await http.fetch(
            url,
            etag=cached.etag if cached else None,
            last_modified=cached.last_modified if cached else None,
        )
        if result.not_modified and cached is not None:
            self._cache.move_to_end(url)
            return cached
        _check_html(result)
        extraction = await asyncio.to_thread(
            self._extract, result.body, url=result.url, encoding=_charset(result.headers.get("content-type", ""))
        )
        page = _Cached(result.etag, result.last_modified, extraction, result.url)
        if self.settings.cache_entries > 0 and (page.etag or page.last_modified):
            self._cache[url] = page
            self._cache.move_to_end(url)
            while len(self._cache) > self.settings.cache_entries:
                self._cache.popitem(last=False)
        return page


def _apply(dispatch: Dispatch, page: Extraction, final_url: str) -> Dispatch:
    """The dispatch with the page's text, or the teaser kept with the reason."""
    declared = page.language
    if page.paywalled:
        return _keep_teaser(dispatch, "paywall", "the page declares a paywall", url=final_url, language=declared)
    body = page.text.strip()
    if len(body) < max(MIN_ARTICLE_CHARS, len(dispatch.text)):
        reason = f"the page gave {len(body)} characters of text, the feed {len(dispatch.text)} (a consent wall?)"
        return _keep_teaser(dispatch, "short", reason, url=final_url, language=declared)
    published, estimated = dispatch.published, dispatch.published_estimated
    if estimated and page.published is not None and to_utc(page.published) <= dispatch.fetched + FUTURE_TOLERANCE:
        published, estimated = to_utc(page.published), False  # the feed had no date; the page has one
    hints = dict(dispatch.hints)
    text = clip(body, MAX_TEXT_CHARS)
    if len(text) < len(body):
        hints["truncated"] = ",".join(sorted({*hints.get("truncated", "").split(","), "text"} - {""}))
    return replace(
        dispatch,
        text=text,
        teaser=dispatch.text,
        author=dispatch.author or page.author,
        published=published,
        published_estimated=estimated,
        hints=hints,
        fulltext=FullText(status="extracted", url=final_url, language=declared),
    )


def _keep_teaser(
    dispatch: Dispatch, status: str, reason: str, *, url: str | None = None, language: str | None = None
) -> Dispatch:
    return replace(dispatch, fulltext=FullText(status=status, reason=reason, url=url, language=language))  # type: ignore[arg-type]


def _check_html(result: FetchResult) -> None:
    content_type = result.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if content_type and content_type not in HTML_TYPES:
        raise FetchError(f"not an HTML page ({content_type})")


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        name, _, value = part.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip('"').lower()
    return None


def _agent_token(user_agent: str) -> str:
    """The product token robots.txt groups name: "wirewatch/0.1 (+https://...)" → "wirewatch"."""
    return user_agent.split("/", 1)[0].split()[0] if user_agent.strip() else "wirewatch"
