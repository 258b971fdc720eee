"""Normalisation: canonical URLs, HTML to text, dates, ids, and parsing of the fixture feeds."""

from __future__ import annotations

import random
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from wirewatch.backoff import Backoff
from wirewatch.models import dispatch_id
from wirewatch.producers.fetch import check_http_url, parse_retry_after
from wirewatch.producers.kinds import feed_problems
from wirewatch.producers.normalise import EntryError, canonical_url, html_to_text, make_dispatch
from wirewatch.producers.parse import FeedParseError, parse_feed
from wirewatch.settings import FeedConfig

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "feeds"
FETCHED = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("HTTPS://News.Example.ORG/a/b", "https://news.example.org/a/b"),
        ("http://example.org:80/x", "http://example.org/x"),
        ("https://example.org:443/x", "https://example.org/x"),
        ("https://example.org:8443/x", "https://example.org:8443/x"),
        ("https://example.org/x#section-2", "https://example.org/x"),
        ("https://example.org", "https://example.org/"),
        (
            "https://example.org/a?utm_source=rss&id=42&utm_campaign=x&page=2",
            "https://example.org/a?id=42&page=2",
        ),
        ("https://example.org/a?fbclid=1&gclid=2&mc_cid=3&mc_eid=4&igshid=5&ref_src=6", "https://example.org/a"),
        ("https://example.org/a?UTM_Source=x&b=1", "https://example.org/a?b=1"),
        ("https://example.org/a?z=1&a=2", "https://example.org/a?z=1&a=2"),  # order kept
        ("https://example.org/a?q=&x=1", "https://example.org/a?q=&x=1"),  # blank values kept
        ("  https://example.org/path/  ", "https://example.org/path/"),
        ("http://[::1]:8080/feed", "http://[::1]:8080/feed"),
    ],
)
def test_canonical_url(raw: str, expected: str) -> None:
    assert canonical_url(raw) == expected


@pytest.mark.parametrize(
    "raw", ["", None, "ftp://example.org/x", "javascript:alert(1)", "data:text/html,hi", "/relative/path", "http://"]
)
def test_canonical_url_refuses_what_is_not_http(raw: str | None) -> None:
    assert canonical_url(raw) is None


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>One</p><p>Two</p>", "One\nTwo"),
        ("Fish &amp; chips &mdash; &#8220;hot&#8221;", "Fish & chips \u2014 \u201chot\u201d"),
        ("a<br>b<br/>c", "a\nb\nc"),
        ("  lots   of\t\twhite\u00a0space  ", "lots of white space"),
        ("<ul><li>first</li><li>second</li></ul>", "first\nsecond"),
        ("<p>keep <b>bold</b> and <a href='x'>links</a> inline</p>", "keep bold and links inline"),
        ("<script>alert('x')</script><style>p{}</style>visible", "visible"),
        ("<div><p>para</p>\n\n\n<p>next</p></div>", "para\nnext"),
        ("no markup at all", "no markup at all"),
        ("", ""),
        ("5 < 6 and 7 > 3", "5 < 6 and 7 > 3"),
    ],
)
def test_html_to_text(html: str, expected: str) -> None:
    assert html_to_text(html) == expected


def _entries(name: str, content_type: str = "application/rss+xml") -> list:
    return parse_feed((FIXTURES / name).read_bytes(), {"content-type": content_type}).entries


def test_rss_entries_normalise_to_dispatches() -> None:
    entries = _entries("world-rss.xml")
    coup = make_dispatch(entries[0], source="world", fetched=FETCHED, language="en", hints={"country": "TR"})
    assert coup.title == "Army seizes state TV in attempted coup"
    assert (
        coup.text == "Soldiers took over the state broadcaster on Friday night.\n"
        "The government said the attempt had failed & order was restored."
    )
    assert coup.url == "https://news.example.org/world/coup-attempt?utm_source=rss&utm_medium=feed&id=42"  # as given
    assert coup.published == datetime(2016, 7, 15, 22, 30, tzinfo=UTC)  # +0300 to UTC
    assert not coup.published_estimated
    assert coup.id == dispatch_id("guid:urn:example:world:1001")
    assert coup.hints == {"country": "TR"} and coup.language == "en"

    markets = make_dispatch(entries[1], source="world", fetched=FETCHED)
    assert markets.title == "Markets steady & calm"
    # A permalink guid and a link to the same page give the same id, in any feed.
    assert markets.id == dispatch_id("https://news.example.org/markets/steady")

    talks = make_dispatch(entries[2], source="world", fetched=FETCHED)
    assert talks.url == "https://news.example.org/world/talks?fbclid=abc"
    assert talks.id == dispatch_id("https://news.example.org/world/talks")


def test_atom_prefers_content_and_resolves_relative_links() -> None:
    result = parse_feed(
        (FIXTURES / "atom.xml").read_bytes(),
        {"content-type": "application/atom+xml", "content-location": "https://atom.example.net/feed.xml"},
    )
    assert result.language == "fr"
    dispatch = make_dispatch(result.entries[0], source="atom", fetched=FETCHED)
    assert dispatch.title == "Coup rumours denied"
    assert dispatch.text == "Full text paragraph one.\nParagraph two."
    assert dispatch.url == "https://atom.example.net/articles/1"
    assert dispatch.published == datetime(2024, 3, 1, 9, 0, tzinfo=UTC)


