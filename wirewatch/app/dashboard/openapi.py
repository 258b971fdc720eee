"""The OpenAPI 3.1 description of the JSON API, served at /api/openapi.json."""

from __future__ import annotations

from typing import Any


def _param(
    name: str, description: str, schema: dict[str, Any], *, where: str = "query", required: bool = False
) -> dict:
    return {"name": name, "in": where, "required": required, "description": description, "schema": schema}


def _get(summary: str, parameters: list[dict], ok: str, *, errors: tuple[int, ...] = (400,)) -> dict:
    responses: dict[str, Any] = {"200": {"description": ok, "content": {"application/json": {}}}}
    for status in errors:
        responses[str(status)] = {"$ref": "#/components/responses/Error"}
    responses["401"] = {"$ref": "#/components/responses/Error"}
    return {"get": {"summary": summary, "parameters": parameters, "responses": responses}}


def _post(
    summary: str, properties: dict[str, Any], *, errors: tuple[int, ...], parameters: list[dict] | None = None
) -> dict:
    """A write: JSON body only (Content-Type application/json), refused cross-origin."""
    responses: dict[str, Any] = {"200": {"description": "Done", "content": {"application/json": {}}}}
    for status in (*errors, 401):
        responses[str(status)] = {"$ref": "#/components/responses/Error"}
    body = {"content": {"application/json": {"schema": {"type": "object", "properties": properties}}}}
    return {"post": {"summary": summary, "parameters": parameters or [], "requestBody": body, "responses": responses}}


def LIMIT(default, high):
    return _param(
        "limit", f"How many (1-{high}).", {"type": "integer", "minimum": 1, "maximum": high, "default": default}
    )


COUNTRY = _param(
    "country",
    "Only the dispatches that mention this country (ISO 3166-1 alpha-2, e.g. ML).",
    {"type": "string", "pattern": "^[A-Za-z]{2}$"},
)
PERIOD = _param(
    "period",
    "A duration back from now (24h, 7d, 90d) or `all` (the stored data's span).",
    {"type": "string", "default": "7d"},
)

