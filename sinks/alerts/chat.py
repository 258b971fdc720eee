"""Chat messages: Slack's Block Kit and Microsoft Teams' Adaptive Cards, built from a `Message`.

Both keep within the limits their services document (the tests check the payloads against them):

- Slack (api.slack.com/reference/block-kit): at most 50 blocks; a header's plain text ≤ 150 characters;
  a section's text ≤ 3,000 and its fields ≤ 10 of ≤ 2,000 each; a button's text ≤ 75 and its URL ≤ 3,000.
  Feed-supplied text goes in `plain_text` objects where Slack offers them; in `mrkdwn`, `&`, `<` and `>` are
  escaped as Slack asks, so a title cannot forge a link or a mention.
- Teams (Workflows "post to a channel when a webhook request is received"): a `message` with one attachment
  of content type `application/vnd.microsoft.card.adaptive` holding an AdaptiveCard of version 1.4; a
  TextBlock's Markdown is escaped, so a title cannot forge a link. The old Office 365 connectors
  (MessageCard) are retired and not supported.
"""

from __future__ import annotations

import re
from typing import Any

from wirewatch.sinks.alerts.messages import Item, Message

SLACK_MAX_BLOCKS = 50
SLACK_HEADER_CHARS = 150
SLACK_SECTION_CHARS = 3000
SLACK_FIELD_CHARS = 2000
SLACK_MAX_FIELDS = 10
SLACK_BUTTON_TEXT = 75
SLACK_URL_CHARS = 3000
SLACK_ITEMS = 15  # per message: each takes up to three blocks; the rest are counted in a last block
ADAPTIVE_CARD_VERSION = "1.4"
TEAMS_ITEMS = 15
ADAPTIVE_CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive"


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _is_web_url(url: str | None, limit: int = SLACK_URL_CHARS) -> bool:
    return bool(url) and len(url or "") <= limit and (url or "").startswith(("https://", "http://"))


def slack_escape(text: str) -> str:
    """Slack's three control characters in mrkdwn (and its link syntax)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def slack_payload(msg: Message) -> dict[str, Any]:
    blocks: list[dict[str, Any]] = [
        {"type": "header", "text": {"type": "plain_text", "text": _cut(msg.subject, SLACK_HEADER_CHARS)}}
    ]
    shown = msg.items[:SLACK_ITEMS]
    for entry in shown:
        blocks.extend(_slack_item(entry))
        blocks.append({"type": "divider"})
    more = msg.more + len(msg.items) - len(shown)
    trailer = ([f"… and {more} more alerts."] if more else []) + msg.notes
    if trailer:
        text = slack_escape("\n".join(trailer))
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": _cut(text, SLACK_SECTION_CHARS)}]})
    # `text` is what notifications and screen readers show when blocks are present.
    return {"text": _cut(msg.subject, SLACK_SECTION_CHARS), "blocks": blocks[:SLACK_MAX_BLOCKS]}


def _slack_item(entry: Item) -> list[dict[str, Any]]:
    title = f"*{slack_escape(entry.kind)}* {slack_escape(entry.title)}"
    fields = [
        {"type": "plain_text", "text": _cut(f"{label}: {value}", SLACK_FIELD_CHARS)}
        for label, value in entry.facts[:SLACK_MAX_FIELDS]
    ]
    blocks: list[dict[str, Any]] = [
        {"type": "section", "text": {"type": "mrkdwn", "text": _cut(title, SLACK_SECTION_CHARS)}, "fields": fields}
    ]
    buttons = []
    if _is_web_url(entry.link):
        buttons.append(_slack_button("Open in wirewatch", entry.link or "", "primary"))
    if _is_web_url(entry.source_url):
        buttons.append(_slack_button("Original", entry.source_url or ""))
    if buttons:
        blocks.append({"type": "actions", "elements": buttons})
    return blocks


def _slack_button(text: str, url: str, style: str | None = None) -> dict[str, Any]:
    button: dict[str, Any] = {
        "type": "button",
        "text": {"type": "plain_text", "text": _cut(text, SLACK_BUTTON_TEXT)},
        "url": url,
    }
    if style:
        button["style"] = style
    return button


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!<>|~])")


def markdown_escape(text: str) -> str:
    """Backslash before every Markdown character Adaptive Cards' TextBlock would read as markup."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def teams_payload(msg: Message) -> dict[str, Any]:
    body: list[dict[str, Any]] = [
        {"type": "TextBlock", "text": markdown_escape(msg.subject), "weight": "Bolder", "size": "Medium", "wrap": True}
    ]
    actions: list[dict[str, Any]] = []
    shown = msg.items[:TEAMS_ITEMS]
    for entry in shown:
        body.append(_teams_item(entry, separator=len(body) > 1))
    if len(shown) == 1:  # one alert: its links as the card's buttons; in a digest, each item has its own
        actions = _teams_links(shown[0])
    more = msg.more + len(msg.items) - len(shown)
    trailer = ([f"… and {more} more alerts."] if more else []) + msg.notes
    if trailer:
        body.append({"type": "TextBlock", "text": markdown_escape("\n".join(trailer)), "wrap": True, "isSubtle": True})
    card: dict[str, Any] = {
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "type": "AdaptiveCard",
        "version": ADAPTIVE_CARD_VERSION,
        "body": body,
    }
    if actions:
        card["actions"] = actions
    return {
        "type": "message",
        "attachments": [{"contentType": ADAPTIVE_CARD_CONTENT_TYPE, "contentUrl": None, "content": card}],
    }


def _teams_item(entry: Item, separator: bool) -> dict[str, Any]:
    items: list[dict[str, Any]] = [
        {
            "type": "TextBlock",
            "text": markdown_escape(f"{entry.kind}: {entry.title}"),
            "weight": "Bolder",
            "wrap": True,
        },
        {
            "type": "FactSet",
            "facts": [{"title": label, "value": markdown_escape(value)} for label, value in entry.facts],
        },
    ]
    container: dict[str, Any] = {"type": "Container", "items": items, "separator": separator}
    links = _teams_links(entry)
    if links:
        container["selectAction"] = links[0]
    return container


def _teams_links(entry: Item) -> list[dict[str, Any]]:
    links = []
    if _is_web_url(entry.link):
        links.append({"type": "Action.OpenUrl", "title": "Open in wirewatch", "url": entry.link})
    if _is_web_url(entry.source_url):
        links.append({"type": "Action.OpenUrl", "title": "Original", "url": entry.source_url})
    return links
