"""Server-rendered pages: events (with filters), articles, one article with its evidence, map, timeline."""

from __future__ import annotations

import json
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from dyad.store.queries import MAX_LIMIT
from dyad.web import basemap, charts
from dyad.web.api import FilterDep, StoreDep, _opt
from dyad.web.highlight import highlight, report_spans

router = APIRouter(include_in_schema=False)

ACLED_COLOURS = {
    "Battles": "#b2182b", "Explosions/Remote violence": "#e08214", "Violence against civilians": "#7b3294",
    "Protests": "#2166ac", "Riots": "#4393c3", "Strategic developments": "#1b7837",
}


def _render(request: Request, name: str, **ctx) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, name, ctx)


def _qs(params: dict, **changes) -> str:
    merged = {k: v for k, v in {**params, **changes}.items() if v not in (None, "")}
    return urlencode(merged)


@router.get("/", response_class=HTMLResponse)
@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, f: FilterDep, store: StoreDep, limit: int = Query(50, ge=1, le=MAX_LIMIT),
                offset: int = Query(0, ge=0)):
    total = store.count_events(f)
    rows = store.events(f, limit, offset)
    params = f.active()
    return _render(request, "events.html", rows=rows, total=total, limit=limit, offset=offset, f=params,
                   facets=store.facets(), stats=store.stats(), qs=lambda **c: _qs({**params, "limit": limit}, **c),
                   filter_qs=_qs(params))


@router.get("/articles", response_class=HTMLResponse)
def articles_page(request: Request, store: StoreDep, q: str | None = None, limit: int = Query(50, ge=1, le=MAX_LIMIT),
                  offset: int = Query(0, ge=0)):
    total, rows = store.articles(_opt(q), limit, offset)
    return _render(request, "articles.html", rows=rows, total=total, limit=limit, offset=offset, q=_opt(q) or "",
                   qs=lambda **c: _qs({"q": _opt(q), "limit": limit}, **c), errors=store.errors(20))


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: int, store: StoreDep):
    row = store.article(article_id)
    if row is None:
        raise HTTPException(404, f"no article {article_id}")
    report = row["report"]
    if isinstance(report, str):  # some drivers hand JSON back as text
        report = json.loads(report)
    text = report.get("text") or row["text"]
    places = {p["id"]: p for p in report.get("places") or []}
    actors = {a["id"]: a for a in report.get("actors") or []}
    return _render(request, "article.html", article=row, report=report, places=places, actors=actors,
                   body=highlight(text, report_spans(report)),
                   report_json=json.dumps(report, indent=2, ensure_ascii=False))


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, f: FilterDep, store: StoreDep):
    rows = store.event_places(f)
    # one dot per place per event; the event's main place is drawn larger
    points = [(r["lon"], r["lat"]) for r in rows]
    vb = basemap.view_box(points)
    r_main, r_other = vb[2] / 140, vb[2] / 260
    dots = [{"x": round(r["lon"], 3), "y": round(-r["lat"], 3), "r": r_main if r["rank"] == 0 else r_other,
             "fill": ACLED_COLOURS.get(r["acled_type"] or "", charts.colour(r["plover"])),
             "href": f"/articles/{r['article_id']}",
             "title": f"{r['plover'] or '?'} · {r['acled_type'] or '—'} · {r['place']} ({r['country'] or '?'}) · "
                      f"{r['date'] or 'no date'} — {r['article_title'] or ''}"} for r in rows]
    return _render(request, "map.html", countries=basemap.countries(), view_box=" ".join(map(str, vb)),
                   stroke=vb[2] / 1200, dots=dots, n_events=len({r["event_id"] for r in rows}), f=f.active(),
                   facets=store.facets(), legend=ACLED_COLOURS, filter_qs=_qs(f.active()))


@router.get("/dyads", response_class=HTMLResponse)
def dyads_page(request: Request, store: StoreDep, a: str | None = None, b: str | None = None):
    a, b = (_opt(a) or "").upper()[:2], (_opt(b) or "").upper()[:2]
    pairs = store.top_dyads(12)
    if not (a and b) and pairs:
        a, b = pairs[0]["a"], pairs[0]["b"]
    days = store.dyad(a, b) if a and b else []
    return _render(request, "dyads.html", a=a, b=b, days=days, chart=charts.timeline(days), pairs=pairs,
                   total=sum(d["count"] for d in days), countries=store.facets()["country"])


@router.get("/api", response_class=HTMLResponse)
def api_page(request: Request):
    """The OpenAPI document as a page (Swagger UI would need a CDN)."""
    spec = request.app.openapi()
    ops = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            params = [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                       "type": (p.get("schema") or {}).get("type")
                       or " | ".join(x.get("type", "") for x in (p.get("schema") or {}).get("anyOf", [])),
                       "description": p.get("description") or (p.get("schema") or {}).get("description") or ""}
                      for p in op.get("parameters", [])]
            ops.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""), "params": params})
    return _render(request, "api.html", ops=ops, spec=spec)
