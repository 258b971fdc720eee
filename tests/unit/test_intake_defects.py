"""Defects found by running wirewatch over a corpus of unusual feeds (issue 15), one test (or more) each.

Feeds are served by a real local HTTP server; `wirewatch run --once` and `wirewatch feeds` run
through the real CLI entry point against a real SQLite store.
"""

from __future__ import annotations

import io
import json
from collections.abc import AsyncIterator
from contextlib import redirect_stdout
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from wirewatch.app.cli.main import main
from wirewatch.app.runner import run_embedded
from wirewatch.models import dispatch_id
from wirewatch.producers.ingest import parse_ingest
from wirewatch.producers.normalise import make_dispatch
from wirewatch.producers.parse import parse_feed
from wirewatch.settings import FeedConfig, Settings, StoreSettings
from wirewatch.sinks.sqlite.store import SQLiteStore

# Short dispatches in each legacy encoding, written for these tests; none of the documents declares
# its encoding, and the server sends no charset: only an encoding detector can read them.
LEGACY = {
    "koi8-r": ("Военные объявили о роспуске правительства", "Командование армии заявило, что министры отстранены."),
    "shift_jis": ("首相が新しい内閣を発表", "政府は本日、外務大臣と防衛大臣を含む新しい閣僚の名簿を公表した。"),
    "euc-jp": (
        "選挙管理委員会が結果を公表",
        "選挙管理委員会は投票率が前回より高かったと発表し、開票作業は深夜まで続いた。",
    ),
    "euc-kr": (
        "국방부 장관이 국회에 출석했다",
        "국방부 장관은 국경 지역의 군사 훈련 계획에 대해 의원들의 질문에 답변했다.",
    ),
    "gb2312": ("外交部发言人回应记者提问", "外交部发言人在例行记者会上表示，双方将继续就边境问题进行磋商。"),
    "windows-1255": ("שר הביטחון נפגש עם ראשי הצבא", "שר הביטחון קיים היום פגישה עם מפקדי הצבא כדי לדון במצב בגבול."),
    "tis-620": ("นายกรัฐมนตรีประกาศมาตรการใหม่", "รัฐบาลประกาศมาตรการควบคุมชายแดนและกองทัพได้รับคำสั่งให้เฝ้าระวังสถานการณ์"),
}


NOW = datetime(2026, 12, 5, 8, 0, tzinfo=UTC)


def rss(items: str, channel_title: str = "Test wire") -> str:
    return f"<rss version='2.0'><channel><title>{channel_title}</title>{items}</channel></rss>"


@pytest.fixture
async def site() -> AsyncIterator[dict[str, Any]]:
    """A real HTTP server on 127.0.0.1: tests put (body, headers) under a path; "" holds its base URL."""
    pages: dict[str, Any] = {}

    async def handle(request: web.Request) -> web.Response:
        if request.path not in pages:
            return web.Response(status=404)
        body, headers = pages[request.path]
        return web.Response(body=body, headers=headers)

    app = web.Application()
    app.router.add_route("GET", "/{tail:.*}", handle)
    runner = web.AppRunner(app, shutdown_timeout=0.1)
    await runner.setup()
    http = web.TCPSite(runner, "127.0.0.1", 0)
    await http.start()
    pages[""] = f"http://127.0.0.1:{runner.addresses[0][1]}"
    yield pages
    await runner.cleanup()


def settings_with(tmp_path: Path, base: str, *paths: str) -> Settings:
    settings = Settings(store=StoreSettings(path=tmp_path / "ww.db"))
    settings.feeds = [FeedConfig(name=path.strip("/"), url=f"{base}{path}", interval=3600) for path in paths]
    settings.server.dashboard = False
    return settings


def stored(tmp_path: Path) -> dict[str, dict]:
    with SQLiteStore(tmp_path / "ww.db") as store:
        return {hit.doc["title"]: hit.doc for hit in store.search("*", limit=100)}


# 1. legacy encodings without a declaration


@pytest.mark.parametrize("encoding", sorted(LEGACY))
async def test_undeclared_legacy_encodings_are_detected(tmp_path: Path, site: dict, encoding: str) -> None:
    title, text = LEGACY[encoding]
    body = rss(f"<item><title>{title}</title><description>{text}</description><guid>urn:t:{encoding}</guid></item>")
    site["/legacy"] = (body.encode(encoding), {"Content-Type": "application/rss+xml"})  # no charset
    counters = await run_embedded(settings_with(tmp_path, site[""], "/legacy"), once=True, status_stream=io.StringIO())
    assert counters.processed == 1
    [dispatch] = stored(tmp_path).values()
    assert dispatch["title"] == title and dispatch["text"] == text


