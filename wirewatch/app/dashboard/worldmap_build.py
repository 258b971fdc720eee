"""Build the world map's outlines from Natural Earth's 1:110m countries, as the npm package world-atlas ships them.

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python -m wirewatch.app.dashboard.worldmap_build package/countries-110m.json

writes wirewatch/app/dashboard/data/world-110m.json: one SVG path per country (ISO 3166-1 alpha-2 code, from
the numeric ids through pycountry), in the Equal Earth projection, with the view box. The file is committed and
installed with the package, so the dashboard draws the map with no network and no JavaScript at run time.
Natural Earth is in the public domain; world-atlas is © Michael Bostock, ISC licence (kept in the file).
"""

from __future__ import annotations

import itertools
import json
import math
import sys
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent / "data" / "world-110m.json"
WIDTH = 1000.0
# Natural Earth features without an ISO numeric code in world-atlas, by name.
BY_NAME = {"Kosovo": "XK", "N. Cyprus": "CY", "Somaliland": "SO"}
# Equal Earth (Šavrič, Patterson, Jenny 2018)
A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2


def equal_earth(lon: float, lat: float) -> tuple[float, float]:
    lam, phi = math.radians(lon), math.radians(max(-90.0, min(90.0, lat)))
    theta = math.asin(M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, -y


def decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """TopoJSON's quantised, delta-encoded arcs back to longitude and latitude."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(ring: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])  # consecutive arcs share their end point
    return points


def unwrap(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """A ring that crosses the antimeridian (Fiji, Chukotka, the Aleutians) jumps from +180 to -180; drawn as is,
    it would streak across the whole map. Its minority side is moved by 360 degrees to join the majority: the
    ring is then whole, and what lies past the map's edge is clipped by the SVG's view box."""
    crosses = any(abs(b[0] - a[0]) > 180 for a, b in itertools.pairwise(points))
    if not crosses:
        return points
    east = sum(1 for lon, _ in points if lon > 0) >= len(points) / 2
    if east:
        return [(lon + 360 if lon < 0 else lon, lat) for lon, lat in points]
    return [(lon - 360 if lon > 0 else lon, lat) for lon, lat in points]


def build(topology: dict[str, Any]) -> dict[str, Any]:
    import pycountry

    arcs = decode_arcs(topology)
    x_max = equal_earth(180, 0)[0]
    y_max = -equal_earth(0, 90)[1]
    scale = WIDTH / (2 * x_max)
    height = round(2 * y_max * scale, 1)

    def project(lon: float, lat: float) -> tuple[float, float]:
        x, y = equal_earth(lon, lat)
        return (x + x_max) * scale, (y + y_max) * scale

    countries: dict[str, dict[str, str]] = {}
    ys: list[float] = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = geometry["properties"]["name"]
        country = pycountry.countries.get(numeric=geometry.get("id", "")) if geometry.get("id") else None
        code = country.alpha_2 if country is not None else BY_NAME.get(name)
        if code is None or code == "AQ":
            continue  # Antarctica takes a fifth of the map and almost never the news; it wraps the pole besides
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        parts = []
        for polygon in polygons:
            for ring in polygon:
                points = [project(lon, lat) for lon, lat in unwrap(ring_points(ring, arcs))]
                ys.extend(y for _, y in points)
                parts.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in points) + "Z")
        common = getattr(country, "common_name", None) or getattr(country, "name", None) if country else None
        entry = countries.setdefault(code, {"name": common or name, "d": ""})
        entry["d"] += "".join(parts)
    top, bottom = max(0.0, min(ys) - 2), min(height, max(ys) + 2)  # cropped to the land drawn
    return {
        "source": "Natural Earth 1:110m countries via world-atlas 2.0.2 (ISC, © Michael Bostock); Equal Earth",
        "viewBox": f"0 {top:.0f} {WIDTH:g} {bottom - top:.0f}",
        "countries": dict(sorted(countries.items())),
    }


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    result = build(json.loads(Path(argv[1]).read_text(encoding="utf-8")))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(result['countries'])} countries, {OUT.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
