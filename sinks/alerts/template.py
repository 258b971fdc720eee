"""A webhook body of the user's own shape: `[delivery.webhooks.NAME.template]`, a TOML table (or array, or string)
whose strings may hold `{placeholders}` filled from the alert.

The template is structure, not text: values are put in place and the body is serialised as JSON afterwards,
so a feed-supplied title can never break out of its string (no escaping for the user to get right). A string
that is exactly one placeholder (`countries = "{countries}"`) takes the value with its JSON type (an array, a
number); inside longer text a list reads "a, b". `{{` and `}}` are literal braces.

In a digest (several alerts in one message) the single-alert fields are those of the newest alert, `count`
is how many there are and `alerts` lists them all as `Alert.to_dict()` does.
"""

from __future__ import annotations

import re
from typing import Any

from wirewatch.models import Alert

_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_.]*)\}")

FIELDS = (
    "key",
    "kind",
    "rule.id",
    "rule.name",
    "rule.query",
    "dispatch_id",
    "title",
    "url",
    "source",
    "at",
    "updated_at",
    "countries",
    "officials",
    "matched",
    "story_id",
    "hits",
    "sources",
    "latest.title",
    "latest.url",
    "latest.source",
    "link",
    "subject",
    "text",
    "count",
    "alerts",
)
MAX_TEMPLATE_DEPTH = 16


class TemplateError(ValueError):
    pass


def check_template(template: Any) -> None:
    """Raise TemplateError for an unknown placeholder, a value JSON cannot carry, or a template nested too deep."""
    for text in _strings(template, 0):
        for match in _PLACEHOLDER.finditer(text):
            name = match.group(1)
            if name is not None and name not in FIELDS:
                raise TemplateError(f"unknown placeholder {{{name}}} (known: {', '.join(FIELDS)})")


def _strings(value: Any, depth: int) -> list[str]:
    if depth > MAX_TEMPLATE_DEPTH:
        raise TemplateError(f"nested more than {MAX_TEMPLATE_DEPTH} levels deep")
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for key, item in value.items() for s in (*_strings(key, depth + 1), *_strings(item, depth + 1))]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item, depth + 1)]
    if value is None or isinstance(value, (bool, int, float)):
        return []
    raise TemplateError(f"{type(value).__name__} values cannot be sent as JSON (a date? quote it)")


def template_values(alerts: list[Alert], link: str | None, subject: str, text: str) -> dict[str, Any]:
    """The placeholders' values for a message about these alerts (the newest one's fields, as said above)."""
    newest = alerts[-1]
    record = newest.to_dict()
    latest = record.get("latest") or {}
    values = {name: record.get(name) for name in FIELDS if "." not in name and name in record}
    values.update(
        {
            "kind": "update" if newest.is_update else "alert",
            "rule.id": newest.rule_id,
            "rule.name": newest.rule_name,
            "rule.query": newest.rule_query,
            "latest.title": latest.get("title"),
            "latest.url": latest.get("url"),
            "latest.source": latest.get("source"),
            "link": link,
            "subject": subject,
            "text": text,
            "count": len(alerts),
            "alerts": [alert.to_dict() for alert in alerts],
        }
    )
    return values


def render(template: Any, values: dict[str, Any]) -> Any:
    if isinstance(template, str):
        return _render_string(template, values)
    if isinstance(template, dict):
        return {_render_text(key, values): render(item, values) for key, item in template.items()}
    if isinstance(template, list):
        return [render(item, values) for item in template]
    return template


def _render_string(text: str, values: dict[str, Any]) -> Any:
    whole = _PLACEHOLDER.fullmatch(text)
    if whole is not None and whole.group(1) is not None:
        return values.get(whole.group(1))
    return _render_text(text, values)


def _render_text(text: str, values: dict[str, Any]) -> str:
    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        if name is None:  # "{{" or "}}"
            return match.group(0)[0]
        value = values.get(name)
        if value is None:
            return ""
        if isinstance(value, list):
            return ", ".join(str(item) for item in value)
        return str(value)

    return _PLACEHOLDER.sub(fill, text)
