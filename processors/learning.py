"""The learned layer at work in a processor: every tagged dispatch is read for new officials and agencies,
and the tagger is handed the attested ones (processors/tagger/learned.py says what "attested" means).

Both runners use it: the embedded pipeline stores the layer's records in the SQLite store, each stream
worker in the compacted `learned` topic. Either way this object only keeps the layer in memory and the
tagger in step with it; the runner moves `take_pending()` records to storage and `apply()`s records from
it (user decisions, other workers' sightings).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from typing import Any

from wirewatch.models import TaggedDispatch
from wirewatch.processors.tagger.engine import Tagger
from wirewatch.processors.tagger.learned import LearnedLayer, records_to_layer
from wirewatch.settings import TaggerSettings

log = logging.getLogger("wirewatch.processor.learning")

REFRESH_SECONDS = 5.0  # at most one rebuild of the tagger's automaton (~0.1 s) this often


class Learning:
    def __init__(
        self,
        layer: LearnedLayer,
        tagger: Tagger,
        *,
        refresh_seconds: float = REFRESH_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.layer, self.tagger = layer, tagger
        self.refresh_seconds, self.clock = refresh_seconds, clock
        self._shown_version = 0  # a layer at version 0 has never attested anything: the tagger already shows it
        self._refreshed_at = float("-inf")
        self.rebuilds = 0

    @classmethod
    def for_settings(cls, settings: TaggerSettings, tagger: Tagger, writer: str) -> Learning:
        layer = LearnedLayer(
            writer,
            min_dispatches=settings.learn_min_dispatches,
            min_sources=settings.learn_min_sources,
            max_entries=settings.learn_max_entries,
        )
        return cls(layer, tagger)

    def load(self, records: Iterable[tuple[str, dict[str, Any] | None]]) -> None:
        """The stored state at start, this writer's own records included (the tagger follows at the next
        `refresh`, the first of which never waits)."""
        bad = records_to_layer(self.layer, records)
        if bad:
            log.warning("learned layer: %d stored record(s) unreadable, skipped", bad)

    def apply(self, records: Iterable[tuple[str, dict[str, Any] | None]]) -> None:
        """Records written elsewhere since (user decisions, other workers); the tagger follows at the next refresh."""
        for record, value in records:
            try:
                self.layer.apply(record, value)
            except (ValueError, KeyError, TypeError, IndexError) as exc:
                log.warning("learned layer: record %r skipped: %s", record, exc)

    def observe(self, tagged: TaggedDispatch) -> None:
        self.layer.observe(tagged)

    def take_pending(self) -> list[tuple[str, dict[str, Any] | None]]:
        return list(self.layer.take_pending())

    def refresh(self, force: bool = False) -> bool:
        """Hand the tagger the attested entries when they changed (at most every `refresh_seconds`)."""
        now = self.clock()
        if not force and now - self._refreshed_at < self.refresh_seconds:
            return False  # checked first: asking the layer for its version settles its changed entries
        self._refreshed_at = now
        version = self.layer.version
        if version == self._shown_version:
            return False
        taken = self.tagger.use_learned(self.layer.officials(), self.layer.agencies())
        self._shown_version = version
        self.rebuilds += 1
        log.info("learned layer: tagger now knows %d learned official(s) and agency(ies)", taken)
        return True
