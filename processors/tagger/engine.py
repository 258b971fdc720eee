"""The Tagger: countries, officials, agencies, watch words and coup events of one dispatch.

All patterns go into automata built once in `Tagger.load`; tagging a dispatch is one pass of each automaton
over the folded text plus a few local rules around the hits.
"""

from __future__ import annotations

import pathlib
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Mapping, Sequence

from processors.tagger.coup import classify_coup
from processors.tagger.kb import Agency, KnowledgeBase, Official
from processors.tagger.matcher import Case, Kind, PatternMatcher, Span
from processors.tagger import rules
from processors.tagger.textfold import fold, fold_cased, fold_lower
from processors.tagger.vocab import HONORIFICS, NAME_STOPWORDS, NON_OFFICIAL_QUALIFIERS, ROLE_TITLES, UNSAFE_SURNAMES
from wirewatch.models import AgencyMention, CountryMention, Dispatch, Event, OfficialMention, TaggedDispatch, Tags

COUP_TERMS = ("coup", "coups", "coup d'etat", "coup d'état", "coups d'etat", "putsch", "putsches")
# A capitalised name after a role: up to five tokens, with Arabic/European particles ("al-", "bin", "de").
_NAME_RUN = re.compile(
    r"(?:(?:al|el|ad|as|ash|bin|ibn|de|da|di|du|van|von|der|la|le|dos|das|del|abu|ould|ag)[ -])?"
    r"[A-Z][\w'’.\-]*(?: (?:(?:al|el|ad|as|ash|bin|ibn|de|da|di|du|van|von|der|la|le|dos|das|del|abu|ould|ag)[ -])?"
    r"[A-Z][\w'’\-]*\.?){0,4}")
_DATELINE = re.compile(r"\s*([A-Z][A-Z'’.\- ]{2,40}?)(?:,| \(| -| —| –|:)")


@dataclass(slots=True)
class _Official:
    name: str
    role: str | None
    country: str | None
    known: bool
    first: int
    mentions: int = 1
    kb: Official | None = None
    role_agency_country: str | None = None
    surname: str | None = None


@dataclass(slots=True)
class _Doc:
    """Everything the rules need about one dispatch."""
    text: str
    cased: str
    lower: str
    body_start: int
    spans: list[Span]
    published: date | None
    hints: Mapping[str, str]
    span_starts: set[int] = field(default_factory=set)
    countries: dict[str, list[int]] = field(default_factory=dict)


