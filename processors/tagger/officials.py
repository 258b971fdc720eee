"""Officials: known ones from the knowledge base, unknown ones from "role + capitalised name" patterns,
and later surname-only mentions linked to the full name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Callable

from processors.tagger.kb import Official
from processors.tagger.matcher import Kind, Span
from processors.tagger.textfold import fold
from processors.tagger.vocab import HONORIFICS, NAME_STOPWORDS, NON_OFFICIAL_QUALIFIERS, ROLE_MODIFIERS

_PARTICLE = r"(?:(?:al|el|ad|as|ash|bin|ibn|de|da|di|du|van|von|der|la|le|dos|das|del|abu|ould|ag)[ -])?"
_NAME_RUN = re.compile(_PARTICLE + r"[A-Z][\w'’.\-]*(?: " + _PARTICLE + r"[A-Z][\w'’.\-]*){0,5}")
_HONORIFIC_KEYS = frozenset(h.rstrip(".") for h in HONORIFICS)
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]{1,6}$")


@dataclass(slots=True)
class RolePhrase:
    text: str
    start: int
    adjective_country: str | None   # "Turkish Foreign Minister", "Iran's Foreign Minister"
    body_country: str | None        # "Kremlin spokesman" -> RU
    international: bool             # "UN envoy", "African Union Commission chairman": no country
    excluded: bool                  # "rebel spokesman", "M23 spokesman": not a public official


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

    def __init__(self, text: str, cased: str, spans: list[Span], body_start: int, published: date | None,
                 resolve_country: Callable[[Span], str | None], context_country: Callable[[int], str | None],
                 hides_country: Callable[[str], bool] = lambda needle: True) -> None:
        self.text, self.cased, self.spans = text, cased, spans
        self.body_start, self.published = body_start, published
        self.resolve_country, self.context_country = resolve_country, context_country
        self.hides_country = hides_country
        self.span_starts = {s.start for s in spans}
        self.span_ends = {s.end for s in spans}
        self.found: dict[str, Found] = {}
        self.consumed: set[int] = set()  # span indexes already used as part of another name
        # (phrase start, name start, country of the official): a body inside a role phrase belongs to that country
        self.phrase_countries: list[tuple[int, int, str]] = []

    # --- public ----------------------------------------------------------------------------------------------

    def run(self) -> list[Found]:
        surname_spans: list[int] = []
        for i, span in enumerate(self.spans):
            if i in self.consumed:
                continue
            official = span.first(Kind.OFFICIAL)
            if official is not None:
                if self._inside_longer_name(span):
                    continue
                phrase = self.role_phrase(i, span.start)
                self._add_known(official.ref, span.start, phrase.text if phrase and not phrase.excluded else None)
                country = self.found[official.ref.id].country
                if phrase is not None and country:
                    self.phrase_countries.append((phrase.start, span.start, country))
            elif span.has(Kind.SURNAME) and not span.has(Kind.COUNTRY) and not span.has(Kind.AGENCY):
                surname_spans.append(i)
            elif span.has(Kind.ROLE) and span.start >= self.body_start:
                self._unknown_after_role(i, span)
        for i in surname_spans:
            if i not in self.consumed:
                self._link_surname(i)
        return sorted(self.found.values(), key=lambda f: f.first)

    def person_ranges(self) -> list[tuple[int, int]]:
        """Where the officials' names (and surnames of unknown ones) occur: no country word there is a country."""
        ranges = []
        for f in self.found.values():
            needles = {f.name}
            if not f.known and f.surname and " " in f.name:
                needles.add(f.surname)
            if f.kb is not None:
                needles.update(f.kb.aliases)
                needles.update(f.kb.surnames)
                needles.add(f.name.split()[-1])  # named in full here, so "Danish told reporters" is the person
            for needle in needles:
                if not self.hides_country(needle):
                    continue
                pos = self.text.find(needle)
                while pos != -1:
                    end = pos + len(needle)
                    if (pos == 0 or not self.text[pos - 1].isalnum()) and (end >= len(self.text) or not self.text[end].isalnum()):
                        ranges.append((pos, end))
                    pos = self.text.find(needle, end)
        return ranges

    # --- role phrases ----------------------------------------------------------------------------------------

    def role_phrase(self, index: int, name_start: int) -> RolePhrase | None:
        """The role written right before a name (spans[index] is the name or the first span after the role)."""
        j = index - 1
        cursor = name_start
        role_start = role_end = None
        adjective = body_country = None
        international = False
        first = True
        while j >= 0:
            span = self.spans[j]
            gap = self.cased[span.end:cursor]
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
        excluded = self._excluded(role_start, self.cased[role_start:role_end])
        return RolePhrase(self.text[role_start:role_end].strip(), role_start, adjective, body_country, international,
                          excluded)

    def _gap_ok(self, gap: str, first: bool, span: Span) -> bool:
        if gap in (" ", ""):
            return True
        if "\n" in gap:
            return False
        if span.has(Kind.COUNTRY):
            for possessive in ("'s ", "' ", ", whose "):  # "Iran's", "Chad's transitional", "Nigeria, whose"
                if gap.startswith(possessive):
                    rest = gap[len(possessive):].split()
                    return len(rest) <= 2 and all(w.lower() in ROLE_MODIFIERS for w in rest)
        if first and gap == ", ":
            return True
        words = gap.strip().split()
        if first and gap.startswith(" ") and gap.endswith(" ") and words and len(words) <= 3 \
                and all(w.lower().rstrip(".") in _HONORIFIC_KEYS for w in words):
            return True
        return bool(words) and len(words) <= 2 and gap.startswith(" ") and gap.endswith(" ") \
            and all(w.lower() in ROLE_MODIFIERS for w in words)

    def _extend_left(self, start: int) -> int:
        """Take in modifiers and capitalised words before the role ("Acting Homeland Security Secretary")."""
        for _ in range(3):
            if start < 2 or self.cased[start - 1] != " " or start - 1 in self.span_ends:
                break
            i = start - 2
            while i > 0 and not self.cased[i - 1].isspace():
                i -= 1
            word = self.cased[i:start - 1]
            if not word or not (word[0].isupper() or word.lower() in ROLE_MODIFIERS) or word.lower() in NAME_STOPWORDS \
                    or not word.replace("-", "").replace(".", "").isalnum():
                break
            if word.lower() in NON_OFFICIAL_QUALIFIERS or _ACRONYM.match(word):
                return i  # keep it in the phrase so _excluded sees it
            start = i
        return start

    def _excluded(self, start: int, phrase: str) -> bool:
        words = phrase.split()
        before = self.cased[max(0, start - 30):start].split()
        candidates = words[:1] + before[-1:]
        for w in candidates:
            w = w.strip(",'\"")
            if w.lower() in NON_OFFICIAL_QUALIFIERS or (_ACRONYM.match(w) and not self._is_known_acronym(w)):
                return True
        return False

    def _is_known_acronym(self, word: str) -> bool:
        pos = self.cased.find(word)
        return pos in self.span_starts

    # --- known officials -------------------------------------------------------------------------------------

    def _inside_longer_name(self, span: Span) -> bool:
        """'Mahamat Idriss Deby' contains the alias 'Idriss Deby' but is another person."""
        if span.start < 2 or self.cased[span.start - 1] != " " or span.start - 1 in self.span_ends:
            return False
        i = span.start - 2
        while i > 0 and self.cased[i - 1].isalpha():
            i -= 1
        word = self.cased[i:span.start - 1]
        if not word or not word[0].isupper() or not word.isalpha() or word.lower() in NAME_STOPWORDS \
                or word.lower() in _HONORIFIC_KEYS:
            return False
        j = i - 1
        while j >= 0 and self.cased[j] in " \"'(":
            j -= 1
        return not (j < 0 or self.cased[j] in ".!?\n:;")

    def _add_known(self, official: Official, offset: int, role: str | None) -> None:
        record = self.found.get(official.id)
        if record is None:
            kb_role = official.role_on(self.published)
            self.found[official.id] = Found(official.name, role or (kb_role.title if kb_role else None),
                                            kb_role.country if kb_role else None, True, offset, kb=official,
                                            written_role=bool(role))
            return
        record.mentions += 1
        record.first = min(record.first, offset)
        if role and not record.written_role:
            record.role, record.written_role = role, True

    def _link_surname(self, i: int) -> None:
        span = self.spans[i]
        if self._embedded_in_other_name(span):
            return
        candidates: tuple[Official, ...] = span.first(Kind.SURNAME).ref
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
        if after and after[0].isupper() and after.lower() not in NAME_STOPWORDS and span.end + 1 not in self.span_starts:
            return True
        return self._inside_longer_name(span)

    def _word_after(self, end: int) -> str:
        if end + 1 >= len(self.cased) or self.cased[end] != " ":
            return ""
        j = end + 1
        while j < len(self.cased) and (self.cased[j].isalnum() or self.cased[j] in "-'"):
            j += 1
        return self.cased[end + 1:j]

    # --- unknown officials -----------------------------------------------------------------------------------

    def _unknown_after_role(self, i: int, span: Span) -> None:
        nxt = self.spans[i + 1] if i + 1 < len(self.spans) else None
        if nxt is not None and (nxt.has(Kind.ROLE) or nxt.has(Kind.AGENCY)) and not self.cased[span.end:nxt.start].strip():
            return  # not the last word of the role phrase
        pos = span.end
        if self.cased.startswith(", ", pos):
            pos += 2
        elif self.cased.startswith(" ", pos):
            pos += 1
        else:
            return
        m = _NAME_RUN.match(self.cased, pos)
        if not m:
            return
        tokens = self._name_tokens(m.group(0))
        if not tokens:
            return
        name_start = self.cased.index(tokens[0], pos)
        name_end = name_start + len(" ".join(tokens))
        if pos == span.end + 2 and not (name_end >= len(self.cased) or self.cased[name_end] in ",.;"):
            return  # "president, X" must be a closed apposition
        inner = [k for k in range(i + 1, len(self.spans)) if self.spans[k].start < name_end]
        for k in inner:
            other = self.spans[k]
            if other.first(Kind.OFFICIAL) is not None and not self._inside_longer_name(other):
                return  # a known official: handled by its own span
            if other.has(Kind.ROLE) or other.has(Kind.AGENCY) or other.has(Kind.NON_COUNTRY):
                return
            country = other.first(Kind.COUNTRY)
            if country is not None and country.ref[1] != "ambiguous" and len(tokens) == 1:
                return
        name = self.text[name_start:name_end].rstrip(".'’")
        if name.endswith("'s") or name.endswith("’s"):
            name = name[:-2]
        phrase = self.role_phrase(i + 1, name_start) if i + 1 < len(self.spans) else self.role_phrase(len(self.spans), name_start)
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

    @staticmethod
    def _name_tokens(run: str) -> list[str]:
        tokens = run.split(" ")
        while tokens and tokens[0].lower().rstrip(".") in _HONORIFIC_KEYS:
            tokens.pop(0)
        kept: list[str] = []
        for tok in tokens:
            bare = tok.lower().strip(".'’")
            if bare in NAME_STOPWORDS or bare.endswith("'s") and bare[:-2] in NAME_STOPWORDS:
                break
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
        pattern = re.compile(r"\b(?:" + "|".join(re.escape(f.surname) for f in unknown) + r")\b")
        counts: dict[str, int] = {}
        for m in pattern.finditer(self.text, self.body_start):
            counts[m.group(0)] = counts.get(m.group(0), 0) + 1
        for f in unknown:
            f.mentions = max(f.mentions, counts.get(f.surname, 0))
