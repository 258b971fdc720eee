"""Delivery channels by name: the channel types a rule's `channels = [...]` can name.

A channel type registers itself here with the channel names it provides under a configuration and how to
build their notifiers. `console` is always there, `jsonl` once `[delivery].jsonl_path` is set, and each
`[delivery.webhooks.NAME]`, `[delivery.slack.NAME]`, `[delivery.teams.NAME]` and `[delivery.email.NAME]` is a
channel called NAME (names are unique across them). A new channel type (e-mail, chat) is one class here
and a notifier in notifiers.py; retries and bookkeeping stay in delivery.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol, TextIO

from wirewatch.ports import Notifier
from wirewatch.registry import Registry
from wirewatch.settings import DeliverySettings
from wirewatch.sinks.alerts.email import EmailNotifier
from wirewatch.sinks.alerts.messages import Links
from wirewatch.sinks.alerts.notifiers import (
    CONSOLE_CHANNEL,
    JSONL_CHANNEL,
    ConsoleNotifier,
    JsonlNotifier,
    SlackNotifier,
    TeamsNotifier,
    WebhookNotifier,
)


class ChannelType(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def summary(self) -> str: ...

    @property
    def requires(self) -> str | None:
        """The setting without which this type provides no channel, if any."""

    def channel_names(self, delivery: DeliverySettings) -> list[str]:
        """The channels this type provides under these settings (names rules may use)."""

    def build(self, delivery: DeliverySettings, console: TextIO | None) -> dict[str, Notifier]: ...


CHANNEL_TYPES: Registry[ChannelType] = Registry("channel type")
RESERVED_NAMES = (CONSOLE_CHANNEL, JSONL_CHANNEL)  # a webhook cannot take these names


@CHANNEL_TYPES.register
class ConsoleChannel:
    name = CONSOLE_CHANNEL
    summary = "one line per alert on standard output (control characters removed)"
    requires = None

    def channel_names(self, delivery: DeliverySettings) -> list[str]:
        return [CONSOLE_CHANNEL]

    def build(self, delivery: DeliverySettings, console: TextIO | None) -> dict[str, Notifier]:
        return {CONSOLE_CHANNEL: ConsoleNotifier(stream=console)}


@CHANNEL_TYPES.register
class JsonlChannel:
    name = JSONL_CHANNEL
    summary = "one JSON object per alert appended to [delivery].jsonl_path"
    requires = "delivery.jsonl_path"

    def channel_names(self, delivery: DeliverySettings) -> list[str]:
        return [JSONL_CHANNEL] if delivery.jsonl_path else []

    def build(self, delivery: DeliverySettings, console: TextIO | None) -> dict[str, Notifier]:
        return {JSONL_CHANNEL: JsonlNotifier(delivery.jsonl_path)} if delivery.jsonl_path else {}


@dataclass(frozen=True, slots=True)
class NamedChannels:
    """A channel type whose channels are the tables of one [delivery.SECTION.NAME] section, each a notifier."""

    name: str
    section: str  # the DeliverySettings attribute: name -> that channel's settings
    summary: str
    notifier: Callable[[str, Any, Links], Notifier]

    @property
    def requires(self) -> str:
        return f"delivery.{self.section}.NAME"

    def channel_names(self, delivery: DeliverySettings) -> list[str]:
        return list(getattr(delivery, self.section))

    def build(self, delivery: DeliverySettings, console: TextIO | None) -> dict[str, Notifier]:
        links = Links(delivery.public_url)
        return {name: self.notifier(name, table, links) for name, table in getattr(delivery, self.section).items()}


for _channels in (
    NamedChannels(
        "webhook",
        "webhooks",
        "an HTTP POST to each [delivery.webhooks.NAME] url: the alert as JSON, or the body of its template;"
        " headers from env:/file:",
        WebhookNotifier,
    ),
    NamedChannels(
        "slack",
        "slack",
        "a Block Kit message to each [delivery.slack.NAME] incoming-webhook url (env:/file:)",
        SlackNotifier,
    ),
    NamedChannels(
        "teams",
        "teams",
        "an Adaptive Card to each [delivery.teams.NAME] Workflows webhook url (env:/file:)",
        TeamsNotifier,
    ),
    NamedChannels(
        "email", "email", "an e-mail (plain text and HTML) through each [delivery.email.NAME] SMTP relay", EmailNotifier
    ),
):
    CHANNEL_TYPES.add(_channels)


def channel_names(delivery: DeliverySettings) -> list[str]:
    """Every channel a rule may name under these settings."""
    return [name for kind in CHANNEL_TYPES for name in kind.channel_names(delivery)]


def build_notifiers(delivery: DeliverySettings, console: TextIO | None = None) -> dict[str, Notifier]:
    """One notifier per configured channel, by channel name."""
    notifiers: dict[str, Notifier] = {}
    for kind in CHANNEL_TYPES:
        notifiers.update(kind.build(delivery, console))
    return notifiers