# 2 and 3. ids from the guid as given; the link stored as given


def test_guids_differing_only_by_fragment_are_two_dispatches() -> None:
    parsed = parse_feed(
        rss(
            "<item><title>Live: post 1</title><guid>https://news.example.org/live/summit#post-1</guid></item>"
            "<item><title>Live: post 2</title><guid>https://news.example.org/live/summit#post-2</guid></item>"
        ).encode()
    )
    ids = {make_dispatch(entry, source="live", fetched=NOW).id for entry in parsed.entries}
    assert len(ids) == 2
    # without a fragment the permalink guid still gives the canonical URL's id (the same story in two feeds)
    [plain] = parse_feed(
        rss("<item><title>x</title><guid>https://News.example.org/live/summit?utm_source=a</guid></item>").encode()
    ).entries
    assert make_dispatch(plain, source="a", fetched=NOW).id == dispatch_id("https://news.example.org/live/summit")


def test_the_link_is_stored_as_given_and_the_canonical_form_only_identifies() -> None:
    [entry] = parse_feed(
        rss("<item><title>Query item</title><link>https://news.example.org/story?item#top</link></item>").encode()
    ).entries
    dispatch = make_dispatch(entry, source="a", fetched=NOW)
    assert dispatch.url == "https://news.example.org/story?item#top"
    assert dispatch.id == dispatch_id("https://news.example.org/story?item=")
    [pushed], _ = parse_ingest(json.dumps({"title": "t", "url": "https://news.example.org/story?item#top"}))
    assert pushed.url == dispatch.url and pushed.id == dispatch.id  # the same story pushed and polled: one id


# 4. a relative Content-Location


async def test_relative_content_location_resolves_item_links(tmp_path: Path, site: dict) -> None:
    body = rss("<item><title>Relative link</title><link>story-7.html</link><guid>urn:t:rel</guid></item>")
    site["/feeds/world.xml"] = (
        body.encode(),
        {"Content-Type": "application/rss+xml", "Content-Location": "/archive/world.xml"},
    )
    await run_embedded(settings_with(tmp_path, site[""], "/feeds/world.xml"), once=True, status_stream=io.StringIO())
    assert stored(tmp_path)["Relative link"]["url"] == f"{site['']}/archive/story-7.html"


# 5. no items and an undefined entity: ok, with a warning


async def test_itemless_feed_with_an_undefined_entity_is_ok_with_a_warning(tmp_path: Path, site: dict) -> None:
    site["/quiet"] = (rss("", channel_title="Quiet &unknown; desk").encode(), {"Content-Type": "application/rss+xml"})
    settings = settings_with(tmp_path, site[""], "/quiet")
    counters = await run_embedded(settings, once=True, status_stream=io.StringIO())
    assert counters.feeds_failed == {}
    with SQLiteStore(settings.store.path) as store:
        state = store.load_feed_states()["quiet"]
    assert state["status"] == "ok" and state["consecutive_failures"] == 0
    assert "undefined entity" in state["last_warning"]


def test_a_syntax_error_without_items_still_fails() -> None:
    with pytest.raises(Exception, match="not a valid feed"):
        parse_feed(b"<rss version='2.0'><channel><title>Broken <b>unclosed</title> <<< </channel></rss>")


# 6 and 8. `wirewatch feeds` shows the status and the skipped entries, in the table and in JSON


async def test_feeds_command_shows_status_and_skipped_entries(tmp_path: Path, site: dict) -> None:
    body = rss("<item><title>Kept</title><guid>urn:t:kept</guid></item><item><guid>urn:t:empty</guid></item>")
    site["/mixed"] = (body.encode(), {"Content-Type": "application/rss+xml"})
    await run_embedded(settings_with(tmp_path, site[""], "/mixed"), once=True, status_stream=io.StringIO())
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["--store", str(tmp_path / "ww.db"), "feeds", "--json"]) == 0
    [row] = [json.loads(line) for line in out.getvalue().splitlines()]
    assert row["name"] == "mixed" and row["status"] == "ok"
    assert row["entries_skipped"] == 1 and row["dispatches_new"] == 1
    assert row["new_by_day"] == {datetime.now(UTC).date().isoformat(): 1}  # the feed's daily history
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["--store", str(tmp_path / "ww.db"), "feeds"]) == 0
    header, _, line = out.getvalue().splitlines()[:3]
    assert "status" in header and "skipped" in header and "new 7d" in header
    assert line.split()[:2] == ["mixed", "ok"]


