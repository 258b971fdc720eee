"""The role written right before a name ("Turkish Foreign Minister", "Kremlin spokesman", "Minister for
Bougainville Affairs"): its text, the country or international body it names, and whether it is a public
office at all ("rebel spokesman", "Chamisa's spokesman" are not)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from wirewatch.processors.tagger.kb import Agency
from wirewatch.processors.tagger.matcher import Kind, Span
from wirewatch.processors.tagger.officials_names import HONORIFIC_KEYS
from wirewatch.processors.tagger.officials_scan import OfficialsScan
from wirewatch.processors.tagger.vocab import (
    LEGISLATOR_ROLES,
    NAME_STOPWORDS,
    NON_OFFICIAL_QUALIFIERS,
    PORTFOLIO_WORDS,
    PUBLIC_TITLES,
    ROLE_MODIFIERS,
)

# " for Bougainville Affairs", " of Foreign Affairs", " for Human Rights": a capitalised portfolio after a role.
_PORTFOLIO = re.compile(
    r" (?:for|of) (?:the )?(?:[A-Z][\w'’\-]* (?:and |& )?){0,3}(?:" + "|".join(PORTFOLIO_WORDS) + r")(?= [A-Z])"
)
_OF_THE = re.compile(r" (?:of|for) (?:the )?")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]{1,6}$")


@dataclass(slots=True)
class RolePhrase:
    text: str
    start: int
    adjective_country: str | None  # "Turkish Foreign Minister", "Iran's Foreign Minister"
    body_country: str | None  # "Kremlin spokesman" -> RU
    international: bool  # "UN envoy", "African Union Commission chairman": no country
    excluded: bool  # "rebel spokesman", "M23 spokesman": not a public official


def add_portfolio(scan: OfficialsScan, role_index: int, role_end: int) -> None:
    """A role's portfolio is part of the role: "High Commissioner for Human Rights Zeid", "head of the
    electoral commission Ahmed Issa" (a body named right after "of"/"for" and right before a name)."""
    cased = scan.cased
    portfolio = _PORTFOLIO.match(cased, role_end)
    portfolio_end = portfolio.end() if portfolio else None
    if portfolio_end is None:
        of_the = _OF_THE.match(cased, role_end)
        body = scan.spans[role_index + 1] if of_the and role_index + 1 < len(scan.spans) else None
        after = cased[body.end : body.end + 3] if body is not None else ""
        if (
            body is not None
            and of_the is not None
            and body.start == of_the.end()
            and (Kind.AGENCY in body.by_kind or _names_country(body))
            and ((after[:1] == " " and after[1:2].isupper()) or (after[:2] == ", " and after[2:3].isupper()))
        ):
            portfolio_end = body.end  # "head of the electoral commission X" / "head of the commission, X,"
    if portfolio_end is not None:
        scan.portfolios[role_end] = portfolio_end
        scan.portfolio_ends.add(portfolio_end)
        scan.portfolio_roles[portfolio_end] = role_end


def _names_country(span: Span) -> bool:
    """A country's name (not a demonym or a capital): "of Pakistan"."""
    country = span.by_kind.get(Kind.COUNTRY)
    return country is not None and country.ref[1] in ("name", "ambiguous") and Kind.SURNAME not in span.by_kind


