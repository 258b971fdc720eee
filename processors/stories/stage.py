"""The stories stage: places each tagged document in a story and says which stories changed.

The embedded pipeline runs it inside `DispatchProcessor` (one process sees every dispatch); in distributed mode
`wirewatch stories` runs it as a stage of its own over all of `dispatches.clustering` (docs/stories.md says why
one active owner is what makes it correct). Both keep what it reports as changed in their store, and rebuild
it after a restart with `resume`.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import Any

from wirewatch.models import StoryRef
from wirewatch.processors.stories.index import Assignment, Story, StoryIndex, StorySettings
from wirewatch.settings import StoriesSettings


class StoryStage:
    def __init__(self, settings: StoriesSettings | StorySettings | None = None, record_seconds: float = 0.0) -> None:
        if isinstance(settings, StoriesSettings):
            record_seconds = settings.record_seconds
            settings = StorySettings.from_settings(settings)
        self.index = StoryIndex(settings)
        # A changed story's record is written at most every `record_seconds` (a story growing in a burst is one
        # write, not one per dispatch); a new or newly breaking story at once. A record that lags behind is
        # made good from the dispatches' own story snapshots when the index is rebuilt (StoryIndex.restore).
        self.record_seconds = record_seconds
        self._changed: dict[str, tuple[Story, float]] = {}  # story id -> (story, when its first change waits)
        self.breaking: list[str] = []  # stories that became breaking since the last take_changed

    def place(self, doc: dict[str, Any]) -> StoryRef:
        """The story of one tagged document; adds `story` to the document and returns it."""
        known = self.index.story_of(doc["id"])
        if known is not None:
            # the same dispatch again (a redelivery upstream): its story, not a second placing
            ref = known.ref(str((doc.get("story") or {}).get("how") or "duplicate"))
        else:
            placed: Assignment = self.index.add(doc)
            ref = placed.story.ref(placed.how)
            urgent = placed.how == "new" or placed.became_breaking
            waiting = self._changed.get(placed.story.id)
            since = float("-inf") if urgent else (waiting[1] if waiting else time.monotonic())
            self._changed[placed.story.id] = (placed.story, min(since, waiting[1]) if waiting else since)
            if placed.became_breaking:
                self.breaking.append(placed.story.id)
        doc["story"] = ref.to_dict()
        return ref

    def take_changed(self, everything: bool = False) -> list[dict[str, Any]]:
        """The records due of the stories changed since they were last taken (for the store; `everything`: all
        of them, at a stop), and forget those."""
        window = self.index.settings.breaking_window
        due_before = float("inf") if everything else time.monotonic() - self.record_seconds
        records = []
        for story_id, (story, since) in list(self._changed.items()):
            if since <= due_before:
                # a breaking story needs no first times any more; another only those the breaking bar can use
                records.append(story.to_record(story.last_update if story.breaking_at else story.last_update - window))
                del self._changed[story_id]
        self.breaking.clear()
        return records

    def resume(self, open_stories: Iterable[dict[str, Any]], docs: Iterable[dict[str, Any]]) -> int:
        """Rebuild after a restart: the open stories' records, then their stored documents in stored order.
        Returns the number of documents put back."""
        for record in open_stories:
            self.index.load(record)
        restored = 0
        for doc in docs:
            story = doc.get("story") or {}
            if story.get("id") and self.index.restore(doc, story["id"]):
                restored += 1
        for story_id in self.index.resumed():  # records that were behind: written again with the next batch
            if story_id in self.index.stories:
                self._changed[story_id] = (self.index.stories[story_id], float("-inf"))
        return restored

    @property
    def open_stories(self) -> int:
        return len(self.index.stories)
