"""Officials: known ones from the knowledge base, unknown ones from "role + capitalised name" patterns,
and later surname-only mentions linked to the full name.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from wirewatch.processors.tagger.kb import Official
from wirewatch.processors.tagger.matcher import Kind, Span
from wirewatch.processors.tagger.textfold import fold
from wirewatch.processors.tagger.vocab import (
    BODY_NOUNS,
    DESCRIPTOR_POSSESSIVES,
    HONORIFICS,
    LEGISLATOR_ROLES,
    NAME_STOPWORDS,
    NAMED_AFTER_NOUNS,
    NON_OFFICIAL_QUALIFIERS,
    PORTFOLIO_WORDS,
    PRIVATE_BODY_WORDS,
    PUBLIC_ROLE_WORDS,
    PUBLIC_WORDS,
    RANK_WORDS,
    ROLE_MODIFIERS,
)

NAME_PARTICLES = frozenset(
    {
        "al",
        "el",
        "ad",
        "as",
        "ash",
        "bin",
        "ibn",
        "bint",
        "de",
        "da",
        "di",
        "du",
        "van",
        "von",
        "der",
        "den",
        "la",
        "le",
        "dos",
        "das",
        "del",
        "abu",
        "ould",
        "ag",
        "wa",
        "y",
    }
)
# Up to two particles before a capitalised word: "de la Calle", "van der Bellen", "al-Shami", "bin Zayed".
_PARTICLE = r"(?:(?:" + "|".join(sorted(NAME_PARTICLES, key=len, reverse=True)) + r")[ -]){0,2}"
_NAME_RUN = re.compile(_PARTICLE + r"[A-Z][\w'’.\-]*(?: " + _PARTICLE + r"[A-Z][\w'’.\-]*){0,5}")
_HONORIFIC_KEYS = frozenset(h.rstrip(".") for h in HONORIFICS)
# " for Bougainville Affairs", " of Foreign Affairs", " for Human Rights": a capitalised portfolio after a role.
_PORTFOLIO = re.compile(
    r" (?:for|of) (?:the )?(?:[A-Z][\w'’\-]* (?:and |& )?){0,3}(?:" + "|".join(PORTFOLIO_WORDS) + r")(?= [A-Z])"
)
# What may follow a name and change who it is: a capitalised word, a particle, a place noun ("airport").
_AFTER_NAME = re.compile(
    r" (?:[A-Z]|(?:"
    + "|".join(sorted(NAME_PARTICLES, key=len, reverse=True))
    + r")[ -]|(?:"
    + "|".join(sorted(NAMED_AFTER_NOUNS, key=len, reverse=True))
    + r")\b)"
)
_AS_SUBJECT = re.compile(r"(?:[,.;:'’\"]|$| (?:said|says|told|added|asked|who|was|is|had|has)\b)")
_AGED = re.compile(r", (?:a|an) \d{1,3}-year-old ")
_OF_THE = re.compile(r" (?:of|for) (?:the )?")
_WORD_AFTER = re.compile(r"[^\W_'\-]*(?:['\-]+[^\W_'\-]*)*")  # letters, digits, "-" and "'"
_NAME_TOKEN = re.compile(r"^[\w'’.\-]+$")
_WORD = re.compile(r"[\w'’.\-]+")
_WHO_VERB = re.compile(r"who (heads|runs|leads|chairs|directs|commands|oversees|is|was|serves as|served as) ")
_CLAUSE_END = re.compile(
    r"[,;:\"()\n]|\.(?:\s|$)| (?:who|which|whose|that|said|says|told|tells|added|called|urged|warned|announced|"
    r"wrote|testified|criticised|criticized|read|declared|confirmed|denied|insisted)\b"
)
_PARTICLE_INITIALS = frozenset(p[0] for p in NAME_PARTICLES)


class NameCache:
    """Per-knowledge-base answers about officials' names, computed once (the KB does not change while loaded)."""

    def __init__(self, hides_country: Callable[[str], bool]) -> None:
        self.hides_country = hides_country
        self._words: dict[str, frozenset[str]] = {}
        self._hiding: dict[str, tuple[str, ...]] = {}

    def words(self, official: Official) -> frozenset[str]:
        """Every folded word of an official's name and aliases."""
        words = self._words.get(official.id)
        if words is None:
            words = self._words[official.id] = frozenset(
                w for form in (official.name, *official.aliases) for w in fold(form).split()
            )
        return words

    def hiding_names(self, official: Official) -> tuple[str, ...]:
        """The forms of an official's name that contain a country word ("Najib Danish", "Danish")."""
        cached = self._hiding.get(official.id)
        if cached is None:
            # named in full here, so the last word alone ("Danish told reporters") is the person too
            forms = {official.name, *official.aliases, *official.surnames, official.name.split()[-1]}
            cached = self._hiding[official.id] = tuple(sorted(n for n in forms if self.hides_country(n)))
        return cached


