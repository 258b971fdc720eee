"""Presearch keys as small integers, and the ones a document holds.

Rules mention keys (``nodes.PresearchKey``); a ``KeySpace`` numbers them while a rule set is
built, then, per document, intersects the document's terms, keyword values, token prefixes and
adjacent word pairs with the rules' keys and returns the ids found. Every set test the matcher
makes afterwards is between small frozensets of ints and that one set.
"""

from __future__ import annotations

import itertools
from typing import Any

from wirewatch.query.context import DocumentContext
from wirewatch.query.nodes import PresearchKey


class KeySpace:
    """Numbers every presearch key the rules mention and finds the ones a document holds."""

    def __init__(self) -> None:
        self.ids: dict[PresearchKey, int] = {}
        # field -> token / value / prefix -> key id: per field, so a document's term set meets
        # the rules' keys in one C-level set intersection instead of one lookup per term.
        self._text: dict[str, dict[str, int]] = {}
        self._keyword: dict[str, dict[str, int]] = {}
        self._prefix: dict[str, dict[str, int]] = {}
        self._prefix_lengths: dict[str, list[int]] = {}
        self._pairs: dict[str, dict[tuple[str, str], int]] = {}
        self._id_sets: dict[frozenset[PresearchKey], frozenset[int]] = {}
        self._frozen = False

    def id_set(self, keys: frozenset[PresearchKey]) -> frozenset[int]:
        if self._frozen:
            raise RuntimeError("key space is frozen: ids are numbered while a rule set is built")
        # Many rules share a term: one frozenset per distinct key set keeps 10,000 rules small.
        found = self._id_sets.get(keys)
        if found is None:
            found = self._id_sets[keys] = frozenset(self._id(key) for key in keys)
        return found

    def _id(self, key: PresearchKey) -> int:
        found = self.ids.get(key)
        if found is None:
            found = self.ids[key] = len(self.ids)
            kind, field, value = key
            tables: dict[str, dict[str, dict[Any, int]]] = {
                "t": self._text,
                "k": self._keyword,
                "p": self._prefix,
                "b": self._pairs,
            }
            tables[kind].setdefault(field, {})[value] = found
            if kind == "p":
                lengths = self._prefix_lengths.setdefault(field, [])
                if len(value) not in lengths:
                    lengths.append(len(value))
        return found

    def freeze(self) -> None:
        """Drop what only numbering needed; the per-field tables stay for `present`."""
        self.ids = {}
        self._id_sets = {}
        self._frozen = True

    def present(self, ctx: DocumentContext) -> set[int]:
        """The ids of the keys the document holds."""
        present: set[int] = set()
        for field, by_term in self._text.items():
            present.update(map(by_term.__getitem__, by_term.keys() & ctx.terms(field)))
        for field, by_value in self._keyword.items():
            present.update([by_value[value] for value in ctx.keywords(field) if value in by_value])
        for field, by_prefix in self._prefix.items():
            terms = ctx.terms(field)
            for length in self._prefix_lengths[field]:
                # A term shorter than `length` equals no key of that length unless it *is* a
                # shorter key, which it then starts with: either way the answer is right.
                heads = {term[:length] for term in terms}
                present.update(map(by_prefix.__getitem__, by_prefix.keys() & heads))
        for field, by_pair in self._pairs.items():
            for value_terms in ctx.term_lists(field):
                # Pairs within one value only: values are 100 positions apart, as in Elasticsearch.
                present.update(map(by_pair.__getitem__, by_pair.keys() & itertools.pairwise(value_terms)))
        return present
