"""Stories on the dashboard: /api/stories, /api/stories/{id}, the overview's timeline, the story page, and the
alerts list saying what a story's alert covers. Over a real store filled by the real pipeline (tagger, stories
stage, rule matcher), through real HTTP."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

import pytest

from tests.unit.dashboard_fixtures import (
    FLOOD_OUTLETS,
    FLOOD_STORY,
    HOSTILE_STORY_TITLE,
    HOSTILE_TITLE,
    fill_store,
    flood_copies,
    running_dashboard,
    sample_dispatches,
)
from wirewatch.app.dashboard import chart
from wirewatch.app.dashboard.es_backend import ElasticsearchBackend, group_alert_hits
from wirewatch.models import Alert, StoryFilter
from wirewatch.settings import Settings
from wirewatch.sinks.elasticsearch.stories import stories_body


@pytest.fixture
async def store_path(tmp_path):
    """The shared sample (seed and hostile: one story of two sources; Niger alone) and the levee report from
    five outlets (one breaking story)."""
    settings = await fill_store(tmp_path, sample_dispatches() + flood_copies())
    return settings.store.path


async def get_json(session, url, expect=200) -> Any:
    async with session.get(url) as response:
        assert response.status == expect, await response.text()
        assert response.headers["Content-Type"].startswith("application/json")
        return await response.json()


async def get_html(session, url, expect=200) -> str:
    async with session.get(url) as response:
        assert response.status == expect, await response.text()
        assert response.headers["Content-Type"].startswith("text/html")
        assert "default-src 'none'" in response.headers["Content-Security-Policy"]
        assert response.headers["Cache-Control"] == "no-store"
        return await response.text()


def assert_escaped(html: str) -> None:
    """Nothing a feed sent became markup: the only script is the app's own file, no injected element or link."""
    assert re.findall(r"<script[^>]*>", html) == ['<script src="/static/app.js" defer>']
    assert "<img src=x" not in html and "javascript:" not in html


# -- the API ---------------------------------------------------------------------------------------


async def test_stories_are_listed_latest_or_largest_first_with_their_records(store_path):
    async with running_dashboard(store_path) as (url, session):
        latest = await get_json(session, f"{url}/api/stories")
        largest = await get_json(session, f"{url}/api/stories?order=sources&period=all")
        one = await get_json(session, f"{url}/api/stories?limit=1&order=sources")
    assert latest["count"] == 3 and latest["order"] == "last_update" and latest["since"] is None
    updates = [s["last_update"] for s in latest["stories"]]
    assert updates == sorted(updates, reverse=True)
    assert [s["id"] for s in largest["stories"]] == [FLOOD_STORY, "s-seed", "s-niger"]
    assert largest["period"] == "all" and largest["since"]
    assert [s["id"] for s in one["stories"]] == [FLOOD_STORY]

    flood = largest["stories"][0]
    assert flood["title"] == HOSTILE_STORY_TITLE  # JSON carries the text as it came; pages escape it
    assert (flood["dispatches"], flood["sources"]) == (5, 5)
    assert sorted(flood["source_names"]) == sorted(FLOOD_OUTLETS)
    assert flood["breaking"] is True and flood["breaking_at"]
    assert flood["languages"] == ["en"] and "BR" in flood["countries"] and "Ilse Marwick" in flood["officials"]
    assert sum(g["dispatches"] for g in flood["growth"]) == 5
    seed = largest["stories"][1]
    assert (seed["dispatches"], seed["sources"]) == (2, 2) and seed["latest_title"] == HOSTILE_TITLE


async def test_story_filters_breaking_sources_and_time(store_path):
    async with running_dashboard(store_path) as (url, session):
        breaking = await get_json(session, f"{url}/api/stories?breaking=1")
        not_only_breaking = await get_json(session, f"{url}/api/stories?breaking=0")
        two_sources = await get_json(session, f"{url}/api/stories?min_sources=2")
        six_sources = await get_json(session, f"{url}/api/stories?min_sources=6")
        last_day = await get_json(session, f"{url}/api/stories?since=24h")
        last_day_period = await get_json(session, f"{url}/api/stories?period=24h")
        future = await get_json(session, f"{url}/api/stories?since=2999-01-01T00:00:00Z")
    assert [s["id"] for s in breaking["stories"]] == [FLOOD_STORY]
    assert not_only_breaking["count"] == 3
    assert {s["id"] for s in two_sources["stories"]} == {FLOOD_STORY, "s-seed"}
    assert six_sources["count"] == 0
    # Niger's dispatch is two days old; a story's clock is its dispatches' publication time.
    assert {s["id"] for s in last_day["stories"]} == {FLOOD_STORY, "s-seed"}
    assert last_day_period["stories"] == last_day["stories"] and last_day_period["period"] == "24h"
    assert future["count"] == 0


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("limit=0", "limit"),
        ("limit=201", "limit"),
        ("min_sources=-1", "min_sources"),
        ("min_sources=lots", "min_sources"),
        ("order=newest", "order"),
        ("breaking=perhaps", "breaking"),
        ("since=last-tuesday", "since"),
        ("period=5m", "period"),
        ("since=1h&period=7d", "since"),
    ],
)
async def test_story_list_inputs_are_validated(store_path, query, parameter):
    async with running_dashboard(store_path) as (url, session):
        data = await get_json(session, f"{url}/api/stories?{query}", expect=400)
    assert data["error"]["code"] == "invalid_parameter" and data["error"]["parameter"] == parameter


