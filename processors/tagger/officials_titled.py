"""Officials the knowledge base does not know, found by the role title written right before their name
("Interior Minister Ahmed Issa", "the army's spokesman, Colonel Musa Ali,", "commissioners A and B")."""

from __future__ import annotations

import re

from wirewatch.processors.tagger.matcher import Kind, Span
from wirewatch.processors.tagger.officials_known import inside_longer_name, name_goes_on
from wirewatch.processors.tagger.officials_names import (
    AFTER_NAME,
    NAME_FIRST,
    NAME_NEXT,
    NAME_RUN,
    PARTICLE_INITIALS,
    name_tokens,
)
from wirewatch.processors.tagger.officials_roles import role_phrase
from wirewatch.processors.tagger.officials_scan import Found, OfficialsScan
from wirewatch.processors.tagger.textfold import fold
from wirewatch.processors.tagger.vocab import PLURAL_ROLE, RANK_WORDS

_PENDING_ROLE = re.compile(r"(?: nominee|[ -]designate|-elect)\b")


def _given_name(cased: str, span: Span, name_start: int, tokens: list[str]) -> bool:
    """Is a body's one-word name ("Petra", Jordan's news agency) the first of several words of a person's name?"""
    word = cased[span.start : span.end]
    return (
        span.start == name_start
        and len(tokens) >= 2
        and word.isalpha()
        and not word.isupper()
        and Kind.ROLE not in span.by_kind
        and Kind.COUNTRY not in span.by_kind
    )


def _name_goes_on_after_body(scan: OfficialsScan, span: Span) -> bool:
    """ "member Petra Tschudin": a one-word body's name followed by a capitalised word no span starts is a given
    name, not a body the role belongs to."""
    word = scan.cased[span.start : span.end]
    after = span.end + 1
    return (
        Kind.ROLE not in span.by_kind
        and word.isalpha()
        and not word.isupper()
        and scan.cased[span.end : after] == " "
        and scan.cased[after : after + 1].isupper()
        and after not in scan.span_starts
    )


def find_after_role(scan: OfficialsScan, index: int, span: Span) -> None:
    """spans[index] is a role word: record the capitalised name right after it, if it is an unknown person's."""
    spans, cased = scan.spans, scan.cased
    if cased[span.start - 1 : span.start] == "-" and _COMPOUND_BEFORE.search(
        cased, max(0, span.start - 12), span.start
    ):
        return  # "Editor-in-Chief X", "a 19-member Politburo": part of a compound word, not a title
    following = spans[index + 1] if index + 1 < len(spans) else None
    if (
        following is not None
        and (Kind.ROLE in following.by_kind or Kind.AGENCY in following.by_kind)
        and not cased[span.end : following.start].strip()
        and not _name_goes_on_after_body(scan, following)
    ):
        return  # not the last word of the role phrase
    role_end = name_pos = scan.portfolios.get(span.end, span.end)
    pending = _PENDING_ROLE.match(cased, name_pos)  # "finance minister nominee X", "premier-designate X"
    if pending is not None:
        role_end = name_pos = pending.end()
    if cased.startswith(", ", name_pos):
        name_pos += 2
    elif cased.startswith(" ", name_pos):
        name_pos += 1
    else:
        return
    ranks: list[int] = []
    if name_pos == role_end + 2:  # "the army chief, General Ashok Raj Sigdel": the rank is not the role
        while (
            index + 1 + len(ranks) < len(spans)
            and spans[index + 1 + len(ranks)].start == name_pos
            and _is_rank(spans[index + 1 + len(ranks)], cased)
            and cased.startswith(" ", spans[index + 1 + len(ranks)].end)
        ):
            ranks.append(index + 1 + len(ranks))
            name_pos = spans[ranks[-1]].end + 1
        if ranks and following is not None:
            following = spans[ranks[-1] + 1] if ranks[-1] + 1 < len(spans) else None
    head = cased[name_pos : name_pos + 1]
    if not head.isupper() and head not in PARTICLE_INITIALS:
        return  # "the president said": no name follows (decided before running the name pattern)
    if (
        following is not None
        and following.start == name_pos
        and Kind.OFFICIAL in following.by_kind
        and AFTER_NAME.match(cased, following.end) is None
        and not inside_longer_name(scan, following)
    ):
        return  # "President Vladimir Putin said": a known official, handled by its own span
    run = NAME_RUN.match(cased, name_pos)
    if not run:
        return
    tokens = name_tokens(run.group(0))
    if not tokens or (len(tokens) < 2 and span.end in scan.portfolios):
        return  # "director of Human Rights Watch": one capitalised word after a portfolio ends a body's name
    name_start = cased.index(tokens[0], name_pos)
    name_end = name_start + len(" ".join(tokens))
    if (name_pos == role_end + 2 or ranks) and not (name_end >= len(cased) or cased[name_end] in ",.;"):
        return  # "president, X" must be a closed apposition
    inner = []  # the spans inside the name (spans are sorted: stop at the first past it)
    for inner_index in range(index + 1, len(spans)):
        inner_start = spans[inner_index].start
        if inner_start >= name_end:
            break
        if inner_start >= name_pos:
            inner.append(inner_index)
    for inner_index in inner:
        other = spans[inner_index]
        other_official = other.by_kind.get(Kind.OFFICIAL)
        if (
            other_official is not None
            and not inside_longer_name(scan, other)
            and not name_goes_on(scan, other, other_official.ref)
        ):
            return  # a known official: handled by its own span
        if Kind.AGENCY in other.by_kind and _given_name(cased, other, name_start, tokens):
            continue  # "board member Petra Tschudin": a given name that is also a one-word body's name
        if Kind.ROLE in other.by_kind or Kind.AGENCY in other.by_kind or Kind.NON_COUNTRY in other.by_kind:
            return
        other_country = other.by_kind.get(Kind.COUNTRY)
        if other_country is not None and other_country.ref[1] != "ambiguous" and len(tokens) == 1:
            return
    name = scan.text[name_start:name_end].rstrip(".'’")
    if name.endswith("'s") or name.endswith("’s"):
        name = name[:-2]
    phrase = role_phrase(scan, ranks[0], spans[ranks[0]].start) if ranks else role_phrase(scan, index + 1, name_start)
    if phrase is None or phrase.excluded:
        return
    if len(tokens) == 1:
        if any(Kind.SURNAME in spans[inner_index].by_kind for inner_index in inner):
            return  # a known official's surname: linked with its own span
        linked = scan.find_by_surname(name)
        if linked is not None:
            linked.mentions += 1
            return
    scan.consumed.update(inner)
    scan.consumed.update(ranks)
    key = "u:" + fold(name)
    if key in scan.found:
        scan.found[key].mentions += 1
        return
    country: str | None
    if phrase.adjective_country:
        country = phrase.adjective_country
    elif phrase.international:
        country = None
    else:
        country = phrase.body_country or scan.context_country(phrase.start)
    surname = tokens[-1].split("-")[-1].rstrip(".'’") if len(tokens) > 1 else None
    scan.found[key] = Found(name, phrase.text, country, False, name_start, surname=surname)
    if country and (phrase.adjective_country or phrase.body_country):
        scan.phrase_countries.append((phrase.start, name_start, country))


