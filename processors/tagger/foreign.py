"""The tagger's rules for a language other than English, driven by that language's pack (languages.py).

The English rules read English grammar ("X, the new finance minister,"; "was appointed"); these read what every
language's press shares: a title written before a name ("le ministre de l'Intérieur Laurent Nuñez",
"Innenminister Dobrindt", "министр обороны Андрей Белоусов", "وزير الخارجية أسعد الشيباني"), a title in
apposition after it ("Sadio Camara, le ministre malien de la Défense,"), known officials by the names the pack
and the knowledge base give them, bodies named in the language, and the language's words for a coup.

A title is read as a chain of spans: the title, then optionally a demonym ("malien"), a portfolio ("de la
Défense"), "of" + a country ("du Niger") and a rank ("le général"); the chain gives the English role and the
official's country. Known officials and surnames are then linked by the same code as in English
(officials_known), with the chain's role in place of the English role phrase.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import regex

from wirewatch.models import AgencyMention, Event
from wirewatch.processors.tagger.coup import CoupCues, classify_coup
from wirewatch.processors.tagger.kb import Agency, KnowledgeBase
from wirewatch.processors.tagger.languages import LanguagePack, PackAgency
from wirewatch.processors.tagger.matcher import Case, Kind, PatternMatcher, Span, looks_like_acronym
from wirewatch.processors.tagger.officials_known import add_known, inside_longer_name, link_surname
from wirewatch.processors.tagger.officials_names import NAME_PARTICLES
from wirewatch.processors.tagger.officials_scan import Found, OfficialsScan
from wirewatch.processors.tagger.rules import GIVEN_NAME_COUNTRIES
from wirewatch.processors.tagger.textfold import fold
from wirewatch.processors.tagger.vocab import NAME_STOPWORDS, UNSAFE_SURNAMES

MAX_COUP_EVENTS = 20
# Of the generic bodies, a ministry ("официальный представитель МИД") and these count when a title names them
# ("commandant de la Garde républicaine"); an army or a police in a title is the officer's, not a body the text
# is about.
GENERIC_BODIES_IN_TITLES = frozenset({"republican-guard"})
COMPOUND_TITLES = frozenset({"de"})  # languages that write a title as the last part of a compound noun
NOUNS_CAPITALISED = frozenset({"de"})  # German writes every noun with a capital: "Streitkräfte" names no body
NATIONAL_WORDS = frozenset(
    {"nationale", "national", "nationales", "nationaux", "nacional", "nacionales", "nazionale", "nazionali"}
)
# languages that name a title's or a body's country in the genitive, with no preposition
GENITIVE_COUNTRY = frozenset({"ru", "ar"})
ARABIC_NAME_OPENERS = ("عبد", "ابو", "أبو", "بن", "ولد")  # "servant of", "father of", "son of": names open so
MID_NAME_PARTICLES = frozenset({"la", "le", "lo", "de", "del", "della", "di", "da", "dos", "das", "van", "von"})
TITLED_ACRONYM = 5  # letters from which an acronym may be written as a name ("Unficyp"; not "Sana" for SANA)
MAX_LISTED = 8  # names read after one title ("les ministres A, B, C et D")
# "and" between the names of a list; Arabic writes و joined to the next word, so lists there are not read
CONJUNCTIONS = {"fr": ("et",), "es": ("y", "e"), "pt": ("e",), "it": ("e", "ed"), "de": ("und",), "ru": ("и",)}
# a verb that gives a person the title after it: "X devient ministre", "X fue nombrado canciller"
BECOMES = {
    "fr": ("devient", "est nommé", "est nommée", "a été nommé", "a été nommée", "est désigné", "est désignée",
           "a été élu", "a été élue", "redevient"),
    "es": ("asume como", "fue nombrado", "fue nombrada", "es nombrado", "es nombrada", "será el nuevo",
           "será la nueva", "fue designado", "fue designada", "fue elegido", "fue elegida"),
    "pt": ("assume como", "foi nomeado", "foi nomeada", "é nomeado", "é nomeada", "passa a ser", "foi eleito",
           "foi eleita", "torna-se"),
    "it": ("diventa", "è stato nominato", "è stata nominata", "è nominato", "è nominata", "è stato eletto",
           "è stata eletta"),
    "de": ("wird neuer", "wird neue", "wurde zum", "wurde zur", "ist neuer", "ist neue"),
    "ru": ("назначен", "назначена", "стал", "стала", "избран", "избрана", "утверждён", "утверждена"),
}  # fmt: skip
# "in" before the place of a post ("ambassadeur à Washington", "embajador en Washington")
IN_WORDS = {
    "fr": ("à", "a", "au", "en", "près", "pres"),
    "es": ("en",),
    "pt": ("em", "no", "na"),
    "it": ("a", "in"),
    "de": ("in",),
    "ru": ("в", "во"),
    "ar": ("في", "لدى"),
}
# lower-case words completing a body's proper name, then its acronym: " indépendante (CEI)"
_PROPER_NAME_TAIL = regex.compile(r"(?: [\p{Ll}\-]{3,}){0,3}( \(\p{Lu}[\p{Lu}\d\-]{1,7}\))")
# a region in the genitive after a title, where the language needs no preposition ("губернатора Курской области")
_REGION_AFTER = {
    "ru": regex.compile(
        r" \p{Lu}[\p{Ll}\-]+(?:ой|ого|ей|его|ской|ского)? (?:области|края|округа|республики|губернии|района)"
    ),
    # "الناطق باسم الهيئة محمد ...": the body a spokesman speaks for, when the pack does not name it ("باسم" is
    # "in the name of" here, not the given name Bassem)
    "ar": regex.compile(r"(?<=(?:الناطق|الناطقة|المتحدث|المتحدثة|الرسمي|الرسمية)) باسم(?: ال\p{Arabic}+){1,3}"),
}
_ACRONYM_AFTER = regex.compile(r" \(\p{Lu}[\p{Lu}\d\-]{1,7}\)")
# "de Uruapan, " after a title: a place the pack does not know, then the name in apposition
_PLACE_AFTER = regex.compile(
    r" ([\p{Ll}']{1,4}(?: [\p{Ll}']{1,3})?) \p{Lu}[\p{L}\-]+(?: \p{Lu}[\p{L}\-]+)?, (?=\p{Lu})"
)
_PARTICLES = "|".join(sorted(NAME_PARTICLES, key=len, reverse=True))
# A person's name in a cased script: capitalised words, with particles between them ("Luiz Inácio Lula da Silva",
# "Ursula von der Leyen", "Abdourahamane Tiani", "Андрей Белоусов").
_NAME_WORD = r"\p{Lu}[\p{L}\p{M}'’.\-]*"
# a nickname in quotes may stand between given name and surname (Jorge "Tuto" Quiroga)
_NICKNAME = r'(?: ["“«]\p{Lu}[\p{L}\-]*["”»])?'
_NAME_RUN = regex.compile(rf"{_NAME_WORD}(?:{_NICKNAME} (?:(?:{_PARTICLES})[ -])*{_NAME_WORD}){{0,3}}")
_NAME_RUN_BEFORE = regex.compile(
    rf"(?<![\p{{L}}\p{{M}}'’\-.]){_NAME_WORD}(?: (?:(?:{_PARTICLES})[ -])*{_NAME_WORD}){{0,3}}$"
)
_ARABIC_WORD = regex.compile(r"[\p{Arabic}]+")
_PAST_YEAR = regex.compile(r"\b(?:19|20)\d\d\b")
# what closes a name in Arabic copy: punctuation, or a verb of saying or a particle right after it
_ARABIC_NAME_END = regex.compile(r"\s*(?:[،,.:؛\"«»()]|(?:إن|أن|ان|قال|قالت|يوم|في|خلال|على|الى|إلى)\b)")
_TITLE_GAPS = (" ", ", ")  # between a title and the name after it
# Coups counted in the plural ("quatro golpes desde a independência", "une série de putschs") are a country's
# background, never the event a dispatch reports: such a mention yields to any current one.
PLURAL_COUPS = frozenset(
    {
        "coups", "putschs", "golpes", "putsche", "staatsstreiche", "putschversuche", "umsturzversuche", "colpi",
        "golpi", "перевороты", "переворотов", "переворотам", "переворотами", "переворотах", "госперевороты",
        "госпереворотов", "انقلابات", "الانقلابات", "بانقلابات", "والانقلابات",
    }
)  # fmt: skip
ROLE_TITLE: str = "title"
ROLE_RANK: str = "rank"


@dataclass(slots=True)
class _Chain:
    """A title as written: where it starts and ends, the English role, the country it names, its last span."""

    start: int
    end: int
    role: str
    country: str | None
    last: int  # index of its last span
    rank_only: bool = False


class ForeignRules:
    """Everything the tagger needs for one language other than English, built once from its pack."""

    def __init__(self, pack: LanguagePack, kb: KnowledgeBase, watch_words: tuple[str, ...]) -> None:
        self.pack = pack
        self._agencies_by_id = {agency.id: agency for agency in kb.agencies}
        # each of the pack's bodies as the knowledge base's Agency (`like`) or a new one, built once for both matchers
        self._pack_bodies = [
            (entry, agency) for entry in pack.agencies if (agency := self._pack_agency(entry)) is not None
        ]
        self.entities = self._entity_matcher(pack, kb)
        self.words = self._word_matcher(pack, watch_words)
        self._word_probes = tuple(
            sorted(
                {
                    fold(term).lower().split()[0][:4]
                    for term in (*pack.coup.terms, *pack.coup.figurative_terms, *watch_words)
                    if term.strip()
                }
            )
        )
        self.cues = CoupCues.from_words(pack.coup.figurative, pack.coup.historical, pack.coup.current)
        self._of_words = tuple(sorted((f" {fold(w).lower()} " for w in pack.of_words), key=len, reverse=True))
        self._articles = frozenset(fold(w).lower() for w in pack.articles)
        self._stopwords = NAME_STOPWORDS | pack.name_stopwords
        self._conjunctions = tuple(f" {word} " for word in CONJUNCTIONS.get(pack.code, ()))
        self._in_words = frozenset(IN_WORDS.get(pack.code, ()))
        verbs = BECOMES.get(pack.code, ())
        articles = "|".join(regex.escape(word) for word in sorted(self._articles, key=len, reverse=True) if word)
        self._becomes = (
            regex.compile(
                r" (?:"
                + "|".join(regex.escape(verb) for verb in verbs)
                + r")"
                + (f" (?:(?:{articles}) )?$" if articles else " $")
            )
            if verbs
            else None
        )
        self._known_words = _words_of(
            (
                *pack.titles,
                *pack.ranks,
                *pack.portfolios,
                *(form for agency in pack.agencies for form in agency.forms),
                *(name for forms in pack.countries.values() for name in (*forms.names, *forms.capitals)),
                *pack.name_stopwords,
            )
        )
        self._demonyms_en = {country.code: country.demonyms[0] for country in kb.countries if country.demonyms}
        # In a script without capitals, a name after a title must open with a given name the pack's officials
        # use (محمد, أحمد, عبد ...): the words after a title are otherwise as often a verb or a noun.
        self._given_names = (
            frozenset(
                fold(name.split()[0]).lower()
                for names in pack.official_names.values()
                for name in names
                if len(name.split()) > 1
            )
            | frozenset(fold(word).lower() for word in ARABIC_NAME_OPENERS)
            | pack.given_names
        )

    # --- building ------------------------------------------------------------------------------------------

    def _entity_matcher(self, pack: LanguagePack, kb: KnowledgeBase) -> PatternMatcher:
        # German joins a title to what it heads: "Gemeindepräsident", "EU-Finanzmarktkommissarin"
        m = PatternMatcher(pack.prefixes, compound_kind=Kind.ROLE if pack.code in COMPOUND_TITLES else None)
        for code, forms in pack.countries.items():
            for form, surfaces in (("name", forms.names), ("demonym", forms.demonyms), ("capital", forms.capitals)):
                for surface in surfaces:
                    # a country that is also a first name is read as the English traps are ("Israel Ferrer")
                    given = form == "name" and fold(surface).lower() in GIVEN_NAME_COUNTRIES
                    m.add_all(pack.surfaces(surface), Kind.COUNTRY, (code, "ambiguous" if given else form))
        m.add_all(pack.non_country_phrases, Kind.NON_COUNTRY, None)
        for agency in kb.agencies:  # by acronym and by a proper name: "AFP", "NATO", "Reuters"
            if not agency.generic:
                m.add_all(agency.acronyms, Kind.AGENCY, agency, Case.EXACT)
                m.add(agency.name, Kind.AGENCY, agency)
                if pack.script == "latin":  # the Italian and German press write a long acronym as a name
                    titled = [a[0] + a[1:].lower() for a in agency.acronyms if len(a) >= TITLED_ACRONYM and a.isalpha()]
                    m.add_all(titled, Kind.AGENCY, agency, Case.EXACT)  # "Unficyp", "Monusco", "Ecowas"
        for entry, pack_agency in self._pack_bodies:
            for form in entry.forms:
                case = Case.EXACT if looks_like_acronym(form) else Case.ANY if form.islower() else None
                m.add_all(pack.surfaces(form), Kind.AGENCY, pack_agency, case)
        not_names = pack.not_names
        by_surname: dict[str, list[Any]] = {}
        for official in kb.officials:
            for name in (official.name, *official.aliases):
                if fold(name).lower() not in not_names:
                    m.add(name, Kind.OFFICIAL, official)
            for surname in official.surnames:
                key = fold(surname).lower()
                if key not in UNSAFE_SURNAMES and key not in not_names:
                    by_surname.setdefault(key, []).append(official)
        officials_by_id = {official.id: official for official in kb.officials}
        for official_id, names in pack.official_names.items():
            named = officials_by_id.get(official_id)
            if named is None:
                continue
            for name in names:
                key = fold(name).lower()
                if key in not_names:
                    continue
                if " " in name.strip():
                    m.add_all(pack.surfaces(name), Kind.OFFICIAL, named)
                else:  # a surname as this language writes it (Poutine, Путину, بوتين)
                    by_surname.setdefault(key, []).append(named)
                    for variant in pack.surfaces(name)[1:]:
                        by_surname.setdefault(fold(variant).lower(), []).append(named)
        for key, officials in by_surname.items():
            unique = tuple(dict.fromkeys(officials))
            m.add(key if pack.script == "arabic" else key.capitalize(), Kind.SURNAME, unique)
        bodies = self._bodies_matcher(pack, kb)
        for table, kind in ((pack.titles, ROLE_TITLE), (pack.ranks, ROLE_RANK)):
            for title, english in table.items():
                # a body named inside a title ("presidente della Commissione europea") counts as a mention of it
                inner = tuple(span.by_kind[Kind.AGENCY].ref for span in bodies.find(title, title)) if bodies else ()
                m.add_all(pack.surfaces(title), Kind.ROLE, (kind, english, inner), Case.ANY)
        for portfolio, english in pack.portfolios.items():
            m.add(portfolio, Kind.PORTFOLIO, english, Case.ANY)
        m.build()
        return m

    def _bodies_matcher(self, pack: LanguagePack, kb: KnowledgeBase) -> PatternMatcher | None:
        """The pack's bodies alone, any case: to find the ones a title names (titles are stored lowercase)."""
        m = PatternMatcher()
        forms = 0
        for entry, agency in self._pack_bodies:
            if not agency.generic or "Ministry" in agency.name or agency.id in GENERIC_BODIES_IN_TITLES:
                for form in entry.forms:
                    if len(form) > 1:
                        m.add(fold(form).lower(), Kind.AGENCY, agency, Case.ANY)
                        forms += 1
        if not forms:
            return None
        m.build()
        return m

    def _pack_agency(self, entry: PackAgency) -> Agency | None:
        if entry.like is not None:
            return self._agencies_by_id.get(entry.like)
        slug = re.sub(r"[^a-z0-9]+", "-", fold(entry.name).lower()).strip("-")
        return Agency(
            f"{self.pack.code}:{slug}:{entry.country or ''}",
            entry.name,
            entry.kind,
            entry.country,
            (),
            (),
            generic=entry.generic,
        )

    def _word_matcher(self, pack: LanguagePack, watch_words: tuple[str, ...]) -> PatternMatcher:
        m = PatternMatcher(pack.prefixes)
        for word in watch_words:
            m.add(word, Kind.WATCH, word, Case.ANY)
        for term in pack.coup.terms:
            m.add_all(pack.surfaces(term), Kind.COUP, "coup", Case.ANY)
        for idiom in pack.coup.not_coup:  # longer than the term inside it, so it wins
            m.add_all(pack.surfaces(idiom), Kind.NOT_COUP, None, Case.ANY)
        for phrase in pack.coup.figurative_terms:
            m.add_all(pack.surfaces(phrase), Kind.COUP, "figurative", Case.ANY)
        m.build()
        return m

    # --- officials -----------------------------------------------------------------------------------------

    def find_officials(self, scan: OfficialsScan) -> None:
        chains = self._chains(scan)
        role_at_start: dict[int, _Chain] = {}  # a name's start -> the title written before it
        role_at_end: dict[int, _Chain] = {}  # a name's end -> the title in apposition after it
        spans, cased = scan.spans, scan.cased
        for chain in chains:
            if chain.rank_only and chain.start < scan.body_start:
                continue
            name_pos = self._name_after(cased, chain.end)
            listed = 0
            while name_pos is not None and listed < MAX_LISTED:
                end = self._name_with_title(scan, chain, name_pos, role_at_start, listed > 0)
                if end is None:
                    break
                name_pos, listed = self._next_in_list(cased, end), listed + 1
        for chain in chains:
            if chain.rank_only:
                continue
            comma = self._apposition_before(cased, chain.start)
            if comma is None:
                comma = self._predicate_before(cased, chain.start)  # "X devient ministre de l'Intérieur"
            if comma is None:
                continue
            index = scan.span_at_or_after(comma) - 1
            span = spans[index] if index >= 0 else None
            if (
                span is not None
                and span.end == comma
                and (Kind.OFFICIAL in span.by_kind or Kind.SURNAME in span.by_kind)
            ):
                role_at_end[comma] = chain
                continue
            found = self._name_before(scan, comma)
            if found is not None and sum(1 for word in found[1].split() if word[:1].isupper()) >= 2:
                self._record_unknown(scan, found[1], found[0], chain)

        def role_of(_scan: OfficialsScan, index: int, start: int) -> str | None:
            chain = role_at_start.get(start) or role_at_end.get(spans[index].end)
            return chain.role if chain is not None and not chain.rank_only else None

        surname_spans: list[int] = []
        for index, span in enumerate(spans):
            if index in scan.consumed:
                continue
            official = span.by_kind.get(Kind.OFFICIAL)
            if official is not None:
                if span.start not in role_at_start and self._given_name_before(scan, span):
                    continue
                add_known(scan, official.ref, span.start, role_of(scan, index, span.start))
            elif Kind.SURNAME in span.by_kind and Kind.COUNTRY not in span.by_kind and Kind.AGENCY not in span.by_kind:
                if self.pack.script == "arabic" and self._arabic_name_goes_on(scan, span):
                    continue  # "الجنرال عباس ديمبيلي": Abbas is a given name here, not Mahmoud Abbas
                surname_spans.append(index)
        for index in surname_spans:
            if index not in scan.consumed:
                link_surname(scan, index, role_of=role_of)
        self._merge_surnames(scan)

    @staticmethod
    def _merge_surnames(scan: OfficialsScan) -> None:
        """ "le général Aoun" read before "le général Joseph Aoun" was known: one person."""
        alone = [key for key, record in scan.found.items() if record.kb is None and " " not in record.name]
        for key in alone:
            record = scan.found[key]
            surname = fold(record.name).lower()
            for other_key, other in scan.found.items():
                if other_key != key and " " in other.name and fold(other.name).lower().split()[-1] == surname:
                    other.mentions += record.mentions
                    other.first = min(other.first, record.first)
                    del scan.found[key]
                    break

    def _given_name_before(self, scan: OfficialsScan, span: Span) -> bool:
        """ "Mahamat Idriss Deby" is not the official "Idriss Deby"; but in languages that capitalise nouns, or
        after a title the pack lacks, the word before a name is often a noun ("la presidente della Commissione
        Ursula von der Leyen"): a word the pack writes in its titles, bodies or country names is no given name."""
        if not inside_longer_name(scan, span):
            return False
        cased = scan.cased
        word_start = cased.rfind(" ", 0, span.start - 1) + 1
        return fold(cased[word_start : span.start - 1]).lower() not in self._known_words

    def _chains(self, scan: OfficialsScan) -> list[_Chain]:
        """Every title in the text, read to its end (demonym, portfolio, "of" + country, a rank after it)."""
        spans, cased = scan.spans, scan.cased
        chains: list[_Chain] = []
        index = 0
        while index < len(spans):
            span = spans[index]
            role = span.by_kind.get(Kind.ROLE)
            if role is None:
                index += 1
                continue
            kind, english, _ = role.ref
            chain = _Chain(span.start, span.end, english, None, index, rank_only=kind == ROLE_RANK)
            before = spans[index - 1] if index > 0 else None
            if before is not None and cased[before.end : span.start] == " ":
                country = before.by_kind.get(Kind.COUNTRY)
                if country is not None and country.ref[1] == "demonym":  # "der nigrische Präsident"
                    chain.country = scan.resolve_country(before)
            following = index + 1
            while following < len(spans):
                nxt = spans[following]
                gap = cased[chain.end : nxt.start]
                country = nxt.by_kind.get(Kind.COUNTRY)
                portfolio = nxt.by_kind.get(Kind.PORTFOLIO)
                rank = nxt.by_kind.get(Kind.ROLE)
                if gap == " " and country is not None and country.ref[1] == "demonym" and chain.country is None:
                    chain.country = scan.resolve_country(nxt)
                elif gap == " " and portfolio is not None and not chain.rank_only:
                    chain.role = _with_portfolio(chain.role, portfolio.ref)
                elif (
                    gap == " "
                    and country is not None
                    and country.ref[1] in ("name", "ambiguous")
                    and self.pack.code in GENITIVE_COUNTRY
                    and chain.country is None
                ):
                    chain.country = scan.resolve_country(nxt)  # "министр обороны Боливии", "وزير خارجية قطر"
                elif portfolio is not None and not chain.rank_only and gap in self._conjunctions:
                    pass  # "ministre de l'Intérieur et de la Sécurité publique": a second portfolio
                elif (
                    nxt.by_kind.get(Kind.AGENCY) is not None
                    and not chain.rank_only
                    and f" {gap.strip().lower()} " in self._of_words
                    and gap.startswith(" ")
                    and gap.endswith(" ")
                ):
                    body: Agency = nxt.by_kind[Kind.AGENCY].ref  # "président de la CEI, X"
                    if chain.country is None and body.country:
                        chain.country = body.country
                elif (
                    country is not None
                    and country.ref[1] in ("name", "ambiguous", "capital")  # "alcalde de Bogotá"
                    and f" {gap.strip().lower()} " in self._of_words
                    and gap.startswith(" ")
                    and gap.endswith(" ")
                ):
                    chain.country = scan.resolve_country(nxt)  # "ministre de la Défense du Niger"
                elif rank is not None and rank.ref[0] == ROLE_RANK and self._rank_gap(gap):
                    if chain.rank_only:
                        chain.role = rank.ref[1]
                elif (
                    (country is not None or nxt.by_kind.get(Kind.AGENCY) is not None)
                    and gap.startswith(" ")
                    and gap.endswith(" ")
                    and gap.strip() in self._in_words
                ):
                    pass  # "embajador en Washington", "procureur général près la Cour": where the post is
                else:
                    break
                chain.end, chain.last = nxt.end, following
                following += 1
            acronym = _ACRONYM_AFTER.match(cased, chain.end)
            if acronym is not None:
                chain.end = acronym.end()  # "coordonnateur du Conseil présidentiel de transition (CPT), X"
            region = _REGION_AFTER.get(self.pack.code)
            region_match = region.match(cased, chain.end) if region is not None and not chain.rank_only else None
            if region_match is not None:
                chain.end = region_match.end()  # "губернатор Курской области X": a region the pack does not name
            place = _PLACE_AFTER.match(cased, chain.end)
            if place is not None and f" {fold(place.group(1)).lower()} " in self._of_words and not chain.rank_only:
                chain.end = place.end() - 2  # "alcalde de Uruapan, Carlos Manzo": a place the pack does not name
            chains.append(chain)
            index = following
        return chains

    def _name_with_title(
        self, scan: OfficialsScan, chain: _Chain, name_pos: int, role_at_start: dict[int, _Chain], listed: bool
    ) -> int | None:
        """Record the official named at `name_pos` after a title; where the name ends, or None if none is there.
        A name later in a list ("les ministres A, B et C") needs two capitalised words or a known official."""
        spans = scan.spans
        index = scan.span_at_or_after(name_pos)
        span = spans[index] if index < len(spans) else None
        if span is not None and span.start == name_pos:
            if Kind.OFFICIAL in span.by_kind or Kind.SURNAME in span.by_kind:
                role_at_start[name_pos] = chain
                return span.end
            if Kind.COUNTRY in span.by_kind or Kind.AGENCY in span.by_kind or Kind.ROLE in span.by_kind:
                return None
        name = self._name_at(scan, name_pos)
        if name is None or (listed and sum(1 for word in name.split() if word[:1].isupper()) < 2):
            return None
        after = scan.cased[name_pos + len(name) : name_pos + len(name) + 1]
        if scan.cased[name_pos - 2 : name_pos] == ", " and " " not in name and after not in (",", ".", ";", ":", ""):
            return None  # "ministro de la Presidencia, Justicia y ...": after a comma, one word must close it
        self._record_unknown(scan, name, name_pos, chain)
        return name_pos + len(name)

    def _next_in_list(self, cased: str, end: int) -> int | None:
        """Where the next name of a list starts after a name ending at `end` (", B", " et B"), or None."""
        if cased.startswith(", ", end):
            return end + 2
        for conjunction in self._conjunctions:
            if cased.startswith(conjunction, end):
                return end + len(conjunction)
        return None

    def _rank_gap(self, gap: str) -> bool:
        """ "chef d'état-major, le général X", "Präsident General X": a rank after a title."""
        words = gap.replace(",", " ").split()
        return gap in (" ", ", ") or (
            gap.startswith((", ", " ")) and gap.endswith(" ") and all(fold(w).lower() in self._articles for w in words)
        )

    def _name_after(self, cased: str, end: int) -> int | None:
        for gap in _TITLE_GAPS:
            if cased.startswith(gap, end):
                return end + len(gap)
        return None

    def _name_at(self, scan: OfficialsScan, start: int) -> str | None:
        """The person's name written at `start` (a title stands before it), or None."""
        if self.pack.script == "arabic":
            return self._arabic_name_at(scan, start)
        run = _NAME_RUN.match(scan.cased, start)
        if run is None:
            return None
        kept = self._name_words(run.group(0).split(" "))
        if not kept:
            return None
        end = start + len(" ".join(kept))
        if kept[-1].endswith(".") and len(kept[-1]) > 2:
            end -= 1  # "Campania. L'ex": the sentence ends there ("J." is an initial)
        name = scan.text[start:end].rstrip("'’")
        # a single word that is a body, country or title is not a name
        index = scan.span_at_or_after(start)
        if index < len(scan.spans) and scan.spans[index].start == start and scan.spans[index].end >= end:
            return None
        return name if len(name) > 1 else None

    def _name_words(self, words: list[str]) -> list[str]:
        """The words of a capitalised run that belong to the name: up to a capitalised word the language uses
        to open sentences ("Selon", "Según") or the end of a sentence; particles inside stay ("Hugo de Zela")."""
        kept: list[str] = []
        for index, word in enumerate(words):
            folded = fold(word).lower().rstrip(".")
            following = words[index + 1] if index + 1 < len(words) else ""
            if word[:1].isupper() and folded in self._stopwords:
                if kept and folded in MID_NAME_PARTICLES and following[:1].isupper():
                    kept.append(word)  # "Ignazio La Russa", "Francesco Lo Voi": an article inside a surname
                    continue
                if not kept:
                    return []
                break
            if folded in ("der", "den", "des") and not (kept and fold(kept[-1]).lower() in ("van", "von")):
                break  # "Nora Back den Demonstranten": German articles join a name only after van or von
            kept.append(word)
            if word.endswith(".") and len(word) > 2:
                break
        while kept and fold(kept[-1]).lower() in NAME_PARTICLES:
            kept.pop()
        return kept

    def _arabic_name_goes_on(self, scan: OfficialsScan, span: Span) -> bool:
        """An Arabic word right after a surname that is no stop word and no known span: a longer name."""
        after = _ARABIC_WORD.match(scan.cased, span.end + 1) if scan.cased.startswith(" ", span.end) else None
        if after is None or fold(after.group(0)).lower() in self._stopwords:
            return False
        index = scan.span_at_or_after(after.start())
        return not (index < len(scan.spans) and scan.spans[index].start == after.start())

    def _arabic_name_at(self, scan: OfficialsScan, start: int) -> str | None:
        """Arabic has no capitals: the name is the next two to four words, up to a word the pack says never
        belongs to a name, punctuation, or anything the automaton knows (a country, a body, a title)."""
        cased = scan.cased
        words: list[tuple[int, int]] = []
        pos = start
        cut_by_article = False
        while len(words) < 4:
            match = _ARABIC_WORD.match(cased, pos)
            if match is None:
                break
            word = match.group(0)
            if fold(word).lower() in self._stopwords:
                break
            if word[:3] in ("بال", "وال", "لل", "فال", "كال") or word[:2] == "لل":
                cut_by_article = True  # "لويز فوكس بالبراءة": a noun with its article and a particle ends the name
                break
            index = scan.span_at_or_after(match.start())
            # a span may start after a joined proclitic ("لجمهورية الكونغو"): within the word's first two letters
            if index < len(scan.spans) and scan.spans[index].start <= match.start() + 2 < match.end():
                span = scan.spans[index]
                if not (Kind.SURNAME in span.by_kind or Kind.OFFICIAL in span.by_kind):
                    break
            words.append((match.start(), match.end()))
            if not cased.startswith(" ", match.end()):
                break
            pos = match.end() + 1
        if len(words) < 2:
            return None
        first = fold(cased[words[0][0] : words[0][1]]).lower()
        family = fold(cased[words[1][0] : words[1][1]]).lower()
        closed = cut_by_article or _ARABIC_NAME_END.match(cased, words[-1][1]) is not None
        if first not in self._given_names and not (family.startswith("ال") or closed):
            return None  # "رئيس وزراء يعين بصورة دائمة": a verb, not a name, follows the title
        return scan.text[words[0][0] : words[-1][1]]

    def _predicate_before(self, cased: str, start: int) -> int | None:
        """Where the name ends in "Name <becomes / is appointed> <title>": the language's verbs of a new post."""
        pattern = self._becomes
        if pattern is None:
            return None
        found = pattern.search(cased, max(0, start - 40), start)
        return found.start() if found is not None else None

    def _apposition_before(self, cased: str, start: int) -> int | None:
        """Where the comma of "Name, [article] <title>" stands, when one does."""
        head = cased[max(0, start - 30) : start]
        comma = head.rfind(", ")
        if comma == -1:
            return None
        between = head[comma + 2 :].split()
        if any(fold(word).lower() not in self._articles for word in between):
            return None
        return start - len(head) + comma

    def _name_before(self, scan: OfficialsScan, end: int) -> tuple[int, str] | None:
        """The capitalised name that ends at `end` (up to four words), with where it starts."""
        if self.pack.script == "arabic":
            return None  # Arabic writes the title first; appositions are rare and unmarked
        window_start = max(scan.body_start, end - 80)
        run = _NAME_RUN_BEFORE.search(scan.cased, window_start, end)
        if run is None:
            return None
        words = run.group(0).split(" ")
        while words and (
            fold(words[0]).lower() in NAME_PARTICLES
            or (words[0][:1].isupper() and fold(words[0]).lower() in self._stopwords)
        ):
            words.pop(0)  # "di Stato", "Selon Jean Dupont": neither opens a name
        if any(word.endswith(".") and len(word) > 2 for word in words[:-1]):
            return None  # a sentence ends inside
        if not words or any(fold(word).lower() in self._stopwords for word in words if word[:1].isupper()):
            return None
        start = end - len(" ".join(words))
        index = scan.span_at_or_after(start)
        if (
            index < len(scan.spans)
            and scan.spans[index].start == start
            and not (Kind.SURNAME in scan.spans[index].by_kind or Kind.OFFICIAL in scan.spans[index].by_kind)
        ):
            return None
        return start, scan.text[start:end]

    def _record_unknown(self, scan: OfficialsScan, name: str, start: int, chain: _Chain) -> None:
        if chain.rank_only and chain.start >= start:
            return
        tokens = name.split()
        if len(tokens) == 1:
            linked = scan.find_by_surname(name)
            if linked is not None:
                linked.mentions += 1
                return
        end = start + len(name)
        for index in range(scan.span_at_or_after(start), len(scan.spans)):
            if scan.spans[index].start >= end:
                break
            scan.consumed.add(index)
        key = "u:" + fold(name)
        record = scan.found.get(key)
        if record is not None:
            record.mentions += 1
            return
        country = chain.country or scan.context_country(start)
        surname = tokens[-1].split("-")[-1] if len(tokens) > 1 else None
        scan.found[key] = Found(name, chain.role, country, False, start, surname=surname, written_role=True)
        if chain.country:
            scan.phrase_countries.append((chain.start, start, chain.country))

    # --- agencies ------------------------------------------------------------------------------------------

    def find_agencies(
        self,
        text: str,
        spans: list[Span],
        cased: str,
        name_spans: set[int],
        resolve: Callable[[Span], str | None],
        near: Callable[[int], str | None],
        phrase_countries: list[tuple[int, int, str]],
    ) -> list[AgencyMention]:
        found: dict[tuple[str, str | None], list[Any]] = {}
        defined = self._acronyms_defined(text, spans, cased)
        for index, span in enumerate(spans):
            role = span.by_kind.get(Kind.ROLE)
            if role is not None:
                for inner in role.ref[2]:  # "commandant de la garde présidentielle": the guard of the title's country
                    country = (
                        inner.country
                        if not inner.generic
                        else self._country_beside(spans, index, cased, resolve) or near(span.start)
                    )
                    self._count_body(found, span.start, inner, country, inner.name, None)
            payload = span.by_kind.get(Kind.AGENCY)
            if payload is None or index in name_spans:
                continue
            agency: Agency = payload.ref
            redefined = defined.get(cased[span.start : span.end])
            if redefined is not None and redefined[0] is not agency:
                agency, offset = redefined  # "la CEI" after "Commission électorale indépendante (CEI)"
                self._count_body(found, offset, agency, _found_country(found, agency), agency.name, None)
                continue
            country = agency.country
            name = agency.name
            if agency.generic:
                beside = self._country_beside(spans, index, cased, resolve)
                written = cased[span.start : span.end]
                if (
                    beside is None
                    and (written == written.lower() or self.pack.code in NOUNS_CAPITALISED)  # Arabic has no case
                    and "Ministry" not in agency.name
                    and written.rsplit(" ", 1)[-1]
                    not in NATIONAL_WORDS  # "la gendarmerie nationale": the country's own
                ):
                    continue  # "l'armée", "la junta": only a body named with its country counts, as in English
                country = (
                    beside or next((c for s, e, c in phrase_countries if s <= span.start < e), None) or near(span.start)
                )
                if beside is not None and beside in self._demonyms_en:
                    name = f"{self._demonyms_en[beside]} {agency.name}"  # "l'armée malienne": "Malian Army"
                if (
                    agency.name_as_written
                    and not cased[span.start : span.end].islower()
                    and (beside is None or agency.needs_lead_in)  # "Вооружённые силы Бенина": Beninese Armed Forces
                ):
                    # "Commission électorale indépendante (CEI)": the body's own name, as written
                    proper = _PROPER_NAME_TAIL.match(cased, span.end)
                    name = text[span.start : proper.start(1) if proper is not None else span.end].strip()
            written = text[span.start : span.end]
            self._count_body(found, span.start, agency, country, name, written if written != name else None)
        ordered = sorted(found.values(), key=lambda v: v[0])
        return [
            AgencyMention(name, agency.kind, country, count, "kb", written)
            for _, count, agency, country, name, written in ordered
        ]

    @staticmethod
    def _acronyms_defined(text: str, spans: list[Span], cased: str) -> dict[str, tuple[Agency, int]]:
        """Acronyms the text defines after a body's name: "Commission électorale indépendante (CEI)"."""
        defined: dict[str, tuple[Agency, int]] = {}
        for span in spans:
            payload = span.by_kind.get(Kind.AGENCY)
            if payload is None or "(" not in cased[span.end : span.end + 40]:
                continue
            proper = _PROPER_NAME_TAIL.match(cased, span.end)
            if proper is None:
                continue
            acronym = proper.group(1).strip(" ()")
            words = [word for word in cased[span.start : proper.start(1)].replace("'", " ").split() if len(word) > 2]
            if "".join(word[0] for word in words).upper() == acronym.replace("-", ""):
                defined[acronym] = (payload.ref, span.start)  # its initials: this body's acronym here
        return defined

    @staticmethod
    def _count_body(
        found: dict[tuple[str, str | None], list[Any]],
        offset: int,
        agency: Agency,
        country: str | None,
        name: str,
        written: str | None,
    ) -> None:
        key = (agency.id if not agency.generic else agency.name, country)
        entry = found.get(key)
        if entry is None:
            found[key] = [offset, 1, agency, country, name, written]
            return
        entry[1] += 1
        if len(name) > len(entry[4]):
            entry[4] = name  # the most specific of its names
        if written is not None and (entry[5] is None or len(written) > len(entry[5])):
            entry[5] = written

    def _country_beside(
        self, spans: list[Span], index: int, cased: str, resolve: Callable[[Span], str | None]
    ) -> str | None:
        """ "l'armée malienne", "das nigerianische Militär", "ministère ... du Niger": the body's own country."""
        span = spans[index]
        if index + 1 < len(spans):
            nxt = spans[index + 1]
            payload = nxt.by_kind.get(Kind.COUNTRY)
            gap = cased[span.end : nxt.start]
            if payload is not None and (
                (gap == " " and payload.ref[1] == "demonym")
                or (gap == " " and payload.ref[1] == "name" and self.pack.code in GENITIVE_COUNTRY)  # "МИД Франции"
                or (gap.startswith(" ") and gap.endswith(" ") and f" {gap.strip().lower()} " in self._of_words)
            ):
                return resolve(nxt)
        if index > 0:
            before = spans[index - 1]
            payload = before.by_kind.get(Kind.COUNTRY)
            if payload is not None and payload.ref[1] == "demonym" and cased[before.end : span.start] == " ":
                return resolve(before)
        return None

    # --- coup and watch words ------------------------------------------------------------------------------

    def _coup_event(self, text: str, span: Span, ref: str, published: date | None, body_start: int) -> Event:
        length = span.end - span.start
        if ref == "figurative":  # "coup diplomatique": a political move, whatever the sentence says
            evidence = text[span.start : span.end]
            return Event(type="coup", use="figurative", confidence=0.9, evidence=evidence, offset=span.start)
        event = classify_coup(text, span.start, length, published, self.cues)
        if span.start < body_start and event.use != "figurative":
            # a coup in the headline is what the dispatch is about: current, unless the headline gives a past year
            # or dates it itself ("quattro anni dopo il golpe")
            title = text[:body_start]
            dated = self.cues.historical.search(fold(title[max(0, span.start - 20) : span.end + 20]).lower())
            if not _PAST_YEAR.search(title) and not dated:  # (a headline's "former minister" is a person)
                return Event(type="coup", use="current", confidence=0.9, evidence=title.strip(), offset=span.start)
        return event

    def words_and_events(
        self, text: str, cased: str, lower: str, published: date | None, body_start: int = 0
    ) -> tuple[list[str], list[Event]]:
        keywords: list[str] = []
        events: list[Event] = []
        if not any(probe in lower for probe in self._word_probes):
            return keywords, events
        plural: set[int] = set()  # offsets of the mentions written in the plural
        for span in self.words.find(cased, lower):
            for payload in span.payloads:
                if payload.kind == Kind.WATCH and payload.ref not in keywords:
                    keywords.append(payload.ref)
                elif payload.kind == Kind.COUP and len(events) < MAX_COUP_EVENTS:
                    events.append(self._coup_event(text, span, payload.ref, published, body_start))
                    if not PLURAL_COUPS.isdisjoint(lower[span.start : span.end].split()):
                        plural.add(span.start)
        return keywords, _current_outranks_past(events, plural)


