"""deploy/kibana/saved_objects.ndjson: importable, and every field it names exists in the index it reads.

A Kibana saved object that names a missing field fails quietly (an empty chart, a
blank column), so the check happens here against the templates wirewatch installs
(deploy/elasticsearch/, generated from wirewatch.query.fields.index_mapping()).
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from luqum.tree import SearchField, Term

from wirewatch.query import QuerySyntaxError, parse_query
from wirewatch.query.compiler import parse_tree

ROOT = Path(__file__).resolve().parents[2]
NDJSON = ROOT / "deploy" / "kibana" / "saved_objects.ndjson"
TEMPLATES = ROOT / "deploy" / "elasticsearch"
LENS_RECORDS = "___records___"


def load_objects() -> list[dict[str, Any]]:
    lines = NDJSON.read_text(encoding="utf-8").splitlines()
    assert lines, "saved_objects.ndjson is empty"
    return [json.loads(line) for line in lines]  # one JSON object per line, no blank lines


def mapped_fields(mapping: dict[str, Any], prefix: str = "") -> dict[str, str]:
    """Dotted field name -> type, sub-objects and multi-fields (``rule.name.raw``) included."""
    found: dict[str, str] = {}
    for name, spec in mapping.get("properties", {}).items():
        path = f"{prefix}{name}"
        if "properties" in spec:
            found[path] = spec.get("type", "object")
            found.update(mapped_fields(spec, f"{path}."))
        else:
            found[path] = spec["type"]
        for sub, sub_spec in spec.get("fields", {}).items():
            found[f"{path}.{sub}"] = sub_spec["type"]
    return found


def index_fields() -> dict[str, dict[str, str]]:
    """Data view index pattern -> the fields its index template maps."""
    dispatches = json.loads((TEMPLATES / "dispatches-template.json").read_text(encoding="utf-8"))
    alerts = json.loads((TEMPLATES / "alerts-index.json").read_text(encoding="utf-8"))
    stories = json.loads((TEMPLATES / "stories-index.json").read_text(encoding="utf-8"))
    return {
        "wirewatch-dispatches*": mapped_fields(dispatches["template"]["mappings"]),
        "wirewatch-alerts*": mapped_fields(alerts["mappings"]),
        "wirewatch-stories*": mapped_fields(stories["mappings"]),
    }


def query_fields(query: str, default_fields: list[str]) -> set[str]:
    """Fields a Lucene query reads: ``field:...`` names, ``_exists_:field`` values, and the defaults for bare terms."""
    if not query.strip():
        return set()
    tree, _ = parse_tree(query)
    fields: set[str] = set()
    bare_terms = False

    def walk(node: Any, in_field: bool) -> None:
        nonlocal bare_terms
        if isinstance(node, SearchField):
            if node.name == "_exists_":
                fields.add(str(node.expr).strip('"'))
            else:
                fields.add(node.name)
            in_field = True
        elif isinstance(node, Term) and not in_field:
            bare_terms = True
        for child in node.children:
            walk(child, in_field)

    walk(tree, False)
    if bare_terms:
        fields.update(default_fields)
    return fields


def references_of(obj: dict[str, Any]) -> dict[str, dict[str, str]]:
    return {ref["name"]: ref for ref in obj["references"]}


def lens_fields(obj: dict[str, Any]) -> Iterator[str]:
    for layer in obj["attributes"]["state"]["datasourceStates"]["formBased"]["layers"].values():
        for column in layer["columns"].values():
            if column["sourceField"] != LENS_RECORDS:
                yield column["sourceField"]


# -- shape: what Kibana's import API needs -------------------------------------------------


def test_every_object_has_the_import_shape_and_a_unique_id() -> None:
    objects = load_objects()
    for obj in objects:
        assert {"type", "id", "attributes", "references"} <= obj.keys(), obj.get("id")
        assert obj["type"] in {"index-pattern", "search", "lens", "dashboard"}
        assert isinstance(obj["attributes"].get("title"), str) and obj["attributes"]["title"]
    ids = [(obj["type"], obj["id"]) for obj in objects]
    assert len(ids) == len(set(ids))


def test_every_reference_points_at_an_object_in_the_file() -> None:
    objects = load_objects()
    present = {(obj["type"], obj["id"]) for obj in objects}
    for obj in objects:
        for ref in obj["references"]:
            assert (ref["type"], ref["id"]) in present, f"{obj['id']} references missing {ref}"


def test_data_views_cover_dispatches_alerts_and_stories_with_their_time_fields() -> None:
    views = {obj["attributes"]["title"]: obj["attributes"] for obj in load_objects() if obj["type"] == "index-pattern"}
    assert views["wirewatch-dispatches*"]["timeFieldName"] == "published"
    assert views["wirewatch-alerts*"]["timeFieldName"] == "at"
    assert views["wirewatch-stories*"]["timeFieldName"] == "last_update"
    fields = index_fields()
    for pattern, attributes in views.items():
        assert fields[pattern][attributes["timeFieldName"]] == "date"


def test_the_required_saved_searches_exist() -> None:
    queries = {}
    for obj in load_objects():
        if obj["type"] == "search":
            source = json.loads(obj["attributes"]["kibanaSavedObjectMeta"]["searchSourceJSON"])
            assert source["query"]["language"] == "lucene"
            assert source["indexRefName"] in references_of(obj)
            queries[obj["id"]] = source["query"]["query"]
    assert queries["wirewatch-coup-mentions"] == "keywords:coup OR coup"
    assert "events.use:current" in queries["wirewatch-current-coups"]
    assert queries["wirewatch-country-watch-tr"] == "countries.code:TR"
    assert queries["wirewatch-breaking-stories"] == "breaking:true"


def test_the_dashboard_panels_resolve_to_references() -> None:
    (board,) = [obj for obj in load_objects() if obj["type"] == "dashboard"]
    panels = json.loads(board["attributes"]["panelsJSON"])
    refs = references_of(board)
    panel_targets = set()
    for panel in panels:
        ref = refs[f"{panel['panelIndex']}:{panel['panelRefName']}"]
        assert ref["type"] == panel["type"]
        panel_targets.add(ref["id"])
    assert {
        "wirewatch-mentions-by-country",
        "wirewatch-top-officials",
        "wirewatch-top-agencies",
        "wirewatch-alert-table",
    } <= panel_targets
    # no two panels overlap on Kibana's 48-column grid
    cells: set[tuple[int, int]] = set()
    for panel in panels:
        grid = panel["gridData"]
        assert grid["x"] >= 0 and grid["x"] + grid["w"] <= 48
        area = {
            (x, y) for x in range(grid["x"], grid["x"] + grid["w"]) for y in range(grid["y"], grid["y"] + grid["h"])
        }
        assert not cells & area, f"panel {panel['panelIndex']} overlaps another"
        cells |= area


def test_the_file_is_what_the_generator_writes() -> None:
    spec = importlib.util.spec_from_file_location("build_saved_objects", NDJSON.with_name("build_saved_objects.py"))
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert NDJSON.read_text(encoding="utf-8") == module.render(), (
        "stale: run python deploy/kibana/build_saved_objects.py"
    )


# -- every referenced field exists ------------------------------------------------------------


def referenced_fields(
    obj: dict[str, Any], views: dict[str, str], defaults: dict[str, list[str]]
) -> tuple[str, set[str]]:
    """(index pattern the object reads, the fields it names)."""
    refs = obj["references"]
    pattern = views[refs[0]["id"]]
    fields: set[str] = set()
    attributes = obj["attributes"]
    if obj["type"] == "search":
        source = json.loads(attributes["kibanaSavedObjectMeta"]["searchSourceJSON"])
        fields |= query_fields(source["query"]["query"], defaults[pattern])
        fields |= set(attributes["columns"])
        fields |= {field for field, _direction in attributes["sort"]}
    elif obj["type"] == "lens":
        fields |= set(lens_fields(obj))
        fields |= query_fields(attributes["state"]["query"]["query"], defaults[pattern])
    return pattern, fields


def test_every_field_the_saved_objects_name_exists_in_the_index_template() -> None:
    objects = load_objects()
    views = {obj["id"]: obj["attributes"]["title"] for obj in objects if obj["type"] == "index-pattern"}
    templates = index_fields()
    defaults = {
        "wirewatch-dispatches*": json.loads((TEMPLATES / "dispatches-template.json").read_text())["template"][
            "settings"
        ]["index.query.default_field"],
        "wirewatch-alerts*": json.loads((TEMPLATES / "alerts-index.json").read_text())["settings"][
            "index.query.default_field"
        ],
        "wirewatch-stories*": json.loads((TEMPLATES / "stories-index.json").read_text())["settings"][
            "index.query.default_field"
        ],
    }
    checked = 0
    for obj in objects:
        if obj["type"] not in ("search", "lens"):
            continue
        pattern, fields = referenced_fields(obj, views, defaults)
        missing = sorted(field for field in fields if field not in templates[pattern])
        assert not missing, f"{obj['id']} names fields {missing} that {pattern} does not map"
        checked += len(fields)
    assert checked >= 30  # the walk really found the columns, terms, sorts and query fields


def test_aggregated_fields_are_aggregatable() -> None:
    """Lens terms/date histograms need keyword/date fields, never analysed text."""
    objects = load_objects()
    views = {obj["id"]: obj["attributes"]["title"] for obj in objects if obj["type"] == "index-pattern"}
    templates = index_fields()
    for obj in objects:
        if obj["type"] != "lens":
            continue
        mapping = templates[views[obj["references"][0]["id"]]]
        for field in lens_fields(obj):
            assert mapping[field] in {"keyword", "date", "integer", "float", "boolean"}, (obj["id"], field)


def test_dispatch_queries_are_valid_rules_too() -> None:
    """A saved search over dispatches is a rule the in-stream matcher accepts (same language, same fields)."""
    for obj in load_objects():
        if obj["type"] == "search" and obj["references"][0]["id"] == "wirewatch-dispatches-view":
            query = json.loads(obj["attributes"]["kibanaSavedObjectMeta"]["searchSourceJSON"])["query"]["query"]
            parse_query(query)


# -- the checker itself catches what it must --------------------------------------------------


def test_the_field_walk_sees_fields_exists_and_bare_terms() -> None:
    assert query_fields("coup AND countries.code:TR", ["title", "text"]) == {"title", "text", "countries.code"}
    assert query_fields("_exists_:events.type", ["title"]) == {"events.type"}
    assert query_fields('officials.name:"Recep Tayyip Erdogan"', ["title"]) == {"officials.name"}
    assert query_fields("countrys.code:(TR OR SY)", ["title"]) == {"countrys.code"}
    assert "countrys.code" not in index_fields()["wirewatch-dispatches*"]


def test_a_misspelt_field_would_be_reported() -> None:
    with pytest.raises(QuerySyntaxError):
        parse_query("countrys.code:TR")
    obj = {
        "type": "search",
        "references": [{"id": "v"}],
        "attributes": {
            "kibanaSavedObjectMeta": {"searchSourceJSON": json.dumps({"query": {"query": "coup"}})},
            "columns": ["official.name"],
            "sort": [["published", "desc"]],
        },
    }
    pattern, fields = referenced_fields(
        obj, {"v": "wirewatch-dispatches*"}, {"wirewatch-dispatches*": ["title", "text"]}
    )
    assert sorted(f for f in fields if f not in index_fields()[pattern]) == ["official.name"]
