"""SQLiteStore.search with the real query language over a real SQLite file."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from tests.unit.test_store import T0, make_tagged
from wirewatch.query import QuerySyntaxError, parse_query
from wirewatch.sinks.sqlite.store import SQLiteStore

CORPUS = [
    # key, title, text, countries, hours after T0
    ("ankara", "Military coup attempt in Ankara", "Soldiers blocked bridges in Istanbul overnight.", ("TR",), 1),
    ("tehran", "Iran condemns the coup", "Tehran said the military coup in Turkey must fail.", ("IR", "TR"), 2),
    ("baghdad", "Oil output rises", "Iraq raised oil output; no word of a coup.", ("IQ",), 3),
    ("niger", "Junta in Niamey", "The coup leaders in Niger closed the border.", ("NE",), 4),
    ("market", "Markets calm", "Traders shrugged off the news from Ankara.", ("TR",), 5),
]


def titles(hits: list) -> list[str]:
    return [hit.doc["title"] for hit in hits]


@pytest.fixture
def store(tmp_path: Path):
    with SQLiteStore(tmp_path / "search.db") as opened:
        opened.save_many(
            make_tagged(key, title=title, text=text, countries=countries, published=T0 + timedelta(hours=hours))
            for key, title, text, countries, hours in CORPUS
        )
        yield opened


def test_bare_term_searches_title_and_text_ranked_by_relevance(store: SQLiteStore) -> None:
    hits = store.search("coup")
    assert set(titles(hits)) == {
        "Military coup attempt in Ankara",
        "Iran condemns the coup",
        "Oil output rises",
        "Junta in Niamey",
    }
    assert hits.prefiltered
    scores = [hit.score for hit in hits]
    assert scores == sorted(scores, reverse=True)
    # a title hit (weighted double) outranks mentions only in the text
    assert set(titles(hits[:2])) == {"Military coup attempt in Ankara", "Iran condemns the coup"}


def test_phrase_needs_consecutive_words(store: SQLiteStore) -> None:
    assert set(titles(store.search('"military coup"'))) == {"Military coup attempt in Ankara", "Iran condemns the coup"}
    assert titles(store.search('"coup attempt"')) == ["Military coup attempt in Ankara"]
    assert titles(store.search('"attempt coup"')) == []


def test_boolean_operators(store: SQLiteStore) -> None:
    assert set(titles(store.search("coup AND NOT military"))) == {"Oil output rises", "Junta in Niamey"}
    assert set(titles(store.search("oil OR junta"))) == {"Oil output rises", "Junta in Niamey"}
    assert set(titles(store.search("(ankara OR tehran) AND coup"))) == {
        "Military coup attempt in Ankara",
        "Iran condemns the coup",
    }


def test_field_query_on_country_codes(store: SQLiteStore) -> None:
    assert set(titles(store.search("coup AND countries.code:TR"))) == {
        "Military coup attempt in Ankara",
        "Iran condemns the coup",
    }
    assert titles(store.search("countries.code:IR")) == ["Iran condemns the coup"]
    assert store.search("countries.code:tr") == []  # keyword fields are case-sensitive


def test_highlights_mark_matched_words(store: SQLiteStore) -> None:
    (hit,) = store.search("junta AND niger")
    assert any("«Junta»" in fragment for fragment in hit.highlights.get("title", []))
    assert any("«Niger»" in fragment for fragment in hit.highlights.get("text", []))


def test_keyword_only_query_scans_newest_first(store: SQLiteStore) -> None:
    assert parse_query("countries.code:TR").fts_prefilter() is None  # precondition: no FTS help
    hits = store.search("countries.code:TR")
    assert not hits.prefiltered and not hits.scan_limited
    assert titles(hits) == ["Markets calm", "Iran condemns the coup", "Military coup attempt in Ankara"]
    assert titles(store.search("countries.code:TR", limit=1)) == ["Markets calm"]


def test_scan_limit_is_reported_when_it_cuts_results_short(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "s.db", scan_limit=3) as small:
        small.save_many(
            make_tagged(key, title=title, text=text, countries=countries, published=T0 + timedelta(hours=hours))
            for key, title, text, countries, hours in CORPUS
        )
        limited = small.search("countries.code:TR")
        # only the 3 newest were examined: the two older TR dispatches were not reached
        assert titles(limited) == ["Markets calm"] and limited.scan_limited and limited.examined == 3
        # a match inside the bound still leaves older documents unexamined: flagged
        assert small.search("countries.code:NE").scan_limited
        # but a result that is already full is complete whatever lies beyond
        full = small.search("countries.code:NE", limit=1)
        assert titles(full) == ["Junta in Niamey"] and not full.scan_limited


def test_an_fts_prefilter_sqlite_rejects_falls_back_to_the_scan(store: SQLiteStore, monkeypatch) -> None:
    query_type = type(parse_query("coup"))
    monkeypatch.setattr(query_type, "fts_prefilter", lambda self: 'unbalanced "quote')
    hits = store.search("coup AND countries.code:IR")
    assert titles(hits) == ["Iran condemns the coup"] and not hits.prefiltered


def test_bad_query_raises_syntax_error_with_position(store: SQLiteStore) -> None:
    with pytest.raises(QuerySyntaxError) as caught:
        store.search("coup AND (army")
    assert caught.value.position >= 0


def test_search_sees_updates_and_survives_reopen(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with SQLiteStore(path) as first:
        first.save(make_tagged("x", title="Quiet day", text="nothing happened"))
        assert first.search("coup") == []
        first.save(make_tagged("x", title="Coup rumours", text="denied by officials"))
    with SQLiteStore(path) as reopened:
        assert titles(reopened.search("coup")) == ["Coup rumours"]
        assert reopened.search("quiet") == []


def test_dotted_capital_i_is_found_like_elasticsearch_lowercases_it(tmp_path: Path) -> None:
    # SQLite's own folding leaves "İ" alone; Lucene lowercases it to "i". The store indexes
    # the Lucene-lowercased text so the full-text prefilter never hides a match.
    with SQLiteStore(tmp_path / "tr.db") as store:
        store.save(make_tagged("ist", title="İSTANBUL'DA DARBE GİRİŞİMİ", text="İstanbul köprüleri kapatıldı."))
        hits = store.search("istanbul")
        assert hits.prefiltered
        assert titles(hits) == ["İSTANBUL'DA DARBE GİRİŞİMİ"]


OTHER_SCRIPTS = [
    # key, title, text (issue 14: Cyrillic cases and ё, Arabic clitics, short vowels and RTL marks, Latin accents)
    ("ru", "Попытка переворота сорвана", "Военные заявили о попытке госпереворота; ещё один переворот? Всё, Ёж."),
    ("ru2", "Россия и Казахстан", "России и Россией: переворот в сознании, сообщили в Кремле."),
    ("ar", "\u200fمحاولة انقلاب في السودان", "أعلن الجيش إحباط محاولة انقلاب والسودان بالسودان. مُحَمَّد أحمد ٢٠٢٥."),
    ("ar2", "انقلاب سيارة", "أصيب ثلاثة أشخاص في انقلاب سيارة قرب القاهرة."),
    ("fr", "Coup d'État au Niger", "Le coup d’État a eu lieu à Niamey ; l'État nigérien, la junte."),
    ("de", "Putsch in Niamey", "Der Putschversuch scheiterte; Staatsstreich in Nigers Hauptstadt, Straße gesperrt."),
]
OTHER_SCRIPT_RULES = [
    "переворот",
    "Переворота",
    '"попытка переворота"',
    "ёж",
    "еж",
    "переворот*",
    "россии OR Россией",
    "انقلاب",
    '"محاولة انقلاب"',
    "والسودان",
    "السودان",
    "مُحَمَّد",
    "محمد",
    "انقلاب*",
    "État",
    "etat",
    '"coup d\'État"',
    '"coup d’État"',
    "Straße",
    "putsch*",
    "title:(انقلاب OR переворота OR putsch)",
]


@pytest.mark.parametrize("rule", OTHER_SCRIPT_RULES)
def test_search_in_other_scripts_finds_what_the_matcher_fires_on(tmp_path: Path, rule: str) -> None:
    """SQLite (FTS5 prefilter, then the matcher) answers exactly what the rule matcher, and so Elasticsearch
    (tests/integration/test_es_agreement.py), answers: the FTS5 prefilter must never lose a match."""
    tagged = [make_tagged(key, title=title, text=text) for key, title, text in OTHER_SCRIPTS]
    query = parse_query(rule)
    expected = {t.dispatch.id for t in tagged if query.match(t.to_doc())}
    with SQLiteStore(tmp_path / "scripts.db") as store:
        store.save_many(tagged)
        found = {hit.doc["id"] for hit in store.search(rule, limit=50)}
    assert found == expected
    # "État" alone finds nothing here: the standard tokenizer keeps "d'État" and "l'État" as one word each (as
    # Elasticsearch does); the phrase with the elided article finds them.
    informative = {"переворот", "انقلاب", '"coup d\'État"', '"محاولة انقلاب"', "Straße"}
    if rule in informative:
        assert expected  # the corpus really holds what these rules look for
