"""The index layout agrees with the matcher's field table; the JSON files under deploy/ are current."""

from __future__ import annotations

import json
from pathlib import Path

from wirewatch.models import Alert, Dispatch, Rule, TaggedDispatch, Tags, parse_time, utcnow
from wirewatch.query.fields import FIELDS, FieldType
from wirewatch.settings import ElasticsearchSettings
from wirewatch.sinks.elasticsearch.client import client_options
from wirewatch.sinks.elasticsearch.layout import IndexNames, alerts_index_body, dispatches_template_body, render_files
from wirewatch.sinks.elasticsearch.search import hits_from_response, search_body


def _leaf(mapping: dict, dotted: str) -> dict:
    node = {"properties": mapping["properties"]}
    for part in dotted.split("."):
        node = node["properties"][part]
    return node


def test_every_matcher_field_has_its_type_in_the_template() -> None:
    mappings = dispatches_template_body()["template"]["mappings"]
    for name, kind in FIELDS.items():
        leaf = _leaf(mappings, name)
        assert leaf["type"] == kind.value, name
        if kind is FieldType.TEXT:
            assert leaf["analyzer"] == "standard"
        if kind is FieldType.KEYWORD:
            assert "normalizer" not in leaf, f"{name}: keywords are case-sensitive, as the matcher assumes"


def test_entities_are_objects_not_nested_and_unknown_fields_are_not_indexed() -> None:
    mappings = dispatches_template_body()["template"]["mappings"]
    for entity in ("countries", "officials", "agencies", "events"):
        assert mappings["properties"][entity].get("type", "object") == "object"
    assert mappings["dynamic"] is False
    assert mappings["properties"]["hints"]["dynamic"] is True


def test_template_settings() -> None:
    body = dispatches_template_body("x-*")
    assert body["index_patterns"] == ["x-*"]
    # a bare term also looks in the folded copies (sinks/elasticsearch/folded.py)
    assert body["template"]["settings"]["index.query.default_field"] == ["title", "text", "search.title", "search.text"]


def test_deploy_json_files_are_generated_from_the_code() -> None:
    for path, text in render_files().items():
        assert path.read_text(encoding="utf-8") == text, (
            f"{path} is stale: run python -m wirewatch.sinks.elasticsearch.layout"
        )


def test_names_derive_from_the_prefix() -> None:
    names = IndexNames.from_settings(ElasticsearchSettings(index_prefix="p", alerts_index="a"))
    assert (names.dispatches_alias, names.dispatches_index, names.dispatches_pattern, names.alerts) == (
        "p",
        "p-v1",
        "p-*",
        "a",
    )


def test_alerts_mapping_covers_the_alert_document() -> None:
    properties = alerts_index_body()["mappings"]["properties"]
    rule = Rule(id="r", name="R", query="coup")
    tagged = TaggedDispatch(Dispatch("d", "s", "t", "x", parse_time("2026-01-01T00:00:00Z"), utcnow()), Tags())
    document = Alert.for_dispatch(rule, tagged, ["coup"]).to_dict()
    # every field of the document is mapped but `latest` (a story's latest dispatch: shown, not searched)
    assert set(properties) == set(document) - {"latest"}


def test_client_options_for_production_settings() -> None:
    base = client_options(ElasticsearchSettings())
    assert base["hosts"] == ["http://127.0.0.1:9200"] and "api_key" not in base and "basic_auth" not in base
    keyed = client_options(
        ElasticsearchSettings(
            hosts=["https://es:9200"],
            api_key="k",
            username="u",
            password="p",
            ca_certs=Path("/etc/ca.pem"),
            request_timeout=7.0,
        )
    )
    assert keyed["api_key"] == "k" and "basic_auth" not in keyed  # the API key wins
    assert keyed["ca_certs"] == "/etc/ca.pem" and keyed["request_timeout"] == 7.0
    basic = client_options(ElasticsearchSettings(username="u", password="p", verify_certs=False))
    assert basic["basic_auth"] == ("u", "p") and basic["verify_certs"] is False


def test_search_body_and_hits() -> None:
    body = search_body("coup", 5000)
    assert body["size"] == 1000  # bounded
    assert body["query"]["query_string"]["query"] == "coup"
    assert body["highlight"]["pre_tags"] == ["«"]
    hits = hits_from_response(
        {
            "hits": {
                "hits": [
                    {"_id": "1", "_score": 2.5, "_source": {"id": "1"}, "highlight": {"title": ["«a»"]}},
                    {"_id": "2", "_score": None, "_source": {"id": "2"}},
                ]
            }
        }
    )
    assert [(h.doc["id"], h.score, h.highlights) for h in hits] == [("1", 2.5, {"title": ["«a»"]}), ("2", 0.0, {})]
    json.dumps(body)