# 7. `run --once` tells a cron job that feeds failed


def test_run_once_exits_3_when_a_feed_failed(tmp_path: Path) -> None:
    good = tmp_path / "good.xml"
    good.write_text(rss("<item><title>Fine</title><guid>urn:t:fine</guid></item>"), encoding="utf-8")
    config = tmp_path / "wirewatch.toml"
    config.write_text(
        f'[store]\npath = "{tmp_path / "ww.db"}"\n[server]\ndashboard = false\n'
        f'[[feeds]]\nname = "good"\nkind = "file"\nurl = "{good}"\n'
        f'[[feeds]]\nname = "gone"\nkind = "file"\nurl = "{tmp_path / "missing.xml"}"\n',
        encoding="utf-8",
    )
    assert main(["--config", str(config), "run", "--once"]) == 3
    (tmp_path / "missing.xml").write_text(good.read_text(), encoding="utf-8")
    assert main(["--config", str(config), "run", "--once"]) == 0


# 9. the status line counts the poller's duplicates


async def test_status_line_counts_duplicates_found_by_the_poller(tmp_path: Path, site: dict) -> None:
    site["/dup"] = (rss("<item><title>Once</title><guid>urn:t:once</guid></item>").encode(), {})
    settings = settings_with(tmp_path, site[""], "/dup")
    await run_embedded(settings, once=True, status_stream=io.StringIO())
    stream = io.StringIO()
    await run_embedded(settings, once=True, status_stream=stream)  # the same item again: a duplicate
    assert "1 dup" in stream.getvalue()


# 10. titles on one line


def test_titles_lose_their_line_breaks() -> None:
    [entry] = parse_feed(rss("<item><title>Army seizes\n   state TV\r\nin the capital</title></item>").encode()).entries
    assert make_dispatch(entry, source="a", fetched=NOW).title == "Army seizes state TV in the capital"


# 11. JSON Feed 1.0 and 1.1


@pytest.mark.parametrize("version", ["1", "1.1"])
async def test_json_feed_is_read(tmp_path: Path, site: dict, version: str) -> None:
    author = {"authors": [{"name": "Desk A"}]} if version == "1.1" else {"author": {"name": "Desk A"}}
    feed = {
        "version": f"https://jsonfeed.org/version/{version}",
        "title": "JSON wire",
        "items": [
            {
                "id": 1,
                "url": "/world/junta-sets-date",
                "title": "Junta sets an election date",
                "content_text": "The military council in Niamey said a vote would follow in two years.",
                "date_published": "2026-11-30T09:15:00+01:00",
                **author,
            },
            {"id": "2", "content_html": "<p>A title-less note about the border.</p>"},
        ],
    }
    site["/feed.json"] = (json.dumps(feed).encode(), {"Content-Type": "application/feed+json"})
    settings = settings_with(tmp_path, site[""], "/feed.json")
    counters = await run_embedded(settings, once=True, status_stream=io.StringIO())
    assert counters.feeds_failed == {} and counters.processed == 2
    docs = stored(tmp_path)
    junta = docs["Junta sets an election date"]
    assert junta["url"] == f"{site['']}/world/junta-sets-date"
    assert junta["published"] == "2026-11-30T08:15:00Z"
    assert "NE" in [c["code"] for c in junta["countries"]]  # Niamey, tagged like any dispatch
    assert "A title-less note about the border." in docs


# 12. deeply nested JSON in `wirewatch ingest`


def test_deeply_nested_json_is_refused_with_a_reason() -> None:
    nested = "[" * 100_000 + "]" * 100_000
    dispatches, problems = parse_ingest(nested)
    assert dispatches == []
    assert problems and "nested too deeply" in str(problems[0])
    lines = json.dumps({"title": "fine", "text": "kept"}) + "\n" + '{"a":' * 50_000 + "1" + "}" * 50_000
    dispatches, problems = parse_ingest(lines)
    assert [d.title for d in dispatches] == ["fine"]
    assert [p.line for p in problems] == [2] and "nested too deeply" in problems[0].message
