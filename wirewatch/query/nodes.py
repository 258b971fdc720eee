"""Compiled query nodes: each one matches a DocumentContext.

Every node offers:
* ``match(ctx, out)`` – True when it matches; appends the labels of the
  positive leaves that matched to ``out`` (only when it matches);
* ``spans(ctx, field, out)`` – character spans of the tokens it would highlight;
* ``fts()`` – an SQLite FTS5 expression selecting a superset of its matches, or
  None when no such restriction is possible;
* ``required()`` – for the presearcher: a set of alternatives, one of which must
  be present in the document for the node to match (None: no such set).
"""

from __future__ import annotations

import heapq
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Protocol

from wirewatch.query.analysis import fts_safe
from wirewatch.query.context import DocumentContext
from wirewatch.query.dates import DateMath

Span = tuple[int, int, int]  # (value index, start, end)
# A presearch key: ("t", field, token) for a text token, ("k", field, value) for
# a keyword value, ("p", field, prefix) for a token starting with prefix, ("b", field,
# (token, token)) for two tokens at adjacent positions. A document "has" a key when that
# token/value/prefix/pair is present.
PresearchKey = tuple[str, str, "str | tuple[str, str]"]


class Node(Protocol):
    label: str

    def match(self, ctx: DocumentContext, out: list[str]) -> bool: ...

    def spans(self, ctx: DocumentContext, field: str, out: list[Span]) -> None: ...

    def fts(self) -> str | None: ...

    def required(self) -> frozenset[PresearchKey] | None: ...


# Keyword fields with few distinct values: a dispatch often holds any given one, so a rule indexed
# under one of them is a candidate for many dispatches (Lucene Monitor's TermWeightor idea).
_COMMON_KEYWORD_FIELDS = frozenset(
    {
        "countries.code",
        "countries.name",
        "officials.country",
        "officials.role",
        "agencies.kind",
        "agencies.country",
        "language",
        "source",
        "keywords",
        "events.type",
        "events.use",
    }
)


def presearch_cost(keys: frozenset[PresearchKey]) -> float:
    """How many documents a set of presearch keys is expected to admit, in rough relative units."""
    cost = 0.0
    for kind, field, value in keys:
        if kind == "k":
            cost += 16.0 if field in _COMMON_KEYWORD_FIELDS else 1.0
        elif kind == "p":
            cost += 8.0 / max(len(value), 1)  # a prefix admits every word it starts
        elif kind == "b":
            cost += 0.5  # two given words side by side: rarer than either word
        else:
            cost += 4.0 / max(len(value), 1)  # short tokens ("of", "us") are common, long ones rare
    return cost


