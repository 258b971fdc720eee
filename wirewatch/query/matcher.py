"""RuleMatcher: every alert rule against one document, sharing the analysis.

A presearcher indexes rules by presearch keys (a text token in a field, or an
exact keyword value) of which every matching document must contain at least
one. For each document only the rules indexed under one of its keys, plus the
rules with no such key (pure negations, ranges, wildcards...), are evaluated.
Results are identical to evaluating every rule; the index only skips rules
that cannot match.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from wirewatch.models import Rule
from wirewatch.query.context import DocumentContext
from wirewatch.query.errors import QuerySyntaxError, RuleError
from wirewatch.query.nodes import KeywordTerm, TextTerm
from wirewatch.query.query import Query, match_context, now_millis, parse_query


@dataclass(frozen=True, slots=True)
class _Compiled:
    order: int
    rule: Rule
    query: Query
    # A rule that is one plain term matches exactly when the document holds one of its presearch
    # keys, so a presearch hit is its match: no evaluation, its one label is the matched term.
    certain_label: str | None = None


def _certain_label(query: Query) -> str | None:
    root = query.root
    return root.label if type(root) in (TextTerm, KeywordTerm) else None


class _RuleSet:
    """An immutable, indexed set of compiled rules (swapped whole on replace)."""

    def __init__(self, compiled: list[_Compiled]) -> None:
        self.compiled = compiled
        self.always: list[_Compiled] = []
        # field -> term or value -> rules: per field, so a document's term set intersects the
        # index's keys in one C-level set operation instead of one dict lookup per term.
        self.text_index: dict[str, dict[str, list[_Compiled]]] = {}
        self.keyword_index: dict[str, dict[str, list[_Compiled]]] = {}
        for entry in compiled:
            keys = entry.query.required_keys()
            if keys is None:
                self.always.append(entry)
                continue
            for kind, field, value in keys:
                index = self.text_index if kind == "t" else self.keyword_index
                index.setdefault(field, {}).setdefault(value, []).append(entry)
        self.key_count = sum(len(by_value) for index in (self.text_index, self.keyword_index)
                             for by_value in index.values())

    def candidates(self, ctx: DocumentContext) -> list[_Compiled]:
        if not self.text_index and not self.keyword_index:
            return self.always
        chosen: dict[int, _Compiled] = {entry.order: entry for entry in self.always}
        for field, by_term in self.text_index.items():
            for term in by_term.keys() & ctx.terms(field):
                for entry in by_term[term]:
                    chosen[entry.order] = entry
        for field, by_value in self.keyword_index.items():
            for value in by_value.keys() & set(ctx.keywords(field)):
                for entry in by_value[value]:
                    chosen[entry.order] = entry
        return [chosen[order] for order in sorted(chosen)]


def _compile_rules(rules: list[Rule]) -> tuple[list[_Compiled], list[RuleError]]:
    compiled: list[_Compiled] = []
    errors: list[RuleError] = []
    for rule in rules:
        try:
            query = parse_query(rule.query)
        except QuerySyntaxError as exc:
            errors.append(RuleError(rule.id, rule.name, rule.query, exc.message, exc.position))
            continue
        compiled.append(_Compiled(len(compiled), rule, query, _certain_label(query)))
    return compiled, errors


class RuleMatcher:
    """Matches documents against a set of rules; bad rules are reported and skipped."""

    def __init__(self, rules: list[Rule], presearch: bool = True) -> None:
        self._presearch = presearch
        self._lock = threading.Lock()
        self._errors: list[RuleError] = []
        self._set = _RuleSet([])
        self.replace(rules)

    @property
    def errors(self) -> list[RuleError]:
        return list(self._errors)

    @property
    def rules(self) -> list[Rule]:
        return [entry.rule for entry in self._set.compiled]

    def replace(self, rules: list[Rule]) -> list[RuleError]:
        """Swap in a new rule set atomically; returns (and keeps) its errors."""
        compiled, errors = _compile_rules(list(rules))
        new_set = _RuleSet(compiled)
        with self._lock:
            # One attribute assignment: a concurrent match sees the old or the new set.
            self._set, self._errors = new_set, errors
        return list(errors)

    def match(self, doc: dict[str, Any], now: datetime | None = None) -> list[tuple[Rule, list[str]]]:
        rule_set = self._set
        ctx = DocumentContext(doc, now_millis(now))
        results: list[tuple[Rule, list[str]]] = []
        if not self._presearch:
            for entry in rule_set.compiled:
                matched = match_context(entry.query.root, ctx)
                if matched is not None:
                    results.append((entry.rule, matched))
            return results
        for entry in rule_set.candidates(ctx):
            if entry.certain_label is not None:
                results.append((entry.rule, [entry.certain_label]))
                continue
            matched = match_context(entry.query.root, ctx)
            if matched is not None:
                results.append((entry.rule, matched))
        return results
