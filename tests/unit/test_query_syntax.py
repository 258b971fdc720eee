"""Parse errors carry a 0-based position and a caret line; unsupported syntax is refused clearly."""

import pytest

from wirewatch.query import QuerySyntaxError, parse_query


@pytest.mark.parametrize(
    ("query", "position", "fragment"),
    [
        ("coup AND", 8, "unexpected end"),
        ("(coup OR putsch", 15, "unexpected end"),
        ("coup)", 4, "')'"),
        ('coup "military', 5, "unterminated quoted phrase"),
        ("AND coup", 0, "'AND'"),
        ("coup && ", 8, "unexpected end"),
        ("countrie.code:TR", 0, "unknown field 'countrie.code'"),
        ("coup AND countries:TR", 9, "an object"),
        ("coup AND countries.code:TR AND publshed:[2024 TO *]", 31, "unknown field 'publshed'"),
        ("coup~", 0, "fuzzy"),
        ("coup AND /cou.*/", 9, "regular expressions"),
        ("published:[yesterday TO now]", 10, "failed to parse date"),
        ("published:>now-1x", 10, "invalid date math"),
        ("countries.mentions:many", 19, "not a number"),
        ("officials.known:yes", 16, "boolean"),
        ("published:2024*", 10, "wildcards only apply"),
        ("NOT -coup", 4, "only one of"),
        ("a:b:c", 2, "another field"),
        ("_exists_:nope", 9, "unknown field 'nope'"),
        ("   ", 0, "empty query"),
        ("published:>=2024-06-14T10:00", 12, "escape ':'"),
    ],
)
def test_syntax_errors_have_positions(query: str, position: int, fragment: str) -> None:
    with pytest.raises(QuerySyntaxError) as caught:
        parse_query(query)
    error = caught.value
    assert error.position == position
    assert fragment in error.message
    # The caret line points at the same position under the query.
    lines = str(error).splitlines()
    if query.strip():
        assert lines[1] == f"  {query}"
        assert lines[2] == "  " + " " * position + "^"


def test_unknown_field_lists_known_fields() -> None:
    with pytest.raises(QuerySyntaxError) as caught:
        parse_query("contries.code:TR")
    assert "countries.code" in caught.value.message and "officials.name" in caught.value.message


def test_symbolic_operator_errors_point_into_the_original_text() -> None:
    # "!" and "&&" are rewritten before luqum sees them; positions must not shift.
    with pytest.raises(QuerySyntaxError) as caught:
        parse_query("!coup && (a")
    assert caught.value.position == 11


@pytest.mark.parametrize(
    "query",
    [
        "coup",
        '"military coup"',
        "coup AND countries.code:TR",
        "coup && countries.code:TR || !putsch",
        "+coup -putsch",
        "(coup OR putsch) AND NOT title:rumour",
        "countries.code:(TR OR IR)",
        'title:"coup attempt"^2',
        '"coup attempt"~3',
        "cou* AND c?up",
        "published:[2024-01-01 TO 2024-12-31]",
        "published:{2024-01-01 TO *}",
        "published:>=now-7d\\/d",  # "/" escaped (unescaped it starts a Lucene regex)
        "published:[now-1d TO now]",
        "countries.mentions:>=3",
        "_exists_:officials.name",
        "hints.country:TR",
        "*:*",
        "coup^3",
    ],
)
def test_supported_syntax_parses(query: str) -> None:
    assert parse_query(query).text == query


def test_a_query_is_reusable_and_not_reparsed() -> None:
    query = parse_query("coup")
    doc = {"title": "Coup", "text": ""}
    assert query.match(doc) == query.match(doc) == ["coup"]


@pytest.mark.parametrize("rule", ["url:https\\://example.test/*", "a/b", "published:>=now-1d/d", "published:now/d"])
def test_unescaped_slash_is_an_error_as_in_lucene(rule: str) -> None:
    # Lucene reads "/" as the start of a regular expression; Elasticsearch refuses these rules.
    with pytest.raises(QuerySyntaxError, match="escape '/'"):
        parse_query(rule)


def test_escaped_or_quoted_or_bracketed_slash_is_accepted() -> None:
    doc = {
        "id": "d",
        "title": "t",
        "text": "x",
        "url": "https://example.test/a",
        "published": "2023-05-20T12:00:00+00:00",
    }
    assert parse_query("url:https\\:\\/\\/example.test\\/*").match(doc) is not None
    assert parse_query('url:"https://example.test/a"').match(doc) is not None
    assert parse_query("published:[now-100y/d TO now]").match(doc) is not None
    assert parse_query("published:>=2023-05-01||\\/M").match(doc) is not None
