"""`dyad ingest`: files, folders, JSONL, RSS/Atom feeds, WARC archives and URLs into the store.

The flow, one batch at a time:

    sources -> records -> content hash -> skip hashes already stored -> extract (nlp.pipe, in
    `--workers` processes) -> Store.save_batch (one transaction per batch)

Idempotent: an article's identity is the sha256 of its content as it came in (headline and
body), unique in the store, so ingesting the same input twice adds nothing. Resumable: a
batch is committed whole or not at all, so a run killed at any point and started again ends
with every article stored exactly once. Records that fail (empty, binary, no article in the
HTML, a feed item whose page could not be fetched) are kept in `ingest_errors` with the reason,
and are not retried unless asked (`--retry-failed`).
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import time
import urllib.request
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

from dyad.store.store import Item, Store

TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
FEED_SUFFIXES = (".rss", ".atom", ".xml", ".feed")
WARC_SUFFIXES = (".warc", ".warc.gz")
# a feed item whose own content has fewer words than this is a teaser: its page is fetched
FULL_TEXT_WORDS = 150
USER_AGENT = "dyad/0.1 (+news event extraction)"
MAX_FETCH_BYTES = 10_000_000

ERROR = "_error"    # a record that could not be read: (code, message)
SOURCE = "_source"  # where the record came from (path, URL)
SITE = "_site"      # the outlet a JSONL line names, used when the cleaner finds none


# --- sources -> records ------------------------------------------------------------------------

def fetch_url(url: str, timeout: float = 20.0) -> tuple[bytes, str]:
    """GET a URL (http, https, file); returns (body, content type)."""
    req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 - the user asked for this URL
        return resp.read(MAX_FETCH_BYTES), resp.headers.get("Content-Type", "") or ""


def _decode(data: bytes, content_type: str = "") -> str:
    charset = "utf-8"
    if "charset=" in content_type:
        charset = content_type.split("charset=")[-1].split(";")[0].strip() or "utf-8"
    try:
        return data.decode(charset)
    except (UnicodeDecodeError, LookupError):
        return data.decode("utf-8", errors="replace")


def _looks_like_feed(data: bytes) -> bool:
    head = data[:2000].lstrip().lower()
    return head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf" in head) \
        or head.startswith((b"<rss", b"<feed"))


def _is_url(s: str) -> bool:
    return s.startswith(("http://", "https://", "file://"))


def _iso_date(value) -> str | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10]).isoformat()
    except ValueError:
        return None


def _suffix(path: Path) -> str:
    name = path.name.lower()
    for s in JSONL_SUFFIXES + WARC_SUFFIXES:
        if name.endswith(s):
            return s
    return path.suffix.lower()


def known_suffix(path: Path) -> bool:
    return _suffix(path) in TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + FEED_SUFFIXES + WARC_SUFFIXES


def iter_records(inputs: Iterable[str], fetch: Callable = fetch_url) -> Iterator[dict]:
    """Every article record of the inputs, in order: {doc_id, text|html, url, title, published, _source}."""
    for inp in inputs:
        if _is_url(inp) and not inp.startswith("file://"):
            yield from _url_records(inp, fetch)
            continue
        path = Path(inp[len("file://"):] if inp.startswith("file://") else inp).expanduser()
        if path.is_dir():
            for p in sorted(q for q in path.rglob("*") if q.is_file() and known_suffix(q)):
                yield from _file_records(p, fetch)
        elif path.is_file():
            yield from _file_records(path, fetch)
        else:
            yield {SOURCE: inp, ERROR: ("not_found", f"{inp}: no such file or folder")}


def _url_records(url: str, fetch: Callable) -> Iterator[dict]:
    try:
        data, ctype = fetch(url)
    except Exception as exc:  # noqa: BLE001 - any failure to fetch is reported, never fatal
        yield {SOURCE: url, "doc_id": url, ERROR: ("fetch_failed", f"{url}: {exc}")}
        return
    if "xml" in ctype or "rss" in ctype or "atom" in ctype or _looks_like_feed(data):
        yield from _feed_records(data, url, fetch)
    else:
        yield {SOURCE: url, "doc_id": url, "url": url, "html": _decode(data, ctype)}


def _file_records(path: Path, fetch: Callable) -> Iterator[dict]:
    suffix, src = _suffix(path), str(path)
    try:
        if suffix in JSONL_SUFFIXES:
            yield from _jsonl_records(path)
        elif suffix in WARC_SUFFIXES:
            yield from _warc_records(path)
        elif suffix in FEED_SUFFIXES:
            data = path.read_bytes()
            if _looks_like_feed(data):
                yield from _feed_records(data, src, fetch)
            else:  # an .xml that is not a feed: leave it to the HTML cleaner
                yield {SOURCE: src, "doc_id": path.stem, "html": _decode(data)}
        else:
            data = path.read_bytes()
            text = _decode(data.removeprefix(b"\xef\xbb\xbf"))
            if suffix in HTML_SUFFIXES:
                yield {SOURCE: src, "doc_id": path.stem, "html": text}
            else:
                rec = {SOURCE: src, "doc_id": path.stem, "text": text}
                title = _headline(text)
                if title:
                    rec["title"] = title
                yield rec
    except OSError as exc:
        yield {SOURCE: src, "doc_id": path.stem, ERROR: ("unreadable", f"{src}: {exc.strerror or exc}")}


def _headline(text: str) -> str | None:
    """A plain-text article's first line when it reads as a headline: short, alone, no final stop."""
    lines = text.lstrip().split("\n", 2)
    if len(lines) < 2 or lines[1].strip():
        return None
    first = lines[0].strip()
    if 3 <= len(first.split()) <= 25 and not first.endswith((".", ":", ";", ",")):
        return first
    return None


