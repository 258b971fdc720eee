"""Matching semantics, element by element, on documents built by TaggedDispatch.to_doc()."""

from datetime import UTC, datetime

import pytest

from wirewatch.models import (
    AgencyMention,
    CountryMention,
    Dispatch,
    Event,
    OfficialMention,
    TaggedDispatch,
    Tags,
)
from wirewatch.query import parse_query
from wirewatch.query.dates import parse_date

NOW = datetime(2024, 6, 15, 12, 0, tzinfo=UTC)


def make_doc(
    title: str = "Turkey's army claims control after coup attempt",
    text: str = (
        "Foreign Minister Mevlüt Çavuşoğlu said the U.S. and al-Assad's backers were briefed. "
        "The military coup attempt failed in Ankara, IRNA reported, citing 3.5 million people."
    ),
    published: datetime = datetime(2024, 6, 14, 23, 30, tzinfo=UTC),
    countries: tuple[str, ...] = ("TR", "IR"),
) -> dict:
    dispatch = Dispatch(
        id="d1",
        source="irna-en",
        title=title,
        text=text,
        published=published,
        fetched=published,
        url="https://example.org/a",
        language="en",
        hints={"country": "TR"},
    )
    tags = Tags(
        countries=[
            CountryMention(code, {"TR": "Turkey", "IR": "Iran"}.get(code, code), 3 if code == "TR" else 1, 0)
            for code in countries
        ],
        officials=[OfficialMention("Mevlüt Çavuşoğlu", "Foreign Minister", "TR", 1, True)],
        agencies=[AgencyMention("IRNA", "news_agency", "IR", 1)],
        keywords=["coup"],
        events=[Event("coup", "current", 0.9, "The military coup attempt failed", 90)],
    )
    return TaggedDispatch(dispatch, tags, tagged_at=published).to_doc()


def matches(query: str, doc: dict | None = None) -> list[str] | None:
    return parse_query(query).match(doc if doc is not None else make_doc(), now=NOW)


def test_the_design_card_rule() -> None:
    assert matches("coup AND countries.code:TR") == ["coup", "countries.code:TR"]
    assert matches("coup AND countries.code:SY") is None


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ankara", True),
        ("ANKARA", True),  # text is case-insensitive
        ("turkey's", True),
        ("turkey", False),  # "Turkey's" is one token
        ("u.s", True),
        ("assad's", True),  # "al-Assad's" → "al", "assad's"
        ("assad", False),
        ("3.5", True),
        ("çavuşoğlu", True),
        ("cavusoglu", True),  # terms are folded (wirewatch.query.folding)
        ("title:coup", True),
        ("title:ankara", False),
        ("text:ankara", True),
    ],
)
def test_text_terms(query: str, expected: bool) -> None:
    assert (matches(query) is not None) is expected


def test_multi_token_term_is_a_disjunction_like_query_string() -> None:
    # ES query_string analyses "al-Qaeda" to al, qaeda and ORs them (default_operator OR).
    assert matches("al-Qaeda") == ["al-Qaeda"]
    assert matches("xx-Qaeda") is None
    assert matches("title:al-Qaeda") is None


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('"coup attempt"', True),
        ('"attempt coup"', False),
        ('"military coup attempt"', True),
        ('"military attempt"', False),
        ('"military attempt"~1', True),
        ('"attempt military"~1', False),
        ('"attempt military"~3', True),  # reversed order costs 2 more
        ('"attempt coup military"~2', False),
        ('"attempt coup military"~4', True),
        ('title:"coup attempt"', True),
        ('title:"military coup"', False),
        ('"Ankara, IRNA"', True),  # punctuation is not a token
        ('"."', False),  # a phrase the analyzer empties matches nothing
    ],
)
def test_phrases_and_proximity(query: str, expected: bool) -> None:
    assert (matches(query) is not None) is expected


