"""`dyad ingest`: every kind of source, idempotence, resuming after a crash, failures with reasons.

These run the real extractor on short articles written for the tests (a few seconds in all).
"""

from __future__ import annotations

import gzip
import io
import json

import pytest

from dyad.ingest import count_records, ingest, iter_records
from dyad.store import open_store

TOWNS = ["Mandera", "Garissa", "Wajir", "Lamu", "Kismayo", "Baidoa", "Beledweyne", "Dhusamareb", "Galkayo",
         "Bosaso", "Hargeisa", "Berbera", "Marsabit", "Moyale", "Isiolo", "Lodwar"]


def article(i: int, words: int = 60) -> str:
    """A short wire-style conflict report; `i` makes each one distinct."""
    town = TOWNS[i % len(TOWNS)]
    body = (f"Gunmen attacked a police post in {town} on Monday, killing {i + 2} officers and wounding "
            f"{i + 1} others, police said. \"The attackers fled towards the border,\" regional commissioner "
            f"John Otieno said in {town}. Security forces launched an operation to find them, officials said. ")
    filler = " ".join(f"Residents of {town} described heavy gunfire through the night number {i}." for _ in
                      range(max(0, (words - 50) // 10)))
    return body + filler


def html_page(title: str, body: str, date: str = "2026-10-02") -> str:
    paras = "".join(f"<p>{s.strip()}.</p>" for s in body.split(". ") if s.strip())
    return (f"<html><head><title>{title}</title><meta property=\"article:published_time\" content=\"{date}\">"
            f"</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>{title}</h1>"
            f"{paras}</article><footer>© 2026 Example Wire</footer></body></html>")


@pytest.fixture
def store(tmp_path):
    s = open_store(str(tmp_path / "ingest.db"))
    yield s
    s.close()


def test_folders_recursively_text_and_html(tmp_path, store):
    root = tmp_path / "in"
    (root / "deep" / "deeper").mkdir(parents=True)
    (root / "a.txt").write_text("Police post attacked in Mandera\n\n" + article(0), encoding="utf-8")
    (root / "deep" / "b.html").write_text(html_page("Attack in Wajir", article(2, 120)), encoding="utf-8")
    (root / "deep" / "deeper" / "c.txt").write_text(article(3), encoding="utf-8")
    (root / "deep" / "notes.pdf").write_bytes(b"%PDF-1.4 not an article")
    assert count_records([str(root)]) == 3
    s = ingest(store, [str(root)])
    assert (s.ingested, s.duplicates, s.failed) == (3, 0, 0)
    _, rows = store.articles()
    by_id = {r["doc_id"]: r for r in rows}
    assert by_id["a"]["title"] == "Police post attacked in Mandera"  # a text file's headline line
    assert by_id["b"]["title"] == "Attack in Wajir" and by_id["b"]["published"] == "2026-10-02"
    assert store.stats()["events"] >= 3


def test_second_ingest_adds_nothing(tmp_path, store):
    f = tmp_path / "x.jsonl"
    f.write_text("".join(json.dumps({"doc_id": f"d{i}", "text": article(i)}) + "\n" for i in range(5)))
    first = ingest(store, [str(f)])
    again = ingest(store, [str(f), str(f)])
    assert (first.ingested, again.ingested, again.duplicates) == (5, 0, 10)
    assert store.stats()["articles"] == 5


def test_jsonl_gz_with_bad_lines_reports_reasons(tmp_path, store):
    f = tmp_path / "corpus.jsonl.gz"
    lines = [json.dumps({"doc_id": "ok1", "title": "One", "text": article(1), "date": "2026-10-01",
                         "source": "Example Wire"}),
             "{not json",
             json.dumps({"doc_id": "empty", "text": "   "}),
             json.dumps({"doc_id": "nobody"}),
             json.dumps({"doc_id": "ok2", "html": html_page("Two", article(4, 120))}),
             json.dumps(["a list"])]
    with gzip.open(f, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    s = ingest(store, [str(f)])
    assert s.ingested == 2 and s.failed == 4
    assert set(s.reasons) == {"invalid_json", "empty", "missing_text", "invalid_record"}
    _, rows = store.articles()
    ok1 = next(r for r in rows if r["doc_id"] == "ok1")
    assert ok1["published"] == "2026-10-01" and ok1["site"] == "Example Wire"
    assert {e["code"] for e in store.errors()} == set(s.reasons)
    # failures are not retried unless asked, and then fail again without piling up rows
    again = ingest(store, [str(f)])
    # (the empty text is known by its hash; the others have no content to hash and fail again)
    assert (again.ingested, again.duplicates, again.failed_before, again.failed) == (0, 2, 1, 3)
    retry = ingest(store, [str(f)], retry_failed=True)
    assert retry.failed == 4
    assert len(store.errors()) == 4  # one row per failing input, however often it is run


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Example Wire</title><link>https://example.org/</link><description>news</description>
<item><title>Full item</title><link>https://example.org/full</link><guid>full-1</guid>
  <pubDate>Mon, 05 Oct 2026 08:00:00 GMT</pubDate>
  <description>Teaser only.</description>
  <content:encoded><![CDATA[{full}]]></content:encoded></item>
<item><title>Teaser item</title><link>{teaser_link}</link><guid>teaser-1</guid>
  <pubDate>Tue, 06 Oct 2026 08:00:00 GMT</pubDate><description>Gunmen attacked a post. Read more.</description></item>
<item><title>Broken link</title><link>{broken_link}</link><guid>broken-1</guid>
  <description>Short.</description></item>
</channel></rss>"""


@pytest.fixture
def local_site(tmp_path):
    """A web server on 127.0.0.1 serving tmp_path/site (feed items link to it; no outside network)."""
    import functools
    import http.server
    import threading

    root = tmp_path / "site"
    root.mkdir()

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield root, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_rss_fetches_only_items_without_full_text(tmp_path, store, local_site):
    root, base = local_site
    (root / "teaser.html").write_text(html_page("Teaser item", article(6, 150), "2026-10-06"), encoding="utf-8")
    full = "".join(f"<p>{s}.</p>" for s in article(5, 220).split(". "))
    feed = tmp_path / "feed.xml"
    feed.write_text(RSS.format(full=full, teaser_link=f"{base}/teaser.html", broken_link=f"{base}/gone.html"),
                    encoding="utf-8")
    fetched = []

    def fetch(url):
        from dyad.ingest import fetch_url

        fetched.append(url)
        return fetch_url(url)

    s = ingest(store, [str(feed)], fetch=fetch)
    assert fetched == [f"{base}/teaser.html", f"{base}/gone.html"]  # never the item with its full text
    assert s.ingested == 2 and s.failed == 1 and set(s.reasons) == {"fetch_failed"}
    _, rows = store.articles()
    by_title = {r["title"]: r for r in rows}
    assert by_title["Full item"]["published"] == "2026-10-05" and by_title["Full item"]["url"] == "https://example.org/full"
    assert by_title["Teaser item"]["words"] > 40 and by_title["Teaser item"]["published"] == "2026-10-06"


def test_a_feed_by_url(store, local_site):
    root, base = local_site
    (root / "a.html").write_text(html_page("From the feed", article(10, 150)), encoding="utf-8")
    (root / "feed.rss").write_text(RSS.split("<item>")[0] + f"<item><title>From the feed</title><link>{base}/a.html"
                                   "</link><description>teaser</description></item></channel></rss>", encoding="utf-8")
    s = ingest(store, [f"{base}/feed.rss"])
    assert s.ingested == 1 and store.articles()[1][0]["url"] == f"{base}/a.html"
    # the same page by its own URL is the same article
    again = ingest(store, [f"{base}/a.html"])
    assert (again.ingested, again.duplicates) == (0, 1)


def test_atom_feed(tmp_path, store):
    body = "".join(f"<p>{s}.</p>" for s in article(7, 200).split(". "))
    atom = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:wire</id><updated>2026-10-07T00:00:00Z</updated>
<entry><title>Atom entry</title><id>urn:wire:1</id><link href="https://example.org/atom-1"/>
<published>2026-10-07T06:00:00Z</published><updated>2026-10-07T06:00:00Z</updated>
<content type="html"><![CDATA[{body}]]></content></entry></feed>"""
    (tmp_path / "wire.atom").write_text(atom, encoding="utf-8")
    s = ingest(store, [str(tmp_path / "wire.atom")], fetch=lambda url: pytest.fail(f"fetched {url}"))
    assert s.ingested == 1
    assert store.articles()[1][0]["published"] == "2026-10-07"


def test_warc(tmp_path, store):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for i, (ctype, body) in enumerate([("text/html; charset=utf-8", html_page("WARC one", article(8, 150))),
                                           ("image/png", "\x89PNG not text"),
                                           ("text/html", html_page("WARC two", article(9, 150)))]):
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(f"https://example.org/{i}", "response",
                                                payload=io.BytesIO(body.encode("utf-8")), http_headers=headers))
    recs = list(iter_records([str(path)]))
    assert [r["url"] for r in recs] == ["https://example.org/0", "https://example.org/2"]
    s = ingest(store, [str(path)])
    assert s.ingested == 2
    assert {r["title"] for r in store.articles()[1]} == {"WARC one", "WARC two"}


def test_missing_input_is_a_reported_failure(tmp_path, store):
    s = ingest(store, [str(tmp_path / "nope")])
    assert s.failed == 1 and s.reasons == {"not_found": 1}


class Crash(Exception):
    pass


def test_resumes_after_a_crash_with_every_article_once(tmp_path, store):
    f = tmp_path / "many.jsonl"
    f.write_text("".join(json.dumps({"doc_id": f"d{i}", "text": article(i)}) + "\n" for i in range(10)))

    def crash_after_first_batch(summary):
        raise Crash

    with pytest.raises(Crash):
        ingest(store, [str(f)], batch_size=4, after_batch=crash_after_first_batch)
    assert store.stats()["articles"] == 4  # the committed batch, nothing of the next
    s = ingest(store, [str(f)], batch_size=4)
    assert (s.ingested, s.duplicates) == (6, 4)
    total, rows = store.articles(limit=100)
    assert total == 10 and sorted(r["doc_id"] for r in rows) == sorted(f"d{i}" for i in range(10))


@pytest.mark.slow
def test_workers_and_a_real_kill(tmp_path):
    """`dyad ingest --workers 2` in a subprocess, SIGKILLed mid-run, then run again: every article once."""
    import os
    import signal
    import subprocess
    import sys
    import time

    n = 120  # enough that the first run is still going when 8 are stored
    f = tmp_path / "kill.jsonl"
    f.write_text("".join(json.dumps({"doc_id": f"k{i}", "text": article(i, 200)}) + "\n" for i in range(n)))
    db = tmp_path / "kill.db"
    cmd = [sys.executable, "-m", "dyad.cli", "ingest", "--db", str(db), "--workers", "2", "--batch-size", "4",
           "-q", str(f)]
    log = tmp_path / "first-run.log"
    with open(log, "w") as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, start_new_session=True)
    store = open_store(str(db))
    deadline = time.time() + 240
    while store.stats()["articles"] < 8 and time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
    assert proc.poll() is None, f"the first run ended before it could be killed: {log.read_text()[-800:]}"
    os.killpg(proc.pid, signal.SIGKILL)  # the command and its workers, all at once
    proc.wait()
    killed_at = store.stats()["articles"]
    assert 0 < killed_at < n
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "ingested" in done.stderr and "skipped as duplicates" in done.stderr
    total, rows = store.articles(limit=500)
    assert total == n and len({r["content_hash"] for r in rows}) == n
    assert sorted(r["doc_id"] for r in rows) == sorted(f"k{i}" for i in range(n))
