"""The learned layer: officials and agencies the tagger found by their role in the text, remembered.

The knowledge base knows who held office when it was compiled; after a coup or a reshuffle the people in
the news are new. When the text itself says who someone is ("X, the new finance minister,", "Niger's
Defence Headquarters"), the tagger reports them with `source = "text"`; the learned layer remembers each
such sighting (name, role, country, dispatch, source feed, day) and, once a name is *well attested*, hands it
back to the tagger as if the knowledge base had it, so later mentions without a title, and by surname, link
to it.

Well attested (`LearnedLayer.attested`) means: named with a role in at least `min_dispatches` distinct
dispatches (3) from at least `min_sources` distinct feeds (2), under a name of two or more capitalised
words, with one country for most sightings. Why: each sighting is one match of a role pattern, and the
pattern's mistakes ("Leaders' Summit", "Besides Karki") come from one sentence's accident, which independent
outlets writing their own copy do not repeat; a real official is named by many of them. Two feeds keep one
feed's boilerplate (repeated in every item) from attesting itself; a single word is never used alone, as
common words and surnames collide. A user's `wirewatch kb confirm` attests at once; `reject` removes the
entry and keeps it from being learned again.

Storage is shared by both modes. Each *writer* (the embedded pipeline, or one stream worker) keeps its own
contribution per entry and never overwrites another's, so concurrent workers need no coordination: a
record is keyed ``"<entry key>|<writer>"`` and every reader merges all contributions (sums, unions,
minimum and maximum dates). User decisions are contributions of the writer ``@user``. The records live in
the store's ``learned`` table (embedded) or a compacted Kafka topic that every worker reads in full
(distributed).
"""

from __future__ import annotations

import functools
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from wirewatch.models import Dispatch, TaggedDispatch
from wirewatch.processors.tagger.kb import Agency, Official, Role
from wirewatch.processors.tagger.textfold import fold
from wirewatch.processors.tagger.vocab import UNSAFE_SURNAMES

USER = "@user"  # the writer of confirm / reject / edit decisions
KINDS = ("official", "agency")
STATUSES = ("learned", "attested", "confirmed", "rejected")
MAX_IDS = 8  # dispatch ids and sources kept per contribution: enough to count distinct ones up to the rule's bar
MAX_ROLES = 6  # role titles kept per contribution (the most recent)
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’.\-]*|(?:al|el|de|da|do|dos|du|van|von|der|bin|ibn|ben|la|le|y|del)-?\w*)$")
_DIGIT = re.compile(r"\d")


@functools.lru_cache(maxsize=65_536)  # the same names recur dispatch after dispatch
def entry_key(kind: str, name: str) -> str:
    """One entry per kind and folded name: "Ousmane Mbaye" and "Ousmane MBAYE" are one person."""
    return f"{kind}:{' '.join(fold(name).lower().split())}"


def record_key(key: str, writer: str) -> str:
    return f"{key}|{writer}"


def split_record_key(record: str) -> tuple[str, str]:
    key, _, writer = record.rpartition("|")
    if not key or not writer or key.split(":", 1)[0] not in KINDS:
        raise ValueError(f"not a learned-layer record key: {record!r}")
    return key, writer


def wording(text: str, name: str) -> str:
    """A short digest of the words around the first mention of `name`: the same for syndicated copies of one
    sentence (other boilerplate, same words), different for another outlet's own sentence. CRC-32: stable
    across processes (unlike hash()) and cheap; a collision only merges two wordings."""
    at = text.find(name)
    if at < 0:
        window = name
    else:  # the sentence around it (at most 160 characters each way)
        start = max(text.rfind(". ", max(0, at - 160), at) + 2, text.rfind("\n", max(0, at - 160), at) + 1, at - 160, 0)
        end = at + len(name)
        stops = [i for i in (text.find(". ", end, end + 160), text.find("\n", end, end + 160)) if i != -1]
        window = text[start : min(stops) if stops else end + 160]
    return format(zlib.crc32(" ".join(window.lower().split()).encode("utf-8")), "08x")


