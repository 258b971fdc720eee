"""Server-rendered pages. Every feed-supplied string goes through the escaping builder."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote, urlencode

from aiohttp import web

from wirewatch.app.dashboard import chart, params, worldmap
from wirewatch.app.dashboard import feeds as feed_controls
from wirewatch.app.dashboard.context import BACKEND, blocking
from wirewatch.app.dashboard.highlight import Segment
from wirewatch.app.dashboard.html import Markup, document, el, segments
from wirewatch.app.dashboard.present import (
    alert_reach,
    alert_view,
    dispatch_detail,
    dispatch_summary,
    entity_href,
    plural,
    search_hit,
    story_alerts_since,
    story_member,
)
from wirewatch.app.dashboard.saved_searches import SAVED_SEARCHES, listing, save_form
from wirewatch.app.dashboard.silences import SILENCE_CONTROL
from wirewatch.app.dashboard.silences import panel as silence_panel
from wirewatch.models import StoryFilter
from wirewatch.query import QuerySyntaxError

PERIODS = ("24h", "7d", "30d", "365d", "all")
STORY_ORDER_NAMES = {"last_update": "latest", "sources": "largest"}
MAP_COUNTRIES = 300  # every country: the map shows them all, not a top list
STORIES_SHOWN = 20  # on the overview
MEMBERS_SHOWN = 200  # on a story's page
STORY_ALERTS_SHOWN = 50


def _segs(items: list[list[Any]]) -> Markup:
    return segments([(str(text), mark) for text, mark in items])


def _nav(query: str = "") -> Markup:
    return el(
        "header",
        {"class": "top"},
        el("a", {"href": "/", "class": "brand"}, "wirewatch"),
        el(
            "form",
            {"action": "/search", "method": "get", "class": "search"},
            el(
                "input",
                {
                    "type": "search",
                    "name": "q",
                    "value": query,
                    "placeholder": "coup AND countries.code:TR",
                    "aria-label": "Search query",
                    "maxlength": 1000,
                },
            ),
            el("button", {"type": "submit"}, "Search"),
        ),
        el("span", {"id": "live-status", "class": "live-status"}, "offline"),
    )


def _html(title: str, body: Markup, status: int = 200) -> web.Response:
    return web.Response(text=document(title, body), status=status, content_type="text/html", charset="utf-8")


def dispatch_item(summary: dict[str, Any]) -> Markup:
    link = el("a", {"href": f"/dispatch/{summary['id']}"}, _segs(summary["title_segments"]))
    meta = [summary.get("source") or "", " · ", (summary.get("published") or "")[:16].replace("T", " ")]
    countries = " ".join(c["code"] or "" for c in summary["countries"][:10])
    return el(
        "li",
        {"class": "dispatch", "data-id": summary["id"]},
        el("div", {"class": "title"}, link),
        el("div", {"class": "meta"}, meta, el("span", {"class": "codes"}, countries)),
        el("p", {"class": "excerpt"}, _segs(summary["excerpt_segments"])),
    )


def story_href(story_id: object) -> str:
    return "/stories/" + quote(str(story_id), safe="")


def _when(value: object) -> str:
    return str(value or "")[:16].replace("T", " ")


def _breaking_badge(record: dict[str, Any]) -> Markup | None:
    if not record.get("breaking"):
        return None
    since = f"breaking since {_when(record.get('breaking_at'))}" if record.get("breaking_at") else "breaking"
    return el("span", {"class": "badge breaking", "title": since}, "BREAKING")


def alert_story(alert: dict[str, Any]) -> Markup | None:
    """What a story's alert covers ("3 dispatches · 2 sources"), linking to the story's page."""
    reach = alert_reach(alert)
    if not alert.get("story_id"):
        return el("div", {"class": "reach meta"}, reach) if reach else None
    return el("div", {"class": "reach meta"}, el("a", {"href": story_href(alert["story_id"])}, reach or "story"))


def alert_row(alert: dict[str, Any]) -> Markup:
    return el(
        "tr",
        {"data-key": alert["key"], "data-hits": int(alert.get("hits") or 1)},
        el("td", {"class": "at"}, alert["at"][:19].replace("T", " ")),
        el("td", None, alert["rule"]["name"]),
        el(
            "td",
            None,
            el("a", {"href": _alert_href(alert)}, alert.get("title") or "(untitled)"),
            el("span", {"class": "badge silenced", "title": f"silence {alert['silenced_by']}"}, "silenced")
            if alert.get("silenced_by")
            else Markup(""),
            alert_story(alert),
        ),
        el("td", {"class": "codes"}, " ".join(alert.get("countries") or [])),
    )


def _alerts_with_silences(backend: Any) -> tuple[list[Any], dict[str, str]]:
    found = backend.alerts(None, 20)
    return found, backend.silenced([a.key for a in found])


def _alert_href(alert: dict[str, Any]) -> str:
    """A counted rule's alert (frequency, spike, ...) links to the search that lists its dispatches."""
    if alert.get("search"):
        return "/search?" + urlencode({"q": alert["search"]})
    return f"/dispatch/{alert['dispatch_id']}"