async def test_one_story_with_its_members_and_alerts(store_path):
    async with running_dashboard(store_path) as (url, session):
        flood = await get_json(session, f"{url}/api/stories/{FLOOD_STORY}")
        two = await get_json(session, f"{url}/api/stories/{FLOOD_STORY}?limit=2")
        seed = await get_json(session, f"{url}/api/stories/s-seed")
        missing = await get_json(session, f"{url}/api/stories/s-nothing-here", expect=404)
        bad = await get_json(session, f"{url}/api/stories/a%20b", expect=400)
        too_many = await get_json(session, f"{url}/api/stories/{FLOOD_STORY}?limit=501", expect=400)
    assert flood["id"] == FLOOD_STORY and flood["dispatches"] == 5 and flood["title"] == HOSTILE_STORY_TITLE
    members = flood["members"]
    assert [m["id"] for m in members] == [f"flood-{n}" for n in range(4, -1, -1)]  # newest published first
    assert [m["how"] for m in members][-1] == "new" and {m["how"] for m in members[:-1]} <= {"duplicate", "event"}
    assert {m["language"] for m in members} == {"en"}
    by_id = {m["id"]: m for m in members}
    assert by_id["flood-1"]["url"] is None  # a javascript: link is never passed on
    assert by_id["flood-2"]["url"] == "https://river-post.example/levee"
    assert by_id["flood-0"]["title"] == HOSTILE_STORY_TITLE and by_id["flood-0"]["title_segments"]
    assert [m["id"] for m in two["members"]] == ["flood-4", "flood-3"] and two["dispatches"] == 5
    assert flood["alerts"] == []  # no rule speaks of floods

    # The seed story fired both coup rules once each, grouped: two dispatches from two sources.
    assert {a["rule"]["name"] for a in seed["alerts"]} == {"coup", "coup in Turkey"}
    for alert in seed["alerts"]:
        assert alert["story_id"] == "s-seed" and alert["hits"] == 2
        assert sorted(alert["sources"]) == ["evil-feed", "wire"]
        assert alert["latest"]["dispatch_id"] == "hostile" and alert["latest"]["url"] is None

    assert missing == {"error": {"code": "not_found", "message": "no story with id s-nothing-here"}}
    assert bad["error"]["parameter"] == "id" and too_many["error"]["parameter"] == "limit"


async def test_alerts_api_passes_no_javascript_link_in_a_grouped_alert(store_path):
    async with running_dashboard(store_path) as (url, session):
        data = await get_json(session, f"{url}/api/alerts")
    grouped = [a for a in data["alerts"] if a["story_id"] == "s-seed"]
    assert len(grouped) == 2 and all(a["hits"] == 2 and a["latest"]["url"] is None for a in grouped)


async def test_openapi_describes_the_story_endpoints(store_path):
    async with running_dashboard(store_path) as (url, session):
        spec = await get_json(session, f"{url}/api/openapi.json")
    listing = spec["paths"]["/api/stories"]["get"]
    assert {p["name"] for p in listing["parameters"]} == {
        "since",
        "period",
        "breaking",
        "min_sources",
        "order",
        "limit",
    }
    one = spec["paths"]["/api/stories/{id}"]["get"]
    assert {"200", "400", "404"} <= one["responses"].keys()
    assert any(p["name"] == "id" and p["in"] == "path" for p in one["parameters"])


# -- the pages -------------------------------------------------------------------------------------


