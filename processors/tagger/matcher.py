"""One Aho-Corasick automaton over every surface form the tagger knows, built once.

Matching runs on the accent-folded, lowercased text (same length as the original, so offsets carry over),
then each hit is checked for token boundaries and its case rule against the accent-folded original, and the
leftmost-longest hits win.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Final

import ahocorasick

from wirewatch.processors.tagger.textfold import fold, fold_cased


class Kind:
    """Entity kinds (plain strings: enum members hash in Python and this is the hot path)."""

    COUNTRY: Final = "country"  # ref: (code, form) form in name | demonym | capital | ambiguous
    NON_COUNTRY: Final = "non_country"  # a phrase that hides a country word ("Middle East", "Gulf of Guinea")
    AGENCY: Final = "agency"  # ref: Agency
    OFFICIAL: Final = "official"  # ref: Official (full name or alias)
    SURNAME: Final = "surname"  # ref: tuple of Officials sharing that surname
    ROLE: Final = "role"  # ref: role title as written in the vocabulary
    WATCH: Final = "watch"  # ref: the watch word (lowercase)
    COUP: Final = "coup"  # ref: the coup term
    CUE: Final = "cue"  # ref: (APPOINTED, None) or (PLURAL_ROLE, singular title): grammar the officials finders read
    PORTFOLIO: Final = "portfolio"  # other languages: ref: English portfolio ("de la Défense" -> "Defence")
    NOT_COUP: Final = "not_coup"  # other languages: an idiom that contains a coup word ("coup de tonnerre")


class Case:
    EXACT: Final = 0  # acronyms: "US", "AP", "IRNA", "dpa" must appear exactly so (accents aside)
    CAPITALS: Final = 1  # every capital in the pattern must be a capital in the text ("Turkey" not "turkey")
    ANY: Final = 2  # role words, watch words, generic bodies ("health ministry")


@dataclass(frozen=True, slots=True)
class Payload:
    kind: str
    ref: Any
    case: int
    surface: str  # accent-folded, case kept
    capitals: tuple[int, ...]  # positions of capitals in `surface` (for Case.CAPITALS)


class Span:
    """A matched stretch of text with the entities it may be (first payload of each kind)."""

    __slots__ = ("by_kind", "end", "payloads", "start")

    def __init__(self, start: int, end: int, payloads: tuple[Payload, ...], by_kind: dict[str, Payload]) -> None:
        self.start = start
        self.end = end
        self.payloads = payloads
        self.by_kind = by_kind

    def first(self, kind: str) -> Payload | None:
        return self.by_kind.get(kind)

    def has(self, kind: str) -> bool:
        return kind in self.by_kind

    def __repr__(self) -> str:
        return f"Span({self.start}, {self.end}, {sorted(self.by_kind)})"


# What the automaton stores for a key: (key length, payloads, first payload of each kind, case rule number,
# the rule's data); `PatternMatcher.build` explains the case rules.
_Entry = tuple[int, tuple[Payload, ...], dict[str, Payload], int, Any]


def _by_kind(payloads: tuple[Payload, ...]) -> dict[str, Payload]:
    by_kind: dict[str, Payload] = {}
    for p in payloads:
        by_kind.setdefault(p.kind, p)
    return by_kind


def looks_like_acronym(surface: str) -> bool:
    letters = [c for c in surface if c.isalpha()]
    return bool(letters) and len(letters) <= 6 and all(c.isupper() for c in letters) and " " not in surface


class PatternMatcher:
    def __init__(self, prefixes: str = "", compound_kind: str | None = None) -> None:
        self._pending: dict[str, list[Payload]] = {}
        self._automaton: ahocorasick.Automaton | None = None
        # Letters a language writes joined to the front of a word (Arabic و ب ل ف ك): a match may start after
        # one or two of them at the start of a word ("والسودان" holds "السودان").
        self._prefixes = prefixes
        # A kind whose patterns may close a compound word (German "Gemeindepräsident" ends in "präsident"): the
        # span is then the whole capitalised compound, with that kind's payloads only.
        self._compound_kind = compound_kind

    def add(self, surface: str, kind: str, ref: Any, case: int | None = None) -> None:
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

    def add_all(self, surfaces: Iterable[str], kind: str, ref: Any, case: int | None = None) -> None:
        for surface in surfaces:
            self.add(surface, kind, ref, case)

    def build(self) -> None:
        automaton = ahocorasick.Automaton()
        for key, payloads in self._pending.items():
            payloads_t = tuple(payloads)
            # needs_case: 0 = no case rule; 1 = only "first letter is a capital" (the common case); 3 = one
            # acronym, compared exactly; 4 = the same capitals for every payload ("Joe Biden"); all checked
            # inline in find. 2 = the general per-payload check.
            rule: Any = None
            if all(p.case == Case.ANY for p in payloads_t):
                needs_case = 0
            elif all(p.case == Case.CAPITALS and p.capitals == (0,) for p in payloads_t):
                needs_case = 1
            elif len(payloads_t) == 1 and payloads_t[0].case == Case.EXACT:
                needs_case, rule = 3, payloads_t[0].surface
            elif all(p.case == Case.CAPITALS and p.capitals == payloads_t[0].capitals for p in payloads_t):
                needs_case, rule = 4, payloads_t[0].capitals
            else:
                needs_case = 2
            automaton.add_word(key, (len(key), payloads_t, _by_kind(payloads_t), needs_case, rule))
        automaton.make_automaton()
        self._automaton = automaton
        self._pending = {}

    def find(self, cased: str, lower: str) -> list[Span]:
        """Leftmost-longest spans whose boundaries and case rules hold."""
        automaton = self._automaton
        if automaton is None:
            raise RuntimeError("PatternMatcher.build() was not called")
        n = len(lower)
        hits: list[Span] = []
        rescanned = False
        prefixes = self._prefixes
        compound_kind = self._compound_kind
        for end_index, value in automaton.iter_long(lower):
            # Inline fast path: most candidates are either clean whole words or clearly mid-word.
            length, payloads, by_kind, needs_case, rule = value
            start = end_index - length + 1
            if (
                start == 0 or not lower[start - 1].isalnum() or (prefixes and _after_prefixes(lower, start, prefixes))
            ) and (end_index + 1 == n or not lower[end_index + 1].isalnum()):
                if (
                    needs_case == 0
                    or (
                        needs_case == 1
                        and cased[start].isupper()
                        and not (cased[start + 1].isupper() and _acronym_for_name(cased, start, end_index, by_kind))
                    )
                    or (needs_case == 3 and cased[start : end_index + 1] == rule)
                ):
                    hits.append(Span(start, end_index + 1, payloads, by_kind))
                    continue
                if needs_case == 4:
                    for i in rule:
                        if not cased[start + i].isupper():
                            break
                    else:
                        hits.append(Span(start, end_index + 1, payloads, by_kind))
                        continue
                elif needs_case == 2:
                    hit = _check(value, end_index, cased, lower, n)
                    if hit is not None:
                        hits.append(hit)
                        continue
            elif lower[start : end_index + 1].isalnum():
                if compound_kind is not None and compound_kind in by_kind:
                    compound = _compound(cased, lower, start, end_index, payloads, compound_kind)
                    if compound is not None:
                        while hits and hits[-1].start >= compound.start:
                            hits.pop()  # "EU" in "EU-Finanzmarktkommissarin": the compound holds it
                        hits.append(compound)
                continue  # mid-word with no word break inside ("un" in "until"): nothing shorter holds
            else:
                hit = _check(value, end_index, cased, lower, n)
                if hit is not None:
                    hits.append(hit)
                    continue
            # The longest candidate failed (mid-word, wrong case): a shorter one inside it may still hold,
            # unless it has no word break inside ("un" in "until", "leader" in "leadership"): any shorter
            # key inside one word starts or ends mid-word.
            if lower[start : end_index + 1].isalnum():
                continue
            for inner_end, inner in automaton.iter(lower, start, end_index + 1):  # end is exclusive
                inner_hit = _check(inner, inner_end, cased, lower, n)
                if inner_hit is not None:
                    hits.append(inner_hit)
                    rescanned = True
        if not rescanned:
            return hits
        hits.sort(key=_hit_order)
        spans: list[Span] = []
        last_end = -1
        for span in hits:
            if span.start >= last_end:
                spans.append(span)
                last_end = span.end
        return spans


def _compound(
    cased: str, lower: str, start: int, end_index: int, payloads: tuple[Payload, ...], kind: str
) -> Span | None:
    """The capitalised compound a pattern closes ("EU-Finanzmarktkommissarin"), or None."""
    end = end_index + 1
    if (end < len(lower) and lower[end].isalnum()) or not lower[start - 1].isalpha():
        return None
    first = start - 1
    while first > 0 and (
        lower[first - 1].isalpha() or (lower[first - 1] == "-" and lower[first - 2 : first - 1].isalpha())
    ):
        first -= 1
    if not cased[first].isupper():
        return None
    kept = tuple(payload for payload in payloads if payload.kind == kind)
    return Span(first, end, kept, _by_kind(kept))


def _after_prefixes(lower: str, start: int, prefixes: str) -> bool:
    """Is lower[start] the start of a word but for one or two joined prefix letters ("و", "وب")?"""
    if lower[start - 1] not in prefixes:
        return False
    if start == 1 or not lower[start - 2].isalnum():
        return True
    return lower[start - 2] in prefixes and (start == 2 or not lower[start - 3].isalnum())


def _acronym_for_name(cased: str, start: int, end_index: int, by_kind: dict[str, Payload]) -> bool:
    """ "ANO" (a Czech party) is not the surname "Año": a short word written in capitals is an acronym, never a
    person's name. Longer capitalised runs (a headline in capitals) are left alone."""
    return (
        cased[start + 1 : start + 2].isupper()
        and end_index - start < 5
        and ("official" in by_kind or "surname" in by_kind)
        and cased[start : end_index + 1].isupper()
    )