def story_counts(record: dict[str, Any]) -> str:
    return (
        f"{plural(int(record.get('dispatches') or 0), 'dispatch', 'dispatches')}"
        f" · {plural(int(record.get('sources') or 0), 'source')}"
    )


def story_item(record: dict[str, Any]) -> Markup:
    """One story in the overview's timeline: title, breaking badge, counts, languages, countries, growth."""
    languages = ", ".join(str(lang) for lang in record.get("languages") or [])
    countries = " ".join(str(code) for code in (record.get("countries") or [])[:10])
    return el(
        "li",
        {"class": "story", "data-id": record.get("id")},
        el("div", {"class": "when"}, _when(record.get("last_update"))),
        el(
            "div",
            {"class": "story-body"},
            el(
                "div",
                {"class": "title"},
                el("a", {"href": story_href(record.get("id"))}, record.get("title") or "(untitled)"),
                " ",
                _breaking_badge(record),
            ),
            el(
                "div",
                {"class": "meta"},
                story_counts(record),
                f" · {languages}" if languages else "",
                f" · since {_when(record.get('first_seen'))}",
                el("span", {"class": "codes"}, countries),
            ),
        ),
        el(
            "div",
            {"class": "growth", "title": "dispatches joining per hour of publication"},
            chart.spark(record.get("growth")),
        ),
    )


def _overview_href(period: str, order: str) -> str:
    query = {"period": period, **({"order": order} if order != "last_update" else {})}
    return "/?" + urlencode(query)


def _feed_table(request: web.Request, rows: list[dict[str, Any]], note: str | None = None) -> Markup:
    headers = ("feed", "status", "last success", "last error", "backoff", "items", "new", "full text", "")
    head = el("tr", None, [el("th", None, h) for h in headers])
    body = [
        el(
            "tr",
            {"class": f"feed-{row['status']}"},
            el("td", None, row.get("name", "")),
            el("td", None, el("span", {"class": f"badge {row['status']}"}, row["status"])),
            el("td", None, str(row.get("last_success") or "—")[:19].replace("T", " ")),
            el(
                "td",
                {"class": "error"},
                str(row.get("last_error") or "")[:200] if row.get("consecutive_failures") else "",
            ),
            el(
                "td", None, f"{float(row.get('backoff_seconds') or 0):.0f}s" if row.get("consecutive_failures") else "—"
            ),
            el("td", None, str(row.get("items_seen", 0))),
            el("td", None, str(row.get("dispatches_new", 0))),
            el("td", {"title": row.get("last_fulltext_problem") or ""}, _fulltext_rate(row)),
            el("td", None, feed_controls.controls(request, row)),
        )
        for row in rows
    ]
    table = (
        el("table", {"class": "feeds"}, el("thead", None, head), el("tbody", None, body))
        if rows
        else el("p", {"class": "empty"}, note or "No feeds polled yet.")
    )
    return Markup(table + feed_controls.add_form(request))


