"""What a dispatch is about, as weighted features a story is matched on.

Entities come from the tagger and are language-neutral (a country code, an official's canonical name), so a
French and an English dispatch on one coup share them, and so do figures (a toll, a rate, a seat count); the
title's content words and, weighing less, the lead's add what entities miss (the kind of event: "election" is
not "coup") within one language. Each feature is weighed by how rare it is
among the dispatches of the window (IDF), times a weight by kind: naming the same official says more than
naming the same country.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from wirewatch.query.folding import fold

KIND_WEIGHT = {"o": 3.0, "a": 2.0, "e": 2.0, "c": 1.5, "n": 1.0, "w": 0.7, "l": 0.35}
LEAD_WORDS = 40  # the text's first words: what the story is about, in most news writing
ENTITY_KINDS = "oaec"  # the first letters of the entity features (one `in` test on a str: the hot loops use it)
MAX_COUNTRIES = 4  # the most-mentioned ones: a passing mention of the US is not what a story is about
_WORD = re.compile(r"\w+", re.UNICODE)
_YEAR = re.compile(r"^(19|20)\d\d$")
# Headline words that say nothing about which event (several languages); IDF handles the rest.
_TITLE_NOISE = frozenset(
    [
        "after",
        "amid",
        "over",
        "says",
        "said",
        "with",
        "from",
        "into",
        "their",
        "about",
        "will",
        "have",
        "been",
        "more",
        "than",
        "says",
        "live",
        "update",
        "updates",
        "video",
        "photos",
        "watch",
        "breaking",
        "news",
        "latest",
        "après",
        "selon",
        "avec",
        "pour",
        "dans",
        "leur",
        "sont",
        "pour",
        "plus",
        "contre",
        "tras",
        "según",
        "para",
        "como",
        "sobre",
        "entre",
        "desde",
        "após",
        "para",
        "pelo",
        "pela",
        "sobre",
        "nach",
        "nach",
        "über",
        "gegen",
        "nach",
        "sind",
        "dopo",
        "secondo",
        "contro",
        "sono",
        "dalla",
        "della",
        "после",
        "после",
        "заявил",
        "заявила",
        "также",
        "которые",
        "بعد",
        "قبل",
        "حول",
        "على",
        "الى",
    ]
)


def features(doc: dict[str, Any], body: list[str] | None = None) -> set[str]:
    """The features of a tagged document (TaggedDispatch.to_doc()): "c:ML", "o:Assimi Goïta", "a:ECOWAS",
    "e:coup", "w:junta". `body`: the text's words as the fingerprint reads them (folded, lowercased, the
    dateline and frame lines off), when the caller has them: the lead is their beginning."""
    found: set[str] = set()
    countries = sorted(doc.get("countries") or [], key=lambda c: -int(c.get("mentions") or 0))
    found.update(f"c:{c['code']}" for c in countries[:MAX_COUNTRIES] if c.get("code"))
    found.update(f"o:{o['name']}" for o in doc.get("officials") or [] if o.get("name"))
    found.update(f"a:{a['name']}" for a in doc.get("agencies") or [] if a.get("name"))
    found.update(f"e:{e['type']}" for e in doc.get("events") or [] if e.get("type") and e.get("use") == "current")
    # the words of the entities' own names are already counted as the entities
    named: set[str] = set()
    for group in ("countries", "officials", "agencies"):
        for entity in doc.get(group) or []:
            named.update(_name_words(str(entity.get("name") or ""), str(entity.get("written") or "")))
    title_words = _WORD.findall(fold(str(doc.get("title") or "")).lower())
    if body is not None:  # lowercased, not folded: folded here, only the lead
        lead_words = [fold(word) if not word.isascii() else word for word in body[:LEAD_WORDS]]
    else:  # the lead only: folding a whole article to read its first words is most of the cost
        lead_words = _WORD.findall(fold(str(doc.get("text") or "")[: LEAD_WORDS * 20]).lower())[:LEAD_WORDS]
    for word in title_words:
        if len(word) >= 4 and not word.isdigit() and word not in _TITLE_NOISE and word not in named:
            found.add(f"w:{word}")
    for word in lead_words:
        if len(word) >= 5 and not word.isdigit() and word not in _TITLE_NOISE and word not in named:
            found.add(f"l:{word}")
    # figures are the same in every language: a toll, a rate, a seat count
    found.update(f"n:{w}" for w in title_words + lead_words if w.isdigit() and len(w) >= 2 and not _YEAR.match(w))
    return found


@lru_cache(maxsize=20_000)
def _name_words(name: str, written: str) -> frozenset[str]:
    """The words of an entity's names (the same few thousand names come back all day)."""
    return frozenset(_WORD.findall(fold(name + " " + written).lower()))


def is_entity(feature: str) -> bool:
    return feature[0] in ENTITY_KINDS


class FeatureWeights:
    """IDF over the dispatches in the window, kept as counts (added and removed as dispatches come and go)."""

    def __init__(self) -> None:
        self.documents = 0
        self.frequency: Counter[str] = Counter()

    def add(self, found: Iterable[str]) -> None:
        self.documents += 1
        self.frequency.update(found)

    def remove(self, found: Iterable[str]) -> None:
        self.documents = max(0, self.documents - 1)
        frequency = self.frequency
        for feature in found:
            left = frequency.get(feature, 0) - 1
            if left > 0:
                frequency[feature] = left
            else:
                frequency.pop(feature, None)

    def weight(self, feature: str) -> float:
        idf = math.log((self.documents + 1) / (self.frequency.get(feature, 0) + 1)) + 1.0
        return KIND_WEIGHT[feature[0]] * idf

    def weights(self, found: Iterable[str]) -> list[tuple[str, float]]:
        """(feature, weight) for each of `found`: `weight` in one pass (the same-event search's hot loop)."""
        log, frequency = math.log, self.frequency
        top = log(self.documents + 1) + 1.0
        return [(f, KIND_WEIGHT[f[0]] * (top - log(frequency.get(f, 0) + 1))) for f in found]
