"""Build benchmarks/gold/*.jsonl from the YAML data files beside this script.

Every data file (dev_a.yaml, ..., heldout_final.yaml) names its `output`; files with the same output are read in
name order, and dev.jsonl starts with the project's seed dispatch. common.yaml holds the named agencies the
dispatches refer to. The format is described in ../README.md.

Run:  .venv/bin/python benchmarks/gold/authoring/build.py          (writes ../*.jsonl)
      .venv/bin/python benchmarks/gold/authoring/build.py --check  (writes nothing; fails if a .jsonl is stale)
      .venv/bin/python benchmarks/gold/authoring/build.py --only fr_dev.yaml   (reads and writes that file's output
                                                                     only, so authors of other files are not held up)
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import sys
from pathlib import Path
from typing import Any

import yaml

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from benchmarks.tagger_eval import consistency_problems, fold, key_matches, parse_gold  # the scorer's own rules

HERE = Path(__file__).resolve().parent
GOLD_DIR = HERE.parent
COMMON = HERE / "common.yaml"
SEED = HERE.parents[2] / "tests" / "fixtures" / "seed-dispatch.gold.json"  # a copy of the design card's seed
SEED_OUTPUT = "dev.jsonl"
SEED_NOTE = (
    "shared/examples/seed-dispatch.gold.json (the project's seed dispatch, a real-style wire story on the "
    "July 2016 Turkish coup attempt), copied with coup 'literal' -> 'current' and agency kinds spelled "
    "as in the gold convention ('news agency' -> news_agency, 'government body' -> government)"
)

Record = dict[str, Any]

FILE_FIELDS = {"output", "source_note", "dispatches"}
OPTIONAL_FILE_FIELDS = {"language"}  # ISO 639-1 of every dispatch in the file; English when absent
LANGUAGES = {"en", "fr", "es", "pt", "de", "it", "ru", "ar"}
DISPATCH_FIELDS = {"id", "published", "title", "text", "countries", "coup"}
LIST_FIELDS = ("opt_countries", "officials", "opt_officials", "agencies", "opt_agencies")
COUPS = {"current", "figurative", "historical", "none"}
ENTITY_ORDER = ("keys", "name", "role", "kind", "country")
REQUIRED_ENTITY = {
    "officials": ("keys", "name", "role", "country"),
    "agencies": ("keys", "name", "kind", "country"),
}
REFERENCE = re.compile(r"[A-Z][A-Z0-9_]*")


class GoldError(ValueError):
    """A data file does not follow the format."""


def entity(item: Any, field: str, common: dict[str, Record], where: str) -> Record:
    """One official or agency: a mapping, a NAME from common.yaml, or (optional lists) a keys string."""
    is_agency = field.endswith("agencies")
    if isinstance(item, str) and is_agency and REFERENCE.fullmatch(item):
        item = {"like": item}
    if isinstance(item, str) and field.startswith("opt_"):
        item = {"keys": item, "name": item.split("|")[0]}
    if not isinstance(item, dict):
        raise GoldError(f"{where}: {field} entry {item!r} is not a mapping")
    if "like" in item:
        if not is_agency or item["like"] not in common:
            raise GoldError(f"{where}: unknown agency {item['like']!r} (names are in common.yaml)")
        item = {**common[item["like"]], **{k: v for k, v in item.items() if k != "like"}}
    required = REQUIRED_ENTITY.get(field, ("keys", "name"))
    missing = [k for k in required if k not in item]
    unknown = [k for k in item if k not in (ENTITY_ORDER if field.startswith("opt_") else required)]
    if missing or unknown:
        raise GoldError(f"{where}: {field} entry {item!r}: missing {missing}, unknown {unknown}")
    if not all(isinstance(v, str) or (k == "country" and v is None) for k, v in item.items()):
        raise GoldError(f"{where}: {field} entry {item!r}: values must be text (quote 'NO', 'ON', numbers)")
    # Keys are compared folded (lowercase, no accents; Cyrillic й -> и, Arabic hamza seats -> alef): fold them here
    # so authors can write them as the text spells them. The entity's own name is always a correct output: when
    # no key is found in it ("Ministry for Europe and Foreign Affairs" with keys in French), it becomes a key too.
    keys = [fold(key) for key in item["keys"].split("|")]
    if "name" in item and not key_matches(keys, item["name"]):
        keys.append(fold(item["name"]))
    return {k: keys if k == "keys" else item[k] for k in ENTITY_ORDER if k in item}


def dispatch(raw: Any, source_note: str, common: dict[str, Record], where: str, language: str = "en") -> Record:
    if not isinstance(raw, dict):
        raise GoldError(f"{where}: a dispatch must be a mapping")
    where = f"{where} {raw.get('id', '?')}"
    missing = DISPATCH_FIELDS - raw.keys()
    unknown = raw.keys() - DISPATCH_FIELDS - set(LIST_FIELDS)
    if missing or unknown:
        raise GoldError(f"{where}: missing {sorted(missing)}, unknown {sorted(unknown)}")
    not_text = [k for k in ("id", "title", "text", "countries", "opt_countries") if not isinstance(raw.get(k, ""), str)]
    if not_text:
        raise GoldError(f"{where}: {not_text} must be text (quote a lone 'NO' or 'ON')")
    if raw["coup"] not in COUPS:
        raise GoldError(f"{where}: coup must be one of {sorted(COUPS)}")
    published = raw["published"]  # YAML reads an unquoted 2023-07-27 as a date
    published = published.isoformat() if isinstance(published, datetime.date) else str(published)
    paragraphs = str(raw["text"]).strip().split("\n\n")
    lists = {
        field: [entity(item, field, common, where) for item in raw.get(field) or []]
        for field in ("officials", "opt_officials", "agencies", "opt_agencies")
    }
    record: Record = {
        "id": raw["id"],
        "title": raw["title"],
        "text": "\n".join(" ".join(paragraph.split()) for paragraph in paragraphs),
        "published": published,
        "source_note": f"{source_note}; dated {published}",
    }
    if language != "en":
        record["language"] = language
    record["gold"] = {
        "countries": {"required": raw["countries"].split(), "optional": (raw.get("opt_countries") or "").split()},
        "officials": {"required": lists["officials"], "optional": lists["opt_officials"]},
        "agencies": {"required": lists["agencies"], "optional": lists["opt_agencies"]},
        "coup": raw["coup"],
    }
    return record


def seed_record() -> Record:
    record = json.loads(SEED.read_text(encoding="utf-8"))
    gold = record["gold"]
    gold["coup"] = "current" if gold["coup"] == "literal" else gold["coup"]
    for agency in gold["agencies"]["required"]:
        agency["kind"] = {"news agency": "news_agency", "government body": "government"}.get(
            agency["kind"], agency["kind"]
        )
    return {
        "id": record["id"],
        "title": record["title"],
        "text": record["text"],
        "published": "2016-07-16",
        "source_note": SEED_NOTE,
        "gold": gold,
    }


def build(only: str | None = None) -> dict[str, list[Record]]:
    """Output file name -> its records, in order; with `only`, just that data file's output."""
    common: dict[str, Record] = yaml.safe_load(COMMON.read_text(encoding="utf-8"))["agencies"]
    outputs: dict[str, list[Record]] = {} if only else {SEED_OUTPUT: [seed_record()]}
    paths = [HERE / only] if only else sorted(HERE.glob("*.yaml"))
    for path in paths:
        if path == COMMON:
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or not FILE_FIELDS <= data.keys() <= FILE_FIELDS | OPTIONAL_FILE_FIELDS:
            raise GoldError(f"{path.name}: top level must have {sorted(FILE_FIELDS)} and may have 'language'")
        language = data.get("language", "en")
        if language not in LANGUAGES:
            raise GoldError(f"{path.name}: language must be one of {sorted(LANGUAGES)}")
        records = outputs.setdefault(data["output"], [])
        records += [dispatch(raw, data["source_note"], common, path.name, language) for raw in data["dispatches"]]
    ids = [record["id"] for records in outputs.values() for record in records]
    duplicates = sorted({ident for ident in ids if ids.count(ident) > 1})
    if duplicates:
        raise GoldError(f"duplicate dispatch ids: {duplicates}")
    return outputs


