"""Delivery channels against real peers on 127.0.0.1: e-mail through a real SMTP server (aiosmtpd, STARTTLS
and implicit TLS with a test CA, AUTH), Slack, Teams and templated webhooks posted to a real HTTP receiver and
checked against the shapes those services document. Feed-supplied text stays escaped in every one of them."""

from __future__ import annotations

import io
import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.mail_support import mail_server
from tests.support import Receiver
from tests.unit.test_store import T0, make_alert
from wirewatch.config import settings_from_dict
from wirewatch.errors import DeliveryError
from wirewatch.models import Alert, utcnow
from wirewatch.settings import ChatSettings, DeliverySettings, EmailSettings, WebhookSettings
from wirewatch.sinks.alerts.channels import build_notifiers
from wirewatch.sinks.alerts.chat import (
    ADAPTIVE_CARD_CONTENT_TYPE,
    SLACK_BUTTON_TEXT,
    SLACK_FIELD_CHARS,
    SLACK_HEADER_CHARS,
    SLACK_MAX_BLOCKS,
    SLACK_MAX_FIELDS,
    SLACK_SECTION_CHARS,
    SLACK_URL_CHARS,
)
from wirewatch.sinks.alerts.delivery import AlertDelivery
from wirewatch.sinks.alerts.email import EmailNotifier
from wirewatch.sinks.alerts.messages import Links
from wirewatch.sinks.alerts.notifiers import ConsoleNotifier, SlackNotifier, TeamsNotifier, WebhookNotifier
from wirewatch.sinks.sqlite.store import SQLiteStore

HOSTILE = "Coup <script>alert(1)</script> & <!channel> <http://evil.example|click> [here](http://evil.example) *x*"
PUBLIC = "https://wirewatch.example.org"
LINKS = Links(PUBLIC)


def hostile_alert(**changes: Any) -> Alert:
    alert = make_alert(title=HOSTILE)
    alert.at = T0
    alert.url = "https://news.example.com/a?id=1&b=2"
    alert.dispatch_id = "d1"
    for name, value in changes.items():
        setattr(alert, name, value)
    return alert


# -- the shapes the services document --------------------------------------------------------------------


def check_slack_text(obj: dict, limit: int) -> str:
    assert obj["type"] in ("plain_text", "mrkdwn") and isinstance(obj["text"], str)
    assert 0 < len(obj["text"]) <= limit
    return obj["text"]


def check_slack_payload(payload: dict) -> None:
    """Block Kit as api.slack.com/reference/block-kit documents it, for the blocks wirewatch sends."""
    assert set(payload) == {"text", "blocks"} and isinstance(payload["text"], str)
    blocks = payload["blocks"]
    assert 0 < len(blocks) <= SLACK_MAX_BLOCKS
    for block in blocks:
        kind = block["type"]
        assert kind in ("header", "section", "divider", "actions", "context")
        if kind == "header":
            assert block["text"]["type"] == "plain_text"
            check_slack_text(block["text"], SLACK_HEADER_CHARS)
        elif kind == "section":
            check_slack_text(block["text"], SLACK_SECTION_CHARS)
            assert len(block.get("fields", [])) <= SLACK_MAX_FIELDS
            for item in block.get("fields", []):
                check_slack_text(item, SLACK_FIELD_CHARS)
        elif kind == "actions":
            assert 0 < len(block["elements"]) <= 25
            for button in block["elements"]:
                assert button["type"] == "button" and button["text"]["type"] == "plain_text"
                check_slack_text(button["text"], SLACK_BUTTON_TEXT)
                assert button["url"].startswith(("https://", "http://")) and len(button["url"]) <= SLACK_URL_CHARS
                assert button.get("style", "primary") in ("primary", "danger")
        elif kind == "context":
            assert 0 < len(block["elements"]) <= 10
            for element in block["elements"]:
                check_slack_text(element, SLACK_SECTION_CHARS)


def mrkdwn_texts(payload: dict) -> list[str]:
    texts = []
    for block in payload["blocks"]:
        for obj in [block.get("text"), *block.get("fields", []), *block.get("elements", [])]:
            if isinstance(obj, dict) and obj.get("type") == "mrkdwn":
                texts.append(obj["text"])
    return texts


ADAPTIVE_ELEMENTS = {"TextBlock", "FactSet", "Container"}


