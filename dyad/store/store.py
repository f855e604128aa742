"""Writing to the store: one report becomes an article row plus its actors, quotes, places, events.

Ingest calls `save_batch` once per batch of extracted articles; the whole batch is one
transaction, so a run killed at any moment leaves every article either fully stored or absent,
and the next run skips the hashes already there (`known_hashes`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from dyad.store import queries
from dyad.store.schema import actors, articles, claims, event_places, events, evidence, ingest_errors, places
from dyad.store.schema import quotes as quotes_t


@dataclass
class Item:
    """One ingested input: its hash, where it came from, and either its report or an error."""

    content_hash: str | None
    source: str | None
    report: dict | None = None  # SPEC JSON (Report.model_dump(by_alias=True))
    doc_id: str | None = None
    error_code: str | None = None
    error_message: str | None = None

    @property
    def failed(self) -> bool:
        return self.report is None or bool(self.report.get("error"))


@dataclass
class SaveResult:
    saved: list[int] = field(default_factory=list)  # article ids
    duplicates: int = 0
    failed: int = 0


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Store:
    def __init__(self, engine: Engine):
        self.engine = engine

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()

    # --- ingest -----------------------------------------------------------------------------

    def known_hashes(self, hashes: list[str]) -> tuple[set[str], set[str]]:
        """Of `hashes`, those already stored as articles and those that failed before."""
        stored: set[str] = set()
        failed: set[str] = set()
        uniq = sorted(set(hashes))
        with self.engine.connect() as conn:
            for i in range(0, len(uniq), 500):  # keep the bound-parameter list short
                chunk = uniq[i:i + 500]
                stored |= set(conn.scalars(sa.select(articles.c.content_hash)
                                           .where(articles.c.content_hash.in_(chunk))))
                failed |= set(conn.scalars(sa.select(ingest_errors.c.content_hash)
                                           .where(ingest_errors.c.content_hash.in_(chunk))))
        return stored, failed

    def save_batch(self, items: list[Item]) -> SaveResult:
        """Store a batch in one transaction; hashes already present (another run) count as duplicates."""
        result = SaveResult()
        with self.engine.begin() as conn:
            hashes = [it.content_hash for it in items if it.content_hash]
            present = set()
            if hashes:
                present = set(conn.scalars(sa.select(articles.c.content_hash)
                                           .where(articles.c.content_hash.in_(hashes))))
            for it in items:
                if it.content_hash and it.content_hash in present:
                    result.duplicates += 1
                    continue
                if it.failed:
                    self._save_error(conn, it)
                    result.failed += 1
                    continue
                # a retried failure that now succeeds leaves no error behind
                if it.content_hash:
                    conn.execute(sa.delete(ingest_errors).where(ingest_errors.c.content_hash == it.content_hash))
                result.saved.append(self._save_report(conn, it))
                present.add(it.content_hash)
        return result

    def record_error(self, item: Item) -> None:
        with self.engine.begin() as conn:
            self._save_error(conn, item)

    def _save_error(self, conn, it: Item) -> None:
        err = (it.report or {}).get("error") or {}
        code = it.error_code or err.get("code") or "error"
        message = it.error_message or err.get("message") or ""
        values = {"doc_id": it.doc_id or (it.report or {}).get("doc_id"), "source": it.source, "code": code,
                  "message": message[:5000], "at": _now()}
        # an input with no content to hash (a missing file, a line that is not JSON) is keyed by where it
        # is and what went wrong, so running the same input again updates its row instead of adding one
        key = it.content_hash or hashlib.sha256(f"error\n{it.source}\n{code}\n{message}".encode()).hexdigest()
        done = conn.execute(sa.update(ingest_errors).where(ingest_errors.c.content_hash == key)
                            .values(**values)).rowcount
        if not done:
            conn.execute(sa.insert(ingest_errors).values(content_hash=key, **values))

    def _save_report(self, conn, it: Item) -> int:
        r = it.report
        text = r.get("text") or ""
        article_id = conn.execute(sa.insert(articles).values(
            content_hash=it.content_hash, doc_id=r.get("doc_id") or it.doc_id, source=it.source,
            url=r.get("url"), title=r.get("title"), published=r.get("published"), site=r.get("site"),
            text=text, report=r, words=len(text.split()), ingested_at=_now(),
        ).returning(articles.c.id)).scalar_one()
        names = {}
        if r.get("actors"):
            conn.execute(sa.insert(actors), [
                {"article_id": article_id, "local_id": a["id"], "name": a["name"], "kind": a.get("kind"),
                 "role": a.get("role"), "country": a.get("country"), "sector": a.get("sector"),
                 "mentions": len(a.get("mentions") or [])} for a in r["actors"]])
            names = {a["id"]: a["name"] for a in r["actors"]}
        if r.get("quotes"):
            conn.execute(sa.insert(quotes_t), [
                {"article_id": article_id, "local_id": q["id"], "text": q["text"], "start": q["start"],
                 "end": q["end"], "kind": q.get("kind"), "speaker": q.get("speaker"),
                 "speaker_actor": q.get("speaker_actor"), "cue": q.get("cue")} for q in r["quotes"]])
        place_ids = {}
        for p in r.get("places") or []:
            place_ids[p["id"]] = conn.execute(sa.insert(places).values(
                article_id=article_id, local_id=p["id"], name=p["name"], start=p["start"], end=p["end"],
                feature=p.get("feature"), country=p.get("country"), admin1=p.get("admin1"),
                iso3166_2=p.get("iso3166_2"), lat=p.get("lat"), lon=p.get("lon"), geonameid=p.get("geonameid"),
            ).returning(places.c.id)).scalar_one()
        for rank, e in enumerate(r.get("events") or []):
            src, tgt = e.get("source") or {}, e.get("target") or {}
            cas = e.get("casualties") or {}
            event_id = conn.execute(sa.insert(events).values(
                article_id=article_id, local_id=e["id"], rank=rank, plover=e.get("plover"), mode=e.get("mode"),
                acled_type=e.get("acled_type"), acled_subtype=e.get("acled_subtype"), cameo=e.get("cameo"),
                source_actor=src.get("actor"), source_name=src.get("name"), source_country=src.get("country"),
                source_sector=src.get("sector"), target_actor=tgt.get("actor"), target_name=tgt.get("name"),
                target_country=tgt.get("country"), target_sector=tgt.get("sector"),
                date=e.get("date") or r.get("published"),
                date_precision=e.get("date_precision") if e.get("date") else None,
                killed=cas.get("killed"), killed_qualifier=cas.get("killed_qualifier"), injured=cas.get("injured"),
                injured_qualifier=cas.get("injured_qualifier"), status=e.get("status"),
                intensity=e.get("intensity"), confidence=e.get("confidence"),
            ).returning(events.c.id)).scalar_one()
            links = [{"event_id": event_id, "place_id": place_ids[pid], "rank": i}
                     for i, pid in enumerate(dict.fromkeys(e.get("places") or [])) if pid in place_ids]
            if links:
                conn.execute(sa.insert(event_places), links)
            if e.get("claims"):
                conn.execute(sa.insert(claims), [
                    {"event_id": event_id, "actor": c.get("actor"), "actor_name": names.get(c.get("actor")),
                     "stance": c["stance"], "quote": c.get("quote")} for c in e["claims"]])
            if e.get("evidence"):
                conn.execute(sa.insert(evidence), [
                    {"event_id": event_id, "start": s["start"], "end": s["end"], "text": text[s["start"]:s["end"]]}
                    for s in e["evidence"]])
        return article_id

    # --- reading (the queries live in queries.py) ----------------------------------------------

    def _read(self, fn, *args, **kwargs):
        with self.engine.connect() as conn:
            return fn(conn, *args, **kwargs)

    def events(self, f: queries.EventFilter, limit: int | None = 50, offset: int | None = 0,
               paged: bool = True) -> list[dict]:
        return self._read(queries.list_events, f, limit, offset, paged)

    def count_events(self, f: queries.EventFilter) -> int:
        return self._read(queries.count_events, f)

    def event_places(self, f: queries.EventFilter) -> list[dict]:
        return self._read(queries.event_places_rows, f)

    def articles(self, q: str | None = None, limit: int | None = 50, offset: int | None = 0):
        return self._read(queries.list_articles, q, limit, offset)

    def article(self, article_id: int) -> dict | None:
        return self._read(queries.get_article, article_id)

    def dyad(self, a: str, b: str, **kwargs) -> list[dict]:
        return self._read(queries.dyad_series, a, b, **kwargs)

    def top_dyads(self, limit: int = 10) -> list[dict]:
        return self._read(queries.top_dyads, limit)

    def facets(self) -> dict:
        return self._read(queries.facets)

    def stats(self) -> dict:
        return self._read(queries.stats)

    def errors(self, limit: int = 100) -> list[dict]:
        return self._read(queries.list_errors, limit)