def role_phrase(scan: OfficialsScan, index: int, name_start: int) -> RolePhrase | None:
    """The role written right before a name (spans[index] is the name or the first span after the role)."""
    spans, cased = scan.spans, scan.cased
    before = index - 1  # the span being read, walking left from the name
    cursor = name_start  # the phrase read so far starts here
    role_start: int | None = None
    role_end: int | None = None
    adjective: str | None = None
    body_country: str | None = None
    international = False
    first = True
    portfolio_end = (
        cursor - 1
        if cursor - 1 in scan.portfolio_ends
        else cursor - 2
        if cursor - 2 in scan.portfolio_ends and cased[cursor - 2] == ","
        else None
    )
    if portfolio_end is not None:
        # "Minister for Bougainville Affairs X", "head of the electoral commission X": the role ends at its
        # portfolio; step back to the role word itself
        role_word_end = scan.portfolio_roles[portfolio_end]
        while before >= 0 and spans[before].end > role_word_end:
            agency_payload = spans[before].by_kind.get(Kind.AGENCY)
            if agency_payload is not None and agency_payload.ref.kind == "international":
                international = True
            elif agency_payload is not None and agency_payload.ref.country:
                body_country = agency_payload.ref.country
            elif _names_country(spans[before]):  # "Chief Justice of Pakistan X"
                body_country = scan.resolve_country(spans[before])
            before -= 1
        if before >= 0 and spans[before].end == role_word_end:
            role_end, role_start, cursor, first = portfolio_end, spans[before].start, spans[before].start, False
            before -= 1
    while before >= 0:
        span = spans[before]
        gap = cased[span.end : cursor]
        if not _gap_ok(gap, first, span):
            break
        first = False
        if Kind.ROLE in span.by_kind or (Kind.AGENCY in span.by_kind and role_end is not None):
            role_end = span.end if role_end is None else role_end
            role_start = span.start
            agency_payload = span.by_kind.get(Kind.AGENCY)
            if agency_payload is not None:
                agency: Agency = agency_payload.ref
                if agency.kind == "international":
                    international = True
                elif agency.country:
                    body_country = agency.country
            cursor = span.start
            before -= 1
            continue
        if Kind.COUNTRY in span.by_kind and role_end is not None:
            code, form = span.by_kind[Kind.COUNTRY].ref
            code = scan.resolve_country(span) if form == "ambiguous" else code
            if form == "capital" and not gap.startswith("'"):
                body_country = code  # "Kremlin spokesman", "White House press secretary"
            else:
                adjective = code
        break
    if role_end is None or role_start is None:  # both are set together
        return None
    role_start = _extend_left(scan, role_start)
    excluded = _excluded(scan, role_start, cased[role_start:role_end]) or (
        cased[role_start - 3 : role_start - 1] == "'s" and _private_aide(scan, role_start)
    )
    return RolePhrase(
        scan.text[role_start:role_end].strip(), role_start, adjective, body_country, international, excluded
    )


def _gap_ok(gap: str, first: bool, span: Span) -> bool:
    """May the text between `span` and the phrase after it sit inside one role phrase?"""
    if gap in (" ", "", "-designate ", "-elect "):  # "premier-designate X"
        return True
    if "\n" in gap:
        return False
    if Kind.AGENCY in span.by_kind and Kind.COUNTRY not in span.by_kind and gap.startswith(("'s ", "’s ")):
        rest = gap[3:].split()  # "the European Union's ambassador", "the army's chief spokesman"
        return len(rest) <= 2 and all(word.lower() in ROLE_MODIFIERS for word in rest)
    if Kind.COUNTRY in span.by_kind:
        for possessive in ("'s ", "' ", ", whose "):  # "Iran's", "Chad's transitional", "Nigeria, whose"
            if gap.startswith(possessive):
                rest = gap[len(possessive) :].split()
                return len(rest) <= 2 and all(word.lower() in ROLE_MODIFIERS for word in rest)
    if first and gap == ", ":
        return True
    words = gap.strip().split()
    if (
        first
        and gap.startswith(" ")
        and gap.endswith(" ")
        and words
        and len(words) <= 3
        and all(word.lower().rstrip(".") in HONORIFIC_KEYS for word in words)
    ):
        return True
    return (
        bool(words)
        and len(words) <= 2
        and gap.startswith(" ")
        and gap.endswith(" ")
        and all(word.lower() in ROLE_MODIFIERS for word in words)
    )