def _is_particle_name(token: str) -> bool:
    """'al-Shami', 'bin-Laden': a lower-case particle joined to a capitalised name."""
    particle, _, rest = token.partition("-")
    return particle.lower() in NAME_PARTICLES and rest[:1].isupper()


_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]{1,6}$")


@dataclass(slots=True)
class RolePhrase:
    text: str
    start: int
    adjective_country: str | None  # "Turkish Foreign Minister", "Iran's Foreign Minister"
    body_country: str | None  # "Kremlin spokesman" -> RU
    international: bool  # "UN envoy", "African Union Commission chairman": no country
    excluded: bool  # "rebel spokesman", "M23 spokesman": not a public official


@dataclass(slots=True)
class Found:
    name: str
    role: str | None
    country: str | None
    known: bool
    first: int
    mentions: int = 1
    kb: Official | None = None
    written_role: bool = False
    surname: str | None = None


class OfficialFinder:
    """Runs over one dispatch's spans; `resolve_country` turns an ambiguous country span into a code."""

    def __init__(
        self,
        text: str,
        cased: str,
        spans: list[Span],
        body_start: int,
        published: date | None,
        resolve_country: Callable[[Span], str | None],
        context_country: Callable[[int], str | None],
        hides_country: Callable[[str], bool] = lambda needle: True,
        names: NameCache | None = None,
    ) -> None:
        self.text, self.cased, self.spans = text, cased, spans
        self.names = names if names is not None else NameCache(hides_country)
        self.body_start, self.published = body_start, published
        self.resolve_country, self.context_country = resolve_country, context_country
        self.hides_country = hides_country
        self.span_starts = {s.start for s in spans}
        self.span_ends = {s.end for s in spans}
        self.found: dict[str, Found] = {}
        self.consumed: set[int] = set()  # span indexes already used as part of another name
        # (phrase start, name start, country of the official): a body inside a role phrase belongs to that country
        self.phrase_countries: list[tuple[int, int, str]] = []
        self._name_span_ends: set[int] | None = None
        # role span end -> end of its portfolio ("Minister" + " for Bougainville Affairs")
        self.portfolios: dict[int, int] = {}
        self.portfolio_ends: set[int] = set()
        self.portfolio_roles: dict[int, int] = {}  # portfolio end -> role word end
        self.place_or_body_ends: set[int] = set()  # filled by _appositions
        self.private_names: list[str] = []  # people described as private persons whose names hide a country
        self._starts = [s.start for s in spans]

    # --- public ----------------------------------------------------------------------------------------------

    def run(self) -> list[Found]:
        surname_spans: list[int] = []
        cased, consumed = self.cased, self.consumed
        for i, span in enumerate(self.spans):
            if i in consumed:
                continue
            official = span.by_kind.get(Kind.OFFICIAL)
            if official is not None:
                if self._inside_longer_name(span) or (
                    _AFTER_NAME.match(cased, span.end) is not None and self._name_goes_on(span, official.ref)
                ):
                    continue
                phrase = self.role_phrase(i, span.start)
                self._add_known(official.ref, span.start, phrase.text if phrase and not phrase.excluded else None)
                country = self.found[official.ref.id].country
                if phrase is not None and country:
                    self.phrase_countries.append((phrase.start, span.start, country))
            elif span.has(Kind.SURNAME) and not span.has(Kind.COUNTRY) and not span.has(Kind.AGENCY):
                surname_spans.append(i)
            elif span.has(Kind.ROLE):
                end = span.end  # a role's portfolio, known before any name after it is read
                if cased.startswith(" of ", end) or cased.startswith(" for ", end):
                    self._add_portfolio(i, end)
                if span.start >= self.body_start:
                    self._unknown_after_role(i, span)
        self._appositions()
        self._aged_people()
        for i in surname_spans:
            if i not in self.consumed:
                self._link_surname(i)
        return sorted(self.found.values(), key=lambda f: f.first)

    def person_ranges(self) -> list[tuple[int, int]]:
        """Where the officials' names (and surnames of unknown ones) and the names of people described as
        private persons occur: no country word there is a country."""
        ranges = []
        for f in self.found.values():
            if f.kb is not None:
                needles = self.names.hiding_names(f.kb)
            else:
                needles = [f.name, f.surname] if f.surname and " " in f.name else [f.name]
                needles = [n for n in needles if self.hides_country(n)]
            ranges += self._occurrences(needles)
        for name in self.private_names:
            ranges += self._occurrences([name], as_subject=" " not in name)
        return ranges

    def _occurrences(self, needles: Iterable[str], as_subject: bool = False) -> list[tuple[int, int]]:
        """Whole-word occurrences of each needle in the text; with `as_subject`, only where a person's name
        would stand ("Danish said", "Danish, who"), not an adjective ("Danish troops")."""
        text, ranges = self.text, []
        for needle in needles:
            pos = text.find(needle)
            while pos != -1:
                end = pos + len(needle)
                if (
                    (pos == 0 or not text[pos - 1].isalnum())
                    and (end >= len(text) or not text[end].isalnum())
                    and (not as_subject or _AS_SUBJECT.match(text, end))
                ):
                    ranges.append((pos, end))
                pos = text.find(needle, end)
        return ranges

    # --- role phrases ----------------------------------------------------------------------------------------

    def _add_portfolio(self, i: int, role_end: int) -> None:
        """A role's portfolio is part of the role: "High Commissioner for Human Rights Zeid", "head of the
        electoral commission Ahmed Issa" (a body named right after "of"/"for" and right before a name)."""
        m = _PORTFOLIO.match(self.cased, role_end)
        end = m.end() if m else None
        if end is None:
            m = _OF_THE.match(self.cased, role_end)
            body = self.spans[i + 1] if m and i + 1 < len(self.spans) else None
            after = self.cased[body.end : body.end + 3] if body is not None else ""
            if (
                body is not None
                and body.start == m.end()
                and body.has(Kind.AGENCY)
                and ((after[:1] == " " and after[1:2].isupper()) or (after[:2] == ", " and after[2:3].isupper()))
            ):
                end = body.end  # "head of the electoral commission X" / "head of the commission, X,"
        if end is not None:
            self.portfolios[role_end] = end
            self.portfolio_ends.add(end)
            self.portfolio_roles[end] = role_end

    def role_phrase(self, index: int, name_start: int) -> RolePhrase | None:
        """The role written right before a name (spans[index] is the name or the first span after the role)."""
        j = index - 1
        cursor = name_start
        role_start = role_end = None
        adjective = body_country = None
        international = False
        first = True
        portfolio_end = (
            cursor - 1
            if cursor - 1 in self.portfolio_ends
            else cursor - 2
            if cursor - 2 in self.portfolio_ends and self.cased[cursor - 2] == ","
            else None
        )
        if portfolio_end is not None:
            # "Minister for Bougainville Affairs X", "head of the electoral commission X": the role ends at its
            # portfolio; step back to the role word itself
            role_word_end = self.portfolio_roles[portfolio_end]
            while j >= 0 and self.spans[j].end > role_word_end:
                agency = self.spans[j].first(Kind.AGENCY)
                if agency is not None and agency.ref.kind == "international":
                    international = True
                elif agency is not None and agency.ref.country:
                    body_country = agency.ref.country
                j -= 1
            if j >= 0 and self.spans[j].end == role_word_end:
                role_end, role_start, cursor, first = portfolio_end, self.spans[j].start, self.spans[j].start, False
                j -= 1
        while j >= 0:
            span = self.spans[j]
            gap = self.cased[span.end : cursor]
            if not self._gap_ok(gap, first, span):
                break
            first = False
            if span.has(Kind.ROLE) or (span.has(Kind.AGENCY) and role_end is not None):
                role_end = span.end if role_end is None else role_end
                role_start = span.start
                agency = span.first(Kind.AGENCY)
                if agency is not None:
                    if agency.ref.kind == "international":
                        international = True
                    elif agency.ref.country:
                        body_country = agency.ref.country
                cursor = span.start
                j -= 1
                continue
            if span.has(Kind.COUNTRY) and role_end is not None:
                code, form = span.first(Kind.COUNTRY).ref
                code = self.resolve_country(span) if form == "ambiguous" else code
                if form == "capital" and not gap.startswith("'"):
                    body_country = code  # "Kremlin spokesman", "White House press secretary"
                else:
                    adjective = code
            break
        if role_end is None:
            return None
        role_start = self._extend_left(role_start)
        excluded = self._excluded(role_start, self.cased[role_start:role_end]) or (
            self.cased[role_start - 3 : role_start - 1] == "'s" and self._private_aide(role_start)
        )
        return RolePhrase(
            self.text[role_start:role_end].strip(), role_start, adjective, body_country, international, excluded
        )

    def _gap_ok(self, gap: str, first: bool, span: Span) -> bool:
        if gap in (" ", ""):
            return True
        if "\n" in gap:
            return False
        if span.has(Kind.COUNTRY):
            for possessive in ("'s ", "' ", ", whose "):  # "Iran's", "Chad's transitional", "Nigeria, whose"
                if gap.startswith(possessive):
                    rest = gap[len(possessive) :].split()
                    return len(rest) <= 2 and all(w.lower() in ROLE_MODIFIERS for w in rest)
        if first and gap == ", ":
            return True
        words = gap.strip().split()
        if (
            first
            and gap.startswith(" ")
            and gap.endswith(" ")
            and words
            and len(words) <= 3
            and all(w.lower().rstrip(".") in _HONORIFIC_KEYS for w in words)
        ):
            return True
        return (
            bool(words)
            and len(words) <= 2
            and gap.startswith(" ")
            and gap.endswith(" ")
            and all(w.lower() in ROLE_MODIFIERS for w in words)
        )

    def _extend_left(self, start: int) -> int:
        """Take in modifiers and capitalised words before the role ("Acting Homeland Security Secretary")."""
        for _ in range(3):
            if start < 2 or self.cased[start - 1] != " " or start - 1 in self.span_ends:
                break
            i = start - 2
            while i > 0 and not self.cased[i - 1].isspace():
                i -= 1
            word = self.cased[i : start - 1]
            if (
                not word
                or not (word[0].isupper() or word.lower() in ROLE_MODIFIERS)
                or word.lower() in NAME_STOPWORDS
                or not word.replace("-", "").replace(".", "").isalnum()
            ):
                break
            if word.lower() in NON_OFFICIAL_QUALIFIERS or _ACRONYM.match(word):
                return i  # keep it in the phrase so _excluded sees it
            start = i
        return start

    def _excluded(self, start: int, phrase: str) -> bool:
        words = phrase.split()
        before = self.cased[max(0, start - 30) : start].split()
        candidates = words[:1] + before[-1:]
        for w in candidates:
            w = w.strip(",'\"")
            if w.lower() == "opposition" and phrase.lower().endswith(LEGISLATOR_ROLES):
                continue  # "opposition lawmaker X" holds a public seat
            if w.lower() in NON_OFFICIAL_QUALIFIERS or (_ACRONYM.match(w) and not self._is_known_acronym(w)):
                return True
        return False

    def _private_aide(self, role_start: int) -> bool:
        """ "Chamisa's spokesman X": the aide of a person who holds no office the dispatch names is a party or
        private aide. An official's aide ("Putin's spokesman") or a country's ("Iran's") is public."""
        if role_start < 4 or self.cased[role_start - 1] != " " or self.cased[role_start - 3 : role_start - 1] != "'s":
            return False
        owner_end = role_start - 3
        owner_start = self.cased.rfind(" ", 0, owner_end) + 1
        owner = self.cased[owner_start:owner_end]
        if not owner[:1].isupper() or not owner.isalpha() or owner.lower() in NAME_STOPWORDS:
            return False
        k = self._span_at_or_after(owner_start)
        if k < len(self.spans) and self.spans[k].start < owner_end:
            return False  # a country, a body, a known official or a role word
        return self._find_by_surname(owner) is None

    def _is_known_acronym(self, word: str) -> bool:
        """A body the KB knows by this acronym, or whose name the dispatch spells out ("Central Election
        Commission" ... "CEC spokeswoman"); an unexplained acronym ("M23") is more likely an armed group."""
        pos = self.cased.find(word)
        if pos in self.span_starts:
            return True
        for span in self.spans:
            if span.has(Kind.AGENCY):
                # the body's words and the capitalised words leading into it ("Central" + "Election Commission")
                words = self.cased[max(0, span.start - 40) : span.start].split()[-3:]
                while (words and not words[0][:1].isupper()) or (words and words[0].lower() in NAME_STOPWORDS):
                    words.pop(0)
                words += self.cased[span.start : span.end].split()
                initials = "".join(w[0] for w in words if w[0].isupper())
                if initials.endswith(word):
                    return True
        return False

    # --- known officials -------------------------------------------------------------------------------------

    def _inside_longer_name(self, span: Span, sentence_start_too: bool = False) -> bool:
        """'Mahamat Idriss Deby' contains the alias 'Idriss Deby' but is another person.

        With `sentence_start_too`, a capitalised word opening the sentence counts as a given name as well
        ("Fatima Rahimi, a student" is not the minister Rahimi): wire copy opens sentences with names, and
        the openers that are not names ("But", "The", "On Monday") are stop words.
        """
        if (
            span.start < 2
            or self.cased[span.start - 1] != " "
            or span.start - 1 in self.span_ends
            or span.start - 1 in self.portfolio_ends
        ):
            return False
        i = span.start - 2
        while i > 0 and self.cased[i - 1].isalpha():
            i -= 1
        word = self.cased[i : span.start - 1]
        if (
            not word
            or not word[0].isupper()
            or not word.isalpha()
            or word.lower() in NAME_STOPWORDS
            or word.lower() in _HONORIFIC_KEYS
            or word.lower() in NON_OFFICIAL_QUALIFIERS
        ):
            return False
        if sentence_start_too and i >= self.body_start:
            return True
        j = i - 1
        while j >= 0 and self.cased[j] in " \"'(":
            j -= 1
        return not (j < 0 or self.cased[j] in ".!?\n:;")

    def _name_goes_on(self, span: Span, official: Official) -> bool:
        """The match is not this official when the words after it make it a place named after him ("Imam
        Khomeini airport") or a longer name ("Ahmed Khalifa al-Shami" is not the official "Ahmed Khalifa")."""
        after = self._word_after(span.end)
        if not after:
            return False
        lowered = after.lower()
        if lowered in NAMED_AFTER_NOUNS:
            return True
        if span.start < self.body_start:
            return False  # headlines capitalise every word
        if after[0].isupper():
            longer = lowered not in NAME_STOPWORDS and span.end + 1 not in self.span_starts
        elif lowered in NAME_PARTICLES and lowered not in NAME_STOPWORDS:  # not "Erdogan as President"
            longer = self._word_after(span.end + 1 + len(after))[:1].isupper()
        else:
            longer = "-" in after and _is_particle_name(after)  # "al-Shami"
        # "President Xi Jinping": the alias "President Xi" and the rest of the same name
        return longer and fold(after) not in self.names.words(official)

    def _named_after(self, end: int) -> bool:
        """'Imam Khomeini airport', 'Sheikh Zayed Road': a place named after a person is not a mention."""
        return self._word_after(end).lower() in NAMED_AFTER_NOUNS

    def _add_known(self, official: Official, offset: int, role: str | None) -> None:
        record = self.found.get(official.id)
        if record is None:
            kb_role = official.role_on(self.published)
            self.found[official.id] = Found(
                official.name,
                role or (kb_role.title if kb_role else None),
                kb_role.country if kb_role else None,
                True,
                offset,
                kb=official,
                written_role=bool(role),
            )
            return
        record.mentions += 1
        record.first = min(record.first, offset)
        if role and not record.written_role:
            record.role, record.written_role = role, True

    def _link_surname(self, i: int) -> None:
        span = self.spans[i]
        if self._embedded_in_other_name(span) or self._named_after(span.end):
            return
        candidates: tuple[Official, ...] = span.first(Kind.SURNAME).ref
        if not any(o.id in self.found for o in candidates) and self._inside_longer_name(span, sentence_start_too=True):
            return  # first mention is "Fatima Rahimi": another person than the official Rahimi
        phrase = self.role_phrase(i, span.start)
        role = phrase.text if phrase and not phrase.excluded else None
        present = [o for o in candidates if o.id in self.found]
        if present:
            self._add_known(present[0], span.start, role)
            return
        if len(candidates) == 1:
            self._add_known(candidates[0], span.start, role)
            return
        if self.published is not None:
            valid = [o for o in candidates if any(r.valid_on(self.published) for r in o.roles)]
            if len(valid) == 1:
                self._add_known(valid[0], span.start, role)

    def _embedded_in_other_name(self, span: Span) -> bool:
        """'Stacey Abrams' is not Elliott Abrams; 'Gabriel Boric' is not Sigmar Gabriel."""
        after = self._word_after(span.end)
        if (
            after
            and after[0].isupper()
            and after.lower() not in NAME_STOPWORDS
            and span.end + 1 not in self.span_starts
        ):
            return True
        return self._inside_longer_name(span)

    def _word_after(self, end: int) -> str:
        if self.cased[end : end + 1] != " ":
            return ""
        return _WORD_AFTER.match(self.cased, end + 1).group(0)

    # --- unknown officials -----------------------------------------------------------------------------------

    def _unknown_after_role(self, i: int, span: Span) -> None:
        nxt = self.spans[i + 1] if i + 1 < len(self.spans) else None
        if (
            nxt is not None
            and (nxt.has(Kind.ROLE) or nxt.has(Kind.AGENCY))
            and not self.cased[span.end : nxt.start].strip()
        ):
            return  # not the last word of the role phrase
        role_end = pos = self.portfolios.get(span.end, span.end)
        if self.cased.startswith(", ", pos):
            pos += 2
        elif self.cased.startswith(" ", pos):
            pos += 1
        else:
            return
        head = self.cased[pos : pos + 1]
        if not head.isupper() and head not in _PARTICLE_INITIALS:
            return  # "the president said": no name follows (decided before running the name pattern)
        if (
            nxt is not None
            and nxt.start == pos
            and Kind.OFFICIAL in nxt.by_kind
            and _AFTER_NAME.match(self.cased, nxt.end) is None
            and not self._inside_longer_name(nxt)
        ):
            return  # "President Vladimir Putin said": a known official, handled by its own span
        m = _NAME_RUN.match(self.cased, pos)
        if not m:
            return
        tokens = self._name_tokens(m.group(0))
        if not tokens or (len(tokens) < 2 and span.end in self.portfolios):
            return  # "director of Human Rights Watch": one capitalised word after a portfolio ends a body's name
        name_start = self.cased.index(tokens[0], pos)
        name_end = name_start + len(" ".join(tokens))
        if pos == role_end + 2 and not (name_end >= len(self.cased) or self.cased[name_end] in ",.;"):
            return  # "president, X" must be a closed apposition
        inner = [k for k in range(i + 1, len(self.spans)) if pos <= self.spans[k].start < name_end]
        for k in inner:
            other = self.spans[k]
            if (
                other.first(Kind.OFFICIAL) is not None
                and not self._inside_longer_name(other)
                and not self._name_goes_on(other, other.first(Kind.OFFICIAL).ref)
            ):
                return  # a known official: handled by its own span
            if other.has(Kind.ROLE) or other.has(Kind.AGENCY) or other.has(Kind.NON_COUNTRY):
                return
            country = other.first(Kind.COUNTRY)
            if country is not None and country.ref[1] != "ambiguous" and len(tokens) == 1:
                return
        name = self.text[name_start:name_end].rstrip(".'’")
        if name.endswith("'s") or name.endswith("’s"):
            name = name[:-2]
        phrase = (
            self.role_phrase(i + 1, name_start)
            if i + 1 < len(self.spans)
            else self.role_phrase(len(self.spans), name_start)
        )
        if phrase is None or phrase.excluded:
            return
        if len(tokens) == 1:
            if any(self.spans[k].has(Kind.SURNAME) for k in inner):
                return  # a known official's surname: linked with its own span
            linked = self._find_by_surname(name)
            if linked is not None:
                linked.mentions += 1
                return
        self.consumed.update(inner)
        key = "u:" + fold(name)
        if key in self.found:
            self.found[key].mentions += 1
            return
        if phrase.adjective_country:
            country = phrase.adjective_country
        elif phrase.international:
            country = None
        else:
            country = phrase.body_country or self.context_country(phrase.start)
        surname = tokens[-1].split("-")[-1].rstrip(".'’") if len(tokens) > 1 else None
        self.found[key] = Found(name, phrase.text, country, False, name_start, surname=surname)
        if country and (phrase.adjective_country or phrase.body_country):
            self.phrase_countries.append((phrase.start, name_start, country))

    # --- appositions: "Hameed Ali, Comptroller-General of the Customs Service, said" ----------------------------

    def _aged_people(self) -> None:
        """ "Ahmad Danish, a 27-year-old shopkeeper": a private person; a country word in the name ("Danish")
        is the person's name there and wherever the name recurs."""
        if "-year-old" not in self.cased:
            return
        for m in _AGED.finditer(self.cased, self.body_start):
            _, tokens = self._name_before(m.start())
            name = " ".join(tokens)
            if len(tokens) >= 2 and self.hides_country(name):
                self.private_names += [name, tokens[-1]] if self.hides_country(tokens[-1]) else [name]

    def _appositions(self) -> None:
        """Officials described after their name: "X, a spokesman for the army", "X, who heads the commission"."""
        text = self.cased
        role_kind, agency_kind, country_kind = Kind.ROLE, Kind.AGENCY, Kind.COUNTRY
        role_starts = [s.start for s in self.spans if role_kind in s.by_kind or agency_kind in s.by_kind]
        if not role_starts:
            return
        self.place_or_body_ends = {
            s.end
            for s in self.spans
            if agency_kind in s.by_kind or (country_kind in s.by_kind and Kind.SURNAME not in s.by_kind)
        }
        pos = text.find(", ", self.body_start)
        while pos != -1:
            k = bisect.bisect_left(role_starts, pos)
            if k == len(role_starts):
                break  # no role or body named after this comma
            if (
                role_starts[k] <= pos + 80
                and pos not in self.place_or_body_ends
                and not (text[pos + 2 : pos + 3].isupper() and pos + 2 not in self.span_starts)
            ):
                # a role soon after; not "Abuja, the capital" nor "Ali, Musa and Obi"
                word_start = text.rfind(" ", 0, pos) + 1
                if text[word_start].isupper() or _is_particle_name(text[word_start:pos]):
                    described = self._describe(pos + 2)
                    if described is not None:
                        self._add_apposition(pos, *described)
            pos = text.find(", ", pos + 2)

    def _describe(self, pos: int) -> tuple[str, str | None, bool] | None:
        """The role an apposition starting at `pos` gives: (role text, country, international) or None."""
        text = self.cased
        head_of = False
        for article in ("a ", "an ", "the "):
            if text.startswith(article, pos):
                pos += len(article)
                break
        else:
            m = _WHO_VERB.match(text, pos)
            if m:
                head_of = m.group(1) != "is" and m.group(1) != "was" and not m.group(1).startswith("serve")
                pos = m.end()
                if text.startswith("the ", pos):
                    pos += 4
        i = self._span_at_or_after(pos)
        cursor = pos
        country: str | None = None
        international = False
        role_end = role_start = None
        public = False  # a country or a public body named in the description
        free_words = 0
        for _ in range(8):
            while cursor < len(text) and text[cursor] == " ":
                cursor += 1
            span = self.spans[i] if i < len(self.spans) else None
            if span is not None and span.start == cursor:
                agency = span.first(Kind.AGENCY)
                if span.has(Kind.ROLE) and not (head_of and agency is not None):
                    role_start, role_end = span.start, span.end
                    while (
                        i + 1 < len(self.spans)
                        and self.spans[i + 1].start == role_end + 1
                        and self.spans[i + 1].has(Kind.ROLE)
                        and text[role_end] == " "
                    ):
                        i += 1  # "deputy" + "chief of the General Staff": one role
                        role_end = self.spans[i].end
                    break
                if agency is not None:
                    public = public or agency.ref.kind != "news_agency"
                    if country is None and not international:
                        international = agency.ref.kind == "international"
                        country = agency.ref.country
                    if head_of:
                        role_start, role_end = span.start, span.end
                        break
                elif span.has(Kind.COUNTRY):
                    public = True
                    code, form = span.first(Kind.COUNTRY).ref
                    if country is None and not international:
                        country = self.resolve_country(span) if form == "ambiguous" else code
                else:
                    return None  # a person or place: not a description of the name before
                cursor = span.end
                if text.startswith("'s", cursor) or text.startswith("' ", cursor):
                    cursor += 2 if text.startswith("'s", cursor) else 1
                i += 1
                continue
            m = _WORD.match(text, cursor)
            if not m:
                return None
            word = m.group(0)
            lowered = word.lower()
            if lowered in NON_OFFICIAL_QUALIFIERS or lowered.rstrip("'s") in NON_OFFICIAL_QUALIFIERS:
                return None
            if not (lowered in ROLE_MODIFIERS or lowered in DESCRIPTOR_POSSESSIVES or lowered in _HONORIFIC_KEYS):
                if not word.isalpha() or not word.islower() or lowered in NAME_STOPWORDS or free_words >= 2:
                    return None
                free_words += 1
            cursor = m.end()
        if role_end is None:
            return None
        if head_of:
            pos = self.cased.rfind(" ", 0, pos - 1) + 1 if not text.startswith("the ", pos - 4) else pos - 4
        end = self._clause_end(role_end)
        if country is None and not international:
            country, international, named_body = self._country_in(role_end, end)
            public = public or named_body
        role = self.text[pos:end].strip().rstrip(",")
        if head_of:
            role = "head of " + self.text[self._after_who_verb(pos) : end].strip()
        if len(role) > 120:
            role = self.text[pos:role_end].strip()
        words = set(fold(role).replace("'s", "").replace("-", " ").split())
        if words & PRIVATE_BODY_WORDS:
            return None  # "chairman of the National Turkey Federation": not a public office
        if (
            not public
            and not words & PUBLIC_WORDS
            and not set(fold(self.cased[role_start:role_end]).replace("-", " ").split()) & PUBLIC_ROLE_WORDS
        ):
            return None  # "chairman of JPMorgan Chase", "a spokesman for the company": a title, no public office
        return role, country, international

    def _country_in(self, start: int, end: int) -> tuple[str | None, bool, bool]:
        """The first body or country named in [start, end) ("head of the UN Mission in South Sudan" -> UN):
        (country, international, a public body or a country is named there)."""
        public = False
        for k in range(self._span_at_or_after(start), len(self.spans)):
            span = self.spans[k]
            if span.start >= end:
                break
            agency = span.first(Kind.AGENCY)
            if agency is not None and agency.ref.kind != "news_agency":
                public = True
                if agency.ref.kind == "international" or agency.ref.country:
                    return agency.ref.country, agency.ref.kind == "international", True
            country = span.first(Kind.COUNTRY)
            if country is not None and country.ref[1] != "capital":
                code, form = country.ref
                return (self.resolve_country(span) if form == "ambiguous" else code), False, True
        return None, False, public

    def _after_who_verb(self, pos: int) -> int:
        m = _WHO_VERB.match(self.cased, self.cased.rfind("who ", 0, pos + 1))
        return m.end() if m else pos

    def _clause_end(self, pos: int) -> int:
        """Where a description ends: punctuation, a quote or the reporting verb."""
        m = _CLAUSE_END.search(self.cased, pos, min(len(self.cased), pos + 100))
        return m.start() if m else pos

    def _span_at_or_after(self, pos: int) -> int:
        return bisect.bisect_left(self._starts, pos)

    def _add_apposition(self, comma: int, role: str, country: str | None, international: bool) -> None:
        k = self._span_at_or_after(comma) - 1
        before = self.spans[k] if k >= 0 else None
        if before is not None and before.end == comma and before.has(Kind.OFFICIAL):
            record = self.found.get(before.first(Kind.OFFICIAL).ref.id)
            if record is not None:
                self._give_role(record, role)
            return
        name_start, tokens = self._name_before(comma)
        if not tokens or any(t.lower().strip(".'’") in BODY_NOUNS for t in tokens):
            return
        name = " ".join(tokens)
        for j in range(k, -1, -1):
            if self.spans[j].end <= name_start:
                break
            official = self.spans[j].first(Kind.OFFICIAL)
            record = self.found.get(official.ref.id) if official is not None else None
            if record is not None:  # "Dr Tedros Adhanom Ghebreyesus, director-general of the WHO"
                self._give_role(record, role)
                return
        inner = [j for j in range(k, -1, -1) if self.spans[j].start >= name_start]
        for j in inner:
            if not self.spans[j].has(Kind.SURNAME) and not self.spans[j].has(Kind.OFFICIAL):
                return  # a country, body or role word inside: not a personal name
        key = "u:" + fold(name)
        record = self.found.get(key) or (self._find_by_surname(tokens[-1]) if len(tokens) == 1 else None)
        if record is not None:
            self._give_role(record, role)
            return
        if len(tokens) < 2:
            return
        self.consumed.update(inner)
        if country is None and not international:
            country = self.context_country(name_start)
        self.found[key] = Found(name, role, country, False, name_start, surname=tokens[-1].split("-")[-1])

    @staticmethod
    def _give_role(record: Found, role: str) -> None:
        """A written description beats the knowledge base's title and a bare rank ("Colonel")."""
        if not record.written_role or (
            record.role and all(w.strip(".").lower() in RANK_WORDS for w in record.role.split())
        ):
            record.role, record.written_role = role, True

    def _name_before(self, comma: int) -> tuple[int, list[str]]:
        """The capitalised name that ends at `comma`, without titles, honorifics and role words before it."""
        text = self.cased
        tokens: list[str] = []
        start = j = comma
        while len(tokens) < 6 and j > 0:
            k = j
            while k > 0 and not text[k - 1].isspace():
                k -= 1
            tok = text[k:j]
            if not _NAME_TOKEN.match(tok):
                break
            lowered = tok.lower()
            if tok.endswith(".") and len(tok.strip(".")) > 2 and lowered.rstrip(".") not in _HONORIFIC_KEYS:
                break  # "the United Nations. Selim Karaca": the sentence before ends there
            if (
                not (tok[0].isupper() or lowered in NAME_PARTICLES or _is_particle_name(tok))
                or lowered in NAME_STOPWORDS
            ):
                break
            tokens.insert(0, self.text[k:j])
            start = k
            if k == 0 or text[k - 1] != " " or (k - 1 in self.span_ends and (k - 1) not in self._name_ends()):
                break
            j = k - 1
        # drop what comes before the name proper: a role ("Colonel"), an honorific ("Justice"), particles
        while tokens and (
            tokens[0].lower() in NAME_PARTICLES
            or tokens[0].lower().rstrip(".") in _HONORIFIC_KEYS
            or self._is_role_at(start)
        ):
            start += len(tokens[0]) + 1
            tokens.pop(0)
        return start, tokens

    def _name_ends(self) -> set[int]:
        if self._name_span_ends is None:
            self._name_span_ends = {s.end for s in self.spans if s.has(Kind.SURNAME) or s.has(Kind.OFFICIAL)}
        return self._name_span_ends

    def _is_role_at(self, start: int) -> bool:
        k = self._span_at_or_after(start)
        if k < len(self.spans) and self.spans[k].start == start and self.spans[k].has(Kind.ROLE):
            return True
        return any(s.start < start < s.end and s.has(Kind.ROLE) for s in self.spans[max(0, k - 1) : k])

    @staticmethod
    def _name_tokens(run: str) -> list[str]:
        tokens = run.split(" ")
        while tokens and tokens[0].lower().rstrip(".") in _HONORIFIC_KEYS:
            tokens.pop(0)
        kept: list[str] = []
        for tok in tokens:
            bare = tok.lower().strip(".'’")
            if bare in NAME_STOPWORDS or (bare.endswith("'s") and bare[:-2] in NAME_STOPWORDS):
                break
            if bare in BODY_NOUNS:
                return []  # "chairman of the House Intelligence Committee": a body, not a person
            kept.append(tok)
            if tok.endswith(".") and len(tok.strip(".").replace(".", "")) > 2:
                break  # "Trump. He said": a full stop after a word (not an initial) ends the sentence
        return kept

    def _find_by_surname(self, token: str) -> Found | None:
        folded = fold(token)
        for record in self.found.values():
            names = [record.name] + (list(record.kb.aliases) + list(record.kb.surnames) if record.kb else [])
            for n in names:
                parts = fold(n).replace("-", " ").split()
                if parts and parts[-1] == folded:
                    return record
        return None

    def count_unknown_surnames(self) -> None:
        unknown = [f for f in self.found.values() if not f.known and f.surname and " " in f.name]
        if not unknown:
            return
        text = self.text
        for f in unknown:
            # whole-word occurrences in the body (str.find: a regex per dispatch would be compiled every time)
            count, width = 0, len(f.surname)
            pos = text.find(f.surname, self.body_start)
            while pos != -1:
                end = pos + width
                if not (text[pos - 1 : pos].isalnum() or text[pos - 1 : pos] == "_") and not (
                    text[end : end + 1].isalnum() or text[end : end + 1] == "_"
                ):
                    count += 1
                pos = text.find(f.surname, end)
            f.mentions = max(f.mentions, count)
