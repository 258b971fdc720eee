"""The stories stage: places each tagged document in a story and says which stories changed.

The embedded pipeline runs it inside `DispatchProcessor` (one process sees every dispatch); in distributed mode
`wirewatch stories` runs it as a stage of its own over all of `dispatches.clustering` (docs/stories.md says why
one active owner is what makes it correct). Both keep what it reports as changed in their store, and rebuild
it after a restart with `resume`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from wirewatch.models import StoryRef
from wirewatch.processors.stories.index import Assignment, Story, StoryIndex, StorySettings
from wirewatch.settings import StoriesSettings


class StoryStage:
    def __init__(self, settings: StoriesSettings | StorySettings | None = None) -> None:
        if isinstance(settings, StoriesSettings):
            settings = StorySettings.from_settings(settings)
        self.index = StoryIndex(settings)
        self._changed: dict[str, Story] = {}
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
            self._changed[placed.story.id] = placed.story
            if placed.became_breaking:
                self.breaking.append(placed.story.id)
        doc["story"] = ref.to_dict()
        return ref

    def take_changed(self) -> list[dict[str, Any]]:
        """The records of the stories changed since the last call (for the store), and forget them."""
        window = self.index.settings.breaking_window
        records = [
            # a breaking story needs no first times any more; another only those the breaking bar can still use
            story.to_record(story.last_update if story.breaking_at else story.last_update - window)
            for story in self._changed.values()
        ]
        self._changed.clear()
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
        return restored

    @property
    def open_stories(self) -> int:
        return len(self.index.stories)
