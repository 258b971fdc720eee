"""The Tagger: countries, officials, agencies, watch words and coup events of one dispatch.

All patterns go into automata built once in `Tagger.load`; tagging a dispatch is one pass of each automaton
over the folded text plus a few local rules around the hits.
"""

from __future__ import annotations

import bisect
import dataclasses
import logging
import pathlib
import re
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, TypeVar, cast

from wirewatch.models import AgencyMention, CountryMention, Dispatch, Event, OfficialMention, TaggedDispatch, Tags
from wirewatch.processors.tagger import rules
from wirewatch.processors.tagger.coup import classify_coup
from wirewatch.processors.tagger.foreign import ForeignRules
from wirewatch.processors.tagger.kb import Agency, KnowledgeBase, KnowledgeBaseError, Official
from wirewatch.processors.tagger.language import LanguageDetector, latin_letters
from wirewatch.processors.tagger.languages import LanguagePack, load_packs
from wirewatch.processors.tagger.matcher import Case, Kind, PatternMatcher, Span
from wirewatch.processors.tagger.officials import OfficialFinder
from wirewatch.processors.tagger.officials_names import NameCache
from wirewatch.processors.tagger.officials_scan import OfficialsScan
from wirewatch.processors.tagger.textfold import fold, fold_cased, fold_lower
from wirewatch.processors.tagger.vocab import (
    APPOINTED,
    APPOINTMENT_CUES,
    HEAD_TITLES,
    HEADED_BY,
    NAME_STOPWORDS,
    NAMED_AS,
    NAMING_VERBS,
    PLURAL_ROLE,
    PLURAL_ROLE_TITLES,
    REPLACED,
    REPLACING_VERBS,
    ROLE_TITLES,
    TAKE_OVER_VERBS,
    TAKES_OVER,
    UNSAFE_SURNAMES,
    with_other_spellings,
)

_Verdict = TypeVar("_Verdict")
log = logging.getLogger("wirewatch.tagger")


def _span_start(span: Span) -> int:
    return span.start


# Enough to classify a dispatch's coup mentions; a text repeating "coup" thousands of
# times gets no more events (each one carries its sentence as evidence).
MAX_COUP_EVENTS = 20

# "UN Mission in South Sudan", "United Nations Assistance Mission for Iraq", "UN Interim Force in Lebanon":
# the UN, a capitalised mission type, then a country. One rule instead of a pattern per mission.
_UN_MISSION = re.compile(r" (?:[A-Z][a-z]+ ){0,4}(?:Mission|Force|Office|Operation)(?: in| for)(?: the)? ")
_UN_MISSION_AGENCY = Agency("un-mission", "UN mission", "international", None, (), (), name_as_written=True)
_IN_FRAME = re.compile(
    r"In (?:neighbouring |neighboring |northern |southern |eastern |western |central )?"
    r"((?:the )?[A-Z][\w'’.\-]*(?: [A-Z][\w'’.\-]*){0,3}),"
)
_WRITTEN_NAME_WORD = re.compile(r"[A-Z][\w.\-]*(?:'s|s')?$")
COUP_TERMS = ("coup", "coups", "coup d'etat", "coup d'état", "coups d'etat", "putsch", "putsches")
_DATELINE = re.compile(r"\s*([A-Z][A-Z'’.\- ]{2,40}?)(?:,| \(| -| —| –|:)")


# A body named after another ("Armed Forces Ministry", "Joint Chiefs of Staff Committee"): the head noun after it.
_HEAD_NOUN_AFTER = re.compile(
    r" (Ministry|ministry|Committee|Commission|Council|Directorate|Command|Authority|Agency|Bureau|Office|Secretariat)\b"
)  # "ministry" in lowercase too: "the armed forces ministry" is a body however it is written
_BODY_BY_HEAD_NOUN = {
    "Body": Agency("named-body", "", "government", None, (), (), generic=True, name_as_written=True),
    "Command": Agency("named-command", "", "military", None, (), (), generic=True, name_as_written=True),
}
_MINISTRY_OF = re.compile(
    r"\b(?:Ministry|Department) (?:of|for) (?:the )?[A-Z][\w'’\-]+(?: (?:and |of |for |the )?[A-Z][\w'’\-]+)*"
)
_ACRONYM_AFTER = re.compile(r" ([A-Z]{2,6})\b")  # "news agency RSS"
_ACRONYM_BEFORE = re.compile(r"\b([A-Z]{2,6}) $")  # "BSS news agency"
_NEWS_AGENCY_BY_ACRONYM = Agency(
    "news-agency-acronym", "", "news_agency", None, (), (), generic=True, name_as_written=True
)
_PORTFOLIO_LIST_GOES_ON = re.compile(
    r"(?:, [A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+)*)+,? and [A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+)*"
)
_MINISTRY_AGENCY = Agency("ministry-of", "Ministry", "government", None, (), (), generic=True, name_as_written=True)
# A body's name going on after its head noun: "of|for|on (the) Capitalised Words", a few joined by "and".
_NAME_CONTINUES = re.compile(
    r" (?:of|for|on|Against)(?: the)? [A-Z][\w'’\-]+(?: (?:and |of |for |the )?[A-Z][\w'’\-]+)*"
)


