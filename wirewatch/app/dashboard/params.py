"""Validation of query-string inputs: every value bounded, every error named."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from datetime import datetime, timedelta

from wirewatch.errors import InputError
from wirewatch.models import STORY_ORDERS, ModelError, parse_time, utcnow

BUCKETS = {"hour": 3600, "day": 86400, "week": 7 * 86400, "month": 30 * 86400, "year": 365 * 86400}
MAX_BUCKETS = 400  # points per series: bounds the response and the SVG
_DISPATCH_ID = re.compile(r"[A-Za-z0-9_.:-]{1,128}")
_STORY_ID = re.compile(r"[A-Za-z0-9_.:-]{1,160}")  # "s-" + the id of the dispatch that opened it
_TRUE, _FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off")
_DURATION = re.compile(r"(\d{1,5})([mhd])")


class InvalidParameter(InputError):
    def __init__(self, name: str, message: str) -> None:
        super().__init__(f"{name}: {message}")
        self.name = name
        self.message = message


def bounded_int(raw: str | None, name: str, *, default: int, low: int, high: int) -> int:
    if raw is None or raw == "":
        return default
    if not re.fullmatch(r"-?\d{1,9}", raw.strip()):
        raise InvalidParameter(name, f"must be an integer between {low} and {high}")
    value = int(raw)
    if not low <= value <= high:
        raise InvalidParameter(name, f"must be between {low} and {high}")
    return value


def query_text(raw: str | None, *, max_chars: int = 1000) -> str:
    text = (raw or "").strip()
    if not text:
        raise InvalidParameter("q", "a query is required, e.g. coup AND countries.code:TR")
    if len(text) > max_chars:
        raise InvalidParameter("q", f"at most {max_chars} characters")
    return text


def dispatch_id(raw: str) -> str:
    if not _DISPATCH_ID.fullmatch(raw):
        raise InvalidParameter("id", "not a dispatch id")
    return raw


def story_id(raw: str) -> str:
    if not _STORY_ID.fullmatch(raw):
        raise InvalidParameter("id", "not a story id")
    return raw


def story_order(raw: str | None) -> str:
    order = (raw or "last_update").strip()
    if order not in STORY_ORDERS:
        raise InvalidParameter("order", f"one of {', '.join(STORY_ORDERS)}")
    return order


def flag(raw: str | None, name: str) -> bool:
    """A yes/no switch: 1, true, yes, on (or 0, false, no, off; absent is no)."""
    value = (raw or "").strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE or value == "":
        return False
    raise InvalidParameter(name, "1 or 0")


def since_time(raw: str | None) -> datetime | None:
    """A duration back from now (30m, 12h, 7d) or an ISO 8601 time."""
    if not raw:
        return None
    match = _DURATION.fullmatch(raw.strip())
    if match:
        unit = {"m": "minutes", "h": "hours", "d": "days"}[match.group(2)]
        return utcnow() - timedelta(**{unit: int(match.group(1))})
    try:
        return parse_time(raw.strip())
    except ModelError:
        raise InvalidParameter("since", "a duration such as 30m, 12h, 7d or an ISO 8601 time") from None


@dataclass(frozen=True, slots=True)
class Window:
    since: float
    until: float
    bucket: str
    bucket_seconds: int
    period: str


def window(
    period_raw: str | None, bucket_raw: str | None, data_range: tuple[float, float] | None, *, now: float | None = None
) -> Window:
    """The stats window: ``period`` = 24h, 7d, 30d ... or ``all`` (the stored data's span). Without one: the
    last 7 days, or everything when the store's newest dispatch is older than that (a demo, an archive), so a
    page never opens on an empty window while the store holds dispatches."""
    now = time.time() if now is None else now
    default = "all" if data_range is not None and data_range[1] < now - 7 * 86400 else "7d"
    period = (period_raw or default).strip()
    if period == "all":
        if data_range is None:
            since, until = now - 86400, now
        else:
            since, until = data_range[0], max(data_range[1] + 1, data_range[0] + 3600)
    else:
        match = _DURATION.fullmatch(period)
        if not match or match.group(2) == "m":
            raise InvalidParameter("period", "a duration in hours or days (24h, 7d, 90d) or 'all'")
        amount = int(match.group(1)) * (3600 if match.group(2) == "h" else 86400)
        if amount <= 0 or amount > 20 * 365 * 86400:
            raise InvalidParameter("period", "between 1h and 20 years")
        since, until = now - amount, now
    bucket = (bucket_raw or "auto").strip()
    if bucket == "auto":
        bucket = next((name for name, secs in BUCKETS.items() if (until - since) / secs <= 60), "year")
    if bucket not in BUCKETS:
        raise InvalidParameter("bucket", f"one of auto, {', '.join(BUCKETS)}")
    seconds = BUCKETS[bucket]
    if (until - since) / seconds > MAX_BUCKETS:
        raise InvalidParameter("bucket", f"more than {MAX_BUCKETS} buckets in this period; pick a larger bucket")
    return Window(since=since, until=until, bucket=bucket, bucket_seconds=seconds, period=period)


def country_code(raw: str | None) -> str | None:
    """`country`: an ISO 3166-1 alpha-2 code (any case), or absent."""
    if raw is None or raw == "":
        return None
    code = raw.strip().upper()
    if len(code) != 2 or not code.isascii() or not code.isalpha():
        raise InvalidParameter("country", "an ISO 3166-1 alpha-2 code such as ML")
    return code
