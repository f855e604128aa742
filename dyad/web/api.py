"""The JSON API: /api/articles, /api/events (+ .geojson), /api/dyads, /api/export.csv|.parquet."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response

from dyad import export
from dyad.store import EventFilter, Store
from dyad.store.queries import MAX_LIMIT

router = APIRouter(prefix="/api", tags=["api"])


def get_store(request: Request) -> Store:
    return request.app.state.store


def _opt(value: str | None) -> str | None:
    """HTML forms send empty fields as ''; they mean 'no filter'."""
    value = (value or "").strip()
    return value or None


def _date(value: str | None, name: str) -> str | None:
    value = _opt(value)
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise HTTPException(422, f"{name} must be an ISO date (YYYY-MM-DD), got {value!r}") from None


def event_filter(
    country: str | None = Query(None, description="ISO 3166-1 alpha-2: where it happened, or whose actor took part"),
    actor: str | None = Query(None, description="part of the source's or target's name"),
    plover: str | None = Query(None, description="PLOVER event type, e.g. ASSAULT"),
    acled_type: str | None = Query(None, description="ACLED event type, e.g. Battles"),
    date_from: str | None = Query(None, description="ISO date, inclusive"),
    date_to: str | None = Query(None, description="ISO date, inclusive"),
    place: str | None = Query(None, description="part of a place name or admin1"),
    status: str | None = Query(None, description="reported|claimed|denied|contested|threatened|hypothetical"),
    q: str | None = Query(None, description="free text in the evidence sentences or the article title"),
) -> EventFilter:
    return EventFilter(country=_opt(country), actor=_opt(actor), plover=_opt(plover), acled_type=_opt(acled_type),
                       date_from=_date(date_from, "date_from"), date_to=_date(date_to, "date_to"),
                       place=_opt(place), status=_opt(status), q=_opt(q))


StoreDep = Annotated[Store, Depends(get_store)]
FilterDep = Annotated[EventFilter, Depends(event_filter)]


def _json_safe(row: dict) -> dict:
    return {k: (v.isoformat() if isinstance(v, dt.datetime | dt.date) else v) for k, v in row.items()}


@router.get("/articles", summary="Articles, newest first")
def articles(store: StoreDep, q: str | None = Query(None, description="part of the title or doc_id"),
             limit: int = Query(50, ge=0, le=MAX_LIMIT), offset: int = Query(0, ge=0)) -> dict:
    total, rows = store.articles(_opt(q), limit, offset)
    return {"total": total, "limit": limit, "offset": offset, "items": [_json_safe(r) for r in rows]}


@router.get("/articles/{article_id}", summary="One article and its full report (dyad.report/1)")
def article(article_id: int, store: StoreDep) -> dict:
    row = store.article(article_id)
    if row is None:
        raise HTTPException(404, f"no article {article_id}")
    return _json_safe(row)


@router.get("/events", summary="Events, filtered and paginated")
def events(f: FilterDep, store: StoreDep, limit: int = Query(50, ge=0, le=MAX_LIMIT),
           offset: int = Query(0, ge=0)) -> dict:
    return {"total": store.count_events(f), "limit": limit, "offset": offset, "filters": f.active(),
            "items": store.events(f, limit, offset)}


@router.get("/events.geojson", summary="Events as GeoJSON points, one per event place with coordinates")
def events_geojson(f: FilterDep, store: StoreDep) -> JSONResponse:
    return JSONResponse(export.geojson(store, f), media_type="application/geo+json")


@router.get("/dyads", summary="Daily counts by PLOVER type and mean intensity between two countries")
def dyads(store: StoreDep, a: str = Query(..., min_length=2, max_length=2, description="ISO alpha-2, e.g. PK"),
          b: str = Query(..., min_length=2, max_length=2, description="ISO alpha-2, e.g. AF"),
          directed: bool = Query(False, description="only events with a as source and b as target"),
          date_from: str | None = None, date_to: str | None = None) -> dict:
    days = store.dyad(a, b, directed=directed, date_from=_date(date_from, "date_from"),
                      date_to=_date(date_to, "date_to"))
    return {"a": a.upper(), "b": b.upper(), "directed": directed, "total": sum(d["count"] for d in days),
            "days": days}


@router.get("/export.csv", summary="Events in ACLED's column layout, as CSV")
def export_csv(f: FilterDep, store: StoreDep) -> Response:
    return Response(export.to_csv(export.acled_rows(store, f)), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="dyad-events.csv"'})


@router.get("/export.parquet", summary="Events in ACLED's column layout, as Parquet")
def export_parquet(f: FilterDep, store: StoreDep) -> Response:
    return Response(export.to_parquet(export.acled_rows(store, f)), media_type="application/vnd.apache.parquet",
                    headers={"Content-Disposition": 'attachment; filename="dyad-events.parquet"'})


@router.get("/stats", summary="Row counts of the store")
def stats(store: StoreDep) -> dict:
    return store.stats()
