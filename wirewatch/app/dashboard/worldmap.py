"""The world map: dispatches mentioning each country in the window, as a choropleth drawn by the server.

The outlines are Natural Earth's 1:110m countries (data/world-110m.json, built by worldmap_build.py from the
npm package world-atlas). The map is plain SVG in the page: it is there when the page loads, with no
JavaScript, no CDN and nothing inline for the Content-Security-Policy to refuse (colours are classes in
style.css). A country's count shows on hover (its <title>), and a click opens the country's page.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path
from typing import Any

from wirewatch.app.dashboard.html import Markup, el

DATA = Path(__file__).resolve().parent / "data" / "world-110m.json"
SHADES = 6  # m1 .. m6: the classes style.css colours, lightest to darkest


@lru_cache(maxsize=1)
def outlines() -> dict[str, Any]:
    return json.loads(DATA.read_text(encoding="utf-8"))


def shade_bounds(counts: list[int]) -> list[int]:
    """Upper bounds of the shades: log-spaced from 1 to the largest count (news is long-tailed: a linear
    scale would paint one country dark and every other one pale)."""
    top = max(counts, default=0)
    if top <= 0:
        return []
    bounds = sorted({max(1, round(math.exp(math.log(top) * (i + 1) / SHADES))) for i in range(SHADES)})
    return bounds


def shade(count: int, bounds: list[int]) -> int:
    if count <= 0:
        return 0
    for index, bound in enumerate(bounds):
        if count <= bound:
            return index + 1
    return len(bounds)


def country_href(code: str) -> str:
    return f"/country/{code}"


def render(
    counts: dict[str, int], names: dict[str, str] | None = None, *, what: str = "dispatch", period: str = ""
) -> Markup:
    """The map and its legend. `counts`: ISO alpha-2 code → dispatches mentioning it; `names`: the names the
    tagger gives those countries (the map's own, from ISO 3166, otherwise)."""
    data = outlines()
    bounds = shade_bounds(list(counts.values()))
    shapes = []
    for code, country in data["countries"].items():
        count = counts.get(code, 0)
        label = f"{(names or {}).get(code) or country['name']}: {count:,} {what}{'' if count == 1 else 'es'}"
        path = el(
            "path",
            {"d": country["d"], "class": f"m{shade(count, bounds)}", "data-code": code},
            el("title", None, label),
        )
        shapes.append(el("a", {"href": country_href(code), "aria-label": label}, path) if count else path)
    elsewhere = sum(n for code, n in counts.items() if code not in data["countries"])
    svg = el(
        "svg",
        {
            "class": "worldmap",
            "viewBox": data["viewBox"],
            "role": "img",
            "aria-label": f"{what.capitalize()}es per country{period}",
            "xmlns": "http://www.w3.org/2000/svg",
        },
        shapes,
    )
    return Markup(svg + legend(bounds, what + "es", elsewhere))


def legend(bounds: list[int], what: str, elsewhere: int) -> Markup:
    if not bounds:
        return el("p", {"class": "empty"}, "No country mentioned in this period.")
    items = [el("li", None, el("span", {"class": "swatch m0"}), " none")]
    low = 1
    for index, bound in enumerate(bounds):
        text = f" {low:,}" if low == bound else f" {low:,}–{bound:,}"
        items.append(el("li", None, el("span", {"class": f"swatch m{index + 1}"}), text))
        low = bound + 1
    note = [el("li", {"class": "detail"}, f"+ {elsewhere:,} in places too small for the map")] if elsewhere else []
    return el("ul", {"class": "legend"}, el("li", {"class": "detail"}, f"{what}:"), items, note)