_COMPOUND_BEFORE = re.compile(r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|in)-$", re.IGNORECASE)


def _is_rank(span: Span, cased: str) -> bool:
    """A role span that is only a military or police rank ("General", "Lieutenant Colonel")."""
    return Kind.ROLE in span.by_kind and all(
        word.strip(".").lower() in RANK_WORDS for word in cased[span.start : span.end].split()
    )


def find_listed(scan: OfficialsScan) -> None:
    """Officials listed after one plural role: "deputy prime ministers A, B and C", "commissioners A and B".
    Each name gets the singular role; a name already found (or known) keeps its record."""
    text = scan.cased
    for cue in scan.cues_by_kind.get(PLURAL_ROLE, ()):
        title = cue.by_kind[Kind.CUE].ref[1]
        if text.startswith(" ", cue.end):
            listed = _NAMES.match(text, cue.end + 1)
        elif text.startswith(", ", cue.end):  # "its deputy ministers, A and B, remain": the list in apposition
            listed = _NAMES.match(text, cue.end + 2)
            if listed is not None and not text.startswith((",", "."), listed.end()):
                continue  # "the ministers, Smith and Jones said": a list that does not close is not one
        else:
            continue
        if listed is None:
            continue
        role = scan.text[cue.start : cue.start + len(title) - 1] + title[-1]  # the singular, cased as written
        offset = listed.start()
        for item in _LIST_SPLIT.split(listed.group(0)):
            # "Roland Lescure (economy)": the portfolio in brackets makes the role "economy minister"
            name, _, portfolio = item.partition(" (")
            start = text.index(name, offset)
            offset = start + len(item)
            # "cabinet members A (defence), B (finance)": a cabinet member with a portfolio is its minister
            noun = "minister" if title in _CABINET_TITLES else role.lower()
            own_role = f"{scan.text[start + len(name) + 2 : start + len(item) - 1]} {noun}" if portfolio else role
            _record_listed(scan, name.strip(), start, own_role, cue.start)


def _record_listed(scan: OfficialsScan, name: str, start: int, role: str, role_start: int) -> None:
    tokens = name_tokens(name)
    if len(tokens) < 2 or " ".join(tokens) != name:
        return  # one word ("Monday") or a name the name pattern does not take whole
    end = start + len(name)
    for index in range(scan.span_at_or_after(start), len(scan.spans)):
        span = scan.spans[index]
        if span.start >= end:
            break
        official = span.by_kind.get(Kind.OFFICIAL)
        if official is not None and span.start == start and span.end == end:
            record = scan.found.get(official.ref.id)
            if record is not None and not record.written_role:
                record.role, record.written_role = role, True
            return
        if (
            Kind.COUNTRY in span.by_kind
            or Kind.AGENCY in span.by_kind
            or Kind.ROLE in span.by_kind
            or Kind.NON_COUNTRY in span.by_kind
        ):
            return  # a place or body inside: not a personal name
    key = "u:" + fold(name)
    if key in scan.found:
        return
    surname = tokens[-1].split("-")[-1].rstrip(".'’")
    scan.found[key] = Found(name, role, scan.context_country(role_start), False, start, surname=surname)


_CABINET_TITLES = frozenset({"cabinet member", "member", "minister"})
# Two or more capitalised names joined by commas and a final "and" (after a plural role title).
_NAME = NAME_FIRST + NAME_NEXT + "*"
_LISTED_NAME = _NAME + r"(?: \([a-z][a-z ,\-]{1,40}\))?"  # an optional portfolio in brackets
_NAMES = re.compile(_LISTED_NAME + r"(?:, " + _LISTED_NAME + r")*,? and " + _LISTED_NAME)
_LIST_SPLIT = re.compile(r",? and |, (?=[A-Z])")
