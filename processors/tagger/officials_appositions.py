"""People described right after their name: officials ("Hameed Ali, Comptroller-General of the Customs
Service, said", "X, who heads the commission", "X was appointed defence chief") and private persons
("Ahmad Danish, a 27-year-old shopkeeper")."""

from __future__ import annotations

import bisect
import re

from wirewatch.processors.tagger.kb import Agency, Official
from wirewatch.processors.tagger.matcher import Kind, Span
from wirewatch.processors.tagger.officials_names import (
    HONORIFIC_KEYS,
    INITIALS,
    NAME_PARTICLES,
    WRITTEN_NAME,
    is_particle_name,
)
from wirewatch.processors.tagger.officials_roles import seat_role
from wirewatch.processors.tagger.officials_scan import Found, OfficialsScan
from wirewatch.processors.tagger.textfold import fold
from wirewatch.processors.tagger.vocab import (
    APPOINTED,
    BODY_NOUNS,
    DESCRIPTOR_POSSESSIVES,
    HEAD_TITLES,
    HEADED_BY,
    LEGISLATOR_ROLES,
    NAME_STOPWORDS,
    NAMED_AS,
    NON_OFFICIAL_QUALIFIERS,
    NON_PERSON_WORDS,
    PLURAL_ROLE,
    PLURAL_ROLE_TITLES,
    PORTFOLIO_WORDS_LOWER,
    PRIVATE_BODY_WORDS,
    PUBLIC_ROLE_WORDS,
    PUBLIC_TITLES,
    PUBLIC_WORDS,
    RANK_WORDS,
    REPLACED,
    ROLE_MODIFIERS,
    SURNAME_FIRST_COUNTRIES,
    TAKES_OVER,
)

_AGED = re.compile(r", (?:a|an) \d{1,3}-year-old ")
_NAME_TOKEN = re.compile(r"^[\w'’.\-]+$")
_WORD = re.compile(r"[\w'’.\-]+")
_WHO_VERB = re.compile(r"who (heads|runs|leads|chairs|directs|commands|oversees|is|was|serves as|served as) ")
_CLAUSE_END = re.compile(
    r"[,;:\"()\n]|\.(?:\s|$)| (?:who|which|whose|that|said|says|told|tells|added|called|urged|warned|announced|"
    r"wrote|testified|criticised|criticized|read|declared|confirmed|denied|insisted)\b"
    # when, not what: "sworn in as president on Friday", "named army chief last week"
    r"| (?:on|since|until) (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"| (?:last|this|next) (?:week|month|year)\b| (?:after|following|until|in a|at a)\b"
    r"| (?:in|since|until|from) (?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|(?:19|20)\d\d)\b"
)
# What the text says of a role change wins: "X, who resigned as prime minister" (former), "X, became interim
# prime minister" (the new role).
_LEFT_ROLE = re.compile(
    r"(?:who )?(?:has |had )?(?:resigned|quit|stepped down|was dismissed|was sacked|was removed|was ousted) as (?:the )?"
    r"|(?:until now|until recently|formerly|previously) (?:the )?"
)
_TOOK_ROLE = re.compile(
    r"(?:who )?(?:became|has become|had become|becomes|took over as|was made"
    r"|(?:(?:who )?(?:was|has been|had been) )?(?:sworn in|named|appointed|elected|installed|confirmed) as) (?:the )?"
)
_NAMED_AS = re.compile(  # after a naming verb (found by the automaton as a NAMED_AS cue)
    r" (?:(?:a |an |the )?(?:[A-Z][a-z]+ )?[a-z][\w\-]* ){0,2}?"
    r"(" + WRITTEN_NAME + r")(?:, [^,;.\n]{3,120},)? as "  # "confirmed X, a four-term lawmaker, as prime minister"
)
# after "takes over" / "moves to": a portfolio, with "ministry" or "portfolio" or at a clause's end
_PORTFOLIO_TAKEN = re.compile(
    r" (?:the )?([a-z]+(?:(?:,| and|,? and)? [a-z]+){0,3}?)(?: ministry| portfolio|(?=[,.;]| from | in place | while ))"
    r"|(?: the )?([A-Z][a-z]+(?:(?:,| and|,? and)? [A-Z][a-z]+){0,3}?) Ministry\b"  # "takes over the Interior Ministry"
)
_REPLACED_AS = re.compile(r" (" + WRITTEN_NAME + r") as ")
_HEADED_BODY_WORDS = BODY_NOUNS | PUBLIC_WORDS | {"inquiry", "panel", "taskforce"}
_HEADED_NAME = re.compile(  # after "chaired by" & co (HEADED_BY cues)
    r" ((?:(?:Justice|Judge|General|Lieutenant General|Major General|Brigadier General|Colonel|Dr\.?|Prof\.?) )?"
    + WRITTEN_NAME
    + r")"
)
_LEFT_ROLE_CUE = re.compile(r"(?:has )?(?:resigned|stepped down|quit) as")
# ", Peter Kyle business secretary", " and Liz Kendall science secretary": a name, then its role (the verb left out)
_GAPPED_ITEM = re.compile(r"(?:,| and|, and|, while) (" + WRITTEN_NAME + r") ")
_OF_PARTY_BEFORE = re.compile(r" of (?:the )?[A-Z][\w\-]*(?: [A-Z][\w\-]*){0,3}$")
_AN_OFFICIAL_OF = re.compile(r"(?:an|a senior|a) official (?:of|at|with) ")
_ONE_OF = re.compile(r"one of (?:its|the|their|his|her) ")
_INSERTED_CLAUSE = ("who ", "a ", "an ", "the ", "until ", "formerly ", "previously ")
_PARTY_ACRONYM = re.compile(r"[A-Z]{2,6}$")
_POSSESSIVE_OPENING = re.compile(r"[A-Z][\w\-]*['’]s [a-z]")  # "X, Takaichi's rival in the race, takes defence"
_WHEN_BEFORE_AS = re.compile(
    r" (?:on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|yesterday|today|earlier|later"
    r"|last week|this week|on \d{1,2} [A-Z][a-z]+)(?=,? as )(?:,)?"
)
# A role phrase opens with "new" when it says the appointment is news ("the new finance minister").
_NEW = re.compile(r"^(?:the )?(?:newly[- ](?:appointed|named|elected) |new )")
# A description: its role text, the country it names, whether it names an international body instead.
Description = tuple[str, str | None, bool]


