"""fold_cased's fast path (only non-ASCII characters looked up) equals translating the whole text."""

from __future__ import annotations

import random

from wirewatch.processors.tagger.textfold import _TABLE, fold, fold_cased

# Characters the table maps and characters it leaves alone, from every range wire copy brings.
ALPHABET = (
    [chr(c) for c in range(0x20, 0x7F)]
    + ["\n", "\t"]
    + [chr(c) for c in range(0x80, 0x250)]
    + list("ıİłŁøØđĐßæÆœŒþÞðÐħĦ\u2019\u2018\u02bc\u02bb`\u00b4\u201c\u201d\u2013\u2014\u2010\u2011\u00a0\u2009\u202f")
    + list("αβγΔЖжथ中文한국어🙂\u0301\u0308")
    + [chr(c) for c in range(0x2000, 0x2070)]
)


def test_fold_cased_equals_translating_the_whole_text() -> None:
    rng = random.Random(8)
    for _ in range(3000):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 60)))
        assert fold_cased(text) == text.translate(_TABLE), repr(text)
        assert len(fold_cased(text)) == len(text)


def test_fold_examples() -> None:
    assert fold_cased("Çavuşoğlu met İmamoğlu in Zürich") == "Cavusoglu met Imamoglu in Zurich"
    assert fold("Łódź’s “Straße”") == 'lodz\'s "strase"'
    assert fold_cased("plain ascii") == "plain ascii"
