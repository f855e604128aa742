"""The JSON API against SQLite and a real PostgreSQL (skipped with a reason when none is set up)."""

from __future__ import annotations

import csv
import io

from dyad.export import ACLED_COLUMNS


def test_articles_list_and_detail(client):
    body = client.get("/api/articles").json()
    assert body["total"] == 3
    assert [a["title"] for a in body["items"]][0] == "Kenya and Somalia agree to share intelligence"  # newest first
    page = client.get("/api/articles", params={"limit": 1, "offset": 1}).json()
    assert page["limit"] == 1 and len(page["items"]) == 1
    strike = next(a for a in body["items"] if a["title"] == "Strikes in Paktika")
    detail = client.get(f"/api/articles/{strike['id']}").json()
    assert detail["report"]["schema"] == "dyad.report/1"
    assert list(detail["report"])[:4] == ["schema", "doc_id", "title", "url"]  # SPEC order, on every database
    assert detail["report"]["events"][0]["casualties"]["killed"] == 10
    assert len(detail["content_hash"]) == 64
    assert client.get("/api/articles/999999").status_code == 404


def _events(client, **params):
    r = client.get("/api/events", params=params)
    assert r.status_code == 200, r.text
    return r.json()


def test_event_filters(client):
    assert _events(client)["total"] == 4
    assert {e["plover"] for e in _events(client, country="af")["items"]} == {"ASSAULT", "ACCUSE"}
    assert _events(client, country="SO")["total"] == 1  # the target's country counts too
    assert _events(client, actor="taliban")["total"] == 1
    assert _events(client, plover="ASSAULT")["total"] == 2
    assert _events(client, acled_type="Explosions/Remote violence")["items"][0]["acled_subtype"] == "Air/drone strike"
    assert _events(client, status="contested")["total"] == 1
    assert _events(client, place="paktika")["total"] == 1
    assert _events(client, q="intelligence")["total"] == 1          # in the evidence
    assert _events(client, q="garissa attack")["total"] == 1         # in the title
    # an event with no date of its own takes the article's published date
    assert _events(client, date_from="2026-11-24", date_to="2026-11-25")["total"] == 2
    assert _events(client, date_to="2026-11-23")["total"] == 2
    assert client.get("/api/events", params={"date_from": "yesterday"}).status_code == 422


def test_event_rows_carry_place_and_evidence(client):
    e = _events(client, plover="ASSAULT", country="AF")["items"][0]
    assert (e["place"], e["place_country"], e["lat"], e["lon"]) == ("Paktika", "AF", 32.5, 68.8)
    assert e["evidence"][0]["text"].startswith("Pakistani jets struck")
    assert e["killed"] == 10 and e["killed_qualifier"] == "at least"


def test_pagination(client):
    first = _events(client, limit=2)
    second = _events(client, limit=2, offset=2)
    assert first["total"] == second["total"] == 4
    ids = [e["id"] for e in first["items"] + second["items"]]
    assert len(set(ids)) == 4
    assert client.get("/api/events", params={"limit": 100000}).status_code == 422


def test_values_are_bound_not_spliced(client):
    assert _events(client, q="' OR 1=1 --")["total"] == 0
    assert _events(client, actor="%")["total"] == 0  # LIKE wildcards are literal
    assert _events(client, country="AF' OR '1'='1")["total"] == 0


def test_dyads(client):
    body = client.get("/api/dyads", params={"a": "pk", "b": "af"}).json()
    assert body["total"] == 2
    days = {d["date"]: d for d in body["days"]}
    assert days["2026-11-23"]["by_type"] == {"ASSAULT": 1}
    assert days["2026-11-23"]["mean_intensity"] == -10.0
    assert days["2026-11-23"]["intensity_count"] >= 1
    assert days["2026-11-24"]["by_type"] == {"ACCUSE": 1}
    directed = client.get("/api/dyads", params={"a": "PK", "b": "AF", "directed": True}).json()
    assert directed["total"] == 1


def test_geojson(client):
    r = client.get("/api/events.geojson", params={"country": "KE"})
    assert r.headers["content-type"].startswith("application/geo+json")
    feats = r.json()["features"]
    assert {f["properties"]["place"] for f in feats} == {"Nairobi", "Garissa"}
    assert all(f["geometry"]["type"] == "Point" for f in feats)
    nairobi = next(f for f in feats if f["properties"]["place"] == "Nairobi")
    assert nairobi["geometry"]["coordinates"] == [36.82, -1.28]


def test_export_csv_has_acled_columns(client):
    r = client.get("/api/export.csv", params={"plover": "ASSAULT"})
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert list(rows[0].keys())[:len(ACLED_COLUMNS)] == ACLED_COLUMNS
    strike = next(row for row in rows if row["sub_event_type"] == "Air/drone strike")
    assert strike["country"] == "Afghanistan" and strike["admin1"] == "Paktika"
    assert strike["fatalities"] == "10" and strike["event_date"] == "2026-11-23"
    assert strike["actor1"] == "Pakistani jets" and strike["source"] == "Example News"


def test_export_parquet(client):
    import pyarrow.parquet as pq

    r = client.get("/api/export.parquet")
    table = pq.read_table(io.BytesIO(r.content))
    assert table.num_rows == 4
    assert table.column_names[:len(ACLED_COLUMNS)] == ACLED_COLUMNS
    assert str(table.schema.field("latitude").type) == "double"


def test_openapi_and_its_page(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/dyads", "/api/export.csv", "/api/events.geojson"} <= set(spec["paths"])
    page = client.get("/api")
    assert page.status_code == 200 and "/api/dyads" in page.text and "date_from" in page.text
