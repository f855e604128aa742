"""`dyad ingest --engine ray`: the same pipeline mapped over partitions by a Ray Data actor pool.

    driver:  sources -> records -> content hash -> skip what the store holds (as `dyad ingest`)
    cluster: ray.data.from_items(records) -> map_batches(Extractor, ActorPoolStrategy(size=N))
             -> write_parquet(DIR/wave-00000/...)            (one model + gazetteer per actor)
    driver:  read_parquet(DIR/wave-...) -> Store.save_batch   (one transaction per batch)

The records go through in waves (`wave` records each) so the driver never holds a whole archive.
Each report is stored in its Parquet row as its SPEC JSON (`report` column) beside the
article's content hash, source and doc_id, so a partition can be loaded again later
(`load_parquet`): loading is idempotent, as the store skips content hashes it already holds.

Without `address` a local Ray starts (`ray.init(num_cpus=max(2, workers))`) and stops at the end;
with `address="auto"` (a node of a running cluster) or `"ray://head:10001"` (Ray Client) the run
uses that cluster. Then every node must have dyad (and its model) installed, and `parquet_dir`
must be a path every node and the driver can reach (a shared file system, `s3://...`).
"""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Callable, Iterator

from dyad.ingest import SITE, SOURCE, Summary, _chunks, _new_records, _save_reports
from dyad.store.store import Store


class Extractor:
    """The callable class of the actor pool: loads the pipeline once per actor, then maps batches."""

    def __init__(self):
        from dyad.ingest import _init_worker

        _init_worker()

    def __call__(self, batch: dict) -> dict:
        from dyad.ingest import extract_batch

        records = [json.loads(r) for r in batch["record"]]
        reports = extract_batch(records)
        return {"content_hash": list(batch["content_hash"]), "source": list(batch["source"]),
                "doc_id": list(batch["doc_id"]), "site": list(batch["site"]),
                "report": [json.dumps(rep, ensure_ascii=False) for rep in reports]}


def _row(rec: dict) -> dict:
    clean = {k: v for k, v in rec.items() if not k.startswith("_")}
    return {"content_hash": rec["_hash"], "source": rec.get(SOURCE) or "", "doc_id": rec.get("doc_id") or "",
            "site": rec.get(SITE) or "", "record": json.dumps(clean, ensure_ascii=False)}


def _start(address: str | None, workers: int):
    import ray

    if ray.is_initialized():
        return False
    import logging

    kwargs = {"include_dashboard": False, "log_to_driver": False, "logging_level": logging.WARNING}
    if address:
        ray.init(address=address, **kwargs)
    else:
        ray.init(num_cpus=max(2, workers), **kwargs)
    return True


def read_partitions(path: str, batch_size: int = 64) -> Iterator[list[dict]]:
    """Rows of the Parquet partitions under `path`, in batches: {content_hash, source, doc_id, site, report}."""
    import ray

    ds = ray.data.read_parquet(path)
    for batch in ds.iter_batches(batch_size=batch_size, batch_format="pyarrow"):
        yield batch.to_pylist()


def _load_rows(store: Store, rows: list[dict], summary: Summary, start: float) -> int:
    batch = []
    for row in rows:
        rec = {"_hash": row["content_hash"], SOURCE: row["source"] or None, "doc_id": row["doc_id"] or None}
        if row.get("site"):
            rec[SITE] = row["site"]
        batch.append(rec)
    _save_reports(store, batch, [json.loads(row["report"]) for row in rows], summary)
    summary.seconds = time.perf_counter() - start
    return len(rows)


def load_parquet(store: Store, path: str, batch_size: int = 16) -> Summary:
    """Load report partitions written by `ingest_ray` into `store`; what it holds already is skipped."""
    started = _start(None, 1)
    summary, start = Summary(), time.perf_counter()
    try:
        for rows in read_partitions(path, batch_size):
            summary.seen += len(rows)
            _load_rows(store, rows, summary, start)
    finally:
        if started:
            import ray

            ray.shutdown()
    summary.seconds = time.perf_counter() - start
    return summary


def ingest_ray(store: Store, inputs: list[str], workers: int = 2, address: str | None = None,
               batch_size: int = 16, retry_failed: bool = False, parquet_dir: str | None = None,
               wave: int = 10_000, fetch: Callable | None = None,
               on_progress: Callable[[Summary, int], None] | None = None, quiet: bool = True) -> Summary:
    """Ingest `inputs` into `store` through a Ray Data actor pool of `workers` actors; see the module docstring."""
    import ray

    from dyad.ingest import fetch_url

    summary = Summary()
    out = parquet_dir or tempfile.mkdtemp(prefix="dyad-ray-")
    started = _start(address, workers)
    try:
        ctx = ray.data.DataContext.get_current()
        ctx.execution_options.preserve_order = True  # the store's rows come in input order, as in one process
        ctx.enable_progress_bars = not quiet
        if quiet:  # Ray Data logs each dataset's plan and timing at INFO on the driver's stderr
            import logging

            logging.getLogger("ray.data").setLevel(logging.WARNING)
        start = time.perf_counter()
        records = _new_records(store, inputs, fetch or fetch_url, summary, retry_failed, on_progress)
        for n, chunk in enumerate(_chunks(records, wave)):
            part = f"{out.rstrip('/')}/wave-{n:05d}"
            ds = ray.data.from_items([_row(r) for r in chunk])
            ds.map_batches(Extractor, compute=ray.data.ActorPoolStrategy(size=workers), batch_size=batch_size,
                           batch_format="default").write_parquet(part)
            for rows in read_partitions(part, batch_size):
                done = _load_rows(store, rows, summary, start)
                if on_progress:
                    on_progress(summary, done)
        summary.seconds = time.perf_counter() - start
    finally:
        if started:
            ray.shutdown()
        if parquet_dir is None:  # a temporary folder of this run: the reports are in the store now
            import shutil

            shutil.rmtree(out, ignore_errors=True)
    return summary


__all__ = ["Extractor", "ingest_ray", "load_parquet", "read_partitions"]
