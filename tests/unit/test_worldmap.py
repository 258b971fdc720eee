"""The world map: Natural Earth outlines for every country, shades on a log scale, counts on hover, a link per
country mentioned, and no outline streaking across the map at the antimeridian."""

from __future__ import annotations

import itertools
import re

import pytest

from tests.unit.dashboard_fixtures import fill_store, running_dashboard
from wirewatch.app.dashboard import worldmap


def test_the_outlines_cover_the_countries_of_the_news() -> None:
    data = worldmap.outlines()
    assert len(data["countries"]) >= 170
    for code in ("ML", "NE", "BF", "SD", "US", "FR", "RU", "UA", "FJ", "NZ", "XK"):
        assert data["countries"][code]["d"].startswith("M"), code
    assert "Natural Earth" in data["source"]


@pytest.mark.parametrize("code", ["FJ", "RU", "US", "NZ"])
def test_no_outline_streaks_across_the_map_at_the_antimeridian(code: str) -> None:
    for ring in worldmap.outlines()["countries"][code]["d"].split("M")[1:]:
        xs = [float(point.split(",")[0]) for point in ring.rstrip("Z").split("L")]
        steps = [abs(b - a) for a, b in itertools.pairwise(xs)]
        assert max(steps, default=0) < 300, f"{code}: a ring jumps {max(steps):.0f} of 1000 units"


def test_shades_are_log_spaced_and_every_count_has_one() -> None:
    bounds = worldmap.shade_bounds([1, 10, 1000])
    assert bounds == sorted(bounds) and bounds[-1] == 1000 and len(bounds) == worldmap.SHADES
    assert [worldmap.shade(n, bounds) for n in (0, 1, 1000)] == [0, 1, worldmap.SHADES]
    assert worldmap.shade_bounds([]) == [] and worldmap.shade_bounds([0]) == []


def test_the_map_shows_counts_on_hover_links_mentioned_countries_and_has_a_legend() -> None:
    html = worldmap.render({"ML": 120, "NE": 3, "ZZ": 4})
    mali = re.search(r'<a href="([^"]+)" aria-label="Mali: 120 dispatches"><path d="[^"]+" class="m(\d)"', html)
    assert mali and mali.group(1) == "/country/ML" and mali.group(2) == str(worldmap.SHADES)
    assert "<title>Mali: 120 dispatches</title>" in html and "<title>Niger: 3 dispatches</title>" in html
    assert re.search(r'<path d="[^"]+" class="m0" data-code="FR"><title>France: 0 dispatches', html)  # not linked
    assert "+ 4 in places too small for the map" in html
    assert "<script" not in html and " style=" not in html  # nothing the page's CSP would refuse
    assert "No country mentioned" in worldmap.render({})


async def test_the_overview_draws_the_map_from_the_store(tmp_path) -> None:
    settings = await fill_store(tmp_path)
    async with running_dashboard(settings.store.path) as (url, session):
        async with session.get(f"{url}/?period=all") as response:
            page = await response.text()
    assert '<svg class="worldmap"' in page
    assert re.search(r'aria-label="Turkey: 2 dispatches"', page)


async def test_a_country_page_shows_its_dispatches_officials_and_window(tmp_path) -> None:
    settings = await fill_store(tmp_path)
    async with running_dashboard(settings.store.path) as (url, session):
        async with session.get(f"{url}/country/TR?period=all") as response:
            assert response.status == 200
            page = await response.text()
        async with session.get(f"{url}/country/tr") as lower:
            assert lower.status == 200  # the code in any case
        async with session.get(f"{url}/country/TUR") as bad:
            assert bad.status == 404
        async with session.get(f"{url}/country/TR?period=forever") as bad_period:
            assert bad_period.status == 400
    assert "<h1>Turkey (TR)" in page and "2 dispatches mention it" in page
    assert 'href="/country/TR?period=24h"' in page  # the window is in the URL: shareable
    assert page.count('class="dispatch"') == 2
    assert "<script>" not in page.split("</head>", 1)[1].replace('<script src="/static/app.js"', "")


