"""The tagger scorer (benchmarks/tagger_eval.py) on hand-made Tags, and the gold files' own consistency."""

from __future__ import annotations

import json
from pathlib import Path

import pycountry
import pytest

from benchmarks.common import BLIND_GOLD_FILES, GOLD_FILES, parse_published
from benchmarks.tagger_eval import (
    GoldDispatch,
    GoldError,
    KnownNames,
    consistency_problems,
    evaluate,
    fold,
    key_matches,
    load_gold,
    main,
    parse_gold,
    predicted_coup,
    role_matches,
    score_dispatch,
    summarize,
)
from wirewatch.models import AgencyMention, CountryMention, Event, OfficialMention, Tags

VALID_CODES = {country.alpha_2 for country in pycountry.countries} | {"XK"}


def gold_record(**gold_overrides) -> dict:
    gold = {
        "countries": {"required": ["IR", "TR"], "optional": ["SY"]},
        "officials": {
            "required": [
                {"keys": ["cavusoglu"], "name": "Mevlut Cavusoglu", "role": "Foreign Minister", "country": "TR"},
                {"keys": ["zarif"], "name": "Mohammad Javad Zarif", "role": "Foreign Minister", "country": "IR"},
            ],
            "optional": [{"keys": ["erdogan"], "name": "Erdogan"}],
        },
        "agencies": {
            "required": [
                {"keys": ["irna"], "name": "IRNA", "kind": "news agency", "country": "IR"},
                {
                    "keys": ["foreign ministry", "ministry of foreign affairs"],
                    "name": "Iranian Foreign Ministry",
                    "kind": "government",
                    "country": "IR",
                },
            ],
            "optional": [{"keys": ["government"], "name": "government"}],
        },
        "coup": "literal",
    }
    gold.update(gold_overrides)
    return {"id": "t1", "title": "Zarif calls Cavusoglu", "text": "Zarif called Cavusoglu, IRNA said.", "gold": gold}


def official(name: str, role: str | None = "Foreign Minister", country: str | None = "IR") -> OfficialMention:
    return OfficialMention(name=name, role=role, country=country, mentions=1, known=True)


def agency(name: str, kind: str = "government", country: str | None = "IR") -> AgencyMention:
    return AgencyMention(name=name, kind=kind, country=country, mentions=1)  # type: ignore[arg-type]


def countries(*codes: str) -> list[CountryMention]:
    return [CountryMention(code=code, name=code, mentions=1, first_offset=i) for i, code in enumerate(codes)]


def coup(use: str, confidence: float) -> Event:
    return Event(type="coup", use=use, confidence=confidence, evidence="...", offset=0)  # type: ignore[arg-type]


# --- matching primitives ------------------------------------------------------------------


def test_fold_strips_accents_and_case() -> None:
    assert fold("Mevlüt Çavuşoğlu") == "mevlut cavusoglu"
    assert fold("Côte d'Ivoire") == "cote d'ivoire"
    assert fold("Erdoğan") == "erdogan"


def test_british_and_american_spellings_are_one_word() -> None:
    assert key_matches(["national security and defence council"], "National Security and Defense Council")
    assert key_matches(["world health organization"], "World Health Organisation")
    assert not key_matches(["defence council"], "Defense Ministry")


def test_key_matches_whole_word_sequences_only() -> None:
    assert key_matches(["cavusoglu"], "Mevlüt Çavuşoğlu")
    assert key_matches(["assad"], "Bashar al-Assad")
    assert not key_matches(["sad"], "Bashar al-Assad")
    assert key_matches(["foreign ministry"], "Iranian Foreign Ministry")
    assert not key_matches(["foreign ministry"], "Foreign Minister")
    assert not key_matches(["ministry foreign"], "Iranian Foreign Ministry")
    assert key_matches(["nope", "irna"], "IRNA")


def test_role_matches_content_words_either_way() -> None:
    assert role_matches("Foreign Minister", "Iranian Foreign Minister")
    assert role_matches("senior aide to the Leader", "aide")
    assert role_matches("President", "president")
    assert not role_matches("Foreign Minister", "Interior Minister")
    assert not role_matches("President", None)
    assert role_matches("Senator", "Democratic Sen.")
    assert role_matches("Defense Minister", "Minister of Defence")
    assert not role_matches("Governor", "Gen.")


