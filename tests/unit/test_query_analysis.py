"""The standard-analyzer reproduction: the cases Elasticsearch documents and we rely on, and the
Latin-script fast path of `analyze`, which must return exactly what the UAX#29 segment path returns."""

import random

import pytest

from wirewatch.query import analyze, analyze_with_offsets
from wirewatch.query.analysis import _FAST_CHARS, _fast_terms, lowercase, token_spans
from wirewatch.query.folding import fold


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Ankara's", ["ankara's"]),
        ("U.S.", ["u.s"]),
        ("al-Assad", ["al", "assad"]),
        ("3.5", ["3.5"]),
        ("vis-à-vis", ["vis", "a", "vis"]),  # terms are folded (wirewatch.query.folding)
        ("Çavuşoğlu", ["cavusoglu"]),
        ("The QUICK brown-fox's 2nd jump!", ["the", "quick", "brown", "fox's", "2nd", "jump"]),
        ("1,000.5 people", ["1,000.5", "people"]),
        ("foo_bar __ baz", ["foo_bar", "baz"]),
        ("e-mail: a@b.org", ["e", "mail", "a", "b.org"]),
        ("", []),
        ("... -- !!", []),
    ],
)
def test_standard_analyzer_cases(text: str, tokens: list[str]) -> None:
    assert analyze(text) == tokens


def test_lowercase_is_lucene_simple_mapping_not_python_full_mapping() -> None:
    # Python: "İ".lower() == "i̇" and a final capital sigma becomes "ς".
    assert analyze("İSTANBUL") == ["istanbul"]
    assert analyze("ΟΔΟΣ") == ["οδοσ"]


def test_accents_are_folded_and_there_are_no_stop_words() -> None:
    assert analyze("Café the a of") == ["cafe", "the", "a", "of"]


def test_cjk_thai_and_emoji_tokens() -> None:
    assert analyze("abc中文") == ["abc", "中", "文"]
    assert analyze("ひらがな") == ["ひ", "ら", "が", "な"]
    assert analyze("カタカナ") == ["カタカナ"]
    assert analyze("ข่าว ไทย") == ["ข่าว", "ไทย"]  # a Thai run is one token, as in Lucene
    assert analyze("coup 🔥 now") == ["coup", "🔥", "now"]


def test_long_tokens_are_split_at_255() -> None:
    tokens = analyze("x" * 600 + " end")
    assert [len(t) for t in tokens] == [255, 255, 90, 3]


def test_offsets_and_positions() -> None:
    text = "Turkey's coup, U.S. said"
    tokens = analyze_with_offsets(text)
    assert [(t.term, text[t.start : t.end], t.position) for t in tokens] == [
        ("turkey's", "Turkey's", 0),
        ("coup", "coup", 1),
        ("u.s", "U.S", 2),
        ("said", "said", 3),
    ]


# -- the Latin-script fast path ----------------------------------------------------------------
# `analyze` takes one stdlib-regex findall for texts made only of characters whose word-break rules it
# models; everything else goes through `token_spans`. These tests compare the two on strings built to hit
# the word-break rules (connectors between letters and digits, underscores, curly apostrophes, Latin
# letters with diacritics, spaces of several kinds) and on every character the fast path accepts.


def exact_terms(text: str) -> list[str]:
    lowered = lowercase(text)
    folded = (fold(lowered[start:end]) for start, end in token_spans(text))
    return [term for term in folded if term]  # a token of marks alone folds to nothing


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
        ("İstanbul ÇAVUŞOĞLU", ["istanbul", "cavusoglu"]),
    ],
)
def test_fast_path_known_cases(text: str, terms: list[str]) -> None:
    assert _fast_terms(lowercase(text)) is not None
    assert analyze(text) == terms == exact_terms(text)


def test_texts_outside_the_fast_path_still_analyse_exactly() -> None:
    for text in ["東京 coup", "café\u0301 x", "km² ok", "a" * 300, "ภาษาไทย coup"]:
        assert _fast_terms(lowercase(text)) is None
        assert analyze(text) == exact_terms(text)