UPDATES_CHECK_SECONDS = 10.0


def _capitalised_words(name: str) -> bool:
    """Two or more words, each capitalised ("Intelligence Service"): a name that "Security and" may lead into."""
    words = name.split()
    return len(words) >= 2 and all(word[:1].isupper() for word in words)


class _UpdatesFile:
    """The officials updates file a tagger follows: has it changed since it was last read?"""

    def __init__(self, kb_dir: pathlib.Path | None, path: pathlib.Path) -> None:
        self.kb_dir, self.path = kb_dir, pathlib.Path(path)
        self._stamp = self._read_stamp()
        self._next_check = time.monotonic() + UPDATES_CHECK_SECONDS

    def _read_stamp(self) -> tuple[int, int] | None:
        try:
            stat = self.path.stat()
        except OSError:
            return None
        return stat.st_mtime_ns, stat.st_size

    def changed(self) -> bool:
        now = time.monotonic()
        if now < self._next_check:
            return False
        self._next_check = now + UPDATES_CHECK_SECONDS
        stamp = self._read_stamp()
        if stamp == self._stamp:
            return False
        self._stamp = stamp
        return True


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
    span_ends: set[int] = field(default_factory=set)
    cues: list[Span] = field(default_factory=list)  # grammar cues, kept out of `spans`
    countries: dict[str, list[int]] = field(default_factory=dict)
    phrase_countries: list[tuple[int, int, str]] = field(default_factory=list)
    name_spans: set[int] = field(default_factory=set)
    verdicts: dict[str, object] = field(default_factory=dict)  # whole-dispatch answers, computed once


