"""Shapes shared by the JSON API, the live stream and the HTML pages."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from wirewatch.app.dashboard.highlight import as_json, entity_names, entity_segments, excerpt, marker_segments
from wirewatch.app.dashboard.html import safe_url
from wirewatch.models import Alert, ModelError, parse_time

EXCERPT_CHARS = 320
MAX_TEXT_CHARS = 50_000  # one dispatch page: bounded, whatever a feed sent
# A story's alerts are looked up from a day before its first dispatch was published (an alert's time is when it
# fired, on the wall clock; a story's times are publication times, which a feed's clock may put a little ahead).
STORY_ALERTS_SLACK = timedelta(days=1)


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


def alert_view(alert: Alert, silenced_by: str | None = None) -> dict[str, Any]:
    data = alert.to_dict()
    data["key"] = alert.key
    data["silenced_by"] = silenced_by  # the silence that held it back: recorded and shown, not delivered
    data["url"] = safe_url(alert.url)
    if data.get("latest"):
        data["latest"] = {**data["latest"], "url": safe_url(data["latest"].get("url"))}
    return data


def alert_reach(alert: dict[str, Any]) -> str | None:
    """ "3 dispatches · 2 sources" for an alert grouped by story (None for an alert about one dispatch)."""
    hits = int(alert.get("hits") or 1)
    if alert.get("group_by") != "story" and hits <= 1:
        return None
    sources = len(alert.get("sources") or ()) or 1
    return f"{plural(hits, 'dispatch', 'dispatches')} · {plural(sources, 'source')}"


def plural(n: int, word: str, words: str | None = None) -> str:
    return f"{n} {word if n == 1 else words or word + 's'}"


def story_member(doc: dict[str, Any]) -> dict[str, Any]:
    """One of a story's dispatches: its summary, its language and how it joined the story."""
    story = doc.get("story")
    how = story.get("how") if isinstance(story, dict) else None
    return {**dispatch_summary(doc), "language": doc.get("language"), "how": how}


def story_alerts_since(record: dict[str, Any]) -> datetime | None:
    """Where to look for a story's alerts from (None: anywhere)."""
    try:
        return parse_time(record["first_seen"]) - STORY_ALERTS_SLACK
    except (KeyError, TypeError, ValueError, ModelError):
        return None


def entity_href(kind: str, name: str, period: str | None = None) -> str:
    """An official's (kind "official") or an agency's ("agency") page."""
    from urllib.parse import quote, urlencode

    return f"/{kind}/{quote(name, safe='')}" + (f"?{urlencode({'period': period})}" if period else "")


KIBANA_DISPATCHES_VIEW = "wirewatch-dispatches-view"  # the data view deploy/kibana/saved_objects.ndjson installs


def kibana_discover(kibana_url: str, query: str, since: float, until: float) -> str:
    """Kibana's Discover on the dispatches data view with this Lucene query and time range (rison in the URL)."""
    from datetime import UTC, datetime
    from urllib.parse import quote

    def rison(text: str) -> str:
        return "'" + text.replace("!", "!!").replace("'", "!'") + "'"

    def iso(seconds: float) -> str:
        return datetime.fromtimestamp(seconds, tz=UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")

    app_state = (
        f"(dataSource:(dataViewId:{rison(KIBANA_DISPATCHES_VIEW)},type:dataView),"
        f"query:(language:lucene,query:{rison(query)}))"
    )
    global_state = f"(time:(from:{rison(iso(since))},to:{rison(iso(until))}))"
    safe = "():,'!*-._~"
    return (
        f"{kibana_url.rstrip('/')}/app/discover#/?_a={quote(app_state, safe=safe)}&_g={quote(global_state, safe=safe)}"
    )
