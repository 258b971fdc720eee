"""FeedPoller: poll every due feed, turn new entries into dispatches, emit each once.

For each feed: fetch (conditional GET, or a local file) → parse → normalise →
dedup through the Inbox ledger → `emit`. Failures are per feed: one broken feed
is recorded, backed off and retried later while the others keep flowing.
State (validators, failures, next poll, health) goes to the FeedStateStore
after every poll and is read back at start, so restarts resume where they left.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field, fields
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from wirewatch.backoff import Backoff
from wirewatch.metrics import Metrics
from wirewatch.models import Dispatch, format_time, parse_time, utcnow
from wirewatch.ports import FeedStateStore, Inbox
from wirewatch.producers.address_policy import is_private_host
from wirewatch.producers.fetch import FetchError, FetchResult, HttpFetcher
from wirewatch.producers.formats import read_feed
from wirewatch.producers.fulltext.decide import mark_for_fulltext, wants_fulltext
from wirewatch.producers.kinds import FEED_KINDS, feed_problems
from wirewatch.producers.normalise import EntryError, make_dispatch
from wirewatch.producers.parse import FeedParseError, ParsedFeed
from wirewatch.settings import FeedConfig, FullTextSettings, PollerSettings

log = logging.getLogger(__name__)

FEED_RETRY_JITTER = 0.10  # ±10 %

Emit = Callable[[Dispatch], Awaitable[None]]
_TIME_FIELDS = ("last_poll_at", "last_success", "last_error_at", "next_poll_at")


@dataclass(slots=True)
class FeedState:
    """What the poller remembers about one feed, persisted as a JSON-able dict."""

    name: str
    url: str
    etag: str | None = None
    last_modified: str | None = None
    last_poll_at: datetime | None = None
    last_success: datetime | None = None
    last_error: str | None = None
    last_error_at: datetime | None = None
    last_warning: str | None = None  # the feed was read, but not cleanly (bozo with entries)
    consecutive_failures: int = 0
    next_poll_at: datetime | None = None  # None: due now
    backoff_seconds: float = 0.0
    items_seen: int = 0  # entries read from the feed, all polls together
    dispatches_new: int = 0  # of those, new dispatches emitted
    entries_skipped: int = 0  # of those, dropped for having neither title nor text
    fulltext_tried: int = 0  # articles fetched for this feed's items (embedded mode counts them here)
    fulltext_extracted: int = 0  # of those, extracted: fulltext_extracted / fulltext_tried is the success rate
    last_fulltext_problem: str | None = None  # the latest reason an article was not used
    new_by_day: dict[str, int] = field(default_factory=dict)  # "YYYY-MM-DD" (UTC) -> new dispatches, last 30 days

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {f.name: getattr(self, f.name) for f in fields(self)}
        for key in _TIME_FIELDS:
            data[key] = format_time(data[key]) if data[key] else None
        data["status"] = self.status  # derived, stored for readers of the store (`wirewatch feeds`)
        data["fulltext_rate"] = round(self.fulltext_extracted / self.fulltext_tried, 3) if self.fulltext_tried else None
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FeedState:
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        for key in _TIME_FIELDS:
            if values.get(key):
                values[key] = parse_time(values[key])
        return cls(**values)

    @property
    def status(self) -> str:
        if self.consecutive_failures:
            return "failing"
        if self.last_success is None:
            return "pending"
        return "ok"


@dataclass(slots=True)
class PollReport:
    ok: list[str] = field(default_factory=list)  # fetched and parsed (new content or not)
    not_modified: list[str] = field(default_factory=list)  # 304 / unchanged file: success
    failed: dict[str, str] = field(default_factory=dict)  # feed name -> error
    new_dispatches: int = 0
    skipped_entries: int = 0  # entries with nothing to keep (no title, no text)

    @property
    def polled(self) -> int:
        return len(self.ok) + len(self.not_modified) + len(self.failed)


@dataclass(slots=True)
class _FeedOutcome:
    fetched: FetchResult
    parsed: ParsedFeed | None = None
    new: int = 0
    skipped: int = 0


class FeedPoller:
    def __init__(
        self,
        feeds: list[FeedConfig],
        settings: PollerSettings,
        inbox: Inbox,
        states: FeedStateStore,
        emit: Emit,
        *,
        clock: Callable[[], datetime] = utcnow,
        rng: random.Random | None = None,
        metrics: Metrics | None = None,
        fulltext: FullTextSettings | None = None,
    ):
        names = [feed.name for feed in feeds]
        duplicates = sorted({name for name in names if names.count(name) > 1})
        if duplicates:
            raise ValueError(f"duplicate feed names: {', '.join(duplicates)}")
        self.feeds = list(feeds)
        self.settings = settings
        # None: no full text (the dispatches keep the feed's text); else feeds' `fulltext` modes apply.
        self.fulltext = fulltext
        self.inbox = inbox
        self.states = states
        self.emit = emit
        self._clock = clock
        self._rng = rng or random.Random()
        # Feeds that failed together (one host down) do not all retry in the same second.
        self._backoff = Backoff(settings.backoff_base, settings.backoff_max, jitter=FEED_RETRY_JITTER)
        self.metrics = metrics or Metrics()
        self._fetcher = HttpFetcher(settings)
        self._session_users = 0
        self._total = asyncio.Semaphore(max(1, settings.total_concurrency))
        self.duplicates = 0  # entries dropped as seen before, all polls of this poller together
        self._wake = asyncio.Event()  # set when the feed list changed: the run loop looks again at once
        self._state: dict[str, FeedState] = self._load_states()

    def _load_states(self) -> dict[str, FeedState]:
        stored = self._stored_states()
        return {feed.name: _state_for(feed, stored.get(feed.name)) for feed in self.feeds}

    def _stored_states(self) -> dict[str, dict[str, Any]]:
        try:
            return self.states.load_feed_states()
        except Exception:
            log.exception("could not load feed states; starting fresh")
            return {}

    def update_feeds(self, feeds: list[FeedConfig]) -> list[str]:
        """Adopt a new list of feeds while running (feeds added, paused, changed or removed at runtime).
        A new or changed feed is due at once; a removed one is no longer polled (its state stays stored).
        Returns what changed, in words."""
        names = [feed.name for feed in feeds]
        duplicates = sorted({name for name in names if names.count(name) > 1})
        if duplicates:
            raise ValueError(f"duplicate feed names: {', '.join(duplicates)}")
        before = {feed.name: feed for feed in self.feeds}
        after = {feed.name: feed for feed in feeds}
        stored = self._stored_states()
        changes = [f"removed {name}" for name in before if name not in after]
        for name, feed in after.items():
            old = before.get(name)
            if old is None:
                self._state[name] = _state_for(feed, stored.get(name))
                changes.append(f"added {name}")
            elif old != feed:
                state = _state_for(feed, self._state[name].to_dict())
                if old.enabled != feed.enabled or old.url != feed.url or old.interval != feed.interval:
                    state.next_poll_at = None  # due now: resumed, moved, or on a new schedule
                self._state[name] = state
                changes.append(f"{_change_word(old, feed)} {name}")
        for name in before.keys() - after.keys():
            self._state.pop(name, None)
        self.feeds = list(feeds)
        if changes:
            self._wake.set()
        return changes

    # -- public API ---------------------------------------------------------

    async def poll_once(self, *, force: bool = False) -> PollReport:
        """Poll every due feed once (every enabled feed with force=True), concurrently within limits."""
        now = self._clock()
        due = [feed for feed in self.feeds if feed.enabled and (force or self._is_due(feed, now))]
        report = PollReport()
        async with self._http_session():
            outcomes = await asyncio.gather(*(self._poll_feed(feed) for feed in due))
        for feed, (kind, detail) in zip(due, outcomes, strict=True):
            self.metrics.feed_polls.labels(kind).inc()
            if kind == "failed":
                report.failed[feed.name] = str(detail)
            else:
                assert isinstance(detail, _FeedOutcome)
                (report.not_modified if kind == "not_modified" else report.ok).append(feed.name)
                report.new_dispatches += detail.new
                report.skipped_entries += detail.skipped
        return report

    async def run(self, stop: asyncio.Event) -> None:
        """Poll due feeds until `stop` is set; a poll in progress is finished first. `update_feeds` wakes it."""
        async with self._http_session():
            while not stop.is_set():
                self._wake.clear()
                await self.poll_once()
                waits = [asyncio.ensure_future(stop.wait()), asyncio.ensure_future(self._wake.wait())]
                try:
                    await asyncio.wait(waits, timeout=self.seconds_until_due(), return_when=asyncio.FIRST_COMPLETED)
                finally:
                    for waiter in waits:
                        waiter.cancel()

    def seconds_until_due(self) -> float | None:
        """Seconds until the next enabled feed is due; None when there is none."""
        now = self._clock()
        due_times = [self._state[f.name].next_poll_at for f in self.feeds if f.enabled]
        waits = [max(0.0, (due - now).total_seconds()) if due else 0.0 for due in due_times]
        return max(0.01, min(waits)) if waits else None

    def health(self) -> list[dict[str, Any]]:
        rows = []
        for feed in self.feeds:
            data = self._state[feed.name].to_dict()
            data.pop("etag")
            data.pop("last_modified")
            data["kind"] = feed.kind
            data["status"] = self._state[feed.name].status if feed.enabled else "disabled"
            rows.append(data)
        return rows

    def state(self, name: str) -> FeedState:
        return self._state[name]

    def note_fulltext(self, dispatch: Dispatch) -> None:
        """Count what became of a dispatch's article in its feed's health (the embedded pool calls this)."""
        state = self._state.get(dispatch.source)
        if state is None or dispatch.fulltext is None or dispatch.fulltext.status == "pending":
            return
        state.fulltext_tried += 1
        if dispatch.fulltext.status == "extracted":
            state.fulltext_extracted += 1
        else:
            state.last_fulltext_problem = f"{dispatch.fulltext.status}: {dispatch.fulltext.reason}"
        self._save(state)

    # -- one feed -----------------------------------------------------------

    def _is_due(self, feed: FeedConfig, now: datetime) -> bool:
        next_poll = self._state[feed.name].next_poll_at
        return next_poll is None or next_poll <= now

    @asynccontextmanager
    async def _http_session(self) -> AsyncIterator[None]:
        # One connection pool for a run() or a poll_once(), closed when the outermost ends.
        self._session_users += 1
        try:
            yield
        finally:
            self._session_users -= 1
            if self._session_users == 0:
                await self._fetcher.close()

    async def _poll_feed(self, feed: FeedConfig) -> tuple[str, _FeedOutcome | str]:
        state = self._state[feed.name]
        try:
            async with self._total:
                outcome = await self._fetch_and_emit(feed, state)
        except asyncio.CancelledError:
            raise
        except (FetchError, FeedParseError) as exc:
            retry_after = exc.retry_after if isinstance(exc, FetchError) else None
            self._record_failure(feed, state, str(exc), retry_after)
            return "failed", str(exc)
        except Exception as exc:
            log.exception("feed %s: unexpected error", feed.name)
            message = f"internal error: {type(exc).__name__}: {exc}"
            self._record_failure(feed, state, message, None)
            return "failed", message
        self._record_success(feed, state, outcome)
        return ("not_modified" if outcome.fetched.not_modified else "ok"), outcome

    async def _fetch_and_emit(self, feed: FeedConfig, state: FeedState) -> _FeedOutcome:
        problems = feed_problems(feed)
        if problems:
            raise FetchError("; ".join(problems))
        fetched = await FEED_KINDS.get(feed.kind).fetch(feed, state, self._fetcher, self.settings)
        if fetched.not_modified:
            return _FeedOutcome(fetched=fetched)
        parsed = read_feed(fetched.body, fetched.headers)
        fetch_time = self._clock()
        outcome = _FeedOutcome(fetched=fetched, parsed=parsed)
        dispatches: dict[str, Dispatch] = {}
        # Feeds list newest first; emitting oldest first keeps alerts in story order.
        for entry in reversed(parsed.entries[: self.settings.max_items_per_feed]):
            try:
                dispatch = make_dispatch(
                    entry,
                    source=feed.name,
                    fetched=fetch_time,
                    language=feed.language or _language_tag(_item_language(entry) or parsed.language),
                    hints={"country": feed.country} if feed.country else None,
                )
            except EntryError:
                outcome.skipped += 1
                state.entries_skipped += 1
                self.metrics.feed_entries_skipped.labels(feed.name).inc()
                continue
            dispatch.feed_tags = list(feed.tags)
            dispatches.setdefault(dispatch.id, dispatch)  # a feed listing one item twice
        state.items_seen += len(parsed.entries[: self.settings.max_items_per_feed])
        await self._mark_for_fulltext(feed, fetched, dispatches.values())
        new = self._accept_new(list(dispatches.values()))
        self.duplicates += len(dispatches) - len(new)
        self.metrics.dispatches_deduplicated.inc(len(dispatches) - len(new))
        for dispatch in new:
            await self.emit(dispatch)
            outcome.new += 1
            state.dispatches_new += 1
        if new:
            _count_day(state.new_by_day, fetch_time, len(new))
        return outcome

    async def _mark_for_fulltext(self, feed: FeedConfig, fetched: FetchResult, dispatches: Iterable[Dispatch]) -> None:
        """Mark the items whose article is to be fetched (before they are accepted: the mark is durable)."""
        if self.fulltext is None:
            return
        wanted = [d for d in dispatches if wants_fulltext(feed.fulltext, d, self.fulltext.min_chars)]
        if not wanted:
            return
        # A feed served from a loopback or private address may link to pages there; no other feed may.
        parts = urlsplit(fetched.url)
        private_ok = feed.kind == "http" and await is_private_host(
            parts.hostname or "", parts.port or (443 if parts.scheme == "https" else 80)
        )
        for dispatch in wanted:
            mark_for_fulltext(dispatch, private_ok=private_ok)

    def _accept_new(self, dispatches: list[Dispatch]) -> list[Dispatch]:
        """The feed's new entries, accepted into the inbox (oldest first) in one transaction: durable
        before the first is emitted, and a crash while emitting replays the rest from the inbox."""
        return self.inbox.accept_many(dispatches)

    def _record_success(self, feed: FeedConfig, state: FeedState, outcome: _FeedOutcome) -> None:
        now = self._clock()
        # Validators are stored only now, after every entry was accepted: if we
        # stopped half-way, the next poll must fetch the full feed again.
        if not outcome.fetched.not_modified:
            state.etag = outcome.fetched.etag
            state.last_modified = outcome.fetched.last_modified
            state.last_warning = "; ".join(outcome.parsed.warnings) if outcome.parsed else None
        state.last_poll_at = now
        state.last_success = now
        state.consecutive_failures = 0
        state.backoff_seconds = 0.0
        state.next_poll_at = now + timedelta(seconds=feed.interval)
        self._save(state)

    def _record_failure(self, feed: FeedConfig, state: FeedState, error: str, retry_after: float | None) -> None:
        now = self._clock()
        state.consecutive_failures += 1
        state.last_poll_at = now
        state.last_error = error
        state.last_error_at = now
        state.backoff_seconds = self._backoff.delay(state.consecutive_failures, retry_after=retry_after, rng=self._rng)
        state.next_poll_at = now + timedelta(seconds=state.backoff_seconds)
        log.warning(
            "feed %s failed (%d in a row), retry in %.0fs: %s",
            feed.name,
            state.consecutive_failures,
            state.backoff_seconds,
            error,
        )
        self._save(state)

    def _save(self, state: FeedState) -> None:
        try:
            self.states.save_feed_state(state.name, state.to_dict())
        except Exception:
            log.exception("could not save state of feed %s", state.name)


HISTORY_DAYS = 30


def _count_day(by_day: dict[str, int], when: datetime, count: int) -> None:
    """Add `count` to the day of `when`; keep the last HISTORY_DAYS days (ISO dates sort as days do)."""
    day = when.date().isoformat()
    by_day[day] = by_day.get(day, 0) + count
    for old in sorted(by_day)[:-HISTORY_DAYS]:
        del by_day[old]


def _change_word(old: FeedConfig, new: FeedConfig) -> str:
    if old.enabled != new.enabled:
        return "resumed" if new.enabled else "paused"
    return "changed"


def _state_for(feed: FeedConfig, data: dict[str, Any] | None) -> FeedState:
    """The feed's remembered state (from the store), or a fresh one."""
    state = FeedState(name=feed.name, url=feed.url)
    if data:
        try:
            state = FeedState.from_dict({**data, "name": feed.name})
        except Exception as exc:
            log.warning("ignoring unreadable state for feed %s: %s", feed.name, exc)
    if state.url != feed.url:
        # Validators belong to the old URL; a new URL starts unconditional and due.
        state = FeedState(
            name=feed.name,
            url=feed.url,
            items_seen=state.items_seen,
            dispatches_new=state.dispatches_new,
            entries_skipped=state.entries_skipped,
            fulltext_tried=state.fulltext_tried,
            fulltext_extracted=state.fulltext_extracted,
            new_by_day=state.new_by_day,
        )
    return state


def _language_tag(value: str | None) -> str | None:
    return value.strip().lower() or None if value else None


def _item_language(entry: Any) -> str | None:
    """An item's own language (JSON Feed 1.1 items may declare one)."""
    value = entry.get("language")
    return value if isinstance(value, str) else None
