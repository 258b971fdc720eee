"""Officials the knowledge base knows, found by full name, alias or surname alone, and the checks that a
match really is that person ("Stacey Abrams" is not Elliott Abrams, "Imam Khomeini airport" is a place)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from wirewatch.processors.tagger.kb import Official
from wirewatch.processors.tagger.matcher import Kind, Span
from wirewatch.processors.tagger.officials_names import AFTER_NAME, HONORIFIC_KEYS, NAME_PARTICLES, is_particle_name
from wirewatch.processors.tagger.officials_roles import role_phrase
from wirewatch.processors.tagger.officials_scan import Found, OfficialsScan
from wirewatch.processors.tagger.textfold import fold
from wirewatch.processors.tagger.vocab import (
    NAME_STOPWORDS,
    NAMED_AFTER_NOUNS,
    NON_OFFICIAL_QUALIFIERS,
    NON_PERSON_WORDS,
)

_WORD_AFTER = re.compile(r"[^\W_'\-]*(?:['\-]+[^\W_'\-]*)*")  # letters, digits, "-" and "'"


def take_full_name(scan: OfficialsScan, index: int, span: Span, official: Official) -> None:
    """spans[index] is an official's full name or alias: count it, with the role written before it."""
    if inside_longer_name(scan, span) or (
        AFTER_NAME.match(scan.cased, span.end) is not None and name_goes_on(scan, span, official)
    ):
        return
    phrase = role_phrase(scan, index, span.start)
    add_known(scan, official, span.start, phrase.text if phrase and not phrase.excluded else None)
    country = scan.found[official.id].country
    if phrase is not None and country:
        scan.phrase_countries.append((phrase.start, span.start, country))


def link_surname(
    scan: OfficialsScan, index: int, role_of: Callable[[OfficialsScan, int, int], str | None] | None = None
) -> None:
    """spans[index] is a known official's surname alone: count it for the official it most likely means.
    `role_of` reads the role written with it (default: the English role phrase before it)."""
    span = scan.spans[index]
    if _embedded_in_other_name(scan, span) or _named_after(scan, span.end):
        return
    candidates: tuple[Official, ...] = span.by_kind[Kind.SURNAME].ref
    if not any(official.id in scan.found for official in candidates) and inside_longer_name(
        scan, span, sentence_start_too=True
    ):
        return  # first mention is "Fatima Rahimi": another person than the official Rahimi
    if role_of is not None:
        role = role_of(scan, index, span.start)
    else:
        phrase = role_phrase(scan, index, span.start)
        role = phrase.text if phrase and not phrase.excluded else None
    present = [official for official in candidates if official.id in scan.found]
    if present:
        add_known(scan, present[0], span.start, role)
        return
    if len(candidates) == 1:
        if role is None and _long_out_of_office(candidates[0], scan.published):
            return  # "Ashton-under-Lyne" in 2025 is not Catherine Ashton, whose last office ended in 2014
        add_known(scan, candidates[0], span.start, role)
        return
    if scan.published is not None:
        published = scan.published
        in_office = [official for official in candidates if any(r.valid_on(published) for r in official.roles)]
        if len(in_office) == 1:
            add_known(scan, in_office[0], span.start, role)


def _long_out_of_office(official: Official, day: date | None) -> bool:
    """Every role ended more than five years before `day`: a surname alone is then too weak a sign."""
    if day is None or not official.roles:
        return False
    ends = [role.end for role in official.roles]
    return all(end is not None and (day - end).days > 5 * 365 for end in ends)


def add_known(scan: OfficialsScan, official: Official, offset: int, role: str | None) -> None:
    """Count a mention of a known official; a role written in the text beats the knowledge base's title."""
    record = scan.found.get(official.id)
    if record is None:
        kb_role = official.role_on(scan.published)
        scan.found[official.id] = Found(
            official.name,
            role or (kb_role.title if kb_role else None),
            kb_role.country if kb_role else None,
            not official.learned,
            offset,
            kb=official,
            written_role=bool(role),
            role_from=kb_role.start if kb_role and not role else None,
            role_to=kb_role.end if kb_role and not role else None,
        )
        return
    record.mentions += 1
    record.first = min(record.first, offset)
    if role and not record.written_role:
        record.role, record.written_role = role, True
        record.role_from = record.role_to = None


