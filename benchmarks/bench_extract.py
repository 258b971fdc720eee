"""Article extraction: accuracy and speed of main-text extractors on realistic news pages, wirewatch's next to
trafilatura's.

    .venv/bin/python -m benchmarks.bench_extract [--split tuning|heldout|all] [--rounds 3] [--only NAME,...] [--json]

- pages: benchmarks/extraction/ generates them (48 original articles in eight languages, each rendered by one of
  eleven site templates to 100-200 KB of HTML; seven templates make the tuning split, four the held-out one);
- candidates (--only takes these keys): `trafilatura` (2.3.1, `extract(html, url=url)`, the baseline),
  `trafilatura-fast` (`fast=True`: no fallback extractors), `readability` (readability-lxml 0.9,
  `Document(html).summary()` as text), `resiliparse` (2.0.0, `extract_plain_text(..., main_content=True)`) and
  `wirewatch` (`wirewatch.producers.article.extract_article`, left out with a note when it cannot be imported);
- accuracy: token precision, recall and F1 per page — bags of lowercased Unicode `\\w+` tokens, multiset
  intersection, as in the ScrapingHub article-extraction-benchmark — averaged over pages, per split, language and
  template. The gold's optional texts (captions, pull quotes, datelines, live-post times) are taken out of the
  prediction's surplus: neither required nor penalised. An empty prediction scores 0;
- metadata: the share of pages whose publication day (in the page's own offset), author and language a
  candidate gets right, for those that return them (trafilatura through `bare_extraction(with_metadata=True)`,
  which leaves the language empty unless given a target language; wirewatch's `.published`, `.author`,
  `.language`);
- speed: pages per CPU second (time.process_time) in one process pinned to one core, best of --rounds
  interleaved rounds (each round runs every candidate over every page in turn), next to trafilatura's.
Writes benchmarks/results/bench_extract.json (or prints it with --json).
"""

from __future__ import annotations

import argparse
import inspect
import json
import re
import statistics
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from importlib import metadata as importlib_metadata
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.extraction.corpus import LANGUAGES, SPLITS, TEMPLATES, Gold, Page, build_corpus
from benchmarks.workload import pin_to_one_cpu, write_result

BASELINE = "trafilatura"
TOKEN = re.compile(r"\w+")
BLOCK_END = re.compile(
    r"<(?:br\s*/?|/p|/div|/h[1-6]|/li|/tr|/blockquote|/figcaption|/section|/article)\s*>", re.IGNORECASE
)

# The metadata fields a candidate returns: "date" (a date or datetime), "author", "language"; None = not found.
Meta = dict[str, Any]


@dataclass(frozen=True)
class Candidate:
    """An extractor: `extract` is the timed call, `text` and `metadata` read its result afterwards."""

    key: str
    name: str
    extract: Callable[[str, str], Any]
    text: Callable[[Any], str]
    metadata: Callable[[Any, str, str], Meta] | None = None


# ---------------------------------------------------------------------------------------------------------------
# The candidates.


def version(package: str) -> str:
    try:
        return importlib_metadata.version(package)
    except importlib_metadata.PackageNotFoundError:
        return "?"


def as_text(result: Any) -> str:
    return result if isinstance(result, str) else ""


