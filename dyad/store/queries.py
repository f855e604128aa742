"""Reading the store: the filtered queries that the API, the pages and `dyad export` share.

Every query is built with SQLAlchemy Core and every value a user gives is a bound parameter;
text filters use `icontains(..., autoescape=True)` so `%` and `_` in a search are literal.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

import sqlalchemy as sa

from dyad.store.schema import actors, articles, claims, event_places, events, evidence, ingest_errors, places
from dyad.store.schema import quotes as quotes_t

MAX_LIMIT = 500


@dataclass
class EventFilter:
    """The event filters of `/api/events`, the events page, the map, and the exports.

    country: ISO alpha-2; an event matches when one of its places is in that country or its source
    or target belongs to it. actor: part of the source's or target's name. place: part of a place
    name or admin1. q: free text in the event's evidence or the article's title. date_from/date_to:
    ISO dates, inclusive (the event's date, else the article's published date).
    """

    country: str | None = None
    actor: str | None = None
    plover: str | None = None
    acled_type: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    place: str | None = None
    status: str | None = None
    q: str | None = None
    article_id: int | None = None

    def active(self) -> dict:
        return {k: v for k, v in asdict(self).items() if v not in (None, "")}

    @classmethod
    def names(cls) -> list[str]:
        return [f.name for f in fields(cls)]


def _where(f: EventFilter) -> list:
    # aliases: the map's query joins event_places and places itself, and an EXISTS over the same
    # tables would silently correlate with them
    ep, pl = event_places.alias("f_ep"), places.alias("f_pl")
    conds = []
    if f.country:
        code = f.country.strip().upper()
        in_country = sa.exists().where(ep.c.event_id == events.c.id, pl.c.id == ep.c.place_id, pl.c.country == code)
        conds.append(sa.or_(in_country, events.c.source_country == code, events.c.target_country == code))
    if f.actor:
        conds.append(sa.or_(events.c.source_name.icontains(f.actor, autoescape=True),
                            events.c.target_name.icontains(f.actor, autoescape=True)))
    if f.plover:
        conds.append(events.c.plover == f.plover.strip().upper())
    if f.acled_type:
        conds.append(events.c.acled_type == f.acled_type)
    if f.status:
        conds.append(events.c.status == f.status)
    if f.date_from:
        conds.append(events.c.date >= f.date_from)
    if f.date_to:
        # a bare date includes the whole day; '2025-10-17' < '2025-10-17T...' never arises (dates only)
        conds.append(events.c.date <= f.date_to)
    if f.place:
        conds.append(sa.exists().where(
            ep.c.event_id == events.c.id, pl.c.id == ep.c.place_id,
            sa.or_(pl.c.name.icontains(f.place, autoescape=True), pl.c.admin1.icontains(f.place, autoescape=True))))
    if f.q:
        conds.append(sa.or_(
            sa.exists().where(evidence.c.event_id == events.c.id,
                              evidence.c.text.icontains(f.q, autoescape=True)),
            articles.c.title.icontains(f.q, autoescape=True)))
    if f.article_id is not None:
        conds.append(events.c.article_id == f.article_id)
    return conds


# the event's main place: the first the report lists for it
_main_link = event_places.alias("main_link")
_main_place = places.alias("main_place")

EVENT_COLUMNS = [
    events.c.id, events.c.article_id, events.c.local_id, events.c.plover, events.c.mode, events.c.acled_type,
    events.c.acled_subtype, events.c.cameo, events.c.source_name, events.c.source_country,
    events.c.source_sector, events.c.target_name, events.c.target_country, events.c.target_sector,
    events.c.date, events.c.date_precision, events.c.killed, events.c.killed_qualifier, events.c.injured,
    events.c.injured_qualifier, events.c.status, events.c.intensity, events.c.confidence,
    articles.c.title.label("article_title"), articles.c.url.label("article_url"),
    articles.c.site.label("article_site"), articles.c.source.label("article_source"),
    _main_place.c.name.label("place"), _main_place.c.country.label("place_country"),
    _main_place.c.admin1.label("admin1"), _main_place.c.lat.label("lat"), _main_place.c.lon.label("lon"),
]


def _event_select(f: EventFilter):
    return (sa.select(*EVENT_COLUMNS)
            .select_from(events.join(articles, articles.c.id == events.c.article_id)
                         .outerjoin(_main_link, sa.and_(_main_link.c.event_id == events.c.id, _main_link.c.rank == 0))
                         .outerjoin(_main_place, _main_place.c.id == _main_link.c.place_id))
            .where(*_where(f)))


def _page(limit: int | None, offset: int | None) -> tuple[int, int]:
    limit = 50 if limit is None else max(0, min(int(limit), MAX_LIMIT))
    return limit, max(0, int(offset or 0))


def count_events(conn, f: EventFilter) -> int:
    stmt = (sa.select(sa.func.count()).select_from(events.join(articles, articles.c.id == events.c.article_id))
            .where(*_where(f)))
    return conn.scalar(stmt)


def list_events(conn, f: EventFilter, limit: int | None = 50, offset: int | None = 0, paged: bool = True) -> list[dict]:
    stmt = _event_select(f).order_by(events.c.date.desc().nulls_last(), events.c.id.desc())
    if paged:
        limit, offset = _page(limit, offset)
        stmt = stmt.limit(limit).offset(offset)
    rows = [dict(r._mapping) for r in conn.execute(stmt)]
    _attach_evidence(conn, rows)
    return rows


def _attach_evidence(conn, rows: list[dict]) -> None:
    ids = [r["id"] for r in rows]
    by_event: dict[int, list] = {i: [] for i in ids}
    for i in range(0, len(ids), 500):
        stmt = (sa.select(evidence.c.event_id, evidence.c.start, evidence.c.end, evidence.c.text)
                .where(evidence.c.event_id.in_(ids[i:i + 500])).order_by(evidence.c.event_id, evidence.c.start))
        for ev in conn.execute(stmt):
            by_event[ev.event_id].append({"start": ev.start, "end": ev.end, "text": ev.text})
    for r in rows:
        r["evidence"] = by_event.get(r["id"], [])


def event_places_rows(conn, f: EventFilter) -> list[dict]:
    """One row per (event, place with coordinates), for the map and GeoJSON."""
    stmt = (sa.select(events.c.id.label("event_id"), events.c.article_id, events.c.plover, events.c.acled_type,
                      events.c.acled_subtype, events.c.status, events.c.date, events.c.killed,
                      events.c.source_name, events.c.target_name, events.c.intensity,
                      articles.c.title.label("article_title"), places.c.name.label("place"), places.c.country,
                      places.c.admin1, places.c.feature, places.c.lat, places.c.lon, event_places.c.rank)
            .select_from(events.join(articles, articles.c.id == events.c.article_id)
                         .join(event_places, event_places.c.event_id == events.c.id)
                         .join(places, places.c.id == event_places.c.place_id))
            .where(places.c.lat.is_not(None), places.c.lon.is_not(None), *_where(f))
            .order_by(events.c.id, event_places.c.rank))
    return [dict(r._mapping) for r in conn.execute(stmt)]


def list_articles(conn, q: str | None = None, limit: int | None = 50, offset: int | None = 0) -> tuple[int, list]:
    n_events = (sa.select(sa.func.count()).where(events.c.article_id == articles.c.id)
                .correlate(articles).scalar_subquery())
    conds = []
    if q:
        conds.append(sa.or_(articles.c.title.icontains(q, autoescape=True),
                            articles.c.doc_id.icontains(q, autoescape=True)))
    total = conn.scalar(sa.select(sa.func.count()).select_from(articles).where(*conds))
    limit, offset = _page(limit, offset)
    stmt = (sa.select(articles.c.id, articles.c.doc_id, articles.c.title, articles.c.url, articles.c.published,
                      articles.c.site, articles.c.source, articles.c.words, articles.c.content_hash,
                      articles.c.ingested_at, n_events.label("n_events"))
            .where(*conds).order_by(articles.c.published.desc().nulls_last(), articles.c.id.desc())
            .limit(limit).offset(offset))
    return total, [dict(r._mapping) for r in conn.execute(stmt)]


def get_article(conn, article_id: int) -> dict | None:
    row = conn.execute(sa.select(articles).where(articles.c.id == article_id)).first()
    return None if row is None else dict(row._mapping)


def dyad_series(conn, a: str, b: str, directed: bool = False, date_from: str | None = None,
                date_to: str | None = None) -> list[dict]:
    """Daily counts by PLOVER type and mean intensity of events between countries a and b."""
    a, b = a.strip().upper(), b.strip().upper()
    pair = sa.and_(events.c.source_country == a, events.c.target_country == b)
    if not directed:
        pair = sa.or_(pair, sa.and_(events.c.source_country == b, events.c.target_country == a))
    conds = [pair, events.c.date.is_not(None)]
    if date_from:
        conds.append(events.c.date >= date_from)
    if date_to:
        conds.append(events.c.date <= date_to)
    stmt = (sa.select(events.c.date, events.c.plover, sa.func.count().label("n"),
                      sa.func.sum(events.c.intensity).label("isum"),
                      sa.func.count(events.c.intensity).label("icount"))
            .where(*conds).group_by(events.c.date, events.c.plover).order_by(events.c.date))
    days: dict[str, dict] = {}
    for r in conn.execute(stmt):
        d = days.setdefault(r.date, {"date": r.date, "count": 0, "by_type": {}, "_isum": 0.0, "_icount": 0})
        d["count"] += r.n
        d["by_type"][r.plover or "UNKNOWN"] = r.n
        d["_isum"] += float(r.isum or 0)
        d["_icount"] += r.icount
    out = []
    for d in days.values():
        isum, icount = d.pop("_isum"), d.pop("_icount")
        d["mean_intensity"] = round(isum / icount, 2) if icount else None
        d["intensity_count"] = icount  # events the mean is over: a month's mean weights its days by it
        out.append(d)
    return out


def facets(conn) -> dict:
    """Distinct values for the filter menus."""
    def distinct(col):
        return [v for v in conn.scalars(sa.select(col).distinct().where(col.is_not(None)).order_by(col))]

    countries = sorted(set(distinct(places.c.country)) | set(distinct(events.c.source_country))
                       | set(distinct(events.c.target_country)))
    return {"plover": distinct(events.c.plover), "acled_type": distinct(events.c.acled_type),
            "status": distinct(events.c.status), "country": countries}


def stats(conn) -> dict:
    def n(t):
        return conn.scalar(sa.select(sa.func.count()).select_from(t))

    return {"articles": n(articles), "events": n(events), "actors": n(actors), "quotes": n(quotes_t),
            "places": n(places), "claims": n(claims), "ingest_errors": n(ingest_errors)}


def list_errors(conn, limit: int = 100) -> list[dict]:
    stmt = sa.select(ingest_errors).order_by(ingest_errors.c.at.desc()).limit(limit)
    return [dict(r._mapping) for r in conn.execute(stmt)]


def top_dyads(conn, limit: int = 10) -> list[dict]:
    """The country pairs with the most dated events between them (either direction): what the timeline shows."""
    lo = sa.case((events.c.source_country < events.c.target_country, events.c.source_country),
                 else_=events.c.target_country)
    hi = sa.case((events.c.source_country < events.c.target_country, events.c.target_country),
                 else_=events.c.source_country)
    stmt = (sa.select(lo.label("a"), hi.label("b"), sa.func.count().label("n"))
            .where(events.c.source_country.is_not(None), events.c.target_country.is_not(None),
                   events.c.source_country != events.c.target_country, events.c.date.is_not(None))
            .group_by(lo, hi).order_by(sa.func.count().desc(), lo, hi).limit(limit))
    return [dict(r._mapping) for r in conn.execute(stmt)]
