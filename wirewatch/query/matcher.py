"""RuleMatcher: every alert rule against one document, sharing the analysis.

The presearcher works like Lucene Monitor. Each rule's query becomes a key condition
(``presearch.condition``): clauses of presearch keys (a token in a text field, a keyword
value, a token prefix, two tokens side by side) of which a matching document holds at least
one each, and keys it must not hold. Per document:

1. key presence: the ids of the keys the document holds, found by intersecting its term,
   value, prefix and word-pair sets with the rules' keys (C-level set operations);
2. candidates: rules indexed under one of those keys (each under its rarest clause), pure
   negations that none of those keys rules out, and the few rules with no condition at all;
3. evaluation: set tests of the remaining clauses and forbidden keys reject most candidates;
   a rule whose condition is exact is answered from key presence alone, labels included;
   only the rest (longer phrases, ranges, wildcards...) walk their node tree.

Results, matched labels included, are identical to walking every rule's tree (presearch=False);
the index and the set tests only skip work whose answer they already know.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from wirewatch.models import Rule
from wirewatch.query.context import DocumentContext
from wirewatch.query.errors import QuerySyntaxError, RuleError
from wirewatch.query.keys import KeySpace
from wirewatch.query.nodes import KeywordTerm, TextTerm, presearch_cost
from wirewatch.query.presearch import cheapest, condition, label_plan
from wirewatch.query.query import Query, match_context, now_millis, parse_query


@dataclass(frozen=True, slots=True)
class _Compiled:
    order: int
    rule: Rule
    query: Query
    # A rule that is one plain term matches exactly when the document holds one of its presearch
    # keys, so a presearch hit is its match: no evaluation, its one label is the matched term.
    certain_label: str | None = None
    # What a document must hold beyond the key the rule is indexed under (key ids): one key of
    # each clause, none of `forbidden`. Exact rules (`exact`) match exactly when this holds.
    clauses: tuple[frozenset[int], ...] = ()
    forbidden: frozenset[int] = frozenset()
    exact: bool = False
    # For exact rules: (key ids, label) in reporting order; None: walk the tree for the labels.
    labels: tuple[tuple[frozenset[int], str], ...] | None = None


def _certain_label(query: Query) -> str | None:
    root = query.root
    return root.label if type(root) in (TextTerm, KeywordTerm) else None


def _decided_labels(entry: _Compiled, is_indexed_negation: bool) -> tuple[str, ...] | None:
    if entry.certain_label is not None:
        return (entry.certain_label,)
    if is_indexed_negation and entry.labels == () and not entry.clauses:
        return ()
    return None


class _RuleSet:
    """An immutable, indexed set of compiled rules (swapped whole on replace)."""

    def __init__(self, parsed: list[tuple[Rule, Query]]) -> None:
        self.keys = KeySpace()
        compiled = [self._compile(order, rule, query) for order, (rule, query) in enumerate(parsed)]
        self.compiled = [entry for entry, _ in compiled]
        # Rules no key admits: a pure negation (`NOT x`) matches unless the document holds one of
        # its forbidden keys, so it is indexed the other way round, by the keys that rule it out;
        # what remains (date ranges alone, `*:*`...) is evaluated for every document.
        self.always: list[_Compiled] = []
        self.negations: list[_Compiled] = []
        index: dict[int, list[int]] = {}
        ruled_out_by: dict[int, list[int]] = {}
        for entry, indexed_on in compiled:
            if indexed_on is not None:
                for key_id in indexed_on:
                    index.setdefault(key_id, []).append(entry.order)
            elif entry.exact and entry.forbidden:
                self.negations.append(entry)
                for key_id in entry.forbidden:
                    ruled_out_by.setdefault(key_id, []).append(entry.order)
            else:
                self.always.append(entry)
        self._index = {key_id: tuple(orders) for key_id, orders in index.items()}
        self._ruled_out_by = {key_id: tuple(orders) for key_id, orders in ruled_out_by.items()}
        self._always_orders = frozenset(entry.order for entry in self.always)
        self._negation_orders = frozenset(entry.order for entry in self.negations)
        self.key_count = len(self._index)
        self.keys.freeze()
        # The hot loop unpacks one tuple per candidate instead of reading six attributes. Its
        # second item is the answer when being a candidate decides the match: a plain term hit in
        # the index, or a negation with no positive term that nothing ruled out (it reports []).
        negations = self._negation_orders
        self._steps = [
            (e.rule, _decided_labels(e, e.order in negations), e.forbidden, e.clauses, e.labels, e.query.root)
            for e in self.compiled
        ]

    def _compile(self, order: int, rule: Rule, query: Query) -> tuple[_Compiled, frozenset[int] | None]:
        """The rule's entry, and the key ids it is indexed under (None: no clause to index)."""
        found = condition(query.root)
        indexed_on = cheapest(found.clauses) if found.clauses else None
        # The clause the rule is indexed under holds for every candidate: no need to test it.
        rest = sorted((c for c in found.clauses if c is not indexed_on), key=presearch_cost)
        plan = label_plan(query.root) if found.exact else None
        entry = _Compiled(
            order,
            rule,
            query,
            _certain_label(query),
            tuple(self.keys.id_set(c) for c in rest),
            self.keys.id_set(found.forbidden),
            found.exact,
            None if plan is None else tuple((self.keys.id_set(keys), label) for keys, label in plan),
        )
        return entry, None if indexed_on is None else self.keys.id_set(indexed_on)

    def candidate_orders(self, present: set[int]) -> list[int]:
        """Rules indexed under a key the document holds, negations it does not rule out, and the
        rules with no key at all, in rule order."""
        chosen = set(self._always_orders)
        index = self._index
        chosen.update(*map(index.__getitem__, index.keys() & present))
        if self._negation_orders:
            ruled_out_by = self._ruled_out_by
            ruled_out = set().union(*map(ruled_out_by.__getitem__, ruled_out_by.keys() & present))
            chosen.update(self._negation_orders - ruled_out)
        return sorted(chosen)

    def candidates(self, ctx: DocumentContext) -> list[_Compiled]:
        compiled = self.compiled
        return [compiled[order] for order in self.candidate_orders(self.keys.present(ctx))]

    def work(self, ctx: DocumentContext) -> dict[str, int]:
        """How `match` would treat one document's candidates (for benchmarks and tests):
        decided by the index alone (a plain term hit, a negation nothing ruled out), rejected by
        a set test, answered from key presence, or walked (the rule's node tree evaluated)."""
        present = self.keys.present(ctx)
        counts = dict.fromkeys(("candidates", "index_alone", "rejected_by_keys", "answered_by_keys", "walked"), 0)
        for order in self.candidate_orders(present):
            _rule, decided, forbidden, clauses, plan, _root = self._steps[order]
            counts["candidates"] += 1
            if decided is not None:
                counts["index_alone"] += 1
            elif not forbidden.isdisjoint(present) or any(clause.isdisjoint(present) for clause in clauses):
                counts["rejected_by_keys"] += 1
            else:
                counts["walked" if plan is None else "answered_by_keys"] += 1
        return counts

    def match(self, ctx: DocumentContext) -> list[tuple[Rule, list[str]]]:
        present = self.keys.present(ctx)
        steps = self._steps
        results: list[tuple[Rule, list[str]]] = []
        for order in self.candidate_orders(present):
            rule, decided, forbidden, clauses, plan, root = steps[order]
            if decided is not None:
                results.append((rule, list(decided)))
                continue
            # Set tests first: most candidates fail one and are never walked.
            if forbidden and not forbidden.isdisjoint(present):
                continue
            for clause in clauses:
                if clause.isdisjoint(present):
                    break
            else:
                if plan is None:
                    matched = match_context(root, ctx)
                    if matched is not None:
                        results.append((rule, matched))
                    continue
                labels = [label for keys, label in plan if not keys.isdisjoint(present)]
                results.append((rule, list(dict.fromkeys(labels)) if len(labels) > 1 else labels))
        return results