def _fulltext_rate(row: dict[str, Any]) -> str:
    tried = row.get("fulltext_tried") or 0
    return f"{row.get('fulltext_extracted', 0) / tried:.0%} of {tried}" if tried else "—"


def _top_table(title: str, rows: list[Any], kind: str) -> Markup:
    """`kind` ("official", "agency"): each name links to its page."""
    body = [
        el(
            "tr",
            None,
            el("td", None, el("a", {"href": entity_href(kind, r.name)}, r.name)),
            el("td", {"class": "detail"}, r.detail or ""),
            el("td", {"class": "num"}, str(r.dispatches)),
        )
        for r in rows
    ]
    return el(
        "div",
        {"class": "top-list"},
        el("h3", None, title),
        el("table", None, el("tbody", None, body)) if rows else el("p", {"class": "empty"}, "None in this period."),
    )


def entity_tops(officials: list[Any], agencies: list[Any], titles: tuple[str, str]) -> Markup:
    """The officials and agencies side by side, each name linking to its page."""
    return el(
        "div",
        {"class": "tops"},
        _top_table(titles[0], officials, "official"),
        _top_table(titles[1], agencies, "agency"),
    )


async def overview(request: web.Request) -> web.Response:
    try:
        order = params.story_order(request.query.get("order"))
        data_range = await blocking(request, lambda b: b.data_range())
        window = params.window(request.query.get("period"), None, data_range)
    except params.InvalidParameter as exc:
        return _html("wirewatch", el("main", None, _nav(), el("p", {"class": "error"}, exc.message)), status=400)
    stories_since = datetime.fromtimestamp(window.since, tz=UTC)

    def gather(backend):
        return (
            _alerts_with_silences(backend),
            backend.latest(20),
            backend.feeds(),
            backend.counts(),
            backend.mentions_per_country(window.since, window.until, window.bucket_seconds, 8),
            backend.top_entities("officials", window.since, window.until, 10),
            backend.top_entities("agencies", window.since, window.until, 10),
            backend.stories(StoryFilter(stories_since, STORIES_SHOWN, order=order)),
            backend.top_entities("countries", window.since, window.until, MAP_COUNTRIES),
        )

    alerts, latest, feeds, counts, buckets, officials, agencies, stories, countries = await blocking(request, gather)
    silenced = alerts[1]
    silence_control = request.app.get(SILENCE_CONTROL)
    silences = await silence_control.current() if silence_control is not None else []
    searches = request.app.get(SAVED_SEARCHES)
    saved = await searches.all() if searches is not None else []
    period_links = [
        el("a", {"href": _overview_href(p, order), "class": "current" if p == window.period else None}, p)
        for p in PERIODS
    ]
    order_links = [
        el(
            "a",
            {"href": _overview_href(window.period, key), "class": "current" if key == order else None},
            name,
        )
        for key, name in STORY_ORDER_NAMES.items()
    ]
    body = el(
        "main",
        None,
        _nav(),
        el(
            "section",
            {"class": "counts"},
            [el("div", {"class": "count"}, el("b", None, str(v)), " ", k.replace("_", " ")) for k, v in counts.items()],
        ),
        listing(request, saved),
        el(
            "div",
            {"class": "grid"},
            el(
                "section",
                {"class": "panel"},
                el("h2", None, "Live alerts"),
                el("p", {"id": "stream-notice", "class": "notice", "hidden": True}),
                el(
                    "table",
                    {"class": "alerts"},
                    el(
                        "thead",
                        None,
                        el("tr", None, [el("th", None, h) for h in ("at", "rule", "dispatch", "countries")]),
                    ),
                    el("tbody", {"id": "alerts"}, [alert_row(alert_view(a, silenced.get(a.key))) for a in alerts[0]]),
                ),
            ),
            el(
                "section",
                {"class": "panel"},
                el("h2", None, "Latest dispatches"),
                el("ul", {"id": "latest", "class": "dispatches"}, [dispatch_item(dispatch_summary(d)) for d in latest]),
            ),
        ),
        el(
            "section",
            {"class": "panel", "id": "stories"},
            el(
                "h2",
                None,
                "Stories ",
                el("span", {"class": "periods"}, period_links),
                el("span", {"class": "periods orders"}, order_links),
            ),
            el("ol", {"class": "stories"}, [story_item(r) for r in stories])
            if stories
            else el("p", {"class": "empty"}, "No stories in this period."),
        ),
        el(
            "section",
            {"class": "panel", "id": "map"},
            el("h2", None, "Where the news is ", el("span", {"class": "periods"}, period_links)),
            el("p", {"class": "detail"}, "Dispatches mentioning each country, by publication time. Click a country."),
            worldmap.render(
                {c.detail or c.name: c.dispatches for c in countries}, {c.detail or c.name: c.name for c in countries}
            ),
        ),
        el(
            "section",
            {"class": "panel"},
            el("h2", None, "Mentions per country ", el("span", {"class": "periods"}, period_links)),
            el("p", {"class": "detail"}, "Dispatches per bucket of publication time; the tops count them too."),
            chart.render(buckets, window.since, window.until, window.bucket_seconds),
            entity_tops(officials, agencies, ("Top officials", "Top agencies")),
        ),
        el(
            "section",
            {"class": "panel"},
            el("h2", {"id": "silences"}, "Silences"),
            silence_panel(request, silences),
        )
        if silence_control is not None
        else Markup(""),
        el(
            "section",
            {"class": "panel"},
            el("h2", {"id": "feeds"}, "Feed health"),
            _feed_table(request, feeds, getattr(request.app[BACKEND], "feed_health_note", None)),
        ),
    )
    return _html("wirewatch dashboard", body)


