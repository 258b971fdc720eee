"""Tagger throughput on one core, load time and memory, next to baselines measured in the same run.

    .venv/bin/python benchmarks/bench_tagger.py [--dispatches 3000] [--budget 12]

- workload: the gold dispatches topped up to ~300 words each (--words), cycled to --dispatches;
- the tagger: `Tagger.load()` then `tag()` per dispatch, single process, no threads, pinned to one CPU;
- baseline (a): a naive tagger that loops one compiled regex per entity name.  It is built from
  pycountry's country names plus the gold set's own entity names (not from processors/kb: the gold
  authors keep away from the tagger's data), so it is a speed baseline only - its pattern count is
  printed so the comparison is explicit;
- baseline (b): spaCy `en_core_web_sm` NER when it is installed; otherwise the figure stated in the
  issue, labelled "stated, not measured".
Each system gets a time budget (--budget seconds), so the whole run stays well under a minute.
Writes benchmarks/results/bench_tagger.json.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import re
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import GOLD_FILES, RESULTS_DIR, TaggerUnavailable, load_tagger, machine_info, parse_published
from benchmarks.tagger_eval import load_gold
from benchmarks.workload import pin_to_one_cpu

STATED_SPACY = {
    "dispatches_per_s": 25,
    "f1": {"countries": 0.88, "officials": 0.85, "agencies": 0.76},
    "note": "stated, not measured: spaCy en_core_web_sm + country lookup, figure from issue 3",
}
Workload = list[tuple[str, str, Any]]


def current_rss_kib() -> int:
    with open("/proc/self/statm", encoding="ascii") as statm:
        resident_pages = int(statm.read().split()[1])
    return resident_pages * os.sysconf("SC_PAGE_SIZE") // 1024


def peak_rss_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux


def build_workload(size: int, target_words: int) -> tuple[Workload, float]:
    """`size` dispatches of about `target_words` words each, made from the gold texts.

    The gold texts run 150-350 words; to measure at the issue's ~300 words, each workload item is
    one gold dispatch topped up with whole paragraphs of the following ones."""
    gold = [item for path in GOLD_FILES.values() for item in load_gold(path) if item.language == "en"]
    paragraphs = [item.text.split("\n") for item in gold]
    base: Workload = []
    for index, item in enumerate(gold):
        body, count, following = list(paragraphs[index]), len(item.text.split()), index + 1
        while count < target_words:
            for paragraph in paragraphs[following % len(gold)]:
                if count >= target_words:
                    break
                body.append(paragraph)
                count += len(paragraph.split())
            following += 1
        base.append((item.title, "\n".join(body), parse_published(item.published)))
    workload = [base[i % len(base)] for i in range(size)]
    mean_words = sum(len(text.split()) for _, text, _ in base) / len(base)
    return workload, mean_words


def throughput(tag: Callable[[str, str, Any], Any], workload: Workload, budget_s: float) -> dict[str, float]:
    """Dispatches per second over as much of the workload as fits in the budget (after a warm-up)."""
    for title, text, published in workload[:20]:
        tag(title, text, published)
    gc.collect()
    done, words = 0, 0
    start = time.perf_counter()
    deadline = start + budget_s
    for title, text, published in workload:
        tag(title, text, published)
        done += 1
        words += len(text.split())
        if done % 50 == 0 and time.perf_counter() > deadline:
            break
    elapsed = time.perf_counter() - start
    return {
        "dispatches": done,
        "seconds": round(elapsed, 3),
        "dispatches_per_s": round(done / elapsed, 1),
        "words_per_s": round(words / elapsed),
    }


# --- baseline (a): one regex per entity name ------------------------------------------------


def naive_patterns() -> list[tuple[str, str, re.Pattern[str]]]:
    """(kind, name, compiled regex) for pycountry names and the gold set's entity names."""
    import pycountry

    names: dict[tuple[str, str], None] = {}
    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            value = getattr(country, attribute, None)
            if value:
                names[("country", value)] = None
    for path in GOLD_FILES.values():
        for item in load_gold(path):
            if item.language != "en":
                continue
            for entity in item.officials_required + item.officials_optional:
                names[("official", entity.name)] = None
            for entity in item.agencies_required + item.agencies_optional:
                names[("agency", entity.name)] = None
                for key in entity.keys:
                    names[("agency", key)] = None
    patterns = []
    for kind, name in names:
        acronym = name.isupper() and len(name) <= 6
        flags = 0 if acronym else re.IGNORECASE  # acronyms are case-sensitive, as in the real tagger
        patterns.append((kind, name, re.compile(rf"\b{re.escape(name)}\b", flags)))
    return patterns


class NaiveRegexTagger:
    """The approach the issue rules out: every entity is its own regex, tried on every dispatch."""

    def __init__(self, patterns: Sequence[tuple[str, str, re.Pattern[str]]]) -> None:
        self.patterns = list(patterns)

    def tag(self, title: str, text: str, published: Any = None) -> dict[str, list[str]]:
        body = f"{title}\n{text}"
        found: dict[str, list[str]] = {"country": [], "official": [], "agency": []}
        for kind, name, pattern in self.patterns:
            if pattern.search(body):
                found[kind].append(name)
        return found


# --- baseline (b): spaCy ----------------------------------------------------------------------


