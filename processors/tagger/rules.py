"""Context rules for words that are not always what they look like (the issue's "classic traps")."""

from __future__ import annotations

import re

from wirewatch.processors.tagger.vocab import NAME_STOPWORDS

# Country words that are also given names or surnames: "Michael Jordan", "Chad Smith", "Najib Danish".
PERSON_NAME_TRAPS = frozenset({"jordan", "chad", "danish", "washington", "georgia", "santiago", "sofia"})
# Country names other languages also give as first names ("Israel Ferrer", "Francia Márquez", "Jordan Bardella"):
# in those languages' packs they are read like the traps above
GIVEN_NAME_COUNTRIES = frozenset({"israel", "francia", "jordan"})

_US_STATE_CUES = re.compile(
    r"\b(?:atlanta|savannah|u\.s\. state|us state|state of georgia|georgia's governor|georgia gov|gov\.|governor|"
    r"state senate|senator|republican|democrat|county|ga\.|peach state|georgia tech|bulldogs|augusta|athens, georgia|"
    r"georgia, u\.s\.|alabama|florida|tennessee|carolina|sheriff)\b"
)
_GEORGIA_COUNTRY_CUES = re.compile(
    r"\b(?:tbilisi|georgian|georgians|caucasus|abkhazia|ossetia|batumi|kutaisi|"
    r"saakashvili|ivanishvili|kobakhidze|zourabichvili|garibashvili|georgian dream)\b"
)
_TURKEY_BIRD_CUES = re.compile(
    r"\b(?:thanksgiving|roast|roasted|stuffing|gravy|poultry|gobble|gobbling|feathers|"
    r"drumstick|butterball|carve|carving|turkeys|bird flu|avian|farmers|hunters|recipe|pardon(?:ed|s)?)\b"
)
_TURKEY_COUNTRY_CUES = re.compile(r"\b(?:ankara|istanbul|turkish|erdogan|turks|anadolu|turkiye|bosphorus|kurdish)\b")


def _token_before(lower: str, cased: str, start: int) -> tuple[str, int]:
    """The word right before `start` when only one space separates them, with its start ('' when none)."""
    if start < 2 or cased[start - 1] != " " or not cased[start - 2].isalpha():
        return "", -1
    i = start - 2
    while i > 0 and (cased[i - 1].isalpha() or cased[i - 1] in "-'"):
        i -= 1
    return cased[i : start - 1], i


def _token_after(cased: str, end: int) -> str:
    if end + 1 >= len(cased) or cased[end] != " ":
        return ""
    j = end + 1
    while j < len(cased) and (cased[j].isalpha() or cased[j] in "-'"):
        j += 1
    return cased[end + 1 : j]


def _sentence_initial(cased: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and cased[j] in " \t\"'(":
        j -= 1
    return j < 0 or cased[j] in ".!?\n:;-"


def is_part_of_person_name(cased: str, lower: str, start: int, end: int, span_starts: set[int]) -> bool:
    """True when a country word sits inside a personal name ("Michael Jordan", "Jordan Peterson")."""
    before, before_start = _token_before(lower, cased, start)
    if (
        before
        and before[0].isupper()
        and before.lower() not in NAME_STOPWORDS
        and before_start not in span_starts
        and not _sentence_initial(cased, before_start)
    ):
        return True
    after = _token_after(cased, end)
    return bool(after) and after[0].isupper() and after.lower() not in NAME_STOPWORDS and (end + 1) not in span_starts


def georgia_is_us_state(lower: str, start: int = 0) -> bool:
    """Decided for the whole dispatch: US-state cues anywhere and no cue of the Caucasus country."""
    if _GEORGIA_COUNTRY_CUES.search(lower):
        return False
    return bool(_US_STATE_CUES.search(lower))


def turkey_is_bird(lower: str) -> bool:
    return bool(_TURKEY_BIRD_CUES.search(lower)) and not _TURKEY_COUNTRY_CUES.search(lower)