def test_phrase_must_sit_in_one_field() -> None:
    doc = make_doc(title="the army", text="control after")
    assert matches('"army control"', doc) is None
    assert matches("army AND control", doc) is not None


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # Lucene's classic parser, not precedence: a AND b OR c == +a +b c
        ("nothere AND coup OR ankara", False),
        ("coup AND ankara OR nothere", True),
        ("coup OR nothere", True),
        ("nothere OR alsonot", False),
        ("coup nothere", True),  # default operator OR
        ("+coup +nothere", False),
        ("+coup nothere", True),
        ("coup -ankara", False),
        ("coup -nothere", True),
        ("NOT coup", False),
        ("NOT nothere", True),  # a pure negation matches everything else
        ("!nothere", True),
        ("coup && !ankara", False),
        ("coup || nothere", True),
        ("coup AND (NOT nothere)", True),
        ("coup AND NOT (ankara OR nothere)", False),
        ("nothere OR NOT ankara", False),  # Lucene: nothere -ankara
        ("(nothere OR coup) AND countries.code:IR", True),
        ("coup^2 AND ankara^0.5", True),
        ("a&&b", False),  # a&&b is a term in Lucene, not an operator
    ],
)
def test_boolean_logic_follows_lucene(query: str, expected: bool) -> None:
    assert (matches(query) is not None) is expected


def test_matched_terms_skip_negated_and_failed_clauses() -> None:
    assert matches("(coup OR nothere OR ankara) AND -putsch") == ["coup", "ankara"]
    assert matches("NOT nothere") == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("countries.code:TR", True),
        ("countries.code:tr", False),  # keyword fields are case-sensitive
        ("countries.code:(SY OR IR)", True),
        ("countries.name:Turkey", True),
        ('officials.name:"Mevlüt Çavuşoğlu"', True),
        ("officials.name:Mevlüt\\ Çavuşoğlu", True),
        ('officials.name:"mevlüt çavuşoğlu"', False),
        ("officials.name:Mevlüt", False),  # the whole value, not a token
        ("agencies.name:IRNA AND agencies.kind:news_agency", True),
        ("events.use:current", True),
        ("keywords:coup", True),
        ("source:irna-en", True),
        ("hints.country:TR", True),
        ("officials.role:Foreign\\ Minister", True),
    ],
)
def test_keyword_fields(query: str, expected: bool) -> None:
    assert (matches(query) is not None) is expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("cou*", True),
        ("COU*", True),  # text patterns are lowercased
        ("c?up", True),
        ("*kara", True),
        ("al-As*", False),  # tokens never contain "-"
        ("title:ank*", False),
        ("countries.code:T?", True),
        ("countries.code:t?", False),
        ("officials.name:Mev*", True),
        ("officials.name:mev*", False),
        ("agencies.kind:*agency", True),
        ("officials.name:Mevlüt*", True),  # keyword patterns cover the whole value incl. spaces
        ("cou\\*", False),  # escaped: a literal star
    ],
)
def test_wildcards(query: str, expected: bool) -> None:
    assert (matches(query) is not None) is expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("published:[2024-06-01 TO 2024-06-14]", True),  # lte rounds up to the end of the day
        ("published:[2024-06-01 TO 2024-06-14T23:00]", False),
        ("published:{2024-06-14 TO *]", False),  # gt rounds up: all of 14 June excluded
        ("published:[2024-06-14 TO *]", True),
        ("published:{* TO 2024-06-15}", True),
        ("published:2024-06-14", True),  # a date term is the whole day
        ("published:2024-06", False),  # ES: a missing day is 1 even rounding up: 1 June only
        ("published:2024-06-13", False),
        ("published:>=2024-06-14T23\\:30\\:00Z", True),
        ("published:>2024-06-14T23\\:30\\:00Z", False),
        ("published:<2024-06-14T23\\:30\\:00.001Z", True),
        ("published:[* TO 2024-06-14T23:29]", False),
        ("published:[* TO 2024-06-14T23]", True),  # lte rounds the hour up
        ('published:<"2024-06-14T23:30"', False),
        ('published:<="2024-06-14T23:30"', True),
        ("published:>=now-1d", True),  # NOW is 2024-06-15T12:00Z
        ("published:>=now-12h", False),
        ("published:>=now\\/d", False),  # "/" escaped: unescaped, Lucene starts a regex
        ("published:>=now-1d\\/d", True),
        ("published:[now-7d/d TO now]", True),
        ("published:[2024-06-01||+13d TO 2024-06-01||+14d]", True),
        ("published:>=1718407800000", True),  # epoch millis of 2024-06-14T23:30Z
        ('published:["2024-06-15T01:00:00+02:00" TO *]', True),  # = 23:00Z; luqum needs an offset quoted
        ("tagged_at:[2024 TO 2025]", True),  # ES: upper bound 2025 = 2025-01-01T23:59:59.999
    ],
)
def test_dates(query: str, expected: bool) -> None:
    assert (matches(query) is not None) is expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("countries.mentions:3", True),
        ("countries.mentions:>=3", True),
        ("countries.mentions:>3", False),
        ("countries.mentions:[2 TO 4}", True),
        ("countries.mentions:3.5", False),  # ES: a decimal part on an integer field matches nothing
        ("countries.mentions:[2.5 TO 3.5]", True),
        ("events.confidence:0.9", True),
        ("events.confidence:>0.9", False),  # both sides are 32-bit floats
        ("events.confidence:>=0.9", True),
        ("officials.known:true", True),
        ("officials.known:false", False),
        ("published_estimated:false", True),
    ],
)
def test_numbers_and_booleans(query: str, expected: bool) -> None:
    assert (matches(query) is not None) is expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("_exists_:officials.name", True),
        ("_exists_:officials", True),
        ("_exists_:hints.region", False),
        ("_exists_:url", True),
        ("countries.code:*", True),
        ("coup AND NOT _exists_:events", False),
        ("*", True),
        ("*:*", True),
    ],
)
def test_exists(query: str, expected: bool) -> None:
    assert (matches(query) is not None) is expected


