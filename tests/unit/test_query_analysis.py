"""The standard-analyzer reproduction: the cases Elasticsearch documents and we rely on."""

import pytest

from wirewatch.query import analyze, analyze_with_offsets


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Ankara's", ["ankara's"]),
        ("U.S.", ["u.s"]),
        ("al-Assad", ["al", "assad"]),
        ("3.5", ["3.5"]),
        ("vis-à-vis", ["vis", "à", "vis"]),
        ("Çavuşoğlu", ["çavuşoğlu"]),
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


def test_no_accent_folding_and_no_stop_words() -> None:
    assert analyze("Café the a of") == ["café", "the", "a", "of"]


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