async def search_page(request: web.Request) -> web.Response:
    query = (request.query.get("q") or "").strip()
    parts: list[Any] = [_nav(query)]
    status = 200
    if query:
        try:
            q = params.query_text(query)
            limit = params.bounded_int(request.query.get("limit"), "limit", default=50, low=1, high=100)
            page = await blocking(request, lambda b: b.search(q, limit))
        except params.InvalidParameter as exc:
            parts.append(el("p", {"class": "error"}, exc.message))
            status = 400
        except QuerySyntaxError as exc:
            parts.append(el("p", {"class": "error"}, f"{exc.message} at position {exc.position}"))
            parts.append(el("pre", {"class": "caret"}, query + "\n" + " " * exc.position + "^"))
            status = 400
        else:
            hits = [search_hit(doc, score, hl) for doc, score, hl in page.hits]
            parts.append(
                el(
                    "p",
                    {"class": "summary"},
                    f"{len(hits)} dispatch(es)",
                    " (only the newest dispatches were examined)" if page.scan_limited else "",
                    " · export: ",
                    el("a", {"href": "/search/export?" + urlencode({"q": q, "format": "csv"})}, "CSV"),
                    " ",
                    el("a", {"href": "/search/export?" + urlencode({"q": q, "format": "jsonl"})}, "JSON Lines"),
                    " ",
                    save_form(request, q),
                )
            )
            parts.append(el("ul", {"class": "dispatches results"}, [_hit_item(h) for h in hits]))
    searches = request.app.get(SAVED_SEARCHES)
    if searches is not None:
        parts.append(el("section", {"class": "panel"}, listing(request, await searches.all(), removable=True)))
    return _html(f"search: {query}" if query else "search", el("main", None, parts), status=status)


def _hit_item(hit: dict[str, Any]) -> Markup:
    fragments = hit["highlights"].get("text") or hit["highlights"].get("title") or []
    return el(
        "li",
        {"class": "dispatch"},
        el("div", {"class": "title"}, el("a", {"href": f"/dispatch/{hit['id']}"}, _segs(hit["title_segments"]))),
        el(
            "div",
            {"class": "meta"},
            hit.get("source") or "",
            " · ",
            (hit.get("published") or "")[:16].replace("T", " "),
        ),
        [el("p", {"class": "fragment"}, _segs(f)) for f in fragments]
        or el("p", {"class": "excerpt"}, _segs(hit["excerpt_segments"])),
    )


