"""When an alert goes out, per rule and channel: at once, in a digest, or held back by a realert window.

- **Digest** (`digest = "15m"`, `"1h"`, `"daily 08:00"`, `"daily 08:00 Europe/Paris"`; per channel with a
  table): the alerts of one period go out as one message when it ends. Periods are aligned to the clock
  (15m: :00, :15, :30, :45 UTC; daily at the given time in the given zone, UTC by default), and the moment a
  delivery is due is stored with it, so a digest due while the process was down goes out after the restart,
  once.
- **Realert** (`realert = "30m"`, `realert_key = "countries"`): the first alert for a key goes out at once and
  opens a window; the repeats inside it are held and go out together, as one message that says how many
  there were, when it closes (never dropped). The key is the alert's values of the named field, so
  `realert_key = "countries"` throttles each set of countries on its own, `"story"` each story, `"rule"`
  the whole rule.

A rule with neither sends each alert on its own, as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from wirewatch.models import Alert, Rule

REALERT_KEYS = ("rule", "story", "countries", "officials", "source", "dispatch")
_DURATION = re.compile(r"(\d+)\s*([smhd])")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_DAILY = re.compile(r"daily\s+(\d{1,2}):(\d{2})(?:\s+(\S+))?")


class PolicyError(ValueError):
    pass


def parse_duration(text: str) -> float:
    """A duration such as 30m, 1h, 90s or 2d, in seconds."""
    match = _DURATION.fullmatch(text.strip())
    if match is None or int(match.group(1)) == 0:
        raise PolicyError(f"{text!r} is not a duration such as 90s, 30m, 1h or 1d")
    return int(match.group(1)) * _UNITS[match.group(2)]


@dataclass(frozen=True, slots=True)
class DigestSchedule:
    """Periods of `every` seconds aligned to the epoch, or one a day at `at` in `zone`."""

    spec: str
    every: float | None = None
    at: tuple[int, int] | None = None
    zone: str = "UTC"

    @classmethod
    def parse(cls, spec: str) -> DigestSchedule:
        text = spec.strip()
        daily = _DAILY.fullmatch(text)
        if daily:
            hour, minute, zone = int(daily.group(1)), int(daily.group(2)), daily.group(3) or "UTC"
            if hour > 23 or minute > 59:
                raise PolicyError(f"{spec!r}: no such time of day")
            try:
                ZoneInfo(zone)
            except (ZoneInfoNotFoundError, ValueError):
                raise PolicyError(f"{spec!r}: unknown time zone {zone!r}") from None
            return cls(spec=text, at=(hour, minute), zone=zone)
        try:
            every = parse_duration(text)
        except PolicyError:
            raise PolicyError(f"{spec!r} is not a digest period such as 15m, 1h or 'daily 08:00'") from None
        if every < 10:
            raise PolicyError(f"{spec!r}: a digest period is at least 10s")
        return cls(spec=text, every=every)

    def next_due(self, now: datetime) -> datetime:
        """The end of the period `now` falls in (strictly after `now`)."""
        if self.every is not None:
            seconds = now.timestamp()
            return datetime.fromtimestamp((seconds // self.every + 1) * self.every, UTC)
        assert self.at is not None
        zone = ZoneInfo(self.zone)
        local = now.astimezone(zone)
        due = local.replace(hour=self.at[0], minute=self.at[1], second=0, microsecond=0)
        if due <= local:
            due = (local + timedelta(days=1)).replace(hour=self.at[0], minute=self.at[1], second=0, microsecond=0)
        return due.astimezone(UTC)


@dataclass(frozen=True, slots=True)
class RulePolicy:
    digest: dict[str, DigestSchedule] = field(default_factory=dict)  # channel -> schedule
    realert: float | None = None  # seconds
    realert_key: str = "rule"

    @classmethod
    def of(cls, rule: Rule) -> RulePolicy:
        """Raises PolicyError naming what is wrong (config check reports it with the rule)."""
        for channel in rule.digest:
            if channel != "*" and channel not in rule.channels:
                raise PolicyError(f"digest for channel {channel!r}, which the rule does not deliver to")
        every_channel = rule.digest.get("*")  # `digest = "1h"`: a channel's own entry overrides it
        digest: dict[str, DigestSchedule] = {}
        for channel in rule.channels:
            spec = rule.digest.get(channel, every_channel)
            if spec:
                digest[channel] = DigestSchedule.parse(spec)
        realert = parse_duration(rule.realert) if rule.realert else None
        if rule.realert_key not in REALERT_KEYS:
            raise PolicyError(f"realert_key {rule.realert_key!r} is not one of {', '.join(REALERT_KEYS)}")
        return cls(digest=digest, realert=realert, realert_key=rule.realert_key)

    def throttle_key(self, alert: Alert) -> str:
        key = self.realert_key
        if key == "rule":
            return "*"
        if key == "story":
            return alert.story_id or alert.dispatch_id
        if key == "dispatch":
            return alert.dispatch_id
        if key == "source":
            return alert.source or "-"
        values = alert.countries if key == "countries" else alert.officials
        return ",".join(sorted(values)) or "-"


def policies(rules: list[Rule]) -> dict[str, RulePolicy]:
    """Rule id → policy, for the rules that have one (a rule whose policy is invalid was refused by config)."""
    out = {}
    for rule in rules:
        if rule.digest or rule.realert:
            out[rule.id] = RulePolicy.of(rule)
    return out
