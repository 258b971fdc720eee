"""StoryIndex: every tagged dispatch joins a story, in the order the dispatches arrive.

    1. near-duplicate: a copy (MinHash Jaccard ≥ `dup_threshold`) of a dispatch of an open story joins it;
    2. same event: else the open story, updated within `gap`, whose features cover the dispatch's best
       (weighted share of the dispatch's features the story has, ≥ `event_threshold`; at least two shared
       features, one an entity; across languages the entities alone decide, with a stricter bar);
    3. else a new story.

Boilerplate-only texts ("Click here to read more") have no fingerprint and few features, so they join by
their title's entities or not at all: they never glue two stories together, because a dispatch joins one
story and stories never merge.

Bounded: what the index keeps of a dispatch (its features; its fingerprint only `dup_window`) leaves it `horizon` after
the dispatch arrived, even while its story goes on, and a story quiet for `horizon` closes. Memory is
therefore bounded by what arrived within the horizon, however long a story runs. Time is the dispatches'
publication time (the index's clock is the latest seen), so a replay or a backfill clusters as live
traffic did.

Breaking: a story is flagged at the dispatch that brings it to `breaking_sources` distinct sources whose first
dispatch of the story was published within `breaking_window` of each other.

A story's record (`Story.to_record`) is what the stores keep; `load(record)` then `restore(doc)` for each
stored dispatch still within the horizon rebuild the index after a restart with the same story ids.
"""

from __future__ import annotations

import heapq
import sys
from bisect import bisect_left, insort
from collections import Counter, deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

from rensa import RMinHash

from wirewatch.models import StoryRef, format_time, parse_time
from wirewatch.processors.stories.features import ENTITY_KINDS, FeatureWeights, features
from wirewatch.processors.stories.fingerprint import body_words, lsh_index, minhash
from wirewatch.settings import StoriesSettings

ENTITY_GROUPS = {"c": "countries", "o": "officials", "a": "agencies"}
RECORD_ENTITIES = 20  # the most frequent of each kind kept in a story's record
MAX_CANDIDATES = 64  # open stories scored in full for one dispatch: those sharing the most entity weight
GROWTH_BUCKETS = 24 * 14  # hourly dispatch counts kept per story (the oldest hours are dropped beyond)


@dataclass
class StorySettings:
    dup_threshold: float = 0.5
    # The share of the dispatch's weighted features the story must have: lenient for a dispatch hours after
    # the story's last one (a rewrite shares the entities, rarely the words), strict near the end of the gap.
    event_threshold: float = 0.1
    event_threshold_at_gap: float = 0.3
    cross_language_threshold: float = 0.25  # entities only: a translation shares no words
    gap: timedelta = timedelta(days=4)  # an update this long after the story's last dispatch still joins it
    horizon: timedelta = timedelta(days=7)  # a story quiet this long closes; a dispatch this old leaves the index
    # a dispatch's fingerprint is kept this long (copies of a wire text come within hours; memory): an older
    # one can no longer be matched as a copy, its story still by its features
    dup_window: timedelta = timedelta(hours=48)
    breaking_sources: int = 5
    breaking_window: timedelta = timedelta(hours=1)

    @classmethod
    def from_settings(cls, s: StoriesSettings) -> StorySettings:
        return cls(
            dup_threshold=s.dup_threshold,
            event_threshold=s.event_threshold,
            event_threshold_at_gap=s.event_threshold_at_gap,
            cross_language_threshold=s.cross_language_threshold,
            gap=timedelta(hours=s.gap_hours),
            horizon=timedelta(days=s.horizon_days),
            dup_window=timedelta(hours=s.dup_window_hours),
            breaking_sources=s.breaking_sources,
            breaking_window=timedelta(minutes=s.breaking_minutes),
        )