def spacy_baseline(workload: Workload, budget_s: float) -> dict[str, Any]:
    try:
        import spacy  # optional, not a dependency

        started = time.perf_counter()
        nlp = spacy.load("en_core_web_sm")
        load_s = time.perf_counter() - started
    except (ImportError, OSError) as exc:
        return {"measured": False, "reason": f"{type(exc).__name__}: {exc}".splitlines()[0], **STATED_SPACY}

    def tag(title: str, text: str, published: Any) -> Any:
        return [(ent.text, ent.label_) for ent in nlp(f"{title}\n{text}").ents]

    return {
        "measured": True,
        "model": f"en_core_web_sm {nlp.meta.get('version')}",
        "load_s": round(load_s, 3),
        **throughput(tag, workload, budget_s),
    }


# --- the run ----------------------------------------------------------------------------------


def measure_tagger(workload: Workload, budget_s: float) -> dict[str, Any]:
    rss_before = current_rss_kib()
    started = time.perf_counter()
    tagger = load_tagger()
    load_s = time.perf_counter() - started
    rss_after = current_rss_kib()
    result = {"load_s": round(load_s, 3), "rss_growth_on_load_mib": round((rss_after - rss_before) / 1024, 1)}
    result.update(throughput(lambda t, x, p: tagger.tag(t, x, published=p, hints=None), workload, budget_s))  # noqa: F821 - deleted after the run
    del tagger
    gc.collect()
    # A second load under tracemalloc: Python-heap size of the loaded tagger (C-extension memory,
    # such as the automaton's nodes, shows only in the RSS figure above).
    tracemalloc.start()
    tagger = load_tagger()
    loaded, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    result["tracemalloc_loaded_mib"] = round(loaded / 2**20, 1)
    result["tracemalloc_peak_during_load_mib"] = round(peak / 2**20, 1)
    del tagger
    return result


def format_report(report: dict[str, Any]) -> str:
    tagger, naive, spacy_result = report["tagger"], report["naive_regex_baseline"], report["spacy_baseline"]
    lines = [
        f"machine: {report['machine']['cpu_model']}, Python {report['machine']['python']}, pinned to CPU {report['cpu']}",
        f"workload: {report['workload_dispatches']} gold-based dispatches, mean {report['mean_words']:.0f} words each",
        f"{'system':<34}{'dispatches/s':>14}{'words/s':>12}{'load s':>9}",
    ]
    if "error" in tagger:
        lines.append(f"{'wirewatch Tagger':<34}{'unavailable: ' + tagger['error']:>14}")
    else:
        lines.append(
            f"{'wirewatch Tagger':<34}{tagger['dispatches_per_s']:>14,.1f}"
            f"{tagger['words_per_s']:>12,}{tagger['load_s']:>9.2f}"
        )
    lines.append(
        f"{'naive regex loop (' + str(naive['patterns']) + ' patterns)':<34}"
        f"{naive['dispatches_per_s']:>14,.1f}{naive['words_per_s']:>12,}{naive['build_s']:>9.2f}"
    )
    if spacy_result["measured"]:
        lines.append(
            f"{'spaCy en_core_web_sm NER':<34}{spacy_result['dispatches_per_s']:>14,.1f}"
            f"{spacy_result['words_per_s']:>12,}{spacy_result['load_s']:>9.2f}"
        )
    else:
        f1 = spacy_result["f1"]
        lines.append(
            f"{'spaCy en_core_web_sm (STATED)':<34}{spacy_result['dispatches_per_s']:>14,.1f}{'-':>12}{'-':>9}"
            f"   F1 {f1['countries']}/{f1['officials']}/{f1['agencies']}  -- stated, not measured"
        )
        lines.append(f"  (spaCy not measured: {spacy_result['reason']})")
    if "error" not in tagger:
        lines.append(
            f"tagger memory: RSS +{tagger['rss_growth_on_load_mib']} MiB on load, "
            f"tracemalloc {tagger['tracemalloc_loaded_mib']} MiB loaded "
            f"(peak {tagger['tracemalloc_peak_during_load_mib']} MiB during load), "
            f"process peak RSS {report['peak_rss_mib']} MiB"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Tagger throughput on one core.")
    parser.add_argument("--dispatches", type=int, default=3000, help="workload size (gold texts cycled)")
    parser.add_argument("--budget", type=float, default=12.0, help="seconds allowed per system")
    parser.add_argument("--words", type=int, default=300, help="approximate words per dispatch")
    args = parser.parse_args(argv)

    cpu = pin_to_one_cpu()
    workload, mean_words = build_workload(args.dispatches, args.words)
    report: dict[str, Any] = {
        "machine": machine_info(),
        "cpu": cpu,
        "workload_dispatches": len(workload),
        "mean_words": round(mean_words, 1),
        "budget_s": args.budget,
    }
    try:
        report["tagger"] = measure_tagger(workload, args.budget)
    except TaggerUnavailable as exc:
        report["tagger"] = {"error": str(exc)}

    started = time.perf_counter()
    naive = NaiveRegexTagger(naive_patterns())
    build_s = time.perf_counter() - started
    report["naive_regex_baseline"] = {
        "patterns": len(naive.patterns),
        "build_s": round(build_s, 3),
        "source": "pycountry country names + gold-set entity names (not processors/kb)",
        **throughput(naive.tag, workload, args.budget),
    }
    report["spacy_baseline"] = spacy_baseline(workload, args.budget)
    report["peak_rss_mib"] = round(peak_rss_kib() / 1024, 1)

    print(format_report(report))
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    out_path = RESULTS_DIR / "bench_tagger.json"
    out_path.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(f"written {out_path.relative_to(RESULTS_DIR.parent.parent)}")
    return 0 if "error" not in report["tagger"] else 2


if __name__ == "__main__":
    sys.exit(main())