def check_adaptive_element(element: dict) -> None:
    assert element["type"] in ADAPTIVE_ELEMENTS
    if element["type"] == "TextBlock":
        assert isinstance(element["text"], str) and element["text"]
    elif element["type"] == "FactSet":
        assert all(set(fact) == {"title", "value"} for fact in element["facts"])
    else:
        for item in element["items"]:
            check_adaptive_element(item)
        if "selectAction" in element:
            assert element["selectAction"]["type"] == "Action.OpenUrl"


def check_teams_payload(payload: dict) -> dict:
    """A Workflows webhook message: one Adaptive Card attachment (the retired MessageCard is not accepted)."""
    assert payload["type"] == "message"
    (attachment,) = payload["attachments"]
    assert attachment["contentType"] == ADAPTIVE_CARD_CONTENT_TYPE
    card = attachment["content"]
    assert card["type"] == "AdaptiveCard" and card["version"] in ("1.2", "1.3", "1.4", "1.5")
    assert card["$schema"] == "http://adaptivecards.io/schemas/adaptive-card.json"
    for element in card["body"]:
        check_adaptive_element(element)
    for action in card.get("actions", []):
        assert action["type"] == "Action.OpenUrl" and action["url"].startswith("https://")
    assert len(json.dumps(payload)) < 28_000  # the size Teams accepts for a webhook message
    return card


def card_texts(element: Any) -> list[str]:
    if isinstance(element, dict):
        own = [element["text"]] if element.get("type") == "TextBlock" else []
        own += [fact["value"] for fact in element.get("facts", [])]
        return own + [t for value in element.values() for t in card_texts(value)]
    if isinstance(element, list):
        return [t for value in element for t in card_texts(value)]
    return []


# -- Slack ------------------------------------------------------------------------------------------------


async def test_slack_message_is_block_kit_with_escaped_text_and_a_dashboard_link(receiver: Receiver) -> None:
    notifier = SlackNotifier("newsroom", ChatSettings(url=receiver.url), LINKS)
    try:
        await notifier.deliver(hostile_alert())
    finally:
        await notifier.close()
    (payload,) = receiver.received
    check_slack_payload(payload)
    for text in mrkdwn_texts(payload):
        assert "<!channel>" not in text and "<http" not in text and "<script>" not in text
    assert any("&lt;!channel&gt;" in text for text in mrkdwn_texts(payload))
    buttons = [b for block in payload["blocks"] if block["type"] == "actions" for b in block["elements"]]
    story_alert_link = f"{PUBLIC}/dispatch/d1"  # the sample alert groups by dispatch
    assert [b["url"] for b in buttons] == [story_alert_link, "https://news.example.com/a?id=1&b=2"]


async def test_a_slack_digest_of_many_alerts_stays_within_the_block_limit(receiver: Receiver) -> None:
    notifier = SlackNotifier("newsroom", ChatSettings(url=receiver.url), LINKS)
    alerts = [hostile_alert(dispatch_id=f"d{i}") for i in range(80)]
    try:
        await notifier.send(alerts, notes=["3 repeats inside the realert window"])
    finally:
        await notifier.close()
    (payload,) = receiver.received
    check_slack_payload(payload)
    assert payload["text"].startswith("[wirewatch] 80 alerts")
    assert "65 more alerts" in payload["blocks"][-1]["elements"][0]["text"]
    assert "3 repeats" in payload["blocks"][-1]["elements"][0]["text"]


# -- Teams ------------------------------------------------------------------------------------------------


async def test_teams_message_is_an_adaptive_card_with_escaped_markdown(receiver: Receiver) -> None:
    notifier = TeamsNotifier("ops", ChatSettings(url=receiver.url), LINKS)
    story = hostile_alert(story_id="s-42", group_by="story")
    try:
        await notifier.deliver(story)
        await notifier.send([hostile_alert(dispatch_id=f"d{i}") for i in range(3)])
    finally:
        await notifier.close()
    single, digest = receiver.received
    card = check_teams_payload(single)
    assert [a["url"] for a in card["actions"]] == [f"{PUBLIC}/stories/s-42", "https://news.example.com/a?id=1&b=2"]
    for text in card_texts(card["body"]):
        assert "[here](" not in text  # the Markdown link is escaped: \[here\]\(...
    assert any("\\[here\\]\\(http://evil\\.example\\)" in text for text in card_texts(card["body"]))
    digest_card = check_teams_payload(digest)
    assert "actions" not in digest_card and len(digest_card["body"]) == 4  # a heading and three alerts