@functools.lru_cache(maxsize=65_536)
def learnable_name(name: str) -> bool:
    """Two or more words, capitalised (name particles aside), no digits: the shape of a person's or body's name."""
    words = name.split()
    return (
        2 <= len(words) <= 8
        and len(name) <= 80
        and _DIGIT.search(name) is None
        and all(_NAME_WORD.match(w) for w in words)
        and words[0][0].isupper()
    )


@dataclass(slots=True)
class RoleSeen:
    first: str  # ISO dates
    last: str
    count: int


@dataclass(slots=True)
class Contribution:
    """What one writer saw of one entry."""

    kind: str
    name: str
    first_seen: str
    last_seen: str
    sightings: int = 0
    countries: dict[str, int] = field(default_factory=dict)
    roles: dict[str, RoleSeen] = field(default_factory=dict)
    dispatches: list[str] = field(default_factory=list)  # the latest MAX_IDS
    # digests of the sentence around the name, the first MAX_IDS distinct: syndicated copies share one
    wordings: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)  # the first MAX_IDS distinct

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "name": self.name,
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
            "sightings": self.sightings,
            "countries": dict(self.countries),
            "roles": {t: [r.first, r.last, r.count] for t, r in self.roles.items()},
            "dispatches": list(self.dispatches),
            "wordings": list(self.wordings),
            "sources": list(self.sources),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Contribution:
        if data.get("kind") not in KINDS or not isinstance(data.get("name"), str):
            raise ValueError("a contribution needs a kind and a name")
        return cls(
            kind=data["kind"],
            name=data["name"],
            first_seen=str(data["first_seen"]),
            last_seen=str(data["last_seen"]),
            sightings=int(data.get("sightings", 0)),
            countries={str(k): int(v) for k, v in (data.get("countries") or {}).items()},
            roles={str(t): RoleSeen(str(v[0]), str(v[1]), int(v[2])) for t, v in (data.get("roles") or {}).items()},
            dispatches=[str(d) for d in data.get("dispatches") or []],
            wordings=[str(w) for w in data.get("wordings") or []],
            sources=[str(s) for s in data.get("sources") or []],
        )


@dataclass(slots=True)
class Decision:
    """A user's word on an entry: confirmed or rejected, with optional corrections."""

    status: str  # "confirmed" | "rejected"
    at: str
    name: str | None = None
    role: str | None = None
    country: str | None = None
    reason: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "decision": self.status,
            "at": self.at,
            "name": self.name,
            "role": self.role,
            "country": self.country,
            "reason": self.reason,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Decision:
        if data.get("decision") not in ("confirmed", "rejected"):
            raise ValueError("a decision is 'confirmed' or 'rejected'")
        return cls(
            data["decision"], str(data.get("at", "")), data.get("name"), data.get("role"), data.get("country"),
            data.get("reason"),
        )  # fmt: skip