def find_appositions(scan: OfficialsScan) -> None:
    """Officials described after their name: "X, a spokesman for the army", "X, who heads the commission"."""
    text, spans = scan.cased, scan.spans
    role_kind, agency_kind, country_kind = Kind.ROLE, Kind.AGENCY, Kind.COUNTRY
    role_starts = sorted(
        [span.start for span in spans if role_kind in span.by_kind or agency_kind in span.by_kind]
        + [cue.start for cue in scan.cues_by_kind.get(PLURAL_ROLE, ())]  # "one of its commissioners"
    )
    if not role_starts:
        return
    place_or_body_ends = {
        span.end
        for span in spans
        if agency_kind in span.by_kind or (country_kind in span.by_kind and Kind.SURNAME not in span.by_kind)
    }
    comma = text.find(", ", scan.body_start)
    while comma != -1:
        next_role = bisect.bisect_left(role_starts, comma)
        if next_role == len(role_starts):
            break  # no role or body named after this comma
        if (
            role_starts[next_role] <= comma + 80
            and comma not in place_or_body_ends
            and not (
                text[comma + 2 : comma + 3].isupper()
                and comma + 2 not in scan.span_starts
                and _official_owner(scan, comma + 2) is None
            )
        ):
            # a role soon after; not "Abuja, the capital" nor "Ali, Musa and Obi"
            word_start = text.rfind(" ", 0, comma) + 1
            if text[word_start].isupper() or is_particle_name(text[word_start:comma]):
                described = _describe(scan, comma + 2)
                if described is not None:
                    _add_apposition(scan, comma, *described)
        comma = text.find(", ", comma + 2)