def _compile_rules(rules: list[Rule]) -> tuple[list[tuple[Rule, Query]], list[RuleError]]:
    parsed: list[tuple[Rule, Query]] = []
    errors: list[RuleError] = []
    for rule in rules:
        if rule.type != "match":  # frequency, spike, new entity, flatline: counted by the alerting stage
            continue
        try:
            query = parse_query(rule.query)
        except QuerySyntaxError as exc:
            errors.append(RuleError(rule.id, rule.name, rule.query, exc.message, exc.position))
            continue
        parsed.append((rule, query))
    return parsed, errors


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
        parsed, errors = _compile_rules(list(rules))
        new_set = _RuleSet(parsed)
        with self._lock:
            # One attribute assignment: a concurrent match sees the old or the new set.
            self._set, self._errors = new_set, errors
        return list(errors)

    def match(self, doc: dict[str, Any], now: datetime | None = None) -> list[tuple[Rule, list[str]]]:
        rule_set = self._set
        ctx = DocumentContext(doc, now_millis(now))
        if self._presearch:
            return rule_set.match(ctx)
        results: list[tuple[Rule, list[str]]] = []
        for entry in rule_set.compiled:
            matched = match_context(entry.query.root, ctx)
            if matched is not None:
                results.append((entry.rule, matched))
        return results
