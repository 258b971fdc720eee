"""Classify each mention of a coup as current, figurative or historical, with cheap cue-word rules.

Each rule family scores the sentence around the mention; the strongest family wins. The confidence says
how clear the cues were, so a caller (or the scorer) can take the most confident event of a dispatch.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from wirewatch.models import Event
from wirewatch.processors.tagger.textfold import fold

_FIGURATIVE = re.compile(
    r"\b(?:diplomatic|public[- ]relations|pr|propaganda|marketing|commercial|major|big|real|huge|significant|"
    r"intelligence|media|boardroom|transfer|publicity|stunning|remarkable|masterly|masterful|signal|notable|"
    r"considerable|quite a|something of a)\s+coup\b"
    r"|\bcoup\s+for\b|\bcoup\s+de\s+(?:grace|theatre|theater|maitre|foudre)\b"
    r"|\b(?:scored|score|scores|scoring|pulled off|pull off|landed|land)\s+(?:a|an|another|its|his|her|their)?\s*(?:\w+\s+)?coup\b"
    r"|\bcoup\b[^.]{0,40}\b(?:signing|deal|contract|exclusive|interview|scoop)\b"
)
_HISTORICAL = re.compile(
    r"\b(?:since|after|following|before|previous|prior|earlier|past|last year's|former|history of|legacy of|"
    r"anniversary|anniversaries|decades|years ago|string of|series of)\b"
    r"|\b(?:came|come|rose|seized|took|taken|grabbed)\s+(?:to\s+)?power\s+in\s+(?:a|an|the)\b[^.]{0,25}\bcoups?\b\s+(?:in|of)\s+\d{4}"
    r"|\b(?:in|of)\s+(?:19|20)\d{2}\b|\b(?:19|20)\d{2}\s+coups?\b|\bcoups?\s+(?:in|of)\s+(?:19|20)\d{2}\b"
)
_CURRENT = re.compile(
    r"\b(?:attempted|attempt|ongoing|under way|underway|unfolding|launched|launch|staged|staging|tonight|today|"
    r"overnight|this week|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|soldiers|troops|"
    r"gunfire|tanks|detained|arrested|state television|state tv|national television|junta|putschists|mutiny|"
    r"mutinous|seized power|seize power|ousted|toppled|deposed|dissolved|suspended the constitution|curfew|"
    r"borders closed|closed the borders|condemned|condemns|condemn|plotters|coup leaders|thwarted|foiled|"
    r"failed|repelled|crushed|military)\b"
)
_YEAR = re.compile(r"\b(19\d{2}|20\d{2})\b")


@dataclass(frozen=True, slots=True)
class CoupCues:
    """The cue patterns of one language: a figurative use near the term, a past coup, a coup now."""

    figurative: re.Pattern[str]
    historical: re.Pattern[str]
    current: re.Pattern[str]
    # how far from the term a figurative cue counts: the English patterns name the phrase itself ("diplomatic
    # coup"); the packs' cue words ("diplomatique") only mean it right beside the term
    figurative_reach: int = 60
    # what a past year in the sentence weighs for "historical" against the current cues found in it
    past_year_weight: int = 2

    @classmethod
    def from_words(cls, figurative: Sequence[str], historical: Sequence[str], current: Sequence[str]) -> CoupCues:
        """Cue words of another language (language packs), matched as whole words on the folded sentence."""
        return cls(
            _any_word(figurative), _any_word(historical), _any_word(current), figurative_reach=20, past_year_weight=3
        )


def _any_word(words: Sequence[str]) -> re.Pattern[str]:
    if not words:
        return re.compile(r"(?!x)x")  # matches nothing
    alternatives = sorted({re.escape(fold(word).lower()) for word in words if word.strip()}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")


ENGLISH_CUES = CoupCues(_FIGURATIVE, _HISTORICAL, _CURRENT)
# a full stop after a one- or two-digit number is an ordinal in German dates ("vom 20. Juli 1944"), not an end
_SENTENCE_END = re.compile(r"(?<!(?<!\d)\d)(?<!(?<!\d)\d\d)[.!?]\s|\n")


# A "sentence" is looked for within this many characters on each side: text with no
# sentence breaks (a feed that strips punctuation, a hostile entry) must not make each
# mention cost the whole text, which would be quadratic.
SENTENCE_REACH = 400


def sentence_around(text: str, offset: int) -> tuple[int, int]:
    start = max(0, offset - SENTENCE_REACH)
    for sentence_end in _SENTENCE_END.finditer(text, start, offset):
        start = sentence_end.end()
    limit = min(len(text), offset + SENTENCE_REACH)
    next_end = _SENTENCE_END.search(text, offset, limit)
    end = next_end.start() + 1 if next_end else limit
    return start, end


def classify_coup(text: str, offset: int, length: int, published: date | None, cues: CoupCues = ENGLISH_CUES) -> Event:
    start, end = sentence_around(text, offset)
    sentence = text[start:end]
    window = sentence.lower() if cues is ENGLISH_CUES else fold(sentence).lower()
    local = window[max(0, offset - start - 60) : offset - start + length + 60]
    reach = cues.figurative_reach
    beside = window[max(0, offset - start - reach) : offset - start + length + reach]
    if cues.figurative.search(beside):
        return Event(type="coup", use="figurative", confidence=0.85, evidence=sentence.strip(), offset=offset)
    this_year = (published or date.today()).year
    past_years = [int(y) for y in _YEAR.findall(window) if int(y) < this_year]
    historical = len(cues.historical.findall(local)) + (cues.past_year_weight if past_years else 0)
    current = len(cues.current.findall(window))
    if historical > current:
        confidence = min(0.95, 0.55 + 0.1 * (historical - current))
        return Event(type="coup", use="historical", confidence=confidence, evidence=sentence.strip(), offset=offset)
    confidence = min(0.95, 0.45 + 0.1 * (current - historical)) if current else 0.4
    return Event(type="coup", use="current", confidence=confidence, evidence=sentence.strip(), offset=offset)