def find_appointments(scan: OfficialsScan) -> None:
    """Officials the text gives a role by a verb: "X was appointed defence chief", "X was sworn in as
    interim prime minister", "X has been named the new finance minister". What the text says wins over a
    bare rank or the knowledge base's title."""
    text = scan.cased
    for cue in scan.cues_by_kind.get(APPOINTED, ()):
        name_end = _subject_end(text, cue.start)
        if name_end is None:
            continue  # "the army was named", "it was made clear"
        after = cue.end
        when = _WHEN_BEFORE_AS.match(text, after)  # "sworn in on Friday as the first chief justice"
        if when is not None:
            after = when.end()
        role_pos = after + 4 if text.startswith((" as ", " to "), after) else cue.end + 1
        if text[role_pos - 1 : role_pos] != " ":
            continue
        # Swearing-in is for public office: "sworn in as president" needs no country to be one.
        described = _describe(scan, role_pos, assume_public=text.endswith("sworn in", cue.start, cue.end))
        if described is not None:
            if _LEFT_ROLE_CUE.match(text, cue.start) and not described[0].startswith("former "):
                described = ("former " + described[0], *described[1:])  # "X resigned as speaker"
            if text.startswith(" were ", name_end):  # "A and B were sworn in as deputy chief ministers"
                described = (_singular_role(described[0]), *described[1:])
                first_end = _first_of_two_subjects(text, name_end)
                if first_end is not None:
                    _add_apposition(scan, first_end, *described)
            _add_apposition(scan, name_end, *described)
            _gapped_list(scan, role_pos, described[1])


# "A and B were ...": two names joined by "and" right before the verb
_TWO_SUBJECTS = re.compile(r"[A-Z][\w’'\-]*(?: [A-Z][\w’'\-]*)* and [A-Z][\w’'\-]*(?: [A-Z][\w’'\-]*)*$")


def _first_of_two_subjects(text: str, name_end: int) -> int | None:
    """ "Samrat Choudhary and Vijay Kumar Sinha were": where the first name ends."""
    window_start = max(0, name_end - 80)
    both = _TWO_SUBJECTS.search(text, window_start, name_end)
    return None if both is None else text.rfind(" and ", both.start(), name_end)


def _singular_role(role: str) -> str:
    """ "deputy chief ministers" → "deputy chief minister": one role for each person named."""
    lowered = role.lower()
    for plural in sorted(PLURAL_ROLE_TITLES, key=len, reverse=True):
        singular = PLURAL_ROLE_TITLES[plural]
        if lowered.endswith(plural) and plural.startswith(singular[:-1]):
            tail_start = len(role) - len(plural)
            return role[: tail_start + len(singular) - 1] + singular[-1]
    return role


def find_portfolios_taken(scan: OfficialsScan) -> None:
    """ "X takes over the economy and finance ministry", "X, a former finance secretary, took over the foreign
    ministry", "lawyer X takes over home affairs and law": the portfolio's minister."""
    text = scan.cased
    for cue in scan.cues_by_kind.get(TAKES_OVER, ()):
        taken = _PORTFOLIO_TAKEN.match(text, cue.end)
        group = 1 if taken is not None and taken.group(1) else 2
        if (
            taken is None
            or not set(taken.group(group).lower().replace(",", " ").split()) - {"and"} <= PORTFOLIO_WORDS_LOWER
        ):
            continue
        name_end = _subject_end(text, cue.start)
        if name_end is None:
            continue
        role = f"{scan.text[taken.start(group) : taken.end(group)]} minister"
        _add_apposition(scan, name_end, role, None, False)


def find_named_as(scan: OfficialsScan) -> None:
    """Officials given a role by an active verb: "the junta named businessman X as prime minister", "Ruto
    appointed X as police chief"."""
    text = scan.cased
    for cue in scan.cues_by_kind.get(NAMED_AS, ()):
        named = _NAMED_AS.match(text, cue.end)
        if named is None:
            continue
        described = _describe(scan, named.end())
        if described is not None:
            _add_apposition(scan, named.end(1), *described)


def find_replacements(scan: OfficialsScan) -> None:
    """ "X replaced Y as Senate President": X holds the role now, Y is its former holder."""
    text = scan.cased
    for cue in scan.cues_by_kind.get(REPLACED, ()):
        replaced = _REPLACED_AS.match(text, cue.end)
        if replaced is None:
            continue
        described = _describe(scan, replaced.end(), assume_public=True)
        if described is None:
            continue
        role, country, international = described
        name_end = _subject_end(text, cue.start)
        if name_end is not None:  # "X replaced Y as ...": the subject, when a name stands there
            _add_apposition(scan, name_end, role, country, international)
        _add_apposition(scan, replaced.end(1), f"former {role}", country, international)