def _extend_left(scan: OfficialsScan, start: int) -> int:
    """Take in modifiers and capitalised words before the role ("Acting Homeland Security Secretary")."""
    cased = scan.cased
    for _ in range(3):
        if start < 2 or cased[start - 1] != " " or start - 1 in scan.span_ends:
            break
        word_start = start - 2
        while word_start > 0 and not cased[word_start - 1].isspace():
            word_start -= 1
        word = cased[word_start : start - 1]
        if word.endswith(".") and len(word.rstrip(".")) > 3:
            break  # "... Foreign Press. Premier X": the sentence before ends there
        if (
            not word
            or not (word[0].isupper() or word.lower() in ROLE_MODIFIERS)
            or word.lower() in NAME_STOPWORDS
            or not word.replace("-", "").replace(".", "").isalnum()
        ):
            break
        if word.lower() in NON_OFFICIAL_QUALIFIERS or _ACRONYM.match(word):
            return word_start  # keep it in the phrase so _excluded sees it
        start = word_start
    return start


def _excluded(scan: OfficialsScan, start: int, phrase: str) -> bool:
    """Does a qualifier in or right before the phrase make it a non-public role ("rebel", "M23")?"""
    words = phrase.split()
    before = scan.cased[max(0, start - 30) : start].split()
    if before and before[-1][-1:] in ",.;:\"'”’)":
        before = []  # 'a militia," Information Minister X': punctuation ends what qualifies the role
    if "retired" in (w.lower() for w in [*before[-2:], *words[:1]]):
        return True  # "retired infantry sergeant X": a title before the name, of a private person now
    for candidate in words[:1] + before[-1:]:
        word = candidate.strip(",'\"")
        if word.lower() == "opposition" and (
            phrase.lower().endswith(LEGISLATOR_ROLES) or phrase.lower() in PUBLIC_TITLES
        ):  # "opposition lawmaker X", "Opposition Leader X": public seats
            continue  # "opposition lawmaker X" holds a public seat
        if word.lower() in NON_OFFICIAL_QUALIFIERS:
            return True
        if _ACRONYM.match(word) and not _is_known_acronym(scan, word) and not seat_role(phrase):
            return True  # "M23 spokesman"; but "a CCM lawmaker", "a CNE councillor" hold seats

    return False


def seat_role(phrase: str) -> bool:
    """A seat in a legislature or a council: an acronym before it names a party or the council itself."""
    lowered = phrase.lower()
    return lowered.endswith(LEGISLATOR_ROLES) or lowered.endswith(("councillor", "councilor"))


def _private_aide(scan: OfficialsScan, role_start: int) -> bool:
    """ "Chamisa's spokesman X": the aide of a person who holds no office the dispatch names is a party or
    private aide. An official's aide ("Putin's spokesman") or a country's ("Iran's") is public."""
    cased = scan.cased
    if role_start < 4 or cased[role_start - 1] != " " or cased[role_start - 3 : role_start - 1] != "'s":
        return False
    owner_end = role_start - 3
    owner_start = cased.rfind(" ", 0, owner_end) + 1
    owner = cased[owner_start:owner_end]
    if not owner[:1].isupper() or not owner.isalpha() or owner.lower() in NAME_STOPWORDS:
        return False
    if owner_end in scan.span_ends:
        return False  # the last word of a longer span: "South Africa's police minister"
    index = scan.span_at_or_after(owner_start)
    if index < len(scan.spans) and scan.spans[index].start < owner_end:
        return False  # a country, a body, a known official or a role word
    return scan.find_by_surname(owner) is None


def _is_known_acronym(scan: OfficialsScan, word: str) -> bool:
    """A body the KB knows by this acronym, or whose name the dispatch spells out ("Central Election
    Commission" ... "CEC spokeswoman"); an unexplained acronym ("M23") is more likely an armed group."""
    cased = scan.cased
    if cased.find(word) in scan.span_starts:
        return True
    for span in scan.spans:
        if Kind.AGENCY in span.by_kind:
            # the body's words and the capitalised words leading into it ("Central" + "Election Commission")
            words = cased[max(0, span.start - 40) : span.start].split()[-3:]
            while (words and not words[0][:1].isupper()) or (words and words[0].lower() in NAME_STOPWORDS):
                words.pop(0)
            words += cased[span.start : span.end].split()
            initials = "".join(name_word[0] for name_word in words if name_word[0].isupper())
            if initials.endswith(word):
                return True
    return False
