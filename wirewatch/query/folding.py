"""What search folds, so "etat" finds "État", "muller" finds "Müller" and "الامم" finds "الأمم".

Both stores and the in-stream matcher search the folded form of every term, the query's and the document's:

* Latin, Greek and Cyrillic letters lose their diacritics (the combining marks U+0300–U+036F of their
  canonical decomposition): é → e, ü → u, ç → c, ñ → n, ё → е, й → и, ά → α; letters that do not
  decompose are spelled out as ASCII folding does: ß → ss, æ → ae, œ → oe, ø → o, ł → l, đ → d, þ → th,
  ı → i;
* Arabic is normalised as Lucene's ArabicNormalizationFilter does: آ أ إ → ا, ى → ي, ة → ه, and the
  harakat and tatweel are removed.

Case is kept: the analyzer lowercases. Folding never joins or splits a word (every folded character is a
letter or nothing), so folding each token equals tokenizing the folded text: the Python side folds the
tokens it cut from the original (their offsets stay valid for highlights), Elasticsearch indexes the
folded text the sink writes beside the original (`search.title`, `search.text`).
"""

from __future__ import annotations

import unicodedata

# Letters without a canonical decomposition, folded as Lucene's ASCIIFoldingFilter spells them
_SPELLED_OUT = {
    "ß": "ss",
    "ẞ": "SS",
    "æ": "ae",
    "Æ": "AE",
    "œ": "oe",
    "Œ": "OE",
    "ø": "o",
    "Ø": "O",
    "ł": "l",
    "Ł": "L",
    "đ": "d",
    "Đ": "D",
    "ð": "d",
    "Ð": "D",
    "þ": "th",
    "Þ": "TH",
    "ı": "i",
    "ħ": "h",
    "Ħ": "H",
    "ŧ": "t",
    "Ŧ": "T",
}
_ARABIC = {"آ": "ا", "أ": "ا", "إ": "ا", "ى": "ي", "ة": "ه"}
_ARABIC_REMOVED = ("\u0640", *map(chr, range(0x064B, 0x0660)), "\u0670")  # tatweel, harakat, superscript alef
_COMBINING = range(0x0300, 0x0370)
# Blocks whose letters may carry those diacritics: Latin-1 to Latin Extended-B, Greek, Cyrillic, Latin and
# Greek Extended Additional
_BLOCKS = (range(0x00C0, 0x0250), range(0x0370, 0x0530), range(0x1E00, 0x2000))


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {ord(char): folded for char, folded in {**_SPELLED_OUT, **_ARABIC}.items()}
    table.update({ord(char): "" for char in _ARABIC_REMOVED})
    table.update(dict.fromkeys(_COMBINING, ""))  # a mark written apart (decomposed text)
    for block in _BLOCKS:
        for code in block:
            char = chr(code)
            if code in table:
                continue
            decomposed = unicodedata.normalize("NFD", char)
            if len(decomposed) > 1 and any(ord(mark) in _COMBINING for mark in decomposed[1:]):
                base = "".join(c for c in decomposed if ord(c) not in _COMBINING)
                table[code] = unicodedata.normalize("NFC", base)
    return table


_TABLE = _build_table()


def fold(text: str) -> str:
    """The folded form of `text`, case kept (see the module's docstring for what is folded)."""
    if text.isascii():
        return text
    return text.translate(_TABLE)
