"""An offline basemap: country outlines from the `countryinfo` package, drawn as SVG paths.

countryinfo (a dependency of the gazetteer already) ships a GeoJSON outline for most countries
(about 170, ~10k points, Natural-Earth-like coarse resolution) — enough to place events, with no
tile server. The projection is plain equirectangular: x = longitude, y = -latitude, in degrees,
so the SVG viewBox is a lon/lat box and zooming is choosing the box.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Country:
    iso2: str
    name: str
    d: str  # SVG path data


def _ring(ring: list) -> str:
    pts, last = [], None
    for lon, lat, *_ in ring:
        p = (round(lon, 2), round(-lat, 2))
        if p != last:
            pts.append(p)
            last = p
    if len(pts) < 3:
        return ""
    return "M" + "L".join(f"{x:g},{y:g}" for x, y in pts) + "Z"


@lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    out = []
    data_dir = resources.files("countryinfo").joinpath("data")
    for entry in sorted(data_dir.iterdir(), key=lambda p: p.name):
        if not entry.name.endswith(".json"):
            continue
        info = json.loads(entry.read_text(encoding="utf-8"))
        geo = info.get("geoJSON") or {}
        paths = []
        for feat in geo.get("features") or []:
            g = feat.get("geometry") or {}
            polys = g.get("coordinates") or []
            if g.get("type") == "Polygon":
                polys = [polys]
            for poly in polys:
                paths.extend(_ring(r) for r in poly)
        d = "".join(p for p in paths if p)
        if d:
            out.append(Country((info.get("ISO") or {}).get("alpha2", ""), info.get("name", ""), d))
    return tuple(out)


def view_box(points: list[tuple[float, float]], min_lon_span: float = 40.0) -> tuple[float, float, float, float]:
    """(x, y, width, height) in degrees around (lon, lat) points, 2:1, padded; the world when empty."""
    if not points:
        return (-180.0, -85.0, 360.0, 180.0)
    lons = [p[0] for p in points]
    lats = [p[1] for p in points]
    w = max(max(lons) - min(lons), 2 * (max(lats) - min(lats)), min_lon_span) * 1.3
    w = min(w, 360.0)
    h = w / 2
    cx, cy = (max(lons) + min(lons)) / 2, -(max(lats) + min(lats)) / 2
    x = min(max(cx - w / 2, -180.0), 180.0 - w)
    y = min(max(cy - h / 2, -90.0), 90.0 - h)
    return (round(x, 2), round(y, 2), round(w, 2), round(h, 2))
