"""The Ray Data engine: 200 corpus articles through a local Ray give exactly the reports of one process.

Slow (a local Ray starts, two actors load the model): .ci/run runs it with `-m slow`.
"""

from __future__ import annotations

import gzip
import json

import pytest
import sqlalchemy as sa

pytest.importorskip("ray")

from dyad.ingest import ingest  # noqa: E402
from dyad.store import open_store  # noqa: E402
from dyad.store.schema import articles  # noqa: E402

N = 200


def _sample(path, n):
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        rows = [line for line in fh if line.strip()]
    step = len(rows) / n  # every k-th: all five categories
    return [rows[int(i * step)] for i in range(n)]


def _reports(store) -> dict[str, dict]:
    with store.engine.connect() as conn:
        return {h: (r, doc_id, source) for h, r, doc_id, source in conn.execute(
            sa.select(articles.c.content_hash, articles.c.report, articles.c.doc_id, articles.c.source))}


@pytest.mark.slow
def test_ray_engine_equals_single_process(tmp_path, shared_dir):
    import ray

    from dyad.scale.ray_engine import ingest_ray, load_parquet

    src = tmp_path / "sample.jsonl.gz"
    with gzip.open(src, "wt", encoding="utf-8") as fh:
        fh.writelines(_sample(shared_dir / "corpus" / "bbc_news.jsonl.gz", N))

    local = open_store(f"sqlite:///{tmp_path}/local.db")
    s_local = ingest(local, [str(src)], workers=1)
    assert s_local.ingested == N and s_local.failed == 0

    distributed = open_store(f"sqlite:///{tmp_path}/ray.db")
    parts = tmp_path / "parts"
    try:
        s_ray = ingest_ray(distributed, [str(src)], workers=2, parquet_dir=str(parts), wave=120)
        assert not ray.is_initialized()  # the local Ray it started is stopped
        assert s_ray.ingested == N and s_ray.failed == 0 and s_ray.words == s_local.words
        assert sorted(p.name for p in parts.iterdir()) == ["wave-00000", "wave-00001"]
        assert list(parts.rglob("*.parquet"))

        mine, theirs = _reports(distributed), _reports(local)
        assert mine.keys() == theirs.keys()
        for h, (report, doc_id, source) in theirs.items():
            assert mine[h] == (report, doc_id, source), doc_id  # the same report, exactly

        # idempotent: the same input again, or the partitions loaded again, add nothing
        again = ingest_ray(distributed, [str(src)], workers=2)
        assert again.ingested == 0 and again.duplicates == N
        reload = load_parquet(distributed, str(parts))
        assert reload.ingested == 0 and reload.duplicates == N
        with distributed.engine.connect() as conn:
            assert conn.scalar(sa.select(sa.func.count()).select_from(articles)) == N
    finally:
        if ray.is_initialized():
            ray.shutdown()
        local.close()
        distributed.close()


def test_cli_rejects_unknown_engine(tmp_path):
    from typer.testing import CliRunner

    from dyad.cli import app

    (tmp_path / "a.txt").write_text("Nothing.\n")
    res = CliRunner().invoke(app, ["ingest", str(tmp_path / "a.txt"), "--db", f"sqlite:///{tmp_path}/x.db",
                                   "--engine", "spark", "-q"])
    assert res.exit_code == 2
    assert "--engine must be" in res.output + (res.stderr if res.stderr_bytes is not None else "")


def test_rows_round_trip():
    """What crosses to an actor is the record as the local path gets it, without the private keys."""
    from dyad.scale.ray_engine import _row

    rec = {"doc_id": "d1", "text": "Body", "title": "T", "_hash": "h", "_source": "f:1", "_site": "BBC"}
    row = _row(rec)
    assert json.loads(row["record"]) == {"doc_id": "d1", "text": "Body", "title": "T"}
    assert (row["content_hash"], row["source"], row["site"]) == ("h", "f:1", "BBC")
