"""Import officials from Wikidata: parse a Wikidata Query Service result, merge it into the knowledge base.

The input is the SPARQL 1.1 Query Results JSON that https://query.wikidata.org returns for the query in
`processors/kb/tools/wikidata-officials.rq` (one row per "position held" statement, P39):

    ?person         uri      the person (…/entity/Q123)
    ?positionLabel  literal  the position's label, English where Wikidata has one     -> role title
    ?country        literal  ISO 3166-1 alpha-2 code of the position's country (P297)  -> role country
    ?start, ?end    literal  xsd:dateTime qualifiers P580 / P582 (?end optional)      -> role dates
    ?labels         literal  the person's labels, "lang:label" joined with "|"        -> name, aliases
    ?aliases        literal  the person's other names (skos:altLabel), same format     -> aliases (optional)
    ?position       uri      the position (optional, informational)

A malformed file, or one missing a required variable, is refused (`WikidataImportError`); a row with a bad
date, a non-ISO country or no start date is skipped and counted. `merge_import` folds the people into the
updates file (`[tagger] kb_updates`) that `KnowledgeBase.load(updates=...)` lays over the bundled officials,
and says what changed. Wikidata is CC0 1.0: the updates file records that in its `source`.
"""

from __future__ import annotations

import copy
import functools
import json
import pathlib
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from wirewatch.processors.tagger.kb import (
    BUNDLED_KB_DIR,
    KnowledgeBase,
    KnowledgeBaseError,
    read_kb_file,
    valid_country_codes,
    validate_officials,
)
from wirewatch.processors.tagger.textfold import fold, fold_cased

REQUIRED_VARS = ("person", "positionLabel", "country", "start", "labels")
OPTIONAL_VARS = ("position", "end", "aliases")
# The languages wirewatch tags, in the order a canonical name is chosen ("mul": Wikidata's default label).
NAME_LANGUAGES = ("en", "mul", "fr", "es", "pt", "de", "it", "ru", "ar")
MAX_IMPORT_FILE_BYTES = 512 * 1024 * 1024
SOURCE_NOTE = "Wikidata, CC0 1.0 (public domain dedication), imported with `wirewatch kb import` on {day} from {file}"
# Consecutive terms of one office (re-election, a new cabinet) are one role when the next starts within this.
TERM_GAP = timedelta(days=1)
# A KB role and a Wikidata statement of the same office whose starts differ by this much are one role
# (the curated KB often knows only the year: YYYY-01-01).
START_TOLERANCE = timedelta(days=400)

_QID = re.compile(r"(?:^|/)(Q[1-9][0-9]*)$")
_DATETIME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?)?$")
_TAGGED = re.compile(r"^([a-z]{2,3}(?:-[a-z0-9]+)*):(.*)$", re.DOTALL)
_ARTICLE = re.compile(r"\b(al|el|as|ad|an|ar|at|az|ash|adh)-(?=[A-Z])")
_NOT_A_NAME = re.compile(r"[0-9()\[\],;/|]")
_TITLE_STOPWORDS = frozenset({"of", "the", "for", "and", "on", "de", "du", "des", "la", "le", "del"})
_TITLE_SPELLINGS = {"defense": "defence", "ministry": "minister"}


class WikidataImportError(KnowledgeBaseError):
    """A Wikidata Query Service result that cannot be imported (not JSON, wrong shape, a variable missing)."""


@dataclass(frozen=True, slots=True)
class ImportedRole:
    title: str
    country: str
    start: date
    end: date | None

    def as_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "country": self.country,
            "start": self.start.isoformat(),
            "end": self.end.isoformat() if self.end else None,
        }


@dataclass(frozen=True, slots=True)
class ImportedPerson:
    """One Wikidata person with every imported role, consecutive terms of one office joined."""

    qid: str
    labels: tuple[tuple[str, str], ...]  # (language, label), NAME_LANGUAGES order first
    aliases: tuple[str, ...]
    roles: tuple[ImportedRole, ...]

    @property
    def name(self) -> str:
        return self.labels[0][1]

    def names(self) -> list[str]:
        """Every name Wikidata gives, labels first, without duplicates."""
        return _unique_folded([label for _, label in self.labels] + list(self.aliases))


@dataclass(slots=True)
class WikidataImport:
    people: list[ImportedPerson]
    rows: int
    skipped: Counter[str] = field(default_factory=Counter)  # reason -> rows skipped for it

    @property
    def roles(self) -> int:
        return sum(len(p.roles) for p in self.people)


# --- parsing -------------------------------------------------------------------------------------------------


