"""`dyad ingest` and `dyad export` from the command line (typer's runner, the real extractor)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from dyad.cli import app
from dyad.export import ACLED_COLUMNS

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def test_ingest_samples_then_export(tmp_path):
    db = str(tmp_path / "cli.db")
    runner = CliRunner()
    first = runner.invoke(app, ["ingest", "--db", db, "-q", str(SAMPLES)])
    assert first.exit_code == 0, first.output
    n = len([p for p in SAMPLES.iterdir() if p.suffix in (".txt", ".html")])
    assert f"{n} ingested" in first.output and "0 skipped as duplicates" in first.output
    second = runner.invoke(app, ["ingest", "--db", db, "-q", str(SAMPLES)])
    assert second.exit_code == 0 and "0 ingested" in second.output and f"{n} skipped as duplicates" in second.output

    out = runner.invoke(app, ["export", "--db", db, "--format", "csv"])
    assert out.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert rows and list(rows[0])[:len(ACLED_COLUMNS)] == ACLED_COLUMNS
    kenya = runner.invoke(app, ["export", "--db", db, "--format", "geojson", "--country", "KE"])
    feats = json.loads(kenya.stdout)["features"]
    assert feats and all(f["geometry"]["type"] == "Point" for f in feats)
    reports = runner.invoke(app, ["export", "--db", db, "--format", "jsonl"]).stdout.splitlines()
    assert len(reports) == n and json.loads(reports[0])["schema"] == "dyad.report/1"
    pq_path = tmp_path / "e.parquet"
    assert runner.invoke(app, ["export", "--db", db, "-f", "parquet", "-o", str(pq_path)]).exit_code == 0
    import pyarrow.parquet as pq

    assert pq.read_table(pq_path).num_rows == len(rows)


def test_failures_set_the_exit_code_and_are_listed(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc_id": "x", "text": ""}\nnot json\n')
    res = CliRunner().invoke(app, ["ingest", "--db", str(tmp_path / "f.db"), "-q", str(bad)])
    assert res.exit_code == 1
    assert "2 failed" in res.output and "invalid_json" in res.output and "empty" in res.output


def test_usage_errors(tmp_path):
    runner = CliRunner()
    assert runner.invoke(app, ["export", "--db", str(tmp_path / "u.db"), "-f", "xml"]).exit_code == 2
    assert runner.invoke(app, ["export", "--db", str(tmp_path / "u.db"), "-f", "parquet"]).exit_code == 2
    res = runner.invoke(app, ["ingest", "--db", "postgresql+psycopg://nobody:x@127.0.0.1:1/none", "-q", "x"])
    assert res.exit_code == 2 and "cannot open the database" in res.output
