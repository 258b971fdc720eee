"""Stories against the labelled gold sets: near-duplicate and same-event pairwise precision and recall.

    .venv/bin/python benchmarks/bench_stories.py                  # both sets
    .venv/bin/python benchmarks/bench_stories.py --set tuning     # the set the thresholds may be tuned on
    .venv/bin/python benchmarks/bench_stories.py --json

Each gold dispatch is tagged (the real tagger, as the pipeline would), then the dispatches are fed to a
StoryIndex in publication order. Pairs are scored:

    near-duplicates: a pair is predicted a duplicate when one joined the other's story as a copy (directly or
                     through a chain of copies); gold: the same `dup` label
    same event:      a pair is predicted together when it is in one story; gold: the same `event` label

Targets (issue 16): near-duplicates P ≥ 0.98, R ≥ 0.95; same event P ≥ 0.90, R ≥ 0.80. Cross-language pairs
are reported apart. The tuning set may be read; the held-out set is scored once.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from wirewatch.models import Dispatch, parse_time
from wirewatch.processors.stories.index import StoryIndex
from wirewatch.processors.tagger import Tagger

GOLD = Path(__file__).resolve().parent / "gold" / "stories"
SETS = {"tuning": GOLD / "stories-tuning.jsonl", "heldout": GOLD / "stories-heldout.jsonl"}


def load(path: Path) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return sorted(rows, key=lambda row: (row["published"], row["id"]))


def tag_all(tagger: Tagger, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    docs = []
    for row in rows:
        at = parse_time(row["published"])
        dispatch = Dispatch(
            id=row["id"],
            source=row["source"],
            title=row["title"],
            text=row["text"],
            published=at,
            fetched=at,
            language=row.get("language"),
        )
        docs.append(tagger.tag_dispatch(dispatch).to_doc())
    return docs


def cluster(docs: list[dict[str, Any]]) -> tuple[dict[str, str], dict[str, str]]:
    """(dispatch -> story, dispatch -> its copy group: the first dispatch of its chain of copies)."""
    index = StoryIndex()
    story_of: dict[str, str] = {}
    copy_root: dict[str, str] = {}
    for doc in docs:
        placed = index.add(doc)
        story_of[doc["id"]] = placed.story.id
        copy_root[doc["id"]] = (
            copy_root.get(placed.duplicate_of, placed.duplicate_of) if placed.duplicate_of else doc["id"]
        )
    return story_of, copy_root


def pairwise(ids: list[str], predicted: dict[str, str], gold: dict[str, str | None]) -> dict[str, float]:
    tp = fp = fn = 0
    for a, b in itertools.combinations(ids, 2):
        same_gold = gold[a] is not None and gold[a] == gold[b]
        same_pred = predicted[a] == predicted[b]
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "gold_pairs": tp + fn,
        "predicted_pairs": tp + fp,
    }


def score(rows: list[dict[str, Any]], docs: list[dict[str, Any]]) -> dict[str, Any]:
    story_of, copy_root = cluster(docs)
    ids = [row["id"] for row in rows]
    by_id = {row["id"]: row for row in rows}
    events = {i: by_id[i]["event"] for i in ids}
    dups = {i: by_id[i].get("dup") for i in ids}
    result = {
        "dispatches": len(ids),
        "events": len(set(events.values())),
        "stories": len(set(story_of.values())),
        "near_duplicates": pairwise(ids, copy_root, dups),
        "same_event": pairwise(ids, story_of, events),
    }
    # cross-language pairs of one gold event: found together?
    cross: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for a, b in itertools.combinations(ids, 2):
        la, lb = by_id[a]["language"], by_id[b]["language"]
        if la != lb and events[a] == events[b]:
            key = "-".join(sorted((la, lb)))
            cross[key][0] += story_of[a] == story_of[b]
            cross[key][1] += 1
    result["cross_language_recall"] = {k: round(v[0] / v[1], 3) for k, v in sorted(cross.items())}
    return result


def scale(open_dispatches: int, measured: int = 2_000) -> dict[str, Any]:
    """The cost at scale: `open_dispatches` synthetic tagged documents in the horizon (about six a story,
    countries and words shared across stories as a week of world news shares them), then `measured` more placed
    in stories: CPU per dispatch and the index's memory (tracemalloc)."""
    import random
    import tracemalloc
    from datetime import UTC, datetime, timedelta

    rng = random.Random(16)
    countries = [f"C{i:02d}" for i in range(120)]
    vocabulary = [f"word{i}" for i in range(6_000)]
    start = datetime(2026, 12, 1, tzinfo=UTC)
    span = timedelta(days=5)  # within the horizon: nothing closes, the index holds them all
    total = open_dispatches + measured

    def synthetic(i: int) -> dict[str, Any]:
        topic = rng.randrange(max(1, open_dispatches // 6))
        words = [vocabulary[(topic * 7 + k) % len(vocabulary)] for k in range(8)] + rng.sample(vocabulary, 8)
        return {
            "id": f"x{i}",
            "source": f"feed{rng.randrange(400)}",
            "language": "en",
            "published": (start + span * (i / total)).isoformat(),
            "title": " ".join(words[:6]),
            "text": " ".join(words * 6 + rng.sample(vocabulary, 30)),
            "countries": [
                {"code": countries[topic % 120], "mentions": 2},
                {"code": rng.choice(countries), "mentions": 1},
            ],
            "officials": [{"name": f"Official {topic % 900}"}] if topic % 3 == 0 else [],
            "agencies": [{"name": f"Agency {topic % 300}"}] if topic % 4 == 0 else [],
            "events": [],
        }

    docs = [synthetic(i) for i in range(total)]
    index = StoryIndex()
    tracemalloc.start()
    for doc in docs[:open_dispatches]:
        index.add(doc)
    memory = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    started = time.process_time()
    for doc in docs[open_dispatches:]:
        index.add(doc)
    cpu = time.process_time() - started
    return {
        "open_dispatches": open_dispatches,
        "stories": len(index.stories),
        "cpu_ms_per_dispatch": round(cpu * 1000 / measured, 3),
        "index_mib": round(memory / 2**20, 1),
        "bytes_per_open_dispatch": round(memory / open_dispatches),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", choices=[*SETS, "all", "none"], default="all", help="none: only --scale")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--scale", type=int, metavar="N", help="also measure the cost with N dispatches in the horizon")
    args = parser.parse_args(argv)
    tagger = Tagger.load()
    report: dict[str, Any] = {}
    for name, path in SETS.items():
        if args.set not in ("all", name) or not path.exists():
            continue
        rows = load(path)
        started = time.process_time()
        docs = tag_all(tagger, rows)
        tagged = time.process_time()
        result = score(rows, docs)
        result["cpu_ms_per_dispatch"] = {
            "tagging": round((tagged - started) * 1000 / len(rows), 3),
            "stories": round((time.process_time() - tagged) * 1000 / len(rows), 3),
        }
        report[name] = result
    if args.scale:
        report["scale"] = scale(args.scale)
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    for name, result in report.items():
        if name == "scale":
            continue
        dup, event = result["near_duplicates"], result["same_event"]
        print(f"{name}: {result['dispatches']} dispatches, {result['events']} events → {result['stories']} stories")
        print(
            f"  near-duplicates  P {dup['precision']:.3f}  R {dup['recall']:.3f}  ({dup['gold_pairs']} gold pairs)   target P ≥ 0.98, R ≥ 0.95"
        )
        print(
            f"  same event       P {event['precision']:.3f}  R {event['recall']:.3f}  ({event['gold_pairs']} gold pairs)   target P ≥ 0.90, R ≥ 0.80"
        )
        print(f"  cross-language recall: {result['cross_language_recall']}")
        print(
            f"  CPU per dispatch: tagging {result['cpu_ms_per_dispatch']['tagging']} ms, stories {result['cpu_ms_per_dispatch']['stories']} ms"
        )
    if "scale" in report:
        at = report["scale"]
        print(
            f"scale: {at['open_dispatches']:,} dispatches in the horizon ({at['stories']:,} stories): "
            f"{at['cpu_ms_per_dispatch']} ms CPU per dispatch placed, index {at['index_mib']} MiB "
            f"({at['bytes_per_open_dispatch']} bytes a dispatch)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
