"""A feed entry longer than a dispatch may be is cut at a word boundary, marked, and keeps a stable id."""

from __future__ import annotations

from datetime import UTC, datetime

from wirewatch.producers.normalise import MAX_TEXT_CHARS, MAX_TITLE_CHARS, clip, make_dispatch

FETCHED = datetime(2026, 11, 1, tzinfo=UTC)


def entry(title: str, text: str) -> dict:
    return {
        "title": title,
        "title_detail": {"type": "text/plain"},
        "summary": text,
        "summary_detail": {"type": "text/plain"},
        "link": "https://news.example.org/long/1",
    }


def test_long_title_and_text_are_cut_marked_and_keep_a_stable_id() -> None:
    title, text = "Headline " * 500, "Troops in Ankara. " * 20_000
    first = make_dispatch(entry(title, text), source="wire", fetched=FETCHED, hints={"country": "TR"})
    again = make_dispatch(entry(title, text), source="wire", fetched=FETCHED, hints={"country": "TR"})
    assert len(first.title) <= MAX_TITLE_CHARS and len(first.text) <= MAX_TEXT_CHARS
    assert first.title.endswith("Headline") and first.text.endswith("Ankara.")  # cut between words
    assert first.hints == {"country": "TR", "truncated": "title,text"}
    assert first.id == again.id


def test_entries_within_the_caps_are_untouched() -> None:
    dispatch = make_dispatch(entry("Coup attempt", "Troops in Ankara."), source="wire", fetched=FETCHED)
    assert (dispatch.title, dispatch.text, dispatch.hints) == ("Coup attempt", "Troops in Ankara.", {})


def test_clip_without_any_space_cuts_at_the_cap() -> None:
    assert clip("x" * 5000, 1000) == "x" * 1000
    assert clip("short", 1000) == "short"
