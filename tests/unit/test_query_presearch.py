"""The presearcher's key conditions: what they derive from a query, which rules they admit, which key
indexes a rule, and that answering rules from them gives exactly what walking every rule's tree gives."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest

from wirewatch.models import Rule
from wirewatch.query import RuleMatcher, parse_query
from wirewatch.query.context import DocumentContext
from wirewatch.query.presearch import condition, label_plan

NOW = datetime(2024, 6, 15, tzinfo=UTC)
BOTH = ("title", "text")


def keys_of(field_kind: str, *values: object, fields: tuple[str, ...] = BOTH) -> frozenset:
    return frozenset((field_kind, field, value) for field in fields for value in values)


def doc(title: object, text: object, codes: list[str] | None = None, **extra: object) -> dict:
    return {
        "id": "d",
        "title": title,
        "text": text,
        "published": "2024-06-10T00:00:00Z",
        "countries": [{"code": code, "name": code, "mentions": 1} for code in codes or []],
        "officials": [],
        "agencies": [],
        "keywords": [],
        **extra,
    }


# ---- conditions -------------------------------------------------------------------------


def test_a_conjunction_with_a_negation_is_one_clause_and_a_forbidden_key_exactly() -> None:
    found = condition(parse_query("coup AND NOT football").root)
    assert found.clauses == (keys_of("t", "coup"),)
    assert found.forbidden == keys_of("t", "football")
    assert found.exact


def test_a_two_word_phrase_is_exactly_its_word_pair() -> None:
    found = condition(parse_query('"coup attempt"').root)
    assert found.clauses == (keys_of("b", ("coup", "attempt")),) and found.exact


def test_a_longer_phrase_needs_each_neighbouring_pair_but_is_checked_on_positions() -> None:
    found = condition(parse_query('title:"army coup attempt"').root)
    assert found.clauses == (
        keys_of("b", ("army", "coup"), fields=("title",)),
        keys_of("b", ("coup", "attempt"), fields=("title",)),
    )
    assert not found.exact


def test_a_sloppy_phrase_needs_each_word() -> None:
    found = condition(parse_query('"coup attempt"~2').root)
    assert set(found.clauses) == {keys_of("t", "coup"), keys_of("t", "attempt")} and not found.exact


def test_a_prefix_is_exact_and_an_inner_wildcard_is_not() -> None:
    assert condition(parse_query("title:Ank*").root) == condition(parse_query("title:ank**").root)
    assert condition(parse_query("title:Ank*").root).clauses == (keys_of("p", "ank", fields=("title",)),)
    assert condition(parse_query("title:Ank*").root).exact
    inner = condition(parse_query("title:an?ara").root)
    assert inner.clauses == (keys_of("p", "an", fields=("title",)),) and not inner.exact
    assert condition(parse_query("title:*kara").root).clauses == ()


def test_a_negated_conjunction_cannot_be_a_forbidden_set() -> None:
    found = condition(parse_query("coup AND NOT (army AND navy)").root)
    assert found.clauses == (keys_of("t", "coup"),) and found.forbidden == frozenset()
    assert not found.exact  # still necessary: a document without "coup" cannot match


def test_a_disjunction_with_an_unindexable_branch_has_no_clause() -> None:
    assert condition(parse_query("coup OR published:[2024 TO *]").root).clauses == ()


def test_labels_follow_the_tree_order_and_need_the_tree_below_an_optional_conjunction() -> None:
    plan = label_plan(parse_query("(junta OR coup) AND countries.code:TR").root)
    assert plan is not None
    assert [label for _, label in plan] == ["junta", "coup", "countries.code:TR"]
    assert label_plan(parse_query("coup OR (army AND navy)").root) is None


# ---- candidates ---------------------------------------------------------------------------


def candidate_ids(matcher: RuleMatcher, document: dict) -> set[str]:
    return {entry.rule.id for entry in matcher._set.candidates(DocumentContext(document))}


def test_a_pure_negation_is_a_candidate_only_when_nothing_rules_it_out() -> None:
    matcher = RuleMatcher([Rule("n", "n", "NOT coup"), Rule("m", "m", "NOT (coup OR countries.code:TR)")])
    assert candidate_ids(matcher, doc("Quiet day", "Nothing happened.")) == {"n", "m"}
    assert candidate_ids(matcher, doc("Coup", "Nothing happened.")) == set()
    assert candidate_ids(matcher, doc("Quiet day", "Nothing happened.", ["TR"])) == {"n"}
    assert matcher.match(doc("Quiet day", "Nothing happened.", ["TR"])) == [(matcher.rules[0], [])]


def test_a_phrase_is_a_candidate_only_where_its_words_stand_side_by_side() -> None:
    matcher = RuleMatcher([Rule("p", "p", '"coup attempt"')])
    assert candidate_ids(matcher, doc("", "An attempt at a coup.")) == set()
    assert candidate_ids(matcher, doc("", "The coup attempt failed.")) == {"p"}
    # Two values of one field are 100 positions apart: no pair across them.
    assert candidate_ids(matcher, doc(["A coup", "attempt failed"], "")) == set()
    assert matcher.match(doc(["A coup", "attempt failed"], "")) == []


def test_a_prefix_rule_is_a_candidate_only_when_a_word_starts_with_it() -> None:
    matcher = RuleMatcher([Rule("w", "w", "title:ank*")])
    assert candidate_ids(matcher, doc("Rally in Istanbul", "Ankara said.")) == set()
    assert [(rule.id, terms) for rule, terms in matcher.match(doc("Ankara's rally", ""))] == [("w", ["title:ank*"])]
    assert candidate_ids(matcher, doc("An", "")) == set()  # shorter than the prefix


def test_only_rules_without_any_key_are_evaluated_for_every_document() -> None:
    matcher = RuleMatcher(
        [
            Rule("d", "d", "published:[2024 TO *]"),
            Rule("n", "n", "NOT coup"),
            Rule("w", "w", "title:ank*"),
            Rule("c", "c", "published:[2024 TO *] AND coup"),
        ]
    )
    assert [entry.rule.id for entry in matcher._set.always] == ["d"]
    assert [entry.rule.id for entry in matcher._set.negations] == ["n"]


# ---- how rules are indexed: by the key fewest documents hold; plain terms need no evaluation ----------

COUP_IN_ANKARA = {
    "title": "Coup in Ankara",
    "text": "Troops seized the bridge.",
    "countries": [{"code": "TR", "name": "Turkey"}],
    "officials": [],
    "agencies": [],
    "keywords": ["coup"],
}


def test_a_word_is_indexed_rather_than_a_country_code_most_dispatches_carry() -> None:
    assert parse_query("coup AND countries.code:TR").required_keys() == frozenset(
        {("t", "title", "coup"), ("t", "text", "coup")}
    )
    assert parse_query("countries.code:TR AND officials.name:X").required_keys() == frozenset(
        {("k", "officials.name", "X")}
    )


def test_plain_term_rules_match_from_the_index_alone_with_the_same_result() -> None:
    rules = [
        Rule("a", "a", "coup"),
        Rule("b", "b", "countries.code:TR"),
        Rule("c", "c", "title:bridge"),
        Rule("d", "d", "bridge AND NOT tanks"),
        Rule("e", "e", "countries.code:FR"),
    ]
    indexed, exhaustive = RuleMatcher(rules), RuleMatcher(rules, presearch=False)
    certain = {entry.rule.id for entry in indexed._set.compiled if entry.certain_label is not None}
    assert certain == {"a", "b", "c", "e"}
    expected = [(rule.id, terms) for rule, terms in exhaustive.match(COUP_IN_ANKARA)]
    assert expected == [("a", ["coup"]), ("b", ["countries.code:TR"]), ("d", ["bridge"])]
    assert [(rule.id, terms) for rule, terms in indexed.match(COUP_IN_ANKARA)] == expected
    assert {e.rule.id for e in indexed._set.candidates(DocumentContext(COUP_IN_ANKARA))} == {"a", "b", "d"}


# ---- identity with the exhaustive matcher --------------------------------------------------

WORDS = ["coup", "attempt", "army", "junta", "ankara", "turkey's", "al-Assad", "u.s", "talks", "failed", "the"]
TITLES = [
    "Coup attempt in Ankara",
    "Army says coup failed",
    "Talks in Ankara",
    "The junta",
    "",
    ["Coup", "attempt in Turkey's capital"],
    "al-Assad and the U.S. army",
]
TEXTS = [
    "The army said the coup attempt failed in Ankara.",
    "Junta talks failed; the army stayed.",
    "Turkey's coup coup attempt, al-Assad said.",
    "Nothing about it.",
    "attempt coup army the the",
]


def random_leaf(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.35:
        word = rng.choice(WORDS)
        return f"{rng.choice(['', '', 'title:', 'text:'])}{word}"
    if kind < 0.6:
        words = [rng.choice(WORDS[:6]) for _ in range(rng.choice([2, 2, 3]))]
        return f'{rng.choice(["", "title:", "text:"])}"{" ".join(words)}"{rng.choice(["", "", "~1"])}'
    if kind < 0.7:
        word = rng.choice(WORDS[:6]).strip("'")
        return f"{rng.choice(['', 'title:'])}{word[: rng.randint(1, 4)]}{rng.choice(['*', '*', '?*', '*y'])}"
    if kind < 0.85:
        return f"countries.code:{rng.choice(['TR', 'US', 'SY'])}"
    if kind < 0.9:
        return "published:[2024-06-01 TO *]"
    if kind < 0.95:
        return "_exists_:countries.code"
    return "*:*"


def random_query(rng: random.Random, depth: int = 0) -> str:
    if depth > 2 or rng.random() < 0.35:
        return rng.choice(["", "", "", "-", "+", "NOT "]) + random_leaf(rng)
    parts = [random_query(rng, depth + 1) for _ in range(rng.randint(2, 3))]
    joined = parts[0]
    for part in parts[1:]:
        joined += rng.choice([" AND ", " OR ", " ", " AND NOT "]) + part
    return f"({joined})" if depth else joined


def corpus() -> list[dict]:
    rng = random.Random(11)
    return [
        doc(title, text, sorted(rng.sample(["TR", "US", "SY"], rng.randint(0, 2))))
        for title in TITLES
        for text in TEXTS
    ]


@pytest.mark.parametrize("seed", range(4))
def test_presearch_results_equal_walking_every_rule(seed: int) -> None:
    rng = random.Random(seed)
    texts: list[str] = []
    while len(texts) < 300:
        text = random_query(rng)
        try:
            parse_query(text)
        except Exception:
            continue
        texts.append(text)
    rules = [Rule(f"r{index}", f"r{index}", text) for index, text in enumerate(texts)]
    presearching, exhaustive = RuleMatcher(rules), RuleMatcher(rules, presearch=False)
    fired = exact = 0
    for document in corpus():
        expected = [(rule.id, terms) for rule, terms in exhaustive.match(document, now=NOW)]
        assert [(rule.id, terms) for rule, terms in presearching.match(document, now=NOW)] == expected
        fired += len(expected)
    exact = sum(entry.labels is not None for entry in presearching._set.compiled)
    # Not vacuous: rules fire, and many are answered from keys alone while some need the tree.
    assert fired > 500
    assert 50 < exact < len(rules) - 50


TRICKY = [
    "coup AND NOT ((army AND failed) OR junta)",
    "NOT ((coup AND army) OR junta)",
    "coup AND NOT (NOT army)",
    "(coup AND NOT army) OR talks",
    "+(-coup) army",
    "coup OR (NOT army)",
    "(coup OR junta) AND NOT failed",
    '"coup attempt" AND NOT "attempt failed"',
    'NOT "coup attempt"',
    "title:ank* AND NOT text:ank*",
    "coup coup",
    '"coup coup"',
    "(coup OR coup) AND coup",
    "*:* AND NOT coup",
    "NOT *:*",
    "title:İst*",
    '"istanbul rally"',
    "title:(istanbul OR rally) AND NOT text:rall*",
    "title:(istanbul OR rally) AND NOT text:thousand?",
]


def test_handwritten_negations_and_repetitions_equal_walking_every_rule() -> None:
    rules = [Rule(f"t{index}", f"t{index}", text) for index, text in enumerate(TRICKY)]
    presearching, exhaustive = RuleMatcher(rules), RuleMatcher(rules, presearch=False)
    documents = [
        *corpus(),
        doc("Coup", "The army stayed.", []),
        doc("Ankara", "ankara coup", []),
        doc("İSTANBUL rally", "Thousands rallied in İstanbul.", []),
        doc("Istanbul rally", "Quiet."),
    ]
    fired = set()
    for document in documents:
        expected = [(rule.id, terms) for rule, terms in exhaustive.match(document, now=NOW)]
        assert [(rule.id, terms) for rule, terms in presearching.match(document, now=NOW)] == expected
        fired |= {rule_id for rule_id, _ in expected}
    assert len(fired) >= len(TRICKY) - 1  # every rule but "NOT *:*" fires somewhere


def test_work_says_how_each_candidate_was_answered() -> None:
    matcher = RuleMatcher(
        [
            Rule("term", "t", "coup"),
            Rule("neg", "n", "NOT junta"),
            Rule("and", "a", "coup AND navy"),
            Rule("exact", "e", "coup AND NOT navy"),
            Rule("phrase", "p", '"coup attempt failed"'),
            Rule("date", "d", "published:[2024 TO *]"),
        ]
    )
    document = doc("Coup attempt failed", "The army said so.")
    assert matcher._set.work(DocumentContext(document, 0)) == {
        "candidates": 6,
        "index_alone": 2,
        "rejected_by_keys": 1,
        "answered_by_keys": 1,
        "walked": 2,
    }
    assert [rule.id for rule, _ in matcher.match(document, now=NOW)] == ["term", "neg", "exact", "phrase", "date"]
