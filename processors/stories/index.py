"""StoryIndex: every tagged dispatch joins a story, in the order the dispatches arrive.

    1. near-duplicate: a copy (MinHash Jaccard ≥ `dup_threshold`) of a dispatch of an open story joins it;
    2. same event: else the open story, updated within `gap`, whose features cover the dispatch's best
       (weighted share of the dispatch's features the story has, ≥ `event_threshold`; at least two shared
       features, one an entity; across languages the entities alone decide, with a stricter bar);
    3. else a new story.

Boilerplate-only texts ("Click here to read more") have no fingerprint and few features, so they join by
their title's entities or not at all: they never glue two stories together, because a dispatch joins one
story and stories never merge. Stories not updated for `horizon` close: they leave the index, and memory
stays bounded by what arrived within the horizon.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from rensa import RMinHash

from wirewatch.models import parse_time
from wirewatch.processors.stories.features import FeatureWeights, features, is_entity
from wirewatch.processors.stories.fingerprint import bands, minhash


@dataclass
class StorySettings:
    dup_threshold: float = 0.5
    # The share of the dispatch's weighted features the story must have: lenient for a dispatch hours after
    # the story's last one (a rewrite shares the entities, rarely the words), strict near the end of the gap.
    event_threshold: float = 0.1
    event_threshold_at_gap: float = 0.3
    cross_language_threshold: float = 0.25  # entities only: a translation shares no words
    gap: timedelta = timedelta(days=4)  # an update this long after the story's last dispatch still joins it
    horizon: timedelta = timedelta(days=7)  # a story quiet this long closes


@dataclass
class Story:
    id: str
    title: str
    first_seen: datetime
    last_update: datetime
    dispatches: list[str] = field(default_factory=list)
    sources: set[str] = field(default_factory=set)
    languages: set[str] = field(default_factory=set)
    features: dict[str, int] = field(default_factory=dict)  # feature -> dispatches having it

    def to_dict(self) -> dict[str, Any]:
        entities = defaultdict(list)
        for feature in sorted(self.features):
            if feature[0] in "coa":
                entities[{"c": "countries", "o": "officials", "a": "agencies"}[feature[0]]].append(feature[2:])
        return {
            "id": self.id,
            "title": self.title,
            "first_seen": self.first_seen.isoformat(),
            "last_update": self.last_update.isoformat(),
            "dispatches": len(self.dispatches),
            "sources": len(self.sources),
            "languages": sorted(self.languages),
            **{kind: entities.get(kind, []) for kind in ("countries", "officials", "agencies")},
        }


@dataclass(frozen=True)
class Assignment:
    story: Story
    how: str  # "new", "duplicate", "event"
    score: float = 0.0
    duplicate_of: str | None = None


@dataclass(slots=True)
class _Member:
    story: str
    signature: RMinHash | None
    keys: list[int]  # its LSH band keys, kept to take it out of the buckets when its story closes
    features: frozenset[str]


class StoryIndex:
    def __init__(self, settings: StorySettings | None = None) -> None:
        self.settings = settings or StorySettings()
        self.stories: dict[str, Story] = {}
        self._members: dict[str, _Member] = {}  # dispatch id -> what the index keeps of it
        # LSH band key -> the dispatch having it (a str), or those having it (a list, rarely: a copy's bands)
        self._buckets: dict[int, str | list[str]] = {}
        self._by_feature: dict[str, set[str]] = defaultdict(set)  # feature -> open story ids
        self._weights = FeatureWeights()
        self._quiet: list[tuple[datetime, str]] = []  # (last update, story id) heap; stale entries skipped
        self._clock: datetime | None = None  # the latest publication time seen: stories close relative to it

    def add(self, doc: dict[str, Any]) -> Assignment:
        """Place one tagged document (TaggedDispatch.to_doc()) in a story."""
        at = parse_time(doc["published"])
        self._clock = at if self._clock is None else max(self._clock, at)
        self._close_before(self._clock - self.settings.horizon)
        found = features(doc)
        signature = minhash(str(doc.get("title") or ""), str(doc.get("text") or ""))
        self._weights.add(found)
        assignment = self._duplicate(signature, at) or self._event(found, doc, at)
        if assignment is None:
            story = Story(id=f"s-{doc['id']}", title=str(doc.get("title") or ""), first_seen=at, last_update=at)
            self.stories[story.id] = story
            assignment = Assignment(story, "new")
        self._join(assignment.story, doc, found, signature, at)
        return assignment

    def _duplicate(self, signature: RMinHash | None, at: datetime) -> Assignment | None:
        if signature is None:
            return None
        candidates: set[str] = set()
        for key in bands(signature):
            held = self._buckets.get(key)
            if held is not None:
                candidates.update((held,) if isinstance(held, str) else held)
        best: tuple[float, str] | None = None
        for dispatch_id in candidates:
            member = self._members[dispatch_id]
            if member.signature is None or member.story not in self.stories:
                continue
            similarity = signature.jaccard(member.signature)
            if similarity >= self.settings.dup_threshold and (best is None or similarity > best[0]):
                best = (similarity, dispatch_id)
        if best is None:
            return None
        return Assignment(self.stories[self._members[best[1]].story], "duplicate", best[0], duplicate_of=best[1])

    def _event(self, found: set[str], doc: dict[str, Any], at: datetime) -> Assignment | None:
        total = sum(self._weights.weight(f) for f in found)
        entity_total = sum(self._weights.weight(f) for f in found if is_entity(f))
        if not total or not entity_total:
            return None
        candidates = set().union(*(self._by_feature.get(f, ()) for f in found if is_entity(f)))
        best: tuple[float, Story] | None = None
        for story_id in candidates:
            story = self.stories[story_id]
            if at - story.last_update > self.settings.gap or story.first_seen - at > self.settings.gap:
                continue
            shared = [f for f in found if f in story.features]
            shared_entities = [f for f in shared if is_entity(f)]
            if len(shared) < 2 or not shared_entities:
                continue
            score = sum(self._weights.weight(f) for f in shared) / total
            threshold = self._threshold(at - story.last_update)
            if doc.get("language") not in story.languages and len(shared_entities) >= 2:
                # another language: the words cannot match, the entities must carry it
                score = max(score, sum(self._weights.weight(f) for f in shared_entities) / entity_total)
                threshold = max(threshold, self.settings.cross_language_threshold)
            if score >= threshold and (best is None or score > best[0]):
                best = (score, story)
        return Assignment(best[1], "event", best[0]) if best else None

    def _threshold(self, since_last: timedelta) -> float:
        s = self.settings
        share = min(1.0, max(0.0, since_last / s.gap)) if s.gap else 1.0
        return s.event_threshold + (s.event_threshold_at_gap - s.event_threshold) * share

    def _join(
        self, story: Story, doc: dict[str, Any], found: set[str], signature: RMinHash | None, at: datetime
    ) -> None:
        story.dispatches.append(doc["id"])
        story.sources.add(str(doc.get("source") or ""))
        if doc.get("language"):
            story.languages.add(str(doc["language"]))
        story.last_update = max(story.last_update, at)
        story.first_seen = min(story.first_seen, at)
        for feature in found:
            story.features[feature] = story.features.get(feature, 0) + 1
            if is_entity(feature):
                self._by_feature[feature].add(story.id)
        heapq.heappush(self._quiet, (story.last_update, story.id))
        keys = bands(signature) if signature is not None else []
        self._members[doc["id"]] = _Member(story.id, signature, keys, frozenset(found))
        for key in keys:
            held = self._buckets.get(key)
            if held is None:
                self._buckets[key] = doc["id"]
            elif isinstance(held, str):
                self._buckets[key] = [held, doc["id"]]
            else:
                held.append(doc["id"])

    def _close_before(self, cutoff: datetime) -> None:
        """Close the stories quiet since before `cutoff`; forget their dispatches."""
        closing: list[Story] = []
        while self._quiet and self._quiet[0][0] < cutoff:
            _, story_id = heapq.heappop(self._quiet)
            story = self.stories.get(story_id)
            if story is not None and story.last_update < cutoff and story not in closing:
                closing.append(story)
        for story in closing:
            for dispatch_id in story.dispatches:
                member = self._members.pop(dispatch_id, None)
                if member is None:
                    continue
                self._weights.remove(member.features)
                for key in member.keys:
                    held = self._buckets.get(key)
                    if held == dispatch_id:
                        del self._buckets[key]
                    elif isinstance(held, list) and dispatch_id in held:
                        held.remove(dispatch_id)
                        if len(held) == 1:
                            self._buckets[key] = held[0]
            for feature in story.features:
                holders = self._by_feature.get(feature)
                if holders is not None:
                    holders.discard(story.id)
                    if not holders:
                        del self._by_feature[feature]
            del self.stories[story.id]