def parse_day(value: str | None) -> date | None:
    """trafilatura's dates are "YYYY-MM-DD"."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def trafilatura_candidates() -> list[Candidate]:
    import trafilatura

    def metadata_of(fast: bool) -> Callable[[Any, str, str], Meta]:
        def read(_result: Any, html: str, url: str) -> Meta:
            document = trafilatura.bare_extraction(html, url=url, with_metadata=True, fast=fast)
            if document is None or isinstance(document, dict):
                return {"date": None, "author": None}
            # no "language": bare_extraction leaves it None unless given a target_language
            return {"date": parse_day(document.date), "author": document.author}

        return read

    label = f"trafilatura {version('trafilatura')}"
    return [
        Candidate(BASELINE, label, lambda html, url: trafilatura.extract(html, url=url), as_text, metadata_of(False)),
        Candidate(
            "trafilatura-fast",
            f"{label} fast",
            lambda html, url: trafilatura.extract(html, url=url, fast=True),
            as_text,
            metadata_of(True),
        ),
    ]


def fragment_to_text(fragment: str) -> str:
    """An HTML fragment as text, a line break at every block end (so words of adjacent blocks stay apart)."""
    import lxml.html

    if not fragment.strip():
        return ""
    return str(lxml.html.fromstring(BLOCK_END.sub("\n", fragment)).text_content())


def readability_candidate() -> Candidate:
    from readability import Document

    def extract(html: str, url: str) -> str:
        return fragment_to_text(Document(html, url=url).summary(html_partial=True))

    return Candidate("readability", f"readability-lxml {version('readability-lxml')}", extract, as_text)


def resiliparse_candidate() -> Candidate:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    def extract(html: str, url: str) -> str:
        return str(extract_plain_text(HTMLTree.parse(html), main_content=True))

    return Candidate("resiliparse", f"resiliparse {version('resiliparse')}", extract, as_text)


def wirewatch_candidate() -> Candidate:
    """wirewatch's extractor, called with url= when its signature takes it; raises ImportError when absent."""
    from wirewatch.producers.article import extract_article

    takes_url = "url" in inspect.signature(extract_article).parameters

    def extract(html: str, url: str) -> Any:
        return extract_article(html, url=url) if takes_url else extract_article(html)

    def text(result: Any) -> str:
        return str(getattr(result, "text", "") or "") if result is not None else ""

    def metadata(result: Any, _html: str, _url: str) -> Meta:
        published = getattr(result, "published", None)
        return {
            "date": published,  # a datetime, compared in the gold's offset
            "author": getattr(result, "author", None),
            "language": getattr(result, "language", None),
        }

    return Candidate("wirewatch", "wirewatch", extract, text, metadata)


def load_candidates(only: set[str] | None) -> tuple[list[Candidate], dict[str, str]]:
    """The candidates that can run, and why the others cannot."""
    factories: list[tuple[tuple[str, ...], Callable[[], list[Candidate]]]] = [
        ((BASELINE, "trafilatura-fast"), trafilatura_candidates),
        (("readability",), lambda: [readability_candidate()]),
        (("resiliparse",), lambda: [resiliparse_candidate()]),
        (("wirewatch",), lambda: [wirewatch_candidate()]),
    ]
    candidates: list[Candidate] = []
    skipped: dict[str, str] = {}
    for keys, factory in factories:
        if only is not None and not only.intersection(keys):
            continue
        try:
            made = factory()
        except ImportError as exc:
            for key in keys:
                skipped[key] = f"cannot be imported: {exc}"
            continue
        candidates += [candidate for candidate in made if only is None or candidate.key in only]
    return candidates, skipped


# ---------------------------------------------------------------------------------------------------------------
# Scoring.


def tokens(text: str) -> Counter[str]:
    return Counter(TOKEN.findall(text.lower()))


def score(predicted: str, gold: Gold) -> tuple[float, float, float]:
    """(precision, recall, F1) of the predicted text's tokens against the gold body's, optional texts neutral."""
    want, got = tokens(gold.text), tokens(predicted)
    got -= (got - want) & tokens("\n".join(gold.optional))
    hit = sum((got & want).values())
    precision = hit / sum(got.values()) if got else 0.0
    recall = hit / sum(want.values()) if want else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def normalise_name(value: Any) -> str:
    text = unicodedata.normalize("NFKC", str(value)).casefold()
    return " ".join(text.replace(",", " ").split())


def metadata_right(meta: Meta, gold: Gold) -> dict[str, bool]:
    """For each field the candidate returns: is it the gold's?"""
    gold_when = datetime.fromisoformat(gold.published)
    right = {}
    if "date" in meta:
        found = meta["date"]
        if isinstance(found, datetime):
            found = (found.astimezone(gold_when.tzinfo) if found.tzinfo else found).date()
        right["date"] = found == gold_when.date()
    if "author" in meta:
        right["author"] = bool(meta["author"]) and normalise_name(meta["author"]) == normalise_name(gold.author)
    if "language" in meta:
        found = str(meta["language"] or "").lower().replace("_", "-").split("-")[0]
        right["language"] = found == gold.language
    return right


