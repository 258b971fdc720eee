"""Managing feeds like a reader: add (with autodiscovery), OPML import and export with folders as tags, pause,
resume and remove while `wirewatch run` is running, and `wirewatch init`. Real HTTP server on 127.0.0.1, real
CLI, real SQLite store.
"""

from __future__ import annotations

import asyncio
import io
import json
import time
from collections.abc import AsyncIterator
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from aiohttp import web

from wirewatch.app.cli.main import main
from wirewatch.app.components import check_config
from wirewatch.app.runner import run_embedded
from wirewatch.config import load_settings
from wirewatch.sinks.sqlite.store import SQLiteStore


def rss(title: str, items: list[str]) -> str:
    body = "".join(
        f"<item><title>{t}</title><guid>urn:{title}:{i}</guid><description>{t}, in some detail.</description></item>"
        for i, t in enumerate(items)
    )
    return f"<rss version='2.0'><channel><title>{title}</title>{body}</channel></rss>"


@dataclass
class Site:
    base: str = ""
    pages: dict[str, tuple[str, str]] = field(default_factory=dict)  # path -> (content type, body)
    hits: list[str] = field(default_factory=list)


@pytest.fixture
async def site() -> AsyncIterator[Site]:
    state = Site()

    async def handle(request: web.Request) -> web.Response:
        state.hits.append(request.path)
        if request.path not in state.pages:
            return web.Response(status=404)
        content_type, body = state.pages[request.path]
        return web.Response(text=body, content_type=content_type)

    app = web.Application()
    app.router.add_route("GET", "/{tail:.*}", handle)
    runner = web.AppRunner(app, shutdown_timeout=0.1)
    await runner.setup()
    http = web.TCPSite(runner, "127.0.0.1", 0)
    await http.start()
    state.base = f"http://127.0.0.1:{runner.addresses[0][1]}"
    yield state
    await runner.cleanup()


def config_file(tmp_path: Path, feeds: str = "") -> Path:
    config = tmp_path / "wirewatch.toml"
    config.write_text(
        f'[store]\npath = "ww.db"\n[server]\ndashboard = false\n[poller]\nper_host_delay = 0.0\n{feeds}',
        encoding="utf-8",
    )
    return config


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


async def acli(*argv: str) -> tuple[int, str, str]:
    return await asyncio.to_thread(cli, *argv)


def managed(tmp_path: Path) -> dict[str, dict]:
    with SQLiteStore(tmp_path / "ww.db") as store:
        return store.managed_feeds()


async def test_add_finds_a_sites_feeds_and_adds_the_one_picked(tmp_path: Path, site: Site) -> None:
    site.pages["/"] = (
        "text/html",
        "<html><head><link rel='alternate' type='application/rss+xml' title='World desk' href='/world.xml'>"
        "<link rel='alternate' type='application/atom+xml' title='Africa desk' href='/africa.atom'></head></html>",
    )
    site.pages["/world.xml"] = ("application/rss+xml", rss("World desk", ["Talks resume"]))
    config = config_file(tmp_path)
    code, _, err = await acli("--config", str(config), "feeds", "add", site.base + "/")
    assert code == 2 and "--pick" in err and "/world.xml" in err and "/africa.atom" in err  # asks, adds nothing
    assert managed(tmp_path) == {}
    code, _, err = await acli(
        "--config", str(config), "feeds", "add", site.base + "/", "--pick", "1", "--tag", "World", "--fulltext", "never"
    )
    assert code == 0, err
    [(name, definition)] = managed(tmp_path).items()
    assert name == "World desk" and definition["url"] == site.base + "/world.xml"
    assert definition["tags"] == ["world"] and definition["fulltext"] == "never"
    # the same feed again is refused as a duplicate; a feed URL itself is added without asking
    site.pages["/direct.xml"] = ("application/rss+xml", rss("Direct", ["One item"]))
    code, _, err = await acli("--config", str(config), "feeds", "add", site.base + "/world.xml")
    assert "already a feed" in err
    code, _, _ = await acli("--config", str(config), "feeds", "add", site.base + "/direct.xml", "--name", "direct")
    assert code == 0 and set(managed(tmp_path)) == {"World desk", "direct"}


async def test_add_refuses_what_is_no_feed(tmp_path: Path, site: Site) -> None:
    site.pages["/"] = ("text/html", "<html><body>No feeds here.</body></html>")
    config = config_file(tmp_path)
    code, _, err = await acli("--config", str(config), "feeds", "add", site.base + "/")
    assert code == 1 and "no feed found" in err
    code, _, err = await acli("--config", str(config), "feeds", "add", "ftp://example.org/feed")
    assert code == 1 and "not allowed" in err


OPML = """<?xml version="1.0"?>
<opml version="2.0"><head><title>My subscriptions</title></head><body>
  <outline text="Africa" title="Africa">
    <outline type="rss" text="Sahel desk" xmlUrl="https://news.example.org/sahel.xml" category="security"/>
    <outline type="rss" text="Horn &amp; East" xmlUrl="https://news.example.org/horn.xml"/>
  </outline>
  <outline type="rss" text="Markets" xmlUrl="https://news.example.org/markets.xml"/>
  <outline type="rss" text="Broken" xmlUrl="ftp://news.example.org/old.xml"/>
</body></opml>"""


