"""When to try a failing feed again: exponential, jittered, capped — never never."""

from __future__ import annotations

import random

JITTER = 0.10  # ±10 %: feeds that failed together do not all retry in the same second


def backoff_delay(
    failures: int,
    *,
    base: float,
    cap: float,
    retry_after: float | None = None,
    rng: random.Random | None = None,
) -> float:
    """Seconds to wait after the `failures`-th consecutive failure.

    base × 2^(failures-1) with ±10 % jitter, at most `cap`. A server's
    Retry-After wins when it asks for longer, but is itself held to `cap`
    so one odd header cannot silence a feed for good.
    """
    if failures <= 0:
        return 0.0
    exponent = min(failures - 1, 60)  # 2^60 × any sane base is far past any cap
    delay = min(cap, base * 2.0**exponent)
    delay *= 1.0 + (rng or random).uniform(-JITTER, JITTER)
    delay = min(cap, delay)
    if retry_after is not None and retry_after > delay:
        delay = min(cap, retry_after)
    return max(0.0, delay)
