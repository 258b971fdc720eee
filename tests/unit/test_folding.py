"""Search folding (wirewatch.query.folding) and the Elasticsearch query over the folded copies."""

from __future__ import annotations

import pytest

from wirewatch.query import analyze, parse_query
from wirewatch.query.analysis import analyze_with_offsets, token_spans
from wirewatch.query.folding import fold
from wirewatch.sinks.elasticsearch.folded import folded_copies, folded_query, with_folded_copies


@pytest.mark.parametrize(
    "written, folded",
    [
        ("Çavuşoğlu", "Cavusoglu"),
        ("coup d'État", "coup d'Etat"),
        ("Straße ẞ Æther œuvre Øresund Łódź Đorđe þing ılık", "Strasse SS AEther oeuvre Oresund Lodz Dorde thing ilik"),
        ("ёлки Йошкар", "елки Иошкар"),
        ("Ἀθῆναι", "Αθηναι"),
        ("الأمم إحباط آمنة مُحَمَّد مصطفى الحكومة", "الامم احباط امنه محمد مصطفي الحكومه"),
        ("e\u0301te\u0301", "ete"),  # decomposed text
        ("plain ASCII stays", "plain ASCII stays"),
        ("北京 서울 Δ", "北京 서울 Δ"),  # scripts without such marks are left alone (Hangul is not decomposed)
    ],
)
def test_what_is_folded(written: str, folded: str) -> None:
    assert fold(written) == folded


def test_folding_never_splits_or_joins_a_word() -> None:
    text = "Mevlüt Çavuşoğlu, São Paulo; الأمم المتحدة — Ёж, Straße d'État."
    assert len(token_spans(fold(text))) == len(token_spans(text))
    assert analyze(fold(text)) == analyze(text)


def test_terms_are_folded_and_offsets_point_into_the_original() -> None:
    text = "À Zürich, l'État."
    tokens = analyze_with_offsets(text)
    assert [t.term for t in tokens] == ["a", "zurich", "l'etat"]
    assert [text[t.start : t.end] for t in tokens] == ["À", "Zürich", "l'État"]


def test_queries_fold_text_terms_and_keep_keyword_values_exact() -> None:
    doc = {
        "title": "Coup d'État à Niamey",
        "text": "Mevlüt Çavuşoğlu parle à Zürich.",
        "officials": [{"name": "Mevlüt Çavuşoğlu"}],
    }
    for query in ("zurich", "ZÜRICH", "text:cavusoglu", 'title:"coup d\'etat"', "zur*", "text:[zu TO zz]"):
        assert parse_query(query).match(doc), query
    assert parse_query('officials.name:"Mevlüt Çavuşoğlu"').match(doc)
    assert not parse_query('officials.name:"Mevlut Cavusoglu"').match(doc)


def test_the_elasticsearch_document_carries_folded_copies_only_when_they_differ() -> None:
    assert folded_copies({"title": "Budget vote", "text": "Plain text."}) is None
    english = {"id": "a", "title": "Budget vote", "text": "Plain text."}
    assert with_folded_copies(english) is english
    copies = folded_copies({"title": "Coup d'État", "text": "Plain text."})
    assert copies == {"title": "Coup d'Etat"}


@pytest.mark.parametrize(
    "query, sent",
    [
        ("État", "Etat"),
        ("text:État", "(search.text:Etat OR text:Etat)"),
        (
            'title:"coup d\'État" AND countries.code:ML',
            '(search.title:"coup d\'Etat" OR title:"coup d\'Etat") AND countries.code:ML',
        ),
        ('officials.name:"Çavuşoğlu" && Müll*', 'officials.name:"Çavuşoğlu"  AND  Mull*'),
        ("-text:(ё OR b)", "-(search.text:(е OR b) OR text:(е OR b))"),
    ],
)
def test_the_query_elasticsearch_gets(query: str, sent: str) -> None:
    assert folded_query(query) == sent