async def test_the_overview_shows_a_stories_timeline_with_growth_and_escaped_titles(store_path):
    async with running_dashboard(store_path) as (url, session):
        html = await get_html(session, f"{url}/?period=7d")
        largest = await get_html(session, f"{url}/?period=all&order=sources")
        await get_html(session, f"{url}/?order=oldest", expect=400)
    assert_escaped(html)
    section = html[html.index('id="stories"') : html.index("Mentions per country")]
    items = re.findall(r'<li class="story" data-id="([^"]+)"', section)
    assert set(items) == {FLOOD_STORY, "s-seed", "s-niger"}
    assert "&lt;script&gt;window.__pwned = 3&lt;/script&gt; Levee gives way" in section  # shown as text
    assert f'href="/stories/{FLOOD_STORY}"' in section and 'href="/stories/s-seed"' in section
    assert section.count('class="badge breaking"') == 1  # the levee story only
    assert "5 dispatches · 5 sources" in section and "1 dispatch · 1 source" in section
    assert section.count('<svg viewBox="0 0 120 22"') == 3 and '<rect x="0.0"' in section  # growth bars
    assert "in the hour from" in section  # each bar says what it counts
    largest_items = re.findall(r'<li class="story" data-id="([^"]+)"', largest)
    assert largest_items[0] == FLOOD_STORY
    assert '<a href="/?period=all&amp;order=sources" class="current">largest</a>' in largest
    assert '<a href="/?period=24h&amp;order=sources">24h</a>' in largest  # the window picker keeps the order


async def test_the_alerts_list_says_what_a_story_alert_covers_and_links_the_story(store_path):
    async with running_dashboard(store_path) as (url, session):
        html = await get_html(session, f"{url}/")
    rows = re.findall(r'<tr data-key="([^"]+)" data-hits="(\d+)">(.*?)</tr>', html[html.index('id="alerts"') :])
    seed_rows = [row for key, hits, row in rows if key.endswith(":s-seed") and hits == "2"]
    assert len(seed_rows) == 2
    niger = [row for key, _, row in rows if key == "coup:s-niger"]
    assert niger and '<a href="/stories/s-niger">1 dispatch · 1 source</a>' in niger[0]
    for row in seed_rows:
        assert '<a href="/stories/s-seed">2 dispatches · 2 sources</a>' in row
        assert '<a href="/dispatch/seed">' in row  # the dispatch that fired it stays one click away


async def test_the_story_page_shows_the_record_growth_members_and_alerts(store_path):
    async with running_dashboard(store_path) as (url, session):
        flood = await get_html(session, f"{url}/stories/{FLOOD_STORY}")
        seed = await get_html(session, f"{url}/stories/s-seed")
        missing = await get_html(session, f"{url}/stories/s-nothing-here", expect=404)
        bad = await get_html(session, f"{url}/stories/a%20b", expect=400)
    for html in (flood, seed):
        assert_escaped(html)
    assert "&lt;script&gt;window.__pwned = 3&lt;/script&gt; Levee gives way at &lt;img src=x" in flood
    assert 'class="badge breaking"' in flood and "breaking since" in flood
    assert 'class="chart growth"' in flood and flood.count('class="bar"') >= 1
    members = re.findall(r'<tr data-id="([^"]+)">(.*?)</tr>', flood)
    assert [m for m, _ in members] == [f"flood-{n}" for n in range(4, -1, -1)]
    cells = dict(members)
    assert '<a href="https://river-post.example/levee" rel="noopener noreferrer">' in cells["flood-2"]
    assert "<a href" not in cells["flood-1"].split('class="title"')[1].split("</td>")[0]  # javascript: stays text
    assert "harbour-gazette" in cells["flood-0"] and ">new<" in cells["flood-0"] and ">en<" in cells["flood-0"]
    assert '<a href="/dispatch/flood-3">details</a>' in cells["flood-3"]
    assert "No alerts fired for this story." in flood
    # The seed story: its latest title is the hostile one, its two alerts cover both dispatches.
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in seed
    alert_rows = re.findall(r'<tr data-key="([^"]+)">(.*?)</tr>', seed)
    assert {key for key, _ in alert_rows} == {"coup:s-seed", "coup-in-turkey:s-seed"}
    assert all("2 dispatches · 2 sources" in row for _, row in alert_rows)
    assert "No such story." in missing and "not a story id" in bad


# -- the growth chart ------------------------------------------------------------------------------


def test_growth_bars_zero_fill_the_quiet_hours():
    growth = [
        {"hour": "2026-03-01T06:00:00Z", "dispatches": 2},
        {"hour": "2026-03-01T09:00:00Z", "dispatches": 5},
    ]
    starts, step, values = chart.growth_bars(growth, 48)
    assert step == 3600 and values == [2, 0, 0, 5]
    assert starts[0] == datetime(2026, 3, 1, 6, tzinfo=UTC).timestamp()