OPENAPI: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {
        "title": "wirewatch dashboard API",
        "version": "1",
        "description": "Access to dispatches, stories, alerts, feed health and statistics, and (embedded) feed "
        "management. "
        "Off-loopback, every call needs `Authorization: Bearer <token>`.",
    },
    "components": {
        "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        "schemas": {
            "Error": {
                "type": "object",
                "properties": {
                    "error": {
                        "type": "object",
                        "required": ["code", "message"],
                        "properties": {
                            "code": {"type": "string"},
                            "message": {"type": "string"},
                            "position": {"type": "integer", "description": "query_syntax: 0-based offset in the query"},
                            "parameter": {"type": "string"},
                        },
                    }
                },
            },
        },
        "responses": {
            "Error": {
                "description": "An error",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
            }
        },
    },
    "security": [{"bearer": []}],
    "paths": {
        "/api/search": _get(
            "Search dispatches with the rule query language (Lucene syntax)",
            [
                _param(
                    "q",
                    "The query, e.g. `coup AND countries.code:TR`.",
                    {"type": "string", "maxLength": 1000},
                    required=True,
                ),
                LIMIT(20, 100),
            ],
            "Hits, best first, with highlight segments",
        ),
        "/api/alerts": _get(
            "Fired alerts, newest first",
            [_param("since", "A duration (30m, 12h, 7d) or an ISO 8601 time.", {"type": "string"}), LIMIT(50, 500)],
            "Alerts",
        ),
        "/api/dispatches": _get(
            "The most recently stored dispatches; with country, official or agency, the newest published in the "
            "window that name it",
            [
                LIMIT(20, 200),
                COUNTRY,
                _param("official", "An official's name (exact).", {"type": "string"}),
                _param("agency", "An agency's name (exact).", {"type": "string"}),
                PERIOD,
            ],
            "Dispatch summaries",
        ),
        "/api/dispatches/{id}": _get(
            "One dispatch: the stored document and entity highlight segments",
            [
                _param(
                    "id",
                    "Dispatch id.",
                    {"type": "string", "pattern": "^[A-Za-z0-9_.:-]{1,128}$"},
                    where="path",
                    required=True,
                )
            ],
            "The dispatch",
            errors=(400, 404),
        ),
        "/api/stories": _get(
            "Stories (near-duplicates and reports of one event grouped) updated in a window, the latest first",
            [
                _param(
                    "since",
                    "A duration (30m, 12h, 7d) or an ISO 8601 time: stories updated since then. Not with `period`.",
                    {"type": "string"},
                ),
                _param(
                    "period",
                    "Instead of `since`: a duration back from now (24h, 7d) or `all`, as /api/stats/countries.",
                    {"type": "string"},
                ),
                _param(
                    "breaking",
                    "1: only stories flagged breaking.",
                    {"type": "string", "enum": ["0", "1", "false", "true", "no", "yes", "off", "on"], "default": "0"},
                ),
                _param(
                    "min_sources",
                    "Only stories carried by at least this many sources.",
                    {"type": "integer", "minimum": 0, "maximum": 100000, "default": 0},
                ),
                _param(
                    "order",
                    "last_update (the latest first) or sources (the most sources first).",
                    {"type": "string", "enum": ["last_update", "sources"], "default": "last_update"},
                ),
                LIMIT(50, 200),
            ],
            "Story records: id, title, latest_title, first_seen, last_update, dispatches, sources, source_names, "
            "languages, breaking, breaking_at, growth (dispatches per hour), countries, officials, agencies",
        ),
        "/api/stories/{id}": _get(
            "One story: its record, its dispatches (`members`, newest first) and the alerts it fired",
            [
                _param(
                    "id",
                    "Story id.",
                    {"type": "string", "pattern": "^[A-Za-z0-9_.:-]{1,160}$"},
                    where="path",
                    required=True,
                ),
                _param(
                    "limit",
                    "How many members (1-500).",
                    {"type": "integer", "minimum": 1, "maximum": 500, "default": 100},
                ),
            ],
            "The story record plus `members` (dispatch summaries with `how` and `language`) and `alerts`",
            errors=(400, 404),
        ),
        "/api/feeds": {
            **_get("Feed health: status, last success, last error, backoff, items", [], "Feeds", errors=()),
            "post": _post(
                "Add a feed, or a site's only feed (embedded store). A site offering several answers 409 with them.",
                {"url": {"type": "string"}, "name": {"type": "string"}, "tags": {"type": "array"}},
                errors=(400, 403, 404, 409, 415),
            ),
        },
        "/api/feeds/{name}/{action}": _post(
            "Pause, resume or remove a feed (embedded store); a configured feed cannot be removed (409).",
            {},
            errors=(403, 404, 409, 415),
            parameters=[
                _param("name", "Feed name.", {"type": "string"}, where="path", required=True),
                _param(
                    "action",
                    "What to do.",
                    {"type": "string", "enum": ["pause", "resume", "remove"]},
                    where="path",
                    required=True,
                ),
            ],
        ),
        "/api/silences": {
            **_get(
                "Silences in force or scheduled (`managed`: false when this dashboard does not manage them)",
                [],
                "Silences",
                errors=(),
            ),
            "post": _post(
                "Silence alerts: `for` a duration (6h), a `reason`, optionally a `rule` name and a `key` (ML, an "
                "official, a story id); 201 with the silence",
                {
                    "rule": {"type": "string"},
                    "key": {"type": "string"},
                    "for": {"type": "string"},
                    "reason": {"type": "string"},
                    "by": {"type": "string"},
                },
                errors=(400, 403, 404, 415),
            ),
        },
        "/api/silences/{id}/expire": _post(
            "End a silence now (404 when none is in force with that id).",
            {},
            errors=(403, 404, 415),
            parameters=[_param("id", "Silence id.", {"type": "string"}, where="path", required=True)],
        ),
        "/api/searches": {
            **_get("Saved searches: name, query and the search page's link", [], "Saved searches", errors=()),
            "post": _post(
                "Save a search under a name (a name already saved is replaced); the query must parse",
                {"name": {"type": "string"}, "query": {"type": "string"}},
                errors=(400, 403, 404, 415),
            ),
        },
        "/api/searches/{name}/delete": _post(
            "Delete a saved search (404 when there is none by that name).",
            {},
            errors=(403, 404, 415),
            parameters=[_param("name", "Its name.", {"type": "string"}, where="path", required=True)],
        ),
        "/api/stats": _get("Store counts and live-stream counters", [], "Counts", errors=()),
        "/api/stats/countries": _get(
            "Dispatches mentioning each of the top countries, per time bucket",
            [
                PERIOD,
                _param("bucket", "auto, hour, day, week, month or year.", {"type": "string", "default": "auto"}),
                _param(
                    "top", "How many countries (1-50).", {"type": "integer", "minimum": 1, "maximum": 50, "default": 8}
                ),
                COUNTRY,
            ],
            "Series",
        ),
        "/api/stats/top": _get(
            "The officials, agencies or countries mentioned in the most dispatches",
            [
                _param(
                    "kind",
                    "officials, agencies or countries.",
                    {"type": "string", "enum": ["officials", "agencies", "countries"]},
                ),
                PERIOD,
                LIMIT(10, 300),
                COUNTRY,
            ],
            "Ranked entities",
        ),
        "/api/events": _get(
            "Server-sent events: `alert` and `dispatch` as they are stored, `lagged` after drops",
            [_param("kinds", "Comma-separated subset of alert,dispatch.", {"type": "string"})],
            "text/event-stream",
            errors=(400, 503),
        ),
        "/metrics": _get("Prometheus metrics (text exposition format)", [], "Metrics", errors=()),
    },
}