def read_wdqs_file(path: pathlib.Path, country_names: Mapping[str, Sequence[str]] | None = None) -> WikidataImport:
    """Parse the WDQS JSON result saved at `path`."""
    try:
        if path.stat().st_size > MAX_IMPORT_FILE_BYTES:
            raise WikidataImportError(f"{path}: larger than {MAX_IMPORT_FILE_BYTES} bytes")
        data = path.read_bytes()
    except OSError as exc:
        raise WikidataImportError(f"{path}: cannot read: {exc}") from exc
    return parse_wdqs(data, where=str(path), country_names=country_names)


def parse_wdqs(
    data: str | bytes, *, where: str = "input", country_names: Mapping[str, Sequence[str]] | None = None
) -> WikidataImport:
    """Parse SPARQL 1.1 Query Results JSON from WDQS into people with roles (see the module docstring).

    Titles lose a trailing "of <the role's country>" ("Prime Minister of Japan" -> "Prime Minister", as the
    KB writes them: the country is the role's own field); `country_names` maps an ISO code to the names to
    strip, by default those of the bundled countries.json."""
    try:
        doc = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise WikidataImportError(f"{where}: not JSON: {exc}") from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("head"), dict) or not isinstance(doc.get("results"), dict):
        raise WikidataImportError(
            f"{where}: not a SPARQL query result: expected an object with 'head' and 'results' "
            '({"head": {"vars": [...]}, "results": {"bindings": [...]}})'
        )
    variables = doc["head"].get("vars")
    bindings = doc["results"].get("bindings")
    if not isinstance(variables, list) or not all(isinstance(v, str) for v in variables):
        raise WikidataImportError(f"{where}: 'head.vars' must be a list of variable names")
    if not isinstance(bindings, list):
        raise WikidataImportError(f"{where}: 'results.bindings' must be a list of rows")
    missing = [v for v in REQUIRED_VARS if v not in variables]
    if missing:
        raise WikidataImportError(
            f"{where}: the query result lacks required variable(s) {', '.join('?' + v for v in missing)} "
            f"(it has {', '.join('?' + v for v in variables) or 'none'}); run processors/kb/tools/wikidata-officials.rq"
        )
    names = bundled_country_names() if country_names is None else country_names
    builders: dict[str, _PersonBuilder] = {}
    skipped: Counter[str] = Counter()
    for row in bindings:
        reason = _add_row(row, builders, names)
        if reason:
            skipped[reason] += 1
    people = [b.build() for b in builders.values()]
    return WikidataImport([p for p in people if p.roles], len(bindings), skipped)


@dataclass(slots=True)
class _PersonBuilder:
    qid: str
    labels: dict[tuple[str, str], None] = field(default_factory=dict)  # ordered set of (language, label)
    aliases: dict[str, None] = field(default_factory=dict)
    roles: dict[ImportedRole, None] = field(default_factory=dict)

    def build(self) -> ImportedPerson:
        order = {lang: i for i, lang in enumerate(NAME_LANGUAGES)}
        labels = sorted(self.labels, key=lambda item: order.get(item[0], len(order)))
        return ImportedPerson(self.qid, tuple(labels), tuple(self.aliases), tuple(_join_terms(self.roles)))


def _value(row: Mapping[str, Any], var: str) -> str | None:
    cell = row.get(var)
    if not isinstance(cell, dict):
        return None
    value = cell.get("value")
    return value.strip() if isinstance(value, str) and value.strip() else None


def _add_row(row: Any, builders: dict[str, _PersonBuilder], country_names: Mapping[str, Sequence[str]]) -> str | None:
    """Add one result row; return why it was skipped, or None."""
    if not isinstance(row, dict):
        return "malformed row"
    match = _QID.search(_value(row, "person") or "")
    if not match:
        return "no person QID"
    labels = _tagged_names(_value(row, "labels"))
    if not labels:
        return "person without a label"
    title = _value(row, "positionLabel")
    if not title or _QID.fullmatch(title):  # the label service falls back to the QID when there is no label
        return "position without a label"
    country = _value(row, "country")
    if country is None:
        return "no country"
    if country not in valid_country_codes():
        return "not an ISO 3166-1 country"
    start_text, end_text = _value(row, "start"), _value(row, "end")
    if start_text is None:
        return "no start date"
    start, end = _parse_datetime(start_text), _parse_datetime(end_text) if end_text else None
    if start is None or (end_text and end is None):
        return "bad date"
    if end is not None and end < start:
        return "end before start"
    person = builders.setdefault(match.group(1), _PersonBuilder(match.group(1)))
    person.labels.update(dict.fromkeys(labels))
    person.aliases.update(dict.fromkeys(label for _, label in _tagged_names(_value(row, "aliases"))))
    title = short_title(" ".join(title.split()), country_names.get(country, ()))
    person.roles[ImportedRole(title, country, start, end)] = None
    return None