def find_heads_named_after_body(scan: OfficialsScan) -> None:
    """ "the electoral commission, chaired by Justice X,", "the mission, commanded by X", "The council, presided
    over by X": the head of a public body the sentence names just before."""
    text = scan.cased
    for cue in scan.cues_by_kind.get(HEADED_BY, ()):
        m = _HEADED_NAME.match(text, cue.end)
        if m is None:
            continue
        verb = text[cue.start : cue.end - len(" by")].lower()
        head_start = cue.start - 2 if text[cue.start - 2 : cue.start] == ", " else cue.start - 1
        window_start = max(scan.body_start, head_start - 90)
        before = text[window_start:head_start].rstrip(", ")
        the = max(before.rfind("the "), before.rfind("The "))
        if the == -1:
            continue
        body = before[the:]
        words = {w.strip(",.'’").lower() for w in body.split()}
        if not words & _HEADED_BODY_WORDS or "\n" in body or ". " in body:
            continue
        body_start = window_start + the
        country, international, _ = _country_in(scan, body_start, head_start)
        if country is None and not international:
            country = scan.context_country(body_start)
        body_text = scan.text[body_start : body_start + len(body)]
        if body_text.startswith("The "):
            body_text = "the " + body_text[4:]
        name_end = _sentence_cut(text, m.start(1), m.end(1))  # "... by Justice X. The ..." ends at "X"
        _add_apposition(scan, name_end, f"{HEAD_TITLES[verb]} of {body_text}", country, international)


def _sentence_cut(text: str, start: int, end: int) -> int:
    """End of a capitalised run at the first full stop that ends a sentence ("Mwambegele. The")."""
    pos = start
    while pos < end:
        space = text.find(" ", pos, end)
        token_end = end if space == -1 else space
        token = text[pos:token_end]
        if token.endswith(".") and not INITIALS.match(token) and len(token.rstrip(".")) > 2:
            return token_end - 1
        if space == -1:
            break
        pos = space + 1
    return end


def _gapped_list(scan: OfficialsScan, role_pos: int, country: str | None) -> None:
    """ "X was named housing secretary, Y business secretary and Z science secretary": after an appointment,
    more names each followed by its own role, the verb left out."""
    text, spans = scan.cased, scan.spans
    index = scan.span_at_or_after(role_pos)
    if index >= len(spans) or (spans[index].start != role_pos and not text.startswith(("the ", "a "), role_pos)):
        return
    cursor = next((span.end for span in spans[index : index + 3] if Kind.ROLE in span.by_kind), None)
    for _ in range(6):
        if cursor is None:
            return
        item = _GAPPED_ITEM.match(text, cursor)
        if item is None:
            return
        role_start = item.end()
        role_index = scan.span_at_or_after(role_start)
        if (
            role_index >= len(spans)
            or spans[role_index].start != role_start
            or Kind.ROLE not in spans[role_index].by_kind
        ):
            return
        role_end = spans[role_index].end
        while (
            role_index + 1 < len(spans)
            and spans[role_index + 1].start == role_end + 1
            and Kind.ROLE in spans[role_index + 1].by_kind
        ):
            role_index += 1
            role_end = spans[role_index].end
        _add_apposition(scan, item.end(1), scan.text[role_start:role_end], country, False)
        cursor = role_end


def _subject_end(text: str, verb_start: int) -> int | None:
    """Where the name that is the subject of the verb at `verb_start` ends, past a clause inserted after it
    ("X, who until Sunday was the police prefect, was appointed") or its party ("Oana Toiu of the USR
    becomes"); None when no capitalised name stands there ("the army was named")."""
    name_end = verb_start - 1
    if name_end <= 0 or text[name_end] != " ":
        return None
    if text[name_end - 1] == ",":
        opening = _before_inserted_clause(text, name_end - 1)
        if opening is None:
            return None
        name_end = opening
    party = _OF_PARTY_BEFORE.search(text, max(0, name_end - 40), name_end)
    if party is not None:
        name_end = party.start()
    word_start = text.rfind(" ", 0, name_end) + 1
    if not (text[word_start : word_start + 1].isupper() or is_particle_name(text[word_start:name_end])):
        return None
    return name_end


