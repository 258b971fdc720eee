"""The Latin-script fast path of `analyze` must return exactly what the UAX#29 segment path returns.

`analyze` takes one stdlib-regex findall for texts made only of characters whose word-break rules it
models; everything else goes through `token_spans`. These tests compare the two on strings built to hit
the word-break rules (connectors between letters and digits, underscores, curly apostrophes, Latin
letters with diacritics, spaces of several kinds) and on every character the fast path accepts.
"""

from __future__ import annotations

import random

import pytest

from wirewatch.query.analysis import _FAST_CHARS, _fast_terms, analyze, lowercase, token_spans


def exact_terms(text: str) -> list[str]:
    lowered = lowercase(text)
    return [lowered[start:end] for start, end in token_spans(text)]


TRICKY = [*list("aZé9_:.',; \n\"-İ0Äx1ſ#\t$ßÿŸ"), "’", "‘", "…", "‿", "·", "․", "\xa0", "\u2009", "\u202f", "\u200b"]


@pytest.mark.parametrize("seed", range(4))
def test_fast_path_equals_exact_path_on_random_strings(seed: int) -> None:
    rng = random.Random(seed)
    every_char = [*sorted(_FAST_CHARS), "\u0301", "\u00ad", "東", "²"]  # a few that force the exact path
    checked_fast = 0
    for round_ in range(5000):
        pool = TRICKY if round_ % 2 else every_char
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 16)))
        assert analyze(text) == exact_terms(text), repr(text)
        checked_fast += _fast_terms(lowercase(text)) is not None
    assert checked_fast > 2000  # the fast path really ran on most of them


@pytest.mark.parametrize(
    "text, terms",
    [
        ("U.S. troops in Ankara's centre, 3,500.5 km", ["u.s", "troops", "in", "ankara's", "centre", "3,500.5", "km"]),
        ("Gov’t backs al-Assad; foo_bar __ 10:00 a:b", ["gov’t", "backs", "al", "assad", "foo_bar", "10", "00", "a:b"]),
        ("İstanbul ÇAVUŞOĞLU", ["istanbul", "çavuşoğlu"]),
    ],
)
def test_fast_path_known_cases(text: str, terms: list[str]) -> None:
    assert _fast_terms(lowercase(text)) is not None
    assert analyze(text) == terms == exact_terms(text)


def test_texts_outside_the_fast_path_still_analyse_exactly() -> None:
    for text in ["東京 coup", "café\u0301 x", "km² ok", "a" * 300, "ภาษาไทย coup"]:
        assert _fast_terms(lowercase(text)) is None
        assert analyze(text) == exact_terms(text)