class Entry:
    """One learned official or agency: every writer's contribution and the user's decision, merged on read."""

    __slots__ = ("contributions", "decision", "key", "kind")

    def __init__(self, key: str, kind: str) -> None:
        self.key, self.kind = key, kind
        self.contributions: dict[str, Contribution] = {}
        self.decision: Decision | None = None

    @property
    def name(self) -> str:
        if self.decision and self.decision.name:
            return self.decision.name
        latest = max(self.contributions.values(), key=lambda c: c.last_seen, default=None)
        return latest.name if latest else self.key.split(":", 1)[1]

    @property
    def sightings(self) -> int:
        return sum(c.sightings for c in self.contributions.values())

    @property
    def first_seen(self) -> str | None:
        return min((c.first_seen for c in self.contributions.values()), default=None)

    @property
    def last_seen(self) -> str | None:
        return max((c.last_seen for c in self.contributions.values()), default=None)

    def wording_count(self) -> int:
        return len({w for c in self.contributions.values() for w in c.wordings})

    def dispatch_count(self) -> int:
        return len({d for c in self.contributions.values() for d in c.dispatches})

    def source_count(self) -> int:
        return len({s for c in self.contributions.values() for s in c.sources})

    def countries(self) -> dict[str, int]:
        merged: dict[str, int] = {}
        for c in self.contributions.values():
            for code, n in c.countries.items():
                merged[code] = merged.get(code, 0) + n
        return merged

    @property
    def country(self) -> str | None:
        if self.decision and self.decision.country:
            return self.decision.country
        counts = self.countries()
        return max(counts, key=lambda code: (counts[code], code)) if counts else None

    def country_agreed(self) -> bool:
        """Most sightings that name a country name the same one (two thirds)."""
        counts = self.countries()
        return not counts or 3 * max(counts.values()) >= 2 * sum(counts.values())

    def roles(self) -> dict[str, RoleSeen]:
        merged: dict[str, RoleSeen] = {}
        for c in self.contributions.values():
            for title, seen in c.roles.items():
                m = merged.get(title)
                if m is None:
                    merged[title] = RoleSeen(seen.first, seen.last, seen.count)
                else:
                    m.first, m.last, m.count = min(m.first, seen.first), max(m.last, seen.last), m.count + seen.count
        return merged

    @property
    def role(self) -> str | None:
        """The role the user gave, else the one seen most recently."""
        if self.decision and self.decision.role:
            return self.decision.role
        roles = self.roles()
        return max(roles, key=lambda t: (roles[t].last, roles[t].count)) if roles else None

    def status(self, min_dispatches: int, min_sources: int) -> str:
        if self.decision is not None:
            return self.decision.status
        return "attested" if self.attested(min_dispatches, min_sources) else "learned"

    def attested(self, min_dispatches: int, min_sources: int) -> bool:
        if self.decision is not None:
            return self.decision.status == "confirmed"
        return (
            self.wording_count() >= min_dispatches
            and self.source_count() >= min_sources
            and learnable_name(self.name)
            and self.country_agreed()
        )

    def to_summary(self, min_dispatches: int, min_sources: int) -> dict[str, Any]:
        """The entry as `wirewatch kb list --json` and the API show it."""
        return {
            "key": self.key,
            "kind": self.kind,
            "name": self.name,
            "role": self.role,
            "country": self.country,
            "status": self.status(min_dispatches, min_sources),
            "sightings": self.sightings,
            "dispatches": self.dispatch_count(),
            "wordings": self.wording_count(),
            "sources": self.source_count(),
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
            "roles": [
                {"title": t, "from": r.first, "to": r.last, "count": r.count}
                for t, r in sorted(self.roles().items(), key=lambda item: item[1].first)
            ],
            "reason": self.decision.reason if self.decision else None,
        }


