"""Load and validate the tagger's knowledge base (countries, agencies, officials JSON files).

Validation collects every problem in a file before failing, so one run of the KB test shows them all.
"""

from __future__ import annotations

import json
import pathlib
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pycountry

from wirewatch.errors import ConfigurationError

BUNDLED_KB_DIR = pathlib.Path(__file__).resolve().parent.parent / "kb"
AGENCY_KINDS = ("news_agency", "government", "military", "international")
EXTRA_COUNTRY_CODES = frozenset({"XK"})  # Kosovo: user-assigned, used by the EU, IMF and news wires
MAX_KB_FILE_BYTES = 50 * 1024 * 1024
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class KnowledgeBaseError(ConfigurationError, ValueError):
    """A knowledge-base file is missing, unreadable or breaks the schema."""


def valid_country_codes() -> frozenset[str]:
    return frozenset(c.alpha_2 for c in pycountry.countries) | EXTRA_COUNTRY_CODES


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Agency:
    id: str
    name: str
    kind: str
    country: str | None
    aliases: tuple[str, ...]
    acronyms: tuple[str, ...]  # matched case-sensitively
    generic: bool = False  # a body every government has ("Foreign Ministry"): country comes from the text
    name_as_written: bool = False  # report the text's own name ("National Electoral Council"), not `name`
    # a bare head noun ("Authority", "Committee"): a body only when capitalised words lead into it
    # ("Nepal Electricity Authority"), never alone
    needs_lead_in: bool = False
    learned: bool = False  # from the learned layer, not the knowledge base


@dataclass(frozen=True, slots=True)
class Role:
    title: str
    country: str
    start: date
    end: date | None

    def valid_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Official:
    id: str
    name: str
    aliases: tuple[str, ...]
    surnames: tuple[str, ...]
    roles: tuple[Role, ...]
    learned: bool = False  # from the learned layer (processors/tagger/learned.py), not the knowledge base

    def role_on(self, day: date | None) -> Role | None:
        """The role valid on `day`; without a day (or none valid), the latest one, current roles first."""
        if not self.roles:
            return None
        if day is not None:
            valid = [r for r in self.roles if r.valid_on(day)]
            if valid:
                return max(valid, key=lambda r: (r.start, r.end is None))
        return max(self.roles, key=lambda r: (r.end is None, r.end or date.max, r.start))


@dataclass(slots=True)
class KnowledgeBase:
    countries: list[Country]
    agencies: list[Agency]
    officials: list[Official]
    ambiguous_country_words: dict[str, str] = field(default_factory=dict)
    non_country_phrases: list[str] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)
    # a dateline's city that is not a capital ("LAGOS (Reuters) -") -> the country the dispatch is about
    dateline_cities: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, kb_dir: pathlib.Path | None = None, updates: pathlib.Path | None = None) -> KnowledgeBase:
        """Read and validate the KB in `kb_dir` (default: the bundled one).

        `updates` names an officials file (same schema, e.g. written by `wirewatch kb import`) merged over
        `officials.json`: an entry with a bundled official's id replaces it, others are added. A missing
        updates file is not an error."""
        kb_dir = pathlib.Path(kb_dir) if kb_dir is not None else BUNDLED_KB_DIR
        raw = {name: read_kb_file(kb_dir / f"{name}.json") for name in ("countries", "agencies", "officials")}
        if updates is not None and pathlib.Path(updates).is_file():
            raw["updates"] = _merge_updates(raw["officials"], pathlib.Path(updates))
        problems = (
            validate_countries(raw["countries"])
            + validate_agencies(raw["agencies"])
            + validate_officials(raw["officials"])
        )
        if problems:
            shown = "\n  ".join(problems[:30])
            raise KnowledgeBaseError(f"knowledge base in {kb_dir} is invalid ({len(problems)} problems):\n  {shown}")
        return cls(
            countries=[
                Country(
                    c["code"],
                    c["name"],
                    tuple(c.get("names", ())),
                    tuple(c.get("demonyms", ())),
                    tuple(c.get("capitals", ())),
                )
                for c in raw["countries"]["countries"]
            ],
            agencies=[
                Agency(
                    a["id"],
                    a["name"],
                    a["kind"],
                    a.get("country"),
                    tuple(a.get("aliases", ())),
                    tuple(a.get("acronyms", ())),
                    bool(a.get("generic", False)),
                    bool(a.get("name_as_written", False)),
                    bool(a.get("needs_lead_in", False)),
                )
                for a in raw["agencies"]["agencies"]
            ],
            officials=[_official(o) for o in raw.get("updates", raw["officials"])["officials"]],
            ambiguous_country_words=dict(raw["countries"].get("ambiguous", {})),
            non_country_phrases=list(raw["countries"].get("non_country_phrases", [])),
            dateline_cities=dict(raw["countries"].get("dateline_cities", {})),
            sources={name: doc["source"] for name, doc in raw.items()},
        )