def _before_inserted_clause(text: str, comma: int) -> int | None:
    """`comma` closes a clause inserted after a name ("X, who until Sunday was ..., was appointed"; "X, a
    former banker, becomes"): where the name ends, or None when no such clause opens within 150 characters."""
    opening = text.rfind(", ", max(0, comma - 150), comma)
    if opening == -1:
        return None
    head = text[opening + 2 : opening + 3]
    if not (
        text.startswith(_INSERTED_CLAUSE, opening + 2) or head.islower() or _POSSESSIVE_OPENING.match(text, opening + 2)
    ):
        return None  # "X, leader of the Motorists, becomes": a clause opens in lowercase, a list item does not
    return opening


def find_aged_people(scan: OfficialsScan) -> None:
    """ "Ahmad Danish, a 27-year-old shopkeeper": a private person; a country word in the name ("Danish")
    is the person's name there and wherever the name recurs."""
    if "-year-old" not in scan.cased:
        return
    for aged in _AGED.finditer(scan.cased, scan.body_start):
        _, tokens = _name_before(scan, aged.start())
        name = " ".join(tokens)
        if len(tokens) >= 2 and scan.hides_country(name):
            scan.private_names += [name, tokens[-1]] if scan.hides_country(tokens[-1]) else [name]


def _describe(scan: OfficialsScan, pos: int, *, assume_public: bool = False) -> Description | None:
    """The role an apposition starting at `pos` gives: (role text, country, international) or None.
    `assume_public`: the context already says the role is a public office."""
    text, spans = scan.cased, scan.spans
    if text.startswith("of ", pos):
        return _member_of(scan, pos + 3)
    official_of = _AN_OFFICIAL_OF.match(text, pos)
    if official_of is not None:  # "X, an official of the new Judicial Administration Body,"
        return _member_of(scan, official_of.end())
    one_of = _ONE_OF.match(text, pos)
    if one_of is not None:  # "X, one of its commissioners,": a role given in the plural
        title = next(
            (c.by_kind[Kind.CUE].ref[1] for c in scan.cues_by_kind.get(PLURAL_ROLE, ()) if c.start == one_of.end()),
            None,
        )
        if title is not None:
            return title, scan.context_country(pos), False
    head_of = False
    left_role = _LEFT_ROLE.match(text, pos)
    change = left_role or _TOOK_ROLE.match(text, pos)
    if change:
        pos = change.end()
    for article in ("a ", "an ", "the "):
        if text.startswith(article, pos):
            pos += len(article)
            break
    else:
        who_verb = _WHO_VERB.match(text, pos)
        if who_verb:
            verb = who_verb.group(1)
            head_of = verb != "is" and verb != "was" and not verb.startswith("serve")
            pos = who_verb.end()
            if text.startswith("the ", pos):
                pos += 4
    index = scan.span_at_or_after(pos)
    cursor = pos
    country: str | None = None
    international = False
    role_start: int | None = None
    role_end: int | None = None
    public = False  # a country or a public body named in the description
    free_words = 0
    party_acronym: str | None = None
    for _ in range(8):
        while cursor < len(text) and text[cursor] == " ":
            cursor += 1
        owner = _official_owner(scan, cursor)
        if owner is not None:  # "X, Lukashenko's press secretary,": an official's aide serves the same state
            cursor, owner_record = owner
            public = True
            if country is None and not international:
                country = owner_record.country
            index = scan.span_at_or_after(cursor)
            continue
        span = spans[index] if index < len(spans) else None
        if span is not None and span.start == cursor:
            agency_payload = span.by_kind.get(Kind.AGENCY)
            if Kind.ROLE in span.by_kind and not (head_of and agency_payload is not None):
                role_start, role_end = span.start, span.end
                while (
                    index + 1 < len(spans)
                    and spans[index + 1].start == role_end + 1
                    and Kind.ROLE in spans[index + 1].by_kind
                    and text[role_end] == " "
                ):
                    index += 1  # "deputy" + "chief of the General Staff": one role
                    role_end = spans[index].end
                break
            if agency_payload is not None:
                agency: Agency = agency_payload.ref
                public = public or agency.kind != "news_agency"
                if country is None and not international:
                    international = agency.kind == "international"
                    country = agency.country
                if head_of:
                    role_start, role_end = span.start, span.end
                    break
            elif Kind.COUNTRY in span.by_kind:
                public = True
                code, form = span.by_kind[Kind.COUNTRY].ref
                if country is None and not international:
                    country = scan.resolve_country(span) if form == "ambiguous" else code
            else:
                return None  # a person or place: not a description of the name before
            cursor = span.end
            if text.startswith("'s", cursor) or text.startswith("' ", cursor):
                cursor += 2 if text.startswith("'s", cursor) else 1
            index += 1
            continue
        word_match = _WORD.match(text, cursor)
        if not word_match:
            return None
        word = word_match.group(0)
        lowered = word.lower()
        if (lowered in NON_OFFICIAL_QUALIFIERS or lowered.rstrip("'s") in NON_OFFICIAL_QUALIFIERS) and not (
            lowered == "opposition"
            and text[word_match.end() + 1 : word_match.end() + 40].lower().startswith(LEGISLATOR_ROLES)
        ):
            return None  # but "an opposition member of parliament" holds a public seat
        if word[:1].isupper() and span is not None and _leads_into_body(text, cursor, span):
            cursor = span.start  # "who chairs the Guinean Human Rights Commission": words of the body's name
            continue
        if party_acronym is None and free_words == 0 and _PARTY_ACRONYM.match(word):
            party_acronym = word  # "a CCM lawmaker": a party's or council's acronym, kept for a seat only
            cursor = word_match.end()
            continue
        if not (lowered in ROLE_MODIFIERS or lowered in DESCRIPTOR_POSSESSIVES or lowered in HONORIFIC_KEYS):
            if (
                not word.replace("-", "").isalpha()  # "state-funded" is a word
                or not word.islower()
                or lowered in NAME_STOPWORDS
                or free_words >= 2
            ):
                return None
            free_words += 1
        cursor = word_match.end()
    if role_end is None or role_start is None:  # both are set together
        return None
    if party_acronym is not None and not seat_role(text[role_start:role_end]):
        return None  # "an M23 commander": an unexplained acronym before any other role is an armed group
    if text[role_end : role_end + 1] == " " and text[role_end + 1 : role_end + 2].isupper() and not head_of:
        return None  # "the Verkhovna Rada, Speaker Ruslan Stefanchuk said": the role is the next name's
    if head_of:
        pos = scan.cased.rfind(" ", 0, pos - 1) + 1 if not text.startswith("the ", pos - 4) else pos - 4
    end = _clause_end(scan, role_end)
    if country is None and not international:
        country, international, named_body = _country_in(scan, role_end, end)
        public = public or named_body
    role = _NEW.sub("", scan.text[pos:end].strip().rstrip(","))
    if left_role:
        role = "former " + role
    if head_of:
        role = "head of " + scan.text[_after_who_verb(scan, pos) : end].strip()
    if len(role) > 120:
        role = scan.text[pos:role_end].strip()
    words = set(fold(role).replace("'s", "").replace("-", " ").split())
    legislator = fold(scan.cased[role_start:role_end]).lower() in LEGISLATOR_ROLES
    if words & PRIVATE_BODY_WORDS and not legislator:  # "a congressman from the Semilla movement" sits in Congress
        return None  # "chairman of the National Turkey Federation": not a public office
    if (
        not assume_public
        and not public
        and not legislator  # a seat in a legislature is a public office
        and not words & PUBLIC_WORDS
        and not set(fold(scan.cased[role_start:role_end]).replace("-", " ").split()) & PUBLIC_ROLE_WORDS
        and fold(scan.cased[role_start:role_end]).lower() not in PUBLIC_TITLES
    ):
        return None  # "chairman of JPMorgan Chase", "a spokesman for the company": a title, no public office
    return role, country, international