async def dispatch_page(request: web.Request) -> web.Response:
    try:
        dispatch_id = params.dispatch_id(request.match_info["id"])
    except params.InvalidParameter as exc:
        return _html("not found", el("main", None, _nav(), el("p", {"class": "error"}, exc.message)), status=400)
    doc = await blocking(request, lambda b: b.dispatch(dispatch_id))
    if doc is None:
        return _html(
            "not found", el("main", None, _nav(), el("p", {"class": "error"}, "No such dispatch.")), status=404
        )
    detail = dispatch_detail(doc)
    summary = dispatch_summary(doc)
    link = el("a", {"href": summary["url"], "rel": "noopener noreferrer"}, "original") if summary["url"] else ""
    tags = el(
        "dl",
        {"class": "tags"},
        el("dt", None, "countries"),
        el("dd", None, ", ".join(f"{c['name']} ({c['code']})" for c in summary["countries"]) or "—"),
        el("dt", None, "officials"),
        el("dd", None, ", ".join(summary["officials"]) or "—"),
        el("dt", None, "agencies"),
        el("dd", None, ", ".join(summary["agencies"]) or "—"),
    )
    body = el(
        "main",
        None,
        _nav(),
        el(
            "article",
            {"class": "panel dispatch-full"},
            el("h1", None, _segs(detail["segments"]["title"])),
            el("div", {"class": "meta"}, doc.get("source", ""), " · ", doc.get("published", ""), " · ", link),
            tags,
            el("div", {"class": "text"}, _segs(detail["segments"]["text"])),
        ),
    )
    return _html(str(doc.get("title", "dispatch"))[:120], body)


async def story_page(request: web.Request) -> web.Response:
    try:
        story_id = params.story_id(request.match_info["id"])
    except params.InvalidParameter as exc:
        return _html("not found", el("main", None, _nav(), el("p", {"class": "error"}, exc.message)), status=400)

    def gather(backend):
        record = backend.story(story_id)
        if record is None:
            return None, [], []
        alerts = backend.story_alerts(story_id, story_alerts_since(record), STORY_ALERTS_SHOWN)
        return record, backend.story_dispatches(story_id, MEMBERS_SHOWN), alerts

    record, members, alerts = await blocking(request, gather)
    if record is None:
        return _html("not found", el("main", None, _nav(), el("p", {"class": "error"}, "No such story.")), status=404)
    body = el(
        "main",
        None,
        _nav(),
        el(
            "article",
            {"class": "panel story-full", "data-id": record.get("id")},
            el("h1", None, record.get("title") or "(untitled)", " ", _breaking_badge(record)),
            el(
                "div",
                {"class": "meta"},
                story_counts(record),
                " · ",
                _when(record.get("first_seen")),
                " – ",
                _when(record.get("last_update")),
            ),
            _story_details(record),
            el("h2", None, "Growth"),
            el("p", {"class": "detail"}, "Dispatches joining the story per hour of publication."),
            chart.growth_chart(record.get("growth")),
        ),
        el(
            "section",
            {"class": "panel"},
            el("h2", None, "Dispatches"),
            _members_table(record, [story_member(d) for d in members]),
        ),
        el(
            "section",
            {"class": "panel"},
            el("h2", None, "Alerts"),
            _story_alerts_table([alert_view(a) for a in alerts]),
        ),
    )
    return _html(f"story: {str(record.get('title') or story_id)[:120]}", body)


