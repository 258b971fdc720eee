"""Language packs: what the tagger needs to read news in a language other than English.

One JSON file per language in `kb/languages/` (`fr.json`, `ru.json`, ...): the language's names of countries
(CLDR's through babel, plus demonyms in every gender, number and case), the titles written before or after a
name with their English role, military ranks, bodies named in the language, the names of known officials as the
language writes them (Путин, بوتين, Poutine), its words for a coup and the idioms that only contain one, and
the knowledge base's names that are ordinary words in it (German "Frieden").

The output stays language-neutral: a title becomes the English role ("ministre de l'Intérieur" -> "Interior
Minister"), a body its English name, a country its ISO code.
"""

from __future__ import annotations

import json
import pathlib
from dataclasses import dataclass
from typing import Any

from wirewatch.processors.tagger.kb import (
    AGENCY_KINDS,
    BUNDLED_KB_DIR,
    KnowledgeBaseError,
    read_kb_file,
    valid_country_codes,
)
from wirewatch.processors.tagger.textfold import fold

LANGUAGES_DIR = "languages"
COUP_USES = ("terms", "not_coup", "figurative", "historical", "current", "figurative_terms")
# Arabic writes conjunctions, prepositions and the article as one word with the noun: "والسودان", "بمصر",
# "للجيش". A name is matched with each of these in front as well.
ARABIC_PROCLITIC_LETTERS = ("و", "ب", "ل", "ف", "ك")


@dataclass(frozen=True, slots=True)
class CountryForms:
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PackAgency:
    forms: tuple[str, ...]  # as the language writes the body ("ministère des Armées", "Bundeswehr", "ФСБ")
    name: str  # its English name, or a knowledge-base agency's id with `like`
    kind: str
    country: str | None
    generic: bool  # every government has one ("ministère de l'Intérieur"): the country comes from the text
    like: str | None = None  # the knowledge-base agency this is another name of ("ONU" -> un)


@dataclass(frozen=True, slots=True)
class CoupWords:
    terms: tuple[str, ...]  # "coup d'État", "putsch", "golpe de Estado", "госпереворот", "انقلاب"
    not_coup: tuple[str, ...]  # idioms that contain a term: "coup de tonnerre", "golpe de suerte"
    figurative: tuple[str, ...]  # cue words of a figurative use near the term ("coup diplomatique")
    historical: tuple[str, ...]  # cue words of a past coup ("depuis", "ancien")
    current: tuple[str, ...]  # cue words of a coup now ("tentative", "militaires", "junte")
    figurative_terms: tuple[str, ...] = ()  # a political move called a coup: "coup diplomatique", "golpe de efecto"