class LearnedLayer:
    """Every entry one reader knows, the sightings it adds as `writer`, and the attested set for the tagger."""

    def __init__(
        self,
        writer: str = "local",
        *,
        min_dispatches: int = 3,
        min_sources: int = 2,
        max_entries: int = 100_000,
    ) -> None:
        if writer == USER or "|" in writer:
            raise ValueError(f"writer name {writer!r} is reserved or contains '|'")
        self.writer = writer
        self.min_dispatches, self.min_sources, self.max_entries = min_dispatches, min_sources, max_entries
        self.entries: dict[str, Entry] = {}
        self._dirty: set[str] = set()
        self._attested: set[str] = set()
        self._shown: dict[str, tuple[str, str | None, str | None]] = {}  # attested key -> (name, role, country)
        # Entries changed since the attested set was last brought up to date: checked in one go (`settle`)
        # when someone asks, not at every sighting (most sightings repeat an entry already checked).
        self._touched: set[str] = set()
        self._version = 0
        self.forgotten = 0  # entries evicted by the max_entries bound

    # -- reading sightings from tagged dispatches ------------------------------------------------------------

    def observe(self, tagged: TaggedDispatch) -> None:
        """Remember what this dispatch's text says about officials and agencies the tagger did not know."""
        dispatch = tagged.dispatch
        day = dispatch.published.date().isoformat()
        text: str | None = None
        for o in tagged.tags.officials:
            if o.source == "kb":
                continue
            if o.source == "text" and not (o.role and learnable_name(o.name)):
                continue  # without a role the text does not say who this is
            text = text if text is not None else f"{dispatch.title}\n\n{dispatch.text}"
            role = o.role if o.role_source == "text" else None
            self._sight("official", o.name, role, o.country, dispatch, day, text)
        for a in tagged.tags.agencies:
            if (a.source == "text" and learnable_name(a.name)) or a.source == "learned":
                text = text if text is not None else f"{dispatch.title}\n\n{dispatch.text}"
                self._sight("agency", a.name, None, a.country, dispatch, day, text)

    def _sight(
        self,
        kind: str,
        name: str,
        role: str | None,
        country: str | None,
        dispatch: Dispatch,
        day: str,
        text: str,
    ) -> None:
        dispatch_id, source = dispatch.id, dispatch.source
        key = entry_key(kind, name)
        entry = self.entries.get(key)
        if entry is None:
            entry = self.entries[key] = Entry(key, kind)
        elif entry.decision is not None and entry.decision.status == "rejected":
            return
        mine = entry.contributions.get(self.writer)
        if mine is None:
            mine = entry.contributions[self.writer] = Contribution(kind, name, day, day)
        elif dispatch_id in mine.dispatches:
            return  # the same dispatch again (a redelivery): one sighting
        mine.name = name
        mine.sightings += 1
        if day > mine.last_seen:
            mine.last_seen = day
        elif day < mine.first_seen:
            mine.first_seen = day
        mine.dispatches.append(dispatch_id)
        if len(mine.dispatches) > MAX_IDS:
            del mine.dispatches[0]
        if source not in mine.sources and len(mine.sources) < MAX_IDS:
            mine.sources.append(source)
        if len(mine.wordings) < MAX_IDS and key not in self._attested:  # past the bar, no need to count
            worded = wording(text, name)
            if worded not in mine.wordings:
                mine.wordings.append(worded)
        if country:
            mine.countries[country] = mine.countries.get(country, 0) + 1
        if role:
            role = " ".join(role.lower().split())  # "Finance Minister" and "finance minister" are one role
            seen = mine.roles.get(role)
            if seen is None:
                mine.roles[role] = RoleSeen(day, day, 1)
                if len(mine.roles) > MAX_ROLES:
                    oldest = min(mine.roles, key=lambda t: mine.roles[t].last)
                    del mine.roles[oldest]
            else:
                seen.first, seen.last, seen.count = min(seen.first, day), max(seen.last, day), seen.count + 1
        self._dirty.add(key)
        self._touched.add(key)
        if len(self.entries) > self.max_entries:
            self._forget()

    # -- records: what the store and the topic hold ----------------------------------------------------------

    def take_pending(self) -> list[tuple[str, dict[str, Any]]]:
        """This writer's contributions changed since the last call, as (record key, JSON value)."""
        records = []
        for key in self._dirty:
            entry = self.entries.get(key)
            mine = entry.contributions.get(self.writer) if entry else None
            if mine is not None:
                records.append((record_key(key, self.writer), mine.to_json()))
        self._dirty.clear()
        return records

    def apply(self, record: str, value: dict[str, Any] | None, *, own: bool = False) -> None:
        """Fold one stored record in (None: a tombstone). Records this writer wrote itself are applied only
        when `own` (reading the store back at start): the copy in memory is newer than any stored one."""
        key, writer = split_record_key(record)
        if writer == self.writer and not own:
            return
        kind = key.split(":", 1)[0]
        entry = self.entries.get(key)
        if value is None:
            if entry is not None:
                if writer == USER:
                    entry.decision = None
                else:
                    entry.contributions.pop(writer, None)
                self._update_attested(entry)
                if not entry.contributions and entry.decision is None:
                    del self.entries[key]
            return
        if entry is None:
            entry = self.entries[key] = Entry(key, kind)
        if writer == USER:
            entry.decision = Decision.from_json(value)
        else:
            entry.contributions[writer] = Contribution.from_json(value)
        self._update_attested(entry)

    def decide(self, key: str, decision: Decision) -> tuple[str, dict[str, Any]]:
        """Record a user's decision; returns the record to store."""
        kind = key.split(":", 1)[0]
        entry = self.entries.get(key)
        if entry is None:
            entry = self.entries[key] = Entry(key, kind)
        entry.decision = decision
        self._update_attested(entry)
        return record_key(key, USER), decision.to_json()

    # -- what the tagger uses ----------------------------------------------------------------------------------

    @property
    def version(self) -> int:
        """Bumped whenever the attested set (or an attested entry's name, role or country) changes."""
        self.settle()
        return self._version

    def settle(self) -> None:
        for key in self._touched:
            entry = self.entries.get(key)
            if entry is not None:
                self._update_attested(entry)
        self._touched.clear()

    def attested(self) -> Iterator[Entry]:
        self.settle()
        for key in sorted(self._attested):
            yield self.entries[key]

    def officials(self) -> list[Official]:
        return [to_official(e) for e in self.attested() if e.kind == "official"]

    def agencies(self) -> list[Agency]:
        return [to_agency(e) for e in self.attested() if e.kind == "agency"]

    def status(self, entry: Entry) -> str:
        return entry.status(self.min_dispatches, self.min_sources)

    def find(self, name_or_key: str) -> Entry | None:
        """An entry by key ("official:jane doe") or by name, officials first."""
        if name_or_key in self.entries:
            return self.entries[name_or_key]
        for kind in KINDS:
            entry = self.entries.get(entry_key(kind, name_or_key))
            if entry is not None:
                return entry
        return None

    def sizes(self) -> dict[str, int]:
        counts = dict.fromkeys(STATUSES, 0)
        for entry in self.entries.values():
            counts[self.status(entry)] += 1
        return {"entries": len(self.entries), **counts, "forgotten": self.forgotten}

    def _update_attested(self, entry: Entry) -> None:
        """Keep the attested set, and `version`, in step with what the tagger would show for `entry`."""
        shown = (
            (entry.name, entry.role, entry.country) if entry.attested(self.min_dispatches, self.min_sources) else None
        )
        if shown is None:
            self._attested.discard(entry.key)
            if self._shown.pop(entry.key, None) is not None:
                self._version += 1
            return
        self._attested.add(entry.key)
        if self._shown.get(entry.key) != shown:
            self._shown[entry.key] = shown
            self._version += 1

    def _forget(self) -> None:
        """Over the bound: forget the unattested, undecided entries seen least recently, down to 90 %."""
        self.settle()
        candidates = [
            e for e in self.entries.values() if e.key not in self._attested and e.decision is None
        ]  # fmt: skip
        candidates.sort(key=lambda e: (e.last_seen or "", e.sightings))
        excess = len(self.entries) - int(self.max_entries * 0.9)
        for entry in candidates[:excess]:
            del self.entries[entry.key]
            self._dirty.discard(entry.key)
            self.forgotten += 1