def test_a_long_story_is_drawn_in_wider_bars_and_bad_entries_are_skipped():
    growth: list[Any] = [
        {"hour": f"2026-03-{day:02d}T{hour:02d}:00:00Z", "dispatches": 1} for day in (1, 4) for hour in (0, 12)
    ]
    growth += [{"hour": "not a time", "dispatches": 9}, {"dispatches": 3}, "junk", {"hour": "2026-03-02T00:00:00Z"}]
    starts, step, values = chart.growth_bars(growth, 48)
    assert len(values) <= 48 and step == 2 * 3600
    assert sum(values) == 4 and len(starts) == len(values)
    _, year_step, year_values = chart.growth_bars(
        [{"hour": "2025-01-01T00:00:00Z", "dispatches": 1}, {"hour": "2026-01-01T00:00:00Z", "dispatches": 2}], 48
    )
    assert len(year_values) <= 48 and year_step % 86400 == 0 and sum(year_values) == 3


def test_no_growth_draws_no_spark_and_says_so_on_the_page():
    assert chart.spark([]) == "" and chart.spark(None) == ""
    assert "No growth recorded." in chart.growth_chart([])


# -- the Elasticsearch backend's stories, without a node ------------------------------------------


class RecordingClient:
    """Answers every search with the given hits and remembers what it was asked."""

    def __init__(self, hits: list[dict[str, Any]]) -> None:
        self.hits = hits
        self.searches: list[dict[str, Any]] = []

    def search(self, **kwargs: Any) -> SimpleNamespace:
        self.searches.append(kwargs)
        return SimpleNamespace(body={"hits": {"hits": self.hits}})

    def close(self) -> None:
        pass


def test_the_elasticsearch_backend_asks_the_stories_reader_query():
    client = RecordingClient([{"_source": {"id": "s-1"}}])
    backend = ElasticsearchBackend(Settings(), client=client)  # type: ignore[arg-type]
    wanted = StoryFilter(datetime(2026, 3, 1, tzinfo=UTC), 7, breaking=True, min_sources=3, order="sources")
    assert backend.stories(wanted) == [{"id": "s-1"}]
    asked = client.searches[-1]
    expected = stories_body(wanted)
    assert asked["index"] == "wirewatch-stories" and asked["query"] == expected["query"]
    assert asked["sort"] == expected["sort"] and asked["size"] == 7
    backend.story_dispatches("s-1", 10)
    assert client.searches[-1]["query"] == {"term": {"story.id": "s-1"}}


def _hit(dispatch: str, source: str, minute: int, **extra: Any) -> Alert:
    return Alert(
        rule_id="levee",
        rule_name="levee",
        rule_query="levee",
        dispatch_id=dispatch,
        matched=["levee"],
        at=datetime(2026, 3, 1, 6, minute, tzinfo=UTC),
        title=f"Levee report {dispatch}",
        url=f"https://{source}.example/{dispatch}",
        source=source,
        countries=["BR"],
        story_id="s-a",
        group_by="story",
        sources=[source],
        **extra,
    )


def test_alert_documents_of_one_story_add_up_to_one_alert_as_in_sqlite():
    hits = [_hit("c", "river-post", 9), _hit("a", "harbour-gazette", 1), _hit("b", "river-post", 5)]
    lone = Alert(
        rule_id="levee",
        rule_name="levee",
        rule_query="levee",
        dispatch_id="z",
        matched=["levee"],
        at=datetime(2026, 3, 1, 7, tzinfo=UTC),
        story_id="s-a",
        group_by="dispatch",
    )
    grouped = group_alert_hits([*hits, lone])
    assert [a.key for a in grouped] == ["levee:z", "levee:s-a"]  # the latest first
    story_alert = grouped[1]
    assert story_alert.dispatch_id == "a" and story_alert.hits == 3
    assert story_alert.sources == ["harbour-gazette", "river-post"]
    assert story_alert.latest is not None and story_alert.latest["dispatch_id"] == "c"
    assert story_alert.updated_at == datetime(2026, 3, 1, 6, 9, tzinfo=UTC)
    assert hits[1].hits == 1 and hits[1].sources == ["harbour-gazette"]  # the documents read are not changed
    # A document that is already the whole alert (one per key) stays as it is.
    whole = _hit("a", "harbour-gazette", 1, hits=4)
    assert group_alert_hits([whole])[0].hits == 4
