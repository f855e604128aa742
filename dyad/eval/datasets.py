"""The development sets `dyad eval` reads, and how a gold record becomes a dyad batch input record.

The dev sets live outside the package (`shared/eval/`, a sibling of the project root) and are
never copied into it: they are third-party data kept for internal evaluation only. Each gold
record is turned into exactly the record `dyad extract --jsonl` would read
(`{"doc_id", "text" | "html", "published"?, "url"?}`), so the scores measure the public path.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
from pathlib import Path

import dyad


class DataError(Exception):
    """Evaluation data that is missing or unreadable; the message names the path."""


# Dev files per stage, relative to the eval data root, in the order their rows are shown.
DEFAULT_FILES: dict[str, dict[str, str]] = {
    "clean": {"aeb_text": "extract/aeb_text.dev.jsonl.gz", "aeb_html": "extract/aeb_html.dev.jsonl.gz"},
    "quotes": {"polnear": "quotes/polnear.dev.jsonl"},
    "places": {name: f"geo/{name}.dev.jsonl" for name in ("gwn", "lgl", "trnews", "geovirus", "tudloc")},
    "events": {name: f"events/{name}.dev.jsonl" for name in (
        "acled_kenya", "acled_africa2016", "case2021_task2", "plover_gsr", "ucdp_ged_pakistan",
        "petrarch2_unittest", "hrdsattack", "indiapoliceevents")},
}


def data_root() -> Path:
    """`shared/eval` next to the project root (the checkout that holds the `dyad` package)."""
    project_root = Path(dyad.__file__).resolve().parent.parent
    return project_root.parent / "shared" / "eval"


def dataset_name(path: Path) -> str:
    """`.../acled_kenya.dev.jsonl(.gz)` -> `acled_kenya`: the name decides which gold is scored."""
    name = path.name
    for suffix in (".gz", ".jsonl", ".json", ".dev", ".test"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return name


def stage_files(stage: str, data: str | None = None) -> list[tuple[str, Path]]:
    """The (dataset name, path) pairs a stage runs on: the defaults, or the one file given by --data."""
    if data is not None:
        path = Path(data)
        if not path.is_file():
            raise DataError(f"evaluation data not found: {path}")
        return [(dataset_name(path), path)]
    root = data_root()
    if not root.is_dir():
        raise DataError(f"evaluation data not found: {root} (give --data FILE)")
    files = [(name, root / rel) for name, rel in DEFAULT_FILES[stage].items()]
    missing = [str(p) for _, p in files if not p.is_file()]
    if missing:
        raise DataError(f"evaluation data not found: {', '.join(missing)}")
    return files


def read_jsonl(path: Path) -> list[dict]:
    """All records of a JSONL file, gzip-compressed when the name ends in .gz."""
    opener = gzip.open if path.suffix == ".gz" else open
    records = []
    try:
        with opener(path, "rt", encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    records.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise DataError(f"{path}:{n}: not valid JSON ({exc.msg})") from None
    except OSError as exc:
        raise DataError(f"{path}: cannot read ({exc})") from None
    return records


def record_id(record: dict) -> str:
    """The record's identifier in any of the dev-set schemas (events use `id`, the others `doc_id`)."""
    return str(record.get("id") or record.get("doc_id") or "")


def sample(records: list[dict], limit: int | None) -> list[dict]:
    """Records sorted by id, then `limit` of them evenly spaced (all when `limit` is None or larger).

    Evenly spaced rather than the first N, so a quick run spans the whole file (the files are
    ordered by source, date or region); sorted by id, so the sample does not depend on file order.
    """
    ordered = sorted(records, key=record_id)
    if limit is None or limit >= len(ordered):
        return ordered
    if limit <= 0:
        return []
    n = len(ordered)
    return [ordered[(2 * i + 1) * n // (2 * limit)] for i in range(limit)]


_ISO_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:$|[T ])")


def iso_day(value) -> str | None:
    """The YYYY-MM-DD of a full ISO date or datetime; None for partial dates ("2021-08") or junk."""
    m = _ISO_DAY.match(str(value or "").strip())
    if not m:
        return None
    try:
        return dt.date.fromisoformat(m.group(1)).isoformat()
    except ValueError:
        return None


def published_of(record: dict) -> str | None:
    """The article date to anchor relative dates: the publication date where the gold has one
    (hrdsattack `publish_date`, IndiaPoliceEvents/PolNeAR `publication_date`, UCDP's `source_date`,
    the date of the article the event was coded from), else the event `date` (ACLED summaries are
    written about that day); only full ISO dates."""
    return publication_of(record) or iso_day(record.get("date"))


def publication_of(record: dict) -> str | None:
    """The article's own publication date when the gold gives one apart from the event date: only
    then can an event date be scored without handing dyad the answer as its anchor."""
    extra = record.get("gold_extra") or {}
    meta = record.get("meta") or {}
    for value in (extra.get("publish_date"), extra.get("publication_date"), meta.get("publication_date"),
                  extra.get("source_date")):
        day = iso_day(value)
        if day:
            return day
    return None


def _input(doc_id: str, published: str | None = None, url: str | None = None, **content) -> dict:
    rec = {"doc_id": doc_id, **content}
    if published:
        rec["published"] = published
    if url:
        rec["url"] = url
    return rec


def clean_input(record: dict) -> dict:
    """Article-extraction record -> batch input: the raw `html`, or the flattened `page_text` as text."""
    if record.get("html") is not None:
        return _input(record_id(record), url=record.get("url"), html=record["html"])
    return _input(record_id(record), url=record.get("url"), text=record.get("page_text") or "")


def quotes_input(record: dict) -> dict:
    """PolNeAR record -> batch input (the article text with its publication date)."""
    return _input(record_id(record), published_of(record), text=record.get("text") or "")


def places_input(record: dict) -> dict:
    """Geoparsing record -> batch input: the text only; the gold toponyms stay behind."""
    return _input(record_id(record), text=record.get("text") or "")


def events_input(record: dict) -> dict:
    """Event record -> batch input (text plus the gold date as `published` when it is a full date)."""
    return _input(record_id(record), published_of(record), text=record.get("text") or "")
