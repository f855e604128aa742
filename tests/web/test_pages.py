"""Server-rendered pages: filters, the article with highlights, map, timeline; untrusted text escaped."""

from __future__ import annotations

from dyad.web.highlight import Span, highlight


def _article_id(client, title_part):
    items = client.get("/api/articles", params={"q": title_part}).json()["items"]
    return items[0]["id"]


def test_events_page_filters(client):
    page = client.get("/events", params={"country": "AF", "plover": "", "date_from": ""})
    assert page.status_code == 200
    assert "Pakistani jets" in page.text and "Kenyan officials" not in page.text
    assert client.get("/").status_code == 200


def test_article_page_highlights_and_escapes(client):
    aid = _article_id(client, "Paktika")
    html = client.get(f"/articles/{aid}").text
    assert 'class="hl hl-evidence' in html and "hl-quote" in html and "hl-place" in html and "hl-speaker" in html
    assert 'id="ev-e1"' in html

    hostile = client.get(f"/articles/{_article_id(client, 'Garissa')}")
    text = hostile.text
    assert "<script>document.title" not in text and "<img src=x" not in text
    assert "&lt;script&gt;document.title" in text and "&lt;img src=x onerror=" in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Garissa attack" in text  # the title too
    assert "script-src" not in hostile.headers["content-security-policy"]  # default-src 'none' covers scripts
    assert "default-src 'none'" in hostile.headers["content-security-policy"]


def test_map_and_timeline_render(client):
    m = client.get("/map").text
    assert m.count("<path d=") > 150 and m.count('class="event-dot"') == 3
    t = client.get("/dyads", params={"a": "AF", "b": "PK"}).text
    assert 'id="timeline"' in t and t.count('class="bar"') == 2
    assert client.get("/dyads").status_code == 200  # picks the busiest pair


def test_articles_page(client):
    r = client.get("/articles", params={"q": "Kenya"})
    assert r.status_code == 200 and "Kenya and Somalia agree" in r.text


def test_highlight_escapes_every_piece():
    text = "<b>Kabul</b> & \"Paktika\""
    spans = [Span(3, 8, "place", "p1", "p1: <Kabul>"), Span(0, len(text), "evidence", "e1", "e1")]
    html = str(highlight(text, spans))
    assert "<b>" not in html and "&lt;b&gt;" in html and "&amp;" in html
    assert 'title="p1: &lt;Kabul&gt;' in html
    assert html.count("<mark") == 3  # before, inside and after the nested place


def test_highlight_overlaps_and_bounds():
    text = "abcdef"
    spans = [Span(0, 4, "quote", "q1", "q"), Span(2, 6, "place", "p1", "p"), Span(5, 99, "actor", "a1", "x")]
    html = str(highlight(text, spans))
    # the out-of-range span is still cut safely (report_spans drops such spans before this)
    assert "ab" in html and "hl-place hl-quote" in html


def test_only_web_urls_become_links(tmp_path):
    from dbfixtures import fill, report
    from fastapi.testclient import TestClient

    from dyad.store import open_store
    from dyad.web.app import create_app

    store = open_store(str(tmp_path / "u.db"))
    fill(store, [report("js", "Police said an attack took place in Garissa on Monday.", title="JS link",
                        url="javascript:alert(1)")])
    with TestClient(create_app(store)) as c:
        aid = c.get("/api/articles").json()["items"][0]["id"]
        html = c.get(f"/articles/{aid}").text
    assert 'href="javascript:' not in html and "javascript:alert(1)" in html


def test_timeline_bins_months_over_long_spans():
    from dyad.web.charts import timeline

    days = [{"date": "2025-01-05", "count": 2, "by_type": {"ASSAULT": 2}, "mean_intensity": -8.0},
            {"date": "2025-01-20", "count": 1, "by_type": {"AGREE": 1}, "mean_intensity": 4.0},
            {"date": "2025-09-01", "count": 1, "by_type": {"ASSAULT": 1}, "mean_intensity": None}]
    chart = timeline(days)
    assert chart["unit"] == "month" and len(chart["bars"]) == 3 and len(chart["dots"]) == 1
    assert chart["dots"][0]["title"] == "2025-01: mean intensity -4.0"
    assert timeline(days[:2])["unit"] == "day"


def test_monthly_mean_intensity_counts_only_events_that_have_one():
    """A day with three events of which one has an intensity weighs once in its month's mean, as in its own."""
    from dyad.web.charts import timeline

    days = [{"date": "2025-01-05", "count": 3, "by_type": {"ASSAULT": 1, "UNKNOWN": 2}, "mean_intensity": -10.0,
             "intensity_count": 1},
            {"date": "2025-01-20", "count": 1, "by_type": {"AGREE": 1}, "mean_intensity": 4.0, "intensity_count": 1},
            {"date": "2025-09-01", "count": 1, "by_type": {"ASSAULT": 1}, "mean_intensity": None, "intensity_count": 0}]
    assert timeline(days)["dots"][0]["title"] == "2025-01: mean intensity -3.0"


def test_markup_in_a_real_ingested_text_stays_text(tmp_path):
    """Through the real extractor: a plain-text article carrying tags keeps them as text on its page."""
    from dbfixtures import HOSTILE_TEXT
    from fastapi.testclient import TestClient

    from dyad.ingest import ingest
    from dyad.store import open_store
    from dyad.web.app import create_app

    (tmp_path / "hostile.txt").write_text("Police post attacked in Garissa\n\n" + HOSTILE_TEXT, encoding="utf-8")
    store = open_store(str(tmp_path / "h.db"))
    assert ingest(store, [str(tmp_path / "hostile.txt")]).ingested == 1
    with TestClient(create_app(store)) as c:
        aid = c.get("/api/articles").json()["items"][0]["id"]
        assert "<script>" in c.get(f"/api/articles/{aid}").json()["text"]
        html = c.get(f"/articles/{aid}").text
    assert "<script>document" not in html and "&lt;script&gt;document.title" in html
    assert "<img src=x" not in html and "&lt;img src=x onerror=" in html
