"""FeedPoller with the real SQLite inbox: a feed's new entries are accepted in one transaction, durable
before the first is emitted, emitted oldest first, and deduplicated across polls and restarts."""

from __future__ import annotations

import shutil
from pathlib import Path

from wirewatch.metrics import Metrics
from wirewatch.models import Dispatch
from wirewatch.producers.poller import FeedPoller
from wirewatch.settings import FeedConfig, PollerSettings
from wirewatch.sinks.sqlite_store import SQLiteStore

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "feeds"


def file_feed(tmp_path: Path) -> FeedConfig:
    path = tmp_path / "world.xml"
    shutil.copy(FIXTURES / "world-rss.xml", path)
    return FeedConfig(name="world", url=str(path), kind="file")


async def test_a_feeds_new_entries_are_one_inbox_transaction_and_durable_before_emitting(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "w.db") as store:
        emitted: list[Dispatch] = []
        pending_at_emit: list[int] = []

        async def emit(dispatch: Dispatch) -> None:
            pending_at_emit.append(len(store.pending()))
            emitted.append(dispatch)

        poller = FeedPoller([file_feed(tmp_path)], PollerSettings(), store, store, emit)
        statements: list[str] = []
        store.conn.set_trace_callback(statements.append)
        report = await poller.poll_once()
        store.conn.set_trace_callback(None)
        inbox_commits = [s for s in statements if s.strip().upper() == "COMMIT"]
        # One commit for the three entries, one for the feed's state: not one per entry.
        assert len(inbox_commits) == 2, statements
        assert report.new_dispatches == 3
        assert pending_at_emit == [3, 3, 3]  # all accepted before the first went on
        # The fixture lists newest first; the poller emits oldest first.
        assert [d.title for d in emitted] == [
            "Talks resume",
            "Markets steady & calm",
            "Army seizes state TV in attempted coup",
        ]
        assert [d.id for d in store.pending()] == [d.id for d in emitted]


async def test_entries_seen_before_are_not_emitted_again_even_after_a_restart(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    feed = file_feed(tmp_path)
    with SQLiteStore(db) as store:
        first: list[Dispatch] = []

        async def keep(dispatch: Dispatch) -> None:
            first.append(dispatch)

        await FeedPoller([feed], PollerSettings(), store, store, keep).poll_once()
        store.complete(first[0].id)
    # A new process whose feed state is gone (so the feed is read in full again); the inbox is not.
    with SQLiteStore(db) as store, SQLiteStore(tmp_path / "fresh-states.db") as states:
        again: list[Dispatch] = []

        async def keep_again(dispatch: Dispatch) -> None:
            again.append(dispatch)

        metrics = Metrics()
        poller = FeedPoller([feed], PollerSettings(), store, states, keep_again, metrics=metrics)
        report = await poller.poll_once()
        assert report.ok == ["world"]
        assert len(first) == 3 and again == [] and report.new_dispatches == 0
        assert metrics.dispatches_deduplicated._value.get() == 3


async def test_an_emit_failing_mid_feed_leaves_the_rest_pending_for_replay(tmp_path: Path) -> None:
    """Accepted as a batch, so an emit that fails part-way (the pipeline stopping) leaves every entry in the
    inbox's pending list: the next start replays them; none is lost to the dedup ledger."""
    with SQLiteStore(tmp_path / "w.db") as store:
        emitted: list[Dispatch] = []

        async def fail_on_second(dispatch: Dispatch) -> None:
            if emitted:
                raise RuntimeError("pipeline stopped")
            emitted.append(dispatch)

        poller = FeedPoller([file_feed(tmp_path)], PollerSettings(), store, store, fail_on_second)
        report = await poller.poll_once()
        assert "pipeline stopped" in report.failed["world"]
        assert len(emitted) == 1
        pending = store.pending()
        assert len(pending) == 3 and pending[0].id == emitted[0].id
