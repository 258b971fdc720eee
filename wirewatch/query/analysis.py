"""A reproduction of Elasticsearch's ``standard`` analyzer.

The standard tokenizer is Lucene's UAX#29 word segmentation; the ``regex``
module's WORD mode (``(?w)``) implements the same Unicode default word
boundaries, so we split on those and keep the segments Lucene would emit:

* segments with a letter or digit (``Ankara's``, ``U.S`` without the final dot,
  ``3.5``, ``foo_bar``); punctuation/space-only segments are dropped;
* every Han ideograph and Hiragana character alone (UAX#29 already splits them);
* runs of South-East Asian script (Thai, Lao, Khmer, Myanmar) as ONE token:
  Lucene's tokenizer emits the whole run, ``regex`` splits it per character;
* emoji (Extended_Pictographic, regional-indicator flags) as tokens, as Lucene
  does since its emoji support; they occupy positions, which matters for phrases;
* tokens longer than 255 UTF-16 units split into 255-unit chunks (ES
  ``max_token_length``); we never split a surrogate pair, Lucene might.

Lowercasing is Lucene's ``LowerCaseFilter``: per code point
``Character.toLowerCase``, i.e. the simple mapping. Python's ``str.lower`` uses
full/contextual mappings in two places, which we undo: ``İ`` → ``i`` (not
``i̇``) and capital sigma → ``σ`` everywhere (never final ``ς``). No stop words
(the standard analyzer has none by default). Then each term is folded
(wirewatch.query.folding): what Elasticsearch indexes in the folded copies.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import regex

from wirewatch.query.folding import fold

MAX_TOKEN_LENGTH = 255

# One UAX#29 word segment (from a boundary to the next) that may hold a token:
# segments of spaces or punctuation are never produced. (A ZWJ emoji sequence
# glued after punctuation is the one case this skips that Lucene may emit.)
_CANDIDATE_SEGMENT = regex.compile(
    r"(?wV1)\b[\p{Alphabetic}\p{Nd}\p{Pc}\p{M}\p{Cf}\p{Extended_Pictographic}\p{Regional_Indicator}]\S*?\b"
)
# Word-break classes Lucene's StandardTokenizer turns into tokens; a segment of
# only punctuation, spaces, "_" or symbols such as "½" is skipped.
_TOKEN_CHAR = regex.compile(
    r"[\p{WB=ALetter}\p{WB=Hebrew_Letter}\p{WB=Numeric}\p{WB=Katakana}\p{Ideographic}"
    r"\p{Script=Hiragana}\p{Line_Break=Complex_Context}\p{Extended_Pictographic}\p{WB=Regional_Indicator}]",
    regex.V1,
)
_SOUTH_EAST_ASIAN = regex.compile(r"[\p{Line_Break=Complex_Context}\p{M}]+$", regex.V1)
_HAS_SOUTH_EAST_ASIAN = regex.compile(r"\p{Line_Break=Complex_Context}", regex.V1)
# Characters the SQLite unicode61 tokenizer would glue to neighbouring letters
# while UAX#29 splits them apart (see fts_safe).
_SCRIPT_RUN_BREAKERS = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Line_Break=Complex_Context}\p{No}]", regex.V1)
_SPECIAL_LOWER = {"\u0130": "i", "\u03a3": "\u03c3"}


class Token(NamedTuple):
    term: str  # lowercased
    start: int  # character offsets into the analysed text
    end: int
    position: int


def lowercase(text: str) -> str:
    """Lucene's LowerCaseFilter (simple per-code-point mapping); preserves length.

    U+0130 is the only character whose Python lowercase is longer, and we map it.
    """
    if "\u0130" in text or "\u03a3" in text:
        return "".join(_SPECIAL_LOWER.get(ch) or ch.lower() for ch in text)
    return text.lower()


def _utf16_len(text: str) -> int:
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def _split_long(start: int, end: int, text: str, out: list[tuple[int, int]]) -> None:
    """Split an over-long token at max_token_length (UTF-16 units) intervals."""
    begin, units = start, 0
    for index in range(start, end):
        width = 2 if ord(text[index]) > 0xFFFF else 1
        if units + width > MAX_TOKEN_LENGTH:
            out.append((begin, index))
            begin, units = index, 0
        units += width
    out.append((begin, end))


def _merge_south_east_asian(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Lucene emits a run of South-East Asian script as one token; regex splits it per letter."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if (
            merged
            and merged[-1][1] == start
            and _SOUTH_EAST_ASIAN.match(text, start, end)
            and _SOUTH_EAST_ASIAN.match(text, merged[-1][0], merged[-1][1])
        ):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def token_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) character spans of the tokens, in order."""
    spans: list[tuple[int, int]] = []
    for found in _CANDIDATE_SEGMENT.finditer(text):
        start, end = found.span()
        first = text[start]
        # Fast path for the usual word; the property regex for "_", marks, emoji.
        if first.isalpha() or "0" <= first <= "9" or _TOKEN_CHAR.search(text, start, end):
            if end - start > MAX_TOKEN_LENGTH // 2 and _utf16_len(text[start:end]) > MAX_TOKEN_LENGTH:
                _split_long(start, end, text, spans)
            else:
                spans.append((start, end))
    if not text.isascii() and _HAS_SOUTH_EAST_ASIAN.search(text):
        spans = _merge_south_east_asian(spans, text)
    return spans


