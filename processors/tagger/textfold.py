"""Accent and case folding that keeps every character at its offset.

Matching runs on a folded copy of the text; because folding maps each character to exactly one character,
an offset in the folded copy is the same offset in the original text.
"""

from __future__ import annotations

import re
import unicodedata

_SPECIAL = {
    "ı": "i",
    "İ": "I",
    "ł": "l",
    "Ł": "L",
    "ø": "o",
    "Ø": "O",
    "đ": "d",
    "Đ": "D",
    "ß": "s",
    "æ": "a",
    "Æ": "A",
    "œ": "o",
    "Œ": "O",
    "þ": "t",
    "Þ": "T",
    "ð": "d",
    "Ð": "D",
    "ħ": "h",
    "Ħ": "H",
    "\u2019": "'",
    "\u2018": "'",
    "\u02bc": "'",
    "\u02bb": "'",
    "`": "'",
    "\u00b4": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2013": "-",
    "\u2014": "-",
    "\u2010": "-",
    "\u2011": "-",
    # Cyrillic: "ё" is written "е" in most Russian text
    "ё": "е",
    "Ё": "Е",
    # Arabic: hamza seats and madda on alef, alef maqsura and ta marbuta are spelt both ways in news copy
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "ة": "ه",
    "\u00a0": " ",
    "\u2009": " ",
    "\u202f": " ",
}


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0x80, 0x2070):
        ch = chr(code)
        if ch in _SPECIAL:
            table[code] = _SPECIAL[ch]
            continue
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        if len(base) == 1 and base.isascii() and base != ch:
            table[code] = base
    return table


_TABLE = _build_table()
_FOLDED = {chr(code): folded for code, folded in _TABLE.items()}
_FOLDING = re.compile("[" + "".join(re.escape(char) for char in sorted(_FOLDED)) + "]")


def _fold_char(match: re.Match[str]) -> str:
    char = match.group()
    return _FOLDED.get(char, char)


def fold_cased(text: str) -> str:
    """Strip accents, keep case: 'Çavuşoğlu' -> 'Cavusoglu'. Same length as `text`.

    The same result as ``text.translate(_TABLE)``, ~10x faster on wire copy: translate looks up every character
    of the text in the table, while only the few that fold can change (in Cyrillic or Arabic text too: most of
    its letters stay as they are)."""
    return text if text.isascii() else _FOLDING.sub(_fold_char, text)


def fold_lower(cased: str) -> str:
    """Lowercase an already accent-folded string without changing its length."""
    lowered = cased.lower()
    if len(lowered) == len(cased):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in cased)


def fold(text: str) -> str:
    """The matching key of a pattern or a text: accent-free and lowercase, same length."""
    return fold_lower(fold_cased(text))
