"""What an alert message says, once for every channel: its headline, its facts and its link.

Channels differ in markup (plain text and HTML mail, Slack's mrkdwn, Teams' Adaptive Cards), not in content:
each one renders a `Message`, and escapes it for its own markup there. A message is about one alert or, for a
digest or a throttled repeat, several; the same shape carries both.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from urllib.parse import quote

from wirewatch.models import Alert, format_time

MAX_LISTED = 6  # officials or sources named in a fact before "+N more"
MAX_DIGEST_ITEMS = 50  # alerts listed one by one in a digest; the rest are counted


@dataclass(frozen=True, slots=True)
class Links:
    """Links from an alert to the dashboard (`[server].public_url`), or none when it is not set."""

    public_url: str | None = None

    def alert(self, alert: Alert) -> str | None:
        """The story of an alert grouped by story, else its dispatch."""
        if not self.public_url:
            return None
        base = self.public_url.rstrip("/")
        if alert.search:  # a counted rule's alert: the dispatches behind it
            return f"{base}/search?q={quote(alert.search, safe='')}"
        if alert.group_by == "story" and alert.story_id:
            return f"{base}/stories/{quote(alert.story_id, safe='')}"
        return f"{base}/dispatch/{quote(alert.dispatch_id, safe='')}"


@dataclass(frozen=True, slots=True)
class Item:
    """One alert in a message: its headline, its facts (label, value) in order, where it links."""

    kind: str  # "ALERT" or "UPDATE" (a story's alert that grew)
    rule: str
    title: str
    at: str
    facts: list[tuple[str, str]]
    link: str | None  # the dashboard's page (or None without a public_url)
    source_url: str | None  # the dispatch itself, at its publisher


@dataclass(frozen=True, slots=True)
class Message:
    subject: str
    items: list[Item]
    more: int = 0  # alerts not listed (a digest longer than MAX_DIGEST_ITEMS)
    notes: list[str] = field(default_factory=list)  # e.g. "3 repeats inside the realert window"

    @property
    def is_digest(self) -> bool:
        return len(self.items) + self.more > 1


def _listed(values: list[str]) -> str:
    shown = ", ".join(values[:MAX_LISTED])
    return shown + (f" +{len(values) - MAX_LISTED} more" if len(values) > MAX_LISTED else "")


def item(alert: Alert, links: Links) -> Item:
    facts = [("Rule", alert.rule_name)]
    if alert.countries:
        facts.append(("Countries", ", ".join(alert.countries)))
    if alert.officials:
        facts.append(("Officials", _listed(alert.officials)))
    if alert.matched:
        facts.append(("Matched", _listed(alert.matched)))
    if alert.is_update:
        latest = alert.latest or {}
        facts.append(("Story", f"{alert.hits} dispatches from {len(alert.sources) or 1} sources"))
        facts.append(("Latest", str(latest.get("title") or "-")))
    facts.append(("Source", alert.source or "-"))
    source_url = (alert.latest or {}).get("url") if alert.is_update else alert.url
    return Item(
        kind="UPDATE" if alert.is_update else "ALERT",
        rule=alert.rule_name,
        title=alert.title or "(untitled)",
        at=format_time(alert.updated_at or alert.at),
        facts=facts,
        link=links.alert(alert),
        source_url=source_url if isinstance(source_url, str) else None,
    )


def message(
    alerts: list[Alert], links: Links, *, heading: str | None = None, notes: list[str] | None = None
) -> Message:
    """One alert's message, or a digest of several (newest last, at most MAX_DIGEST_ITEMS listed)."""
    if not alerts:
        raise ValueError("a message needs at least one alert")
    items = [item(alert, links) for alert in alerts[:MAX_DIGEST_ITEMS]]
    more = max(len(alerts) - MAX_DIGEST_ITEMS, 0)
    if heading is not None:
        subject = heading
    elif len(alerts) == 1:
        subject = f"[wirewatch] {items[0].kind.title()}: {items[0].rule}: {items[0].title}"
    else:
        rules = sorted({alert.rule_name for alert in alerts})
        subject = f"[wirewatch] {len(alerts)} alerts: {_listed(rules)}"
    return Message(subject=_one_line(subject), items=items, more=more, notes=list(notes or []))


def message_key(alerts: list[Alert]) -> str:
    """The same for the same alerts in the same state, whatever the attempt: a receiver's idempotency key
    (an alert that grew, `hits`, is a new message)."""
    if len(alerts) == 1:
        return f"{alerts[0].key}#{alerts[0].hits}"
    digest = hashlib.sha256("\n".join(f"{a.key}#{a.hits}" for a in alerts).encode("utf-8")).hexdigest()
    return f"digest:{digest[:32]}"


def _one_line(text: str, width: int = 200) -> str:
    """Headers and titles on one line: feed titles may carry newlines (header injection in mail)."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def plain_text(msg: Message) -> str:
    lines: list[str] = []
    for entry in msg.items:
        lines.append(f"{entry.kind} [{entry.rule}] {_one_line(entry.title, 500)}")
        lines.append(f"  at {entry.at}")
        lines.extend(f"  {label}: {_one_line(value, 500)}" for label, value in entry.facts)
        if entry.link:
            lines.append(f"  In wirewatch: {entry.link}")
        if entry.source_url:
            lines.append(f"  Original: {entry.source_url}")
        lines.append("")
    if msg.more:
        lines.append(f"... and {msg.more} more alerts.")
    lines.extend(msg.notes)
    return "\n".join(lines).rstrip() + "\n"
