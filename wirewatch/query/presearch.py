"""What a document must hold for a query to match, as sets of presearch keys.

The presearcher (``matcher.RuleMatcher``) answers most rules with set operations on the
keys a document holds instead of walking the rule's node tree. For each query node this
module derives a ``Condition`` in conjunctive form:

* ``clauses``: each a set of keys of which the document must hold at least one;
* ``forbidden``: keys none of which the document may hold;
* ``exact``: whether the condition is also sufficient (``a AND NOT b`` is, a phrase is not:
  its words must also be adjacent).

A condition that is not exact is still *necessary*: a document that fails it cannot match,
so skipping it never changes a result. Keys are ``("t", field, token)`` (a token in a text
field), ``("k", field, value)`` (a keyword value) and ``("p", field, prefix)`` (some token of
a text field starts with ``prefix``).

``label_plan`` lists, for an exact query, the (keys, label) pairs whose presence decides which
matched terms it reports, in the order the node tree would report them; None when the
labels depend on more than presence (then the tree is walked for a document that passes).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from wirewatch.query.nodes import (
    AnyOf,
    BooleanNode,
    KeywordTerm,
    MatchNone,
    Node,
    PresearchKey,
    TextPattern,
    TextPhrase,
    TextTerm,
    presearch_cost,
)

Keys = frozenset[PresearchKey]
LabelPlan = list[tuple[Keys, str]]
_NOTHING: Keys = frozenset()


@dataclass(frozen=True, slots=True)
class Condition:
    clauses: tuple[Keys, ...] = ()
    forbidden: Keys = _NOTHING
    exact: bool = False

    @property
    def is_disjunction(self) -> bool:
        """Exactly "one of these keys is present": usable under NOT and inside OR."""
        return self.exact and len(self.clauses) == 1 and not self.forbidden


UNKNOWN = Condition()  # no constraint known: the node must be evaluated


def _any_of(keys: Keys) -> Condition:
    return Condition((keys,), _NOTHING, True)


def condition(node: Node) -> Condition:
    if type(node) is TextTerm:
        return _any_of(frozenset(("t", f, t) for f in node.fields for t in node.tokens))
    if type(node) is KeywordTerm:
        return _any_of(frozenset({("k", node.field, node.value)}))
    if type(node) is MatchNone:
        return _any_of(_NOTHING)  # an empty clause: nothing satisfies it
    if type(node) is TextPhrase:
        return _phrase(node)
    if type(node) is TextPattern:
        if not node.literal_prefix:
            return UNKNOWN
        keys = frozenset(("p", f, node.literal_prefix) for f in node.fields)
        return _any_of(keys) if node.prefix_only else Condition((keys,))
    if type(node) is BooleanNode:
        return _boolean(node)
    if type(node) is AnyOf:
        return _disjunction([condition(child) for child in node.nodes])
    return UNKNOWN


def _phrase(node: TextPhrase) -> Condition:
    tokens, offsets = node.tokens, node.offsets
    consecutive = all(b - a == 1 for a, b in itertools.pairwise(offsets))
    if node.slop == 0 and consecutive:
        # Each pair of neighbouring words must stand side by side; for a two-word phrase that
        # is the whole phrase, so the document's word pairs answer it without positions.
        pairs = tuple(
            frozenset(("b", f, pair) for f in node.fields) for pair in dict.fromkeys(itertools.pairwise(tokens))
        )
        return Condition(pairs, _NOTHING, len(tokens) == 2)
    # Every word must be in the field; the same field and the distances are left to evaluation.
    return Condition(tuple(frozenset(("t", f, t) for f in node.fields) for t in dict.fromkeys(tokens)))


def _disjunction(parts: list[Condition]) -> Condition:
    """At least one part must match: exact when every part is a plain disjunction."""
    if all(part.is_disjunction for part in parts):
        return _any_of(frozenset().union(*(part.clauses[0] for part in parts)))
    if all(part.clauses for part in parts):
        # Whichever part matches satisfies all of its clauses, so the union of one clause
        # from each (the cheapest) is necessary.
        return Condition((frozenset().union(*(cheapest(part.clauses) for part in parts)),))
    return UNKNOWN


def _boolean(node: BooleanNode) -> Condition:
    clauses: list[Keys] = []
    forbidden: set[PresearchKey] = set()
    exact = True
    for child in node.must:
        part = condition(child)
        clauses.extend(part.clauses)
        forbidden |= part.forbidden
        exact = exact and part.exact
    for child in node.must_not:
        part = condition(child)
        if part.is_disjunction:
            forbidden |= part.clauses[0]
        else:
            exact = False  # ignoring a negation only widens the condition: still necessary
    if not node.must and node.should:
        part = _disjunction([condition(child) for child in node.should])
        clauses.extend(part.clauses)
        exact = exact and part.exact
    return Condition(tuple(clauses), frozenset(forbidden), exact)


def cheapest(clauses: tuple[Keys, ...]) -> Keys:
    """The clause fewest documents are expected to satisfy (what the index is keyed on)."""
    return min(clauses, key=presearch_cost)


def label_plan(node: Node) -> LabelPlan | None:
    """For an exact query: which labels a matching document reports, decided by key presence."""
    plan: LabelPlan = []
    return plan if _collect_labels(node, False, plan) else None


def _collect_labels(node: Node, optional: bool, plan: LabelPlan) -> bool:
    """Appends (keys, label) pairs in the node tree's reporting order; False when impossible.

    A label is reported when its leaf matches and so does every node above it. Above a
    required (MUST) edge the parent's match implies the child's; below an optional
    (SHOULD) edge only pure disjunctions keep that property (a leaf present makes its
    OR-parents match), so anything else there needs the tree walk.
    """
    if type(node) is MatchNone:
        return True  # never matches, never reports
    if type(node) is BooleanNode:
        if optional and (node.must or node.must_not):
            return False
        return all(_collect_labels(child, optional, plan) for child in node.must) and all(
            _collect_labels(child, True, plan) for child in node.should
        )
    part = condition(node)
    if not part.is_disjunction:
        return False
    plan.append((part.clauses[0], node.label))  # a leaf, or an AnyOf reporting its own label
    return True
