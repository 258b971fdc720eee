"""Exponential backoff, the one schedule every retry loop uses: feeds, Kafka connects, output sends,
bulk requests, alert deliveries."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

MAX_EXPONENT = 60  # 2^60 × any sane base is far past any cap: the arithmetic never overflows


@dataclass(frozen=True, slots=True)
class Backoff:
    """base × 2^(attempt-1) seconds, at most `cap`, with ±`jitter` (a fraction) so that things that
    failed together do not all retry in the same second."""

    base: float
    cap: float
    jitter: float = 0.0

    def delay(self, attempt: int, *, retry_after: float | None = None, rng: random.Random | None = None) -> float:
        """Seconds to wait after the `attempt`-th consecutive failure (0: no failure, no wait).

        A server's Retry-After wins when it asks for longer, but is itself held to `cap`, so one odd
        header cannot silence a source for good.
        """
        if attempt <= 0:
            return 0.0
        delay = min(self.cap, self.base * 2.0 ** min(attempt - 1, MAX_EXPONENT))
        if self.jitter:
            delay = min(self.cap, delay * (1.0 + (rng or random).uniform(-self.jitter, self.jitter)))
        if retry_after is not None and retry_after > delay:
            delay = min(self.cap, retry_after)
        return max(0.0, delay)

    def delays(self) -> Iterator[float]:
        """The waits after the first, second, ... failure, for a loop that retries until it succeeds."""
        attempt = 0
        while True:
            attempt += 1
            yield self.delay(attempt)
