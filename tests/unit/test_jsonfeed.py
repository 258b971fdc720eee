"""JSON Feed 1.0/1.1: detection, items as feedparser-shaped entries that make_dispatch reads, refusals."""

from __future__ import annotations

import calendar
import json
import time
from datetime import UTC, datetime
from typing import Any

import pytest

from wirewatch.errors import InputError
from wirewatch.producers.jsonfeed import MAX_DEPTH, looks_like_json_feed, parse_json_feed, parse_rfc3339
from wirewatch.producers.normalise import make_dispatch
from wirewatch.producers.parse import FeedParseError

V1 = "https://jsonfeed.org/version/1"
V11 = "https://jsonfeed.org/version/1.1"
FETCHED = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


def feed(version: str = V11, items: Any = (), **fields: Any) -> bytes:
    return json.dumps({"version": version, "title": "Harbour Gazette", **fields, "items": list(items)}).encode()


def utc(parsed: time.struct_time) -> datetime:
    return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)


# -- a full 1.1 feed --------------------------------------------------------------


def test_json_feed_1_1_items_become_feedparser_entries() -> None:
    body = feed(
        items=[
            {
                "id": "https://gazette.example/2025/ferry-strike",
                "url": "https://gazette.example/2025/ferry-strike?utm_source=jf",
                "title": "Ferry crews walk out",
                "content_html": "<p>Crews on the island route <b>stopped work</b> at dawn.</p>",
                "content_text": "Crews on the island route stopped work at dawn.",
                "summary": "A dawn walkout on the island ferries.",
                "date_published": "2025-02-27T08:15:00+02:00",
                "date_modified": "2025-02-27T09:00:00Z",
                "authors": [{"name": "Ines Varga", "url": "https://gazette.example/ines"}, {"name": "Second"}],
                "tags": ["transport", "strikes", 7, ""],
                "language": "en-GB",
            }
        ],
        home_page_url="https://gazette.example/",
        feed_url="https://gazette.example/feed.json",
        language="en",
    )
    parsed = parse_json_feed(body)
    assert parsed.version == "json11"
    assert (parsed.title, parsed.home_page_url, parsed.feed_url) == (
        "Harbour Gazette",
        "https://gazette.example/",
        "https://gazette.example/feed.json",
    )
    assert parsed.language == "en"
    assert parsed.skipped == 0 and parsed.warnings == []
    [entry] = parsed.entries
    assert entry["id"] == "https://gazette.example/2025/ferry-strike"
    assert entry["link"] == "https://gazette.example/2025/ferry-strike?utm_source=jf"
    assert entry["title"] == "Ferry crews walk out"
    assert entry["title_detail"] == {"type": "text/plain"}
    assert entry["content"] == [
        {"type": "text/html", "value": "<p>Crews on the island route <b>stopped work</b> at dawn.</p>"},
        {"type": "text/plain", "value": "Crews on the island route stopped work at dawn."},
    ]
    assert entry["summary"] == "A dawn walkout on the island ferries."
    assert entry["summary_detail"] == {"type": "text/plain"}
    assert utc(entry["published_parsed"]) == datetime(2025, 2, 27, 6, 15, tzinfo=UTC)
    assert utc(entry["updated_parsed"]) == datetime(2025, 2, 27, 9, 0, tzinfo=UTC)
    assert entry["author"] == "Ines Varga"
    assert entry["authors"][0] == {"name": "Ines Varga", "href": "https://gazette.example/ines"}
    assert [tag["term"] for tag in entry["tags"]] == ["transport", "strikes"]
    assert entry["language"] == "en-GB"