# --- gold parsing -------------------------------------------------------------------------


def test_parse_gold_normalises_seed_spellings() -> None:
    parsed = parse_gold(gold_record())
    assert parsed.coup == "current"
    assert parsed.agencies_required[0].kind == "news_agency"
    assert parsed.countries_optional == {"SY"}


@pytest.mark.parametrize(
    "record, message",
    [
        ({"id": "x", "title": "t", "text": "t"}, "missing 'gold'"),
        (gold_record(coup="maybe"), "coup must be one of"),
        (gold_record(officials={"required": [{"keys": [], "name": "x"}], "optional": []}), "non-empty 'keys'"),
        (gold_record(agencies={"required": [{"keys": ["x"], "name": "x", "kind": "ngo"}]}), "unknown kind"),
        (gold_record(agencies={"required": [{"keys": ["x"], "name": "x"}]}), "needs a kind"),
        ("not an object", "JSON object"),
    ],
)
def test_parse_gold_rejects_malformed_lines(record: object, message: str) -> None:
    with pytest.raises(GoldError, match=message):
        parse_gold(record)


def test_load_gold_reports_line_of_duplicate_id(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    line = json.dumps(gold_record())
    path.write_text(f"{line}\n\n{line}\n", encoding="utf-8")
    with pytest.raises(GoldError, match=r"gold.jsonl:3: duplicate id"):
        load_gold(path)


def test_load_gold_reports_bad_json(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(GoldError, match=r"gold.jsonl:1: not JSON"):
        load_gold(path)


# --- scoring one dispatch -----------------------------------------------------------------


def test_countries_tp_fn_fp_and_optional_ignored() -> None:
    score = score_dispatch(parse_gold(gold_record()), Tags(countries=countries("IR", "SY", "US")))
    assert (score.countries.tp, score.countries.fn, score.countries.fp) == (1, 1, 1)
    assert "countries FN: TR" in score.misses and "countries FP: US" in score.misses
    assert not any("SY" in miss for miss in score.misses)


def test_officials_match_by_folded_key_and_count_fn_fp() -> None:
    tags = Tags(officials=[official("Mevlüt Çavuşoğlu", country="TR"), official("Guy-Bertrand Mapangou")])
    score = score_dispatch(parse_gold(gold_record()), tags)
    assert (score.officials.tp, score.officials.fn, score.officials.fp) == (1, 1, 1)
    assert "officials FN: Mohammad Javad Zarif" in score.misses
    assert "officials FP: Guy-Bertrand Mapangou" in score.misses


def test_recall_on_entities_the_knowledge_base_does_not_name_is_counted_apart() -> None:
    known = KnownNames(officials=[["Mevlüt Çavuşoğlu"]], agencies=[["Islamic Republic News Agency", "IRNA"]])
    tags = Tags(officials=[official("Mevlüt Çavuşoğlu", country="TR")], agencies=[agency("IRNA", "news_agency")])
    score = score_dispatch(parse_gold(gold_record()), tags, known)
    # Zarif and the Foreign Ministry are not in this knowledge base, and both were missed.
    assert (score.officials_not_in_kb.tp, score.officials_not_in_kb.fn) == (0, 1)
    assert (score.agencies_not_in_kb.tp, score.agencies_not_in_kb.fn) == (0, 1)
    found = Tags(officials=[official("Mohammad Javad Zarif")], agencies=[agency("Iranian Foreign Ministry")])
    score = score_dispatch(parse_gold(gold_record()), found, known)
    assert (score.officials_not_in_kb.tp, score.officials_not_in_kb.fn) == (1, 0)
    assert (score.agencies_not_in_kb.tp, score.agencies_not_in_kb.fn) == (1, 0)
    assert summarize([score])["officials_not_in_kb"]["recall"] == 1.0


def test_optional_and_repeated_entities_are_not_false_positives() -> None:
    tags = Tags(
        officials=[
            official("Zarif"),
            official("Muhammad Javad Zarif"),
            official("Recep Tayyip Erdoğan", "President", "TR"),
        ]
    )
    score = score_dispatch(parse_gold(gold_record()), tags)
    assert (score.officials.tp, score.officials.fn, score.officials.fp) == (1, 1, 0)


def test_each_gold_entity_matched_at_most_once_with_best_assignment() -> None:
    record = gold_record(
        agencies={
            "required": [
                {"keys": ["coast guard"], "name": "Philippine Coast Guard", "kind": "military", "country": "PH"},
                {"keys": ["china coast guard"], "name": "China Coast Guard", "kind": "military", "country": "CN"},
            ]
        }
    )
    # Greedy matching would give the first output to the first gold entity and leave the second unmatched.
    tags = Tags(
        agencies=[agency("China Coast Guard", "military", "CN"), agency("Philippine Coast Guard", "military", "PH")]
    )
    score = score_dispatch(parse_gold(record), tags)
    assert (score.agencies.tp, score.agencies.fn, score.agencies.fp) == (2, 0, 0)
    assert (score.agency_country.right, score.agency_country.total) == (2, 2)


def test_attribute_accuracies_over_matched_pairs() -> None:
    tags = Tags(
        officials=[official("Zarif", "Foreign Minister", "IR"), official("Cavusoglu", "Prime Minister", "IR")],
        agencies=[agency("IRNA", "news_agency", "IR"), agency("Foreign Ministry", "international", None)],
    )
    score = score_dispatch(parse_gold(gold_record()), tags)
    assert (score.official_role.right, score.official_role.total) == (1, 2)
    assert (score.official_country.right, score.official_country.total) == (1, 2)
    assert (score.agency_kind.right, score.agency_kind.total) == (1, 2)
    assert (score.agency_country.right, score.agency_country.total) == (1, 2)


def test_gold_country_none_is_not_scored() -> None:
    record = gold_record(
        officials={
            "required": [
                {"keys": ["guterres"], "name": "Antonio Guterres", "role": "UN Secretary-General", "country": None}
            ]
        }
    )
    score = score_dispatch(
        parse_gold(record), Tags(officials=[official("António Guterres", "Secretary-General", "PT")])
    )
    assert score.officials.tp == 1
    assert score.official_country.total == 0
    assert score.official_role.right == 1


def test_coup_prediction_uses_highest_confidence_event() -> None:
    assert predicted_coup(Tags()) == "none"
    assert predicted_coup(Tags(events=[coup("figurative", 0.4), coup("current", 0.9)])) == "current"
    ignored = Event(type="election", use="current", confidence=1.0, evidence="", offset=0)
    assert predicted_coup(Tags(events=[ignored])) == "none"
    score = score_dispatch(parse_gold(gold_record()), Tags(events=[coup("historical", 0.7)]))
    assert score.misses[-1] == "coup: gold current, got historical"


def test_summarize_micro_averages() -> None:
    gold = parse_gold(gold_record())
    perfect = score_dispatch(gold, Tags(countries=countries("IR", "TR")))
    poor = score_dispatch(gold, Tags(countries=countries("US", "GB")))
    summary = summarize([perfect, poor])
    assert summary["countries"]["tp"] == 2 and summary["countries"]["fp"] == 2 and summary["countries"]["fn"] == 2
    assert summary["countries"]["precision"] == 0.5 and summary["countries"]["recall"] == 0.5
    assert summary["coup"]["accuracy"] == 0.0
    assert summary["coup"]["confusion"] == {"current->none": 2}


# --- the gold files themselves ------------------------------------------------------------


class OracleTagger:
    """Answers exactly the gold's required entities: a perfect score proves gold and scorer agree."""

    def __init__(self, gold: list[GoldDispatch]) -> None:
        self.by_text = {item.text: item for item in gold}

    def tag(self, title, text, published=None, hints=None) -> Tags:
        item = self.by_text[text]
        return Tags(
            countries=countries(*sorted(item.countries_required)),
            officials=[OfficialMention(e.name, e.role, e.country, 1, True) for e in item.officials_required],
            agencies=[AgencyMention(e.name, e.kind, e.country, 1) for e in item.agencies_required],  # type: ignore[arg-type]
            events=[] if item.coup == "none" else [coup(item.coup, 1.0)],
            language=item.language,
        )


@pytest.mark.parametrize("name", sorted(GOLD_FILES | BLIND_GOLD_FILES))
def test_gold_file_is_consistent(name: str) -> None:
    gold = load_gold((GOLD_FILES | BLIND_GOLD_FILES)[name])
    assert (
        len(gold)
        >= {
            "dev": 60,
            "heldout": 20,
            "heldout-fresh": 30,
            "heldout-final": 40,
            "dev-2025": 36,
            "heldout-2025": 24,
            "heldout-2025b": 24,
            "heldout-2025c": 24,
            "heldout-2025d": 24,
            "heldout-2025e": 24,
            "heldout-2025f": 24,
            "heldout-2025g": 24,
            # issue 14: 40 dispatches in each of fr, es, pt, de and 20 in each of it, ru, ar
            **{f"dev-{language}": 24 for language in ("fr", "es", "pt", "de")},
            **{f"heldout-{language}": 16 for language in ("fr", "es", "pt", "de")},
            **{f"dev-{language}": 12 for language in ("it", "ru", "ar")},
            **{f"heldout-{language}": 8 for language in ("it", "ru", "ar")},
            # the later blind sets, one per round
            **{
                f"{part}-{language}": 16
                for part in ("heldout2", "heldout3", "heldout4")
                for language in ("fr", "es", "pt", "de")
            },
            **{
                f"{part}-{language}": 8
                for part in ("heldout2", "heldout3", "heldout4")
                for language in ("it", "ru", "ar")
            },
        }[name]
    )
    problems = [problem for item in gold for problem in consistency_problems(item, VALID_CODES)]
    assert problems == []
    for item in gold:
        assert item.source_note, item.id
        if item.id != "seed":
            assert 150 <= len(item.text.split()) <= 350, item.id
            assert parse_published(item.published) is not None, item.id
    summary, _ = evaluate(OracleTagger(gold), gold)
    for kind in ("countries", "officials", "agencies"):
        assert summary[kind]["f1"] == 1.0, kind
    assert all(value["accuracy"] == 1.0 for value in summary["attributes"].values())
    assert summary["coup"]["accuracy"] == 1.0


def test_gold_covers_every_coup_use() -> None:
    uses = {item.coup for path in GOLD_FILES.values() for item in load_gold(path)}
    assert uses == {"current", "figurative", "historical", "none"}


def test_dev_starts_with_the_seed_dispatch() -> None:
    # tests/fixtures holds a verbatim copy of ../shared/examples/seed-dispatch.gold.json
    seed_file = Path(__file__).resolve().parents[1] / "fixtures" / "seed-dispatch.gold.json"
    seed = json.loads(seed_file.read_text(encoding="utf-8"))
    first = json.loads(GOLD_FILES["dev"].read_text(encoding="utf-8").splitlines()[0])
    assert first["id"] == "seed" and first["gold"]["coup"] == "current"
    assert first["text"] == seed["text"]
    assert first["gold"]["countries"] == seed["gold"]["countries"]
    assert first["gold"]["officials"] == seed["gold"]["officials"]


def test_cli_reports_bad_gold_file_without_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x"}\n', encoding="utf-8")
    assert main(["--file", str(bad)]) == 2
    assert "missing" in capsys.readouterr().err


def test_shared_keys_pair_outputs_with_agreeing_country() -> None:
    record = gold_record(
        agencies={
            "required": [
                {"keys": ["foreign ministry"], "name": "Foreign Ministry", "kind": "government", "country": "CN"},
                {"keys": ["foreign ministry"], "name": "Foreign Ministry", "kind": "government", "country": "JP"},
            ]
        }
    )
    tags = Tags(
        agencies=[
            agency("Japanese Foreign Ministry", "government", "JP"),
            agency("Chinese Foreign Ministry", "government", "CN"),
        ]
    )
    score = score_dispatch(parse_gold(record), tags)
    assert score.agencies.tp == 2
    assert (score.agency_country.right, score.agency_country.total) == (2, 2)