def _current_outranks_past(events: list[Event], plural: set[int]) -> list[Event]:
    """A dispatch about a coup now often recalls the country's past ones ("the eighth coup in the region since
    2020"): a clear current mention (a cue for it, no past year in its sentence) outranks them, so the past
    mentions' confidence is brought below it; any current mention outranks coups counted in the plural (at
    `plural` offsets). Each mention keeps its own use."""
    current = [e for e in events if e.use == "current" and not _PAST_YEAR.search(e.evidence)]
    if not current:
        return events
    clear = [e.confidence for e in current if e.confidence >= 0.5]
    below_clear = max(clear) - 0.05 if clear else None  # every past mention
    below_any = max(e.confidence for e in current) - 0.05  # a mention of coups in the plural

    def ceiling(event: Event) -> float | None:
        caps = [cap for cap in (below_clear, below_any if event.offset in plural else None) if cap is not None]
        return max(caps) if caps else None

    capped = []
    for e in events:
        cap = ceiling(e) if e.use == "historical" else None
        capped.append(e if cap is None else Event(e.type, e.use, min(e.confidence, cap), e.evidence, e.offset))
    return capped


def _found_country(found: dict[tuple[str, str | None], list[Any]], agency: Agency) -> str | None:
    """The country already given to a body counted before (its first mention named it)."""
    for (_, country), entry in found.items():
        if entry[2] is agency:
            return country
    return agency.country


def _words_of(phrases: tuple[str, ...]) -> frozenset[str]:
    return frozenset(word for phrase in phrases for word in fold(phrase).lower().replace("'", " ").split())


def _with_portfolio(role: str, portfolio: str) -> str:
    """ "Minister" + "Defence" -> "Defence Minister"; "Deputy Minister" + "Defence" -> "Deputy Defence Minister"."""
    if role.endswith("Minister"):
        return f"{role[: -len('Minister')]}{portfolio} Minister".strip()
    return f"{role} of {portfolio}"
