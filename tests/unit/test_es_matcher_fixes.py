"""Matcher fixes found by the Elasticsearch agreement test (tests/integration/test_es_agreement.py).

Each case was checked against a real Elasticsearch 9.5 node with query_string.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from wirewatch.query import QuerySyntaxError, parse_query
from wirewatch.query.dates import parse_date


def doc_published(moment: datetime) -> dict:
    return {"id": "d", "title": "t", "text": "x", "url": "https://example.test/a", "published": moment.isoformat()}


JAN_1 = datetime(2023, 1, 1, 12, tzinfo=UTC)
MAY_1 = datetime(2023, 5, 1, 12, tzinfo=UTC)
MAY_20 = datetime(2023, 5, 20, 12, tzinfo=UTC)
DEC_31 = datetime(2023, 12, 31, 12, tzinfo=UTC)


@pytest.mark.parametrize(
    ("rule", "moment", "expected"),
    [
        # Fix 1: a year or month without a day rounds up to the END OF ITS FIRST DAY, not of the year/month
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


@pytest.mark.parametrize("rule", ["url:https\\://example.test/*", "a/b", "published:>=now-1d/d", "published:now/d"])
def test_unescaped_slash_is_an_error_as_in_lucene(rule: str) -> None:
    # Fix 2: Lucene reads "/" as the start of a regular expression; Elasticsearch refuses these rules.
    with pytest.raises(QuerySyntaxError, match="escape '/'"):
        parse_query(rule)


def test_escaped_or_quoted_or_bracketed_slash_is_accepted() -> None:
    doc = doc_published(MAY_20)
    assert parse_query("url:https\\:\\/\\/example.test\\/*").match(doc) is not None
    assert parse_query('url:"https://example.test/a"').match(doc) is not None
    assert parse_query("published:[now-100y/d TO now]").match(doc) is not None
    assert parse_query("published:>=2023-05-01||\\/M").match(doc) is not None