class Tagger:
    def __init__(self, kb: KnowledgeBase, watch_words: Sequence[str] = ("coup",)) -> None:
        self.kb = kb
        self.watch_words = tuple(dict.fromkeys(w.strip().lower() for w in watch_words if w.strip()))
        self._country_names = {c.code: c.name for c in kb.countries}
        self._entities = self._build_entity_matcher(kb)
        self._words = self._build_word_matcher()

    @classmethod
    def load(cls, kb_dir: pathlib.Path | None = None, watch_words: Sequence[str] = ("coup",)) -> Tagger:
        return cls(KnowledgeBase.load(kb_dir), watch_words)

    # --- building ------------------------------------------------------------------------------------------

    def _build_entity_matcher(self, kb: KnowledgeBase) -> PatternMatcher:
        m = PatternMatcher()
        ambiguous = {fold(w) for w in kb.ambiguous_country_words}
        for c in kb.countries:
            for form, surfaces in (("name", c.names), ("demonym", c.demonyms), ("capital", c.capitals)):
                for s in surfaces:
                    m.add(s, Kind.COUNTRY, (c.code, "ambiguous" if fold(s) in ambiguous else form))
        m.add_all(kb.non_country_phrases, Kind.NON_COUNTRY, None)
        for a in kb.agencies:
            case = Case.ANY if a.generic else None
            m.add(a.name, Kind.AGENCY, a, case)
            m.add_all(a.aliases, Kind.AGENCY, a, case)
            m.add_all(a.acronyms, Kind.AGENCY, a, Case.EXACT)
        by_surname: dict[str, list[Official]] = {}
        for o in kb.officials:
            m.add(o.name, Kind.OFFICIAL, o)
            m.add_all(o.aliases, Kind.OFFICIAL, o)
            for s in o.surnames:
                if fold(s) not in UNSAFE_SURNAMES:
                    by_surname.setdefault(s, [])
                    if o not in by_surname[s]:
                        by_surname[s].append(o)
        merged: dict[str, list[Official]] = {}
        for s, officials in by_surname.items():  # "Erdoğan" and "Erdogan" fold to one key: merge their officials
            bucket = merged.setdefault(fold(s), [])
            bucket.extend(o for o in officials if o not in bucket)
        for s, officials in by_surname.items():
            m.add(s, Kind.SURNAME, tuple(merged[fold(s)]))
        m.add_all(ROLE_TITLES, Kind.ROLE, None, Case.ANY)
        m.build()
        return m

    def _build_word_matcher(self) -> PatternMatcher:
        # Separate automaton so a longer entity ("coup leader") never hides a watch word or a coup mention.
        m = PatternMatcher()
        for w in self.watch_words:
            m.add(w, Kind.WATCH, w, Case.ANY)
            m.add(w + "s", Kind.WATCH, w, Case.ANY)
        m.add_all(COUP_TERMS, Kind.COUP, "coup", Case.ANY)
        m.build()
        return m

    # --- tagging -------------------------------------------------------------------------------------------

    def tag_dispatch(self, dispatch: Dispatch) -> TaggedDispatch:
        tags = self.tag(dispatch.title, dispatch.text, published=dispatch.published, hints=dispatch.hints)
        return TaggedDispatch(dispatch=dispatch, tags=tags)

    def tag(self, title: str, text: str, *, published: datetime | None = None,
            hints: Mapping[str, str] | None = None) -> Tags:
        """Tag one dispatch. Offsets index into `title + "\\n\\n" + text`."""
        if not isinstance(title, str) or not isinstance(text, str):
            raise TypeError("title and text must be strings")
        full = f"{title}\n\n{text}" if title else text
        cased = fold_cased(full)
        lower = fold_lower(cased)
        doc = _Doc(full, cased, lower, len(title) + 2 if title else 0, self._entities.find(cased, lower),
                   published.date() if isinstance(published, datetime) else published, hints or {})
        doc.span_starts = {s.start for s in doc.spans}
        countries = self._countries(doc)
        context_country = self._context_country(doc)
        officials = self._officials(doc, context_country)
        agencies = self._agencies(doc, context_country)
        keywords, events = self._words_and_events(doc)
        return Tags(countries=countries, officials=officials, agencies=agencies, keywords=keywords, events=events)

    # countries ---------------------------------------------------------------------------------------------

    def _countries(self, doc: _Doc) -> list[CountryMention]:
        found: dict[str, list[int]] = {}
        for span in doc.spans:
            p = span.first(Kind.COUNTRY)
            if p is None:
                continue
            code, form = p.ref
            if form == "ambiguous":
                code = self._resolve_ambiguous(doc, span, code)
            if code:
                found.setdefault(code, []).append(span.start)
        if "CD" in found and "CG" in found:
            pass  # both Congos named explicitly: keep both
        doc.countries = found
        mentions = [CountryMention(code=c, name=self._country_names.get(c, c), mentions=len(o), first_offset=o[0])
                    for c, o in found.items()]
        return sorted(mentions, key=lambda m: m.first_offset)

    def _resolve_ambiguous(self, doc: _Doc, span: Span, code: str) -> str | None:
        word = doc.lower[span.start:span.end]
        in_title = span.start < doc.body_start
        if word in rules.PERSON_NAME_TRAPS and not in_title and \
                rules.is_part_of_person_name(doc.cased, doc.lower, span.start, span.end, doc.span_starts):
            return None
        if word == "georgia" and rules.georgia_is_us_state(doc.lower, span.start):
            return None
        if word == "turkey" and rules.turkey_is_bird(doc.lower):
            return None
        if word in ("congo", "congolese"):
            return self._which_congo(doc)
        return code

    @staticmethod
    def _which_congo(doc: _Doc) -> str:
        cg = re.search(r"brazzaville|republic of (?:the )?congo|congo republic|sassou", doc.lower)
        democratic = re.search(r"democratic republic|kinshasa|\bdrc\b|dr congo|tshisekedi|kabila|goma|kivu|m23", doc.lower)
        return "CG" if cg and not (democratic and "democratic republic" in doc.lower[max(0, cg.start() - 14):cg.end()]) \
            and not democratic else "CD"

    def _context_country(self, doc: _Doc) -> str | None:
        """The country a dispatch is about when a rule needs one: hint, else dateline, else most mentioned."""
        hint = doc.hints.get("country") if doc.hints else None
        if hint:
            return hint.upper()
        m = _DATELINE.match(doc.text, doc.body_start)
        if m:
            for span in doc.spans:
                if span.start >= m.end():
                    break
                p = span.first(Kind.COUNTRY)
                if p and span.start >= doc.body_start and p.ref[0] in doc.countries:
                    return p.ref[0]
        if doc.countries:
            return max(doc.countries.items(), key=lambda kv: (len(kv[1]), -kv[1][0]))[0]
        return None

    # officials ---------------------------------------------------------------------------------------------

    def _role_before(self, doc: _Doc, index: int, start: int) -> tuple[str | None, str | None, str | None, bool]:
        """The role phrase written right before a name: (role text, country from adjective, country of an
        agency in the phrase, excluded-because-rebel/opposition...)."""
        j = index - 1
        role_end = role_start = None
        adjective = agency_country = None
        cursor = start
        # Honorifics between the role and the name ("Leader ... Ayatollah Ali Khamenei").
        while True:
            gap = doc.cased[doc.spans[j].end:cursor] if j >= 0 else ""
            words = gap.split()
            if j >= 0 and words and all(w.lower().strip(",") in HONORIFICS for w in words) and gap == gap.rstrip(",") \
                    and len(words) <= 2:
                cursor = doc.spans[j].end
                break
            break
        while j >= 0:
            span = doc.spans[j]
            gap = doc.cased[span.end:cursor]
            if gap.strip() and not (gap in ("'s ", "' ") and span.has(Kind.COUNTRY)):
                if not (role_end is None and all(w.lower() in HONORIFICS for w in gap.split()) and len(gap) < 30):
                    break
            if span.has(Kind.ROLE) or (span.has(Kind.AGENCY) and role_end is not None):
                if span.has(Kind.ROLE) and role_end is None:
                    role_end = span.end
                role_start = span.start
                a = span.first(Kind.AGENCY)
                if a is not None and a.ref.country:
                    agency_country = a.ref.country
                if a is None and span.has(Kind.COUNTRY) is False:
                    pass
            elif span.has(Kind.COUNTRY) and role_end is not None:
                p = span.first(Kind.COUNTRY)
                if p.ref[1] in ("demonym", "name", "ambiguous") or gap.startswith("'"):
                    adjective = p.ref[0] if p.ref[1] != "ambiguous" else self._resolve_ambiguous(doc, span, p.ref[0])
                elif p.ref[1] == "capital":  # "Kremlin spokesman", "White House press secretary"
                    agency_country = p.ref[0]
                    role_start = span.start if doc.cased[span.start].isupper() and span.end == cursor - 1 else role_start
                break
            else:
                break
            cursor = span.start
            j -= 1
        if role_end is None:
            return None, None, None, False
        role_text = doc.text[role_start:role_end]
        before = doc.lower[max(0, role_start - 25):role_start].split()
        excluded = bool(before) and before[-1].strip(",'") in NON_OFFICIAL_QUALIFIERS
        return role_text, adjective, agency_country, excluded

    def _officials(self, doc: _Doc, context_country: str | None) -> list[OfficialMention]:
        found: dict[str, _Official] = {}
        surname_spans: list[tuple[int, Span]] = []
        for i, span in enumerate(doc.spans):
            official = span.first(Kind.OFFICIAL)
            if official is not None:
                role, adjective, _, _ = self._role_before(doc, i, span.start)
                self._add_known(found, official.ref, span.start, role, doc.published)
            elif span.has(Kind.SURNAME) and not span.has(Kind.COUNTRY) and not span.has(Kind.AGENCY):
                surname_spans.append((i, span))
            elif span.has(Kind.ROLE) and span.start >= doc.body_start:
                self._unknown_after_role(doc, i, span, found, context_country)
        for i, span in surname_spans:
            self._link_surname(doc, i, span, found)
        self._count_unknown_surnames(doc, found)
        ordered = sorted(found.values(), key=lambda o: o.first)
        return [OfficialMention(name=o.name, role=o.role, country=o.country, mentions=o.mentions, known=o.known)
                for o in ordered]

    def _add_known(self, found: dict[str, _Official], official: Official, offset: int, role: str | None,
                   published: date | None) -> None:
        record = found.get(official.id)
        if record is None:
            kb_role = official.role_on(published)
            found[official.id] = _Official(official.name, role or (kb_role.title if kb_role else None),
                                           kb_role.country if kb_role else None, True, offset, kb=official,
                                           role_agency_country=None)
            if role:
                found[official.id].surname = "written"
            return
        record.mentions += 1
        if role and record.surname != "written":
            record.role = role
            record.surname = "written"

    def _unknown_after_role(self, doc: _Doc, i: int, span: Span, found: dict[str, _Official],
                            context_country: str | None) -> None:
        nxt = doc.spans[i + 1] if i + 1 < len(doc.spans) else None
        if nxt is not None and nxt.has(Kind.ROLE) and doc.cased[span.end:nxt.start].strip() == "":
            return  # not the last word of the role phrase
        pos = span.end
        if pos >= len(doc.text) or doc.text[pos] != " ":
            return
        m = _NAME_RUN.match(doc.cased, pos + 1)
        if not m:
            return
        tokens = m.group(0).split(" ")
        while tokens and tokens[0].lower().rstrip(".") in {h.rstrip(".") for h in HONORIFICS}:
            tokens.pop(0)
        kept: list[str] = []
        for tok in tokens:
            if tok.lower().strip(".'’") in NAME_STOPWORDS:
                break
            kept.append(tok)
        if not kept:
            return
        name_start = doc.cased.index(kept[0], pos)
        name_end = name_start + len(" ".join(kept))
        # A known entity where the name should be: handled by its own span (official, surname) or not a person.
        for other in doc.spans[i + 1:]:
            if other.start >= name_end:
                break
            if other.start < name_end and other.end > name_start:
                return
        name = doc.text[name_start:name_end].rstrip(".'’")
        if name.endswith("'s"):
            name = name[:-2]
        role, adjective, agency_country, excluded = self._role_before(doc, i + 1, span.end + 1) \
            if False else self._role_phrase_ending_at(doc, i, name_start)
        if excluded or role is None:
            return
        key = "u:" + fold(name)
        linked = self._find_by_surname(found, name) if len(kept) == 1 else None
        if linked is not None:
            linked.mentions += 1
            return
        if key in found:
            found[key].mentions += 1
            return
        country = adjective or agency_country or context_country
        surname = kept[-1].split("-")[-1] if len(kept) > 1 else kept[-1]
        found[key] = _Official(name, role, country, False, name_start, surname=surname.rstrip(".'’"))

    def _role_phrase_ending_at(self, doc: _Doc, role_index: int, name_start: int):
        # Reuse the backward walk as if a name span began at `name_start` right after the role span.
        return self._role_before(doc, role_index + 1, name_start)

    @staticmethod
    def _find_by_surname(found: dict[str, _Official], token: str) -> _Official | None:
        folded = fold(token)
        for record in found.values():
            names = [record.name] + (list(record.kb.aliases) if record.kb else [])
            if any(fold(n).split()[-1:] == [folded] or fold(n).endswith("-" + folded) for n in names):
                return record
        return None

    def _link_surname(self, doc: _Doc, i: int, span: Span, found: dict[str, _Official]) -> None:
        candidates: tuple[Official, ...] = span.first(Kind.SURNAME).ref
        role, _, _, _ = self._role_before(doc, i, span.start)
        present = [found[o.id] for o in candidates if o.id in found]
        if present:
            record = present[0]
            record.mentions += 1
            record.first = min(record.first, span.start)
            return
        chosen: Official | None = None
        if len(candidates) == 1:
            chosen = candidates[0]
        elif doc.published is not None:
            valid = [o for o in candidates if any(r.valid_on(doc.published) for r in o.roles)]
            chosen = valid[0] if len(valid) == 1 else None
        if chosen is None:
            return
        self._add_known(found, chosen, span.start, role, doc.published)

    @staticmethod
    def _count_unknown_surnames(doc: _Doc, found: dict[str, _Official]) -> None:
        unknown = [o for o in found.values() if not o.known and o.surname and " " in o.name]
        if not unknown:
            return
        pattern = re.compile(r"\b(?:" + "|".join(re.escape(o.surname) for o in unknown) + r")\b")
        counts = Counter(m.group(0) for m in pattern.finditer(doc.text, doc.body_start))
        for o in unknown:
            o.mentions = max(o.mentions, counts.get(o.surname, 0))

    # agencies ----------------------------------------------------------------------------------------------

    def _agencies(self, doc: _Doc, context_country: str | None) -> list[AgencyMention]:
        found: dict[tuple[str, str | None], list] = {}
        last_country: dict[str, str | None] = {}
        for i, span in enumerate(doc.spans):
            p = span.first(Kind.AGENCY)
            if p is None:
                continue
            agency: Agency = p.ref
            country = agency.country
            if agency.generic:
                qualifier = self._qualifier_before(doc, i)
                surface = doc.cased[span.start:span.end]
                if qualifier is None and surface.islower() and "ministry" not in surface:
                    continue  # "the army", "parliament": only as a named body ("Mali's army")
                country = qualifier or last_country.get(agency.id) or context_country
                last_country[agency.id] = country
            key = (agency.id, country)
            if key in found:
                found[key][1] += 1
            else:
                found[key] = [span.start, 1, agency, country]
        ordered = sorted(found.values(), key=lambda v: v[0])
        return [AgencyMention(name=a.name, kind=a.kind, country=c, mentions=n) for _, n, a, c in ordered]

    def _qualifier_before(self, doc: _Doc, i: int) -> str | None:
        """Country of an adjective or possessive right before span i ("Iranian Foreign Ministry", "Iran's")."""
        if i == 0:
            return None
        prev, span = doc.spans[i - 1], doc.spans[i]
        gap = doc.cased[prev.end:span.start]
        p = prev.first(Kind.COUNTRY)
        if p is None or gap not in (" ", "'s ", "' "):
            return None
        code, form = p.ref
        if form == "ambiguous":
            return self._resolve_ambiguous(doc, prev, code)
        return code

    # watch words and coup events ---------------------------------------------------------------------------

    def _words_and_events(self, doc: _Doc) -> tuple[list[str], list[Event]]:
        keywords: list[str] = []
        events: list[Event] = []
        for span in self._words.find(doc.cased, doc.lower):
            for p in span.payloads:
                if p.kind is Kind.WATCH and p.ref not in keywords:
                    keywords.append(p.ref)
                elif p.kind is Kind.COUP:
                    events.append(classify_coup(doc.text, span.start, span.end - span.start, doc.published))
        return keywords, events