@dataclass(frozen=True, slots=True)
class LanguagePack:
    code: str
    countries: dict[str, CountryForms]
    non_country_phrases: tuple[str, ...]
    official_names: dict[str, tuple[str, ...]]  # knowledge-base official id -> names as the language writes them
    titles: dict[str, str]  # a role as written (folded, lowercase) -> the English role
    portfolios: dict[str, str]  # "de la défense" -> "Defence": after a minister's title and a demonym
    ranks: dict[str, str]  # "général de brigade" -> "Brigadier General"
    agencies: tuple[PackAgency, ...]
    coup: CoupWords
    not_names: frozenset[str]  # folded, lowercase: knowledge-base names that are ordinary words here
    articles: tuple[str, ...]  # words that may stand between ", " and a title ("le", "la", "der", "el")
    of_words: tuple[str, ...] = ()  # "du", "de la", "des": a title's country after it ("ministre ... du Niger")
    name_stopwords: frozenset[str] = frozenset()  # folded, lowercase: sentence openers never part of a name
    given_names: frozenset[str] = frozenset()  # folded: where a script has no capitals, what opens a name
    script: str = "latin"  # latin | cyrillic | arabic
    source: str = ""

    @classmethod
    def from_dict(cls, doc: dict[str, Any], where: str) -> LanguagePack:
        problems = validate_pack(doc)
        if problems:
            shown = "\n  ".join(problems[:30])
            raise KnowledgeBaseError(f"language pack {where} is invalid ({len(problems)} problems):\n  {shown}")
        coup = doc.get("coup", {})
        return cls(
            code=doc["language"],
            countries={
                code: CountryForms(
                    tuple(forms.get("names", ())), tuple(forms.get("demonyms", ())), tuple(forms.get("capitals", ()))
                )
                for code, forms in doc.get("countries", {}).items()
            },
            non_country_phrases=tuple(doc.get("non_country_phrases", ())),
            official_names={key: tuple(names) for key, names in doc.get("officials", {}).items()},
            titles={_key(k): v for k, v in doc.get("titles", {}).items()},
            portfolios={_key(k): v for k, v in doc.get("portfolios", {}).items()},
            ranks={_key(k): v for k, v in doc.get("ranks", {}).items()},
            agencies=tuple(
                PackAgency(
                    tuple(a["forms"]),
                    a.get("name", ""),
                    a.get("kind", "government"),
                    a.get("country"),
                    bool(a.get("generic", False)),
                    a.get("like"),
                )
                for a in doc.get("agencies", ())
            ),
            coup=CoupWords(*(tuple(coup.get(use, ())) for use in COUP_USES)),
            not_names=frozenset(_key(w) for w in doc.get("not_names", ())),
            articles=tuple(doc.get("articles", ())),
            of_words=tuple(doc.get("of_words", ())),
            name_stopwords=frozenset(_key(w) for w in doc.get("name_stopwords", ())),
            given_names=frozenset(_key(w) for w in doc.get("given_names", ())),
            script=doc.get("script", "latin"),
            source=doc["source"],
        )

    def surfaces(self, surface: str) -> list[str]:
        """The ways a surface form can stand in text. Arabic joins its proclitics to the word (و ب ل ف ك: the
        matcher accepts a match after them, see PatternMatcher's `prefixes`); ل before the article drops the
        article's alef ("ل" + "السودان" is written "للسودان"), so a word with the article also stands without
        its alef."""
        if self.script != "arabic" or not surface.startswith("ال"):
            return [surface]
        return [surface, surface[1:]]

    @property
    def prefixes(self) -> str:
        return "".join(ARABIC_PROCLITIC_LETTERS) if self.script == "arabic" else ""


def _key(text: str) -> str:
    return " ".join(fold(text).split())


def validate_pack(doc: Any) -> list[str]:
    if not isinstance(doc, dict):
        return ["a language pack must be a JSON object"]
    problems = []
    for key in ("language", "source"):
        if not isinstance(doc.get(key), str) or not doc.get(key):
            problems.append(f"missing {key!r}")
    codes = valid_country_codes()
    for code, forms in (doc.get("countries") or {}).items():
        if code not in codes:
            problems.append(f"countries: unknown code {code!r}")
        if not isinstance(forms, dict) or set(forms) - {"names", "demonyms", "capitals"}:
            problems.append(f"countries.{code}: only names, demonyms, capitals")
    for section in ("titles", "portfolios", "ranks"):
        table = doc.get(section, {})
        if not isinstance(table, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in table.items()):
            problems.append(f"{section}: must map text to the English role")
    for i, agency in enumerate(doc.get("agencies", ())):
        if not isinstance(agency, dict) or not agency.get("forms"):
            problems.append(f"agencies[{i}]: needs forms")
            continue
        if "like" not in agency and (not agency.get("name") or agency.get("kind") not in AGENCY_KINDS):
            problems.append(f"agencies[{i}] {agency['forms'][0]!r}: needs name and kind (or like)")
        if agency.get("country") is not None and agency["country"] not in codes:
            problems.append(f"agencies[{i}]: unknown country {agency['country']!r}")
    if doc.get("script", "latin") not in ("latin", "cyrillic", "arabic"):
        problems.append("script must be latin, cyrillic or arabic")
    if set(doc.get("coup", {})) - set(COUP_USES):
        problems.append(f"coup: only {', '.join(COUP_USES)}")
    return problems


def load_packs(kb_dir: pathlib.Path | None = None) -> dict[str, LanguagePack]:
    """Every pack in `kb_dir/languages/` (default: the bundled knowledge base's), by language code."""
    folder = (pathlib.Path(kb_dir) if kb_dir is not None else BUNDLED_KB_DIR) / LANGUAGES_DIR
    packs = {}
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        pack = LanguagePack.from_dict(read_kb_file(path), str(path))
        packs[pack.code] = pack
    return packs


def dump_pack(doc: dict[str, Any], path: pathlib.Path) -> None:
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