@functools.cache
def bundled_country_names() -> dict[str, tuple[str, ...]]:
    """ISO code -> the country's names in the bundled countries.json, longest first."""
    doc = read_kb_file(BUNDLED_KB_DIR / "countries.json")
    return {c["code"]: tuple(sorted({c["name"], *c.get("names", ())}, key=len, reverse=True)) for c in doc["countries"]}


def short_title(title: str, names: Iterable[str]) -> str:
    """'Prime Minister of Japan' -> 'Prime Minister' when 'Japan' is one of `names` (the role's country)."""
    for name in names:
        match = re.search(rf"\s+of\s+(?:the\s+)?{re.escape(name)}$", title, re.IGNORECASE)
        if match and match.start() > 0:
            return title[: match.start()]
    return title


def _parse_datetime(text: str) -> date | None:
    """'2024-03-01T00:00:00Z' -> date(2024, 3, 1); None for anything else (BCE, month 00, 2024-02-30...)."""
    match = _DATETIME.match(text)
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def _tagged_names(text: str | None) -> list[tuple[str, str]]:
    """'en:Emmanuel Macron|ru:Эммануэль Макрон' -> [('en', 'Emmanuel Macron'), ('ru', 'Эммануэль Макрон')]."""
    names = []
    for part in (text or "").split("|"):
        match = _TAGGED.match(part.strip())
        lang, name = (match.group(1), match.group(2)) if match else ("", part)
        name = " ".join(name.split())
        if name:
            names.append((lang, name))
    return names


def _join_terms(roles: Iterable[ImportedRole]) -> list[ImportedRole]:
    """Sort roles by start; join consecutive or overlapping terms of the same title and country."""
    joined: list[ImportedRole] = []
    for role in sorted(roles, key=lambda r: (r.country, r.title, r.start, r.end or date.max)):
        last = joined[-1] if joined else None
        if (
            last is not None
            and (last.title, last.country) == (role.title, role.country)
            and (last.end is None or role.start - TERM_GAP <= last.end)
        ):
            end = None if last.end is None or role.end is None else max(last.end, role.end)
            joined[-1] = ImportedRole(last.title, last.country, last.start, end)
        else:
            joined.append(role)
    return sorted(joined, key=lambda r: (r.start, r.title))


# --- merging -------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Change:
    """One change an import makes to the knowledge base."""

    kind: str  # "added" (a new official, with their current role) | "role_ended" | "role_changed"
    id: str
    name: str
    wikidata: str
    title: str
    country: str
    start: str
    end: str | None
    detail: str = ""  # role_changed: "new role" or what changed ("title 'X' -> 'Y'")

    def as_json(self) -> dict[str, Any]:
        return {
            "change": self.kind,
            "id": self.id,
            "name": self.name,
            "wikidata": self.wikidata,
            "title": self.title,
            "country": self.country,
            "start": self.start,
            "end": self.end,
            "detail": self.detail,
        }


@dataclass(slots=True)
class MergeResult:
    document: dict[str, Any]  # the new updates file (officials JSON schema, each imported one with "wikidata")
    changes: list[Change]
    modified: bool  # the document differs from the current updates file (new aliases change it silently)

    def count(self, kind: str) -> int:
        return sum(1 for c in self.changes if c.kind == kind)