# -- generic webhook with a template ----------------------------------------------------------------------


async def test_a_webhook_template_gives_the_users_shape_with_typed_values(receiver: Receiver) -> None:
    template = {
        "summary": "{rule.name}: {title}",
        "countries": "{countries}",
        "count": "{count}",
        "details": {"link": "{link}", "literal": "{{not a placeholder}}", "fixed": 7},
        "tags": ["wirewatch", "{kind}"],
    }
    notifier = WebhookNotifier("pager", WebhookSettings(url=receiver.url, template=template), LINKS)
    try:
        await notifier.deliver(hostile_alert())
    finally:
        await notifier.close()
    (body,) = receiver.received
    assert body == {
        "summary": f"rule r1: {HOSTILE}",  # JSON carries the title as a string: nothing to escape by hand
        "countries": ["TR", "SY"],
        "count": 1,
        "details": {"link": f"{PUBLIC}/dispatch/d1", "literal": "{not a placeholder}", "fixed": 7},
        "tags": ["wirewatch", "alert"],
    }


def test_an_unknown_placeholder_is_a_config_error_naming_the_channel(tmp_path: Path) -> None:
    from wirewatch.app.components import component_problems

    raw = {"delivery": {"webhooks": {"pager": {"url": "https://h.example/x", "template": {"a": "{titel}"}}}}}
    settings, problems = settings_from_dict(raw)
    problems += component_problems(settings)
    assert [p.key for p in problems] == ["delivery.webhooks.pager.template"]
    assert "unknown placeholder {titel}" in problems[0].reason


async def test_a_retried_webhook_carries_the_same_idempotency_key(tmp_path: Path, receiver: Receiver) -> None:
    from tests.unit.test_delivery import SETTINGS

    receiver.statuses = [503]
    hook = WebhookNotifier("ops", WebhookSettings(url=receiver.url))
    with SQLiteStore(tmp_path / "s.db") as store:
        delivery = AlertDelivery(store, {"ops": hook}, SETTINGS)
        alert = hostile_alert()
        delivery.record(alert, ["ops"])
        assert await delivery.deliver_due(utcnow()) == 0
        assert await delivery.deliver_due(utcnow() + timedelta(days=1)) == 1
        await delivery.close()
    keys = [request.headers["Idempotency-Key"] for request in receiver.requests]
    assert len(keys) == 2 and keys[0] == keys[1] == f"{alert.key}#1"


# -- e-mail -----------------------------------------------------------------------------------------------


def body_of(mail: Any, subtype: str) -> str:
    part = mail.get_body((subtype,))
    assert part is not None, f"no text/{subtype} part"
    return part.get_content()


def email_settings(server, **changes: Any) -> EmailSettings:
    settings = EmailSettings(
        host=server.host,
        port=server.port,
        sender="wirewatch@desk.example.org",
        to=["desk@example.org", "chief@example.org"],
        ca_file=server.ca_file,
        timeout=10,
    )
    for name, value in changes.items():
        setattr(settings, name, value)
    return settings


