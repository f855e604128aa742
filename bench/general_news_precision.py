"""Violence that dyad reads into general news: event counts per BBC category and a judged sample.

    .venv/bin/python bench/general_news_precision.py extract /tmp/bbc-events.jsonl   # ~5 min, the whole corpus
    .venv/bin/python bench/general_news_precision.py count /tmp/bbc-events.jsonl
    .venv/bin/python bench/general_news_precision.py sample /tmp/bbc-events.jsonl --n 60 --seed 1 \\
        [--skip-politics | --category politics] [--judged bench/general_news_judged.tsv]

`extract` runs every article of `shared/corpus/bbc_news.jsonl.gz` through `dyad.batch.extract_records`
and keeps, per event, its types and its evidence sentences (one JSON line per event). `count`
prints the violent events (PLOVER ASSAULT or an ACLED violent type: Battles, Explosions/Remote
violence, Violence against civilians, Riots) and the COERCE / PROTEST events per category.
`sample` draws a seeded random sample of the violent events and prints them for judging; with
`--judged`, a TSV of `key<TAB>T|F<TAB>note` lines (key = doc_id:evidence start), it prints the
precision of the judged events of the sample and lists those not judged yet;
`bench/general_news_judged.tsv` holds the session-3 judgments (keys and verdicts only, no corpus
text). The corpus is mostly UK business, sport, shows and tech news: nearly every violent event
there is a word of violence used figuratively, so the count is a measure of false events and the
judged sample of precision.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "bbc_news.jsonl.gz"
VIOLENT_ACLED = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}
CATEGORIES = ("business", "entertainment", "sport", "tech", "politics")


def extract(out: Path, limit: int | None) -> None:
    """Run the corpus through dyad's batch path; write one line per event with its evidence."""
    from dyad.batch import extract_records

    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    if limit:
        rows = rows[::max(1, len(rows) // limit)][:limit]
    category = {r["doc_id"]: r["category"] for r in rows}
    records = ({"doc_id": r["doc_id"], "text": r["text"]} for r in rows)
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for rep in extract_records(records):
            rep = rep.model_dump() if hasattr(rep, "model_dump") else rep
            for ev in rep.get("events") or []:
                ev_start = ev["evidence"][0]["start"] if ev["evidence"] else -1
                fh.write(json.dumps({
                    "key": f"{rep['doc_id']}:{ev_start}", "doc_id": rep["doc_id"],
                    "category": category.get(rep["doc_id"]), "plover": ev["plover"], "mode": ev["mode"],
                    "acled_type": ev["acled_type"], "acled_subtype": ev["acled_subtype"],
                    "source": (ev.get("source") or {}).get("name"), "target": (ev.get("target") or {}).get("name"),
                    "killed": (ev.get("casualties") or {}).get("killed"),
                    "evidence": " | ".join(rep["text"][e["start"]:e["end"]] for e in ev["evidence"]),
                }) + "\n")
            n += 1
            if n % 200 == 0:
                print(f"{n} articles", file=sys.stderr)


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def violent(ev: dict) -> bool:
    return ev["plover"] == "ASSAULT" or ev["acled_type"] in VIOLENT_ACLED


def count(events: list[dict]) -> None:
    """Violent, COERCE and PROTEST events per category (the non-politics total is the headline)."""
    kinds = {"violent": violent, "COERCE": lambda e: e["plover"] == "COERCE",
             "PROTEST": lambda e: e["plover"] == "PROTEST"}
    print(f"{'category':<14}" + "".join(f"{k:>9}" for k in kinds))
    totals = Counter()
    for cat in CATEGORIES:
        row = [sum(1 for e in events if e["category"] == cat and f(e)) for f in kinds.values()]
        print(f"{cat:<14}" + "".join(f"{x:>9}" for x in row))
        if cat != "politics":
            totals.update(dict(zip(kinds, row, strict=True)))
    print(f"{'non-politics':<14}" + "".join(f"{totals[k]:>9}" for k in kinds))
    sub = Counter(f"{e['plover']}/{e['acled_subtype']}" for e in events if violent(e) and e["category"] != "politics")
    print("non-politics violent by type:", ", ".join(f"{k} {v}" for k, v in sub.most_common()))


def sample(events: list[dict], n: int, seed: int, skip_politics: bool, judged: Path | None,
           category: str | None = None) -> None:
    """A seeded random sample of violent events; with judgments, the sample's precision."""
    pool = sorted((e for e in events if violent(e) and not (skip_politics and e["category"] == "politics")
                   and (category is None or e["category"] == category)), key=lambda e: e["key"])
    picked = random.Random(seed).sample(pool, min(n, len(pool)))
    labels = {}
    if judged and judged.exists():
        for line in judged.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) >= 2 and parts[1] in ("T", "F"):
                labels[parts[0]] = parts[1]
    todo = [e for e in picked if e["key"] not in labels]
    for e in todo:
        print(f"{e['key']}\t{e['category']}\t{e['plover']}/{e['acled_subtype']}\t"
              f"src={e['source']} tgt={e['target']} killed={e['killed']}\n    {e['evidence'][:400]}")
    done = [e for e in picked if e["key"] in labels]
    if done:
        true = sum(labels[e["key"]] == "T" for e in done)
        print(f"pool {len(pool)}; judged {len(done)} of {len(picked)} sampled: {true} true, "
              f"precision {true / len(done):.3f}; not judged {len(todo)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("extract")
    p.add_argument("out", type=Path)
    p.add_argument("--limit", type=int)
    p = sub.add_parser("count")
    p.add_argument("events", type=Path)
    p = sub.add_parser("sample")
    p.add_argument("events", type=Path)
    p.add_argument("--n", type=int, default=60)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--skip-politics", action="store_true")
    p.add_argument("--category", choices=CATEGORIES)
    p.add_argument("--judged", type=Path)
    args = ap.parse_args()
    if args.cmd == "extract":
        extract(args.out, args.limit)
    elif args.cmd == "count":
        count(load(args.events))
    else:
        sample(load(args.events), args.n, args.seed, args.skip_politics, args.judged, args.category)


if __name__ == "__main__":
    main()