def test_entries_feed_make_dispatch_unchanged() -> None:
    body = feed(
        items=[
            {
                "id": "https://gazette.example/2025/ferry-strike",
                "url": "https://gazette.example/2025/ferry-strike?utm_source=jf",
                "title": "Fish & <Chips> tax",  # plain text: the angle brackets are words, not markup
                "content_html": "<p>The levy starts in <em>April</em>.</p><p>Vendors object.</p>",
                "date_published": "2025-02-27T08:15:00+02:00",
            }
        ]
    )
    dispatch = make_dispatch(parse_json_feed(body).entries[0], source="gazette", fetched=FETCHED)
    assert dispatch.title == "Fish & <Chips> tax"
    assert dispatch.text == "The levy starts in April.\nVendors object."
    assert dispatch.url == "https://gazette.example/2025/ferry-strike?utm_source=jf"  # stored as given
    assert dispatch.published == datetime(2025, 2, 27, 6, 15, tzinfo=UTC)
    assert not dispatch.published_estimated


def test_json_feed_1_0_author_object_and_version() -> None:
    body = feed(V1, items=[{"id": "a-1", "content_text": "Quiet day.", "author": {"name": "Desk Editor"}}])
    parsed = parse_json_feed(body)
    assert parsed.version == "json1"
    assert parsed.entries[0]["author"] == "Desk Editor"


def test_authors_list_wins_over_the_1_0_author_and_items_inherit_the_feeds() -> None:
    body = feed(
        items=[
            {"id": "one", "content_text": "x", "authors": [{"name": "New Form"}], "author": {"name": "Old Form"}},
            {"id": "two", "content_text": "y"},
            {"id": "three", "content_text": "z", "authors": [{"url": "https://no.name.example/"}]},
        ],
        authors=[{"name": "Feed Wide"}],
    )
    entries = parse_json_feed(body).entries
    assert [entry.get("author") for entry in entries] == ["New Form", "Feed Wide", "Feed Wide"]


@pytest.mark.parametrize(
    ("given", "expected"), [(42, "42"), (0, "0"), ("  tag:x,2025:7 ", "tag:x,2025:7"), (1.5, "1.5")]
)
def test_ids_are_strings_of_what_was_given(given: object, expected: str) -> None:
    [entry] = parse_json_feed(feed(items=[{"id": given, "content_text": "body"}])).entries
    assert entry["id"] == expected


@pytest.mark.parametrize("given", [None, True, "", [1], {"a": 1}])
def test_ids_that_are_not_scalars_are_left_out(given: object) -> None:
    [entry] = parse_json_feed(feed(items=[{"id": given, "content_text": "body"}])).entries
    assert "id" not in entry


def test_integer_ids_are_scoped_to_their_feed_by_make_dispatch() -> None:
    body = feed(items=[{"id": 17, "content_text": "Harbour closed for the storm."}])
    entry = parse_json_feed(body).entries[0]
    one = make_dispatch(entry, source="gazette", fetched=FETCHED)
    other = make_dispatch(entry, source="courier", fetched=FETCHED)
    assert one.id != other.id


def test_missing_title_content_only_item() -> None:
    body = feed(items=[{"id": "m1", "content_text": "Power is back in the north district.\nCrews stay on site."}])
    entry = parse_json_feed(body).entries[0]
    assert "title" not in entry and "title_detail" not in entry
    dispatch = make_dispatch(entry, source="gazette", fetched=FETCHED)
    assert dispatch.title == "Power is back in the north district."


def test_link_falls_back_to_external_url_and_relative_urls_resolve() -> None:
    body = feed(
        items=[
            {"id": "e", "content_text": "x", "external_url": "https://elsewhere.example/story"},
            {"id": "r", "content_text": "y", "url": "/2025/relative-story"},
            {"id": "n", "content_text": "z", "url": 12},
        ],
        feed_url="https://gazette.example/feeds/main.json",
    )
    entries = parse_json_feed(body).entries
    assert entries[0]["link"] == "https://elsewhere.example/story"
    assert entries[1]["link"] == "https://gazette.example/2025/relative-story"
    assert "link" not in entries[2]


def test_relative_urls_resolve_against_the_fetch_address_when_the_feed_names_none() -> None:
    body = feed(items=[{"id": "r", "content_text": "y", "url": "story/9"}])
    entry = parse_json_feed(body, base_url="https://courier.example/news/feed.json").entries[0]
    assert entry["link"] == "https://courier.example/news/story/9"


