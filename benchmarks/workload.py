"""What the pipeline benchmarks share: the dispatch workload, one-core pinning, memory, result files.

The workload is the gold dispatches (the English ones by default; a mix of the eight languages on request), each
topped up with whole paragraphs of the following ones in its language to about 300 words, as bench_tagger does;
they are cycled to the size a benchmark needs, each copy with its own id so dedup never drops it.
"""

from __future__ import annotations

import json
import os
import resource
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from benchmarks.common import GOLD_DIR, RESULTS_DIR, load_tagger, machine_info, parse_published
from benchmarks.tagger_eval import load_gold
from wirewatch.models import Dispatch, dispatch_id, utcnow

ALL_GOLD_FILES = sorted(GOLD_DIR.glob("*.jsonl"))
EPOCH = datetime(2026, 1, 1, tzinfo=UTC)


def pin_to_one_cpu() -> int | None:
    """Measure one core honestly: the process must not borrow a second one."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return cpu


def peak_rss_mib() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)  # ru_maxrss is KiB on Linux


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def load_average() -> list[float]:
    return [round(value, 2) for value in os.getloadavg()]


def gold_texts(
    target_words: int = 300, languages: tuple[str, ...] = ("en",)
) -> list[tuple[str, str, datetime | None, str]]:
    """(title, text, published, language) per gold dispatch in `languages`, text topped up to about
    target_words words with paragraphs of the following dispatches in the same language."""
    gold = [item for path in ALL_GOLD_FILES for item in load_gold(path) if item.language in languages]
    texts = []
    for language in languages:
        same = [item for item in gold if item.language == language]
        paragraphs = [item.text.split("\n") for item in same]
        for index, item in enumerate(same):
            body, count, following = list(paragraphs[index]), len(item.text.split()), index + 1
            while count < target_words:
                for paragraph in paragraphs[following % len(same)]:
                    if count >= target_words:
                        break
                    body.append(paragraph)
                    count += len(paragraph.split())
                following += 1
            texts.append((item.title, "\n".join(body), parse_published(item.published), language))
    return texts


def dispatches(
    count: int, target_words: int = 300, run_tag: str = "bench", languages: tuple[str, ...] = ("en",)
) -> list[Dispatch]:
    """`count` dispatches cycled from the gold texts in `languages` (interleaved: each language's share is its
    share of the gold), each with a unique id and URL."""
    texts = gold_texts(target_words, languages)
    if len(languages) > 1:  # interleave, so any slice of the stream mixes the languages
        texts = sorted(texts, key=lambda t: (hash_order(t[1]), t[3]))
    made = []
    for index in range(count):
        title, text, published, language = texts[index % len(texts)]
        key = f"{run_tag}/{index}"
        made.append(
            Dispatch(
                id=dispatch_id(key),
                source="bench",
                title=title,
                text=text,
                published=published or EPOCH,
                fetched=EPOCH + timedelta(seconds=index),
                url=f"https://bench.invalid/{key}",
                language=language,
            )
        )
    return made


def hash_order(text: str) -> str:
    """A stable pseudo-random order (the same every run, unlike hash())."""
    import hashlib

    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


def mean_words(items: list[Dispatch]) -> float:
    return round(sum(len(d.text.split()) for d in items) / max(len(items), 1), 1)


def write_result(name: str, report: dict[str, Any]) -> Path:
    """benchmarks/results/<name>.json with the machine facts and load average added."""
    report = {
        "benchmark": name,
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {**machine_info(), "cpus": os.cpu_count(), "load_average_end": load_average()},
        **report,
    }
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    path = RESULTS_DIR / f"{name}.json"
    path.write_text(json.dumps(report, indent=1, default=str) + "\n", encoding="utf-8")
    return path


class Stopwatch:
    """Wall and CPU seconds of a block."""

    def __enter__(self) -> Stopwatch:
        self.wall_start, self.cpu_start = time.perf_counter(), cpu_seconds()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self.wall_start
        self.cpu = cpu_seconds() - self.cpu_start


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile (values need not be sorted)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[rank]


def replicated_tagged(count: int, span: timedelta, prefix: str, *, published_too: bool = False) -> list[Any]:
    """`count` tagged dispatches for store-scale benchmarks: 1,000 gold-based texts tagged once by the real
    Tagger (not timed), copied with their own ids and URLs, arriving evenly over `span` back from now (and
    published then too, with `published_too`)."""
    tagger = load_tagger()
    distinct = [tagger.tag_dispatch(d) for d in dispatches(1000, run_tag=f"replicated-{prefix}")]
    now = utcnow()
    step = span / count
    out = []
    for i in range(count):
        base = distinct[i % len(distinct)]
        moment = now - step * i
        times = {"fetched": moment, "published": moment} if published_too else {"fetched": moment}
        dispatch = replace(base.dispatch, id=f"{prefix}{i:07d}", url=f"https://bench.invalid/{prefix}/{i}", **times)
        out.append(replace(base, dispatch=dispatch))
    return out
