"""`wirewatch kb import`: parsing a Wikidata Query Service result, merging it into the knowledge base, the CLI.

tests/data/wikidata/positions-sample.json is a hand-written format sample (no network here): the people and
offices are real, the dates written from memory, the QIDs placeholders (Q999…), not Wikidata's.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pathlib
from datetime import date
from typing import Any

import pytest

from wirewatch.app.cli.common import Exit
from wirewatch.app.cli.kb_import import add_import_command
from wirewatch.processors.tagger import Tagger
from wirewatch.processors.tagger.kb import BUNDLED_KB_DIR, KnowledgeBase, KnowledgeBaseError, read_kb_file
from wirewatch.processors.tagger.wikidata import (
    WikidataImport,
    WikidataImportError,
    merge_import,
    parse_wdqs,
    read_wdqs_file,
)

SAMPLE = pathlib.Path(__file__).resolve().parents[1] / "data" / "wikidata" / "positions-sample.json"
VARS = ["person", "position", "positionLabel", "country", "start", "end", "labels", "aliases"]
TODAY = date(2025, 11, 1)


def wdqs(*rows: dict[str, str], variables: list[str] | None = None) -> str:
    """A WDQS result with one binding per row ({"person": "Q1", "start": "2024-01-01", ...})."""
    bindings = []
    for row in rows:
        binding: dict[str, dict[str, str]] = {}
        for var, value in row.items():
            if var in ("person", "position"):
                binding[var] = {"type": "uri", "value": f"http://www.wikidata.org/entity/{value}"}
            elif var in ("start", "end"):
                binding[var] = {
                    "type": "literal",
                    "datatype": "http://www.w3.org/2001/XMLSchema#dateTime",
                    "value": value if "T" in value else f"{value}T00:00:00Z",
                }
            elif var == "positionLabel":
                binding[var] = {"type": "literal", "xml:lang": "en", "value": value}
            else:
                binding[var] = {"type": "literal", "value": value}
        bindings.append(binding)
    return json.dumps({"head": {"vars": variables or VARS}, "results": {"bindings": bindings}})


def row(
    qid: str, name: str, title: str, country: str, start: str, end: str | None = None, **more: str
) -> dict[str, str]:
    r = {"person": qid, "positionLabel": title, "country": country, "start": start, "labels": f"en:{name}", **more}
    if end:
        r["end"] = end
    return r


@pytest.fixture(scope="module")
def bundled() -> dict[str, Any]:
    return read_kb_file(BUNDLED_KB_DIR / "officials.json")


@pytest.fixture(scope="module")
def sample() -> WikidataImport:
    return read_wdqs_file(SAMPLE)


def merge(bundled: dict[str, Any], updates: dict[str, Any] | None, data: WikidataImport) -> Any:
    return merge_import(bundled, updates, data, file_name="test.json", today=TODAY)


# --- parsing -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data, message",
    [
        ("{not json", "not JSON"),
        (b"\xff\xfe", "not JSON"),
        ("[]", "not a SPARQL query result"),
        ('{"head": {"vars": []}}', "not a SPARQL query result"),
        ('{"head": {"vars": "person"}, "results": {"bindings": []}}', "'head.vars' must be a list"),
        ('{"head": {"vars": ["person"]}, "results": {"bindings": {}}}', "'results.bindings' must be a list"),
    ],
)
def test_parse_refuses_what_is_not_a_query_result(data: str | bytes, message: str) -> None:
    with pytest.raises(WikidataImportError, match=message):
        parse_wdqs(data, where="officials.json")


def test_parse_names_a_missing_required_variable() -> None:
    without_start = [v for v in VARS if v != "start"]
    with pytest.raises(WikidataImportError, match=r"\?start") as info:
        parse_wdqs(wdqs(variables=without_start), where="officials.json")
    assert "officials.json" in str(info.value)
    assert isinstance(info.value, KnowledgeBaseError)


def test_parse_errors_name_the_file(tmp_path: pathlib.Path) -> None:
    bad = tmp_path / "result.json"
    bad.write_text("<html>timeout</html>", encoding="utf-8")
    with pytest.raises(WikidataImportError, match=r"result\.json: not JSON"):
        read_wdqs_file(bad)
    with pytest.raises(WikidataImportError, match="cannot read"):
        read_wdqs_file(tmp_path / "missing.json")


def test_bad_rows_are_skipped_and_counted_not_fatal() -> None:
    data = parse_wdqs(
        wdqs(
            row("Q1", "Ana Example", "Minister of Finance", "PT", "2024-04-02"),
            row("Q2", "Bad Date", "Minister of Finance", "PT", "2024-13-02"),
            row("Q3", "Bce Date", "Minister of Finance", "PT", "-0044-03-15T00:00:00Z"),
            row("Q4", "Old Union", "Minister of Finance", "SU", "1985-01-01"),
            {"person": "Q5", "positionLabel": "Minister of Finance", "country": "PT", "labels": "en:No Start"},
            row("Q6", "Back Wards", "Minister of Finance", "PT", "2024-01-01", "2023-01-01"),
            row("Q7", "No Label", "Q123456", "PT", "2024-01-01"),
            row("Q8", "Bad End", "Minister of Finance", "PT", "2024-01-01", "2024-02-30"),
        )
    )
    assert data.rows == 8
    assert [p.qid for p in data.people] == ["Q1"]
    assert data.skipped == {
        "bad date": 3,
        "not an ISO 3166-1 country": 1,
        "no start date": 1,
        "end before start": 1,
        "position without a label": 1,
    }


def test_sample_groups_rows_into_people(sample: WikidataImport) -> None:
    assert sample.rows == 14
    assert sample.skipped == {"bad date": 1, "no start date": 1}
    people = {p.name: p for p in sample.people}
    assert len(people) == 9 and "Johann Wadephul" not in people  # his only row has a malformed date
    takaichi = people["Sanae Takaichi"]
    assert takaichi.qid == "Q99900001"
    assert [(r.title, r.country, r.start, r.end) for r in takaichi.roles] == [
        ("Minister for Internal Affairs and Communications", "JP", date(2014, 9, 3), date(2017, 8, 3)),
        ("Minister for Internal Affairs and Communications", "JP", date(2019, 9, 11), date(2020, 9, 16)),
        ("Prime Minister", "JP", date(2025, 10, 21), None),  # "of Japan" dropped: the country is its own field
    ]
    assert ("ru", "Санаэ Такаити") in takaichi.labels and ("ar", "ساناي تاكايتشي") in takaichi.labels
    # two consecutive terms of one office are one role
    assert [(r.title, r.start, r.end) for r in people["Emmanuel Macron"].roles] == [
        ("President", date(2017, 5, 14), None)
    ]
    assert "Emmanuel Jean-Michel Frédéric Macron" in people["Emmanuel Macron"].aliases
    assert "Владимир Владимирович Путин" in people["Vladimir Putin"].aliases


def test_name_prefers_english_then_the_default_label() -> None:
    data = parse_wdqs(
        wdqs(
            row("Q1", "x", "President", "BR", "2023-01-01", labels="pt:Luiz Inácio|mul:Lula Example|en:Lula English"),
            row("Q2", "x", "President", "BR", "2023-01-01", labels="ru:Луис Пример|mul:Luis Example"),
        )
    )
    assert [p.name for p in data.people] == ["Lula English", "Luis Example"]


# --- merging -------------------------------------------------------------------------------------------------


def test_sample_merge_adds_ends_and_changes_roles(bundled: dict[str, Any], sample: WikidataImport) -> None:
    before = hashlib.sha256((BUNDLED_KB_DIR / "officials.json").read_bytes()).hexdigest()
    result = merge(bundled, None, sample)
    changes = [(c.kind, c.id, c.title, c.country, c.start, c.end, c.detail) for c in result.changes]
    assert changes == [
        ("added", "jp-sanae-takaichi", "Prime Minister", "JP", "2025-10-21", None, ""),
        ("role_ended", "jp-shigeru-ishiba", "Prime Minister", "JP", "2024-10-01", "2025-10-21", ""),
        ("role_ended", "fr-francois-bayrou", "Prime Minister", "FR", "2024-12-13", "2025-09-09", ""),
        ("role_changed", "fr-sebastien-lecornu", "Prime Minister", "FR", "2025-09-09", None, "new role"),
    ]
    assert result.modified
    doc = result.document
    assert doc["source"].startswith("Wikidata, CC0 1.0 (public domain dedication), imported with `wirewatch kb import`")
    assert doc["source"].endswith("on 2025-11-01 from test.json") and doc["as_of"] == "2025-11-01"
    entries = {o["id"]: o for o in doc["officials"]}
    new = entries["jp-sanae-takaichi"]
    assert new["wikidata"] == "Q99900001" and new["name"] == "Sanae Takaichi" and new["surnames"] == ["Takaichi"]
    assert {"Санаэ Такаити", "ساناي تاكايتشي", "Takaichi Sanae"} <= set(new["aliases"])
    assert new["roles"][0] == {"title": "Prime Minister", "country": "JP", "start": "2025-10-21", "end": None}
    # matched bundled officials keep their curated titles and roles, gain the end date, the new role, the names
    assert entries["fr-francois-bayrou"]["roles"] == [
        {"title": "Prime Minister", "country": "FR", "start": "2024-12-13", "end": "2025-09-09"}
    ]
    assert [r["title"] for r in entries["fr-sebastien-lecornu"]["roles"]] == ["Defence Minister", "Prime Minister"]
    macron = entries["fr-emmanuel-macron"]
    assert {"Эммануэль Макрон", "إيمانويل ماكرون", "Emmanuel Jean-Michel Frédéric Macron"} <= set(macron["aliases"])
    assert "Macron" not in macron["aliases"]  # a bare surname is never an alias
    assert [r["title"] for r in macron["roles"]] == ["President", "Co-Prince of Andorra"]
    assert "Путин" not in entries["ru-vladimir-putin"]["aliases"]
    # the bundled file is never touched
    assert hashlib.sha256((BUNDLED_KB_DIR / "officials.json").read_bytes()).hexdigest() == before


def test_second_import_of_the_same_result_changes_nothing(bundled: dict[str, Any], sample: WikidataImport) -> None:
    first = merge(bundled, None, sample)
    second = merge_import(bundled, first.document, sample, file_name="again.json", today=date(2025, 12, 1))
    assert second.changes == [] and not second.modified
    assert second.document == first.document  # not even the date in `source` moves


def test_reimport_follows_wikidata_for_imported_roles(bundled: dict[str, Any]) -> None:
    first = merge(
        bundled, None, parse_wdqs(wdqs(row("Q99990042", "Zora Example", "Minister of Mines", "ZM", "2024-03-01")))
    )
    assert [c.kind for c in first.changes] == ["added"]
    renamed = parse_wdqs(
        wdqs(row("Q99990042", "Zora Example", "Minister of Mines and Minerals", "ZM", "2024-03-01", "2025-08-31"))
    )
    second = merge(bundled, first.document, renamed)
    assert [(c.kind, c.title, c.end, c.detail) for c in second.changes] == [
        (
            "role_ended",
            "Minister of Mines and Minerals",
            "2025-08-31",
            "title 'Minister of Mines' -> 'Minister of Mines and Minerals'",
        )
    ]
    third = merge(
        bundled,
        second.document,
        parse_wdqs(wdqs(row("Q99990042", "Zora Example", "Minister of Energy", "ZM", "2024-03-01", "2025-08-31"))),
    )
    assert [(c.kind, c.title, c.detail) for c in third.changes] == [
        ("role_changed", "Minister of Energy", "title 'Minister of Mines and Minerals' -> 'Minister of Energy'")
    ]
    (entry,) = third.document["officials"]
    assert entry["id"] == "zm-zora-example" and len(entry["roles"]) == 1


def test_matching_by_qid_before_names(bundled: dict[str, Any]) -> None:
    first = merge(
        bundled, None, parse_wdqs(wdqs(row("Q99990042", "Zora Example", "Minister of Mines", "ZM", "2024-03-01")))
    )
    # Wikidata renamed her: the QID still finds the official, the new name becomes an alias
    again = merge(
        bundled,
        first.document,
        parse_wdqs(wdqs(row("Q99990042", "Zora Example-Banda", "Minister of Mines", "ZM", "2024-03-01"))),
    )
    assert again.changes == [] and again.modified
    (entry,) = again.document["officials"]
    assert entry["name"] == "Zora Example" and "Zora Example-Banda" in entry["aliases"]
    # the same name with another QID is another person
    other = merge(
        bundled,
        first.document,
        parse_wdqs(wdqs(row("Q99990043", "Zora Example", "Minister of Mines", "ZM", "2022-01-01"))),
    )
    assert [(c.kind, c.id) for c in other.changes] == [("added", "zm-zora-example-q99990043")]


def test_a_name_matches_only_with_a_shared_role_country(bundled: dict[str, Any]) -> None:
    # "Pedro Sánchez" is Spain's prime minister in the bundled KB; a Bolivian namesake is someone else
    data = parse_wdqs(wdqs(row("Q99990077", "Pedro Sanchez", "Minister of Mining", "BO", "2025-11-08")))
    result = merge(bundled, None, data)
    assert [(c.kind, c.id) for c in result.changes] == [("added", "bo-pedro-sanchez")]
    data = parse_wdqs(
        wdqs(row("Q99990078", "PEDRO SÁNCHEZ", "President of the Government of Spain", "ES", "2018-06-02"))
    )
    result = merge(bundled, None, data)
    assert result.changes == []  # the bundled role, found by name (accents and case folded) and country
    assert result.document["officials"] == [] and not result.modified  # nothing new to keep: nothing to write


# --- the knowledge base with an updates file -----------------------------------------------------------------


def test_kb_load_merges_the_updates_file(tmp_path: pathlib.Path, bundled: dict[str, Any]) -> None:
    updates = tmp_path / "kb-updates.json"
    assert KnowledgeBase.load(updates=updates).officials  # a missing updates file is no error
    updates.write_text(json.dumps(merge(bundled, None, read_wdqs_file(SAMPLE)).document), encoding="utf-8")
    kb = KnowledgeBase.load(updates=updates)
    officials = {o.id: o for o in kb.officials}
    assert len(officials) == len(kb.officials) == len(bundled["officials"]) + 1  # replaced by id, one added
    assert officials["jp-sanae-takaichi"].roles[0].title == "Prime Minister"
    (bayrou,) = officials["fr-francois-bayrou"].roles
    assert bayrou.end == date(2025, 9, 9)
    assert kb.sources["updates"].startswith("Wikidata, CC0 1.0")


def test_kb_load_refuses_an_invalid_updates_file(tmp_path: pathlib.Path) -> None:
    updates = tmp_path / "kb-updates.json"
    updates.write_text(
        json.dumps({"officials": [{"id": "xx-nobody", "name": "Nobody", "roles": []}]}), encoding="utf-8"
    )
    with pytest.raises(KnowledgeBaseError, match=r"kb-updates\.json: officials updates file is invalid") as info:
        KnowledgeBase.load(updates=updates)
    assert "missing 'source'" in str(info.value) and "needs at least one role" in str(info.value)
    updates.write_text("{", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"kb-updates\.json: unreadable"):
        KnowledgeBase.load(updates=updates)


def test_tagger_finds_an_imported_official_by_full_name(tmp_path: pathlib.Path, bundled: dict[str, Any]) -> None:
    updates = tmp_path / "kb-updates.json"
    updates.write_text(json.dumps(merge(bundled, None, read_wdqs_file(SAMPLE)).document), encoding="utf-8")
    text = "On Monday Sanae Takaichi said the cabinet would meet again."
    assert not [o for o in Tagger(KnowledgeBase.load()).tag("", text).officials if "Takaichi" in o.name]
    tags = Tagger(KnowledgeBase.load(updates=updates)).tag("", text)
    (official,) = [o for o in tags.officials if o.name == "Sanae Takaichi"]
    assert (official.role, official.country, official.source) == ("Prime Minister", "JP", "kb")
    # a name Wikidata gives in Russian
    tags = Tagger(KnowledgeBase.load(updates=updates)).tag("", "Санаэ Такаити заявила в понедельник ...")
    assert [o.name for o in tags.officials] == ["Sanae Takaichi"]


def test_a_running_processor_takes_in_a_new_updates_file_and_keeps_the_old_kb_on_a_broken_one(
    tmp_path: pathlib.Path, bundled: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    from wirewatch.models import Dispatch, utcnow
    from wirewatch.processors.process import DispatchProcessor
    from wirewatch.processors.tagger import engine
    from wirewatch.query import RuleMatcher

    monkeypatch.setattr(engine, "UPDATES_CHECK_SECONDS", 0.0)
    updates = tmp_path / "kb-updates.json"
    processor = DispatchProcessor(Tagger.load(updates=updates), RuleMatcher([]))  # no file yet

    def officials() -> list[str]:
        now = utcnow()
        text = "On Monday Sanae Takaichi said the cabinet would meet again."
        dispatch = Dispatch(id="x", source="t", title="", text=text, published=now, fetched=now)
        return [o.name for o in processor.process(dispatch).tagged.tags.officials if o.source == "kb"]

    assert officials() == []
    updates.write_text(json.dumps(merge(bundled, None, read_wdqs_file(SAMPLE)).document), encoding="utf-8")
    assert officials() == ["Sanae Takaichi"]  # `wirewatch kb import` while it runs: taken without a restart
    updates.write_text("{ broken", encoding="utf-8")
    assert officials() == ["Sanae Takaichi"]  # a broken file is logged, the knowledge base in use is kept


# --- the command ---------------------------------------------------------------------------------------------


def run_cli(config: pathlib.Path, *argv: str) -> int:
    """`wirewatch -c CONFIG kb import ...` through a parser shaped like the real one (the kb group's)."""
    parser = argparse.ArgumentParser(prog="wirewatch")
    parser.add_argument("-c", "--config")
    kb = parser.add_subparsers(dest="command").add_parser("kb")
    add_import_command(kb.add_subparsers(dest="kb_command"))
    args = parser.parse_args(["-c", str(config), "kb", "import", *argv])
    return int(args.handler(args))


@pytest.fixture
def config(tmp_path: pathlib.Path) -> pathlib.Path:
    path = tmp_path / "conf" / "wirewatch.toml"
    path.parent.mkdir()
    path.write_text('[tagger]\nkb_updates = "state/kb-updates.json"\n', encoding="utf-8")
    return path


def test_cli_imports_then_finds_nothing_new(config: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = config.parent / "state" / "kb-updates.json"  # relative to the config file's directory
    assert run_cli(config, str(SAMPLE), "--dry-run") == Exit.OK
    out = capsys.readouterr().out
    assert "added 1, roles ended 2, roles changed 1; dry run" in out and not target.exists()
    assert "skipped 2 rows (1 bad date, 1 no start date)" in out

    assert run_cli(config, str(SAMPLE)) == Exit.OK
    out = capsys.readouterr().out
    assert f"added 1, roles ended 2, roles changed 1; wrote {target}" in out
    lines = out.splitlines()
    assert any(line.split()[:2] == ["added", "jp-sanae-takaichi"] for line in lines)
    assert any(line.split()[:2] == ["role_ended", "fr-francois-bayrou"] for line in lines)
    assert any(line.split()[:2] == ["role_changed", "fr-sebastien-lecornu"] for line in lines)
    written = json.loads(target.read_text(encoding="utf-8"))
    assert f"from {SAMPLE.name}" in written["source"]
    assert not list(target.parent.glob("*.tmp"))  # the temporary file was renamed into place

    mtime = target.stat().st_mtime_ns
    assert run_cli(config, str(SAMPLE)) == Exit.OK
    out = capsys.readouterr().out
    assert f"added 0, roles ended 0, roles changed 0; {target} unchanged" in out
    assert "CHANGE" not in out and target.stat().st_mtime_ns == mtime


def test_cli_json_lines(config: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(config, str(SAMPLE), "--json", "--dry-run") == Exit.OK
    captured = capsys.readouterr()
    changes = [json.loads(line) for line in captured.out.splitlines()]
    assert [(c["change"], c["id"]) for c in changes] == [
        ("added", "jp-sanae-takaichi"),
        ("role_ended", "jp-shigeru-ishiba"),
        ("role_ended", "fr-francois-bayrou"),
        ("role_changed", "fr-sebastien-lecornu"),
    ]
    assert changes[1] == {
        "change": "role_ended",
        "id": "jp-shigeru-ishiba",
        "name": "Shigeru Ishiba",
        "wikidata": "Q99900002",
        "title": "Prime Minister",
        "country": "JP",
        "start": "2024-10-01",
        "end": "2025-10-21",
        "detail": "",
    }
    assert "added 1, roles ended 2, roles changed 1" in captured.err


def test_cli_refuses_a_bad_file_and_a_bad_updates_file(
    config: pathlib.Path, tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "result.json"
    bad.write_text(json.dumps({"head": {"vars": ["person"]}, "results": {"bindings": []}}), encoding="utf-8")
    assert run_cli(config, str(bad)) == Exit.ERROR
    assert "lacks required variable(s) ?positionLabel, ?country, ?start, ?labels" in capsys.readouterr().err
    target = config.parent / "state" / "kb-updates.json"
    target.parent.mkdir()
    target.write_text('{"officials": []}', encoding="utf-8")
    assert run_cli(config, str(SAMPLE)) == Exit.USAGE
    assert "officials updates file is invalid" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == '{"officials": []}'