def _jsonl_records(path: Path) -> Iterator[dict]:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    src = str(path)
    with opener(path, "rt", encoding="utf-8", errors="replace") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield {SOURCE: f"{src}:{n}", "doc_id": f"line-{n}",
                       ERROR: ("invalid_json", f"line {n} is not valid JSON: {exc.msg}")}
                continue
            if not isinstance(obj, dict):
                yield {SOURCE: f"{src}:{n}", "doc_id": f"line-{n}",
                       ERROR: ("invalid_record", f"line {n}: expected a JSON object")}
                continue
            rec = {k: obj[k] for k in ("doc_id", "text", "html", "url", "title") if obj.get(k) is not None}
            # corpora name the date differently ("date" in ../shared/corpus)
            published = obj.get("published") or obj.get("date")
            if published:
                rec["published"] = published
            rec.setdefault("doc_id", f"{path.name}:{n}")
            site = obj.get("site") or obj.get("source")
            if isinstance(site, str) and site:
                rec[SITE] = site
            rec[SOURCE] = f"{src}:{n}"
            yield rec


def _entry_date(entry) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        t = entry.get(key)
        if t:
            return dt.date(t.tm_year, t.tm_mon, t.tm_mday).isoformat()
    return None


def _entry_full_html(entry) -> str | None:
    """The item's own full text (content:encoded, atom:content), or None when it only has a teaser."""
    import re

    for c in entry.get("content") or []:
        value = c.get("value") or ""
        words = len(re.sub(r"<[^>]+>", " ", value).split())
        if words >= FULL_TEXT_WORDS:
            return value
    summary = entry.get("summary") or ""
    if len(re.sub(r"<[^>]+>", " ", summary).split()) >= FULL_TEXT_WORDS:
        return summary
    return None


def _feed_records(data: bytes, src: str, fetch: Callable) -> Iterator[dict]:
    import feedparser

    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        yield {SOURCE: src, ERROR: ("invalid_feed", f"{src}: not a readable RSS/Atom feed ({feed.bozo_exception})")}
        return
    for entry in feed.entries:
        link = entry.get("link")
        rec = {SOURCE: src, "doc_id": entry.get("id") or link or entry.get("title"), "url": link,
               "title": entry.get("title"), "published": _entry_date(entry)}
        html = _entry_full_html(entry)
        if html is None and link:
            # a teaser only: the article is on its page
            try:
                body, ctype = fetch(link)
                html = _decode(body, ctype)
            except Exception as exc:  # noqa: BLE001
                rec[ERROR] = ("fetch_failed", f"{link}: {exc}")
        if html is None and ERROR not in rec:
            rec[ERROR] = ("no_content", "feed item has neither full text nor a link")
        if html is not None:
            rec["html"] = html
        yield {k: v for k, v in rec.items() if v is not None}


