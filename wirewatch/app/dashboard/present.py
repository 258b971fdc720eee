"""Shapes shared by the JSON API, the live stream and the HTML pages."""

from __future__ import annotations

from typing import Any

from wirewatch.app.dashboard.highlight import as_json, entity_names, entity_segments, excerpt, marker_segments
from wirewatch.app.dashboard.html import safe_url
from wirewatch.models import Alert

EXCERPT_CHARS = 320
MAX_TEXT_CHARS = 50_000  # one dispatch page: bounded, whatever a feed sent


def dispatch_summary(doc: dict[str, Any]) -> dict[str, Any]:
    """A dispatch for lists and the live stream: excerpt and title with entities marked."""
    names = entity_names(doc)
    return {
        "id": doc.get("id"),
        "source": doc.get("source"),
        "url": safe_url(doc.get("url")),
        "published": doc.get("published"),
        "title": doc.get("title", ""),
        "countries": [{"code": c.get("code"), "name": c.get("name")} for c in doc.get("countries") or []],
        "officials": [o.get("name") for o in doc.get("officials") or []],
        "agencies": [a.get("name") for a in doc.get("agencies") or []],
        "title_segments": as_json(entity_segments(str(doc.get("title", "")), names)),
        "excerpt_segments": as_json(entity_segments(excerpt(str(doc.get("text", "")), EXCERPT_CHARS), names)),
    }


def dispatch_detail(doc: dict[str, Any]) -> dict[str, Any]:
    names = entity_names(doc)
    text = str(doc.get("text", ""))[:MAX_TEXT_CHARS]
    return {
        "dispatch": doc,
        "segments": {
            "title": as_json(entity_segments(str(doc.get("title", "")), names)),
            "text": as_json(entity_segments(text, names)),
        },
    }


def search_hit(doc: dict[str, Any], score: float, highlights: dict[str, list[str]]) -> dict[str, Any]:
    return {
        **dispatch_summary(doc),
        "score": score,
        "highlights": {
            field: [as_json(marker_segments(f)) for f in fragments] for field, fragments in highlights.items()
        },
    }


def alert_view(alert: Alert) -> dict[str, Any]:
    data = alert.to_dict()
    data["key"] = alert.key
    data["url"] = safe_url(alert.url)
    return data
