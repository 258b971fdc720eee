"""What the officials finders share while reading one dispatch: its text and spans, the officials found so
far, the role portfolios read so far, and lookups over them."""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from wirewatch.processors.tagger.kb import Official
from wirewatch.processors.tagger.matcher import Kind, Span
from wirewatch.processors.tagger.officials_names import NameCache
from wirewatch.processors.tagger.textfold import fold


@dataclass(slots=True)
class Found:
    """One official the dispatch mentions: known (from the knowledge base) or named in the text."""

    name: str
    role: str | None
    country: str | None
    known: bool
    first: int
    mentions: int = 1
    kb: Official | None = None
    written_role: bool = False  # the role comes from the text, not from the knowledge base
    surname: str | None = None
    role_from: date | None = None  # when the knowledge base's role began and ended
    role_to: date | None = None

    @property
    def source(self) -> str:
        """Who says this is an official: the knowledge base, the learned layer, or the text alone."""
        if self.kb is None:
            return "text"
        return "learned" if self.kb.learned else "kb"

    @property
    def role_source(self) -> str | None:
        if self.role is None:
            return None
        return "text" if self.written_role or self.kb is None else self.source


class OfficialsScan:
    """One dispatch as the officials finders read it; `resolve_country` turns an ambiguous country span into a
    code and `context_country` gives the country a name at an offset most likely belongs to."""

    __slots__ = (
        "_name_span_ends",
        "_starts",
        "body_start",
        "cased",
        "consumed",
        "context_country",
        "cues",
        "cues_by_kind",
        "found",
        "hides_country",
        "names",
        "phrase_countries",
        "portfolio_ends",
        "portfolio_roles",
        "portfolios",
        "private_names",
        "published",
        "resolve_country",
        "span_ends",
        "span_starts",
        "spans",
        "text",
    )

    def __init__(
        self,
        text: str,
        cased: str,
        spans: list[Span],
        body_start: int,
        published: date | None,
        resolve_country: Callable[[Span], str | None],
        context_country: Callable[[int], str | None],
        hides_country: Callable[[str], bool],
        names: NameCache,
        cues: list[Span] | None = None,
    ) -> None:
        self.text, self.cased, self.spans = text, cased, spans
        self.cues = cues or []  # word-automaton spans of Kind.CUE: appointment verbs, plural role titles
        # the body's cues by what they cue (APPOINTED, PLURAL_ROLE ...), in text order: each finder reads its own
        self.cues_by_kind: dict[str, list[Span]] = {}
        for cue in self.cues:
            if cue.start >= body_start:
                self.cues_by_kind.setdefault(cue.by_kind[Kind.CUE].ref[0], []).append(cue)
        self.body_start, self.published = body_start, published
        self.resolve_country, self.context_country = resolve_country, context_country
        self.hides_country, self.names = hides_country, names
        self.span_starts = {span.start for span in spans}
        self.span_ends = {span.end for span in spans} | {cue.end for cue in self.cues}  # "Presidents A and B"
        self._starts = [span.start for span in spans]
        self._name_span_ends: set[int] | None = None
        # officials by KB id, or by "u:" + folded name for officials the KB does not know
        self.found: dict[str, Found] = {}
        self.consumed: set[int] = set()  # span indexes already used as part of another name
        # (phrase start, name start, country of the official): a body inside a role phrase belongs to that country
        self.phrase_countries: list[tuple[int, int, str]] = []
        # role span end -> end of its portfolio ("Minister" + " for Bougainville Affairs")
        self.portfolios: dict[int, int] = {}
        self.portfolio_ends: set[int] = set()
        self.portfolio_roles: dict[int, int] = {}  # portfolio end -> role word end
        self.private_names: list[str] = []  # people described as private persons whose names hide a country

    def span_at_or_after(self, offset: int) -> int:
        """Index of the first span starting at or after `offset` (len(spans) when none does)."""
        return bisect.bisect_left(self._starts, offset)

    def name_span_ends(self) -> set[int]:
        """Where spans that may be (part of) a person's name end; computed on first use."""
        if self._name_span_ends is None:
            self._name_span_ends = {
                span.end for span in self.spans if Kind.SURNAME in span.by_kind or Kind.OFFICIAL in span.by_kind
            }
        return self._name_span_ends

    def find_by_surname(self, token: str) -> Found | None:
        """The official found so far whose name (or a KB alias or surname) ends with `token`."""
        folded = fold(token)
        for record in self.found.values():
            names = [record.name] + (list(record.kb.aliases) + list(record.kb.surnames) if record.kb else [])
            for name in names:
                parts = fold(name).replace("-", " ").split()
                if parts and parts[-1] == folded:
                    return record
        return None