def _warc_records(path: Path) -> Iterator[dict]:
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as fh:
        for n, record in enumerate(ArchiveIterator(fh)):
            if record.rec_type not in ("response", "resource"):
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            if record.rec_type == "response":
                if record.http_headers is None or not (record.http_headers.get_statuscode() or "").startswith("2"):
                    continue
                ctype = record.http_headers.get_header("Content-Type") or ""
            else:
                ctype = record.rec_headers.get_header("Content-Type") or ""
            if "html" not in ctype and "text/plain" not in ctype:
                continue
            body = _decode(record.content_stream().read(), ctype)
            rec = {SOURCE: f"{path}#{n}", "doc_id": url or record.rec_headers.get_header("WARC-Record-ID"),
                   "url": url}
            rec["html" if "html" in ctype else "text"] = body
            yield {k: v for k, v in rec.items() if v is not None}


def content_hash(record: dict) -> str | None:
    """sha256 of the article as it came in: body (and a text's headline), line ends normalised.

    Exact content, not a fuzzy key: two copies that differ in their headline or their paragraph
    breaks are two articles (../shared/corpus has 38 bodies under two headlines and 2 pairs that
    differ only in paragraph breaks, and counts them all). Finding the same story told twice is
    cross-article linking's job, not the store's. None for a record with no readable body.
    """
    body = record.get("html") if record.get("html") is not None else record.get("text")
    if not isinstance(body, str):
        return None
    # a plain-text body is told apart by its headline too; an HTML page carries its own
    title = record.get("title") if record.get("html") is None else None
    head = title.strip() + "\n" if isinstance(title, str) and title.strip() else ""
    return hashlib.sha256((head + body.replace("\r\n", "\n").strip()).encode("utf-8")).hexdigest()


# --- extraction (in this process or in workers) -----------------------------------------------

def _init_worker() -> None:
    """Load the model and the gazetteer (which the places component loads on first use)."""
    from dyad.gazetteer import get_gazetteer
    from dyad.pipeline import get_nlp

    get_nlp()
    get_gazetteer()


def _warm(_: int) -> int:
    """A no-op task: returns once this worker holds its model (its initializer has run)."""
    import os

    time.sleep(0.2)  # long enough that each worker takes one of the warm-up tasks
    return os.getpid()


def extract_batch(records: list[dict]) -> list[dict]:
    """Reports (SPEC JSON) for a batch of records, through one `nlp.pipe` call."""
    from dyad.batch import extract_records

    clean = [{k: v for k, v in r.items() if not k.startswith("_")} for r in records]
    return [rep.model_dump(by_alias=True) for rep in extract_records(clean, batch_size=max(1, len(clean)))]


# --- the run ----------------------------------------------------------------------------------

@dataclass
class Summary:
    seen: int = 0
    ingested: int = 0
    duplicates: int = 0          # already in the store (or twice in this input)
    failed_before: int = 0       # failed in an earlier run; skipped unless retry_failed
    failed: int = 0
    reasons: Counter = field(default_factory=Counter)
    examples: dict = field(default_factory=dict)  # code -> first message
    words: int = 0
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        return self.ingested / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict:
        return {"seen": self.seen, "ingested": self.ingested, "duplicates": self.duplicates,
                "failed_before": self.failed_before, "failed": self.failed, "reasons": dict(self.reasons),
                "words": self.words, "seconds": round(self.seconds, 2), "articles_per_s": round(self.rate, 2)}


def _chunks(it: Iterator[dict], n: int) -> Iterator[list[dict]]:
    buf: list[dict] = []
    for x in it:
        buf.append(x)
        if len(buf) >= n:
            yield buf
            buf = []
    if buf:
        yield buf


def count_records(inputs: list[str]) -> int | None:
    """How many records the inputs hold, when that is cheap to know (for the progress bar)."""
    total = 0
    for inp in inputs:
        if _is_url(inp):
            return None
        path = Path(inp).expanduser()
        files = sorted(q for q in path.rglob("*") if q.is_file() and known_suffix(q)) if path.is_dir() else [path]
        for p in files:
            s = _suffix(p)
            if s in JSONL_SUFFIXES:
                opener = gzip.open if s.endswith(".gz") else open
                try:
                    with opener(p, "rb") as fh:
                        total += sum(1 for line in fh if line.strip())
                except OSError:
                    total += 1
            elif s in FEED_SUFFIXES + WARC_SUFFIXES:
                return None
            else:
                total += 1
    return total


