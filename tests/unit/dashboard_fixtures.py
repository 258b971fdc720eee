"""Shared by the dashboard tests: a real store filled by the real pipeline, and a running app."""

from __future__ import annotations

import io
from contextlib import asynccontextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

import aiohttp

from wirewatch.app.dashboard import AccessPolicy, DashboardServer, SQLiteBackend, create_app
from wirewatch.app.runner import EmbeddedPipeline
from wirewatch.config import settings_from_dict
from wirewatch.events import EventBus
from wirewatch.metrics import Metrics
from wirewatch.models import Dispatch, utcnow

SEED_TXT = Path(__file__).resolve().parents[1] / "fixtures" / "seed-dispatch.txt"
HOSTILE_TITLE = '<script>window.__pwned = 1</script> Coup rumours in <img src=x onerror="window.__pwned=2">Ankara'
HOSTILE_TEXT = 'Officers in Turkey deny a coup. <b onmouseover="alert(1)">bold</b> <script>alert("x")</script>'
# Stories: one report carried by five outlets within the hour (a breaking story), the first with a hostile title.
HOSTILE_STORY_TITLE = "<script>window.__pwned = 3</script> Levee gives way at <img src=x onerror=alert(4)>Porto Alegre"
FLOOD_OUTLETS = ("harbour-gazette", "northern-ledger", "river-post", "valley-courier", "coast-bulletin")
FLOOD_STORY = "s-flood-0"  # a story's id is "s-" + the id of the dispatch that opened it
FLOOD_TEXT = (
    "Floodwaters broke through a levee on the edge of Porto Alegre, Brazil, before dawn on Tuesday, forcing "
    "several thousand residents from their homes in the low-lying districts along the river. The city's civil "
    "defence chief, Ilse Marwick, said rescue boats had reached most of the stranded families by midday and that "
    "two shelters had been opened in school buildings. Rain is expected to continue for another two days, "
    "and engineers were working to close the breach with sandbags and gravel before the next high water."
)


def pipeline_settings(tmp_path: Path, extra_rules: list[dict[str, Any]] | None = None):
    settings, problems = settings_from_dict(
        {
            "store": {"path": str(tmp_path / "dash.db")},
            "rules": [
                {"name": "coup", "query": "coup"},
                {"name": "coup in Turkey", "query": "coup AND countries.code:TR"},
                *(extra_rules or []),
            ],
        }
    )
    assert problems == []
    return settings


def sample_dispatches() -> list[Dispatch]:
    now = utcnow()
    seed = SEED_TXT.read_text(encoding="utf-8")
    title, _, body = seed.partition("\n")
    return [
        Dispatch(
            id="seed",
            source="wire",
            title=title.strip(),
            text=body.strip(),
            published=now - timedelta(hours=3),
            fetched=now,
            url="https://example.org/seed",
        ),
        Dispatch(
            id="hostile",
            source="evil-feed",
            title=HOSTILE_TITLE,
            text=HOSTILE_TEXT,
            published=now - timedelta(hours=2),
            fetched=now,
            url="javascript:alert(document.cookie)",
        ),
        Dispatch(
            id="niger",
            source="wire",
            title="Soldiers seize power in Niger",
            text="Soldiers in Niger said they had removed President Mohamed Bazoum; ECOWAS condemned the coup.",
            published=now - timedelta(days=2),
            fetched=now,
        ),
    ]


def flood_copies() -> list[Dispatch]:
    """The same levee report from five invented outlets, eight minutes apart, five hours ago: one story, five
    sources, breaking at the fifth. The second copy's link is a javascript: URL."""
    start = utcnow() - timedelta(hours=5)
    copies = []
    for n, outlet in enumerate(FLOOD_OUTLETS):
        at = start + timedelta(minutes=8 * n)
        copies.append(
            Dispatch(
                id=f"flood-{n}",
                source=outlet,
                title=HOSTILE_STORY_TITLE if n == 0 else f"Levee breaks in Porto Alegre, thousands leave ({outlet})",
                text=f"PORTO ALEGRE ({outlet}) - {FLOOD_TEXT}\nWritten by the {outlet} desk",
                published=at,
                fetched=at,
                url="javascript:alert(5)" if n == 1 else f"https://{outlet}.example/levee",
                language="en",
            )
        )
    return copies


async def fill_store(tmp_path: Path, dispatches: list[Dispatch] | None = None):
    settings = pipeline_settings(tmp_path)
    pipeline = EmbeddedPipeline.from_settings(settings, console_stream=io.StringIO())
    try:
        for dispatch in dispatches if dispatches is not None else sample_dispatches():
            await pipeline.accept(dispatch)
        batch = [pipeline.queue.get_nowait() for _ in range(pipeline.queue.qsize())]
        pipeline.process_batch(batch)
        for _ in batch:
            pipeline.queue.task_done()
    finally:
        await pipeline.close()
    return settings


@asynccontextmanager
async def running_dashboard(
    store_path: Path,
    *,
    configured_bind: str = "127.0.0.1",
    token: str | None = None,
    bus: EventBus | None = None,
    metrics: Metrics | None = None,
):
    """Always listens on 127.0.0.1; ``configured_bind`` is the address the access policy is told it serves
    (tests exercise the off-loopback rules without ever listening off-loopback)."""
    backend = SQLiteBackend(store_path)
    app = create_app(backend, bus=bus, metrics=metrics, policy=AccessPolicy(bind=configured_bind, token=token))
    server = DashboardServer(app, "127.0.0.1", 0)
    url = await server.start()
    try:
        async with aiohttp.ClientSession() as session:
            yield url, session
    finally:
        await server.stop()
        backend.close()
