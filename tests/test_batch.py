"""The batch contract of SPEC.md: one report per input line, in order; failures marked, batch goes on."""

from __future__ import annotations

import json
import subprocess
import sys

from dyad.batch import extract_records

ARTICLE = ("Police in Garissa arrested 12 people on Monday after a protest over water shortages turned violent, "
           "county officials said. Protesters blocked the main road with burning tyres.")


def _cli(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "dyad.cli", *args], capture_output=True, text=True, input=stdin)


def test_hundred_lines_with_broken_ones(tmp_path):
    lines = []
    for i in range(100):
        if i % 10 == 3:
            rec = {"doc_id": f"d{i}", "text": ""}  # empty
        elif i % 10 == 5:
            rec = {"doc_id": f"d{i}", "text": "\x00\x01\x02PK\x03\x04" * 50}  # binary
        elif i % 10 == 7:
            rec = {"doc_id": f"d{i}", "html": "<html><body><div></div></body></html>"}  # HTML with no article
        else:
            rec = {"doc_id": f"d{i}", "text": f"{ARTICLE} (item {i})", "published": "2024-05-06"}
        lines.append(json.dumps(rec))
    lines[42] = "{not json"
    inp, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    inp.write_text("\n".join(lines) + "\n")
    proc = _cli("extract", "--jsonl", str(inp), "-o", str(out))
    assert proc.returncode == 1, proc.stderr
    reports = [json.loads(x) for x in out.read_text().splitlines()]
    assert len(reports) == 100
    ids = [r["doc_id"] for r in reports]
    assert ids[:3] == ["d0", "d1", "d2"] and ids[99] == "d99"
    failed = {r["doc_id"]: r["error"]["code"] for r in reports if r["error"]}
    assert failed["d3"] == "empty"
    assert failed["d5"] == "binary"
    assert failed["d7"] == "no_content"
    assert failed["line-43"] == "invalid_json"
    assert len(failed) == 31
    good = [r for r in reports if not r["error"]]
    assert all(r["schema"] == "dyad.report/1" and r["events"] for r in good)


def test_all_good_batch_exits_zero(tmp_path):
    inp, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    inp.write_text(json.dumps({"doc_id": "a", "text": ARTICLE}) + "\n")
    proc = _cli("extract", "--jsonl", str(inp), "-o", str(out))
    assert proc.returncode == 0, proc.stderr


def test_gzip_input_is_read_whatever_its_name_and_a_broken_one_is_one_error(tmp_path):
    import gzip

    records = [{"doc_id": "a", "text": ARTICLE}, {"doc_id": "b", "text": ARTICLE.replace("Garissa", "Wajir")}]
    inp, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"  # compressed under a plain name
    inp.write_bytes(gzip.compress("\n".join(json.dumps(r) for r in records).encode()))
    proc = _cli("extract", "--jsonl", str(inp), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert [json.loads(x)["doc_id"] for x in out.read_text().splitlines()] == ["a", "b"]
    broken = tmp_path / "broken.jsonl.gz"
    broken.write_bytes(inp.read_bytes()[:40])  # truncated mid-stream
    proc = _cli("extract", "--jsonl", str(broken), "-o", str(out))
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and "broken.jsonl.gz: cannot read the compressed input" in proc.stderr


def test_usage_errors_exit_two(tmp_path):
    proc = _cli("extract", str(tmp_path / "missing.txt"))
    assert proc.returncode == 2
    assert "missing.txt: no such file" in proc.stderr
    assert _cli("extract").returncode == 2


def test_single_article_from_stdin_and_html_detection():
    html = ("<html><head><title>Clashes in Kismayo</title></head><body><nav>Home | World</nav><article>"
            f"<p>{ARTICLE}</p><p>Residents said the situation was calm by evening.</p></article></body></html>")
    proc = _cli("extract", "-", stdin=html)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert "Police in Garissa arrested 12 people" in report["text"]
    assert "<p>" not in report["text"]


def test_offsets_index_into_text_and_api_matches_batch():
    import dyad

    report = dyad.extract(text=ARTICLE, published="2024-05-06")
    for span in [e for ev in report.events for e in ev.evidence]:
        assert 0 <= span.start < span.end <= len(report.text)
    for q in report.quotes:
        assert report.text[q.start:q.end] == q.text
    for p in report.places:
        assert report.text[p.start:p.end] == p.name
    batch = next(extract_records([{"text": ARTICLE, "published": "2024-05-06"}]))
    assert batch.model_dump() == report.model_dump()


def test_schema_command_prints_json_schema():
    proc = _cli("schema")
    schema = json.loads(proc.stdout)
    assert schema["$id"] == "dyad.report/1"
    assert {"actors", "quotes", "places", "events", "error"} <= set(schema["properties"])