def _new_records(store: Store, inputs: list[str], fetch: Callable, summary: Summary, retry_failed: bool,
                 on_progress: Callable[[Summary, int], None] | None) -> Iterator[dict]:
    """The records of `inputs` still to extract, each with its `_hash`; errors are stored, duplicates counted."""
    seen_hashes: set[str] = set()
    for chunk in _chunks(iter_records(inputs, fetch=fetch), 64):
        hashes = [h for h in (content_hash(r) for r in chunk) if h]
        stored, failed = store.known_hashes(hashes)
        skipped = 0
        for rec in chunk:
            summary.seen += 1
            if ERROR in rec:
                code, message = rec[ERROR]
                store.record_error(Item(None, rec.get(SOURCE), doc_id=rec.get("doc_id"), error_code=code,
                                        error_message=message))
                _count_failure(summary, code, message)
                skipped += 1
                continue
            h = content_hash(rec)
            if h in stored or h in seen_hashes:
                summary.duplicates += 1
                skipped += 1
                continue
            if h in failed and not retry_failed:
                summary.failed_before += 1
                skipped += 1
                continue
            seen_hashes.add(h)
            rec["_hash"] = h
            yield rec
        if skipped and on_progress:
            on_progress(summary, skipped)


def _save_reports(store: Store, batch: list[dict], reports: list[dict], summary: Summary) -> None:
    """Store one batch of (record, report) in one transaction and count the outcome."""
    for r, rep in zip(batch, reports, strict=True):
        if r.get(SITE) and not rep.get("site") and not rep.get("error"):
            rep["site"] = r[SITE]
    items = [Item(r["_hash"], r.get(SOURCE), report=rep, doc_id=r.get("doc_id"))
             for r, rep in zip(batch, reports, strict=True)]
    res = store.save_batch(items)
    summary.ingested += len(res.saved)
    summary.duplicates += res.duplicates
    for it in items:
        if it.failed:
            err = (it.report or {}).get("error") or {}
            _count_failure(summary, err.get("code", "error"), err.get("message", ""))
        else:
            summary.words += len((it.report.get("text") or "").split())


def ingest(store: Store, inputs: list[str], workers: int = 1, batch_size: int = 16, retry_failed: bool = False,
           fetch: Callable = fetch_url, on_progress: Callable[[Summary, int], None] | None = None,
           after_batch: Callable[[Summary], None] | None = None) -> Summary:
    """Ingest every record of `inputs` into `store`; returns the counts. See the module docstring.

    on_progress(summary, advanced) is called as records are done (skipped or stored);
    after_batch(summary) after each committed batch (tests use it to simulate a crash).
    """
    summary = Summary()
    pool = None
    if workers <= 1:
        _init_worker()  # load the model first: the rate is of extraction, not of start-up
    else:
        import multiprocessing as mp

        # spawn, not fork: the parent may hold database connections and threads (the progress bar)
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("spawn"),
                                   initializer=_init_worker)
        list(pool.map(_warm, range(workers)))  # every worker loads its model before the clock starts
    start = time.perf_counter()

    def save(batch: list[dict], reports: list[dict]) -> None:
        _save_reports(store, batch, reports, summary)
        summary.seconds = time.perf_counter() - start
        if on_progress:
            on_progress(summary, len(batch))
        if after_batch:
            after_batch(summary)

    batches = _chunks(_new_records(store, inputs, fetch, summary, retry_failed, on_progress), batch_size)
    if workers <= 1:
        for batch in batches:
            save(batch, extract_batch(batch))
    else:
        with pool:
            pending: dict = {}
            for batch in batches:
                pending[pool.submit(extract_batch, batch)] = batch
                while len(pending) >= 2 * workers:
                    done, _ = wait(pending, return_when=FIRST_COMPLETED)
                    for fut in done:
                        save(pending.pop(fut), fut.result())
            while pending:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for fut in done:
                    save(pending.pop(fut), fut.result())
    summary.seconds = time.perf_counter() - start
    return summary


def _count_failure(summary: Summary, code: str, message: str) -> None:
    summary.failed += 1
    summary.reasons[code] += 1
    summary.examples.setdefault(code, message)


__all__ = ["ingest", "iter_records", "content_hash", "count_records", "Summary", "fetch_url"]
