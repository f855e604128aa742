"""The pages in a real browser: Playwright for Python driving Debian's chromium (never a downloaded one).

Skipped with a reason when playwright or /usr/bin/chromium is missing (`.ci/run` installs both).
Screenshots go to $DYAD_SCREENSHOTS (or a temporary folder) — look at them after a change to the pages.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest
from dbfixtures import fill, make_pg_database, pg_url_or_skip, synthetic_reports

CHROMIUM = os.environ.get("DYAD_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]
SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        pytest.skip(f"{CHROMIUM} not found: apt-get install chromium (.ci/run does)")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def site(request, tmp_path_factory):
    """A live `dyad serve` (uvicorn in a thread) over a store with the synthetic reports and the samples."""
    import uvicorn

    from dyad.ingest import ingest
    from dyad.store import open_store
    from dyad.web.app import create_app

    drop = None
    if request.param == "sqlite":
        store = open_store(str(tmp_path_factory.mktemp("browser") / "b.db"))
    else:
        url, drop = make_pg_database(pg_url_or_skip())
        store = open_store(url)
    fill(store, synthetic_reports())
    summary = ingest(store, [str(SAMPLES)])
    assert summary.failed == 0
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not server.started and time.time() < deadline:
        time.sleep(0.05)
    shots = Path(os.environ.get("DYAD_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    shots.mkdir(parents=True, exist_ok=True)
    yield {"base": f"http://127.0.0.1:{port}", "db": request.param, "shots": shots, "store": store}
    server.should_exit = True
    thread.join(10)
    store.close()
    if drop:
        drop()


@pytest.fixture
def page(browser, site):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    errors = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.errors = errors
    yield pg
    context.close()


def shot(page, site, name):
    page.screenshot(path=str(site["shots"] / f"{site['db']}-{name}.png"), full_page=True)


def test_events_filter_then_article_with_highlights(page, site):
    page.goto(site["base"] + "/")
    rows = page.locator("table.events tbody tr")
    assert rows.count() >= 5
    shot(page, site, "events")
    page.select_option("select[name=country]", "AF")
    page.select_option("select[name=plover]", "ASSAULT")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/events?*country=AF*")
    assert rows.count() == 1
    assert "Pakistani jets" in rows.first.inner_text()
    shot(page, site, "events-filtered")
    rows.first.locator("td.evidence a").click()
    page.wait_for_url("**/articles/*")
    assert page.locator("h1").first.inner_text() == "Strikes in Paktika"
    for kind in ("evidence", "quote", "place", "speaker"):
        assert page.locator(f"#article-text mark.hl-{kind}").count() > 0, kind
    ev = page.locator("#ev-e1")
    assert ev.is_visible()
    # the stylesheet is applied: evidence is shaded
    assert ev.evaluate("e => getComputedStyle(e).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")
    assert page.locator("aside.report .event").count() == 2
    shot(page, site, "article")
    assert page.errors == []


def test_a_real_sample_article(page, site):
    page.goto(site["base"] + "/articles?q=Kashmir")
    page.locator("table.grid a").first.click()
    page.wait_for_url("**/articles/*")
    assert page.locator("#article-text mark").count() > 5
    assert "Discover" not in page.locator("#article-text").inner_text()
    shot(page, site, "sample-article")


def test_map_renders(page, site):
    page.goto(site["base"] + "/map")
    assert page.locator("svg#map .land path").count() > 150
    dots = page.locator("svg#map circle.event-dot")
    assert dots.count() >= 3
    box = page.locator("svg#map").bounding_box()
    assert box["width"] > 800 and box["height"] > 300
    assert dots.first.bounding_box()["width"] > 2
    shot(page, site, "map")
    page.goto(site["base"] + "/map?country=KE")
    assert page.locator("svg#map circle.event-dot").count() >= 2
    shot(page, site, "map-kenya")


def test_dyad_timeline_renders(page, site):
    page.goto(site["base"] + "/dyads?a=PK&b=AF")
    assert page.locator("svg#timeline rect.bar").count() >= 2
    assert page.locator("svg#timeline circle.intensity-dot").count() >= 2
    shot(page, site, "dyads")


def test_markup_in_an_article_shows_as_text(page, site):
    page.goto(site["base"] + "/articles?q=Garissa")
    page.locator("table.grid a").first.click()
    page.wait_for_url("**/articles/*")
    text = page.locator("#article-text").inner_text()
    assert "<script>document.title='pwned'</script>" in text
    assert "<img src=x onerror=" in text
    assert page.locator("#article-text img").count() == 0 and page.locator("#article-text script").count() == 0
    assert "pwned" not in page.title()
    assert page.evaluate("() => document.body.dataset.pwned") is None
    assert "<script>alert(1)</script>" in page.locator("h1").first.inner_text()
    shot(page, site, "hostile")
    assert page.errors == []


def test_api_in_the_browser(page, site):
    page.goto(site["base"] + "/api")
    assert page.locator("section.op").count() >= 7
    body = page.goto(site["base"] + "/api/events?country=AF").json()
    assert body["total"] >= 2
