"""The dyad timeline as inline SVG geometry: stacked bars by PLOVER type per day (or month), mean intensity."""

from __future__ import annotations

import datetime as dt

# one colour per PLOVER type: conflict types warm, cooperation cool
PLOVER_COLOURS = {
    "ASSAULT": "#b2182b", "COERCE": "#d6604d", "THREATEN": "#f4a582", "SANCTION": "#e08214",
    "MOBILIZE": "#fdb863", "PROTEST": "#8c510a", "ACCUSE": "#c51b7d", "REJECT": "#de77ae",
    "REQUEST": "#80cdc1", "RETREAT": "#bababa", "CONCEDE": "#92c5de", "CONSULT": "#4393c3",
    "AGREE": "#2166ac", "SUPPORT": "#5aae61", "COOPERATE": "#1b7837", "AID": "#01665e",
}
OTHER = "#888888"


def colour(plover: str | None) -> str:
    return PLOVER_COLOURS.get((plover or "").upper(), OTHER)


def _monthly(days: list[dict]) -> list[dict]:
    """Daily rows summed per month, dated by the month's first day. The month's mean intensity is
    the mean over its events that have one, as each day's is: days weigh by `intensity_count`."""
    months: dict[str, dict] = {}
    for d in days:
        key = d["date"][:7] + "-01"
        m = months.setdefault(key, {"date": key, "count": 0, "by_type": {}, "_isum": 0.0, "_n": 0})
        m["count"] += d["count"]
        for t, n in d["by_type"].items():
            m["by_type"][t] = m["by_type"].get(t, 0) + n
        if d.get("mean_intensity") is not None:
            n = d.get("intensity_count", d["count"])
            m["_isum"] += d["mean_intensity"] * n
            m["_n"] += n
    out = []
    for m in months.values():
        isum, n = m.pop("_isum"), m.pop("_n")
        m["mean_intensity"] = round(isum / n, 2) if n else None
        out.append(m)
    return out


def timeline(days: list[dict], width: int = 900, height: int = 280) -> dict:
    """Geometry for the template: bars, intensity points, axes. `days` from queries.dyad_series.

    Over more than about four months a bar per day would be a hairline: the bars are months then.
    """
    left, right, top, bottom = 44, 44, 12, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    if not days:
        return {"width": width, "height": height, "bars": [], "line": "", "dots": [], "xticks": [], "yticks": [],
                "empty": True, "types": [], "unit": "day"}
    first = dt.date.fromisoformat(days[0]["date"])
    last = dt.date.fromisoformat(days[-1]["date"])
    unit = "day"
    if (last - first).days > 120:
        unit, days = "month", _monthly(days)

    def index(d: dt.date) -> int:
        if unit == "day":
            return (d - first).days
        return (d.year - first.year) * 12 + d.month - first.month

    def label(i: int) -> str:
        if unit == "day":
            return (first + dt.timedelta(days=i)).isoformat()
        y, m = divmod(first.month - 1 + i, 12)
        return f"{first.year + y}-{m + 1:02d}"

    n_slots = index(last) + 1
    slot = plot_w / n_slots
    bar_w = max(1.0, min(slot * 0.8, 40.0))
    max_count = max(d["count"] for d in days)
    scale = plot_h / max_count
    bars, dots, types = [], [], set()
    for d in days:
        i = index(dt.date.fromisoformat(d["date"]))
        x = left + i * slot + (slot - bar_w) / 2
        y = top + plot_h
        when = label(i)
        for plover, n in sorted(d["by_type"].items()):
            h = n * scale
            y -= h
            types.add(plover)
            bars.append({"x": round(x, 2), "y": round(y, 2), "w": round(bar_w, 2), "h": round(h, 2),
                         "fill": colour(plover), "title": f"{when}: {n} × {plover}"})
        if d.get("mean_intensity") is not None:
            iy = top + plot_h * (10 - d["mean_intensity"]) / 20
            dots.append({"x": round(x + bar_w / 2, 2), "y": round(iy, 2),
                         "title": f"{when}: mean intensity {d['mean_intensity']:+.1f}"})
    step = max(1, n_slots // 6)
    xticks = [{"x": round(left + i * slot + slot / 2, 2), "label": label(i)} for i in range(0, n_slots, step)]
    yticks = [{"y": round(top + plot_h - k * scale, 2), "label": k}
              for k in sorted({0, max_count, max(1, max_count // 2)})]
    return {"width": width, "height": height, "left": left, "right": width - right, "top": top,
            "bottom": top + plot_h, "mid": top + plot_h / 2, "bars": bars,
            "line": " ".join(f"{p['x']},{p['y']}" for p in dots), "dots": dots, "xticks": xticks,
            "yticks": yticks, "empty": False, "types": [(t, colour(t)) for t in sorted(types)], "unit": unit}
