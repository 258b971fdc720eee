"""Where the stories are read from: Elasticsearch when `[elasticsearch] enabled`, else the SQLite store.

Both readers answer `stories(StoryFilter)`, `story(id)` and
`story_dispatches(id, limit)` with the same records (Story.to_record() and tagged documents)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from wirewatch.settings import Settings


@contextmanager
def open_story_reader(settings: Settings) -> Iterator[Any]:
    if settings.elasticsearch.enabled:
        from wirewatch.sinks.elasticsearch.stories import StoriesReader

        reader = StoriesReader(settings.elasticsearch)
        try:
            yield reader
        finally:
            reader.close()
        return
    from wirewatch.sinks.sqlite.store import SQLiteStore

    with SQLiteStore(settings.store.path) as store:
        yield store