async def test_email_over_starttls_with_credentials_from_the_environment(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("WW_SMTP_PASSWORD", "s3cret")
    with mail_server(tmp_path, security="starttls", user="alerts", password="s3cret") as server:
        raw = {
            "server": {"public_url": PUBLIC},
            "delivery": {
                "email": {
                    "desk": {
                        "host": server.host,
                        "port": server.port,
                        "sender": "wirewatch@desk.example.org",
                        "to": ["desk@example.org"],
                        "username": "alerts",
                        "password": "env:WW_SMTP_PASSWORD",
                        "ca_file": str(server.ca_file),
                    }
                }
            },
        }
        settings, problems = settings_from_dict(raw)
        assert problems == []
        notifiers = build_notifiers(settings.delivery)
        alert = hostile_alert(title=HOSTILE + "\r\nBcc: victim@example.org")
        await notifiers["desk"].deliver(alert)
        await notifiers["desk"].deliver(alert)  # a retry of the same alert: the same Message-ID
    first, second = server.received
    mail = first.message
    assert first.mail_from == "wirewatch@desk.example.org" and first.rcpt_tos == ["desk@example.org"]
    assert mail["Subject"].startswith("[wirewatch] Alert: rule r1: Coup <script>")
    assert "Bcc" not in mail and "victim" not in "".join(first.rcpt_tos)
    assert mail["Message-ID"] == second.message["Message-ID"]
    assert mail["Auto-Submitted"] == "auto-generated"
    plain = body_of(mail, "plain")
    html_part = body_of(mail, "html")
    assert "<script>" in plain and f"In wirewatch: {PUBLIC}/dispatch/d1" in plain
    assert "<script>" not in html_part and "&lt;script&gt;" in html_part
    assert f'href="{PUBLIC}/dispatch/d1"' in html_part
    assert 'href="https://news.example.com/a?id=1&amp;b=2"' in html_part


async def test_email_over_implicit_tls(tmp_path) -> None:
    with mail_server(tmp_path, security="tls") as server:
        notifier = EmailNotifier("desk", email_settings(server, security="tls"), LINKS)
        await notifier.send([hostile_alert(dispatch_id=f"d{i}") for i in range(3)], heading="[wirewatch] digest")
    (received,) = server.received
    assert received.message["Subject"] == "[wirewatch] digest"
    assert received.rcpt_tos == ["desk@example.org", "chief@example.org"]
    assert body_of(received.message, "plain").count("ALERT [rule r1]") == 3


async def test_starttls_never_falls_back_to_plain_text(tmp_path) -> None:
    with mail_server(tmp_path, security="none") as server:
        notifier = EmailNotifier("desk", email_settings(server), LINKS)
        with pytest.raises(DeliveryError, match="email desk"):
            await notifier.deliver(hostile_alert())
    assert server.received == []


async def test_an_untrusted_certificate_or_a_wrong_password_is_a_delivery_error(tmp_path) -> None:
    with mail_server(tmp_path, security="starttls", user="alerts", password="right") as server:
        untrusted = EmailNotifier("desk", email_settings(server, ca_file=None), LINKS)
        with pytest.raises(DeliveryError, match="SSLCertVerificationError"):
            await untrusted.deliver(hostile_alert())
        wrong = EmailNotifier("desk", email_settings(server, username="alerts", password="wrong"), LINKS)
        with pytest.raises(DeliveryError, match="authentication refused") as caught:
            await wrong.deliver(hostile_alert())
        assert "wrong" not in str(caught.value)
    assert server.received == []


# -- configuration ----------------------------------------------------------------------------------------


def test_channel_configuration_is_checked() -> None:
    from wirewatch.app.components import component_problems

    raw = {
        "server": {"public_url": "ftp://x"},
        "delivery": {
            "slack": {"team": {"url": "env:WW_NO_SUCH_VARIABLE"}},
            "teams": {"team": {"url": "https://t.example/x"}},
            "email": {
                "relay": {"host": "smtp.example.org", "sender": "ww", "to": [], "security": "none"},
                "auth": {"host": "127.0.0.1", "sender": "a@b", "to": ["c@d"], "username": "u"},
            },
        },
    }
    settings, problems = settings_from_dict(raw)
    problems += component_problems(settings)
    found = {(p.key, p.reason.split(" (")[0]) for p in problems}
    assert ("server.public_url", "must be an http(s) URL") in found
    assert ("delivery.slack.team.url", "environment variable WW_NO_SUCH_VARIABLE is not set") in found
    assert ("delivery.teams.team", "channel name 'team' is also delivery.slack.team") in found
    assert ("delivery.email.relay.to", "must list at least one e-mail address") in found
    assert ("delivery.email.relay.sender", "must be an e-mail address") in found
    assert any(key == "delivery.email.relay.security" for key, _ in found)  # plain text to a remote relay
    assert ("delivery.email.auth", "username and password go together") in found


def test_every_channel_is_built_by_name() -> None:
    delivery = DeliverySettings(
        webhooks={"hook": WebhookSettings(url="https://h.example/x")},
        slack={"newsroom": ChatSettings(url="https://hooks.slack.example/x")},
        teams={"ops": ChatSettings(url="https://teams.example/x")},
        email={"desk": EmailSettings(host="smtp.example.org", sender="a@b", to=["c@d"])},
    )
    notifiers = build_notifiers(delivery, io.StringIO())
    assert {name: type(n).__name__ for name, n in notifiers.items()} == {
        "console": ConsoleNotifier.__name__,
        "hook": "WebhookNotifier",
        "newsroom": "SlackNotifier",
        "ops": "TeamsNotifier",
        "desk": "EmailNotifier",
    }
