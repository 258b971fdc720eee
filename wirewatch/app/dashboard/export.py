"""A search exported: `/search/export?q=...&format=csv` (a spreadsheet) or `format=jsonl` (every stored field,
one dispatch a line), as many dispatches as the search page shows at most, best first.

CSV cells that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage return)
are prefixed with a quote: a feed's title must not become a formula on an analyst's machine (CSV injection).
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from aiohttp import web

from wirewatch.app.dashboard import params
from wirewatch.app.dashboard.context import blocking
from wirewatch.query import QuerySyntaxError

MAX_EXPORT = 1000
COLUMNS = ("id", "published", "fetched", "source", "language", "title", "url", "countries", "officials", "agencies")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_row(doc: dict[str, Any]) -> list[str]:
    def names(kind: str, key: str = "name") -> str:
        return "; ".join(str(item.get(key) or "") for item in doc.get(kind) or ())

    values = {
        **{name: doc.get(name) for name in COLUMNS},
        "countries": names("countries", "code"),
        "officials": names("officials"),
        "agencies": names("agencies"),
    }
    return [csv_cell(values[name]) for name in COLUMNS]


async def export(request: web.Request) -> web.Response:
    try:
        query = params.query_text((request.query.get("q") or "").strip())
        limit = params.bounded_int(request.query.get("limit"), "limit", default=MAX_EXPORT, low=1, high=MAX_EXPORT)
        kind = request.query.get("format", "csv")
        if kind not in ("csv", "jsonl"):
            raise params.InvalidParameter("format", "csv or jsonl")
        page = await blocking(request, lambda b: b.search(query, limit))
    except params.InvalidParameter as exc:
        raise web.HTTPBadRequest(reason=exc.message) from None
    except QuerySyntaxError as exc:
        raise web.HTTPBadRequest(reason=f"{exc.message} at position {exc.position}") from None
    docs = [doc for doc, _, _ in page.hits]
    if kind == "jsonl":
        body = "".join(json.dumps(doc, ensure_ascii=False) + "\n" for doc in docs)
        content_type = "application/x-ndjson"
    else:
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        writer.writerows(csv_row(doc) for doc in docs)
        body, content_type = out.getvalue(), "text/csv"
    return web.Response(
        text=body,
        content_type=content_type,
        charset="utf-8",
        headers={"Content-Disposition": f'attachment; filename="wirewatch-search.{kind}"'},
    )


def add_routes(app: web.Application) -> None:
    app.router.add_get("/search/export", export)