async def test_the_stats_api_narrows_to_one_countrys_dispatches(tmp_path) -> None:
    settings = await fill_store(tmp_path)
    async with running_dashboard(settings.store.path) as (url, session):
        async with session.get(f"{url}/api/stats/top?kind=countries&period=all&limit=300") as response:
            every = {e["detail"]: e["dispatches"] for e in (await response.json())["entities"]}
        async with session.get(f"{url}/api/stats/top?kind=countries&period=all&country=tr") as response:
            with_turkey = {e["detail"]: e["dispatches"] for e in (await response.json())["entities"]}
        async with session.get(f"{url}/api/stats/top?kind=countries&country=TUR") as response:
            assert response.status == 400
    assert with_turkey["TR"] == every["TR"] and set(with_turkey) <= set(every)
    assert sum(with_turkey.values()) < sum(every.values())  # dispatches without Turkey are left out


async def test_a_search_exports_as_csv_without_formulas_and_as_json_lines(tmp_path) -> None:
    import csv
    import io
    import json

    from wirewatch.app.dashboard.export import csv_cell

    assert [csv_cell(v) for v in ("=HYPERLINK(1)", "+1", "-2", "@x", "Coup", None)] == [
        "'=HYPERLINK(1)", "'+1", "'-2", "'@x", "Coup", "",
    ]  # fmt: skip
    settings = await fill_store(tmp_path)
    async with running_dashboard(settings.store.path) as (url, session):
        async with session.get(f"{url}/search", params={"q": "countries.code:TR"}) as response:
            assert "/search/export?q=countries.code%3ATR&amp;format=csv" in await response.text()
        async with session.get(f"{url}/search/export", params={"q": "countries.code:TR", "format": "csv"}) as response:
            assert response.headers["Content-Type"].startswith("text/csv")
            assert "attachment" in response.headers["Content-Disposition"]
            rows = list(csv.DictReader(io.StringIO(await response.text())))
        async with session.get(
            f"{url}/search/export", params={"q": "countries.code:TR", "format": "jsonl"}
        ) as response:
            docs = [json.loads(line) for line in (await response.text()).splitlines()]
        async with session.get(f"{url}/search/export", params={"q": "countries.code:TR", "format": "xls"}) as response:
            assert response.status == 400
        async with session.get(f"{url}/search/export", params={"q": "(((x"}) as response:
            assert response.status == 400
    assert len(rows) == len(docs) == 2
    assert {row["id"] for row in rows} == {doc["id"] for doc in docs}
    assert all("TR" in row["countries"].split("; ") for row in rows)


async def test_an_officials_page_shows_roles_companions_and_dispatches(tmp_path) -> None:
    from urllib.parse import quote

    settings = await fill_store(tmp_path)
    async with running_dashboard(settings.store.path) as (url, session):
        async with session.get(f"{url}/?period=all") as response:
            overview = await response.text()
        name = "Mevlüt Çavuşoğlu"
        assert f'href="/official/{quote(name, safe="")}"' in overview  # the top tables link to the pages
        async with session.get(f"{url}/official/{quote(name, safe='')}?period=all") as response:
            assert response.status == 200
            page = await response.text()
        async with session.get(f"{url}/agency/IRNA?period=all") as response:
            agency = await response.text()
        async with session.get(f"{url}/official/{quote(name, safe='')}?period=soon") as response:
            assert response.status == 400
    assert f"<h1>{name}" in page and "1 dispatch in this window" in page
    assert "Foreign Minister" in page  # the role the dispatch gives
    assert 'href="/country/TR"' in page  # who and where it appears with
    assert page.count('class="dispatch"') == 1
    assert "<h1>IRNA" in agency and "news_agency" in agency


def test_the_kibana_link_opens_discover_on_the_same_query_and_window() -> None:
    from urllib.parse import unquote

    from wirewatch.app.dashboard.present import kibana_discover

    link = kibana_discover("http://127.0.0.1:5601/", 'officials.name:"O\'Neil" AND coup!', 0, 86400)
    assert link.startswith(
        "http://127.0.0.1:5601/app/discover#/?_a=(dataSource:(dataViewId:'wirewatch-dispatches-view'"
    )
    assert "query:(language:lucene,query:'officials.name:\"O!'Neil\" AND coup!!')" in unquote(link)
    assert "_g=(time:(from:'1970-01-01T00:00:00.000Z',to:'1970-01-02T00:00:00.000Z'))" in link
