"""Generate deploy/kibana/saved_objects.ndjson: data views (dispatches, alerts, stories), saved searches, Lens
charts, a dashboard.

Kibana stores several attributes as JSON *strings* inside JSON (searchSourceJSON,
panelsJSON); writing them by hand invites escaping mistakes, so the file is
generated from the plain structures below. Run ``python deploy/kibana/build_saved_objects.py``
after editing; tests/unit/test_deploy_kibana.py fails when the file is stale.

Formats are Kibana 8.x/9.x (Lens ``formBased`` datasource, ``typeMigrationVersion``
as Kibana 8.x exports them); Kibana migrates them forward on import. Queries are
Lucene, the rules' language, so a saved search reads exactly like an alert rule.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

OUTPUT = Path(__file__).with_name("saved_objects.ndjson")
CORE_MIGRATION_VERSION = "8.8.0"
TYPE_MIGRATION_VERSIONS = {"index-pattern": "8.0.0", "search": "10.5.0", "lens": "8.9.0", "dashboard": "10.3.0"}

DISPATCHES_VIEW = "wirewatch-dispatches-view"
ALERTS_VIEW = "wirewatch-alerts-view"
STORIES_VIEW = "wirewatch-stories-view"
SEARCH_SOURCE_REF = "kibanaSavedObjectMeta.searchSourceJSON.index"
LAYER = "layer1"
RECORDS = "___records___"  # Lens' pseudo-field for a document count

DISPATCH_COLUMNS = ["title", "source", "countries.code", "officials.name", "agencies.name", "keywords"]
STORY_COLUMNS = ["title", "dispatches", "sources", "source_names", "languages", "countries", "first_seen"]


def saved_object(
    kind: str, object_id: str, attributes: dict[str, Any], references: list[dict[str, str]]
) -> dict[str, Any]:
    return {
        "type": kind,
        "id": object_id,
        "attributes": attributes,
        "references": references,
        "coreMigrationVersion": CORE_MIGRATION_VERSION,
        "typeMigrationVersion": TYPE_MIGRATION_VERSIONS[kind],
        "managed": False,
    }


def data_view(object_id: str, name: str, pattern: str, time_field: str) -> dict[str, Any]:
    attributes = {
        "name": name,
        "title": pattern,  # the index pattern itself
        "timeFieldName": time_field,
        "fields": "[]",  # Kibana reads the field list from the mapping on first use
        "fieldAttrs": "{}",
        "fieldFormatMap": "{}",
        "runtimeFieldMap": "{}",
        "sourceFilters": "[]",
        "allowNoIndex": True,  # importable before the sink has written anything
    }
    return saved_object("index-pattern", object_id, attributes, [])


def saved_search(
    object_id: str, title: str, description: str, view: str, query: str, columns: list[str], sort_field: str
) -> dict[str, Any]:
    search_source = {
        "query": {"query": query, "language": "lucene"},
        "filter": [],
        "indexRefName": SEARCH_SOURCE_REF,
    }
    attributes = {
        "title": title,
        "description": description,
        "columns": columns,
        "sort": [[sort_field, "desc"]],
        "grid": {},
        "hideChart": False,
        "isTextBasedQuery": False,
        "kibanaSavedObjectMeta": {"searchSourceJSON": json.dumps(search_source, sort_keys=True)},
    }
    references = [{"name": SEARCH_SOURCE_REF, "type": "index-pattern", "id": view}]
    return saved_object("search", object_id, attributes, references)


# -- Lens columns --------------------------------------------------------------------------


def count_column(label: str) -> dict[str, Any]:
    return {
        "label": label,
        "dataType": "number",
        "operationType": "count",
        "isBucketed": False,
        "scale": "ratio",
        "sourceField": RECORDS,
        "params": {"emptyAsNull": True},
    }


def terms_column(field: str, label: str, size: int, order_by: str) -> dict[str, Any]:
    return {
        "label": label,
        "dataType": "string",
        "operationType": "terms",
        "isBucketed": True,
        "scale": "ordinal",
        "sourceField": field,
        "params": {
            "size": size,
            "orderBy": {"type": "column", "columnId": order_by},
            "orderDirection": "desc",
            "otherBucket": True,
            "missingBucket": False,
        },
    }


def date_histogram_column(field: str, label: str) -> dict[str, Any]:
    return {
        "label": label,
        "dataType": "date",
        "operationType": "date_histogram",
        "isBucketed": True,
        "scale": "interval",
        "sourceField": field,
        "params": {"interval": "auto", "includeEmptyRows": True, "dropPartials": False},
    }


def lens(
    object_id: str,
    title: str,
    description: str,
    view: str,
    columns: dict[str, dict[str, Any]],
    visualization_type: str,
    visualization: dict[str, Any],
    query: str = "",
) -> dict[str, Any]:
    state = {
        "datasourceStates": {
            "formBased": {
                "layers": {LAYER: {"columns": columns, "columnOrder": list(columns), "incompleteColumns": {}}}
            }
        },
        "visualization": visualization,
        "query": {"query": query, "language": "lucene"},
        "filters": [],
        "internalReferences": [],
        "adHocDataViews": {},
    }
    attributes = {"title": title, "description": description, "visualizationType": visualization_type, "state": state}
    references = [{"name": f"indexpattern-datasource-layer-{LAYER}", "type": "index-pattern", "id": view}]
    return saved_object("lens", object_id, attributes, references)


def mentions_by_country_over_time() -> dict[str, Any]:
    columns = {
        "country": terms_column("countries.code", "Country", 10, "dispatches"),
        "time": date_histogram_column("published", "Published"),
        "dispatches": count_column("Dispatches mentioning the country"),
    }
    visualization = {
        "preferredSeriesType": "bar_stacked",
        "legend": {"isVisible": True, "position": "right"},
        "valueLabels": "hide",
        "layers": [
            {
                "layerId": LAYER,
                "layerType": "data",
                "seriesType": "bar_stacked",
                "xAccessor": "time",
                "splitAccessor": "country",
                "accessors": ["dispatches"],
            }
        ],
    }
    return lens(
        "wirewatch-mentions-by-country",
        "Mentions by country over time",
        "Dispatches per country code (top 10) per time bucket, by published date.",
        DISPATCHES_VIEW,
        columns,
        "lnsXY",
        visualization,
    )


def top_entities(object_id: str, field: str, title: str, label: str) -> dict[str, Any]:
    columns = {"entity": terms_column(field, label, 15, "dispatches"), "dispatches": count_column("Dispatches")}
    visualization = {
        "layerId": LAYER,
        "layerType": "data",
        "columns": [{"columnId": "entity", "isTransposed": False}, {"columnId": "dispatches", "isTransposed": False}],
        "sorting": {"columnId": "dispatches", "direction": "desc"},
    }
    return lens(
        object_id,
        title,
        f"The {label.lower()} named in the most dispatches of the period.",
        DISPATCHES_VIEW,
        columns,
        "lnsDatatable",
        visualization,
    )


def alerts_per_rule() -> dict[str, Any]:
    columns = {
        "rule": terms_column("rule.name.raw", "Rule", 10, "alerts"),
        "time": date_histogram_column("at", "Fired at"),
        "alerts": count_column("Alerts"),
    }
    visualization = {
        "preferredSeriesType": "bar_stacked",
        "legend": {"isVisible": True, "position": "right"},
        "valueLabels": "hide",
        "layers": [
            {
                "layerId": LAYER,
                "layerType": "data",
                "seriesType": "bar_stacked",
                "xAccessor": "time",
                "splitAccessor": "rule",
                "accessors": ["alerts"],
            }
        ],
    }
    return lens(
        "wirewatch-alerts-per-rule",
        "Alerts per rule over time",
        "Alerts fired per rule per time bucket.",
        ALERTS_VIEW,
        columns,
        "lnsXY",
        visualization,
    )


# -- dashboard --------------------------------------------------------------------------------


def dashboard(panels: list[tuple[dict[str, Any], dict[str, int]]]) -> dict[str, Any]:
    """panels: (saved object, gridData without ``i``) in reading order."""
    panel_specs = []
    references = []
    for number, (item, grid) in enumerate(panels, start=1):
        index = f"p{number}"
        panel_specs.append(
            {
                "type": item["type"],
                "panelIndex": index,
                "gridData": {**grid, "i": index},
                "embeddableConfig": {"enhancements": {}},
                "panelRefName": f"panel_{index}",
            }
        )
        references.append({"name": f"{index}:panel_{index}", "type": item["type"], "id": item["id"]})
    attributes = {
        "title": "wirewatch: world desk",
        "description": "Mentions by country over time, top officials and agencies, alerts as they fire.",
        "panelsJSON": json.dumps(panel_specs, sort_keys=True),
        "optionsJSON": json.dumps(
            {
                "useMargins": True,
                "syncColors": False,
                "syncCursor": True,
                "syncTooltips": False,
                "hidePanelTitles": False,
            },
            sort_keys=True,
        ),
        "timeRestore": True,
        "timeFrom": "now-7d",
        "timeTo": "now",
        "refreshInterval": {"pause": False, "value": 30000},
        "kibanaSavedObjectMeta": {
            "searchSourceJSON": json.dumps({"query": {"query": "", "language": "lucene"}, "filter": []}, sort_keys=True)
        },
    }
    return saved_object("dashboard", "wirewatch-world-desk", attributes, references)


def build() -> list[dict[str, Any]]:
    dispatches_view = data_view(DISPATCHES_VIEW, "wirewatch dispatches", "wirewatch-dispatches*", "published")
    alerts_view = data_view(ALERTS_VIEW, "wirewatch alerts", "wirewatch-alerts*", "at")
    # One document per story (its latest record, _id = story id), in time by its last dispatch.
    stories_view = data_view(STORIES_VIEW, "wirewatch stories", "wirewatch-stories*", "last_update")
    coups = saved_search(
        "wirewatch-coup-mentions",
        "wirewatch: all coup mentions",
        "Dispatches the tagger keyworded 'coup', or that say coup in the title or text.",
        DISPATCHES_VIEW,
        "keywords:coup OR coup",
        DISPATCH_COLUMNS,
        "published",
    )
    current_coups = saved_search(
        "wirewatch-current-coups",
        "wirewatch: current coups",
        "Coups the tagger judged current (not historical or hypothetical).",
        DISPATCHES_VIEW,
        "events.type:coup AND events.use:current",
        [*DISPATCH_COLUMNS, "events.confidence"],
        "published",
    )
    turkey = saved_search(
        "wirewatch-country-watch-tr",
        "wirewatch: country watch, Turkey",
        "Every dispatch that mentions Turkey (copy it and change the code for another country).",
        DISPATCHES_VIEW,
        "countries.code:TR",
        DISPATCH_COLUMNS,
        "published",
    )
    alert_table = saved_search(
        "wirewatch-alert-table",
        "wirewatch: alerts",
        "Alerts as they fire, newest first.",
        ALERTS_VIEW,
        "",
        ["rule.name", "title", "matched", "countries", "source", "url"],
        "at",
    )
    breaking = saved_search(
        "wirewatch-breaking-stories",
        "wirewatch: breaking stories",
        "Stories that reached the breaking bar ([stories] breaking_sources within breaking_minutes; by default five "
        "sources within an hour), the latest update first.",
        STORIES_VIEW,
        "breaking:true",
        [*STORY_COLUMNS, "breaking_at"],
        "last_update",
    )
    by_country = mentions_by_country_over_time()
    officials = top_entities("wirewatch-top-officials", "officials.name", "Top officials", "Officials")
    agencies = top_entities("wirewatch-top-agencies", "agencies.name", "Top agencies", "Agencies")
    per_rule = alerts_per_rule()
    board = dashboard(
        [
            (by_country, {"x": 0, "y": 0, "w": 48, "h": 14}),
            (officials, {"x": 0, "y": 14, "w": 24, "h": 15}),
            (agencies, {"x": 24, "y": 14, "w": 24, "h": 15}),
            (alert_table, {"x": 0, "y": 29, "w": 32, "h": 16}),
            (per_rule, {"x": 32, "y": 29, "w": 16, "h": 16}),
        ]
    )
    return [
        dispatches_view,
        alerts_view,
        stories_view,
        coups,
        current_coups,
        turkey,
        alert_table,
        breaking,
        by_country,
        officials,
        agencies,
        per_rule,
        board,
    ]


def render() -> str:
    return "".join(json.dumps(item, sort_keys=True, ensure_ascii=False) + "\n" for item in build())


def main() -> int:
    OUTPUT.write_text(render(), encoding="utf-8")
    print(f"wrote {OUTPUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
