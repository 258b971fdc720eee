"""Where the tagger's learned layer is kept for the commands and the dashboard: the SQLite store (embedded mode)
or the compacted `learned` topic (distributed mode). A user's decision is a record of the writer `@user`;
running pipelines and workers pick it up within seconds."""

from __future__ import annotations

import sys
from typing import Any

from wirewatch.processors.tagger.learned import LearnedLayer
from wirewatch.settings import Settings

Records = list[tuple[str, dict[str, Any] | None]]


def read_records(settings: Settings, kafka: bool) -> Records:
    if kafka:
        from wirewatch.processors.stream.learned import read_learned

        return read_learned(settings.kafka)
    from wirewatch.sinks.sqlite.store import SQLiteStore

    if not settings.store.path.exists():
        return []
    with SQLiteStore(settings.store.path) as store:
        records, _ = store.learned_records()
    return list(records)


def write_records(settings: Settings, kafka: bool, records: Records) -> None:
    if kafka:
        from wirewatch.processors.stream.learned import write_learned

        write_learned(settings.kafka, records)
        return
    from wirewatch.sinks.sqlite.store import SQLiteStore

    with SQLiteStore(settings.store.path) as store:
        store.put_learned(records)


def load_layer(settings: Settings, kafka: bool) -> LearnedLayer:
    tagger = settings.tagger
    layer = LearnedLayer(
        "cli",
        min_dispatches=tagger.learn_min_dispatches,
        min_sources=tagger.learn_min_sources,
        max_entries=max(tagger.learn_max_entries, 1),
    )
    for record, value in read_records(settings, kafka):
        try:
            layer.apply(record, value)
        except (ValueError, KeyError, TypeError, IndexError) as exc:
            print(f"wirewatch: learned record {record!r} skipped: {exc}", file=sys.stderr)
    return layer