def test_feed_language_is_each_items_unless_it_has_its_own() -> None:
    body = feed(
        items=[{"id": "a", "content_text": "x"}, {"id": "b", "content_text": "y", "language": "fr"}], language="de"
    )
    assert [entry["language"] for entry in parse_json_feed(body).entries] == ["de", "fr"]


@pytest.mark.parametrize(
    "bad_date", ["yesterday", "2025-13-40T00:00:00Z", "2025-02-27T08:15:00+25:00", "27/02/2025", "", 20250227, None]
)
def test_bad_dates_are_ignored(bad_date: object) -> None:
    body = feed(items=[{"id": "d1", "content_text": "x", "date_published": bad_date, "date_modified": bad_date}])
    entry = parse_json_feed(body).entries[0]
    assert "published_parsed" not in entry and "updated_parsed" not in entry
    assert make_dispatch(entry, source="gazette", fetched=FETCHED).published_estimated


def test_a_bad_published_date_falls_back_to_the_modified_one() -> None:
    body = feed(
        items=[{"id": "d2", "content_text": "x", "date_published": "soon", "date_modified": "2025-01-02T03:04:05Z"}]
    )
    dispatch = make_dispatch(parse_json_feed(body).entries[0], source="gazette", fetched=FETCHED)
    assert dispatch.published == datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-02-27T08:15:00Z", datetime(2025, 2, 27, 8, 15, tzinfo=UTC)),
        ("2025-02-27t08:15:00z", datetime(2025, 2, 27, 8, 15, tzinfo=UTC)),
        ("2025-02-27T08:15:00.123456+05:30", datetime(2025, 2, 27, 2, 45, tzinfo=UTC)),
        ("2025-02-27T20:00:00-0800", datetime(2025, 2, 28, 4, 0, tzinfo=UTC)),
        ("2025-02-27 08:15:00Z", datetime(2025, 2, 27, 8, 15, tzinfo=UTC)),
        ("2025-02-27T08:15:00", datetime(2025, 2, 27, 8, 15, tzinfo=UTC)),  # no offset: read as UTC
        ("2025-02-27", datetime(2025, 2, 27, tzinfo=UTC)),
        ("2016-12-31T23:59:60Z", datetime(2016, 12, 31, 23, 59, 59, tzinfo=UTC)),  # leap second
    ],
)
def test_rfc3339_dates(text: str, expected: datetime) -> None:
    parsed = parse_rfc3339(text)
    assert parsed is not None
    assert utc(parsed) == expected
    assert parsed.tm_isdst == 0


# -- items that are not objects, refusals -------------------------------------------


def test_items_that_are_not_objects_are_skipped_and_counted() -> None:
    body = feed(items=[1, "loose string", None, {"id": "ok", "content_text": "kept"}, ["nested"]])
    parsed = parse_json_feed(body)
    assert [entry["id"] for entry in parsed.entries] == ["ok"]
    assert parsed.skipped == 4
    assert parsed.warnings == ["4 item(s) skipped: not a JSON object (first at index 0)"]


def test_an_empty_items_list_is_a_feed_with_no_entries() -> None:
    parsed = parse_json_feed(feed(items=[]))
    assert parsed.entries == [] and parsed.version == "json11"


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        (b"<rss version='2.0'></rss>", "not JSON"),
        (b'{"version": "https://jsonfeed.org/version/1.1", "items": [}', "not JSON"),
        (b"[1, 2, 3]", "JSON array, not an object"),
        (b'"just text"', "JSON string, not an object"),
        (b'{"title": "No version", "items": []}', 'no "version"'),
        (b'{"version": 1.1, "items": []}', 'no "version"'),
        (b'{"version": "https://example.org/rss", "items": []}', "unknown version"),
        (b'{"version": "https://jsonfeed.org/version/2", "items": []}', "unsupported JSON Feed version"),
        (b'{"version": "https://jsonfeed.org/version/1.1"}', 'no "items"'),
        (
            b'{"version": "https://jsonfeed.org/version/1.1", "items": {"id": 1}}',
            '"items" must be a list, not a JSON object',
        ),
        (
            b'{"version": "https://jsonfeed.org/version/1", "items": "none"}',
            '"items" must be a list, not a JSON string',
        ),
        ('{"version": "https://jsonfeed.org/version/1", "title": "Café", "items": []}'.encode("latin-1"), "not UTF-8"),
    ],
)
def test_documents_that_are_not_json_feeds_are_refused_with_a_reason(body: bytes, reason: str) -> None:
    with pytest.raises(FeedParseError, match=reason.replace("(", r"\(")) as caught:
        parse_json_feed(body)
    assert isinstance(caught.value, InputError)


