"""Mentions per country over time as an inline SVG line chart, drawn on the server.

No chart library and no script: the SVG uses presentation attributes and CSS
classes only, which the strict Content-Security-Policy allows.
"""

from __future__ import annotations

from datetime import UTC, datetime

from wirewatch.app.dashboard.html import Markup, el
from wirewatch.sinks.sqlite.stats import CountryBucket

WIDTH, HEIGHT = 720, 260
PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 40, 130, 12, 28
PALETTE = ("#2563eb", "#dc2626", "#16a34a", "#d97706", "#7c3aed", "#0891b2", "#db2777", "#4b5563")


def series(
    buckets: list[CountryBucket], since: float, until: float, step: int
) -> tuple[list[float], dict[str, tuple[str, list[int]]]]:
    """(bucket starts, code -> (name, dispatches per bucket)), zero-filled."""
    first = int(since // step) * step
    starts = [float(t) for t in range(first, int(until) + 1, step)] or [float(first)]
    index = {t: i for i, t in enumerate(starts)}
    lines: dict[str, tuple[str, list[int]]] = {}
    for b in buckets:
        _name, values = lines.setdefault(b.code, (b.name, [0] * len(starts)))
        if b.bucket_start in index:
            values[index[b.bucket_start]] += b.dispatches
    return starts, lines


def _label(ts: float, step: int) -> str:
    moment = datetime.fromtimestamp(ts, tz=UTC)
    return moment.strftime("%d %b %H:%M" if step < 86400 else "%Y-%m-%d" if step < 30 * 86400 else "%Y-%m")


def render(buckets: list[CountryBucket], since: float, until: float, step: int) -> Markup:
    starts, lines = series(buckets, since, until, step)
    if not lines:
        return el("p", {"class": "empty"}, "No country mentions in this period.")
    peak = max(max(values) for _, values in lines.values()) or 1
    plot_w = WIDTH - PAD_LEFT - PAD_RIGHT
    plot_h = HEIGHT - PAD_TOP - PAD_BOTTOM

    def x(i: int) -> float:
        return PAD_LEFT + (plot_w * i / (len(starts) - 1) if len(starts) > 1 else plot_w / 2)

    def y(v: int) -> float:
        return PAD_TOP + plot_h - plot_h * v / peak

    parts = [
        el(
            "line",
            {"x1": PAD_LEFT, "y1": PAD_TOP + plot_h, "x2": PAD_LEFT + plot_w, "y2": PAD_TOP + plot_h, "class": "axis"},
        ),
        el("line", {"x1": PAD_LEFT, "y1": PAD_TOP, "x2": PAD_LEFT, "y2": PAD_TOP + plot_h, "class": "axis"}),
        el("text", {"x": PAD_LEFT - 6, "y": PAD_TOP + 10, "text-anchor": "end", "class": "tick"}, str(peak)),
        el("text", {"x": PAD_LEFT - 6, "y": PAD_TOP + plot_h, "text-anchor": "end", "class": "tick"}, "0"),
        el("text", {"x": PAD_LEFT, "y": HEIGHT - 8, "class": "tick"}, _label(starts[0], step)),
        el(
            "text",
            {"x": PAD_LEFT + plot_w, "y": HEIGHT - 8, "text-anchor": "end", "class": "tick"},
            _label(starts[-1], step),
        ),
    ]
    for n, (code, (name, values)) in enumerate(sorted(lines.items(), key=lambda kv: -sum(kv[1][1]))):
        color = PALETTE[n % len(PALETTE)]
        points = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(values))
        title = el("title", None, f"{name} ({code}): {sum(values)} dispatches")
        parts.append(el("polyline", {"points": points, "fill": "none", "stroke": color, "stroke-width": 2}, title))
        for i, v in enumerate(values):
            if v:
                parts.append(
                    el(
                        "circle",
                        {"cx": f"{x(i):.1f}", "cy": f"{y(v):.1f}", "r": 3, "fill": color},
                        el("title", None, f"{name}: {v} on {_label(starts[i], step)}"),
                    )
                )
        legend_y = PAD_TOP + 14 + n * 18
        parts.append(
            el("rect", {"x": WIDTH - PAD_RIGHT + 12, "y": legend_y - 9, "width": 10, "height": 10, "fill": color})
        )
        parts.append(el("text", {"x": WIDTH - PAD_RIGHT + 28, "y": legend_y, "class": "legend"}, f"{code} {name}"[:22]))
    return el(
        "svg",
        {
            "viewBox": f"0 0 {WIDTH} {HEIGHT}",
            "class": "chart",
            "role": "img",
            "aria-label": "Dispatches mentioning each country over time",
        },
        parts,
    )