def _merge_updates(officials: dict[str, Any], path: pathlib.Path) -> dict[str, Any]:
    """`officials` with the validated updates file at `path` merged over it (by id), as one officials doc."""
    doc = read_kb_file(path)
    problems = validate_officials(doc)
    if problems:
        shown = "\n  ".join(problems[:30])
        raise KnowledgeBaseError(f"{path}: officials updates file is invalid ({len(problems)} problems):\n  {shown}")
    replaced = {o["id"]: o for o in doc["officials"]}
    bundled = officials.get("officials")
    if not isinstance(bundled, list):
        return doc  # the bundled file is invalid: its own validation reports it
    merged = [replaced.pop(o.get("id"), o) if isinstance(o, dict) else o for o in bundled]
    return {"source": doc["source"], "officials": merged + list(replaced.values())}


def read_kb_file(path: pathlib.Path) -> dict[str, Any]:
    try:
        if path.stat().st_size > MAX_KB_FILE_BYTES:
            raise KnowledgeBaseError(f"{path}: larger than {MAX_KB_FILE_BYTES} bytes")
        doc = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise KnowledgeBaseError(f"{path}: missing knowledge-base file") from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise KnowledgeBaseError(f"{path}: unreadable: {exc}") from exc
    if not isinstance(doc, dict):
        raise KnowledgeBaseError(f"{path}: top level must be a JSON object")
    return doc


def _official(o: dict[str, Any]) -> Official:
    roles = tuple(
        Role(
            r["title"],
            r["country"],
            date.fromisoformat(r["start"]),
            date.fromisoformat(r["end"]) if r.get("end") else None,
        )
        for r in o["roles"]
    )
    return Official(o["id"], o["name"], tuple(o.get("aliases", ())), tuple(o.get("surnames", ())), roles)


# --- validation: each returns a list of human-readable problems (empty = valid) -------------------------------


def _check_source(doc: dict[str, Any], label: str) -> list[str]:
    src = doc.get("source")
    return [] if isinstance(src, str) and src.strip() else [f"{label}: missing 'source' (where the data comes from)"]


def _check_strings(value: Any, where: str, *, allow_empty: bool = True) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        return [f"{where}: must be a list of non-empty strings"]
    if not allow_empty and not value:
        return [f"{where}: must not be empty"]
    return []


def _check_unique(items: list[dict[str, Any]], key: str, label: str) -> list[str]:
    seen: set[Any] = set()
    problems = []
    for item in items:
        value = item.get(key)
        if value in seen:
            problems.append(f"{label}: duplicate {key} {value!r}")
        seen.add(value)
    return problems


def validate_countries(doc: dict[str, Any]) -> list[str]:
    problems = _check_source(doc, "countries")
    codes = valid_country_codes()
    items = doc.get("countries")
    if not isinstance(items, list) or not items:
        return [*problems, "countries: 'countries' must be a non-empty list"]
    for i, c in enumerate(items):
        where = f"countries[{i}]"
        if not isinstance(c, dict):
            problems.append(f"{where}: must be an object")
            continue
        if c.get("code") not in codes:
            problems.append(f"{where}: {c.get('code')!r} is not an ISO 3166-1 alpha-2 code (or XK)")
        if not isinstance(c.get("name"), str) or not c["name"].strip():
            problems.append(f"{where}: missing name")
        for key in ("names", "demonyms", "capitals"):
            problems += _check_strings(c.get(key, []), f"{where}.{key}")
    problems += _check_unique([c for c in items if isinstance(c, dict)], "code", "countries")
    missing = codes - {c.get("code") for c in items if isinstance(c, dict)}
    if missing:
        problems.append(f"countries: ISO codes without an entry: {sorted(missing)}")
    for word, code in (doc.get("ambiguous") or {}).items():
        if code not in codes:
            problems.append(f"countries.ambiguous[{word!r}]: bad code {code!r}")
    problems += _check_strings(doc.get("non_country_phrases", []), "countries.non_country_phrases")
    for city, code in (doc.get("dateline_cities") or {}).items():
        if code not in codes:
            problems.append(f"countries.dateline_cities[{city!r}]: bad code {code!r}")
    return problems


