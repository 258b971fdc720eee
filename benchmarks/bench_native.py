"""The tagger compiled with mypyc (setup.py, WIREWATCH_NATIVE=1) next to the same source run as pure Python.

    .venv/bin/python benchmarks/bench_native.py [--rounds 3] [--slice 2000] [--reuse]

- build: scripts/build-native installs wirewatch with the compiled tagger into build/native-venv (~35 s;
  --reuse keeps an existing one);
- speed: the same worker runs in both interpreters, interleaved, each pinned to the same CPU: CPU seconds per
  dispatch over --slice dispatches of benchmarks/bench_learning.py's workload (gold texts with an invented
  official each), the tagger alone and with learning on (after a first slice that warms the layer up);
  best of --rounds;
- sameness: each worker also tags every gold dispatch and the first slice and prints a digest of the tags;
  the two must agree, or the compiled tagger is not the same tagger (the benchmark fails).
Writes benchmarks/results/bench_native.json.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if __package__ in (None, ""):
    # Appended, not inserted: the worker must import the `wirewatch` its interpreter installed (compiled or
    # not), never the checkout's folder of the same name. Only `benchmarks` comes from the checkout.
    sys.path.append(str(ROOT))

NATIVE_VENV = ROOT / "build" / "native-venv"


def tag_digest(tag: Any, items: list[Any]) -> str:
    """sha256 over every dispatch's tags as JSON: equal digests, equal tagging."""
    digest = hashlib.sha256()
    for item in items:
        digest.update(json.dumps(tag(item).tags.to_dict(), sort_keys=True, default=str).encode("utf-8"))
    return digest.hexdigest()


def worker(slice_size: int, cpu: int) -> dict[str, Any]:
    """One interpreter's figures: which build it runs, its speed and its digests."""
    # wirewatch first: benchmarks.common puts the checkout first on sys.path, and its `wirewatch` folder must
    # not stand in for the installed package
    from wirewatch.models import Dispatch  # noqa: I001 (this order on purpose)
    from wirewatch.processors.learning import Learning
    from wirewatch.processors.tagger import Tagger, engine
    from wirewatch.processors.tagger.learned import LearnedLayer

    from benchmarks.bench_learning import workload
    from benchmarks.common import BLIND_GOLD_FILES, GOLD_FILES, parse_published
    from benchmarks.tagger_eval import load_gold
    from benchmarks.workload import EPOCH, cpu_seconds

    os.sched_setaffinity(0, {cpu})
    stream = workload(2 * slice_size)
    warm_up, items = stream[:slice_size], stream[slice_size:]
    alone, learning_tagger = Tagger.load(), Tagger.load()
    learning = Learning(LearnedLayer("bench"), learning_tagger)

    def tag_and_learn(dispatch: Dispatch) -> None:
        learning.refresh()
        learning.observe(learning_tagger.tag_dispatch(dispatch))

    for item in warm_up:  # the layer as a running worker holds it; the measured dispatches are new to it
        tag_and_learn(item)

    def per_second(process: Any) -> float:
        started = cpu_seconds()
        for item in items:
            process(item)
        return len(items) / (cpu_seconds() - started)

    gold = []
    for path in (*GOLD_FILES.values(), *BLIND_GOLD_FILES.values()):
        for g in load_gold(path):
            when = parse_published(g.published) or EPOCH
            gold.append(Dispatch(id=g.id, source="gold", title=g.title, text=g.text, published=when, fetched=when))
    return {
        "compiled": engine.__file__.endswith(".so"),
        "tagger_per_s": per_second(alone.tag_dispatch),
        "learning_per_s": per_second(tag_and_learn),
        "gold_digest": tag_digest(Tagger.load().tag_dispatch, gold),
        "workload_digest": tag_digest(Tagger.load().tag_dispatch, items),
    }


def run_worker(python: Path, slice_size: int, cpu: int) -> dict[str, Any]:
    done = subprocess.run(
        [str(python), str(Path(__file__).resolve()), "--worker", "--slice", str(slice_size), "--cpu", str(cpu)],
        cwd=ROOT / "build",  # not the checkout's root: its `wirewatch` folder must not shadow the install
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"worker {python} failed:\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="The mypyc-compiled tagger next to pure Python, same run.")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--slice", type=int, default=2000, help="dispatches per speed round")
    parser.add_argument("--reuse", action="store_true", help="keep an existing build/native-venv")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--cpu", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.slice, args.cpu)))
        return 0

    from benchmarks.workload import write_result

    if not (args.reuse and (NATIVE_VENV / "bin" / "python").exists()):
        subprocess.run([str(ROOT / "scripts" / "build-native"), str(NATIVE_VENV)], check=True)
    cpu = min(os.sched_getaffinity(0))
    builds = {"pure": Path(sys.executable), "native": NATIVE_VENV / "bin" / "python"}
    runs: dict[str, list[dict[str, Any]]] = {name: [] for name in builds}
    for _ in range(args.rounds):  # interleaved: a noisy neighbour slows both, not one
        for name, python in builds.items():
            runs[name].append(run_worker(python, args.slice, cpu))
    pure, native = runs["pure"], runs["native"]
    if pure[0]["compiled"] or not native[0]["compiled"]:
        raise SystemExit(f"wrong builds: pure compiled={pure[0]['compiled']}, native compiled={native[0]['compiled']}")
    same = all(r["gold_digest"] == pure[0]["gold_digest"] and r["workload_digest"] == pure[0]["workload_digest"]
               for r in pure + native)  # fmt: skip

    def best(name: str, key: str) -> int:
        return round(max(r[key] for r in runs[name]))

    report = {
        "cpu": cpu,
        "slice": args.slice,
        "rounds": args.rounds,
        "identical_tags": same,
        "pure": {"tagger_per_s": best("pure", "tagger_per_s"), "learning_per_s": best("pure", "learning_per_s")},
        "native": {"tagger_per_s": best("native", "tagger_per_s"), "learning_per_s": best("native", "learning_per_s")},
    }
    for key in ("tagger_per_s", "learning_per_s"):
        report[f"speedup_{key.removesuffix('_per_s')}"] = round(report["native"][key] / report["pure"][key], 2)
    print(f"{'':24}{'pure Python':>14}{'mypyc':>10}{'ratio':>8}   (dispatches/s, CPU, one core, best of {args.rounds})")
    for label, key in (("tagger alone", "tagger_per_s"), ("tagger with learning", "learning_per_s")):
        print(f"{label:24}{report['pure'][key]:>14,}{report['native'][key]:>10,}"
              f"{report['native'][key] / report['pure'][key]:>7.2f}x")  # fmt: skip
    print(f"tags identical on the gold sets and the workload: {'yes' if same else 'NO'}"
          + ("" if same or not args.reuse else " (a build older than the checkout? run without --reuse)"))  # fmt: skip
    print(f"written {write_result('bench_native', report)}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
