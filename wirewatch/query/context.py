"""Per-document analysis cache, shared by every rule evaluated on one document.

Each text field is analysed at most once per document, and only if some rule
actually looks at it; keyword, number and date values are extracted once.
"""

from __future__ import annotations

import struct
import time
from typing import Any

from wirewatch.query.analysis import Token, analyze, analyze_with_offsets
from wirewatch.query.dates import doc_date_millis
from wirewatch.query.fields import field_values, keyword_string

# Elasticsearch puts this many positions between the values of a multi-valued
# text field, so a phrase never spans two values.
POSITION_INCREMENT_GAP = 100


def to_float32(value: float) -> float:
    """Round through IEEE single precision, as a `float` field stores values."""
    rounded: float = struct.unpack("f", struct.pack("f", value))[0]
    return rounded


class DocumentContext:
    __slots__ = (
        "_analysed_values",
        "_bools",
        "_dates",
        "_keywords",
        "_numbers",
        "_postings",
        "_terms",
        "_tokens",
        "doc",
        "now_millis",
    )

    def __init__(self, doc: dict[str, Any], now_millis: int | None = None) -> None:
        self.doc = doc
        self.now_millis = int(time.time() * 1000) if now_millis is None else now_millis
        self._tokens: dict[str, list[tuple[int, Token]]] = {}
        self._analysed_values: dict[str, list[list[str]]] = {}
        self._postings: dict[str, dict[str, list[int]]] = {}
        self._terms: dict[str, frozenset[str]] = {}
        self._keywords: dict[str, list[str]] = {}
        self._numbers: dict[tuple[str, bool], list[float]] = {}
        self._dates: dict[str, list[int]] = {}
        self._bools: dict[str, list[bool]] = {}

    def tokens(self, field: str) -> list[tuple[int, Token]]:
        """(value index, token) pairs; token positions already include value gaps."""
        cached = self._tokens.get(field)
        if cached is None:
            cached = []
            base = 0
            for index, value in enumerate(v for v in field_values(self.doc, field) if isinstance(v, str)):
                analysed = analyze_with_offsets(value)
                for token in analysed:
                    cached.append((index, token._replace(position=token.position + base)))
                base += len(analysed) + POSITION_INCREMENT_GAP
            self._tokens[field] = cached
        return cached

    def term_lists(self, field: str) -> list[list[str]]:
        """The terms of each string value of a field, in position order."""
        return self._analysed(field)

    def _analysed(self, field: str) -> list[list[str]]:
        """The terms of each string value of a field, analysed once per document."""
        cached = self._analysed_values.get(field)
        if cached is None:
            cached = [analyze(value) for value in field_values(self.doc, field) if isinstance(value, str)]
            self._analysed_values[field] = cached
        return cached

    def postings(self, field: str) -> dict[str, list[int]]:
        """term → positions; built without Token objects, and only when a phrase asks."""
        cached = self._postings.get(field)
        if cached is None:
            cached = {}
            base = 0
            for terms in self._analysed(field):
                for position, term in enumerate(terms, base):
                    positions = cached.get(term)
                    if positions is None:
                        cached[term] = [position]
                    else:
                        positions.append(position)
                base += len(terms) + POSITION_INCREMENT_GAP
            self._postings[field] = cached
        return cached

    def terms(self, field: str) -> frozenset[str]:
        cached = self._terms.get(field)
        if cached is None:
            values = self._analysed(field)
            cached = frozenset(values[0]) if len(values) == 1 else frozenset(t for terms in values for t in terms)
            self._terms[field] = cached
        return cached

    def keywords(self, field: str) -> list[str]:
        cached = self._keywords.get(field)
        if cached is None:
            values = field_values(self.doc, field)
            cached = self._keywords[field] = [
                v if type(v) is str else keyword_string(v) for v in values if not isinstance(v, (dict, list))
            ]
        return cached

    def numbers(self, field: str, single_precision: bool) -> list[float]:
        key = (field, single_precision)
        cached = self._numbers.get(key)
        if cached is None:
            cached = []
            for value in field_values(self.doc, field):
                if isinstance(value, bool):
                    continue
                try:
                    number = float(value)
                except (TypeError, ValueError):
                    continue
                # Integer fields truncate (ES coerce); float fields are 32-bit.
                cached.append(to_float32(number) if single_precision else float(int(number)))
            self._numbers[key] = cached
        return cached

    def dates(self, field: str) -> list[int]:
        cached = self._dates.get(field)
        if cached is None:
            parsed = (doc_date_millis(v) for v in field_values(self.doc, field))
            cached = self._dates[field] = [v for v in parsed if v is not None]
        return cached

    def booleans(self, field: str) -> list[bool]:
        cached = self._bools.get(field)
        if cached is None:
            cached = []
            for value in field_values(self.doc, field):
                if isinstance(value, bool):
                    cached.append(value)
                elif value in ("true", "false"):
                    cached.append(value == "true")
            self._bools[field] = cached
        return cached

    def has_value(self, field: str) -> bool:
        for value in field_values(self.doc, field):
            if isinstance(value, (dict, list)):
                if value:
                    return True
            else:
                return True
        return False