_POSSESSIVE_NAME = re.compile(r"[A-Z][\w\-]*(?: [A-Z][\w\-]*){0,3}['’]s ")


def _official_owner(scan: OfficialsScan, cursor: int) -> tuple[int, Found] | None:
    """A possessive naming an official found in the dispatch ("Lukashenko's", "President Lee's"): where the
    words after it start, and the official."""
    owner = _POSSESSIVE_NAME.match(scan.cased, cursor)
    if owner is None:
        return None
    word = owner.group(0)[:-3].split()[-1]
    record = scan.find_by_surname(word)
    if record is None:  # "Lee's chief of staff": Korean and Chinese names put the family name first
        record = next(
            (
                found
                for found in scan.found.values()
                if found.country in SURNAME_FIRST_COUNTRIES and found.name.split()[0] == word and " " in found.name
            ),
            None,
        )
    return (owner.end(), record) if record is not None else None


def _leads_into_body(text: str, cursor: int, span: Span) -> bool:
    """Are the words from `cursor` to `span` (a body named by its head noun) capitalised words of its name?"""
    agency = span.by_kind.get(Kind.AGENCY)
    if agency is None or not agency.ref.needs_lead_in or span.start - cursor > 60:
        return False
    words = text[cursor : span.start].split()
    return bool(words) and all(w[:1].isupper() or w in ("and", "of", "for") for w in words)


