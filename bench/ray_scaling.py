"""`dyad ingest --engine ray` on a local Ray: articles/s with 1 and 2 actors, into a new SQLite store.

    .venv/bin/python bench/ray_scaling.py --limit 400            # every k-th article of the corpus
    .venv/bin/python bench/ray_scaling.py --workers 1,2,4 --address auto   # on a running cluster

Each worker count runs in a fresh process (its own `ray.init` and store). Reported: the whole
run (Ray start, actor start-up with one model load each, extraction, Parquet write, load into
the store) and its rate. Not a unit test.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import CORPUS, load_sample, words_of, write_sample  # noqa: E402


def run_one(rows: list[dict], workers: int, address: str | None, batch_size: int) -> dict:
    from dyad.scale.ray_engine import ingest_ray
    from dyad.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        src = write_sample(rows, tmp)
        store = open_store(f"sqlite:///{tmp}/bench.db")
        t = time.perf_counter()
        s = ingest_ray(store, [str(src)], workers=workers, address=address, batch_size=batch_size)
        total = time.perf_counter() - t
        store.close()
    return {"workers": workers, "seconds": total, "ingested": s.ingested, "failed": s.failed}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=str(CORPUS))
    ap.add_argument("--limit", type=int, default=400)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--address", default=None)
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    rows = load_sample(Path(args.corpus), args.limit)
    if args.one:
        print(json.dumps(run_one(rows, args.one, args.address, args.batch_size)))
        return
    n, words = len(rows), words_of(rows)
    print(f"{n} articles, {words:,} words; load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    base = None
    for w in (int(x) for x in args.workers.split(",")):
        cmd = [sys.executable, __file__, "--one", str(w), "--limit", str(args.limit), "--corpus", args.corpus,
               "--batch-size", str(args.batch_size)] + (["--address", args.address] if args.address else [])
        res = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if res.returncode:
            sys.stderr.write(res.stderr)
            raise SystemExit(f"{w} workers failed")
        out = json.loads(res.stdout.strip().splitlines()[-1])
        rate = n / out["seconds"]
        base = base or rate
        print(f"  {w} workers  {out['seconds']:6.1f} s  {words / out['seconds']:8,.0f} words/s  {rate:6.2f} articles/s"
              f"  ×{rate / base:.2f}", flush=True)
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
