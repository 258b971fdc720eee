"""The tagger with the learned layer on: throughput on one core next to the same without learning (same
run), and the layer's size and memory after a long stream.

    .venv/bin/python benchmarks/bench_learning.py [--dispatches 100000] [--rounds 3] [--slice 2000]

- workload: the gold texts (~300 words, benchmarks/workload.py), each with one added sentence naming an
  invented official with a role ("<Given> <Surname>, the new <role>, said ..."). Names are drawn Zipf-like
  from 120 given names x 400 surnames, so a few recur often (and become attested) and most appear once or
  twice, as in a real stream; sources from 300 feeds.
- speed: CPU seconds per dispatch over --slice dispatches: the tagger alone (`Tagger.tag_dispatch`, as
  benchmarks/bench_tagger.py measures it) and the tagger with learning (the same, plus observing the result
  and the tagger's refresh with the attested entries), best of --rounds interleaved rounds, pinned to one CPU;
  each round takes the stream's next slice (new dispatches for the layer, which a first slice warmed up);
- size: the whole --dispatches stream through the learning processor, then the layer's entries by status,
  the JSON bytes of its records (what the store or the topic holds) and the process's RSS growth.
Writes benchmarks/results/bench_learning.json.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_tagger import current_rss_kib
from benchmarks.workload import cpu_seconds, dispatches, pin_to_one_cpu, write_result
from wirewatch.models import Dispatch
from wirewatch.processors.learning import Learning
from wirewatch.processors.process import DispatchProcessor
from wirewatch.processors.tagger import Tagger
from wirewatch.processors.tagger.learned import LearnedLayer
from wirewatch.query import RuleMatcher

GIVEN = [f"{a}{b}" for a in ("Ama", "Bako", "Cheri", "Dala", "Edo", "Fari", "Gora", "Hali", "Isa", "Jabo",
                             "Kora", "Lema") for b in ("dou", "ni", "ra", "sse", "tou", "mi", "ko", "la", "ne", "ba")]  # fmt: skip
SURNAMES = [f"{a}{b}" for a in ("Abou", "Bana", "Coul", "Diko", "Essa", "Fofa", "Gana", "Hama", "Ibra", "Jalo",
                                "Kamo", "Lamo", "Mana", "Nabo", "Oum", "Pere", "Quen", "Roba", "Sako", "Tiam")
            for b in ("ye", "ra", "mbo", "lah", "dou", "kine", "tta", "roux", "go", "zi", "ba", "nde", "sy", "ko",
                      "lo", "ma", "ri", "ou", "fa", "de")]  # fmt: skip
ROLES = ["finance minister", "defence minister", "interior minister", "army chief of staff", "central bank governor",
         "foreign minister", "justice minister", "police spokesman"]  # fmt: skip


TEMPLATES = [
    "{name}, the new {role}, said the measures would take effect at once.",
    "{name}, who was named {role} on {day}, promised an audit of the accounts.",
    "The {role}, {name}, told reporters on {day} that talks would resume.",
    "{name} was appointed {role} on {day}, state radio said.",
    '"We will not wait," said {name}, the {role}, on {day}.',
    "On {day}, {role} {name} met the delegation in the capital.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def workload(count: int, seed: int = 7) -> list[Dispatch]:
    rng = random.Random(seed)
    base = dispatches(count, run_tag="learning")
    people = len(GIVEN) * len(SURNAMES)
    made = []
    for index, dispatch in enumerate(base):
        person = min(int(rng.paretovariate(0.6)) - 1, people - 1)  # Zipf-like: a few recur, most are rare
        given, surname = GIVEN[person % len(GIVEN)], SURNAMES[(person // len(GIVEN)) % len(SURNAMES)]
        role = ROLES[person % len(ROLES)]
        template = TEMPLATES[rng.randrange(len(TEMPLATES))]  # outlets word it their own way
        sentence = "\n" + template.format(name=f"{given} {surname}", role=role, day=rng.choice(DAYS))
        made.append(replace(dispatch, text=dispatch.text + sentence, source=f"feed-{rng.randrange(300)}"))
        if index % 4 == 3:  # some later mentions name the person without a role
            made[-1] = replace(made[-1], text=made[-1].text + f"\n{given} {surname} did not take questions.")
    return made


def cpu_per_dispatch(process: Any, items: list[Dispatch]) -> float:
    started = cpu_seconds()
    for item in items:
        process(item)
    return (cpu_seconds() - started) / len(items)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Tagger with the learned layer: speed and size.")
    parser.add_argument("--dispatches", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--slice", type=int, default=2000, help="dispatches per speed round")
    args = parser.parse_args(argv)
    cpu = pin_to_one_cpu()
    items = workload(args.dispatches)
    tagger_alone = Tagger.load()
    tagger_learning = Tagger.load()
    learning = Learning(LearnedLayer("bench"), tagger_learning)

    def tag_and_learn(dispatch: Dispatch) -> None:
        learning.refresh()
        learning.observe(tagger_learning.tag_dispatch(dispatch))

    # speed: interleaved rounds, each on the next slice of the stream (dispatches the layer has not seen, as
    # live: a dispatch seen again is a redelivery and cheaper), after one slice that warms the layer up
    slices = [items[i * args.slice : (i + 1) * args.slice] for i in range(args.rounds + 1)]
    for item in slices[0]:
        tag_and_learn(item)
    alone, with_learning = [], []
    for speed_slice in slices[1:]:
        alone.append(cpu_per_dispatch(tagger_alone.tag_dispatch, speed_slice))
        with_learning.append(cpu_per_dispatch(tag_and_learn, speed_slice))
    best_alone, best_learning = min(alone), min(with_learning)

    # size: the whole stream through a fresh layer
    learning = Learning(LearnedLayer("bench"), tagger_learning)
    processor = DispatchProcessor(tagger_learning, RuleMatcher([]), learning=learning)
    rss_before = current_rss_kib()
    started, wall = cpu_seconds(), time.perf_counter()
    pending_bytes = 0
    for index, item in enumerate(items):
        processor.process(item)
        if index % 500 == 499:  # what a runner would write per batch
            pending_bytes += sum(len(json.dumps(v)) for _, v in learning.take_pending())
    stream_cpu, stream_wall = cpu_seconds() - started, time.perf_counter() - wall
    records = [
        (k, v)
        for e in learning.layer.entries.values()
        for k, v in ((e.key, c.to_json()) for c in e.contributions.values())
    ]
    report: dict[str, Any] = {
        "cpu": cpu,
        "dispatches": len(items),
        "speed": {
            "slice": args.slice,
            "rounds": args.rounds,
            "tagger_alone_per_s": round(1 / best_alone),
            "tagger_with_learning_per_s": round(1 / best_learning),
            "learning_overhead": round(best_learning / best_alone - 1, 3),
            "rounds_cpu_ms": {
                "alone": [round(x * 1000, 3) for x in alone],
                "learning": [round(x * 1000, 3) for x in with_learning],
            },
        },
        "stream": {
            "per_s_cpu": round(len(items) / stream_cpu),
            "wall_s": round(stream_wall, 1),
            "layer": learning.layer.sizes(),
            "tagger_rebuilds": learning.rebuilds,
            "stored_json_mib": round(sum(len(json.dumps(v)) + len(k) for k, v in records) / 2**20, 2),
            "written_json_mib": round(pending_bytes / 2**20, 2),
            "rss_growth_mib": round((current_rss_kib() - rss_before) / 1024, 1),
        },
    }
    speed, stream = report["speed"], report["stream"]
    print(
        f"tagger alone          {speed['tagger_alone_per_s']:>7,} dispatches/s (CPU, one core, best of {args.rounds})"
    )
    print(f"tagger with learning  {speed['tagger_with_learning_per_s']:>7,} dispatches/s  "
          f"(overhead {speed['learning_overhead']:+.1%}, same run, interleaved)")  # fmt: skip
    print(f"stream of {len(items):,}: {stream['per_s_cpu']:,}/s CPU, layer {stream['layer']}, "
          f"{stream['tagger_rebuilds']} tagger rebuilds, stored {stream['stored_json_mib']} MiB JSON, "
          f"RSS +{stream['rss_growth_mib']} MiB")  # fmt: skip
    print(f"written {write_result('bench_learning', report)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
