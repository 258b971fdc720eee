"""`wirewatch ingest` input parsing: plain text, one JSON object, JSON Lines."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from wirewatch.models import dispatch_id
from wirewatch.producers.ingest import IngestProblem, parse_ingest
from wirewatch.producers.normalise import canonical_url

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
NOW = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)


def _seed_bytes() -> bytes:
    return (FIXTURES / "seed-dispatch.txt").read_bytes()


def test_seed_plain_text_becomes_one_dispatch() -> None:
    gold = json.loads((FIXTURES / "seed-dispatch.gold.json").read_text(encoding="utf-8"))
    dispatches, errors = parse_ingest(_seed_bytes(), now=NOW)
    assert errors == []
    [seed] = dispatches
    assert seed.title == gold["title"] == "Iran Backs Turkish Gov\u2019t Against Coup"
    assert seed.text == gold["text"]  # the body byte for byte: tagger offsets depend on it
    assert seed.source == "ingest"
    assert seed.published == NOW and seed.published_estimated
    # Re-ingesting the same file gives the same id, so the ledger dedups it.
    again, _ = parse_ingest(_seed_bytes().decode("utf-8"), source="elsewhere")
    assert again[0].id == seed.id


def test_plain_text_skips_leading_blank_lines_and_handles_crlf() -> None:
    [dispatch], errors = parse_ingest("\r\n\r\n  Title here  \r\nBody line 1\r\nBody line 2\r\n", now=NOW)
    assert errors == []
    assert dispatch.title == "Title here"
    assert dispatch.text == "Body line 1\nBody line 2"


def test_single_json_object_over_several_lines() -> None:
    data = json.dumps(
        {
            "title": "Coup attempt in Ruritania",
            "body": "Tanks in the capital.",
            "url": "HTTPS://Wire.Example.com/story?utm_source=x&id=9#top",
            "source": "wire",
            "published": "2024-05-31T23:00:00+02:00",
            "language": "EN",
        },
        indent=2,
    )
    [dispatch], errors = parse_ingest(data, now=NOW)
    assert errors == []
    assert dispatch.text == "Tanks in the capital."
    # The link is kept as given; its canonical form (tracking parameters and fragment gone) is its id.
    assert dispatch.url == "HTTPS://Wire.Example.com/story?utm_source=x&id=9#top"
    assert dispatch.id == dispatch_id("https://wire.example.com/story?id=9")
    assert dispatch.source == "wire"
    assert dispatch.published == datetime(2024, 5, 31, 21, 0, tzinfo=UTC)
    assert not dispatch.published_estimated
    assert dispatch.language == "en"
    # Same canonical URL as a feed entry would have: the two dedup against each other.
    url = canonical_url("https://wire.example.com/story?id=9")
    assert url is not None
    assert dispatch.id == dispatch_id(url)


def test_json_lines_with_bad_lines_keeps_the_good_ones() -> None:
    lines = [
        json.dumps({"id": "a-1", "title": "First", "text": "one"}),
        "{not json",
        "",
        json.dumps(["a", "list"]),
        json.dumps({"title": "No text is fine", "published": "yesterday"}),
        json.dumps({"title": 5}),
        json.dumps({"text": "Only a body\nsecond line"}),
        json.dumps({"title": "Bad url", "url": "javascript:alert(1)"}),
        json.dumps({"title": "", "text": "  "}),
        json.dumps({"id": "a-1", "title": "First again", "text": "one"}),
    ]
    dispatches, errors = parse_ingest("\n".join(lines) + "\n", now=NOW)
    assert [d.title for d in dispatches] == ["First", "Only a body", "First again"]
    assert dispatches[0].id == dispatches[2].id  # same given id: dedups downstream
    assert [e.line for e in errors] == [2, 4, 5, 6, 8, 9]
    messages = {e.line: e.message for e in errors}
    assert "invalid JSON" in messages[2]
    assert "expected a JSON object" in messages[4]
    assert "published" in messages[5]
    assert "'title' must be a string" in messages[6]
    assert "http(s) URL" in messages[8]
    assert "non-empty" in messages[9]
    assert str(errors[0]).startswith("line 2: ")


def test_plain_given_ids_are_kept_and_other_ids_are_hashed() -> None:
    exported = "0123456789abcdef01234567"
    odd = "has spaces / and slashes"
    data = "\n".join(json.dumps({"id": given, "title": "t", "text": "x"}) for given in (exported, 17, "seed", odd))
    dispatches, errors = parse_ingest(data, now=NOW)
    assert errors == []
    assert [d.id for d in dispatches[:3]] == [exported, "17", "seed"]
    assert dispatches[3].id != odd and len(dispatches[3].id) == 24


def test_empty_and_undecodable_input() -> None:
    assert parse_ingest("  \n ") == ([], [IngestProblem(1, "input is empty")])
    dispatches, errors = parse_ingest(b"Title\nline two\nbad \xff byte\n", now=NOW)
    assert len(dispatches) == 1 and "\ufffd" in dispatches[0].text
    assert errors[0].line == 3 and "UTF-8" in errors[0].message


def test_future_published_is_clamped() -> None:
    [dispatch], _ = parse_ingest(json.dumps({"title": "t", "published": "2999-01-01T00:00:00Z"}), now=NOW)
    assert dispatch.published == NOW and dispatch.published_estimated


def test_pretty_printed_object_with_a_mistake_gives_one_error_at_its_line() -> None:
    data = '{\n  "title": "Broken",\n  "text": "missing comma"\n  "url": "https://x.example/"\n}\n'
    dispatches, errors = parse_ingest(data, now=NOW)
    assert dispatches == []
    assert [(e.line, e.message) for e in errors] == [(4, "invalid JSON: Expecting ',' delimiter (column 3)")]


def test_json_array_of_objects_and_bracketed_plain_text_title() -> None:
    data = json.dumps([{"title": "one", "text": "a"}, {"title": 3}, {"title": "two", "text": "b"}])
    dispatches, errors = parse_ingest(data, now=NOW)
    assert [d.title for d in dispatches] == ["one", "two"]
    assert [str(e) for e in errors] == ["line 1: array item 2: field 'title' must be a string, got int"]
    [update], errors = parse_ingest("[Update] Curfew lifted\nThe army withdrew.", now=NOW)
    assert errors == [] and update.title == "[Update] Curfew lifted"


def test_json_lines_that_are_all_bad_name_every_line() -> None:
    dispatches, errors = parse_ingest('{"title": "a",}\n{"title" "b"}\n', now=NOW)
    assert dispatches == [] and [e.line for e in errors] == [1, 2]


def test_pushed_dispatches_are_capped_like_feed_entries() -> None:
    from wirewatch.producers.normalise import MAX_TEXT_CHARS

    huge = "word " * (MAX_TEXT_CHARS // 2)
    data = json.dumps({"id": "big", "title": "Big", "text": huge}) + "\n" + json.dumps({"title": "Small", "text": "x"})
    dispatches, errors = parse_ingest(data, now=NOW)
    assert errors == []
    assert len(dispatches[0].text) <= MAX_TEXT_CHARS and dispatches[0].hints["truncated"] == "text"
    assert "truncated" not in dispatches[1].hints
    (plain,), _ = parse_ingest("Big title\n" + huge, now=NOW)
    assert len(plain.text) <= MAX_TEXT_CHARS and plain.hints == {"truncated": "text"}
