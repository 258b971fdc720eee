"""What stories cost the embedded pipeline: CPU per dispatch with and without the stories stage, with N dispatches
already in the stories' horizon, and the index's memory (issue 16: ≤ 15 % more CPU at 100,000).

    .venv/bin/python benchmarks/bench_stories_pipeline.py                 # 100,000 in the horizon, both workloads
    .venv/bin/python benchmarks/bench_stories_pipeline.py --open 20000 --workload gold --json

Writes benchmarks/results/bench_stories.json.

Two embedded pipelines over their own SQLite stores, the default settings (learning on) and the same rules: one with `[stories] enabled = false` (the
baseline), one with stories whose index first takes N synthetic dispatches spread over the five days before the
workload. The synthetic ones are variants of the real gold dispatches (their real countries, officials and
agencies, their words shuffled, new ids and sources), so the same-event search meets the candidate stories a
week of world news gives it. The workload is the story gold dispatches (tuning and first held-out set, eight
languages), each pipeline's `process_batch` as `wirewatch run` calls it (tag, stories, rules, store, alerts), in
three interleaved rounds over disjoint thirds, the story records still waiting written at the end of each
round (inside the timing); the figure per configuration is its best round.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import resource
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_stories import SETS, load
from benchmarks.common import RESULTS_DIR, machine_info
from wirewatch.app.runner import EmbeddedPipeline
from wirewatch.config import settings_from_dict
from wirewatch.models import Dispatch, format_time, parse_time

RULES = [
    {"name": "coup", "query": "coup OR events.type:coup"},
    {"name": "sahel", "query": "countries.code:(ML OR BF OR NE)"},
    {"name": "widely carried", "query": "story.sources:>=5"},
]
BATCH = 128
SPAN = timedelta(days=5)  # the synthetic dispatches arrive over five days of the seven-day horizon


def rss_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def pipeline(tmp: Path, name: str, stories: bool) -> EmbeddedPipeline:
    settings, problems = settings_from_dict(
        {
            "store": {"path": str(tmp / f"{name}.db")},
            "rules": [dict(rule, channels=[]) for rule in RULES],
            "stories": {"enabled": stories},
        }
    )
    assert not problems, problems
    return EmbeddedPipeline.from_settings(settings)


def workload(rows: list[dict[str, Any]], start: Any, every: timedelta = timedelta(seconds=5)) -> list[Dispatch]:
    """The gold dispatches in their order, one `every` after `start` (the rate the horizon was filled at: what
    leaves the index as they arrive is then what would leave it in a steady state)."""
    out = []
    for i, row in enumerate(rows):
        at = start + every * (i + 1)
        out.append(
            Dispatch(
                id=f"w-{row['id']}",
                source=row["source"],
                title=row["title"],
                text=row["text"],
                published=at,
                fetched=at,
                language=row.get("language"),
            )
        )
    return out


def synthetic_week(docs: list[dict[str, Any]], count: int, end: Any, seed: int = 16) -> list[dict[str, Any]]:
    """`count` variants of the tagged gold documents, published over the five days before `end`."""
    rng = random.Random(seed)
    span = SPAN
    out = []
    for i in range(count):
        base = docs[rng.randrange(len(docs))]
        words = str(base["text"]).split()
        rng.shuffle(words)
        title = str(base["title"]).split()
        rng.shuffle(title)
        out.append(
            {
                **base,
                "id": f"syn-{i}",
                "source": f"feed-{rng.randrange(600)}",
                "title": " ".join(title),
                "text": " ".join(words),
                "published": format_time(end - span + span * (i / count)),
            }
        )
    return out


ARTICLES = Path(__file__).resolve().parent / "extraction" / "articles.json"


def workload_rows(kind: str) -> list[dict[str, Any]]:
    """`gold`: the story gold dispatches (wire-length, ~80 words); `articles`: the extraction benchmark's
    articles as full text (~215 words, eight languages), each carried by two feeds."""
    if kind == "gold":
        return sorted((row for path in SETS.values() for row in load(path)), key=lambda r: (r["published"], r["id"]))
    articles = json.loads(ARTICLES.read_text(encoding="utf-8"))
    return [
        {
            "id": f"{a['id']}-{copy}",
            "source": f"outlet-{copy}-{n % 7}",
            "title": a["title"],
            "text": "\n\n".join(a["paragraphs"]),
            "language": a["language"],
        }
        for n, a in enumerate(articles)
        for copy in (1, 2)
    ]


def run(open_dispatches: int, rounds: int = 3, kind: str = "gold") -> dict[str, Any]:
    rows = workload_rows(kind)
    with tempfile.TemporaryDirectory() as tmp_dir:
        tmp = Path(tmp_dir)
        baseline, storied = pipeline(tmp, "baseline", False), pipeline(tmp, "stories", True)
        try:
            stage = storied.processor.stories
            assert stage is not None
            start = parse_time("2027-03-08T06:00:00Z")
            every = SPAN / open_dispatches
            tagged = [baseline.processor.tagger.tag_dispatch(d).to_doc() for d in workload(rows, start, every)]
            for d in workload(rows, start, every):  # both taggers warm: their language packs build on first use
                storied.processor.tagger.tag_dispatch(d)
            gc.collect()
            gc.freeze()  # what `wirewatch run` does with its long-lived start-up objects (runner._settle_heap)
            week = synthetic_week(tagged, open_dispatches, start)
            gc.collect()
            before = rss_bytes()
            for doc in week:
                stage.index.add(doc)
            del week
            gc.collect()
            memory = rss_bytes() - before  # Python objects and rensa's Rust heap alike
            stage.take_changed()
            dispatches = workload(rows, start, every)
            thirds = [dispatches[i::rounds] for i in range(rounds)]
            best: dict[str, float] = {}
            for r, part in enumerate(thirds):
                order = [("baseline", baseline), ("stories", storied)]
                for name, target in order if r % 2 == 0 else reversed(order):
                    began = time.process_time()
                    for i in range(0, len(part), BATCH):
                        target.process_batch(part[i : i + BATCH])
                    if target.processor.stories is not None:
                        # the records still waiting (record_seconds) are written inside the timing: a round
                        # lasts less than their wait, and `wirewatch run` writes them all within seconds
                        target.store.put_stories(target.processor.stories.take_changed(everything=True))
                    per = (time.process_time() - began) * 1000 / len(part)
                    best[name] = min(best.get(name, per), per)
            in_horizon = len(stage.index._members)
        finally:
            for p in (baseline, storied):
                p.store.close()
    return {
        "open_dispatches": open_dispatches,
        "in_horizon_after": in_horizon,
        "open_stories": len(stage.index.stories),
        "index_mib": round(memory / 2**20, 1),
        "bytes_per_dispatch": round(memory / open_dispatches),
        "baseline_ms_per_dispatch": round(best["baseline"], 3),
        "stories_ms_per_dispatch": round(best["stories"], 3),
        "overhead_percent": round((best["stories"] / best["baseline"] - 1) * 100, 1),
        "workload": len(rows),
        "workload_kind": kind,
        "mean_words": round(sum(len(str(r["text"]).split()) for r in rows) / len(rows)),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--open", type=int, default=100_000, metavar="N", help="dispatches in the horizon first")
    parser.add_argument("--workload", choices=("gold", "articles", "both"), default="both")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    kinds = ("gold", "articles") if args.workload == "both" else (args.workload,)
    report: dict[str, Any] = {
        "machine": machine_info(),
        "load_average": os.getloadavg(),
        "runs": [run(args.open, kind=kind) for kind in kinds],
    }
    report["peak_rss_mib"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    RESULTS_DIR.mkdir(exist_ok=True)
    (RESULTS_DIR / "bench_stories.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    for result in report["runs"]:
        print(
            f"embedded pipeline, {result['workload']} {result['workload_kind']} dispatches ({result['mean_words']} "
            f"words on average), {result['open_dispatches']:,} synthetic already in the horizon "
            f"({result['open_stories']:,} open stories):\n"
            f"  without stories {result['baseline_ms_per_dispatch']} ms CPU a dispatch (baseline, same run)\n"
            f"  with stories    {result['stories_ms_per_dispatch']} ms CPU a dispatch: +{result['overhead_percent']} %"
            f"   (target ≤ 15 %)\n"
            f"  index memory (RSS growth while filling it) {result['index_mib']} MiB, "
            f"{result['bytes_per_dispatch']} bytes a dispatch in the horizon"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