class Tagger:
    def __init__(
        self,
        kb: KnowledgeBase,
        watch_words: Sequence[str] = ("coup",),
        packs: Mapping[str, LanguagePack] | None = None,
    ) -> None:
        self.kb = kb
        self._kb_in_use = kb  # with the learned layer's attested entries, once taken
        self._packs = dict(packs or {})  # language packs by ISO 639-1 code (languages.py)
        self._foreign: dict[str, ForeignRules] = {}
        self.watch_words = tuple(dict.fromkeys(w.strip().lower() for w in watch_words if w.strip()))
        self._country_names = {c.code: c.name for c in kb.countries}
        self._country_words = {
            fold(w): c.code
            for c in kb.countries
            for w in (*c.names, *c.demonyms)
            if w not in kb.ambiguous_country_words
        }
        # and as the other languages write them, for a body whose name names its country ("Departamento de
        # Estado de EE.UU.", "Вооружённые силы России")
        for pack in self._packs.values():
            for code, forms in pack.countries.items():
                for w in (*forms.names, *forms.demonyms):
                    self._country_words.setdefault(fold(w).lower(), code)
        # Single words that can name a country: a personal name containing one may shadow a country mention.
        self._any_country_word = {
            t
            for c in kb.countries
            for w in (*c.names, *c.demonyms, *c.capitals)
            for t in fold(w).replace("-", " ").split()
            if len(t) > 2
        }
        self._hides_cache: dict[str, bool] = {}
        self._names_own_country: dict[str, bool] = {}  # body name as written -> it names the body's country
        self._dateline_cities = {fold(city).lower(): code for city, code in kb.dateline_cities.items()}
        self._updates: _UpdatesFile | None = None  # set by `load`: the officials updates file to follow
        self._learned: tuple[list[Official], list[Agency]] = ([], [])
        self._names = NameCache(self._hides_country)
        self._language = LanguageDetector()
        self._entities = self._build_entity_matcher(kb)
        self._words = self._build_word_matcher()
        # substrings one of which every watch word and coup term contains, for a quick "none here" check
        self._word_probes = tuple(sorted({fold(w).lower() for w in self.watch_words} | {"coup", "putsch"}))

    @classmethod
    def load(
        cls,
        kb_dir: pathlib.Path | None = None,
        watch_words: Sequence[str] = ("coup",),
        updates: pathlib.Path | None = None,
    ) -> Tagger:
        tagger = cls(KnowledgeBase.load(kb_dir, updates=updates), watch_words, load_packs(kb_dir))
        tagger._updates = _UpdatesFile(kb_dir, updates) if updates is not None else None
        return tagger

    def reload_if_updated(self) -> bool:
        """Take in a changed officials updates file (`wirewatch kb import` writes it) without a restart: its
        modification time is looked at every UPDATES_CHECK_SECONDS. A file that does not validate is logged
        and the knowledge base in use is kept."""
        watched = self._updates
        if watched is None or not watched.changed():
            return False
        try:
            kb = KnowledgeBase.load(watched.kb_dir, updates=watched.path)
        except KnowledgeBaseError as exc:
            log.error("officials updates file %s not taken: %s", watched.path, exc)
            return False
        self.kb = kb
        self.use_learned(*self._learned)
        log.info("officials updates file %s taken: %d officials known", watched.path, len(kb.officials))
        return True

    def use_learned(self, officials: Sequence[Official], agencies: Sequence[Agency]) -> int:
        """Match the learned layer's attested officials and agencies as if the knowledge base had them (the
        knowledge base's own entries win a name both have). Rebuilds the entity automaton (~0.1 s) and swaps
        it in whole, so a dispatch being tagged meanwhile sees one set or the other. Returns how many were
        taken."""
        known = {fold(n).lower() for o in self.kb.officials for n in (o.name, *o.aliases)}
        known |= {fold(n).lower() for a in self.kb.agencies for n in (a.name, *a.aliases)}
        taken_officials = [o for o in officials if fold(o.name).lower() not in known]
        taken_agencies = [a for a in agencies if fold(a.name).lower() not in known]
        combined = dataclasses.replace(
            self.kb,
            officials=[*self.kb.officials, *taken_officials],
            agencies=[*self.kb.agencies, *taken_agencies],
        )
        self._entities = self._build_entity_matcher(combined)
        self._kb_in_use = combined
        self._foreign = {}  # rebuilt with the new names on next use
        self._learned = (list(officials), list(agencies))
        return len(taken_officials) + len(taken_agencies)

    def _rules_for(self, language: str) -> ForeignRules | None:
        """The rules for a language other than English (built on first use, ~0.1 s), None for English or a
        language without a pack."""
        if language == "en" or language not in self._packs:
            return None
        rules = self._foreign.get(language)
        if rules is None:
            rules = ForeignRules(self._packs[language], self._kb_in_use, self.watch_words)
            self._foreign[language] = rules
        return rules

    def _span_country(self, doc: _Doc, span: Span) -> str | None:
        """The country a span names, the traps (a person's name, Georgia the state) ruled out; None if none."""
        payload = span.by_kind.get(Kind.COUNTRY)
        return self._resolve_ambiguous(doc, span, payload.ref[0]) if payload else None

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
            m.add_all(with_other_spellings((a.name, *a.aliases)), Kind.AGENCY, a, case)
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
        for surname in by_surname:
            m.add(surname, Kind.SURNAME, tuple(merged[fold(surname)]))
        m.add_all(ROLE_TITLES, Kind.ROLE, None, Case.ANY)
        # "Conservative Leader X", "Majority Leader X": a title only when capitalised ("its leader, X" is not)
        m.add("Leader", Kind.ROLE, None, Case.CAPITALS)
        # Cues for the officials finders, found in the same pass instead of a regex scan each (in this
        # automaton: a small second automaton's per-character cost was 9 % of tagging).
        for cue in APPOINTMENT_CUES:
            m.add(cue, Kind.CUE, (APPOINTED, None), Case.ANY)
        for verb in NAMING_VERBS:  # "was appointed" (longer, leftmost) stays an APPOINTED cue
            m.add(verb, Kind.CUE, (NAMED_AS, None), Case.ANY)
        for verb in TAKE_OVER_VERBS:  # "took over as" (longer) stays an APPOINTED cue
            m.add(verb, Kind.CUE, (TAKES_OVER, None), Case.ANY)
        for verb in REPLACING_VERBS:
            m.add(verb, Kind.CUE, (REPLACED, None), Case.ANY)
        for verb in HEAD_TITLES:
            m.add(f"{verb} by", Kind.CUE, (HEADED_BY, None), Case.ANY)
        for plural, title in PLURAL_ROLE_TITLES.items():
            m.add(plural, Kind.CUE, (PLURAL_ROLE, title), Case.ANY)
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
        tags = self.tag(
            dispatch.title,
            dispatch.text,
            published=dispatch.published,
            hints=dispatch.hints,
            language=dispatch.language,
        )
        return TaggedDispatch(dispatch=dispatch, tags=tags)

    def tag(
        self,
        title: str,
        text: str,
        *,
        published: datetime | None = None,
        hints: Mapping[str, str] | None = None,
        language: str | None = None,
    ) -> Tags:
        """Tag one dispatch. Offsets index into `title + "\\n\\n" + text`. `language` is the feed's declaration
        (a prior for the language read from the text)."""
        if not isinstance(title, str) or not isinstance(text, str):
            raise TypeError("title and text must be strings")
        guess = self._language.detect(title, text, language)
        rules = self._rules_for(guess.tagged_as)
        full = f"{title}\n\n{text}" if title else text
        cased = fold_cased(full)
        lower = fold_lower(cased)
        doc = _Doc(
            full,
            cased,
            lower,
            len(title) + 2 if title else 0,
            [],
            published.date() if isinstance(published, datetime) else published,
            hints or {},
        )
        # Grammar cues ("was appointed", "named", "takes over") are read by the officials finders from their own
        # list; among the entity spans they would stand between a role and a name as if they were a body.
        cue = Kind.CUE
        for span in (rules.entities if rules is not None else self._entities).find(cased, lower):
            if cue in span.by_kind:
                doc.cues.append(span)
                if len(span.by_kind) == 1:
                    continue
            doc.spans.append(span)
        doc.span_starts = {s.start for s in doc.spans}
        doc.span_ends = {s.end for s in doc.spans}
        countries = self._countries(doc)
        context_country = self._context_country(doc)
        officials, person_ranges = self._officials(doc, context_country, rules)
        if person_ranges:
            countries = self._drop_person_names(doc, countries, person_ranges)
        if rules is None:
            agencies = self._agencies(doc, context_country)
            keywords, events = self._words_and_events(doc)
        else:
            agencies = rules.find_agencies(
                doc.text,
                doc.spans,
                doc.cased,
                doc.name_spans,
                lambda span: self._span_country(doc, span),
                lambda offset: self._country_near(doc, offset) or context_country,
                doc.phrase_countries,
            )
            keywords, events = rules.words_and_events(doc.text, doc.cased, doc.lower, doc.published, doc.body_start)
        return Tags(
            countries=countries,
            officials=officials,
            agencies=agencies,
            keywords=keywords,
            events=events,
            language=guess.code,
            language_confidence=guess.confidence,
        )

    # countries ---------------------------------------------------------------------------------------------

    def _countries(self, doc: _Doc) -> list[CountryMention]:
        found: dict[str, list[int]] = {}
        country_kind = Kind.COUNTRY
        for span in doc.spans:
            p = span.by_kind.get(country_kind)
            if p is None:
                continue
            code, form = p.ref
            if form == "ambiguous":
                code = self._resolve_ambiguous(doc, span, code)
            if code:
                found.setdefault(code, []).append(span.start)
        for span in doc.spans:  # "U.S. State Department", "Israel Defense Forces": the name names the country
            a = span.by_kind.get(Kind.AGENCY)
            if a is not None and a.ref.country and not span.has(country_kind):
                # the body's own country named anywhere in its name ("Bank of Japan", "Press Trust of India")
                surface = doc.lower[span.start : span.end]
                naming = self._names_own_country.get(surface)
                if naming is None:
                    naming = self._names_country(surface, a.ref.country)
                    if len(self._names_own_country) < 100_000:
                        self._names_own_country[surface] = naming
                if naming:
                    found.setdefault(a.ref.country, []).append(span.start)
        for offsets in found.values():
            offsets.sort()
        doc.countries = found
        mentions = [
            CountryMention(code=c, name=self._country_names.get(c, c), mentions=len(o), first_offset=o[0])
            for c, o in found.items()
        ]
        return sorted(mentions, key=lambda m: m.first_offset)

    def _names_country(self, surface: str, code: str) -> bool:
        """Does a body's name, as written (folded, lowercase), name the body's country? Cached per surface."""
        words = [w.strip("(),") for w in surface.split()]
        return any(
            self._country_words.get(" ".join(words[i:j])) == code
            for i in range(len(words))
            for j in range(i + 1, min(i + 4, len(words)) + 1)
        )

    def _drop_person_names(
        self, doc: _Doc, countries: list[CountryMention], ranges: list[tuple[int, int]]
    ) -> list[CountryMention]:
        """A country word inside an official's name ("Najib Danish", "Chad Wolf") is not the country."""
        kept = []
        covered: set[int] = set()
        for start, end in ranges:
            covered.update(range(start, end))
        for code, offsets in list(doc.countries.items()):
            left = [o for o in offsets if o not in covered]
            if left:
                doc.countries[code] = left
            else:
                del doc.countries[code]
        for c in countries:
            remaining = doc.countries.get(c.code)
            if remaining:
                kept.append(
                    CountryMention(code=c.code, name=c.name, mentions=len(remaining), first_offset=remaining[0])
                )
        return sorted(kept, key=lambda m: m.first_offset)

    def _resolve_ambiguous(self, doc: _Doc, span: Span, code: str) -> str | None:
        word = doc.lower[span.start : span.end]
        in_title = span.start < doc.body_start
        if (
            (word in rules.PERSON_NAME_TRAPS or word in rules.GIVEN_NAME_COUNTRIES)
            and not in_title
            and rules.is_part_of_person_name(doc.cased, doc.lower, span.start, span.end, doc.span_starts)
        ):
            return None
        if word == "georgia" and self._verdict(
            doc, "georgia", lambda: rules.georgia_is_us_state(doc.lower, span.start)
        ):
            return None
        if word == "turkey" and self._verdict(doc, "turkey", lambda: rules.turkey_is_bird(doc.lower)):
            return None
        if word in ("guinean", "guineans"):
            return self._verdict(doc, "guinean", lambda: self._which_guinea(doc))
        if word in ("congo", "congolese"):
            near = doc.lower[span.end : span.end + 40]  # "the Congolese Foreign Ministry in Brazzaville"
            if "brazzaville" in near and "kinshasa" not in near:
                return "CG"
            if "kinshasa" in near and "brazzaville" not in near:
                return "CD"
            return self._verdict(doc, "congo", lambda: self._which_congo(doc))
        return code

    @staticmethod
    def _verdict(doc: _Doc, key: str, compute: Callable[[], _Verdict]) -> _Verdict:
        if key not in doc.verdicts:
            doc.verdicts[key] = compute()
        return cast(_Verdict, doc.verdicts[key])

    @staticmethod
    def _which_guinea(doc: _Doc) -> str:
        """ "Guinean" in a dispatch about Guinea-Bissau that never names Guinea itself means Bissau-Guinean."""
        bissau = re.search(r"guinea[- ]bissau|\bbissau\b", doc.lower)
        guinea = re.search(r"conakry|guinea-conakry|doumbouya|\bguinea\b(?![- ]bissau)", doc.lower)
        return "GW" if bissau and not guinea else "GN"

    @staticmethod
    def _which_congo(doc: _Doc) -> str:
        cg = re.search(r"brazzaville|republic of (?:the )?congo|congo republic|sassou", doc.lower)
        democratic = re.search(
            r"democratic republic|kinshasa|\bdrc\b|dr congo|tshisekedi|kabila|goma|kivu|m23", doc.lower
        )
        return (
            "CG"
            if cg
            and not (democratic and "democratic republic" in doc.lower[max(0, cg.start() - 14) : cg.end()])
            and not democratic
            else "CD"
        )

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
                p = span.by_kind.get(Kind.COUNTRY)
                if p and span.start >= doc.body_start and p.ref[0] in doc.countries:
                    dateline_country: str = p.ref[0]
                    return dateline_country
            city = self._dateline_cities.get(fold(m.group(1).strip()).lower())
            if city is not None:
                return city
        if doc.countries:
            return max(doc.countries.items(), key=lambda kv: (len(kv[1]), -kv[1][0]))[0]
        return None

    # officials ---------------------------------------------------------------------------------------------

    def _officials(
        self, doc: _Doc, context_country: str | None, rules: ForeignRules | None = None
    ) -> tuple[list[OfficialMention], list[tuple[int, int]]]:
        def nearby_country(offset: int) -> str | None:
            return self._country_near(doc, offset) or context_country

        finder = OfficialFinder(
            OfficialsScan(
                doc.text,
                doc.cased,
                doc.spans,
                doc.body_start,
                doc.published,
                lambda span: self._span_country(doc, span),
                nearby_country,
                self._hides_country,
                self._names,
                cues=doc.cues,
            )
        )
        if rules is None:
            found = finder.run()
        else:
            rules.find_officials(finder.scan)
            found = sorted(finder.scan.found.values(), key=lambda record: record.first)
        finder.count_unknown_surnames()
        doc.phrase_countries = finder.phrase_countries
        doc.name_spans = finder.scan.consumed  # spans read as part of a person's name ("Petra Tschudin")
        day = doc.published.isoformat() if doc.published else None
        mentions = []
        for f in found:
            role_source = f.role_source
            if role_source == "text":  # what the dispatch says holds on the dispatch's day
                role_from = role_to = day
            else:
                role_from = f.role_from.isoformat() if f.role_from else None
                role_to = f.role_to.isoformat() if f.role_to else None
            mentions.append(
                OfficialMention(
                    f.name,
                    f.role,
                    f.country,
                    f.mentions,
                    f.known,
                    f.source,
                    role_source,
                    role_from,
                    role_to,
                    latin_letters(f.name),
                )
            )
        return mentions, finder.person_ranges()

    def _hides_country(self, name: str) -> bool:
        """Does a person's name contain a country word ("Najib Danish", "Chad Wolf")? Cached per name."""
        cached = self._hides_cache.get(name)
        if cached is None:
            cached = any(w in self._any_country_word for w in fold(name).replace("-", " ").split())
            if len(self._hides_cache) < 100_000:
                self._hides_cache[name] = cached
        return cached

    @staticmethod
    def _country_near(doc: _Doc, offset: int) -> str | None:
        """The closest country named earlier in the same sentence ("Nigeria, whose President Bola Tinubu"),
        unless the sentence opens with "In <country>," which frames all of it ("In neighbouring South Sudan,
        which split from Sudan in 2011, Information Minister X")."""
        sentence = max(doc.text.rfind(". ", 0, offset) + 2, doc.text.rfind("\n", 0, offset) + 1)
        frame = _IN_FRAME.match(doc.text, sentence)
        if frame is not None:
            for code, offsets in doc.countries.items():
                if any(frame.start(1) <= o < frame.end(1) for o in offsets):
                    return code
        best = None
        for code, offsets in doc.countries.items():
            for o in offsets:
                if (
                    offset - 120 <= o < offset
                    and "\n" not in doc.text[o:offset]
                    and ". " not in doc.text[o:offset]
                    and (best is None or o > best[0])
                ):
                    best = (o, code)
        return best[1] if best else None

    # agencies ----------------------------------------------------------------------------------------------

    def _agencies(self, doc: _Doc, context_country: str | None) -> list[AgencyMention]:
        found: dict[tuple[str, str | None], list[Any]] = {}
        last_country: dict[str, str | None] = {}
        covered_until = -1  # a body's name already taken in whole ("Armed Forces Ministry")
        for i, span in enumerate(doc.spans):
            p = span.by_kind.get(Kind.AGENCY)
            if p is None or span.start < covered_until or i in doc.name_spans:
                continue
            agency: Agency = p.ref
            if agency.id == "un":
                mission_end = self._un_mission_end(doc, i)
                if mission_end is not None:
                    self._count(found, span.start, _UN_MISSION_AGENCY, None, doc.text[span.start : mission_end])
                    continue
            if (
                not agency.generic
                and " " not in doc.cased[span.start : span.end]
                and self._inside_longer_name(doc, span)
            ):
                continue  # "National Democratic Congress" (a party) is not the U.S. Congress
            country = agency.country
            followed_by_role = (
                i + 1 < len(doc.spans)
                and Kind.ROLE in doc.spans[i + 1].by_kind
                and doc.cased[span.end : doc.spans[i + 1].start] == " "
            )
            surface = doc.cased[span.start : span.end]
            head = _HEAD_NOUN_AFTER.match(doc.cased, span.end) if span.start >= doc.body_start else None
            written_start = None
            if agency.name_as_written and agency.generic:
                written_start, written_country = self._name_start(doc, i)
                if agency.needs_lead_in and written_start is None:
                    continue  # "Authority" alone is a word, not a body
            if agency.generic:
                qualifier = self._qualifier_before(doc, i) or (written_country if written_start is not None else None)
                if qualifier is None and written_start is not None:
                    qualifier = self._possessive_before(doc, written_start)  # "Syria's National Commission"
                if (
                    surface.islower()
                    and "ministry" not in surface
                    and (qualifier is None or followed_by_role)
                    and not (head is not None and head.group(1) == "ministry")
                ):
                    continue  # "the army", "army captain": only a named body counts ("Mali's army said")
                country = (
                    qualifier or self._phrase_country(doc, span.start) or last_country.get(agency.id) or context_country
                )
                last_country[agency.id] = country
            name = self._written_name(doc, i, written_start) if agency.name_as_written else agency.name
            if head is not None and (not surface.islower() or head.group(1) == "ministry"):
                # a body named after another: "Armed Forces Ministry", "Joint Chiefs of Staff Committee"
                start = written_start if written_start is not None else span.start
                name = doc.text[start : head.end()]
                if name.islower():
                    name = name.title()
                covered_until = head.end()
                agency = _BODY_BY_HEAD_NOUN["Command" if head.group(1) == "Command" else "Body"]
            if agency.needs_lead_in:
                # "National Commission for Missing Persons", "High Council of Public Finances"
                continued = _NAME_CONTINUES.match(doc.cased, span.end)
                if continued:
                    name += doc.text[span.end : continued.end()]
                    if qualifier is None:  # "... Authority of Moldova": the name says whose it is
                        country = self._country_within(doc, span.end, continued.end()) or country
            elif agency.generic and not surface.islower():
                of_country = self._of_country_after(doc, i)
                if of_country is not None:  # "Electoral Commission of Jamaica": the country is part of the name
                    end, country = of_country
                    name += doc.text[span.end : end]
                    covered_until = end
            source = "learned" if agency.learned else "text" if written_start is not None or head else "kb"
            self._count(found, span.start, agency, country, name, source)
        self._ministries_of(doc, found, context_country)
        self._news_agencies_by_acronym(doc, found, context_country)
        ordered = sorted(found.values(), key=lambda v: v[0])
        return [AgencyMention(name, a.kind, c, n, source) for _, n, a, c, name, source in ordered]

    def _ministries_of(
        self, doc: _Doc, found: dict[tuple[str, str | None], list[Any]], context_country: str | None
    ) -> None:
        """ "Ministry of National Defence", "Ministry for Women's Affairs": a ministry named by its portfolio,
        when the knowledge base has no such name; its country from a possessive or adjective before it, else
        from the sentence or the dispatch."""
        if not any(f"{head} {link} " in doc.text for head in ("Ministry", "Department") for link in ("of", "for")):
            return
        taken = {(v[0], v[0] + len(v[4])) for v in found.values()}
        for m in _MINISTRY_OF.finditer(doc.cased, doc.body_start):
            if any(start <= m.start() < end for start, end in taken):
                continue
            country = (
                self._possessive_before(doc, m.start())
                or self._demonym_before(doc, m.start())
                or self._phrase_country(doc, m.start())
                or self._country_near(doc, m.start())
                or context_country
            )
            end = m.end()
            listed = _PORTFOLIO_LIST_GOES_ON.match(doc.cased, end)  # "... for Environment, Food and Rural Affairs"
            if listed is not None:
                end = listed.end()
            self._count(found, m.start(), _MINISTRY_AGENCY, country, doc.text[m.start() : end], "text")

    @staticmethod
    def _inside_longer_name(doc: _Doc, span: Span) -> bool:
        """A one-word body name preceded by capitalised words that are no country: part of another name."""
        if span.start < doc.body_start + 2 or doc.cased[span.start - 1] != " " or span.start - 1 in doc.span_ends:
            return False
        word_start = doc.cased.rfind(" ", 0, span.start - 1) + 1
        word = doc.cased[word_start : span.start - 1]
        return (
            word[:1].isupper()
            and word.isalpha()
            and word.lower() not in NAME_STOPWORDS
            and not rules._sentence_initial(doc.cased, word_start)
        )

    def _of_country_after(self, doc: _Doc, index: int) -> tuple[int, str] | None:
        """ "of Jamaica", "of the Philippines" right after spans[index], naming a country: (its end, code)."""
        span = doc.spans[index]
        if index + 1 >= len(doc.spans) or not doc.cased.startswith(" of ", span.end):
            return None
        after = doc.spans[index + 1]
        gap = doc.cased[span.end : after.start]
        payload = after.by_kind.get(Kind.COUNTRY)
        if gap not in (" of ", " of the ") or payload is None or payload.ref[1] not in ("name", "ambiguous"):
            return None
        code = self._resolve_ambiguous(doc, after, payload.ref[0]) if payload.ref[1] == "ambiguous" else payload.ref[0]
        return (after.end, code) if code else None

    def _country_within(self, doc: _Doc, start: int, end: int) -> str | None:
        """The first country named in [start, end)."""
        for code, offsets in doc.countries.items():
            if any(start <= o < end for o in offsets):
                return code
        return None

    def _news_agencies_by_acronym(
        self, doc: _Doc, found: dict[tuple[str, str | None], list[Any]], context_country: str | None
    ) -> None:
        """ "the state news agency RSS", "the state-run BSS news agency": an acronym the text says is a news
        agency (one the knowledge base knows is found already; an unknown one is the dispatch's country's)."""
        at = doc.lower.find("news agency", doc.body_start)
        if at == -1:
            return
        taken = {(v[0], v[0] + len(v[4])) for v in found.values()}
        while at != -1:
            after = _ACRONYM_AFTER.match(doc.cased, at + len("news agency"))
            before = _ACRONYM_BEFORE.search(doc.cased, max(0, at - 8), at)
            for m in (after, before):
                if m is None or any(s <= m.start(1) < e for s, e in taken):
                    continue
                country = self._country_near(doc, at) or context_country
                acronym = doc.text[m.start(1) : m.end(1)]
                self._count(found, m.start(1), _NEWS_AGENCY_BY_ACRONYM, country, acronym, "text")
            at = doc.lower.find("news agency", at + 1)

    def _demonym_before(self, doc: _Doc, offset: int) -> str | None:
        """Country of an adjective right before `offset` ("Cambodian Ministry of ...")."""
        index = bisect.bisect_left(doc.spans, offset, key=_span_start) - 1
        if index < 0:
            return None
        return self._country_ending(doc, doc.spans[index], offset, (" ",))

    @staticmethod
    def _count(
        found: dict[tuple[str, str | None], list[Any]],
        offset: int,
        agency: Agency,
        country: str | None,
        name: str,
        source: str = "kb",
    ) -> None:
        key = (fold(name), country)
        if key in found:
            found[key][1] += 1
        else:
            found[key] = [offset, 1, agency, country, name, source]

    @staticmethod
    def _un_mission_end(doc: _Doc, i: int) -> int | None:
        """End of "UN Mission in South Sudan" when spans[i] is the UN and a country closes the mission's name."""
        m = _UN_MISSION.match(doc.cased, doc.spans[i].end)
        if m is None or i + 1 >= len(doc.spans):
            return None
        country = doc.spans[i + 1]
        return country.end if country.start == m.end() and Kind.COUNTRY in country.by_kind else None

    def _name_start(self, doc: _Doc, i: int) -> tuple[int | None, str | None]:
        """Where a body's full name starts when capitalised words lead into it ("Bolivarian National Armed
        Forces", "South Sudan People's Defence Forces", "Nigeria Customs Service"), and the country named
        there. None when nothing leads in."""
        span = doc.spans[i]
        start, country, k = span.start, None, i - 1
        headline = start < doc.body_start  # a headline capitalises every word: only a country leads in there
        for _ in range(4):
            if start < 2 or doc.cased[start - 1] != " ":
                break
            word_start = doc.cased.rfind(" ", 0, start - 1) + 1
            word = doc.cased[word_start : start - 1]
            while k >= 0 and doc.spans[k].start > word_start:
                k -= 1
            prev = doc.spans[k] if k >= 0 and doc.spans[k].end == start - 1 else None
            if prev is not None:
                p = prev.by_kind.get(Kind.COUNTRY)
                if (
                    p is None
                    and word == "General"
                    and not headline
                    and not rules._sentence_initial(doc.cased, word_start)
                ):
                    start, k = prev.start, k - 1  # "General Police Inspectorate", "General Directorate": not the rank
                    continue
                if p is None or Kind.ROLE in prev.by_kind or Kind.OFFICIAL in prev.by_kind:
                    break
                code = self._resolve_ambiguous(doc, prev, p.ref[0]) if p.ref[1] == "ambiguous" else p.ref[0]
                if code is None:
                    break
                country = country or code
                start, k = prev.start, k - 1
                continue
            if (
                word == "and"
                and not headline
                and (start != span.start or _capitalised_words(doc.cased[start : span.end]))
            ):
                # "Intelligence and Security Service", "Peace and Security Council": "and" between two
                # capitalised words of one name (not after a country: "Mali and Niger army" is two)
                before_start = doc.cased.rfind(" ", 0, word_start - 1) + 1
                before = doc.cased[before_start : word_start - 1]
                if (
                    _WRITTEN_NAME_WORD.match(before)
                    and before.lower() not in NAME_STOPWORDS
                    and word_start - 1 not in {s.end for s in doc.spans[max(0, k - 1) : k + 1]}
                    and not rules._sentence_initial(doc.cased, before_start)
                ):
                    start = before_start
                    continue
                break
            if (
                headline
                or not _WRITTEN_NAME_WORD.match(word)
                or word.lower() in NAME_STOPWORDS
                or (word.endswith("'s") and word.lower() not in ("people's",))
                or rules._sentence_initial(doc.cased, word_start)
            ):
                break
            start = word_start
        return (start, country) if start != span.start else (None, None)

    @staticmethod
    def _written_name(doc: _Doc, i: int, start: int | None = None) -> str:
        """The body's name as the text writes it, with an adjacent adjective ("Philippine Coast Guard")."""
        span = doc.spans[i]
        if start is not None:
            return doc.text[start : span.end]
        start = span.start
        if i > 0:
            prev = doc.spans[i - 1]
            p = prev.by_kind.get(Kind.COUNTRY)
            if p is not None and p.ref[1] == "demonym" and doc.cased[prev.end : span.start] == " ":
                start = prev.start
        name = doc.text[start : span.end]
        if name.lower().startswith("the "):
            name = name[4:]
        return name[:1].upper() + name[1:]

    @staticmethod
    def _phrase_country(doc: _Doc, offset: int) -> str | None:
        for start, name_start, country in doc.phrase_countries:
            if start <= offset < name_start:
                return country
        return None

    def _qualifier_before(self, doc: _Doc, i: int) -> str | None:
        """Country of an adjective or possessive right before span i ("Iranian Foreign Ministry", "Iran's")."""
        if i == 0:
            return None
        return self._country_ending(doc, doc.spans[i - 1], doc.spans[i].start, (" ", "'s ", "' "))

    def _possessive_before(self, doc: _Doc, offset: int) -> str | None:
        """Country of a possessive ending right before `offset` ("Syria's National Commission ...")."""
        index = bisect.bisect_left(doc.spans, offset, key=_span_start) - 1
        while index >= 0 and doc.spans[index].end > offset:
            index -= 1
        if index < 0:
            return None
        return self._country_ending(doc, doc.spans[index], offset, ("'s ", "’s ", "' "))

    def _country_ending(self, doc: _Doc, prev: Span, offset: int, gaps: tuple[str, ...]) -> str | None:
        """The country span `prev` names, when only one of `gaps` stands between it and `offset`."""
        p = prev.by_kind.get(Kind.COUNTRY)
        if p is None or doc.cased[prev.end : offset] not in gaps:
            return None
        code: str
        code, form = p.ref
        return self._resolve_ambiguous(doc, prev, code) if form == "ambiguous" else code

    # watch words and coup events ---------------------------------------------------------------------------

    def _words_and_events(self, doc: _Doc) -> tuple[list[str], list[Event]]:
        keywords: list[str] = []
        events: list[Event] = []
        lower = doc.lower
        if not any(probe in lower for probe in self._word_probes):
            return keywords, events  # most dispatches: no watch word nor coup term anywhere (a C-speed scan)
        for span in self._words.find(doc.cased, doc.lower):
            for p in span.payloads:
                if p.kind == Kind.WATCH and p.ref not in keywords:
                    keywords.append(p.ref)
                elif p.kind == Kind.COUP and len(events) < MAX_COUP_EVENTS:
                    events.append(classify_coup(doc.text, span.start, span.end - span.start, doc.published))
        return keywords, events