@dataclass
class Story:
    id: str
    title: str
    first_seen: datetime
    last_update: datetime
    dispatches: int = 0
    sources: dict[str, datetime] = field(default_factory=dict)  # source -> its first dispatch's publication
    firsts: list[datetime] = field(default_factory=list, repr=False)  # sorted(sources.values()), kept in step
    languages: set[str] = field(default_factory=set)
    breaking_at: datetime | None = None
    latest_title: str = ""
    growth: dict[str, int] = field(default_factory=dict)  # hour (ISO, UTC) -> dispatches published in it
    entities: dict[str, Counter[str]] = field(default_factory=dict)  # countries/officials/agencies -> counts
    features: dict[str, int] = field(default_factory=dict)  # feature -> dispatches in the index having it

    def ref(self, how: str) -> StoryRef:
        """What a dispatch carries of its story, as it stands when the dispatch joins."""
        return StoryRef(
            id=self.id,
            how=how,
            dispatches=self.dispatches,
            sources=len(self.sources),
            languages=sorted(self.languages),
            first_seen=self.first_seen,
            breaking_at=self.breaking_at,
        )

    def to_record(self, times_since: datetime | None = None) -> dict[str, Any]:
        """The stored record. `times_since`: only the sources first seen since then keep their first time (the
        breaking bar looks no further back; the others are names only: cheaper to write at every change)."""
        times = self.sources if times_since is None else self._sources_since(times_since)
        return {
            "id": self.id,
            "title": self.title,
            "latest_title": self.latest_title,
            "first_seen": format_time(self.first_seen),
            "last_update": format_time(self.last_update),
            "dispatches": self.dispatches,
            "sources": len(self.sources),
            "source_names": list(self.sources),  # in the order they first carried the story
            "source_first": {name: format_time(at) for name, at in times.items()},
            "languages": sorted(self.languages),
            "breaking": self.breaking_at is not None,
            "breaking_at": format_time(self.breaking_at) if self.breaking_at else None,
            "growth": [{"hour": hour, "dispatches": n} for hour, n in sorted(self.growth.items())],
            **{
                kind: [name for name, _ in self.entities.get(kind, Counter()).most_common(RECORD_ENTITIES)]
                for kind in ENTITY_GROUPS.values()
            },
            "entity_counts": {kind: dict(counts) for kind, counts in self.entities.items()},
        }

    def _sources_since(self, since: datetime) -> dict[str, datetime]:
        """The sources whose first time is `since` or later. How many is known from the sorted first times;
        they are looked for from the newest source back (those are the recent ones, save a late feed's),
        so a story carried by hundreds of sources is not scanned whole at every record."""
        wanted = len(self.firsts) - bisect_left(self.firsts, since)
        found: dict[str, datetime] = {}
        if wanted:
            for name, at in reversed(self.sources.items()):
                if at >= since:
                    found[name] = at
                    if len(found) == wanted:
                        break
        return found

    def first_from(self, source: str, at: datetime) -> bool:
        """`source` has a dispatch published at `at`: its first time moves back if that is earlier. True when
        the first times changed (a new source, or an earlier first)."""
        known = self.sources.get(source)
        if known is not None:
            if at >= known:
                return False
            del self.firsts[bisect_left(self.firsts, known)]
        self.sources[source] = at
        insort(self.firsts, at)
        return True

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Story:
        story = cls(
            id=record["id"],
            title=record.get("title", ""),
            latest_title=record.get("latest_title", ""),
            first_seen=parse_time(record["first_seen"]),
            last_update=parse_time(record["last_update"]),
            dispatches=int(record.get("dispatches", 0)),
            sources={
                **{name: parse_time(record["first_seen"]) for name in record.get("source_names") or ()},
                **{name: parse_time(at) for name, at in (record.get("source_first") or {}).items()},
            },
            languages=set(record.get("languages") or ()),
            breaking_at=parse_time(record["breaking_at"]) if record.get("breaking_at") else None,
            growth={g["hour"]: int(g["dispatches"]) for g in record.get("growth") or ()},
            entities={kind: Counter(counts) for kind, counts in (record.get("entity_counts") or {}).items()},
        )
        story.firsts = sorted(story.sources.values())
        return story


@dataclass(frozen=True)
class Assignment:
    story: Story
    how: str  # "new", "duplicate", "event"
    score: float = 0.0
    duplicate_of: str | None = None
    became_breaking: bool = False  # this dispatch is the one that made the story breaking


@dataclass(slots=True)
class _Member:
    story: str
    joined: datetime  # the index's clock when it joined: members leave in this order
    signature: RMinHash | None  # dropped after the dup window
    lsh_key: int  # its key in the LSH index while it has a signature
    features: tuple[str, ...]  # interned: the strings are shared with every other member having them