def merge_import(
    bundled: Mapping[str, Any],
    updates: Mapping[str, Any] | None,
    imported: WikidataImport,
    *,
    file_name: str,
    today: date | None = None,
) -> MergeResult:
    """Merge imported people into the updates file; return the new file and what changed.

    `bundled` is the officials document the KB ships (never changed), `updates` the current updates file
    (None when there is none yet). A person is the KB official with the same `wikidata` QID, else the one
    sharing a name or alias (accent- and case-insensitive) and a role country; others are added. A matched
    official gets an entry in the updates file (same id) when the import ends one of their roles, adds a
    role or adds names; titles the KB curates are kept, titles from an earlier import follow Wikidata."""
    bundled_by_id = {o["id"]: o for o in bundled.get("officials", [])}
    entries: dict[str, dict[str, Any]] = {o["id"]: copy.deepcopy(o) for o in (updates or {}).get("officials", [])}
    current = {oid: entries.get(oid, o) for oid, o in bundled_by_id.items()}
    for oid, entry in entries.items():
        current.setdefault(oid, entry)
    index = _NameIndex(current.values())
    claimed: dict[str, str] = {}  # official id -> the QID matched to it in this import
    changes: list[Change] = []
    for person in imported.people:
        official = index.match(person, claimed)
        if official is None:
            entry = _new_entry(person, current.keys())
            entries[entry["id"]] = current[entry["id"]] = entry
            index.add(entry)
            claimed[entry["id"]] = person.qid
            latest = max(entry["roles"], key=_recency)
            changes.append(_change("added", entry, latest))
            continue
        claimed[official["id"]] = person.qid
        entry, role_changes, new_names = _update_entry(official, person, bundled_by_id.get(official["id"]))
        changes += role_changes
        if official["id"] in entries or role_changes or new_names:
            entries[entry["id"]] = current[entry["id"]] = entry
    source = SOURCE_NOTE.format(day=(today or date.today()).isoformat(), file=file_name)
    document: dict[str, Any] = {
        "source": source,
        "as_of": (today or date.today()).isoformat(),
        "officials": list(entries.values()),
    }
    modified = list((updates or {}).get("officials", [])) != document["officials"]
    if not modified and updates is not None:
        document = dict(updates)
    problems = validate_officials(document)
    if problems:  # a bug here, not a problem of the input: refuse to write a file the KB would reject
        raise KnowledgeBaseError("the merged updates file would be invalid:\n  " + "\n  ".join(problems[:30]))
    return MergeResult(document, changes, modified)


def _recency(role: Mapping[str, Any]) -> tuple[bool, str, str]:
    """Sort key: current roles first, then by end, then by start (as `Official.role_on(None)`)."""
    return (role["end"] is None, role["end"] or "9999-12-31", role["start"])


def _change(kind: str, entry: Mapping[str, Any], role: Mapping[str, Any], detail: str = "") -> Change:
    return Change(
        kind,
        entry["id"],
        entry["name"],
        entry.get("wikidata", ""),
        role["title"],
        role["country"],
        role["start"],
        role["end"],
        detail,
    )


class _NameIndex:
    """KB officials by Wikidata QID and by folded name or alias."""

    def __init__(self, officials: Iterable[dict[str, Any]]) -> None:
        self._by_qid: dict[str, dict[str, Any]] = {}
        self._by_name: dict[str, list[dict[str, Any]]] = {}
        for official in officials:
            self.add(official)

    def add(self, official: dict[str, Any]) -> None:
        if official.get("wikidata"):
            self._by_qid.setdefault(official["wikidata"], official)
        for form in (official["name"], *official.get("aliases", ())):
            self._by_name.setdefault(_key(form), []).append(official)

    def match(self, person: ImportedPerson, claimed: Mapping[str, str]) -> dict[str, Any] | None:
        official = self._by_qid.get(person.qid)
        if official is not None and claimed.get(official["id"], person.qid) == person.qid:
            return official
        countries = {r.country for r in person.roles}
        for form in person.names():
            for official in self._by_name.get(_key(form), ()):
                if (
                    official.get("wikidata", person.qid) == person.qid
                    and claimed.get(official["id"], person.qid) == person.qid
                    and countries & {r["country"] for r in official["roles"]}
                ):
                    return official
        return None


def _new_entry(person: ImportedPerson, taken: Iterable[str]) -> dict[str, Any]:
    name = person.name
    roles = sorted((r.as_json() for r in person.roles), key=_recency, reverse=True)
    oid = f"{roles[0]['country'].lower()}-{_slug(name) or person.qid.lower()}"
    if oid in set(taken):
        oid = f"{oid}-{person.qid.lower()}"
    surnames = default_surnames(name)
    excluded = {_key(name)} | {_key(s) for s in surnames}
    return {
        "id": oid,
        "wikidata": person.qid,
        "name": name,
        "aliases": [a for a in _alias_candidates(person) if _key(a) not in excluded],
        "surnames": surnames,
        "roles": roles,
    }


