"""Build benchmarks/gold/dev.jsonl and heldout.jsonl from the authoring modules beside this file.

The JSONL files are the gold set; these modules are only the comfortable way to write it
(no JSON escaping, short helpers).  Run: .venv/bin/python benchmarks/gold/authoring/build.py
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD_DIR = HERE.parent
SEED = Path("/work/shared/examples/seed-dispatch.gold.json")
SEED_NOTE = (
    "shared/examples/seed-dispatch.gold.json (the project's seed dispatch, a real-style wire story on the "
    "July 2016 Turkish coup attempt), copied with coup 'literal' -> 'current' and agency kinds spelled "
    "as in the gold convention ('news agency' -> news_agency, 'government body' -> government)"
)
DEV_MODULES = ["dev_a", "dev_b", "dev_c", "dev_d", "dev_e", "dev_f"]
HELDOUT_MODULES = ["heldout_a", "heldout_b"]


def seed_record() -> dict:
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


def collect(modules: list[str]) -> list[dict]:
    sys.path.insert(0, str(HERE))
    records = []
    for name in modules:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError:
            continue
        records.extend(module.DISPATCHES)
    return records


def write(path: Path, records: list[dict]) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{path.name}: {len(records)} dispatches")


if __name__ == "__main__":
    write(GOLD_DIR / "dev.jsonl", [seed_record(), *collect(DEV_MODULES)])
    write(GOLD_DIR / "heldout.jsonl", collect(HELDOUT_MODULES))
