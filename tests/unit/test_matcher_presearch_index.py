"""How the presearcher indexes rules: by the key fewest documents hold, and plain terms need no evaluation."""

from __future__ import annotations

from wirewatch.models import Rule
from wirewatch.query import RuleMatcher, parse_query
from wirewatch.query.context import DocumentContext

DOC = {
    "title": "Coup in Ankara",
    "text": "Troops seized the bridge.",
    "countries": [{"code": "TR", "name": "Turkey"}],
    "officials": [],
    "agencies": [],
    "keywords": ["coup"],
}


def test_a_word_is_indexed_rather_than_a_country_code_most_dispatches_carry() -> None:
    assert parse_query("coup AND countries.code:TR").required_keys() == {("t", "title", "coup"), ("t", "text", "coup")}
    assert parse_query("countries.code:TR AND officials.name:X").required_keys() == {("k", "officials.name", "X")}


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
    expected = [(rule.id, terms) for rule, terms in exhaustive.match(DOC)]
    assert expected == [("a", ["coup"]), ("b", ["countries.code:TR"]), ("d", ["bridge"])]
    assert [(rule.id, terms) for rule, terms in indexed.match(DOC)] == expected
    assert {e.rule.id for e in indexed._set.candidates(DocumentContext(DOC))} == {"a", "b", "d"}