def _update_entry(
    official: Mapping[str, Any], person: ImportedPerson, bundled: Mapping[str, Any] | None
) -> tuple[dict[str, Any], list[Change], list[str]]:
    """The official with the person's roles and names merged in, the role changes, the names added."""
    entry = copy.deepcopy(dict(official))
    entry["wikidata"] = person.qid
    known = {_key(form) for form in (entry["name"], *entry.get("aliases", ()), *entry.get("surnames", ()))}
    new_names = [a for a in _alias_candidates(person) if _key(a) not in known]
    entry["aliases"] = [*entry.get("aliases", ()), *new_names]
    roles: list[dict[str, Any]] = entry["roles"]
    curated = {(r["title"], r["country"], r["start"]) for r in (bundled or {}).get("roles", ())}
    used: set[int] = set()
    changes = []
    for role in person.roles:
        i = _match_role(roles, used, role)
        if i is None:
            roles.append(role.as_json())
            used.add(len(roles) - 1)
            changes.append(_change("role_changed", entry, roles[-1], "new role"))
            continue
        used.add(i)
        old, new = roles[i], role.as_json()
        ended = old["end"] is None and new["end"] is not None
        diffs = []
        if (old["title"], old["country"], old["start"]) not in curated:  # imported earlier: follow Wikidata
            diffs = [f"{k} {old[k] or 'open'!r} -> {new[k] or 'open'!r}" for k in ("title", "end") if old[k] != new[k]]
            old.update(title=new["title"], end=new["end"])
        elif ended:
            old["end"] = new["end"]
        if ended:
            changes.append(_change("role_ended", entry, old, "; ".join(d for d in diffs if d.startswith("title"))))
        elif diffs:
            changes.append(_change("role_changed", entry, old, "; ".join(diffs)))
    return entry, changes, new_names


def _match_role(roles: Sequence[Mapping[str, Any]], used: set[int], role: ImportedRole) -> int | None:
    """The index of the KB role that is this Wikidata role (same office in the same country), or None."""
    free = [i for i, r in enumerate(roles) if i not in used and r["country"] == role.country]
    same_start = [i for i in free if roles[i]["start"] == role.start.isoformat()]
    for i in same_start:
        if _titles_compatible(roles[i]["title"], role.title):
            return i
    if len(same_start) == 1:
        return same_start[0]
    near = [
        (abs(date.fromisoformat(roles[i]["start"]) - role.start), i)
        for i in free
        if _titles_compatible(roles[i]["title"], role.title)
        and abs(date.fromisoformat(roles[i]["start"]) - role.start) <= START_TOLERANCE
    ]
    return min(near)[1] if near else None


def _title_words(title: str) -> set[str]:
    words = re.findall(r"[a-z]+", fold(title))
    return {_TITLE_SPELLINGS.get(w, w) for w in words if w not in _TITLE_STOPWORDS}


def _titles_compatible(a: str, b: str) -> bool:
    """'Prime Minister' and 'Prime Minister of Japan', 'Foreign Minister' and 'Minister of Foreign Affairs'."""
    small, large = sorted((_title_words(a), _title_words(b)), key=len)
    return bool(small) and small <= large


# --- names ---------------------------------------------------------------------------------------------------


def _key(form: str) -> str:
    """The matching key of a name: accent- and case-folded, spaces collapsed."""
    return " ".join(fold(form).split())


def _unique_folded(forms: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for form in forms:
        if _key(form) not in seen:
            seen.add(_key(form))
            out.append(form)
    return out


def _alias_candidates(person: ImportedPerson) -> list[str]:
    """The person's names usable as tagger aliases: full names of 2+ words, no bare surname or nickname."""
    return [
        form for form in person.names() if len(form.split()) >= 2 and len(form) <= 80 and not _NOT_A_NAME.search(form)
    ]


def ascii_fold(text: str) -> str:
    """Accent-free spelling, as processors/kb/tools/officials_src.py makes it ('ß' -> 'ss', 'Æ' -> 'AE')."""
    for letter, spelled in (("ß", "ss"), ("æ", "ae"), ("Æ", "AE"), ("œ", "oe"), ("Œ", "OE")):
        text = text.replace(letter, spelled)
    return fold_cased(text)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", ascii_fold(text).lower()).strip("-")


def default_surnames(name: str) -> list[str]:
    """The last word of the name, as the bundled generator derives it ('Bashar al-Assad' -> Assad, al-Assad),
    with its accent-free spelling; none for a one-word name."""
    words = name.split()
    if len(words) < 2:
        return []
    last = words[-1]
    stripped = _ARTICLE.sub("", last)
    surnames = [stripped, last] if stripped != last else [last]
    return list(dict.fromkeys(surnames + [ascii_fold(s) for s in surnames]))


def load_documents(kb_dir: pathlib.Path | None, updates: pathlib.Path) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """The bundled officials document and the current updates file (None when missing), after validating the
    whole knowledge base with the updates merged (`KnowledgeBaseError` naming the file if one is invalid)."""
    KnowledgeBase.load(kb_dir, updates=updates)
    bundled = read_kb_file((kb_dir or BUNDLED_KB_DIR) / "officials.json")
    return bundled, read_kb_file(updates) if updates.is_file() else None
