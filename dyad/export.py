"""Exports of the store: events in ACLED's column layout (CSV, Parquet), GeoJSON, and the reports.

One row per event. ACLED's columns are kept in ACLED's order and meaning where dyad knows them;
what the text does not say stays empty (`fatalities` is empty when no death toll was reported,
not 0: unknown values are never invented). `location` and the coordinates are the event's main
place (the first its report lists), `notes` the evidence sentences, `source` the outlet.
"""

from __future__ import annotations

import csv
import io
from functools import lru_cache
from urllib.parse import urlparse

from dyad.store import EventFilter, Store

ACLED_COLUMNS = ["event_date", "event_type", "sub_event_type", "actor1", "actor2", "country", "admin1",
                 "location", "latitude", "longitude", "fatalities", "notes", "source"]
# dyad's own columns after ACLED's, so a row can be traced back to its article
EXTRA_COLUMNS = ["plover", "status", "intensity", "article_id", "event_id", "url"]


@lru_cache(maxsize=512)
def country_name(code: str | None) -> str | None:
    if not code:
        return None
    import pycountry

    c = pycountry.countries.get(alpha_2=code.upper())
    return getattr(c, "common_name", None) or (c.name if c else code)


def _outlet(row: dict) -> str | None:
    if row.get("article_site"):
        return row["article_site"]
    if row.get("article_url"):
        return urlparse(row["article_url"]).netloc or None
    return None


def acled_row(row: dict) -> dict:
    notes = " … ".join(e["text"] for e in row.get("evidence") or [] if e.get("text"))
    return {
        "event_date": row.get("date"),
        "event_type": row.get("acled_type"),
        "sub_event_type": row.get("acled_subtype"),
        "actor1": row.get("source_name"),
        "actor2": row.get("target_name"),
        "country": country_name(row.get("place_country") or row.get("source_country")),
        "admin1": row.get("admin1"),
        "location": row.get("place"),
        "latitude": row.get("lat"),
        "longitude": row.get("lon"),
        "fatalities": row.get("killed"),
        "notes": " ".join(notes.split())[:2000] or None,
        "source": _outlet(row),
        "plover": row.get("plover"),
        "status": row.get("status"),
        "intensity": row.get("intensity"),
        "article_id": row.get("article_id"),
        "event_id": row.get("id"),
        "url": row.get("article_url"),
    }


def acled_rows(store: Store, f: EventFilter) -> list[dict]:
    return [acled_row(r) for r in store.events(f, paged=False)]


def write_csv(rows: list[dict], out) -> None:
    w = csv.DictWriter(out, fieldnames=ACLED_COLUMNS + EXTRA_COLUMNS, extrasaction="ignore")
    w.writeheader()
    for r in rows:
        w.writerow({k: ("" if v is None else v) for k, v in r.items()})


def to_csv(rows: list[dict]) -> str:
    buf = io.StringIO()
    write_csv(rows, buf)
    return buf.getvalue()


def to_parquet(rows: list[dict]) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"latitude": pa.float64(), "longitude": pa.float64(), "fatalities": pa.int64(),
             "intensity": pa.float64(), "article_id": pa.int64(), "event_id": pa.int64()}
    schema = pa.schema([(c, types.get(c, pa.string())) for c in ACLED_COLUMNS + EXTRA_COLUMNS])
    table = pa.Table.from_pylist([{c: r.get(c) for c in schema.names} for r in rows], schema=schema)
    buf = io.BytesIO()
    pq.write_table(table, buf)
    return buf.getvalue()


def geojson(store: Store, f: EventFilter) -> dict:
    """A FeatureCollection: one Point per (event, place with coordinates)."""
    features = []
    for r in store.event_places(f):
        props = {k: r[k] for k in ("event_id", "article_id", "plover", "acled_type", "acled_subtype", "status",
                                   "date", "killed", "source_name", "target_name", "intensity", "place",
                                   "country", "admin1", "feature", "article_title")}
        props["main_place"] = r["rank"] == 0
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [r["lon"], r["lat"]]},
                         "properties": props})
    return {"type": "FeatureCollection", "features": features}


def reports(store: Store):
    """Every stored report (SPEC JSON), in article order."""
    import sqlalchemy as sa

    from dyad.store.schema import articles

    with store.engine.connect() as conn:
        for (report,) in conn.execute(sa.select(articles.c.report).order_by(articles.c.id)):
            yield report