def _check(value: _Entry, end_index: int, cased: str, lower: str, n: int) -> Span | None:
    length, payloads, by_kind, needs_case, _ = value
    start = end_index - length + 1
    end = end_index + 1
    if start > 0 and lower[start - 1].isalnum() and lower[start].isalnum():
        return None
    if end < n and lower[end].isalnum() and lower[end - 1].isalnum():
        return None
    if needs_case:
        if _acronym_for_name(cased, start, end - 1, by_kind):
            kept_kinds = {k for k in by_kind if k not in ("official", "surname")}
            payloads = tuple(p for p in payloads if p.kind in kept_kinds)
            if not payloads:
                return None
            by_kind = _by_kind(payloads)
        kept = tuple(p for p in payloads if _case_ok(p, cased, start, end))
        if not kept:
            return None
        if len(kept) != len(payloads):
            payloads, by_kind = kept, _by_kind(kept)
    return Span(start, end, payloads, by_kind)


def _hit_order(span: Span) -> tuple[int, int]:
    return span.start, -span.end


def _case_ok(payload: Payload, cased: str, start: int, end: int) -> bool:
    if payload.case == Case.ANY:
        return True
    if payload.case == Case.EXACT:
        return cased[start:end] == payload.surface
    return all(cased[start + i].isupper() for i in payload.capitals)