def analyze_with_offsets(text: str) -> list[Token]:
    """Tokens with character offsets and positions (for phrases and highlights); terms folded, offsets into
    `text`."""
    lowered = lowercase(text)  # length-preserving, so offsets stay valid
    tokens = [Token(lowered[start:end], start, end, index) for index, (start, end) in enumerate(token_spans(text))]
    if lowered.isascii():
        return tokens
    folded = [token._replace(term=fold(token.term)) for token in tokens]
    if all(token.term for token in folded):
        return folded
    # a token of marks alone folds to nothing: Elasticsearch never sees it in the folded text, so drop it and
    # number the rest as it does
    kept = [token for token in folded if token.term]
    return [token._replace(position=index) for index, token in enumerate(kept)]


def search_form(value: str) -> str:
    """A query's text as the index holds it: lowercased the Lucene way, then folded (wildcards, prefixes,
    range bounds and the SQLite prefilter's phrases)."""
    return fold(lowercase(value))


def _fast_path_pattern() -> tuple[frozenset[str], re.Pattern[str], str]:
    """A plain word regex equal to UAX#29 on Latin-script text, and the characters it is exact for.

    Most dispatches are Latin letters, digits and common punctuation. On those characters the word
    rules reduce to: letters, digits and connectors (ExtendNumLet, "_") join; a MidLetter/MidNumLet/
    Single_Quote (``:`` ``.`` ``'`` ``’``) joins two letters; a MidNum/MidNumLet/Single_Quote
    (``,`` ``;`` ``.`` ``'``) joins two digits (WB5-WB13b). One findall with that regex replaces the
    per-segment loop of token_spans; it is compiled with the standard ``re`` module, about five times
    faster than ``regex`` on such plain classes. The character set is derived from the Unicode properties the
    regex module knows, so marks, format characters, emoji and other scripts fall back to the exact path.
    """
    classes: dict[str, list[str]] = {
        name: [] for name in ("ALetter", "Numeric", "ExtendNumLet", "MidLetter", "MidNum", "MidNumLet", "Single_Quote")
    }
    passive = ("Other", "Double_Quote", "Newline", "CR", "LF", "WSegSpace")
    allowed: set[str] = set()
    excluded = regex.compile(r"[\p{M}\p{Cf}\p{No}\p{Extended_Pictographic}\p{WB=Hebrew_Letter}]", regex.V1)
    # A word character must also start a candidate segment (and never be a space, which ends one).
    starts_segment = regex.compile(r"[\p{Alphabetic}\p{Nd}\p{Pc}]", regex.V1)
    for code in [*range(0x0000, 0x0250), *range(0x2000, 0x2070)]:
        char = chr(code)
        if excluded.match(char) or (len(char.lower()) != 1 and char != "\u0130"):
            continue
        for name, members in classes.items():
            if regex.match(rf"\p{{WB={name}}}", char):
                word_class = name in ("ALetter", "Numeric", "ExtendNumLet")
                if word_class and (char.isspace() or not starts_segment.match(char)):
                    break  # neither word nor passive: such a text takes the exact path
                members.append(char)
                allowed.add(char)
                break
        else:
            if any(regex.match(rf"\p{{WB={name}}}", char) for name in passive):
                allowed.add(char)
    letter = re.escape("".join(classes["ALetter"]))  # lowercasing keeps these letters letters
    digit = re.escape("".join(classes["Numeric"]))
    connector = re.escape("".join(classes["ExtendNumLet"]))
    mid_letter = re.escape("".join(classes["MidLetter"] + classes["MidNumLet"] + classes["Single_Quote"]))
    mid_number = re.escape("".join(classes["MidNum"] + classes["MidNumLet"] + classes["Single_Quote"]))
    word = f"[{letter}{digit}{connector}]+"
    pattern = re.compile(
        f"{word}(?:(?:(?<=[{letter}])[{mid_letter}](?=[{letter}])|(?<=[{digit}])[{mid_number}](?=[{digit}])){word})*"
    )
    return frozenset(allowed), pattern, "".join(classes["ExtendNumLet"])


_FAST_CHARS, _FAST_WORD, _CONNECTORS = _fast_path_pattern()


def _fast_terms(lowered: str) -> list[str] | None:
    """The terms of a Latin-script text in one findall, or None when the text needs the exact path."""
    if not (lowered.isascii() or _FAST_CHARS.issuperset(lowered)):
        return None
    terms = _FAST_WORD.findall(lowered)
    if terms and max(map(len, terms)) > MAX_TOKEN_LENGTH:
        return None
    if any(connector in lowered for connector in _CONNECTORS):
        terms = [term for term in terms if term.strip(_CONNECTORS)]  # "__" alone is no token
    return terms


def analyze(text: str) -> list[str]:
    """The terms Elasticsearch's standard analyzer produces for ``text``, folded (wirewatch.query.folding)."""
    lowered = lowercase(text)
    terms = _fast_terms(lowered)
    if terms is None:
        terms = [lowered[start:end] for start, end in token_spans(text)]
    if lowered.isascii():
        return terms
    return [term for term in map(fold, terms) if term]


def fts_document_text(text: str) -> str:
    """What to store in the FTS5 columns: the text lowercased the Lucene way and folded.

    SQLite's unicode61 case folding predates some Unicode case pairs and does
    not fold ``İ`` to ``i`` as Lucene does; feeding it pre-lowercased, folded text
    (and query phrases in the same form, which fts_prefilter emits) keeps FTS5 a superset.
    """
    return search_form(text)


def fts_safe(text: str) -> bool:
    """Whether SQLite's unicode61 tokenizer splits ``text`` no finer than UAX#29.

    unicode61 treats every letter/digit run as one token, while UAX#29 splits
    CJK ideographs, kana and Thai-like scripts per character or per run and
    splits off "other numbers" such as ``½``. A query token containing such a
    character cannot be translated into an FTS5 phrase that is sure to match.
    """
    return _SCRIPT_RUN_BREAKERS.search(text) is None and any(ch.isalnum() for ch in text)
