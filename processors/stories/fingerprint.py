"""The fingerprint a near-duplicate is judged on.

Syndicated copies of one wire text differ in the lines around it — a dateline ("BAMAKO, Nov 3 (Wire) –"),
a byline or "Reporting by ...", a "Read more" line, a headline tweak, a paragraph added or cut. The body
shingles (runs of words) survive those edits: the Jaccard similarity of two copies' shingle sets stays high,
that of two articles about the same event in other words stays low. MinHash (rensa, in Rust) estimates it
from 128 integers a text; 32 bands of 4 rows find the candidates (pairs at Jaccard 0.5 are found with
probability ≈ 0.98, pairs at 0.2 with ≈ 0.05) and the estimate decides.
"""

from __future__ import annotations

import re

from rensa import RMinHash, RMinHashLSH

from wirewatch.query.folding import fold

NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
SHINGLE = 4  # words
MIN_SHINGLES = 12  # fewer (a teaser, a caption): too little text to call anything a copy of it
SEED = 1516

_WORD = re.compile(r"\w+", re.UNICODE)
# Lines that frame a wire text rather than tell it; dropped before shingling.
_FRAME_LINE = re.compile(
    r"^\s*(\(?\s*(reporting|writing|editing|additional reporting|compiled) by\b|by [\w .'-]{3,60}$|"
    r"(click|read|subscribe|sign up|follow us|watch)\b.{0,80}$|copyright\b|©|all rights reserved)",
    re.IGNORECASE,
)
# "BAMAKO, Nov 3 (Wire) -" / "PARIS (AFP) —" / "MOSCOW, 3 November –" at the start of a text.
_DATELINE = re.compile(r"^[\w .'-]{2,40}(,[^()\n–—-]{1,30})?(\s*\([^)\n]{1,30}\))?\s*[–—-]{1,2}\s*", re.UNICODE)


def body_words(title: str, text: str) -> list[str]:
    """The words a copy is compared on: the text without its frame lines and dateline, lowercased. Not folded:
    copies of one text carry the same accents, and folding a whole article was a fifth of the stage's time.
    The title counts only when the text is short (a headline tweak must not hide a copy)."""
    lines = [line for line in text.splitlines() if line.strip() and not _FRAME_LINE.match(line)]
    if lines:
        lines[0] = _DATELINE.sub("", lines[0], count=1)
    words = _WORD.findall(" ".join(lines).lower())
    if len(words) < 3 * SHINGLE:
        words = _WORD.findall(fold(title).lower()) + words
    return words


def shingles(words: list[str]) -> list[str]:
    """Runs of SHINGLE (4) words."""
    return list(map(" ".join, zip(words, words[1:], words[2:], words[3:], strict=False)))


def minhash(title: str, text: str, words: list[str] | None = None) -> RMinHash | None:
    """The text's MinHash, or None when it is too short to be judged a copy of anything. `words`: its
    body_words, when the caller has them already."""
    grams = shingles(words if words is not None else body_words(title, text))
    if len(set(grams)) < MIN_SHINGLES:
        return None
    signature = RMinHash(num_perm=NUM_PERM, seed=SEED)
    signature.update(grams)
    return signature


def lsh_index(threshold: float) -> RMinHashLSH:
    """The banded index the candidates come from (rensa, in Rust: the bands cost no Python objects)."""
    return RMinHashLSH(threshold=threshold, num_perm=NUM_PERM, num_bands=BANDS)