class StoryIndex:
    def __init__(self, settings: StorySettings | None = None) -> None:
        self.settings = settings or StorySettings()
        self.stories: dict[str, Story] = {}
        # dispatch id -> what the index keeps of it; insertion order is arrival order (and `joined` order)
        self._members: dict[str, _Member] = {}
        # the fingerprints' bands (rensa, in Rust), keyed by an integer per member
        self._lsh = lsh_index(self.settings.dup_threshold)
        self._by_lsh_key: dict[int, str] = {}
        self._next_lsh_key = 0
        self._by_feature: dict[str, set[str]] = {}  # entity feature -> open story ids having it
        self._weights = FeatureWeights()
        self._quiet: list[tuple[datetime, str]] = []  # (last update, story id) heap; stale entries skipped
        self._clock: datetime | None = None  # the latest publication time seen
        self._fingerprinted: deque[str] = deque()  # members holding a fingerprint, in arrival order
        self._caught_up: set[str] = set()  # stories `restore` counted dispatches into: their records are behind
        self._recorded: dict[str, int] = {}  # story id -> dispatches its loaded record counts (while resuming)

    def __contains__(self, dispatch_id: str) -> bool:
        return dispatch_id in self._members

    def story_of(self, dispatch_id: str) -> Story | None:
        member = self._members.get(dispatch_id)
        return self.stories.get(member.story) if member is not None else None

    def add(self, doc: dict[str, Any]) -> Assignment:
        """Place one tagged document (TaggedDispatch.to_doc()) in a story."""
        at = self._tick(parse_time(doc["published"]))
        title, text = str(doc.get("title") or ""), str(doc.get("text") or "")
        words = body_words(title, text)
        found = features(doc, words)
        signature = minhash(title, text, words)
        self._weights.add(found)
        assignment = self._duplicate(signature) or self._event(found, doc, at)
        if assignment is None:
            story = Story(id=f"s-{doc['id']}", title=str(doc.get("title") or ""), first_seen=at, last_update=at)
            self.stories[story.id] = story
            assignment = Assignment(story, "new")
        story = assignment.story
        was_breaking = story.breaking_at is not None
        firsts_changed = self._count(story, doc, at)
        self._remember(story, doc["id"], found, signature)
        if not was_breaking and firsts_changed and self._breaking(story, at):
            story.breaking_at = at
            return Assignment(story, assignment.how, assignment.score, assignment.duplicate_of, became_breaking=True)
        return assignment

    def load(self, record: dict[str, Any]) -> Story:
        """An open story from its stored record (after a restart); its dispatches follow through `restore`."""
        story = Story.from_record(record)
        self.stories[story.id] = story
        self._recorded[story.id] = story.dispatches
        heapq.heappush(self._quiet, (story.last_update, story.id))
        self._clock = story.last_update if self._clock is None else max(self._clock, story.last_update)
        return story

    def restore(self, doc: dict[str, Any], story_id: str) -> bool:
        """Put back a stored dispatch already placed in its story, without deciding again. Its story is the
        loaded one, or (its record was never written: a crash before it was) one made from the dispatch's own
        snapshot of it. False when the dispatch is back already."""
        if doc["id"] in self._members:
            return False
        story = self.stories.get(story_id)
        if story is None:
            snapshot = doc.get("story") or {}
            at = parse_time(doc["published"])
            first = parse_time(snapshot["first_seen"]) if snapshot.get("first_seen") else at
            story = Story(id=story_id, title=str(doc.get("title") or ""), first_seen=first, last_update=first)
            self.stories[story_id] = story
            self._clock = first if self._clock is None else max(self._clock, first)
        title, text = str(doc.get("title") or ""), str(doc.get("text") or "")
        words = body_words(title, text)
        found = features(doc, words)
        signature = minhash(title, text, words)
        self._weights.add(found)
        at = parse_time(doc["published"])
        if int((doc.get("story") or {}).get("dispatches") or 0) > self._recorded.get(story.id, 0):
            # joined after the story's record was written (a crash before the next write): the record missed it.
            # Compared with the record as loaded, not the running count: documents come partition by partition,
            # not in the order they joined.
            self._count(story, doc, at)
            self._caught_up.add(story.id)
        self._remember(story, doc["id"], found, signature, joined=at)
        return True

    def resumed(self) -> set[str]:
        """After the loads and restores of a resume: the stories whose records were behind (to write again)."""
        behind, self._caught_up = self._caught_up, set()
        self._recorded.clear()
        return behind

    def _tick(self, at: datetime) -> datetime:
        self._clock = at if self._clock is None else max(self._clock, at)
        self._expire_fingerprints(self._clock - self.settings.dup_window)
        cutoff = self._clock - self.settings.horizon
        self._expire_members(cutoff)
        self._close_before(cutoff)
        return at

    def _duplicate(self, signature: RMinHash | None) -> Assignment | None:
        if signature is None:
            return None
        best: tuple[float, str] | None = None
        for key in self._lsh.query(signature):
            dispatch_id = self._by_lsh_key.get(key)
            if dispatch_id is None:
                continue
            member = self._members.get(dispatch_id)
            if member is None or member.signature is None or member.story not in self.stories:
                continue
            similarity = signature.jaccard(member.signature)
            if similarity >= self.settings.dup_threshold and (best is None or similarity > best[0]):
                best = (similarity, dispatch_id)
        if best is None:
            return None
        return Assignment(self.stories[self._members[best[1]].story], "duplicate", best[0], duplicate_of=best[1])

    def _event(self, found: set[str], doc: dict[str, Any], at: datetime) -> Assignment | None:
        weights = [(f, w, f[0] in ENTITY_KINDS, f[0] != "e") for f, w in self._weights.weights(found)]
        total = sum(w for _, w, _, _ in weights)
        entity_total = sum(w for _, w, entity, _ in weights if entity)
        if not total or not entity_total:
            return None
        # Candidates: the open stories sharing an entity, the MAX_CANDIDATES sharing the most entity weight
        # scored in full (a country such as the US is in hundreds of open stories: the rest cannot win)
        by_feature = self._by_feature
        shared_by: dict[str, float] = {}
        for f, w, entity, _ in weights:
            holders = by_feature.get(f) if entity else None
            if holders:
                for story_id in holders:
                    shared_by[story_id] = shared_by.get(story_id, 0.0) + w
        candidates: Iterable[str] = shared_by
        if len(shared_by) > MAX_CANDIDATES:
            candidates = heapq.nlargest(MAX_CANDIDATES, shared_by, key=shared_by.__getitem__)
        gap = self.settings.gap
        language = doc.get("language")
        best: tuple[float, Story] | None = None
        for story_id in candidates:
            story = self.stories[story_id]
            if at - story.last_update > gap or story.first_seen - at > gap:
                continue
            story_features = story.features
            shared = shared_entities = 0
            shared_weight = entity_weight = 0.0
            named = False
            for f, w, entity, not_event in weights:
                if f in story_features:
                    shared += 1
                    shared_weight += w
                    if entity:
                        shared_entities += 1
                        entity_weight += w
                        named = named or not_event
            # two shared features, one of them a named thing (a country, an official, a body): the same kind of
            # event alone ("e:coup") does not make two coups in two countries one story
            if shared < 2 or not named:
                continue
            score = shared_weight / total
            threshold = self._threshold(at - story.last_update)
            if language not in story.languages and shared_entities >= 2:
                # another language: the words cannot match, the entities must carry it
                score = max(score, entity_weight / entity_total)
                threshold = max(threshold, self.settings.cross_language_threshold)
            if score >= threshold and (best is None or score > best[0]):
                best = (score, story)
        return Assignment(best[1], "event", best[0]) if best else None

    def _threshold(self, since_last: timedelta) -> float:
        s = self.settings
        share = min(1.0, max(0.0, since_last / s.gap)) if s.gap else 1.0
        return s.event_threshold + (s.event_threshold_at_gap - s.event_threshold) * share

    def _breaking(self, story: Story, at: datetime) -> bool:
        """Whether `breaking_sources` consecutive first appearances, one of them `at` (the first time that just
        changed: the others were checked when they came), lie within the breaking window."""
        s = self.settings
        n, firsts = s.breaking_sources, story.firsts
        if len(firsts) < n:
            return False
        position = bisect_left(firsts, at)
        return any(
            firsts[i + n - 1] - firsts[i] <= s.breaking_window
            for i in range(max(0, position - n + 1), min(position, len(firsts) - n) + 1)
        )

    def _count(self, story: Story, doc: dict[str, Any], at: datetime) -> bool:
        """The story's record takes the dispatch: counts, sources, languages, entities, growth. True when the
        sources' first times changed (the breaking bar may have been reached)."""
        story.dispatches += 1
        firsts_changed = story.first_from(str(doc.get("source") or ""), at)
        if doc.get("language"):
            story.languages.add(str(doc["language"]))
        if at >= story.last_update:
            story.latest_title = str(doc.get("title") or "")
        story.last_update = max(story.last_update, at)
        story.first_seen = min(story.first_seen, at)
        hour = _hour(at.replace(minute=0, second=0, microsecond=0))
        story.growth[hour] = story.growth.get(hour, 0) + 1
        if len(story.growth) > GROWTH_BUCKETS:
            del story.growth[min(story.growth)]
        for kind, key in (("countries", "code"), ("officials", "name"), ("agencies", "name")):
            entities = doc.get(kind)
            if entities:
                names = {str(e[key]) for e in entities if e.get(key) is not None}
                if names:
                    story.entities.setdefault(kind, Counter()).update(names)
        heapq.heappush(self._quiet, (story.last_update, story.id))
        return firsts_changed

    def _remember(
        self,
        story: Story,
        dispatch_id: str,
        found: set[str],
        signature: RMinHash | None,
        joined: datetime | None = None,
    ) -> None:
        """What the index keeps of a dispatch until it leaves: its features in the story, its fingerprint."""
        story_features, by_feature, story_id = story.features, self._by_feature, story.id
        for feature in found:
            story_features[feature] = story_features.get(feature, 0) + 1
            if feature[0] in ENTITY_KINDS:
                holders = by_feature.get(feature)
                if holders is None:
                    by_feature[feature] = {story_id}
                else:
                    holders.add(story_id)
        clock = self._clock
        assert clock is not None
        # restored dispatches come in their stored order; their publication time stands in for the clock
        at = clock if joined is None else min(joined, clock)
        key = -1
        if signature is not None:
            key = self._next_lsh_key
            self._next_lsh_key += 1
            self._lsh.insert(key, signature)
            self._by_lsh_key[key] = dispatch_id
            self._fingerprinted.append(dispatch_id)
        self._members[dispatch_id] = _Member(story.id, at, signature, key, tuple(map(sys.intern, found)))

    def _expire_fingerprints(self, cutoff: datetime) -> None:
        """Drop the fingerprints of the dispatches that joined before `cutoff` (they stay members)."""
        queue = self._fingerprinted
        while queue:
            member = self._members.get(queue[0])
            if member is not None and member.joined >= cutoff:
                break
            queue.popleft()
            if member is not None and member.signature is not None:
                self._unbucket(member)

    def _unbucket(self, member: _Member) -> None:
        self._lsh.remove(member.lsh_key)
        self._by_lsh_key.pop(member.lsh_key, None)
        member.signature = None

    def _expire_members(self, cutoff: datetime) -> None:
        """Forget the dispatches that joined before `cutoff` (oldest first: the dict is in arrival order)."""
        members = self._members
        while members:
            dispatch_id = next(iter(members))
            member = members[dispatch_id]
            if member.joined >= cutoff:
                break
            del members[dispatch_id]
            self._weights.remove(member.features)
            if member.signature is not None:
                self._unbucket(member)
            story = self.stories.get(member.story)
            if story is None:
                continue
            for feature in member.features:
                left = story.features.get(feature, 0) - 1
                if left > 0:
                    story.features[feature] = left
                    continue
                story.features.pop(feature, None)
                holders = self._by_feature.get(feature)
                if holders is not None:
                    holders.discard(story.id)
                    if not holders:
                        del self._by_feature[feature]

    def _close_before(self, cutoff: datetime) -> list[Story]:
        """Close the stories quiet since before `cutoff` (their dispatches have left already)."""
        closed: list[Story] = []
        while self._quiet and self._quiet[0][0] < cutoff:
            _, story_id = heapq.heappop(self._quiet)
            story = self.stories.get(story_id)
            if story is None or story.last_update >= cutoff:
                continue
            for feature in story.features:  # features of members restored late, if any
                holders = self._by_feature.get(feature)
                if holders is not None:
                    holders.discard(story.id)
                    if not holders:
                        del self._by_feature[feature]
            del self.stories[story.id]
            closed.append(story)
        return closed


@lru_cache(maxsize=1024)
def _hour(hour: datetime) -> str:
    """A growth bucket's label (the same few hours come back for every dispatch)."""
    return format_time(hour)
