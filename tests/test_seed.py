"""Acceptance: the seed article yields everything SPEC.md lists (via the reference checker)."""

from __future__ import annotations

import json
import subprocess
import sys


def test_seed_article_meets_the_spec_checklist(shared_dir, tmp_path):
    seed = shared_dir / "seed" / "pakistan-afghanistan-airstrikes.txt"
    checker = shared_dir / "tools" / "check_seed.py"
    proc = subprocess.run([sys.executable, "-m", "dyad.cli", "extract", str(seed)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    out = tmp_path / "seed.json"
    out.write_text(proc.stdout)
    check = subprocess.run([sys.executable, str(checker), str(out)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout


def test_seed_details_beyond_the_checklist(shared_dir):
    import dyad

    text = (shared_dir / "seed" / "pakistan-afghanistan-airstrikes.txt").read_text()
    r = dyad.extract(text=text, published="2025-10-17")
    actors = {a.id: a for a in r.actors}
    strike = r.events[0]
    assert strike.plover == "ASSAULT" and strike.status == "contested"
    assert strike.target.sector == "CVL" and strike.target.country == "AF"
    deny = next(c for c in strike.claims if c.stance == "deny")
    assert actors[deny.actor].name == "Khawaja Asif"
    assert "non-existent" in next(q.text for q in r.quotes if q.id == deny.quote)
    condemn = next(c for c in strike.claims if c.stance == "condemn")
    assert actors[condemn.actor].name == "Afghan authorities"
    threat = next(e for e in r.events if e.plover == "THREATEN")
    assert threat.status == "threatened" and actors[threat.source.actor].name == "Taliban"
    geo = next(a for a in r.actors if a.name == "Geo News")
    assert geo.sector == "MED"
    assert json.dumps(r.model_dump())  # serialisable
