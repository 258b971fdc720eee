"""One Aho-Corasick automaton over every surface form the tagger knows, built once.

Matching runs on the accent-folded, lowercased text (same length as the original, so offsets carry over),
then each hit is checked for token boundaries and its case rule against the accent-folded original, and the
leftmost-longest hits win.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any, Iterable

import ahocorasick

from processors.tagger.textfold import fold, fold_cased


class Kind(str, Enum):
    COUNTRY = "country"            # ref: (code, form) form in name | demonym | capital | ambiguous
    NON_COUNTRY = "non_country"    # a phrase that hides a country word ("Middle East", "Gulf of Guinea")
    AGENCY = "agency"              # ref: Agency
    OFFICIAL = "official"          # ref: Official (full name or alias)
    SURNAME = "surname"            # ref: tuple of Officials sharing that surname
    ROLE = "role"                  # ref: role title as written in the vocabulary
    WATCH = "watch"                # ref: the watch word (lowercase)
    COUP = "coup"                  # ref: the coup term


class Case(Enum):
    EXACT = 0     # acronyms: "US", "AP", "IRNA", "dpa" must appear exactly so (accents aside)
    CAPITALS = 1  # every capital in the pattern must be a capital in the text ("Turkey" not "turkey")
    ANY = 2       # role words, watch words, generic bodies ("health ministry")


@dataclass(frozen=True, slots=True)
class Payload:
    kind: Kind
    ref: Any
    case: Case
    surface: str                 # accent-folded, case kept
    capitals: tuple[int, ...]    # positions of capitals in `surface` (for Case.CAPITALS)


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    payloads: tuple[Payload, ...]

    def first(self, kind: Kind) -> Payload | None:
        for p in self.payloads:
            if p.kind is kind:
                return p
        return None

    def has(self, kind: Kind) -> bool:
        return any(p.kind is kind for p in self.payloads)


def looks_like_acronym(surface: str) -> bool:
    letters = [c for c in surface if c.isalpha()]
    return bool(letters) and len(letters) <= 6 and all(c.isupper() for c in letters) and " " not in surface


class PatternMatcher:
    def __init__(self) -> None:
        self._pending: dict[str, list[Payload]] = {}
        self._automaton: ahocorasick.Automaton | None = None

    def add(self, surface: str, kind: Kind, ref: Any, case: Case | None = None) -> None:
        surface = surface.strip()
        if not surface:
            return
        if case is None:
            case = Case.EXACT if looks_like_acronym(surface) else Case.CAPITALS
        cased = fold_cased(surface)
        payload = Payload(kind, ref, case, cased, tuple(i for i, c in enumerate(cased) if c.isupper()))
        bucket = self._pending.setdefault(fold(surface), [])
        if payload not in bucket:
            bucket.append(payload)

    def add_all(self, surfaces: Iterable[str], kind: Kind, ref: Any, case: Case | None = None) -> None:
        for surface in surfaces:
            self.add(surface, kind, ref, case)

    def build(self) -> None:
        automaton = ahocorasick.Automaton()
        for key, payloads in self._pending.items():
            automaton.add_word(key, (len(key), tuple(payloads)))
        automaton.make_automaton()
        self._automaton = automaton
        self._pending = {}

    def find(self, cased: str, lower: str) -> list[Span]:
        """Leftmost-longest spans whose boundaries and case rules hold."""
        if self._automaton is None:
            raise RuntimeError("PatternMatcher.build() was not called")
        n = len(lower)
        hits: list[tuple[int, int, tuple[Payload, ...]]] = []
        for end_index, (length, payloads) in self._automaton.iter(lower):
            start = end_index - length + 1
            end = end_index + 1
            if start > 0 and lower[start - 1].isalnum() and lower[start].isalnum():
                continue
            if end < n and lower[end].isalnum() and lower[end - 1].isalnum():
                continue
            kept = tuple(p for p in payloads if _case_ok(p, cased, start, end))
            if kept:
                hits.append((start, -end, kept))
        hits.sort()
        spans: list[Span] = []
        last_end = -1
        for start, neg_end, payloads in hits:
            if start >= last_end:
                spans.append(Span(start, -neg_end, payloads))
                last_end = -neg_end
        return spans


def _case_ok(payload: Payload, cased: str, start: int, end: int) -> bool:
    if payload.case is Case.ANY:
        return True
    if payload.case is Case.EXACT:
        return cased[start:end] == payload.surface
    return all(cased[start + i].isupper() for i in payload.capitals)