def test_entries_without_guid_link_or_date() -> None:
    entries = _entries("bare-entries.xml")
    dispatches = []
    for entry in entries:
        try:
            dispatches.append(make_dispatch(entry, source="bare", fetched=FETCHED))
        except EntryError:
            continue
    assert [d.title for d in dispatches] == [
        "First bare item",
        "Second bare item",
        "An item with only a description.",
        "Counter guid",
    ]
    assert all(d.published == FETCHED and d.published_estimated for d in dispatches)
    assert all(d.url is None for d in dispatches)
    assert len({d.id for d in dispatches}) == 4
    # A counter guid like "7" is scoped to its feed: another feed's item 7 is another story.
    other = make_dispatch(entries[3], source="other-feed", fetched=FETCHED)
    assert other.id != dispatches[3].id
    # Content-hashed ids are stable: the same entry tomorrow has the same id.
    again = make_dispatch(entries[0], source="bare", fetched=FETCHED + timedelta(days=1))
    assert again.id == dispatches[0].id


def test_empty_entry_is_refused() -> None:
    with pytest.raises(EntryError):
        make_dispatch({}, source="x", fetched=FETCHED)


def test_far_future_date_is_clamped_and_flagged() -> None:
    future = (FETCHED + timedelta(days=400)).timetuple()
    entry = {"title": "From the future", "published_parsed": time.struct_time(future)}
    dispatch = make_dispatch(entry, source="x", fetched=FETCHED)
    assert dispatch.published == FETCHED and dispatch.published_estimated


@pytest.mark.parametrize(
    ("name", "content_type", "message"),
    [
        ("invalid.xml", "application/rss+xml", "not a valid feed"),
        ("page.html", "text/html; charset=utf-8", "not a feed: an HTML page"),
    ],
)
def test_unusable_documents_raise(name: str, content_type: str, message: str) -> None:
    with pytest.raises(FeedParseError, match=message):
        parse_feed((FIXTURES / name).read_bytes(), {"content-type": content_type})


def test_empty_body_raises() -> None:
    with pytest.raises(FeedParseError, match="empty response body"):
        parse_feed(b"  \n", {"content-type": "application/rss+xml"})


@pytest.mark.parametrize(
    ("name", "content_type", "title"),
    [
        ("latin1-declared-utf8.xml", "application/rss+xml; charset=utf-8", "Caf\u00e9 talks in S\u00e3o Paulo"),
        ("latin1-no-declaration.xml", "application/xml", "Caf\u00e9 noir"),
        ("latin1-no-declaration.xml", "", "Caf\u00e9 noir"),
    ],
)
def test_wrong_or_missing_charset_still_reads(name: str, content_type: str, title: str) -> None:
    parsed = parse_feed((FIXTURES / name).read_bytes(), {"content-type": content_type} if content_type else {})
    assert parsed.entries[0]["title"] == title
    assert parsed.warnings  # read, but flagged as not clean


@pytest.mark.parametrize(
    "url",
    ["ftp://example.org/feed", "file:///etc/passwd", "javascript:alert(1)", "data:text/xml,<rss/>", "example.org"],
)
def test_non_http_feed_urls_are_refused_at_config_time(url: str) -> None:
    problems = feed_problems(FeedConfig(name="bad", url=url))
    assert problems and "not allowed" in problems[0]
    assert check_http_url(url) is not None


def test_file_feed_and_other_config_checks() -> None:
    assert feed_problems(FeedConfig(name="local", url=str(FIXTURES / "atom.xml"), kind="file")) == []
    assert feed_problems(FeedConfig(name="local", url="https://example.org/x", kind="file"))
    problems = feed_problems(FeedConfig(name="", url="https://example.org/", kind="gopher", interval=0, country="TUR"))
    assert len(problems) == 4


def test_retry_after_forms() -> None:
    now = datetime(2024, 1, 1, 12, 0, tzinfo=UTC)
    assert parse_retry_after("120") == 120.0
    assert parse_retry_after("Mon, 01 Jan 2024 12:02:00 GMT", now=now) == 120.0
    assert parse_retry_after("Mon, 01 Jan 2024 11:00:00 GMT", now=now) == 0.0
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None


FEED_BACKOFF = Backoff(base=60, cap=3600, jitter=0.10)


def test_backoff_doubles_with_jitter_and_is_capped() -> None:
    rng = random.Random(7)
    delays = [FEED_BACKOFF.delay(n, rng=rng) for n in range(1, 10)]
    for n, delay in enumerate(delays[:6], start=1):
        assert 60 * 2 ** (n - 1) * 0.9 <= delay <= min(3600, 60 * 2 ** (n - 1) * 1.1)
    assert all(d <= 3600 for d in delays) and delays[-1] >= 3600 * 0.9
    assert FEED_BACKOFF.delay(10_000, rng=rng) <= 3600  # never overflow, never forever
    assert FEED_BACKOFF.delay(1, retry_after=900, rng=rng) == 900  # server asks for longer
    assert FEED_BACKOFF.delay(1, retry_after=10**9, rng=rng) == 3600  # but within the cap
    assert FEED_BACKOFF.delay(0) == 0.0


def test_slightly_malformed_feed_with_entries_is_accepted_with_a_warning() -> None:
    parsed = parse_feed((FIXTURES / "truncated.xml").read_bytes(), {"content-type": "application/rss+xml"})
    assert [entry["title"] for entry in parsed.entries] == ["Complete item"]
    assert parsed.warnings and "line 4" in parsed.warnings[0]


def test_backoff_without_jitter_is_exact_and_iterates() -> None:
    delays = Backoff(base=0.5, cap=4.0).delays()
    assert [next(delays) for _ in range(6)] == [0.5, 1.0, 2.0, 4.0, 4.0, 4.0]
