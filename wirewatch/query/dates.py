"""Elasticsearch date parsing, date math and range rounding, in epoch milliseconds.

Format is the ES default ``strict_date_optional_time||epoch_millis`` in UTC.
A bound is parsed "rounded up" for ``lte``/``gt`` (and "down" for ``gte``/``lt``):
a missing time of day (``2024-12-31``) and ``/unit`` rounding fill to the last
millisecond of the day or unit, as ES does, so ``[2024-01-01 TO 2024-12-31]``
includes all of 31 December and ``{2024-01-01 TO *]`` excludes all of 1 January.
A missing month or day is 1 in both directions (ES's round-up parser only fills
the time): ``[2024 TO 2024]`` is 1 January 2024 only; use ``2024||/y`` for a year.
"""

from __future__ import annotations

import calendar
from datetime import UTC, datetime, timedelta

import regex

from wirewatch.errors import InputError

_DATE = regex.compile(
    r"""^(?P<year>\d{4})
        (?:-(?P<month>\d{2})
          (?:-(?P<day>\d{2})
            (?:T(?P<hour>\d{2})
              (?::(?P<minute>\d{2})
                (?::(?P<second>\d{2})(?:[.,](?P<fraction>\d{1,9}))?)?
              )?
              (?P<zone>Z|[+-]\d{2}(?::?\d{2})?)?
            )?
          )?
        )?$""",
    regex.VERBOSE,
)
_EPOCH_MILLIS = regex.compile(r"^-?\d+(?:\.\d+)?$")
_MATH_STEP = regex.compile(r"([+-])(\d*)([yMwdhHms])|/([yMwdhHms])")
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class DateError(InputError):
    pass


def _millis(moment: datetime) -> int:
    delta = moment - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1000 + delta.microseconds // 1000


def _from_millis(millis: int) -> datetime:
    return _EPOCH + timedelta(milliseconds=millis)


def parse_date(text: str, round_up: bool = False) -> int:
    """A date string (or epoch millis) to epoch ms; missing fields round down or up."""
    match = _DATE.match(text)
    if match is None:
        if _EPOCH_MILLIS.match(text):
            return int(float(text))
        raise DateError(f"failed to parse date {text!r} (expected yyyy-MM-dd['T'HH:mm:ss[.SSS]][Z] or epoch millis)")
    parts = match.groupdict()
    year = int(parts["year"])
    try:
        # ES's round-up parser fills only the time of day: a missing month or day is 1
        # either way, so "2024" rounds up to 2024-01-01T23:59:59.999 and "2024-06" to
        # 2024-06-01T23:59:59.999 (checked against a real node by the agreement test).
        month = int(parts["month"]) if parts["month"] else 1
        day = int(parts["day"]) if parts["day"] else 1
        hour = int(parts["hour"]) if parts["hour"] else (23 if round_up else 0)
        minute = int(parts["minute"]) if parts["minute"] else (59 if round_up else 0)
        second = int(parts["second"]) if parts["second"] else (59 if round_up else 0)
        micro = int(parts["fraction"][:6].ljust(6, "0")) if parts["fraction"] else 999000 if round_up else 0
        moment = datetime(year, month, day, hour, minute, second, micro, tzinfo=UTC)
    except ValueError as exc:
        raise DateError(f"invalid date {text!r}: {exc}") from None
    zone = parts["zone"]
    if zone and zone != "Z":
        sign = 1 if zone[0] == "+" else -1
        digits = zone[1:].replace(":", "")
        offset = timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0))
        moment -= sign * offset
    return _millis(moment)


def _add_months(moment: datetime, months: int) -> datetime:
    index = moment.month - 1 + months
    year, month = moment.year + index // 12, index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def _round_down(moment: datetime, unit: str) -> datetime:
    if unit == "y":
        return moment.replace(month=1, day=1, hour=0, minute=0, second=0, microsecond=0)
    if unit == "M":
        return moment.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    if unit == "w":
        start = moment.replace(hour=0, minute=0, second=0, microsecond=0)
        return start - timedelta(days=start.weekday())
    if unit == "d":
        return moment.replace(hour=0, minute=0, second=0, microsecond=0)
    if unit in "hH":
        return moment.replace(minute=0, second=0, microsecond=0)
    if unit == "m":
        return moment.replace(second=0, microsecond=0)
    return moment.replace(microsecond=0)


def _step(moment: datetime, amount: int, unit: str) -> datetime:
    if unit == "y":
        return _add_months(moment, 12 * amount)
    if unit == "M":
        return _add_months(moment, amount)
    seconds = {"w": 604_800, "d": 86_400, "h": 3_600, "H": 3_600, "m": 60, "s": 1}[unit]
    return moment + timedelta(seconds=seconds * amount)


class DateMath:
    """A compiled date expression: ``now-7d/d``, ``2024-01-01||+1M``, ``2024-06``."""

    __slots__ = ("anchor", "steps", "text", "uses_now")

    def __init__(self, text: str) -> None:
        self.text = text
        if text.startswith("now"):
            self.anchor: str | None = None
            math = text[3:]
        else:
            anchor, separator, math = text.partition("||")
            if not separator:
                math = ""
            self.anchor = anchor
            parse_date(anchor)  # validate now, so a bad rule fails at load
        self.uses_now = self.anchor is None
        self.steps: list[tuple[int, str] | str] = []
        position = 0
        for found in _MATH_STEP.finditer(math):
            if found.start() != position:
                break
            sign, number, unit, rounding = found.groups()
            if rounding:
                self.steps.append(rounding)
            else:
                self.steps.append(((1 if sign == "+" else -1) * int(number or 1), unit))
            position = found.end()
        if position != len(math):
            raise DateError(f"invalid date math {text!r} near {math[position:]!r}")

    def resolve(self, now_millis: int, round_up: bool) -> int:
        if self.anchor is not None and not self.steps:
            return parse_date(self.anchor, round_up)
        base = now_millis if self.anchor is None else parse_date(self.anchor)
        moment = _from_millis(base)
        for step in self.steps:
            if isinstance(step, str):
                moment = _round_down(moment, step)
                if round_up:
                    # Last millisecond of the unit, as ES does for lte/gt.
                    moment = _step(moment, 1, step) - timedelta(milliseconds=1)
            else:
                moment = _step(moment, *step)
        return _millis(moment)


def doc_date_millis(value: object) -> int | None:
    """A date value from a document (ISO string or epoch millis) to epoch ms."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return int(value)
    if isinstance(value, str):
        try:
            return parse_date(value)
        except DateError:
            try:
                moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
            except ValueError:
                return None
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=UTC)
            return _millis(moment)
    return None
