"""Databases for store/web tests: a SQLite file per test, and a fresh PostgreSQL database when
DYAD_TEST_PG_URL names a server (`.ci/run` starts one); reports made with the real models."""

from __future__ import annotations

import os
import uuid

import pytest

PG_ENV = "DYAD_TEST_PG_URL"
PG_SKIP = f"{PG_ENV} is unset: no PostgreSQL server to test against (.ci/run starts one and sets it)"

# An article whose text carries markup: pages must show it as text, never run or render it.
HOSTILE_TEXT = ("Militants attacked a police post in Garissa, Kenya, on Monday, killing three officers, police said. "
                "<script>document.title='pwned'</script> The attackers left a note reading "
                "<img src=x onerror=\"document.body.dataset.pwned=1\"> near the gate. "
                "\"We will hunt them down,\" county commissioner Amina Yusuf said.")


def pg_url_or_skip() -> str:
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(PG_SKIP)
    return url


def make_pg_database(server_url: str) -> tuple[str, callable]:
    """CREATE DATABASE dyad_test_<random> on the server; returns its URL and a dropper."""
    import sqlalchemy as sa

    from dyad.store import normalise_url

    server_url = normalise_url(server_url)
    name = f"dyad_test_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = sa.engine.make_url(server_url).set(database=name).render_as_string(hide_password=False)

    def drop():
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()

    return url, drop


def report(doc_id: str, text: str, **fields) -> dict:
    """A report as the extractor writes it (validated by the pydantic model)."""
    from dyad.report import Report

    return Report(doc_id=doc_id, text=text, **fields).model_dump(by_alias=True)


def synthetic_reports() -> list[dict]:
    """Two small, fully specified reports: exact values for the filter and dyad tests."""
    t1 = ("Pakistani jets struck targets in Paktika province on Monday, killing at least 10 civilians, "
          "Afghan officials said. \"This is a direct assault on our sovereignty,\" a Taliban spokesman said. "
          "Pakistan denied the strikes.")
    s_strike = t1.index("Pakistani jets")
    e_strike = t1.index("said.") + 5
    q_start = t1.index("\"This")
    q_end = t1.index("sovereignty,\"") + len("sovereignty,\"")
    paktika = t1.index("Paktika")
    r1 = report(
        "strike", t1, title="Strikes in Paktika", published="2026-11-24", url="https://example.org/news/strike",
        site="Example News",
        actors=[{"id": "a1", "name": "Pakistani jets", "kind": "group", "country": "PK", "sector": "MIL",
                 "mentions": [[s_strike, s_strike + 14]]},
                {"id": "a2", "name": "Taliban", "kind": "organization", "country": "AF", "sector": "GOV",
                 "mentions": [[t1.index("Taliban"), t1.index("Taliban") + 7]]}],
        quotes=[{"id": "q1", "text": t1[q_start + 1:q_end - 2], "start": q_start, "end": q_end, "kind": "direct",
                 "speaker": "Taliban", "speaker_actor": "a2", "cue": "said"}],
        places=[{"id": "p1", "name": "Paktika", "start": paktika, "end": paktika + 7, "feature": "admin1",
                 "country": "AF", "admin1": "Paktika", "iso3166_2": "AF-PKA", "lat": 32.5, "lon": 68.8}],
        events=[{"id": "e1", "plover": "ASSAULT", "mode": "aerial", "acled_type": "Explosions/Remote violence",
                 "acled_subtype": "Air/drone strike", "cameo": "195",
                 "source": {"actor": "a1", "name": "Pakistani jets", "country": "PK", "sector": "MIL"},
                 "target": {"name": "civilians", "country": "AF", "sector": "CVL"}, "places": ["p1"],
                 "date": "2026-11-23", "date_precision": "day",
                 "casualties": {"killed": 10, "killed_qualifier": "at least"}, "status": "contested",
                 "claims": [{"actor": "a2", "stance": "condemn", "quote": "q1"}], "intensity": -10.0,
                 "evidence": [{"start": s_strike, "end": e_strike}], "confidence": 0.9},
                {"id": "e2", "plover": "ACCUSE", "source": {"actor": "a2", "name": "Taliban", "country": "AF"},
                 "target": {"name": "Pakistan", "country": "PK"}, "date": "2026-11-24", "status": "reported",
                 "intensity": -2.0, "evidence": [{"start": q_start, "end": q_end}]}],
    )
    t2 = ("Kenyan and Somali officials agreed in Nairobi on Tuesday to share intelligence on al-Shabaab, "
          "the two governments said.")
    nairobi = t2.index("Nairobi")
    r2 = report(
        "pact", t2, title="Kenya and Somalia agree to share intelligence", published="2026-11-25",
        places=[{"id": "p1", "name": "Nairobi", "start": nairobi, "end": nairobi + 7, "feature": "city",
                 "country": "KE", "admin1": "Nairobi Area", "lat": -1.28, "lon": 36.82}],
        events=[{"id": "e1", "plover": "AGREE", "acled_type": "Strategic developments", "acled_subtype": "Agreement",
                 "source": {"name": "Kenyan officials", "country": "KE", "sector": "GOV"},
                 "target": {"name": "Somali officials", "country": "SO", "sector": "GOV"}, "places": ["p1"],
                 "date": None, "status": "reported", "intensity": 5.0,
                 "evidence": [{"start": 0, "end": len(t2)}]}],
    )
    hostile_place = HOSTILE_TEXT.index("Garissa")
    r3 = report(
        "hostile", HOSTILE_TEXT, title="<script>alert(1)</script> Garissa attack", published="2026-11-20",
        places=[{"id": "p1", "name": "Garissa", "start": hostile_place, "end": hostile_place + 7, "feature": "city",
                 "country": "KE", "lat": -0.45, "lon": 39.65}],
        quotes=[{"id": "q1", "text": "We will hunt them down,", "start": HOSTILE_TEXT.index("\"We"),
                 "end": HOSTILE_TEXT.index("down,\"") + 6, "kind": "direct", "speaker": "Amina Yusuf"}],
        events=[{"id": "e1", "plover": "ASSAULT", "acled_type": "Battles", "acled_subtype": "Armed clash",
                 "source": {"name": "Militants", "sector": "REB"}, "target": {"name": "police", "country": "KE"},
                 "places": ["p1"], "date": "2026-11-16", "casualties": {"killed": 3},
                 "evidence": [{"start": 0, "end": HOSTILE_TEXT.index("said.") + 5}]}],
    )
    return [r1, r2, r3]


def fill(store, reports: list[dict]) -> list[int]:
    from dyad.ingest import content_hash
    from dyad.store.store import Item

    items = [Item(content_hash({"text": r["text"], "title": r.get("title")}), f"test:{r['doc_id']}", report=r)
             for r in reports]
    return store.save_batch(items).saved
