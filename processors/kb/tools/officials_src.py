"""Build processors/kb/officials.json from officials.txt beside this script (one official per line).

Why a generator: 800+ officials typed as JSON would be unreviewable. In officials.txt each official is
one line (the format is described at its top); here ASCII/transliteration variants are derived
mechanically, and the whole knowledge base is validated before the JSON is written.

Run:  .venv/bin/python processors/kb/tools/officials_src.py          (writes JSON)
      .venv/bin/python processors/kb/tools/officials_src.py --check  (validate, and check the
                                                                      JSON is in sync; writes nothing)
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import TypedDict

DATA_PATH = Path(__file__).resolve().parent / "officials.txt"
OUT_PATH = Path(__file__).resolve().parent.parent / "officials.json"
SETTINGS = ("as_of", "source")

# Letters NFKD does not decompose into ASCII.
_SPECIAL_FOLD = str.maketrans(
    {
        "ı": "i",
        "İ": "I",
        "ø": "o",
        "Ø": "O",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "þ": "th",
        "Þ": "Th",
        "œ": "oe",
        "Œ": "OE",
        "ʻ": "'",
        "ʼ": "'",
        "’": "'",
        "‘": "'",
        "ə": "a",
        "Ə": "A",
    }
)
_ARTICLE = re.compile(r"\b(al|el|as|ad|an|ar|at|az|ash|adh)-(?=[A-Z])")
_ROLE = re.compile(
    r"^(?P<title>.+?)(?:\s+@(?P<cc>[A-Z]{2}))?\s+"
    r"(?P<start>\d{4}(?:-\d\d){0,2})\s+(?P<end>\d{4}(?:-\d\d){0,2}|-)$"
)


class Role(TypedDict):
    title: str
    country: str
    start: str
    end: str | None


class Official(TypedDict):
    id: str
    name: str
    aliases: list[str]
    surnames: list[str]
    roles: list[Role]


def ascii_fold(text: str) -> str:
    text = text.translate(_SPECIAL_FOLD)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", ascii_fold(text).lower()).strip("-")


# A spaced article inside a name ("Zeid Ra'ad Al Hussein", "Mohamed bin Zayed Al Nahyan"); not the first word,
# where "Al" is a given name (Al Gore).
_SPACED_ARTICLE = re.compile(r"(?<=\S )(Al|al|El|el) (?=[A-Z])")


def article_variants(form: str) -> list[str]:
    """'Bashar al-Assad' -> ['Bashar al Assad', 'Bashar Assad'] (news styles vary);
    'Zeid Ra'ad Al Hussein' -> ["Zeid Ra'ad al-Hussein"]."""
    if not _ARTICLE.search(form):
        if _SPACED_ARTICLE.search(form):
            return [_SPACED_ARTICLE.sub(lambda m: m.group(1).lower() + "-", form)]
        return []
    spaced = _ARTICLE.sub(lambda m: m.group(1) + " ", form)
    dropped = re.sub(r"\s+", " ", _ARTICLE.sub("", form)).strip()
    return [spaced, dropped]


# Romanisations of common Arabic/Persian given names that news agencies mix freely
# (IRNA's "Mohammad", Reuters' "Mohammed", Tasnim's "Muhammad").
_GIVEN_NAME_GROUPS = [
    ("Mohammad", "Mohammed", "Muhammad", "Mohamed"),
    ("Ahmed", "Ahmad"),
    ("Hossein", "Hussein", "Hussain"),
    ("Hassan", "Hasan"),
    ("Abdullah", "Abdallah"),
    ("Youssef", "Yousef", "Yusuf"),
    ("Mahmoud", "Mahmud"),
    ("Mostafa", "Mustafa", "Moustafa"),
    ("Saeed", "Said"),
    ("Abdel", "Abdul"),
]
_GIVEN_NAME_VARIANTS = {name: group for group in _GIVEN_NAME_GROUPS for name in group}
# Countries whose officials' names are usually romanised from Arabic or Persian.
_ARABIC_PERSIAN_NAMES = {
    "IR",
    "IQ",
    "SY",
    "LB",
    "JO",
    "PS",
    "SA",
    "AE",
    "QA",
    "KW",
    "BH",
    "OM",
    "YE",
    "EG",
    "LY",
    "TN",
    "DZ",
    "MA",
    "SD",
    "AF",
    "PK",
    "MR",
}


def given_name_variants(form: str, country: str) -> list[str]:
    """'Mohammad Javad Zarif' -> 'Mohammed Javad Zarif', 'Muhammad Javad Zarif', ..."""
    first, _, rest = form.partition(" ")
    if country not in _ARABIC_PERSIAN_NAMES or not rest or first not in _GIVEN_NAME_VARIANTS:
        return []
    return [f"{variant} {rest}" for variant in _GIVEN_NAME_VARIANTS[first] if variant != first]


def parse_date(token: str, where: str) -> str:
    parts = token.split("-")
    parts += ["01"] * (3 - len(parts))
    iso = "-".join(parts)
    try:
        date.fromisoformat(iso)
    except ValueError as exc:
        raise ValueError(f"{where}: bad date {token!r}") from exc
    return iso


