"""Highlights, and RuleMatcher: bad rules reported and skipped, atomic replacement."""

import threading
from datetime import UTC, datetime

from wirewatch.models import Rule
from wirewatch.query import RuleError, RuleMatcher, parse_query

DOC = {
    "id": "d1",
    "source": "irna",
    "title": "Coup attempt in Turkey fails",
    "text": (
        "Officials in Ankara said on Saturday that a faction of the military had tried to seize power. "
        + "Markets were calm and trading continued as usual across the region for most of the day. " * 4
        + "Later the U.S. embassy said the coup attempt was over and al-Assad's allies stayed silent."
    ),
    "published": "2024-06-14T10:00:00Z",
    "countries": [{"code": "TR", "name": "Turkey", "mentions": 2, "first_offset": 0}],
    "officials": [],
    "agencies": [],
    "keywords": [],
    "events": [],
}


def test_highlights_wrap_matched_tokens_per_field() -> None:
    found = parse_query("coup AND countries.code:TR").highlights(DOC)
    assert found["title"] == ["«Coup» attempt in Turkey fails"]
    assert len(found["text"]) == 1
    assert "the «coup» attempt was over" in found["text"][0]


def test_highlights_phrases_only_where_the_phrase_occurs() -> None:
    found = parse_query('"coup attempt" OR u.s').highlights(DOC)
    assert found["title"] == ["«Coup» «attempt» in Turkey fails"]
    assert "«U.S». embassy said the «coup» «attempt» was over" in found["text"][0]


def test_highlight_fragments_are_bounded_and_separate() -> None:
    found = parse_query("ankara OR coup").highlights(DOC, pre="<b>", post="</b>", fragment_chars=80, max_fragments=3)
    fragments = found["text"]
    assert len(fragments) == 2  # the two matches are far apart
    assert fragments[0].startswith("Officials in <b>Ankara</b>")
    assert "<b>coup</b>" in fragments[1]
    assert all(len(f) <= 80 + 20 + len("<b></b>") for f in fragments)


def test_highlights_skip_negated_terms_and_keyword_fields() -> None:
    found = parse_query("coup AND NOT markets AND countries.code:TR").highlights(DOC)
    assert set(found) == {"title", "text"}
    assert "«" not in found["text"][0].replace("«coup»", "")
    assert parse_query("countries.code:TR").highlights(DOC) == {}


def test_highlight_wildcards_mark_each_matching_token() -> None:
    found = parse_query("mark* AND al-Assad's").highlights(DOC, max_fragments=1)
    fragment = found["text"][0]
    assert fragment.count("«Markets»") == fragment.count("Markets") >= 1
    assert "title" not in found  # nothing in the title matches


def test_bad_rules_are_reported_and_skipped() -> None:
    rules = [
        Rule("ok", "coup in Turkey", "coup AND countries.code:TR"),
        Rule("typo", "typo", "coup AND contries.code:TR"),
        Rule("broken", "broken", '"unterminated'),
        Rule("also-ok", "attempt", "attempt"),
    ]
    matcher = RuleMatcher(rules)
    assert [r.id for r in matcher.rules] == ["ok", "also-ok"]
    assert matcher.errors == [
        RuleError("typo", "typo", "coup AND contries.code:TR", matcher.errors[0].message, 9),
        RuleError("broken", "broken", '"unterminated', "unterminated quoted phrase", 0),
    ]
    assert "unknown field 'contries.code'" in matcher.errors[0].message
    assert [(rule.id, terms) for rule, terms in matcher.match(DOC)] == [
        ("ok", ["coup", "countries.code:TR"]),
        ("also-ok", ["attempt"]),
    ]


def test_replace_swaps_the_rule_set_and_returns_its_errors() -> None:
    matcher = RuleMatcher([Rule("a", "a", "coup")])
    errors = matcher.replace([Rule("b", "b", "markets"), Rule("c", "c", "title:(")])
    assert [e.rule_id for e in errors] == ["c"] and matcher.errors == errors
    assert [rule.id for rule, _ in matcher.match(DOC)] == ["b"]


def test_replace_while_matching_never_mixes_rule_sets() -> None:
    set_a = [Rule(f"a{i}", "a", "coup") for i in range(20)]
    set_b = [Rule(f"b{i}", "b", "markets") for i in range(20)]
    matcher = RuleMatcher(set_a)
    stop = threading.Event()
    seen: list[set[str]] = []

    def swap() -> None:
        while not stop.is_set():
            matcher.replace(set_b)
            matcher.replace(set_a)

    swapper = threading.Thread(target=swap)
    swapper.start()
    try:
        for _ in range(300):
            seen.append({rule.id[0] for rule, _ in matcher.match(DOC)})
    finally:
        stop.set()
        swapper.join(timeout=10)
    assert all(prefixes in ({"a"}, {"b"}) for prefixes in seen)


def test_match_accepts_an_explicit_now_for_date_math() -> None:
    matcher = RuleMatcher([Rule("recent", "recent", "coup AND published:>=now-1d")])
    assert matcher.match(DOC, now=datetime(2024, 6, 15, tzinfo=UTC))
    assert matcher.match(DOC, now=datetime(2024, 6, 20, tzinfo=UTC)) == []