def test_byte_order_mark_and_leading_whitespace_are_accepted() -> None:
    parsed = parse_json_feed(b"\xef\xbb\xbf \n" + feed(items=[{"id": "b", "content_text": "x"}]))
    assert parsed.entries[0]["id"] == "b"


def test_http_version_url_is_accepted() -> None:
    assert parse_json_feed(feed("http://jsonfeed.org/version/1", items=[])).version == "json1"


def test_deep_nesting_is_refused_without_recursion_error() -> None:
    with pytest.raises(FeedParseError, match="nested more than 64 levels"):
        parse_json_feed(b"[" * 100_000)
    with pytest.raises(FeedParseError, match="nested more than"):
        parse_json_feed(b"[" * 100_000 + b"]" * 100_000)


def test_nesting_limit_counts_levels_inside_items() -> None:
    def with_extension(depth: int) -> bytes:
        # feed object, items array and item object are three levels; the extension makes up the rest
        extension = "[" * (depth - 3) + "]" * (depth - 3)
        item = '{"id": "x", "content_text": "t", "_deep": ' + extension + "}"
        return ('{"version": "' + V11 + '", "items": [' + item + "]}").encode()

    assert parse_json_feed(with_extension(MAX_DEPTH)).entries[0]["id"] == "x"
    with pytest.raises(FeedParseError, match="nested"):
        parse_json_feed(with_extension(MAX_DEPTH + 1))


def test_brackets_inside_strings_do_not_count_as_nesting() -> None:
    title = "[{" * 500 + 'a quote " and a backslash \\ ' + "}]" * 3  # both escaped in the JSON
    assert parse_json_feed(feed(items=[{"id": "s", "title": title}])).entries[0]["title"] == title


# -- detection ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [
        {"content-type": "application/feed+json"},
        {"content-type": "application/json; charset=utf-8"},
        {"Content-Type": "Application/Feed+JSON"},
    ],
)
def test_json_content_types_look_like_json_feeds(headers: dict[str, str]) -> None:
    assert looks_like_json_feed(b"", headers)
    assert looks_like_json_feed(b'{"status": "ok"}', headers)  # parse_json_feed then says why it is not one
    assert not looks_like_json_feed(b'\n<?xml version="1.0"?><rss version="2.0"/>', headers)  # mislabelled XML


@pytest.mark.parametrize(
    "body",
    [
        feed(items=[]),
        b"\xef\xbb\xbf  \n" + feed(V1, items=[]),
        b'{"version":"https:\\/\\/jsonfeed.org\\/version\\/1.1","items":[]}',  # escaped slashes
        b'{"items": [], "title": "Sorted keys", "version": "https://jsonfeed.org/version/1"}',
    ],
)
def test_json_feed_bodies_are_recognised_whatever_the_content_type(body: bytes) -> None:
    assert looks_like_json_feed(body, {"content-type": "text/plain"})
    assert looks_like_json_feed(body, {})


@pytest.mark.parametrize(
    "body",
    [
        b'<?xml version="1.0"?><rss version="2.0"><channel/></rss>',
        b'{"version": "2.0", "items": []}',
        b'[{"version": "https://jsonfeed.org/version/1"}]',
        b"",
    ],
)
def test_other_bodies_do_not_look_like_json_feeds(body: bytes) -> None:
    assert not looks_like_json_feed(body, {"content-type": "application/xml"})