def mean(values: list[float]) -> float:
    return round(statistics.mean(values), 3) if values else float("nan")


def summarise(scores: list[tuple[Page, tuple[float, float, float]]]) -> dict[str, float]:
    return {
        "f1": mean([s[2] for _, s in scores]),
        "precision": mean([s[0] for _, s in scores]),
        "recall": mean([s[1] for _, s in scores]),
        "pages": len(scores),
    }


# ---------------------------------------------------------------------------------------------------------------
# Running.


def run_round(candidate: Candidate, pages: list[Page]) -> tuple[float, list[Any], int]:
    """CPU seconds for one pass over the pages, the results, and how many pages raised."""
    results: list[Any] = []
    errors = 0
    start = time.process_time()
    for page in pages:
        try:
            results.append(candidate.extract(page.html, page.url))
        except Exception:
            results.append(None)
            errors += 1
    return time.process_time() - start, results, errors


def evaluate(candidate: Candidate, pages: list[Page], results: list[Any]) -> dict[str, Any]:
    scores = [(page, score(candidate.text(result), page.gold)) for page, result in zip(pages, results, strict=True)]
    report: dict[str, Any] = summarise(scores)
    report["by_split"] = {
        split: summarise([s for s in scores if s[0].split == split]) for split in ("tuning", "heldout")
    }
    report["by_language"] = {lang: summarise([s for s in scores if s[0].gold.language == lang]) for lang in LANGUAGES}
    report["by_template"] = {name: summarise([s for s in scores if s[0].template == name]) for name in TEMPLATES}
    report["per_page"] = {page.id: round(s[2], 3) for page, s in scores}
    if candidate.metadata is not None:
        right: dict[str, list[bool]] = {}
        for page, result in zip(pages, results, strict=True):
            try:
                meta = candidate.metadata(result, page.html, page.url) if result is not None else {}
            except Exception:
                meta = {}
            for field, ok in metadata_right(meta, page.gold).items():
                right.setdefault(field, []).append(ok)
        report["metadata"] = {field: round(sum(oks) / len(pages), 3) for field, oks in right.items()}
    return report


# ---------------------------------------------------------------------------------------------------------------
# Printing.


def fmt(value: float | None, width: int = 7) -> str:
    return f"{'-':>{width}}" if value is None or value != value else f"{value:>{width}.3f}"


