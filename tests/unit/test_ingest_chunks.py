"""`wirewatch ingest` accepts in chunks (one inbox transaction each): across chunk boundaries nothing is
lost, repeats are deduplicated within a chunk, across chunks and across runs, bad lines keep their numbers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import wirewatch.app.cli.main
from wirewatch.app.cli.main import main
from wirewatch.sinks.sqlite_store import SQLiteStore


def line(n: int) -> str:
    return json.dumps({"id": f"story-{n}", "title": f"Coup attempt number {n}", "text": f"Soldiers, story {n}."})


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wirewatch.app.cli.main, "INGEST_CHUNK", 2)


def test_chunked_ingest_keeps_every_good_line_once(tmp_path: Path, small_chunks: None, capsys) -> None:
    # Parsed: 1 1 2 3 4 3 5, in chunks [1 1] [2 3] [4 3] [5]: a repeat inside a chunk and one across.
    lines = [line(1), line(1), line(2), "{broken", line(3), line(4), line(3), line(5)]
    jsonl = tmp_path / "batch.jsonl"
    jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "cli.db"
    assert main(["--store", str(db), "ingest", str(jsonl)]) == 1
    err = capsys.readouterr().err
    assert "line 4" in err
    assert "5 ingested, 2 already seen, 1 rejected" in err
    with SQLiteStore(db) as store:
        assert store.pending() == []  # every accepted dispatch was processed
        stored = {row[0] for row in store.conn.execute("SELECT id FROM dispatches")}
        inbox = store.conn.execute("SELECT count(*) FROM inbox WHERE state = 'done'").fetchone()[0]
    assert len(stored) == 5 and inbox == 5
    # The same input again: all of it already seen, across runs.
    assert main(["--store", str(db), "ingest", str(jsonl)]) == 1
    assert "0 ingested, 7 already seen, 1 rejected" in capsys.readouterr().err