def test_opml_import_keeps_folders_as_tags_and_export_round_trips(tmp_path: Path) -> None:
    config = config_file(tmp_path, '[[feeds]]\nname = "configured"\nurl = "https://news.example.org/world.xml"\n')
    opml = tmp_path / "subs.opml"
    opml.write_text(OPML, encoding="utf-8")
    code, out, err = cli("--config", str(config), "feeds", "import", str(opml))
    assert code == 1  # one refused, the rest imported
    assert "imported 3 feed(s)" in out and "refused" in err and "ftp" in err
    feeds = managed(tmp_path)
    assert feeds["Sahel desk"]["tags"] == ["africa", "security"]
    assert feeds["Horn & East"]["tags"] == ["africa"] and feeds["Markets"]["tags"] == []
    code, out, _ = cli("--config", str(config), "feeds", "import", str(opml))
    assert "imported 0 feed(s); 4 already present" in out or "imported 0 feed(s); 3 already present" in out
    exported = tmp_path / "out.opml"
    assert cli("--config", str(config), "feeds", "export", str(exported))[0] == 0
    again = tmp_path / "again"
    again.mkdir()
    config2 = config_file(again)
    code, out, _ = cli("--config", str(config2), "feeds", "import", str(exported))
    assert "imported 4 feed(s)" in out  # the configured feed and the three imported
    assert managed(again)["Sahel desk"]["tags"] == ["africa", "security"]


async def test_feed_tags_are_usable_in_rules(tmp_path: Path, site: Site) -> None:
    site.pages["/sahel.xml"] = ("application/rss+xml", rss("Sahel", ["Soldiers patrol Gao in northern Mali"]))
    config = config_file(
        tmp_path,
        f'[[feeds]]\nname = "sahel"\nurl = "{site.base}/sahel.xml"\ntags = ["africa"]\nfulltext = "never"\n',
    )
    await run_embedded(load_settings(config), once=True, status_stream=io.StringIO())
    code, out, _ = await acli("--config", str(config), "search", "--json", "feed.tags:africa AND countries.code:ML")
    assert code == 0 and json.loads(out.splitlines()[0])["title"] == "Soldiers patrol Gao in northern Mali"


async def test_feeds_are_added_paused_and_resumed_while_running(tmp_path: Path, site: Site) -> None:
    site.pages["/a.xml"] = ("application/rss+xml", rss("A", ["First from A"]))
    config = config_file(tmp_path)
    settings = load_settings(config)
    stop = asyncio.Event()
    running = asyncio.create_task(run_embedded(settings, status_interval=60, status_stream=io.StringIO(), stop=stop))
    try:
        code, _, err = await acli("--config", str(config), "feeds", "add", site.base + "/a.xml", "--name", "a")
        assert code == 0, err
        await _until(lambda: _titles(tmp_path) == {"First from A"}, "the added feed is polled without a restart")
        assert (await acli("--config", str(config), "feeds", "pause", "a"))[0] == 0
        code, out, _ = await acli("--config", str(config), "feeds", "--json")
        assert json.loads(out)["status"] == "paused"
        await asyncio.sleep(2.5)  # the running pipeline has seen the pause
        polls = site.hits.count("/a.xml")
        site.pages["/a.xml"] = ("application/rss+xml", rss("A", ["First from A", "Second from A"]))
        await asyncio.sleep(0.5)
        assert site.hits.count("/a.xml") == polls  # paused: not polled
        assert (await acli("--config", str(config), "feeds", "resume", "a"))[0] == 0
        await _until(lambda: "Second from A" in _titles(tmp_path), "resumed: polled again at once")
        assert (await acli("--config", str(config), "feeds", "remove", "a"))[0] == 0
        assert managed(tmp_path) == {}
    finally:
        stop.set()
        await running


def test_a_configured_feed_can_be_paused_but_not_removed(tmp_path: Path) -> None:
    config = config_file(tmp_path, '[[feeds]]\nname = "world"\nurl = "https://news.example.org/world.xml"\n')
    code, _, err = cli("--config", str(config), "feeds", "remove", "world")
    assert code == 1 and "remove it there, or pause it" in err
    assert cli("--config", str(config), "feeds", "pause", "world")[0] == 0
    assert managed(tmp_path)["world"]["enabled"] is False
    assert cli("--config", str(config), "feeds", "pause", "nosuch")[0] == 1


def test_init_writes_a_starter_config_that_checks_out(tmp_path: Path) -> None:
    target = tmp_path / "wirewatch.toml"
    code, _, _ = cli("init", str(target))
    assert code == 0 and target.exists()
    settings, problems = check_config(target)
    assert problems == [] and len(settings.feeds) >= 3 and any("coup" in r.query for r in settings.rules)
    assert cli("init", str(target))[0] == 1  # never overwritten by accident


async def _until(condition, what: str, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting: {what}"
        await asyncio.sleep(0.1)


def _titles(tmp_path: Path) -> set[str]:
    with SQLiteStore(tmp_path / "ww.db") as store:
        return {hit.doc["title"] for hit in store.search("*", limit=50)}