def _member_of(scan: OfficialsScan, pos: int) -> Description | None:
    """ "said X, of Nepal's Election Commission,": someone speaking for a public body the text names (its
    name found by the knowledge base or by its head noun), an official of it."""
    text, spans = scan.cased, scan.spans
    start = pos + 4 if text.startswith("the ", pos) else pos
    index = scan.span_at_or_after(start)
    country: str | None = None
    if index < len(spans) and spans[index].start == start and Kind.COUNTRY in spans[index].by_kind:
        code, form = spans[index].by_kind[Kind.COUNTRY].ref
        gap = text[spans[index].end : spans[index].end + 3]
        if gap not in ("'s ", "’s "):
            return None
        country = scan.resolve_country(spans[index]) if form == "ambiguous" else code
        start = spans[index].end + 3
        index += 1
    # the body: a known one starting here, or capitalised words ending in a body's head noun
    for body_index in range(index, min(index + 5, len(spans))):
        span = spans[body_index]
        agency = span.by_kind.get(Kind.AGENCY)
        if agency is None:
            if span.start > start:
                break
            continue
        words_before = text[start : span.start].split()
        if not all(word[:1].isupper() for word in words_before) or agency.ref.kind == "news_agency":
            return None
        end = span.end
        body = scan.text[start:end]
        continued = _BODY_CONTINUES.match(text, end)
        if continued is not None:
            body = scan.text[start : continued.end()]
        if country is None:
            country = agency.ref.country
        return f"{body} official", country, agency.ref.kind == "international"
    return None


_BODY_CONTINUES = re.compile(r" (?:of|for|on)(?: the)? [A-Z][\w'’\-]+(?: (?:and |of |for |the )?[A-Z][\w'’\-]+)*")


def _country_in(scan: OfficialsScan, start: int, end: int) -> tuple[str | None, bool, bool]:
    """The first body or country named in [start, end) ("head of the UN Mission in South Sudan" -> UN):
    (country, international, a public body or a country is named there)."""
    public = False
    for index in range(scan.span_at_or_after(start), len(scan.spans)):
        span = scan.spans[index]
        if span.start >= end:
            break
        agency_payload = span.by_kind.get(Kind.AGENCY)
        if agency_payload is not None and agency_payload.ref.kind != "news_agency":
            agency: Agency = agency_payload.ref
            public = True
            if agency.kind == "international" or agency.country:
                return agency.country, agency.kind == "international", True
        country_payload = span.by_kind.get(Kind.COUNTRY)
        if country_payload is not None and country_payload.ref[1] != "capital":
            code, form = country_payload.ref
            return (scan.resolve_country(span) if form == "ambiguous" else code), False, True
    return None, False, public


def _after_who_verb(scan: OfficialsScan, pos: int) -> int:
    who_verb = _WHO_VERB.match(scan.cased, scan.cased.rfind("who ", 0, pos + 1))
    return who_verb.end() if who_verb else pos


def _clause_end(scan: OfficialsScan, pos: int) -> int:
    """Where a description ends: punctuation, a quote or the reporting verb."""
    clause_end = _CLAUSE_END.search(scan.cased, pos, min(len(scan.cased), pos + 100))
    return clause_end.start() if clause_end else pos