def problems(records: list[Record]) -> list[str]:
    """What tests/unit/test_scorer.py would reject: unknown codes, keys not in the text, lengths."""
    import pycountry  # a test dependency, so only here

    valid_codes = {country.alpha_2 for country in pycountry.countries} | {"XK"}
    found = []
    for record in records:
        found += consistency_problems(parse_gold(record), valid_codes)
        words = len(record["text"].split())
        if record["id"] != "seed" and not 150 <= words <= 350:
            found.append(f"{record['id']}: {words} words (150-350)")
    return found


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Build the gold .jsonl files from the YAML data files.")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a .jsonl is stale")
    parser.add_argument("--only", metavar="FILE", help="that data file's output only (a name here or a path)")
    args = parser.parse_args(argv)  # an unknown option is an error, never a full rebuild
    stale = []
    only = args.only
    outputs = build(only)
    found = [problem for records in outputs.values() for problem in problems(records)]
    if found:
        print("\n".join(found), file=sys.stderr)
        return 1
    for name, records in outputs.items():
        path = GOLD_DIR / name
        text = "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
        if args.check:
            if not path.exists() or path.read_bytes() != text.encode("utf-8"):
                stale.append(name)
            continue
        path.write_bytes(text.encode("utf-8"))
        print(f"{name}: {len(records)} dispatches")
    if stale:
        print(f"out of date: {', '.join(stale)} (run without --check)", file=sys.stderr)
        return 1
    if "--check" in argv:
        print("all gold files are in sync")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
