"""The knowledge base: the bundled files validate, and the validator catches what it must."""

from __future__ import annotations

import copy
import json
import pathlib
import shutil

import pytest

from wirewatch.processors.tagger.kb import (
    BUNDLED_KB_DIR,
    KnowledgeBase,
    KnowledgeBaseError,
    read_kb_file,
    validate_agencies,
    validate_countries,
    validate_officials,
)

FIXTURE_OFFICIALS = pathlib.Path(__file__).parent / "fixtures" / "officials_small.json"


@pytest.fixture(scope="module")
def bundled() -> dict[str, dict]:
    return {name: read_kb_file(BUNDLED_KB_DIR / f"{name}.json") for name in ("countries", "agencies", "officials")}


@pytest.mark.parametrize(
    "name, validate",
    [("countries", validate_countries), ("agencies", validate_agencies), ("officials", validate_officials)],
)
def test_bundled_file_is_valid_and_states_its_source(bundled, name, validate) -> None:
    assert validate(bundled[name]) == []
    assert bundled[name]["source"].strip()


def test_bundled_countries_cover_iso_and_kosovo(bundled) -> None:
    codes = {c["code"] for c in bundled["countries"]["countries"]}
    assert {"XK", "IR", "TR", "CD", "CG", "GW", "GQ", "PG", "SS", "SD"} <= codes
    assert len(codes) == 250


def test_bundled_officials_ids_unique_and_roles_ordered(bundled) -> None:
    officials = bundled["officials"]["officials"]
    assert len({o["id"] for o in officials}) == len(officials)
    for o in officials:
        for r in o["roles"]:
            assert r["end"] is None or r["start"] <= r["end"], o["id"]


def test_fixture_officials_validate() -> None:
    assert validate_officials(json.loads(FIXTURE_OFFICIALS.read_text(encoding="utf-8"))) == []


def test_validator_reports_every_kind_of_official_problem() -> None:
    doc = json.loads(FIXTURE_OFFICIALS.read_text(encoding="utf-8"))
    bad = copy.deepcopy(doc)
    bad["officials"].append(copy.deepcopy(bad["officials"][0]))  # duplicate id
    bad["officials"][1]["roles"][0]["country"] = "ZZ"  # not ISO
    bad["officials"][2]["roles"][0]["end"] = "2001-01-01"  # end before start
    bad["officials"][3]["roles"][0]["start"] = "22 May 2012"  # not ISO date
    del bad["source"]
    problems = "\n".join(validate_officials(bad))
    assert "duplicate id 'ir-mohammad-javad-zarif'" in problems
    assert "'ZZ' is not an ISO 3166-1 alpha-2 code" in problems
    assert "end 2001-01-01 is before start 2003-03-14" in problems
    assert "'22 May 2012' is not an ISO date" in problems
    assert "missing 'source'" in problems


def test_validator_rejects_bad_countries_and_agencies(bundled) -> None:
    countries = copy.deepcopy(bundled["countries"])
    countries["countries"][0]["code"] = "QQ"
    countries["countries"].append(copy.deepcopy(countries["countries"][1]))
    problems = "\n".join(validate_countries(countries))
    assert "'QQ' is not an ISO 3166-1 alpha-2 code" in problems
    assert "duplicate code" in problems
    assert "ISO codes without an entry" in problems

    agencies = copy.deepcopy(bundled["agencies"])
    agencies["agencies"][0]["kind"] = "newspaper"
    agencies["agencies"][1]["id"] = agencies["agencies"][2]["id"]
    generic = next(a for a in agencies["agencies"] if a.get("generic"))
    generic["country"] = "IR"
    problems = "\n".join(validate_agencies(agencies))
    assert "kind 'newspaper'" in problems
    assert "duplicate id" in problems
    assert "generic body takes its country from the text" in problems


def test_load_from_directory_uses_given_officials(tmp_path) -> None:
    for name in ("countries", "agencies"):
        shutil.copy(BUNDLED_KB_DIR / f"{name}.json", tmp_path / f"{name}.json")
    shutil.copy(FIXTURE_OFFICIALS, tmp_path / "officials.json")
    kb = KnowledgeBase.load(tmp_path)
    assert [o.id for o in kb.officials][:2] == ["ir-mohammad-javad-zarif", "tr-mevlut-cavusoglu"]
    erdogan = next(o for o in kb.officials if o.id == "tr-recep-tayyip-erdogan")
    from datetime import date

    in_2010, in_2020, current = (erdogan.role_on(day) for day in (date(2010, 1, 1), date(2020, 1, 1), None))
    assert in_2010 is not None and in_2010.title == "Prime Minister"
    assert in_2020 is not None and in_2020.title == "President"
    assert current is not None and current.title == "President"


def test_load_fails_clearly_on_missing_or_broken_files(tmp_path) -> None:
    with pytest.raises(KnowledgeBaseError, match="missing knowledge-base file"):
        KnowledgeBase.load(tmp_path)
    for name in ("countries", "agencies"):
        shutil.copy(BUNDLED_KB_DIR / f"{name}.json", tmp_path / f"{name}.json")
    (tmp_path / "officials.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="unreadable"):
        KnowledgeBase.load(tmp_path)
    (tmp_path / "officials.json").write_text(json.dumps({"source": "x", "officials": [{"id": "a"}]}), encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="needs at least one role"):
        KnowledgeBase.load(tmp_path)


def test_officials_source_spells_spaced_articles_with_a_hyphen_too() -> None:
    import importlib.util

    path = BUNDLED_KB_DIR / "tools" / "officials_src.py"
    spec = importlib.util.spec_from_file_location("officials_src", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.article_variants("Zeid Ra'ad Al Hussein") == ["Zeid Ra'ad al-Hussein"]
    assert module.article_variants("Mohamed bin Zayed Al Nahyan") == ["Mohamed bin Zayed al-Nahyan"]
    assert module.article_variants("Al Gore") == []  # a given name, not an article
    assert module.article_variants("Bashar al-Assad") == ["Bashar al Assad", "Bashar Assad"]