def _add_apposition(scan: OfficialsScan, comma: int, role: str, country: str | None, international: bool) -> None:
    """Give the described role to the name before `comma`: a known official, one found already, or a new
    unknown official."""
    spans = scan.spans
    last_before = scan.span_at_or_after(comma) - 1
    before = spans[last_before] if last_before >= 0 else None
    if before is not None and before.end == comma and Kind.OFFICIAL in before.by_kind:
        official: Official = before.by_kind[Kind.OFFICIAL].ref
        record = scan.found.get(official.id)
        if record is not None:
            _give_role(record, role)
        return
    name_start, tokens = _name_before(scan, comma)
    if not tokens or any(
        token.lower().strip(".'’") in BODY_NOUNS or token.lower().strip(".'’") in NON_PERSON_WORDS for token in tokens
    ):
        return
    name = " ".join(tokens)
    for index in range(last_before, -1, -1):
        if spans[index].end <= name_start:
            break
        official_payload = spans[index].by_kind.get(Kind.OFFICIAL)
        record = scan.found.get(official_payload.ref.id) if official_payload is not None else None
        if record is not None:  # "Dr Tedros Adhanom Ghebreyesus, director-general of the WHO"
            _give_role(record, role)
            return
    inner = [index for index in range(last_before, -1, -1) if spans[index].start >= name_start]
    for index in inner:
        if Kind.SURNAME not in spans[index].by_kind and Kind.OFFICIAL not in spans[index].by_kind:
            return  # a country, body or role word inside: not a personal name
    key = "u:" + fold(name)
    record = scan.found.get(key) or (scan.find_by_surname(tokens[-1]) if len(tokens) == 1 else None)
    if record is not None:
        _give_role(record, role, country)
        return
    if len(tokens) < 2:
        return
    scan.consumed.update(inner)
    if country is None and not international:
        country = scan.context_country(name_start)
    scan.found[key] = Found(name, role, country, False, name_start, surname=tokens[-1].split("-")[-1])


def _give_role(record: Found, role: str, country: str | None = None) -> None:
    """A written description beats the knowledge base's title and a bare rank ("Colonel"); for an official
    the knowledge base does not know, the country the description names beats the dispatch's."""
    if (
        not record.written_role
        or (record.role and all(word.strip(".").lower() in RANK_WORDS for word in record.role.split()))
        or (record.role and record.role.startswith("former ") and not role.startswith("former "))
    ):  # a rank, or a role the text says was left, yields to what the person is now
        record.role, record.written_role = role, True
        record.role_from = record.role_to = None
        if country and record.kb is None:
            record.country = country


def _name_before(scan: OfficialsScan, comma: int) -> tuple[int, list[str]]:
    """The capitalised name that ends at `comma`, without titles, honorifics and role words before it."""
    text = scan.cased
    tokens: list[str] = []
    start = token_end = comma
    while len(tokens) < 6 and token_end > 0:
        token_start = token_end
        while token_start > 0 and not text[token_start - 1].isspace():
            token_start -= 1
        token = text[token_start:token_end]
        if not _NAME_TOKEN.match(token):
            break
        lowered = token.lower()
        if (
            token.endswith(".")
            and len(token.strip(".")) > 2
            and lowered.rstrip(".") not in HONORIFIC_KEYS
            and not INITIALS.match(token)
        ):
            break  # "the United Nations. Selim Karaca": the sentence before ends there
        if (
            not (token[0].isupper() or lowered in NAME_PARTICLES or is_particle_name(token))
            or lowered in NAME_STOPWORDS
            or (tokens and lowered.endswith(("'s", "’s")))  # "The BJP's Samrat Choudhary": an owner, not a name
        ):
            break
        tokens.insert(0, scan.text[token_start:token_end])
        start = token_start
        if (
            token_start == 0
            or text[token_start - 1] != " "
            or (token_start - 1 in scan.span_ends and (token_start - 1) not in scan.name_span_ends())
        ):
            break
        token_end = token_start - 1
    # drop what comes before the name proper: a role ("Colonel"), an honorific ("Justice"), particles
    while tokens and (
        tokens[0].lower() in NAME_PARTICLES
        or tokens[0].lower().rstrip(".") in HONORIFIC_KEYS
        or tokens[0].lower() in BODY_NOUNS  # "Police Major Dragana Ilic": the service before the rank
        or (len(tokens) > 2 and tokens[0].lower().rstrip(".") in RANK_WORDS)  # ... and the rank
        or _is_role_at(scan, start)
    ):
        start += len(tokens[0]) + 1
        tokens.pop(0)
    return start, tokens


def _is_role_at(scan: OfficialsScan, start: int) -> bool:
    """Does a role word start at `start`, or run across it?"""
    index = scan.span_at_or_after(start)
    if index < len(scan.spans) and scan.spans[index].start == start and Kind.ROLE in scan.spans[index].by_kind:
        return True
    return any(
        span.start < start < span.end and Kind.ROLE in span.by_kind for span in scan.spans[max(0, index - 1) : index]
    )