def parse_role(text: str, country: str, where: str) -> Role:
    match = _ROLE.match(text.strip())
    if not match:
        raise ValueError(f"{where}: cannot parse role {text!r}")
    end = match["end"]
    return {
        "title": match["title"].strip(),
        "country": match["cc"] or country,
        "start": parse_date(match["start"], where),
        "end": None if end == "-" else parse_date(end, where),
    }


def _split(field: str) -> list[str]:
    return [item.strip() for item in field.split(";") if item.strip()]


def _unique(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return out


def default_surnames(name: str) -> list[str]:
    last = name.split()[-1]
    stripped = _ARTICLE.sub("", last)
    return [stripped, last] if stripped != last else [last]


def parse_line(line: str, country: str, where: str) -> Official:
    fields = [f.strip() for f in line.split("|")]
    if len(fields) != 4:
        raise ValueError(f"{where}: expected 4 '|'-separated fields, got {len(fields)}")
    name, alias_field, surname_field, role_field = fields
    if not name:
        raise ValueError(f"{where}: empty name")
    if surname_field == "-":
        surnames: list[str] = []
    else:
        surnames = _split(surname_field) or default_surnames(name)
    surnames = _unique(surnames + [ascii_fold(s) for s in surnames])
    aliases: list[str] = []
    for form in [name, *_split(alias_field)]:
        for variant in [form, *article_variants(form), *given_name_variants(form, country)]:
            aliases += [variant, ascii_fold(variant)]
    # A bare surname belongs in `surnames` (used only when unambiguous), never in aliases.
    surname_keys = {s.casefold() for s in surnames}
    aliases = [a for a in _unique(aliases) if a != name and a.casefold() not in surname_keys]
    roles = [parse_role(r, country, where) for r in _split(role_field)]
    if not roles:
        raise ValueError(f"{where}: {name} has no role")
    return {
        "id": f"{country.lower()}-{slugify(name)}",
        "name": name,
        "aliases": aliases,
        "surnames": surnames,
        "roles": roles,
    }


def parse_source(text: str, filename: str) -> tuple[dict[str, str], list[Official]]:
    """The `@setting value` lines and the officials of officials.txt."""
    settings: dict[str, str] = {}
    officials = []
    country = None
    for line_no, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        where = f"{filename} line {line_no}"
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            key, _, value = line[1:].partition(" ")
            if key not in SETTINGS or key in settings or not value.strip():
                raise ValueError(f"{where}: expected one '@{' or @'.join(SETTINGS)} VALUE' line each")
            settings[key] = value.strip()
            continue
        if line.startswith("=="):
            country = line[2:].strip()
            continue
        if country is None:
            raise ValueError(f"{where}: official before any '== CC' header")
        officials.append(parse_line(line, country, where))
    missing = [key for key in SETTINGS if key not in settings]
    if missing:
        raise ValueError(f"{filename}: missing {', '.join('@' + key for key in missing)}")
    parse_date(settings["as_of"], f"{filename} @as_of")
    return settings, officials


def _valid_country(code: str) -> bool:
    if code == "XK":
        return True
    import pycountry  # imported lazily: only validation needs it

    return pycountry.countries.get(alpha_2=code) is not None


def validate(officials: list[Official], as_of: str) -> list[str]:
    """Return problems that must be fixed; print shared aliases (allowed, reported)."""
    problems = []
    seen_ids: set[str] = set()
    owners: dict[str, set[str]] = defaultdict(set)
    for off in officials:
        if off["id"] in seen_ids:
            problems.append(f"duplicate id {off['id']}")
        seen_ids.add(off["id"])
        for form in [off["name"], *off["aliases"]]:
            owners[form.casefold()].add(off["id"])
        for role in off["roles"]:
            if not _valid_country(role["country"]):
                problems.append(f"{off['id']}: bad country {role['country']}")
            if role["end"] is not None and role["end"] < role["start"]:
                problems.append(f"{off['id']}: {role['title']} ends before it starts")
            if role["start"] > as_of:
                problems.append(f"{off['id']}: {role['title']} starts after as_of")
        if not _valid_country(off["id"].split("-")[0].upper()):
            problems.append(f"{off['id']}: bad id country")
    shared = {form: ids for form, ids in owners.items() if len(ids) > 1}
    for form, ids in sorted(shared.items()):
        print(f"shared alias {form!r}: {sorted(ids)}", file=sys.stderr)
    return problems


def main(argv: list[str]) -> int:
    settings, officials = parse_source(DATA_PATH.read_text(encoding="utf-8"), DATA_PATH.name)
    problems = validate(officials, settings["as_of"])
    for problem in problems:
        print("ERROR", problem, file=sys.stderr)
    if problems:
        return 1
    roles = sum(len(o["roles"]) for o in officials)
    countries = {r["country"] for o in officials for r in o["roles"]}
    print(f"{len(officials)} officials, {roles} roles, {len(countries)} countries")
    doc = {"source": settings["source"], "as_of": settings["as_of"], "officials": officials}
    text = json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
    if "--check" in argv:
        # The JSON is the versioned artefact the tagger loads: it must match officials.txt.
        current = OUT_PATH.read_text(encoding="utf-8") if OUT_PATH.exists() else ""
        if current != text:
            print(f"ERROR {OUT_PATH} is out of date: run this script without --check", file=sys.stderr)
            return 1
        print(f"{OUT_PATH} is in sync")
        return 0
    OUT_PATH.write_text(text, encoding="utf-8")
    print(f"wrote {OUT_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
