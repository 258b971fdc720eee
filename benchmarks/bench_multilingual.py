"""The tagger on a mix of the eight languages, every language pack loaded: throughput on one core next to the
same tagger on English alone (same run), per-language cost, and the memory the packs take.

    .venv/bin/python benchmarks/bench_multilingual.py [--rounds 3] [--slice 2000]

- workload: the gold dispatches of every language (benchmarks/gold/, English and the tuning and held-out parts
  of fr, es, pt, de, it, ru, ar), each topped up to about 300 words with paragraphs of the following dispatches
  in the same language (benchmarks/workload.py), interleaved so any slice mixes the languages in the gold's
  proportions; each dispatch declares no language (detection from the text, as for a feed without one);
- speed: CPU seconds of `Tagger.tag_dispatch` per dispatch over --slice dispatches, the mixed workload and the
  English-only one in alternating rounds, best of --rounds, pinned to one CPU; then each language alone;
- memory: RSS after loading the tagger, and after the rules of every language are built (what a worker that
  sees all eight languages holds).
Writes benchmarks/results/bench_multilingual.json.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_tagger import current_rss_kib
from benchmarks.workload import cpu_seconds, dispatches, pin_to_one_cpu, write_result
from wirewatch.models import Dispatch
from wirewatch.processors.tagger import Tagger
from wirewatch.processors.tagger.language import TAGGED_LANGUAGES


def rate(tagger: Tagger, items: list[Dispatch]) -> float:
    """Dispatches per CPU-second."""
    started = cpu_seconds()
    for item in items:
        tagger.tag_dispatch(item)
    return len(items) / max(cpu_seconds() - started, 1e-9)


def without_declaration(items: list[Dispatch]) -> list[Dispatch]:
    for item in items:
        item.language = None
    return items


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--slice", type=int, default=2000)
    args = parser.parse_args(argv)
    cpu = pin_to_one_cpu()
    before = current_rss_kib()
    tagger = Tagger.load()
    loaded = current_rss_kib()
    mixed = without_declaration(dispatches(args.slice, run_tag="mixed", languages=TAGGED_LANGUAGES))
    english = without_declaration(dispatches(args.slice, run_tag="english"))
    rate(tagger, mixed[:200])  # warm-up: builds every language's rules once
    built = current_rss_kib()
    shares: dict[str, int] = {}
    for item in mixed:
        language = tagger.tag_dispatch(item).tags.language or "?"
        shares[language] = shares.get(language, 0) + 1
    rates: dict[str, list[float]] = {"mixed": [], "english": []}
    for _ in range(args.rounds):
        rates["mixed"].append(rate(tagger, mixed))
        rates["english"].append(rate(tagger, english))
    by_language = {}
    for language in TAGGED_LANGUAGES:
        items = without_declaration(dispatches(400, run_tag=f"only-{language}", languages=(language,)))
        by_language[language] = round(max(rate(tagger, items) for _ in range(args.rounds)))
    best = {name: round(max(values)) for name, values in rates.items()}
    report: dict[str, Any] = {
        "cpu": cpu,
        "slice": args.slice,
        "rounds": args.rounds,
        "packs": sorted(tagger._packs),
        "mixed_languages_detected": dict(sorted(shares.items())),
        "dispatches_per_cpu_second": best,
        "ratio_mixed_to_english": round(best["mixed"] / best["english"], 3),
        "by_language": by_language,
        "rss_mib": {
            "tagger_loaded": round((loaded - before) / 1024, 1),
            "all_languages_built": round((built - before) / 1024, 1),
        },
    }
    print(f"languages in the mixed slice (as detected): {report['mixed_languages_detected']}")
    print(
        f"mixed, eight languages   {best['mixed']:>6,} dispatches/s (CPU, one core, best of {args.rounds})\n"
        f"English alone (baseline) {best['english']:>6,} dispatches/s  (mixed/English {report['ratio_mixed_to_english']})"
    )
    print("each language alone: " + ", ".join(f"{k} {v:,}/s" for k, v in by_language.items()))
    print(
        f"RSS: tagger {report['rss_mib']['tagger_loaded']} MiB; with every language's rules built "
        f"{report['rss_mib']['all_languages_built']} MiB"
    )
    print(f"written {write_result('bench_multilingual', report)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
