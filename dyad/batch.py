"""The batch path: input records -> cleaned Docs -> `nlp.pipe` -> reports, in input order.

Both `dyad.extract` and `dyad extract --jsonl` go through `extract_records`, so what the CLI
scores is what the API returns. A record that cannot be processed becomes a report carrying
`error` (and its `doc_id`), and the batch goes on.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator

from dyad.clean import clean
from dyad.report import Report, doc_to_report, error_report

INVALID_LINE = "_invalid_line"  # key the CLI's JSONL reader puts on a line that is not JSON
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffd]")


class InputError(ValueError):
    """A record dyad cannot read; `code` goes into the report's error."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


def _check_raw(raw: str, field: str) -> None:
    if not raw.strip():
        raise InputError("empty", f"{field} is empty")
    bad = len(_CONTROL.findall(raw[:50000]))
    if "\x00" in raw[:50000] or bad > max(3, len(raw[:50000]) // 100):
        raise InputError("binary", f"{field} looks like binary data ({bad} control characters), not text")


def _published(value) -> str | None:
    """An ISO date (YYYY-MM-DD, or a datetime whose date part is taken); anything else is an error."""
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10]).isoformat()
    except ValueError:
        raise InputError("invalid_published", f"published {value!r} is not an ISO date") from None


def prepare(record: dict):
    """Validate and clean one record; returns (text, meta). Raises InputError on bad input."""
    if not isinstance(record, dict):
        raise InputError("invalid_record", f"expected a JSON object, got {type(record).__name__}")
    if INVALID_LINE in record:
        raise InputError("invalid_json", record[INVALID_LINE])
    text, html = record.get("text"), record.get("html")
    if text is None and html is None:
        raise InputError("missing_text", "record has neither 'text' nor 'html'")
    for field, value in (("text", text), ("html", html)):
        if value is not None and not isinstance(value, str):
            raise InputError("invalid_record", f"'{field}' must be a string, got {type(value).__name__}")
    raw_field = "html" if html is not None else "text"
    _check_raw(html if html is not None else text, raw_field)
    published = _published(record.get("published"))
    try:
        cleaned = clean(text=text, html=html, url=record.get("url"))
    except ValueError as exc:
        raise InputError("no_content", f"{raw_field}: {exc}") from None
    if not cleaned.text.strip():
        raise InputError("no_content", f"{raw_field}: nothing left after cleaning")
    meta = {
        "doc_id": None if record.get("doc_id") is None else str(record["doc_id"]),
        "title": record.get("title") or cleaned.title,
        "url": record.get("url") or cleaned.url,
        "published": published or cleaned.published,
        "site": cleaned.site,
        "removed": cleaned.removed,
    }
    return cleaned.text, meta


def extract_records(records: Iterable[dict], batch_size: int = 16, n_process: int = 1) -> Iterator[Report]:
    """Yield one report per record, in order; failures become error reports."""
    from dyad.pipeline import get_nlp

    nlp = get_nlp()
    pending: dict[int, Report] = {}

    def docs():
        for i, record in enumerate(records):
            doc_id = record.get("doc_id") if isinstance(record, dict) else None
            try:
                text, meta = prepare(record)
            except InputError as exc:
                pending[i] = error_report(None if doc_id is None else str(doc_id), exc.code, str(exc))
                continue
            except Exception as exc:  # noqa: BLE001 - a cleaner bug must not stop the batch
                pending[i] = error_report(None if doc_id is None else str(doc_id), "clean_error",
                                          f"{type(exc).__name__}: {exc}")
                continue
            doc = nlp.make_doc(text)
            doc._.meta = meta
            yield doc, i

    nxt = 0
    for doc, i in nlp.pipe(docs(), as_tuples=True, batch_size=batch_size, n_process=n_process):
        while nxt < i:
            yield pending.pop(nxt)
            nxt += 1
        yield _report(doc)
        nxt = i + 1
    while pending:
        yield pending.pop(nxt)
        nxt += 1


def _report(doc) -> Report:
    meta = doc._.meta or {}
    if meta.get("error"):
        err = meta["error"]
        return error_report(meta.get("doc_id"), err["code"], err["message"])
    try:
        return doc_to_report(doc)
    except Exception as exc:  # noqa: BLE001
        return error_report(meta.get("doc_id"), "report_error", f"{type(exc).__name__}: {exc}")
