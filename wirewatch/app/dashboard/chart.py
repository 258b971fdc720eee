"""Mentions per country over time as an inline SVG line chart, and a story's growth as bars, drawn on the server.

No chart library and no script: the SVG uses presentation attributes and CSS
classes only, which the strict Content-Security-Policy allows.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime

from wirewatch.app.dashboard.html import Markup, el
from wirewatch.models import ModelError, parse_time
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


# -- a story's growth: dispatches per hour as bars ---------------------------------------------------

SPARK_WIDTH, SPARK_HEIGHT, SPARK_SLOTS = 120, 22, 12
GROWTH_WIDTH, GROWTH_HEIGHT = 720, 180
MAX_SPARK_BARS, MAX_GROWTH_BARS = 48, 96
_BAR_HOURS = (1, 2, 3, 6, 12, 24)


def growth_bars(growth: object, max_bars: int) -> tuple[list[float], int, list[int]]:
    """(bar starts, bar width in seconds, dispatches per bar) of a story record's hourly ``growth``.

    Hours without dispatches are zero-filled from the story's first hour to its last; a long story's hours
    are merged into wider bars (2, 3, 6, 12 hours, a day, then whole multiples of days) so that there are at
    most ``max_bars``. Entries that are not {"hour": ISO time, "dispatches": n} are skipped.
    """
    points: list[tuple[float, int]] = []
    for entry in growth if isinstance(growth, list) else ():
        try:
            points.append((parse_time(entry["hour"]).timestamp(), max(0, int(entry["dispatches"]))))
        except (KeyError, TypeError, ValueError, ModelError):
            continue
    if not points:
        return [], 3600, []
    first, last = min(t for t, _ in points), max(t for t, _ in points)
    hours = int((last - first) // 3600) + 1
    candidates = [*_BAR_HOURS, *(24 * days for days in range(2, hours // max(max_bars, 1) // 24 + 3))]
    for bar_hours in candidates:
        step = bar_hours * 3600
        origin = math.floor(first / step) * step
        count = int((last - origin) // step) + 1
        if count <= max_bars:
            break
    values = [0] * count
    for t, n in points:
        values[min(count - 1, int((t - origin) // step))] += n
    return [float(origin + i * step) for i in range(count)], step, values


def _bar_title(start: float, step: int, n: int) -> str:
    span = "hour" if step == 3600 else f"{step // 3600} hours" if step < 86400 else f"{step // 86400} day(s)"
    return f"{n} dispatch{'' if n == 1 else 'es'} in the {span} from {_label(start, 3600)}"


def spark(growth: object) -> Markup:
    """A story's growth as a small bar chart for lists (no axes; each bar's count in its tooltip)."""
    starts, step, values = growth_bars(growth, MAX_SPARK_BARS)
    if not values:
        return Markup("")
    peak = max(values) or 1
    slot = SPARK_WIDTH / max(len(values), SPARK_SLOTS)
    bars = [
        el(
            "rect",
            {
                "x": f"{i * slot:.1f}",
                "y": f"{SPARK_HEIGHT - 1 - (SPARK_HEIGHT - 2) * v / peak:.1f}",
                "width": f"{max(slot - 1, 1):.1f}",
                "height": f"{(SPARK_HEIGHT - 2) * v / peak:.1f}",
                "class": "bar",
            },
            el("title", None, _bar_title(starts[i], step, v)),
        )
        for i, v in enumerate(values)
        if v
    ]
    baseline = el(
        "line", {"x1": 0, "y1": SPARK_HEIGHT - 0.5, "x2": SPARK_WIDTH, "y2": SPARK_HEIGHT - 0.5, "class": "axis"}
    )
    return el(
        "svg",
        {
            "viewBox": f"0 0 {SPARK_WIDTH} {SPARK_HEIGHT}",
            "width": SPARK_WIDTH,
            "height": SPARK_HEIGHT,
            "class": "spark",
            "role": "img",
            "aria-label": f"Dispatches over time: {sum(values)} in {len(values)} bar(s), at most {peak} in one",
        },
        baseline,
        bars,
    )


def growth_chart(growth: object) -> Markup:
    """A story's growth on its own page: bars with a count axis and the first and last times."""
    starts, step, values = growth_bars(growth, MAX_GROWTH_BARS)
    if not values:
        return el("p", {"class": "empty"}, "No growth recorded.")
    peak = max(values) or 1
    pad_left, pad_right, pad_top, pad_bottom = 40, 12, 12, 28
    plot_w = GROWTH_WIDTH - pad_left - pad_right
    plot_h = GROWTH_HEIGHT - pad_top - pad_bottom
    slots = max(len(values), SPARK_SLOTS)
    slot = plot_w / slots
    parts = [
        el(
            "line",
            {"x1": pad_left, "y1": pad_top + plot_h, "x2": pad_left + plot_w, "y2": pad_top + plot_h, "class": "axis"},
        ),
        el("line", {"x1": pad_left, "y1": pad_top, "x2": pad_left, "y2": pad_top + plot_h, "class": "axis"}),
        el("text", {"x": pad_left - 6, "y": pad_top + 10, "text-anchor": "end", "class": "tick"}, str(peak)),
        el("text", {"x": pad_left - 6, "y": pad_top + plot_h, "text-anchor": "end", "class": "tick"}, "0"),
        el("text", {"x": pad_left, "y": GROWTH_HEIGHT - 8, "class": "tick"}, _label(starts[0], 3600)),
        el(  # the axis spans at least SPARK_SLOTS bars: the hours after a young story's last stay empty
            "text",
            {"x": pad_left + plot_w, "y": GROWTH_HEIGHT - 8, "text-anchor": "end", "class": "tick"},
            _label(starts[0] + slots * step, 3600),
        ),
    ]
    for i, v in enumerate(values):
        if not v:
            continue
        height = plot_h * v / peak
        parts.append(
            el(
                "rect",
                {
                    "x": f"{pad_left + i * slot + 1:.1f}",
                    "y": f"{pad_top + plot_h - height:.1f}",
                    "width": f"{max(slot - 2, 1):.1f}",
                    "height": f"{height:.1f}",
                    "class": "bar",
                },
                el("title", None, _bar_title(starts[i], step, v)),
            )
        )
    return el(
        "svg",
        {
            "viewBox": f"0 0 {GROWTH_WIDTH} {GROWTH_HEIGHT}",
            "class": "chart growth",
            "role": "img",
            "aria-label": "Dispatches of the story over time",
        },
        parts,
    )