def fts_string(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def fts_columns(fields: tuple[str, ...]) -> str:
    return fields[0] if len(fields) == 1 else "{" + " ".join(fields) + "}"


class _Leaf:
    """Defaults for leaves that neither highlight nor pre-filter."""

    label = ""

    def spans(self, ctx: DocumentContext, field: str, out: list[Span]) -> None:
        return None

    def fts(self) -> str | None:
        return None

    def required(self) -> frozenset[PresearchKey] | None:
        return None


class MatchAll(_Leaf):
    def __init__(self, label: str = "*:*") -> None:
        self.label = label

    def match(self, ctx: DocumentContext, out: list[str]) -> bool:
        out.append(self.label)
        return True


class MatchNone(_Leaf):
    def __init__(self, label: str = "") -> None:
        self.label = label

    def match(self, ctx: DocumentContext, out: list[str]) -> bool:
        return False

    def required(self) -> frozenset[PresearchKey] | None:
        return frozenset()  # nothing can satisfy it


class TextTerm:
    """An analysed term: matches when any of its tokens is in any of the fields.

    A term the analyzer splits (``al-Assad`` → al, assad) is, like in
    Elasticsearch's query_string with default_operator OR, a disjunction.
    """

    def __init__(self, fields: tuple[str, ...], tokens: list[str], fts_texts: list[str], label: str) -> None:
        self.fields = fields
        self.tokens = frozenset(tokens)
        self.fts_texts = fts_texts
        self.label = label

    def match(self, ctx: DocumentContext, out: list[str]) -> bool:
        for field in self.fields:
            if not self.tokens.isdisjoint(ctx.terms(field)):
                out.append(self.label)
                return True
        return False

    def spans(self, ctx: DocumentContext, field: str, out: list[Span]) -> None:
        if field in self.fields:
            out.extend((i, t.start, t.end) for i, t in ctx.tokens(field) if t.term in self.tokens)

    def fts(self) -> str | None:
        if not all(fts_safe(text) for text in self.fts_texts):
            return None
        alternatives = " OR ".join(fts_string(text) for text in self.fts_texts)
        if len(self.fts_texts) > 1:
            alternatives = f"({alternatives})"
        return f"{fts_columns(self.fields)} : {alternatives}"

    def required(self) -> frozenset[PresearchKey] | None:
        return frozenset(("t", f, t) for f in self.fields for t in self.tokens)


def _exact_phrase_starts(postings: dict[str, list[int]], tokens: list[str], offsets: list[int]) -> list[int]:
    first = postings.get(tokens[0])
    if not first:
        return []
    position_sets = []
    for token in tokens[1:]:
        found = postings.get(token)
        if not found:
            return []
        position_sets.append(set(found))
    return [
        start
        for start in first
        if all(
            start + offset - offsets[0] in positions
            for offset, positions in zip(offsets[1:], position_sets, strict=False)
        )
    ]


def _sloppy_phrase_matches(postings: dict[str, list[int]], tokens: list[str], offsets: list[int], slop: int) -> bool:
    """Lucene's sloppy phrase condition: some choice of one position per query
    token (distinct positions for repeated tokens) with
    max(pos - offset) - min(pos - offset) <= slop."""
    lists = []
    for token, offset in zip(tokens, offsets, strict=False):
        found = postings.get(token)
        if not found:
            return False
        lists.append(sorted(p - offset for p in found))
    if len(set(tokens)) == len(tokens):
        # Smallest range covering one value from each list (heap sweep).
        heap = [(values[0], index, 0) for index, values in enumerate(lists)]
        heapq.heapify(heap)
        high = max(values[0] for values in lists)
        while True:
            low, index, pointer = heapq.heappop(heap)
            if high - low <= slop:
                return True
            if pointer + 1 == len(lists[index]):
                return False
            following = lists[index][pointer + 1]
            high = max(high, following)
            heapq.heappush(heap, (following, index, pointer + 1))

    # Repeated tokens must sit on distinct positions; search exhaustively (phrases are short).
    def search(index: int, low: int, high: int, used: set[int]) -> bool:
        if index == len(tokens):
            return high - low <= slop
        for shifted in lists[index]:
            position = shifted + offsets[index]
            if position in used:
                continue
            new_low, new_high = min(low, shifted), max(high, shifted)
            if new_high - new_low > slop:
                continue
            used.add(position)
            if search(index + 1, new_low, new_high, used):
                return True
            used.discard(position)
        return False

    return search(0, 1 << 60, -(1 << 60), set())


class TextPhrase:
    def __init__(
        self, fields: tuple[str, ...], tokens: list[str], offsets: list[int], slop: int, fts_text: str, label: str
    ) -> None:
        self.fields = fields
        self.tokens = tokens
        self.token_set = frozenset(tokens)
        self.offsets = offsets
        self.slop = slop
        self.fts_text = fts_text
        self.label = label

    def _matches_field(self, ctx: DocumentContext, field: str) -> bool:
        # Every token must be in the field: a set check that spares building positions
        # for most documents (the presearcher indexes a phrase under one token only).
        if not self.token_set <= ctx.terms(field):
            return False
        postings = ctx.postings(field)
        if self.slop == 0:
            return bool(_exact_phrase_starts(postings, self.tokens, self.offsets))
        return _sloppy_phrase_matches(postings, self.tokens, self.offsets, self.slop)

    def match(self, ctx: DocumentContext, out: list[str]) -> bool:
        for field in self.fields:
            if self._matches_field(ctx, field):
                out.append(self.label)
                return True
        return False

    def spans(self, ctx: DocumentContext, field: str, out: list[Span]) -> None:
        if field not in self.fields or not self._matches_field(ctx, field):
            return
        tokens = ctx.tokens(field)
        by_position = {t.position: (i, t) for i, t in tokens}
        if self.slop == 0:
            for start in _exact_phrase_starts(ctx.postings(field), self.tokens, self.offsets):
                for offset in self.offsets:
                    index, token = by_position[start + offset - self.offsets[0]]
                    out.append((index, token.start, token.end))
        else:
            wanted = set(self.tokens)
            out.extend((i, t.start, t.end) for i, t in tokens if t.term in wanted)

    def fts(self) -> str | None:
        if not fts_safe(self.fts_text):
            return None
        if self.slop == 0:
            return f"{fts_columns(self.fields)} : {fts_string(self.fts_text)}"
        # A sloppy phrase may reorder its words: require each, anywhere.
        return None

    def required(self) -> frozenset[PresearchKey] | None:
        # Any one token is necessary; pick the rarest-looking (longest) one.
        token = max(self.tokens, key=len)
        return frozenset(("t", f, token) for f in self.fields)


class TextPattern:
    """Wildcard or prefix on a text field: matched per token, pattern lowercased.

    ``prefix_only``: the pattern is ``literal_prefix`` followed by ``*`` only, so a token
    matches exactly when it starts with the prefix (the presearcher answers it from an index).
    """

    def __init__(
        self,
        fields: tuple[str, ...],
        matcher: Callable[[str], object],
        literal_prefix: str,
        label: str,
        prefix_only: bool = False,
    ) -> None:
        self.fields = fields
        self.matcher = matcher
        self.literal_prefix = literal_prefix
        self.label = label
        self.prefix_only = prefix_only and bool(literal_prefix)

    def match(self, ctx: DocumentContext, out: list[str]) -> bool:
        for field in self.fields:
            if any(self.matcher(term) for term in ctx.terms(field)):
                out.append(self.label)
                return True
        return False

    def spans(self, ctx: DocumentContext, field: str, out: list[Span]) -> None:
        if field in self.fields:
            out.extend((i, t.start, t.end) for i, t in ctx.tokens(field) if self.matcher(t.term))

    def fts(self) -> str | None:
        if not fts_safe(self.literal_prefix):
            return None
        return f"{fts_columns(self.fields)} : {fts_string(self.literal_prefix)} *"

    def required(self) -> frozenset[PresearchKey] | None:
        return None


class TextRange(_Leaf):
    """A term range over the tokens of text fields (bounds lowercased)."""

    def __init__(
        self,
        fields: tuple[str, ...],
        low: str | None,
        high: str | None,
        include_low: bool,
        include_high: bool,
        label: str,
    ) -> None:
        self.fields = fields
        self.check = _string_range(low, high, include_low, include_high)
        self.label = label

    def match(self, ctx: DocumentContext, out: list[str]) -> bool:
        for field in self.fields:
            if any(self.check(term) for term in ctx.terms(field)):
                out.append(self.label)
                return True
        return False

    def spans(self, ctx: DocumentContext, field: str, out: list[Span]) -> None:
        if field in self.fields:
            out.extend((i, t.start, t.end) for i, t in ctx.tokens(field) if self.check(t.term))


def _string_range(low: str | None, high: str | None, include_low: bool, include_high: bool) -> Callable[[str], bool]:
    # Python compares str by code point, the same order as Lucene's UTF-8 bytes.
    def check(value: str) -> bool:
        if low is not None and (value < low or (value == low and not include_low)):
            return False
        return not (high is not None and (value > high or (value == high and not include_high)))

    return check


class KeywordTerm(_Leaf):
    def __init__(self, field: str, value: str, label: str) -> None:
        self.field = field
        self.value = value
        self.label = label

    def match(self, ctx: DocumentContext, out: list[str]) -> bool:
        if self.value in ctx.keywords(self.field):
            out.append(self.label)
            return True
        return False

    def required(self) -> frozenset[PresearchKey] | None:
        return frozenset({("k", self.field, self.value)})


class KeywordPattern(_Leaf):
    def __init__(self, field: str, matcher: Callable[[str], object], label: str) -> None:
        self.field = field
        self.matcher = matcher
        self.label = label

    def match(self, ctx: DocumentContext, out: list[str]) -> bool:
        if any(self.matcher(value) for value in ctx.keywords(self.field)):
            out.append(self.label)
            return True
        return False


class KeywordRange(_Leaf):
    def __init__(
        self, field: str, low: str | None, high: str | None, include_low: bool, include_high: bool, label: str
    ) -> None:
        self.field = field
        self.check = _string_range(low, high, include_low, include_high)
        self.label = label

    def match(self, ctx: DocumentContext, out: list[str]) -> bool:
        if any(self.check(value) for value in ctx.keywords(self.field)):
            out.append(self.label)
            return True
        return False


class NumberRange(_Leaf):
    """Numeric term or range; a term is a range with equal inclusive bounds."""

    def __init__(
        self,
        field: str,
        single_precision: bool,
        low: float | None,
        high: float | None,
        include_low: bool,
        include_high: bool,
        label: str,
    ) -> None:
        self.field = field
        self.single_precision = single_precision
        self.low, self.high = low, high
        self.include_low, self.include_high = include_low, include_high
        self.label = label

    def match(self, ctx: DocumentContext, out: list[str]) -> bool:
        low, high = self.low, self.high
        for value in ctx.numbers(self.field, self.single_precision):
            if low is not None and (value < low or (value == low and not self.include_low)):
                continue
            if high is not None and (value > high or (value == high and not self.include_high)):
                continue
            out.append(self.label)
            return True
        return False


class DateRange(_Leaf):
    """Date term or range; bounds are resolved at match time (``now`` moves)."""

    def __init__(
        self, field: str, low: DateMath | None, high: DateMath | None, include_low: bool, include_high: bool, label: str
    ) -> None:
        self.field = field
        self.low, self.high = low, high
        self.include_low, self.include_high = include_low, include_high
        self.label = label

    def match(self, ctx: DocumentContext, out: list[str]) -> bool:
        values = ctx.dates(self.field)
        if not values:
            return False
        # gte/lt round down, gt/lte round up (ES date-math rounding rules).
        low = None if self.low is None else self.low.resolve(ctx.now_millis, round_up=not self.include_low)
        high = None if self.high is None else self.high.resolve(ctx.now_millis, round_up=self.include_high)
        for value in values:
            if low is not None and (value < low or (value == low and not self.include_low)):
                continue
            if high is not None and (value > high or (value == high and not self.include_high)):
                continue
            out.append(self.label)
            return True
        return False


class BooleanTerm(_Leaf):
    def __init__(self, field: str, value: bool, label: str) -> None:
        self.field = field
        self.value = value
        self.label = label

    def match(self, ctx: DocumentContext, out: list[str]) -> bool:
        if self.value in ctx.booleans(self.field):
            out.append(self.label)
            return True
        return False


class Exists(_Leaf):
    def __init__(self, fields: tuple[str, ...], label: str) -> None:
        self.fields = fields
        self.label = label

    def match(self, ctx: DocumentContext, out: list[str]) -> bool:
        if any(ctx.has_value(field) for field in self.fields):
            out.append(self.label)
            return True
        return False


class Occur(Enum):
    MUST = "+"
    SHOULD = ""
    MUST_NOT = "-"


@dataclass(slots=True)
class Clause:
    occur: Occur
    node: Node


class BooleanNode:
    """Lucene BooleanQuery semantics.

    With MUST clauses, SHOULD clauses are optional (they only add labels);
    without, at least one SHOULD must match. Only MUST_NOT clauses: everything
    except them (Elasticsearch's fixNegativeQueryIfNeeded adds a match_all).
    """

    label = ""

    def __init__(self, clauses: list[Clause]) -> None:
        self.must = [c.node for c in clauses if c.occur is Occur.MUST]
        self.should = [c.node for c in clauses if c.occur is Occur.SHOULD]
        self.must_not = [c.node for c in clauses if c.occur is Occur.MUST_NOT]

    def match(self, ctx: DocumentContext, out: list[str]) -> bool:
        # Labels go straight into `out` and are cut back if this node fails: no list per call.
        mark = len(out)
        for node in self.must:
            if not node.match(ctx, out):
                del out[mark:]
                return False
        if self.must_not:
            discard: list[str] = []
            for node in self.must_not:
                if node.match(ctx, discard):
                    del out[mark:]
                    return False
        if self.should:
            matched_any = False
            for node in self.should:
                if node.match(ctx, out):
                    matched_any = True
            if not matched_any and not self.must:
                del out[mark:]
                return False
        return True

    def positives(self) -> list[Node]:
        return [*self.must, *self.should]

    def spans(self, ctx: DocumentContext, field: str, out: list[Span]) -> None:
        for node in self.positives():
            node.spans(ctx, field, out)

    def fts(self) -> str | None:
        if self.must:
            parts = [p for p in (node.fts() for node in self.must) if p is not None]
            if not parts:
                return None
            return parts[0] if len(parts) == 1 else " AND ".join(f"({p})" for p in parts)
        if not self.should:
            return None  # only negative clauses: cannot restrict
        parts = []
        for node in self.should:
            part = node.fts()
            if part is None:
                return None
            parts.append(part)
        return parts[0] if len(parts) == 1 else " OR ".join(f"({p})" for p in parts)

    def required(self) -> frozenset[PresearchKey] | None:
        if self.must:
            # Any MUST clause's alternatives are necessary; index the set the fewest documents are
            # likely to hold (a rare word beats a country code every other dispatch carries).
            best: frozenset[PresearchKey] | None = None
            best_cost = 0.0
            for node in self.must:
                keys = node.required()
                if keys is None:
                    continue
                cost = presearch_cost(keys)
                if best is None or cost < best_cost:
                    best, best_cost = keys, cost
            return best
        if not self.should:
            return None
        union: set[PresearchKey] = set()
        for node in self.should:
            keys = node.required()
            if keys is None:
                return None
            union |= keys
        return frozenset(union)


class AnyOf:
    """Disjunction of the same query over several fields (Elasticsearch dis_max)."""

    def __init__(self, nodes: list[Node], label: str) -> None:
        self.nodes = nodes
        self.label = label

    def match(self, ctx: DocumentContext, out: list[str]) -> bool:
        scratch: list[str] = []
        if any(node.match(ctx, scratch) for node in self.nodes):
            out.append(self.label)
            return True
        return False

    def spans(self, ctx: DocumentContext, field: str, out: list[Span]) -> None:
        for node in self.nodes:
            node.spans(ctx, field, out)

    def fts(self) -> str | None:
        parts = []
        for node in self.nodes:
            part = node.fts()
            if part is None:
                return None
            parts.append(part)
        return " OR ".join(f"({p})" for p in parts)

    def required(self) -> frozenset[PresearchKey] | None:
        union: set[PresearchKey] = set()
        for node in self.nodes:
            keys = node.required()
            if keys is None:
                return None
            union |= keys
        return frozenset(union)
