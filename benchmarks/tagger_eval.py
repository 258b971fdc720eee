"""Score the tagger against the hand-labelled gold set.

    .venv/bin/python benchmarks/tagger_eval.py [--file dev|heldout|all|PATH] [--misses] [--json]

Scoring convention (benchmarks/gold/README.md has the labelling rules):
- countries: TP = required codes found, FN = required codes missed, FP = codes found that are
  neither required nor optional (optional codes found count as nothing);
- officials / agencies: an output entity matches a gold entity when one of the gold entity's
  `keys` occurs as a whole word sequence in the output's name after casefolding and stripping
  accents; each gold entity is matched at most once; unmatched required = FN; outputs that match
  no required or optional entity = FP;
- attributes (role, country, kind) are accuracies over matched required pairs;
- coup: the `use` of the highest-confidence coup event ("none" without one) against gold;
- not in the knowledge base: recall over the required officials and agencies whose name (or a multi-word
  key) is not a name or alias of the bundled knowledge base: what the tagger found without being told.
All counts are micro-averaged over the dispatches of a file.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import GOLD_FILES, RESULTS_DIR, TaggerUnavailable, load_tagger, parse_published
from wirewatch.models import Tags

COUP_USES = ("current", "figurative", "historical", "none")
AGENCY_KINDS = ("news_agency", "government", "military", "international")
# The seed file was written before the convention fixed these spellings.
KIND_ALIASES = {"news agency": "news_agency", "government body": "government", "literal": "current"}
ROLE_STOPWORDS = frozenset({"the", "of", "a", "an", "and", "for", "to", "in", "on", "s", "de"})
# Wire copy abbreviates titles ("Sen.", "Gov.", "Lt. Col.") and spells them both ways; the same role either way.
ROLE_SYNONYMS = {
    "sen": "senator",
    "gov": "governor",
    "rep": "representative",
    "gen": "general",
    "col": "colonel",
    "lt": "lieutenant",
    "maj": "major",
    "capt": "captain",
    "adm": "admiral",
    "sgt": "sergeant",
    "brig": "brigadier",
    "cmdr": "commander",
    "amb": "ambassador",
    "defense": "defence",
}
# Letters NFKD does not decompose but a reader would still call "accented".
EXTRA_FOLDS = str.maketrans({"ı": "i", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe"})
WORD = re.compile(r"\w+")


class GoldError(ValueError):
    """A gold line that does not fit the gold format."""


def fold(text: str) -> str:
    """Casefold and strip accents: "Mevlüt Çavuşoğlu" -> "mevlut cavusoglu"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(EXTRA_FOLDS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# British and American spellings of one word are one word to the scorer: "National Security and Defense
# Council" is the body a key "national security and defence council" names.
SPELLINGS = {
    "defense": "defence",
    "organization": "organisation",
    "organizations": "organisations",
    "center": "centre",
    "labor": "labour",
    "program": "programme",
    "honor": "honour",
    "counselor": "counsellor",
}


def words(text: str) -> list[str]:
    return [SPELLINGS.get(word, word) for word in WORD.findall(fold(text))]


def contains_sequence(haystack: Sequence[str], needle: Sequence[str]) -> bool:
    """Whole-word containment: ["al", "assad"] is in ["bashar", "al", "assad"], "sad" is not."""
    if not needle:
        return False
    width = len(needle)
    return any(list(haystack[i : i + width]) == list(needle) for i in range(len(haystack) - width + 1))


def output_matches(keys: Iterable[str], out: Any) -> bool:
    """An output's name holds a key, or its name in Latin letters (a person's name written in Cyrillic or
    Arabic), or the words the text names a body with in another language ("Fiscalía")."""
    if key_matches(keys, out.name):
        return True
    other = getattr(out, "name_latin", None) or getattr(out, "written", None)
    return other is not None and key_matches(keys, other)


def key_matches(keys: Iterable[str], name: str) -> bool:
    name_words = words(name)
    return any(contains_sequence(name_words, words(key)) for key in keys)


def _role_words(role: str) -> set[str]:
    return {ROLE_SYNONYMS.get(w, w) for w in words(role) if w not in ROLE_STOPWORDS}


def role_matches(gold_role: str | None, output_role: str | None) -> bool:
    """Gold role's content words all in the output role, or the output's all in the gold's."""
    if not gold_role or not output_role:
        return False
    gold_words = _role_words(gold_role)
    output_words = _role_words(output_role)
    if not gold_words or not output_words:
        return False
    return gold_words <= output_words or output_words <= gold_words


# --- gold records -------------------------------------------------------------------------


@dataclass(slots=True)
class GoldEntity:
    keys: list[str]
    name: str
    role: str | None = None  # officials
    kind: str | None = None  # agencies
    country: str | None = None  # None: not scored (international officials and bodies)


@dataclass(slots=True)
class GoldDispatch:
    id: str
    title: str
    text: str
    published: str | None
    source_note: str
    countries_required: set[str]
    countries_optional: set[str]
    officials_required: list[GoldEntity]
    officials_optional: list[GoldEntity]
    agencies_required: list[GoldEntity]
    agencies_optional: list[GoldEntity]
    coup: str
    language: str = "en"  # ISO 639-1 of the text


def _entities(raw: Any, where: str, *, kinds: bool, required: bool) -> list[GoldEntity]:
    if not isinstance(raw, list):
        raise GoldError(f"{where} must be a list")
    entities = []
    for index, item in enumerate(raw):
        spot = f"{where}[{index}]"
        if not isinstance(item, dict) or not isinstance(item.get("keys"), list) or not item["keys"]:
            raise GoldError(f"{spot} needs a non-empty 'keys' list")
        for key in item["keys"]:
            if not isinstance(key, str) or not words(key):
                raise GoldError(f"{spot} has an empty or non-string key {key!r}")
        kind = item.get("kind")
        if kinds and kind is not None:
            kind = KIND_ALIASES.get(kind, kind)
            if kind not in AGENCY_KINDS:
                raise GoldError(f"{spot} has unknown kind {item['kind']!r}")
        if kinds and required and kind is None:
            raise GoldError(f"{spot} is required and needs a kind")
        entities.append(
            GoldEntity(
                keys=list(item["keys"]),
                name=str(item.get("name") or item["keys"][0]),
                role=item.get("role"),
                kind=kind,
                country=item.get("country"),
            )
        )
    return entities


def parse_gold(record: Any) -> GoldDispatch:
    """One gold line (already JSON-decoded) -> GoldDispatch; GoldError on any format problem."""
    if not isinstance(record, dict):
        raise GoldError("a gold line must be a JSON object")
    for name in ("id", "title", "text", "gold"):
        if name not in record:
            raise GoldError(f"gold line is missing {name!r}")
    ident = str(record["id"])
    gold = record["gold"]
    try:
        countries, officials, agencies = gold["countries"], gold["officials"], gold["agencies"]
        coup = KIND_ALIASES.get(gold["coup"], gold["coup"])
    except (TypeError, KeyError) as exc:
        raise GoldError(f"{ident}: gold needs countries, officials, agencies and coup ({exc})") from exc
    if coup not in COUP_USES:
        raise GoldError(f"{ident}: coup must be one of {COUP_USES}, not {coup!r}")
    return GoldDispatch(
        id=ident,
        title=str(record["title"]),
        text=str(record["text"]),
        published=record.get("published"),
        source_note=str(record.get("source_note", "")),
        countries_required=set(countries.get("required", [])),
        countries_optional=set(countries.get("optional", [])),
        officials_required=_entities(
            officials.get("required", []), f"{ident}: officials.required", kinds=False, required=True
        ),
        officials_optional=_entities(
            officials.get("optional", []), f"{ident}: officials.optional", kinds=False, required=False
        ),
        agencies_required=_entities(
            agencies.get("required", []), f"{ident}: agencies.required", kinds=True, required=True
        ),
        agencies_optional=_entities(
            agencies.get("optional", []), f"{ident}: agencies.optional", kinds=True, required=False
        ),
        coup=coup,
        language=str(record.get("language", "en")),
    )


def load_gold(path: Path) -> list[GoldDispatch]:
    dispatches, seen = [], set()
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                dispatch = parse_gold(json.loads(line))
            except json.JSONDecodeError as exc:
                raise GoldError(f"{path}:{number}: not JSON: {exc}") from exc
            except GoldError as exc:
                raise GoldError(f"{path}:{number}: {exc}") from exc
            if dispatch.id in seen:
                raise GoldError(f"{path}:{number}: duplicate id {dispatch.id!r}")
            seen.add(dispatch.id)
            dispatches.append(dispatch)
    return dispatches


def consistency_problems(dispatch: GoldDispatch, valid_codes: set[str]) -> list[str]:
    """Checks that keep the gold honest: real codes, keys that occur in the text, folded keys."""
    problems = []
    body_words = words(f"{dispatch.title}\n{dispatch.text}")
    for code in dispatch.countries_required | dispatch.countries_optional:
        if code not in valid_codes:
            problems.append(f"{dispatch.id}: unknown country code {code!r}")
    for code in dispatch.countries_required & dispatch.countries_optional:
        problems.append(f"{dispatch.id}: {code} is both required and optional")
    groups = (
        ("official", dispatch.officials_required + dispatch.officials_optional),
        ("agency", dispatch.agencies_required + dispatch.agencies_optional),
    )
    for label, entities in groups:
        for entity in entities:
            for key in entity.keys:
                if key != fold(key):
                    problems.append(f"{dispatch.id}: {label} key {key!r} is not lowercase/accent-free")
            if not any(contains_sequence(body_words, words(key)) for key in entity.keys):
                problems.append(f"{dispatch.id}: no key of {label} {entity.name!r} occurs in the text")
            if entity.country is not None and entity.country not in valid_codes:
                problems.append(f"{dispatch.id}: {label} {entity.name!r} has unknown country {entity.country!r}")
    return problems


# --- scoring ------------------------------------------------------------------------------


@dataclass(slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def metrics(self) -> dict[str, float | int]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
        }


@dataclass(slots=True)
class Accuracy:
    right: int = 0
    total: int = 0

    def record(self, ok: bool) -> None:
        self.total += 1
        self.right += int(ok)

    def add(self, other: Accuracy) -> None:
        self.right += other.right
        self.total += other.total

    def value(self) -> dict[str, float | int | None]:
        return {
            "right": self.right,
            "total": self.total,
            "accuracy": round(self.right / self.total, 4) if self.total else None,
        }


class KnownNames:
    """The names and aliases of the bundled knowledge base's officials and agencies, folded to words."""

    def __init__(self, officials: Iterable[Iterable[str]], agencies: Iterable[Iterable[str]]) -> None:
        self.by_label = {
            "officials": {tuple(words(name)) for names in officials for name in names},
            "agencies": {tuple(words(name)) for names in agencies for name in names},
        }

    @classmethod
    def bundled(cls, kb_dir: Path | None = None) -> KnownNames:
        """The names of the bundled knowledge base (or the one in `kb_dir`: e.g. an older version of it, to
        keep "not in the knowledge base" meaning the same while the knowledge base grows)."""
        from wirewatch.processors.tagger import KnowledgeBase

        kb = KnowledgeBase.load(kb_dir)
        return cls(
            ([o.name, *o.aliases] for o in kb.officials),
            ([a.name, *a.aliases, *a.acronyms] for a in kb.agencies if not a.generic),
        )

    def knows(self, label: str, entity: GoldEntity) -> bool:
        known = self.by_label[label]
        candidates = [entity.name, *(key for key in entity.keys if len(words(key)) > 1)]
        return any(tuple(words(name)) in known for name in candidates)


@dataclass(slots=True)
class DispatchScore:
    id: str
    countries: Counts = field(default_factory=Counts)
    officials: Counts = field(default_factory=Counts)
    agencies: Counts = field(default_factory=Counts)
    # Recall only (tp, fn) over required entities the knowledge base does not name.
    officials_not_in_kb: Counts = field(default_factory=Counts)
    agencies_not_in_kb: Counts = field(default_factory=Counts)
    official_role: Accuracy = field(default_factory=Accuracy)
    official_country: Accuracy = field(default_factory=Accuracy)
    agency_country: Accuracy = field(default_factory=Accuracy)
    agency_kind: Accuracy = field(default_factory=Accuracy)
    coup_gold: str = "none"
    coup_predicted: str = "none"
    language: Accuracy = field(default_factory=Accuracy)  # the language judged from the text
    misses: list[str] = field(default_factory=list)


def _longest_key(keys: Iterable[str], name: str) -> int:
    name_words = words(name)
    return max((len(words(key)) for key in keys if contains_sequence(name_words, words(key))), default=0)


def _preference(entity: GoldEntity, out: Any) -> tuple[int, int, int]:
    """When keys are shared ("coast guard", "foreign ministry"), pair outputs with the gold entity
    whose attributes they agree with, then with the most specific key."""
    return (
        int(entity.country is not None and entity.country == getattr(out, "country", None)),
        int(entity.kind is not None and entity.kind == getattr(out, "kind", None)),
        _longest_key(entity.keys, out.name),
    )


def _match_required(outputs: Sequence[Any], gold: Sequence[GoldEntity]) -> dict[int, int]:
    """Maximum one-to-one matching output index -> gold index (augmenting paths; lists are tiny).

    Each output tries its preferred gold entities first, so the matching stays maximum while
    shared keys do not cross-assign attributes."""

    def preferred(out: Any) -> list[int]:
        return sorted(
            (g for g, entity in enumerate(gold) if output_matches(entity.keys, out)),
            key=lambda g: _preference(gold[g], out),
            reverse=True,
        )

    candidates = [preferred(out) for out in outputs]
    gold_owner: dict[int, int] = {}

    def assign(out_index: int, visited: set[int]) -> bool:
        for g in candidates[out_index]:
            if g in visited:
                continue
            visited.add(g)
            if g not in gold_owner or assign(gold_owner[g], visited):
                gold_owner[g] = out_index
                return True
        return False

    for out_index in range(len(outputs)):
        assign(out_index, set())
    return {out: g for g, out in gold_owner.items()}


def _score_entities(
    label: str,
    outputs: Sequence[Any],
    required: Sequence[GoldEntity],
    optional: Sequence[GoldEntity],
    score: DispatchScore,
    known: KnownNames | None = None,
) -> list[tuple[GoldEntity, Any]]:
    counts: Counts = getattr(score, label)
    unknown_counts: Counts = getattr(score, f"{label}_not_in_kb")
    pairs = _match_required(outputs, required)
    matched_gold = set(pairs.values())
    counts.tp += len(pairs)
    for g, entity in enumerate(required):
        if known is not None and not known.knows(label, entity):
            if g in matched_gold:
                unknown_counts.tp += 1
            else:
                unknown_counts.fn += 1
        if g not in matched_gold:
            counts.fn += 1
            score.misses.append(f"{label} FN: {entity.name}")
    for index, out in enumerate(outputs):
        if index in pairs:
            continue
        if any(output_matches(entity.keys, out) for entity in (*required, *optional)):
            continue  # optional, or a second mention of a gold entity already matched
        counts.fp += 1
        score.misses.append(f"{label} FP: {out.name}")
    return [(required[g], outputs[out]) for out, g in sorted(pairs.items())]


def predicted_coup(tags: Tags) -> str:
    coups = [event for event in tags.events if event.type == "coup"]
    if not coups:
        return "none"
    return max(coups, key=lambda event: event.confidence).use


def score_dispatch(gold: GoldDispatch, tags: Tags, known: KnownNames | None = None) -> DispatchScore:
    score = DispatchScore(id=gold.id, coup_gold=gold.coup)
    if getattr(tags, "language", None) is not None:  # an oracle or an old tagger may not judge the language
        score.language.record(tags.language == gold.language)
        if tags.language != gold.language:
            score.misses.append(f"language: gold {gold.language}, got {tags.language}")
    found = {country.code for country in tags.countries}
    for code in sorted(gold.countries_required):
        if code in found:
            score.countries.tp += 1
        else:
            score.countries.fn += 1
            score.misses.append(f"countries FN: {code}")
    for code in sorted(found - gold.countries_required - gold.countries_optional):
        score.countries.fp += 1
        score.misses.append(f"countries FP: {code}")

    for entity, out in _score_entities(
        "officials", tags.officials, gold.officials_required, gold.officials_optional, score, known
    ):
        role_ok = role_matches(entity.role, out.role)
        score.official_role.record(role_ok)
        if not role_ok:
            score.misses.append(f"officials role: {entity.name}: gold {entity.role!r}, got {out.role!r}")
        if entity.country is not None:
            country_ok = out.country == entity.country
            score.official_country.record(country_ok)
            if not country_ok:
                score.misses.append(f"officials country: {entity.name}: gold {entity.country}, got {out.country}")

    for entity, out in _score_entities(
        "agencies", tags.agencies, gold.agencies_required, gold.agencies_optional, score, known
    ):
        if entity.kind is not None:
            kind_ok = out.kind == entity.kind
            score.agency_kind.record(kind_ok)
            if not kind_ok:
                score.misses.append(f"agencies kind: {entity.name}: gold {entity.kind}, got {out.kind}")
        if entity.country is not None:
            country_ok = out.country == entity.country
            score.agency_country.record(country_ok)
            if not country_ok:
                score.misses.append(f"agencies country: {entity.name}: gold {entity.country}, got {out.country}")

    score.coup_predicted = predicted_coup(tags)
    if score.coup_predicted != gold.coup:
        score.misses.append(f"coup: gold {gold.coup}, got {score.coup_predicted}")
    return score


def summarize(scores: Sequence[DispatchScore]) -> dict[str, Any]:
    """Micro-averaged totals over a file's dispatch scores."""
    totals = {
        name: Counts() for name in ("countries", "officials", "agencies", "officials_not_in_kb", "agencies_not_in_kb")
    }
    accuracies = {
        name: Accuracy() for name in ("official_role", "official_country", "agency_country", "agency_kind", "language")
    }
    coup = Accuracy()
    confusion: Counter[str] = Counter()
    for score in scores:
        for name, counts in totals.items():
            counts.add(getattr(score, name))
        for name, accuracy in accuracies.items():
            accuracy.add(getattr(score, name))
        coup.record(score.coup_gold == score.coup_predicted)
        confusion[f"{score.coup_gold}->{score.coup_predicted}"] += 1
    return {
        "dispatches": len(scores),
        **{name: counts.metrics() for name, counts in totals.items()},
        "attributes": {name: accuracy.value() for name, accuracy in accuracies.items()},
        "coup": {**coup.value(), "confusion": dict(sorted(confusion.items()))},
    }


def evaluate(
    tagger: Any, gold: Sequence[GoldDispatch], known: KnownNames | None = None
) -> tuple[dict[str, Any], list[DispatchScore]]:
    scores = [
        score_dispatch(
            item, tagger.tag(item.title, item.text, published=parse_published(item.published), hints=None), known
        )
        for item in gold
    ]
    return summarize(scores), scores


def evaluate_streamed(
    tagger: Any, gold: Sequence[GoldDispatch], known: KnownNames | None = None
) -> tuple[dict[str, Any], list[DispatchScore], dict[str, int]]:
    """The gold set read as a stream, in file order, with the learned layer on (a fresh one): what earlier
    dispatches taught is used on later ones. Each gold dispatch counts as its own source feed, as the set's
    dispatches stand for different outlets' copy."""
    from datetime import UTC, datetime

    from wirewatch.models import Dispatch
    from wirewatch.processors.learning import Learning
    from wirewatch.processors.process import DispatchProcessor
    from wirewatch.processors.tagger.learned import LearnedLayer
    from wirewatch.query import RuleMatcher

    learning = Learning(LearnedLayer("eval"), tagger, refresh_seconds=0)
    processor = DispatchProcessor(tagger, RuleMatcher([]), learning=learning)
    scores = []
    for item in gold:
        when = parse_published(item.published) or datetime(2000, 1, 1, tzinfo=UTC)
        dispatch = Dispatch(id=item.id, source=item.id, title=item.title, text=item.text, published=when, fetched=when)
        scores.append(score_dispatch(item, processor.process(dispatch).tagged.tags, known))
    tagger.use_learned([], [])
    sizes = learning.layer.sizes()
    return summarize(scores), scores, sizes


# --- command line -------------------------------------------------------------------------


def format_table(name: str, summary: dict[str, Any]) -> str:
    lines = [
        f"== {name}: {summary['dispatches']} dispatches",
        f"{'type':<11}{'P':>8}{'R':>8}{'F1':>8}{'TP':>6}{'FP':>6}{'FN':>6}",
    ]
    for kind in ("countries", "officials", "agencies"):
        m = summary[kind]
        lines.append(
            f"{kind:<11}{m['precision']:>8.3f}{m['recall']:>8.3f}{m['f1']:>8.3f}{m['tp']:>6}{m['fp']:>6}{m['fn']:>6}"
        )
    for kind in ("officials", "agencies"):
        m = summary[f"{kind}_not_in_kb"]
        if m["tp"] + m["fn"]:
            lines.append(f"{kind + ' not in KB: recall':<28}{m['recall']:>7.3f}  ({m['tp']}/{m['tp'] + m['fn']})")
    for attribute, value in summary["attributes"].items():
        shown = "n/a" if value["accuracy"] is None else f"{value['accuracy']:.3f}"
        lines.append(f"{attribute + ' accuracy':<28}{shown:>7}  ({value['right']}/{value['total']})")
    coup = summary["coup"]
    lines.append(f"{'coup accuracy':<28}{coup['accuracy']:>7.3f}  ({coup['right']}/{coup['total']})")
    return "\n".join(lines)


def resolve_files(choice: str) -> dict[str, Path]:
    if choice == "all":
        return dict(GOLD_FILES)
    if choice in GOLD_FILES:
        return {choice: GOLD_FILES[choice]}
    path = Path(choice)
    return {path.stem: path}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score the tagger on the gold set.")
    parser.add_argument(
        "--file", default="all", help="dev, heldout, heldout-fresh, all (default) or a path to a gold .jsonl"
    )
    parser.add_argument("--misses", action="store_true", help="list every FN/FP and attribute miss per dispatch")
    parser.add_argument("--json", action="store_true", help="print the JSON result instead of tables")
    parser.add_argument(
        "--known-kb",
        type=Path,
        metavar="DIR",
        help="knowledge-base directory that defines 'not in KB' (default: the bundled one), e.g. an older version",
    )
    parser.add_argument(
        "--learning", action="store_true", help="read each set as a stream with the learned layer on (fresh per set)"
    )
    args = parser.parse_args(argv)

    try:
        gold_sets = {name: load_gold(path) for name, path in resolve_files(args.file).items()}
        tagger = load_tagger()
        known = KnownNames.bundled(args.known_kb)
    except (GoldError, OSError, TaggerUnavailable) as exc:
        print(f"tagger_eval: {exc}", file=sys.stderr)
        return 2

    result: dict[str, Any] = {}
    for name, gold in gold_sets.items():
        learned: dict[str, int] | None = None
        if args.learning:
            summary, scores, learned = evaluate_streamed(tagger, gold, known)
        else:
            summary, scores = evaluate(tagger, gold, known)
        result[name] = {**summary, "misses": {s.id: s.misses for s in scores if s.misses}}
        if learned is not None:
            result[name]["learned_layer"] = learned
        if not args.json:
            print(format_table(name + (" (streamed, learning on)" if learned is not None else ""), summary))
            if learned is not None:
                print(f"learned layer at the end: {learned}")
            if args.misses:
                for score in scores:
                    for miss in score.misses:
                        print(f"  {score.id}: {miss}")
            print()
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    out_path = RESULTS_DIR / "tagger_eval.json"
    out_path.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    if args.json:
        print(json.dumps(result, indent=1, ensure_ascii=False))
    else:
        print(f"written {out_path.relative_to(RESULTS_DIR.parent.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