def validate_agencies(doc: dict[str, Any]) -> list[str]:
    problems = _check_source(doc, "agencies")
    codes = valid_country_codes()
    items = doc.get("agencies")
    if not isinstance(items, list) or not items:
        return [*problems, "agencies: 'agencies' must be a non-empty list"]
    for i, a in enumerate(items):
        where = f"agencies[{i}]"
        if not isinstance(a, dict):
            problems.append(f"{where}: must be an object")
            continue
        if not isinstance(a.get("id"), str) or not a["id"]:
            problems.append(f"{where}: missing id")
        if not isinstance(a.get("name"), str) or not a["name"].strip():
            problems.append(f"{where}: missing name")
        if a.get("kind") not in AGENCY_KINDS:
            problems.append(f"{where}: kind {a.get('kind')!r} not one of {AGENCY_KINDS}")
        country = a.get("country")
        if a.get("generic"):
            if country is not None:
                problems.append(f"{where}: a generic body takes its country from the text; country must be null")
        elif country is not None and country not in codes:
            problems.append(f"{where}: country {country!r} is not an ISO 3166-1 alpha-2 code")
        problems += _check_strings(a.get("aliases", []), f"{where}.aliases")
        problems += _check_strings(a.get("acronyms", []), f"{where}.acronyms")
        if a.get("needs_lead_in") and not (a.get("generic") and a.get("name_as_written")):
            problems.append(f"{where}: needs_lead_in applies to generic bodies reported as written")
        for flag in ("generic", "name_as_written", "needs_lead_in"):
            if not isinstance(a.get(flag, False), bool):
                problems.append(f"{where}: {flag} must be true or false")
    problems += _check_unique([a for a in items if isinstance(a, dict)], "id", "agencies")
    return problems


def _parse_date(value: Any, where: str, problems: list[str]) -> date | None:
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        problems.append(f"{where}: {value!r} is not an ISO date YYYY-MM-DD")
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        problems.append(f"{where}: {value!r} is not a real date")
        return None


def validate_officials(doc: dict[str, Any]) -> list[str]:
    problems = _check_source(doc, "officials")
    codes = valid_country_codes()
    if "as_of" in doc:
        _parse_date(doc["as_of"], "officials.as_of", problems)
    items = doc.get("officials")
    if not isinstance(items, list):
        return [*problems, "officials: 'officials' must be a list"]
    for i, o in enumerate(items):
        where = f"officials[{i}]"
        if not isinstance(o, dict):
            problems.append(f"{where}: must be an object")
            continue
        where = f"officials[{i}] ({o.get('id')})"
        if not isinstance(o.get("id"), str) or not o["id"]:
            problems.append(f"{where}: missing id")
        if not isinstance(o.get("name"), str) or not o["name"].strip():
            problems.append(f"{where}: missing name")
        problems += _check_strings(o.get("aliases", []), f"{where}.aliases")
        problems += _check_strings(o.get("surnames", []), f"{where}.surnames")
        roles = o.get("roles")
        if not isinstance(roles, list) or not roles:
            problems.append(f"{where}: needs at least one role")
            continue
        for j, r in enumerate(roles):
            rw = f"{where}.roles[{j}]"
            if not isinstance(r, dict):
                problems.append(f"{rw}: must be an object")
                continue
            if not isinstance(r.get("title"), str) or not r["title"].strip():
                problems.append(f"{rw}: missing title")
            if r.get("country") not in codes:
                problems.append(f"{rw}: country {r.get('country')!r} is not an ISO 3166-1 alpha-2 code (or XK)")
            start = _parse_date(r.get("start"), f"{rw}.start", problems)
            end = None if r.get("end") is None else _parse_date(r.get("end"), f"{rw}.end", problems)
            if start and end and end < start:
                problems.append(f"{rw}: end {end} is before start {start}")
    problems += _check_unique([o for o in items if isinstance(o, dict)], "id", "officials")
    return problems