def print_report(report: dict[str, Any], candidates: list[Candidate]) -> None:
    corpus, results = report["corpus"], report["candidates"]
    splits = ", ".join(f"{name} {count}" for name, count in corpus["by_split"].items())
    print(
        f"{corpus['pages']} pages ({splits}), {len(corpus['templates'])} templates, mean {corpus['mean_kb']} KB, "
        f"{corpus['rounds']} rounds on one core (CPU {report['cpu']})"
    )
    base = results.get(BASELINE)
    print(
        f"\n{'candidate':<26}{'F1':>7}{'P':>7}{'R':>7}{'tuning':>8}{'heldout':>8}{'pages/s':>9}{'vs traf':>9}{'errors':>7}"
    )
    for candidate in candidates:
        r = results[candidate.key]
        ratio = f"{r['pages_per_s'] / base['pages_per_s']:>8.2f}x" if base else f"{'-':>9}"
        print(
            f"{candidate.name:<26}{fmt(r['f1'])}{fmt(r['precision'])}{fmt(r['recall'])}"
            f"{fmt(r['by_split']['tuning']['f1'], 8)}{fmt(r['by_split']['heldout']['f1'], 8)}{r['pages_per_s']:>9.1f}{ratio}{r['errors']:>7}"
        )
    keys = [c.key for c in candidates]
    width = max(11, *(len(k) + 2 for k in keys))
    print("\nF1 by language")
    print(f"{'language':<10}{'pages':>6}" + "".join(f"{k:>{width}}" for k in keys))
    for lang in LANGUAGES:
        pages = results[keys[0]]["by_language"][lang]["pages"]
        if pages:
            print(f"{lang:<10}{pages:>6}" + "".join(fmt(results[k]["by_language"][lang]["f1"], width) for k in keys))
    print("\nF1 by template (P/R of each in the JSON)")
    print(f"{'template':<16}{'split':<8}{'pages':>6}" + "".join(f"{k:>{width}}" for k in keys))
    for name in TEMPLATES:
        pages = results[keys[0]]["by_template"][name]["pages"]
        if pages:
            print(
                f"{name:<16}{SPLITS[name]:<8}{pages:>6}"
                + "".join(fmt(results[k]["by_template"][name]["f1"], width) for k in keys)
            )
    with_meta = [c for c in candidates if "metadata" in results[c.key]]
    if with_meta:
        print("\nmetadata: share of pages right (date = the publication day; - = not returned)")
        print(f"{'candidate':<26}{'date':>7}{'author':>8}{'language':>10}")
        for candidate in with_meta:
            meta = results[candidate.key]["metadata"]
            print(
                f"{candidate.name:<26}{fmt(meta.get('date'))}{fmt(meta.get('author'), 8)}{fmt(meta.get('language'), 10)}"
            )
    for key, why in report["skipped"].items():
        print(f"note: {key} skipped, {why}")
    if base is None:
        print(f"note: {BASELINE} not selected, no speed ratio")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--split", choices=("tuning", "heldout", "all"), default="all")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--only",
        help="comma-separated candidate keys: trafilatura, trafilatura-fast, readability, resiliparse, wirewatch",
    )
    parser.add_argument("--json", action="store_true", help="print the report as JSON instead of tables")
    args = parser.parse_args(argv)
    only = {key.strip() for key in args.only.split(",") if key.strip()} if args.only else None
    cpu = pin_to_one_cpu()
    pages = [page for page in build_corpus() if args.split == "all" or page.split == args.split]
    candidates, skipped = load_candidates(only)
    if not candidates:
        print(f"no candidate to run: {skipped or 'none selected'}", file=sys.stderr)
        return 2
    seconds: dict[str, list[float]] = {c.key: [] for c in candidates}
    first: dict[str, tuple[list[Any], int]] = {}
    for _ in range(max(1, args.rounds)):  # interleaved: every candidate sees the same machine state
        for candidate in candidates:
            elapsed, results, errors = run_round(candidate, pages)
            seconds[candidate.key].append(elapsed)
            first.setdefault(candidate.key, (results, errors))
    sizes = [len(page.html.encode("utf-8")) / 1024 for page in pages]
    report: dict[str, Any] = {
        "corpus": {
            "pages": len(pages),
            "split": args.split,
            "by_split": dict(Counter(page.split for page in pages)),
            "templates": dict(Counter(page.template for page in pages)),
            "languages": dict(Counter(page.gold.language for page in pages)),
            "mean_kb": round(statistics.mean(sizes), 1),
            "rounds": max(1, args.rounds),
        },
        "cpu": cpu,
        "candidates": {},
        "skipped": skipped,
    }
    for candidate in candidates:
        results, errors = first[candidate.key]
        best = min(seconds[candidate.key])
        entry = evaluate(candidate, pages, results)
        entry.update(
            name=candidate.name,
            errors=errors,
            cpu_s_best=round(best, 3),
            cpu_s_rounds=[round(s, 3) for s in seconds[candidate.key]],
            pages_per_s=round(len(pages) / best, 1) if best > 0 else float("inf"),
        )
        report["candidates"][candidate.key] = entry
    base = report["candidates"].get(BASELINE)
    for entry in report["candidates"].values():
        entry["vs_trafilatura"] = round(entry["pages_per_s"] / base["pages_per_s"], 2) if base else None
    if args.json:
        print(json.dumps(report, indent=1, ensure_ascii=False, default=str))
    else:
        print_report(report, candidates)
    path = write_result("bench_extract", report)
    if not args.json:
        print(f"written {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