def _story_details(record: dict[str, Any]) -> Markup:
    def listed(key: str, limit: int = 20) -> str:
        return ", ".join(str(v) for v in (record.get(key) or [])[:limit]) or "—"

    rows = [
        ("story", str(record.get("id") or "")),
        ("latest title", str(record.get("latest_title") or "—")),
        ("first seen", _when(record.get("first_seen"))),
        ("last update", _when(record.get("last_update"))),
        ("breaking since", _when(record.get("breaking_at")) or "—"),
        ("sources", listed("source_names", 50)),
        ("languages", listed("languages")),
        ("countries", listed("countries")),
        ("officials", listed("officials")),
        ("agencies", listed("agencies")),
    ]
    return el("dl", {"class": "tags"}, [(el("dt", None, name), el("dd", None, value)) for name, value in rows])


def _members_table(record: dict[str, Any], members: list[dict[str, Any]]) -> Markup:
    if not members:
        return el("p", {"class": "empty"}, "No dispatches stored for this story.")
    headers = ("published", "source", "how", "language", "title", "")
    rows = [
        el(
            "tr",
            {"data-id": m["id"]},
            el("td", {"class": "at"}, _when(m.get("published"))),
            el("td", None, m.get("source") or ""),
            el("td", None, el("span", {"class": f"badge how-{m.get('how') or 'unknown'}"}, m.get("how") or "—")),
            el("td", None, m.get("language") or "—"),
            el(
                "td",
                {"class": "title"},
                el("a", {"href": m["url"], "rel": "noopener noreferrer"}, m.get("title") or "(untitled)")
                if m.get("url")
                else (m.get("title") or "(untitled)"),
            ),
            el("td", None, el("a", {"href": f"/dispatch/{quote(str(m['id']), safe='')}"}, "details")),
        )
        for m in members
    ]
    total = int(record.get("dispatches") or 0)
    note = (
        el("p", {"class": "meta"}, f"The newest {len(members)} of {total} dispatches.")
        if total > len(members)
        else None
    )
    return Markup(
        el(
            "table",
            {"class": "members"},
            el("thead", None, el("tr", None, [el("th", None, h) for h in headers])),
            el("tbody", None, rows),
        )
        + (note or "")
    )


def _story_alerts_table(alerts: list[dict[str, Any]]) -> Markup:
    if not alerts:
        return el("p", {"class": "empty"}, "No alerts fired for this story.")
    rows = []
    for alert in alerts:
        latest = alert.get("latest") or {}
        rows.append(
            el(
                "tr",
                {"data-key": alert["key"]},
                el("td", {"class": "at"}, alert["at"][:19].replace("T", " ")),
                el("td", None, alert["rule"]["name"]),
                el("td", None, alert_reach(alert) or "1 dispatch"),
                el(
                    "td",
                    None,
                    el(
                        "a",
                        {"href": f"/dispatch/{quote(str(latest.get('dispatch_id') or alert['dispatch_id']), safe='')}"},
                        latest.get("title") or alert.get("title") or "(untitled)",
                    ),
                ),
            )
        )
    headers = ("fired", "rule", "covers", "latest dispatch")
    return el(
        "table",
        {"class": "alerts"},
        el("thead", None, el("tr", None, [el("th", None, h) for h in headers])),
        el("tbody", None, rows),
    )


def login_page(error: str | None = None, status: int = 200) -> web.Response:
    form = el(
        "form",
        {"method": "post", "action": "/login", "class": "login"},
        el("label", {"for": "token"}, "Dashboard token"),
        el(
            "input",
            {"type": "password", "id": "token", "name": "token", "autocomplete": "current-password", "required": True},
        ),
        el("button", {"type": "submit"}, "Sign in"),
    )
    body = el(
        "main",
        {"class": "narrow"},
        el("h1", None, "wirewatch"),
        el("p", {"class": "error"}, error) if error else "",
        form,
    )
    return web.Response(
        text=document("wirewatch: sign in", body, scripts=()), status=status, content_type="text/html", charset="utf-8"
    )


def add_routes(app: web.Application) -> None:
    app.router.add_get("/", overview)
    app.router.add_get("/search", search_page)
    app.router.add_get("/dispatch/{id}", dispatch_page)
    app.router.add_get("/stories/{id}", story_page)


__all__ = ["Segment", "add_routes", "login_page"]