def inside_longer_name(scan: OfficialsScan, span: Span, sentence_start_too: bool = False) -> bool:
    """'Mahamat Idriss Deby' contains the alias 'Idriss Deby' but is another person.

    With `sentence_start_too`, a capitalised word opening the sentence counts as a given name as well
    ("Fatima Rahimi, a student" is not the minister Rahimi): wire copy opens sentences with names, and
    the openers that are not names ("But", "The", "On Monday") are stop words.
    """
    cased = scan.cased
    if (
        span.start < 2
        or cased[span.start - 1] != " "
        or span.start - 1 in scan.span_ends
        or span.start - 1 in scan.portfolio_ends
    ):
        return False
    word_start = span.start - 2
    while word_start > 0 and cased[word_start - 1].isalpha():
        word_start -= 1
    word = cased[word_start : span.start - 1]
    if (
        not word
        or not word[0].isupper()
        or not word.isalpha()
        or word.lower() in NAME_STOPWORDS
        or word.lower() in HONORIFIC_KEYS
        or word.lower() in NON_OFFICIAL_QUALIFIERS
        or word.lower() in NON_PERSON_WORDS  # "Chief Executive John Lee": a title's last word, not a given name
    ):
        return False
    if sentence_start_too and word_start >= scan.body_start:
        return True
    before = word_start - 1
    while before >= 0 and cased[before] in " \"'(":
        before -= 1
    return not (before < 0 or cased[before] in ".!?\n:;")


def name_goes_on(scan: OfficialsScan, span: Span, official: Official) -> bool:
    """The match is not this official when the words after it make it a place named after him ("Imam
    Khomeini airport") or a longer name ("Ahmed Khalifa al-Shami" is not the official "Ahmed Khalifa")."""
    after = _word_after(scan, span.end)
    if not after:
        return False
    lowered = after.lower()
    if lowered in NAMED_AFTER_NOUNS:
        return True
    if span.start < scan.body_start:
        return False  # headlines capitalise every word
    if after[0].isupper():
        longer = lowered not in NAME_STOPWORDS and span.end + 1 not in scan.span_starts
    elif lowered in NAME_PARTICLES and lowered not in NAME_STOPWORDS:  # not "Erdogan as President"
        longer = _word_after(scan, span.end + 1 + len(after))[:1].isupper()
    else:
        longer = "-" in after and is_particle_name(after)  # "al-Shami"
    # "President Xi Jinping": the alias "President Xi" and the rest of the same name
    return longer and fold(after) not in scan.names.words(official)


def _named_after(scan: OfficialsScan, end: int) -> bool:
    """'Imam Khomeini airport', 'Sheikh Zayed Road': a place named after a person is not a mention."""
    return _word_after(scan, end).lower() in NAMED_AFTER_NOUNS


def _embedded_in_other_name(scan: OfficialsScan, span: Span) -> bool:
    """'Stacey Abrams' is not Elliott Abrams; 'Gabriel Boric' is not Sigmar Gabriel; 'Garcia-Pena' is not
    Santiago Peña (a double surname's half, unless the other half is a name or place too: 'Trump-Putin')."""
    cased = scan.cased
    if cased[span.start - 1 : span.start] == "-" and span.start - 1 not in scan.span_ends:
        first_half = cased[cased.rfind(" ", 0, span.start) + 1 : span.start - 1]
        if first_half[:1].isupper() and first_half.isalpha():
            return True
    if (
        cased[span.end : span.end + 1] == "-"
        and cased[span.end + 1 : span.end + 2].isupper()
        and span.end + 1 not in scan.span_starts
    ):
        return True
    after = _word_after(scan, span.end)
    if after and after[0].isupper() and after.lower() not in NAME_STOPWORDS and span.end + 1 not in scan.span_starts:
        return True
    return inside_longer_name(scan, span)


def _word_after(scan: OfficialsScan, end: int) -> str:
    """The word after the space at `end` ('' when no space is there)."""
    if scan.cased[end : end + 1] != " ":
        return ""
    word = _WORD_AFTER.match(scan.cased, end + 1)
    return word.group(0) if word is not None else ""  # the pattern matches the empty string: never None