def test_exists_on_empty_list_and_null() -> None:
    doc = make_doc(countries=())
    doc["url"] = None
    assert matches("_exists_:countries.code", doc) is None
    assert matches("_exists_:countries", doc) is None
    assert matches("_exists_:url", doc) is None


def test_now_moves_between_match_calls() -> None:
    query = parse_query("published:>=now-1d")
    doc = make_doc()
    assert query.match(doc, now=NOW) is not None
    assert query.match(doc, now=datetime(2024, 7, 1, tzinfo=UTC)) is None


def test_date_rounding_across_month_end() -> None:
    doc = make_doc(published=datetime(2024, 2, 29, 23, 59, 59, 999000, tzinfo=UTC))
    assert matches("published:[2024-02-01 TO 2024-02-01||/M]", doc) is not None
    assert matches("published:{2024-01-31||+1M/M TO *]", doc) is None  # gt rounds up to the end of Feb
    assert matches("published:[2024-01-31||+1M TO *]", doc) is not None  # Jan 31 + 1M clamps to Feb 29


# -- partial dates, as Elasticsearch reads them ----------------------------------------------------------
# Each case was checked against a real Elasticsearch 9.5 node with query_string (the agreement test,
# tests/integration/test_es_agreement.py, compares the two on many more).


def doc_published(moment: datetime) -> dict:
    return {"id": "d", "title": "t", "text": "x", "url": "https://example.test/a", "published": moment.isoformat()}


JAN_1 = datetime(2023, 1, 1, 12, tzinfo=UTC)
MAY_1 = datetime(2023, 5, 1, 12, tzinfo=UTC)
MAY_20 = datetime(2023, 5, 20, 12, tzinfo=UTC)
DEC_31 = datetime(2023, 12, 31, 12, tzinfo=UTC)


@pytest.mark.parametrize(
    ("rule", "moment", "expected"),
    [
        # A year or month without a day rounds up to the END OF ITS FIRST DAY, not of the year/month
        # (ES's round-up date parser fills only the time of day; missing month/day default to 1).
        ("published:2023", JAN_1, True),
        ("published:2023", MAY_1, False),
        ("published:[2023 TO 2023]", DEC_31, False),
        ("published:2023-05", MAY_1, True),
        ("published:2023-05", MAY_20, False),
        ("published:<=2023", MAY_1, False),
        ("published:>2023-05", MAY_1, False),
        ("published:>2023-05", MAY_20, True),
        # Date math rounding still covers the whole unit.
        ("published:[2023-01-01||/y TO 2023-01-01||/y]", DEC_31, True),
        ("published:[2023-05-01 TO 2023-05-01||/M]", MAY_20, True),
    ],
)
def test_partial_dates_round_up_like_elasticsearch(rule: str, moment: datetime, expected: bool) -> None:
    assert (parse_query(rule).match(doc_published(moment)) is not None) is expected


def test_parse_date_round_up_fills_only_the_time() -> None:
    assert parse_date("2023", round_up=True) == parse_date("2023-01-01T23:59:59.999Z")
    assert parse_date("2023-05", round_up=True) == parse_date("2023-05-01T23:59:59.999Z")
    assert parse_date("2023-05-20", round_up=True) == parse_date("2023-05-20T23:59:59.999Z")


def test_labels_name_the_field_when_given() -> None:
    assert matches('title:"coup attempt" AND countries.code:(XX OR TR) AND published:[2024 TO *]') == [
        'title:"coup attempt"',
        "countries.code:TR",
        "published:[2024 TO *]",
    ]