def to_official(entry: Entry) -> Official:
    """An attested entry as the tagger's Official: roles valid from first to last seen, the latest open."""
    roles = entry.roles()
    current = entry.role
    if entry.decision and entry.decision.role and current not in roles:
        first = entry.first_seen or date.today().isoformat()
        roles = {**roles, current or "": RoleSeen(first, entry.last_seen or first, 1)}
    country = entry.country
    role_list = tuple(
        Role(
            title,
            country,  # type: ignore[arg-type]  # a learned official may have no country (international bodies)
            date.fromisoformat(seen.first),
            None if title == current else date.fromisoformat(seen.last),
        )
        for title, seen in roles.items()
        if title
    )
    name = entry.name
    surname = name.split()[-1]
    surnames = () if fold(surname).lower() in UNSAFE_SURNAMES or len(surname) < 3 else (surname,)
    return Official(f"learned:{entry.key}", name, (), surnames, role_list, learned=True)


def to_agency(entry: Entry) -> Agency:
    return Agency(f"learned:{entry.key}", entry.name, "government", entry.country, (), (), learned=True)


def records_to_layer(layer: LearnedLayer, records: Iterable[tuple[str, dict[str, Any] | None]]) -> int:
    """Fold stored records into `layer` as its own start-up state; returns how many were unreadable."""
    bad = 0
    for record, value in records:
        try:
            layer.apply(record, value, own=True)
        except (ValueError, KeyError, TypeError, IndexError):
            bad += 1
    return bad
