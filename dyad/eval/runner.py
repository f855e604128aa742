"""`dyad eval STAGE`: run the dev sets through the public batch path and score the reports.

One function per stage (`run_clean`, `run_quotes`, `run_places`, `run_events`); each reads its
dev files, turns gold records into batch input (`dyad.eval.datasets`), runs
`dyad.batch.extract_records` — the path `dyad extract --jsonl` takes — and hands gold and report
pairs to the pure functions in `dyad.eval.metrics`. A result is plain data:

    {"stage", "date", "limit", "rows": [{"dataset", "file", "docs", "errors", "seconds",
                                         "figures": {name: value|None}, "support": {name: n}}]}

`support` is the denominator behind each figure (how many gold items, predictions or eligible
records it was measured on), so a figure measured on 3 records is not mistaken for a solid one.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from dyad.eval import datasets as ds
from dyad.eval import metrics as m


class EvalError(Exception):
    """A usage problem (unknown stage, missing data) the CLI reports in one line with exit status 2."""


STAGES = ("clean", "quotes", "places", "events")
ALIASES = {"extract": "clean", "geo": "places"}


# --------------------------------------------------------------------------- running the pipeline

def extract_reports(records: list[dict], label: str, progress: bool = True) -> list[dict]:
    """Batch input records -> report dicts (SPEC JSON), in order, with a progress bar on stderr."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from dyad.batch import extract_records

    out: list[dict] = []
    columns = (TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), disable=not progress, transient=True) as bar:
        task = bar.add_task(label, total=len(records))
        for report in extract_records(records):
            out.append(report.model_dump(by_alias=True))
            bar.advance(task)
    if len(out) != len(records):  # pragma: no cover - the batch path promises one report per record
        raise RuntimeError(f"{label}: {len(records)} records in, {len(out)} reports out")
    return out


def _row(name: str, path: Path, gold: list[dict], make_input: Callable[[dict], dict], progress: bool,
         score: Callable[[list[dict], list[dict]], tuple[dict, dict]]) -> dict:
    """Extract and score one dataset: the part every stage shares."""
    started = time.perf_counter()
    reports = extract_reports([make_input(r) for r in gold], name, progress)
    figures, support = score(gold, reports)
    failed = [r["error"] for r in reports if r.get("error")]
    return {
        "dataset": name, "file": str(path), "docs": len(gold), "errors": len(failed),
        # the most frequent failure, so a run spoilt by one broken component says which
        "top_error": _top_error(failed),
        "seconds": round(time.perf_counter() - started, 1),
        "figures": figures, "support": support,
    }


def _top_error(errors: list[dict]) -> str | None:
    if not errors:
        return None
    counts = Counter(f"{e.get('code')}: {e.get('message')}" for e in errors)
    message, n = counts.most_common(1)[0]
    return f"{n}x {message}"


def _result(stage: str, limit: int | None, rows: list[dict]) -> dict:
    return {"stage": stage, "date": dt.date.today().isoformat(), "limit": limit, "rows": rows}


# --------------------------------------------------------------------------- stages

def score_clean(gold: list[dict], reports: list[dict]) -> tuple[dict, dict]:
    """Shingle (word 4-gram) and token P/R averaged over documents; F1 of the averages."""
    pairs = list(zip(gold, reports, strict=True))
    shingles = m.averaged_prf(m.shingle_pr(r.get("text"), g.get("gold_text"), 4) for g, r in pairs)
    toks = m.averaged_prf(m.shingle_pr(r.get("text"), g.get("gold_text"), 1) for g, r in pairs)
    figures = {"shingle_p": shingles["p"], "shingle_r": shingles["r"], "shingle_f1": shingles["f1"],
               "token_p": toks["p"], "token_r": toks["r"], "token_f1": toks["f1"]}
    return figures, {k: len(gold) for k in figures}


def run_clean(data: str | None = None, limit: int | None = None, progress: bool = True) -> dict:
    """Main-content extraction: plain text copied from a page, and raw HTML (aeb dev sets)."""
    rows = [_row(name, path, ds.sample(ds.read_jsonl(path), limit), ds.clean_input, progress, score_clean)
            for name, path in ds.stage_files("clean", data)]
    return _result("clean", limit, rows)


def score_quotes(gold: list[dict], reports: list[dict]) -> tuple[dict, dict]:
    figures, support = m.score_quotes((r.get("quotes") or [], g.get("quotes") or [])
                                      for g, r in zip(gold, reports, strict=True))
    more, more_support = m.score_indirect((r.get("quotes") or [], _indirect_gold(g))
                                          for g, r in zip(gold, reports, strict=True))
    return {**figures, **more}, {**support, **more_support}


def _indirect_gold(record: dict) -> list[dict]:
    """PolNeAR's attributions without quoted material, with their content as text."""
    text = record.get("text") or ""
    out = []
    for a in record.get("indirect_attributions") or []:
        if a.get("content_start") is None:
            continue
        out.append({"content": text[a["content_start"]:a["content_end"]], "speaker": a.get("speaker"),
                    "speaker_kind": a.get("speaker_kind")})
    return out


def run_quotes(data: str | None = None, limit: int | None = None, progress: bool = True) -> dict:
    """Quote spans and speakers against PolNeAR's quoted segments."""
    rows = [_row(name, path, ds.sample(ds.read_jsonl(path), limit), ds.quotes_input, progress, score_quotes)
            for name, path in ds.stage_files("quotes", data)]
    return _result("quotes", limit, rows)


def predicted_places(gold_text: str, report: dict) -> list[dict]:
    """The report's places with offsets mapped back into the gold text (the cleaner may re-flow it)."""
    offsets = m.OffsetMap(gold_text, report.get("text") or "")
    out = []
    for p in report.get("places") or []:
        start, end = offsets.span(p["start"], p["end"])
        out.append({"start": start, "end": end, "lat": p.get("lat"), "lon": p.get("lon"),
                    "name": p.get("name")})
    return out


def score_places(gold: list[dict], reports: list[dict]) -> tuple[dict, dict]:
    return m.score_places((predicted_places(g.get("text") or "", r), g.get("toponyms") or [])
                          for g, r in zip(gold, reports, strict=True))


def run_places(data: str | None = None, limit: int | None = None, progress: bool = True) -> dict:
    """Toponym recognition and resolution on the geoparsing dev sets, one row each."""
    rows = [_row(name, path, ds.sample(ds.read_jsonl(path), limit), ds.places_input, progress, score_places)
            for name, path in ds.stage_files("places", data)]
    return _result("places", limit, rows)


# Dataset families whose `event_type` is in a taxonomy dyad also outputs.
ACLED_SETS = frozenset({"acled_kenya", "acled_africa2016", "case2021_task2"})
PLOVER_SETS = frozenset({"plover_gsr"})
CAMEO_SETS = frozenset({"petrarch2_unittest"})
# PLOVER v0.5 names in the 2016 gold standard records -> the 16 current PLOVER types dyad emits
# (DEMAND became REQUEST; DISAPPROVE and INVESTIGATE are modes of ACCUSE; FIGHT merged into ASSAULT;
# YIELD became CONCEDE).
OLD_PLOVER = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT",
              "YIELD": "CONCEDE"}


def first_event(report: dict) -> dict | None:
    """The report's most salient event (SPEC: events are ordered most salient first)."""
    events = report.get("events") or []
    return events[0] if events else None


def event_place(report: dict, event: dict | None) -> dict | None:
    """The first place of an event, as the report's place object."""
    if not event or not event.get("places"):
        return None
    by_id = {p.get("id"): p for p in report.get("places") or []}
    return by_id.get(event["places"][0])


def gold_acled_type(record: dict) -> str | None:
    """ACLED event type, in the modern schema when the gold gives a mapping of an old-schema type."""
    extra = record.get("gold_extra") or {}
    return extra.get("event_type_modern") or record.get("event_type")


def pred_acled_type(record: dict, event: dict | None) -> str | None:
    """Our ACLED type, collapsed to "Riots/Protests" where the gold uses the pre-2019 schema (in which
    riots and protests were one type), so both sides speak the same taxonomy."""
    value = (event or {}).get("acled_type")
    if (record.get("gold_extra") or {}).get("acled_schema") == "pre-2019" and value in ("Riots", "Protests"):
        return "Riots/Protests"
    return value


def shows(event: dict, what: str) -> bool:
    """Whether one event reports a killing, an arrest or an abduction (from casualties, ACLED subtype
    or CAMEO code, whichever the pipeline filled in)."""
    cas = event.get("casualties") or {}
    outcomes = {g.get("outcome") for g in cas.get("groups") or [] if (g.get("count") or 0) > 0}
    cameo = str(event.get("cameo") or "")
    sub = event.get("acled_subtype")
    if what == "killing":
        return (cas.get("killed") or 0) > 0 or "killed" in outcomes or cameo.startswith(("186", "1823"))
    if what == "arrest":
        return "arrested" in outcomes or sub == "Arrests" or cameo.startswith("173")
    if what == "abduction":
        return "abducted" in outcomes or sub == "Abduction/forced disappearance" or cameo.startswith("181")
    raise ValueError(what)


HRD_LABELS = {"killing": {"killing"}, "arrest": {"arbitrary detention"},
              "abduction": {"kidnapping", "enforced disappearance"}}


def score_events(gold: list[dict], reports: list[dict], family: str) -> tuple[dict, dict]:
    """Score each report's first event against its gold record (see EVALUATION.md for the rules)."""
    figures: dict = {}
    support: dict = {}

    def add(fs: dict, sp: dict) -> None:
        figures.update(fs)
        support.update(sp)

    events = [first_event(r) for r in reports]
    if family in ACLED_SETS:
        add(*m.label_metrics("acled_type", [gold_acled_type(g) for g in gold],
                             [pred_acled_type(g, e) for g, e in zip(gold, events, strict=True)]))
        if any(g.get("sub_event_type") for g in gold):
            add(*m.label_metrics("acled_subtype", [g.get("sub_event_type") for g in gold],
                                 [(e or {}).get("acled_subtype") for e in events]))
    if family in PLOVER_SETS:
        gold_plover = [OLD_PLOVER.get(g.get("event_type"), g.get("event_type")) for g in gold]
        add(*m.label_metrics("plover", gold_plover,
                             [(e or {}).get("plover") for e in events]))
    if family in CAMEO_SETS:
        add(*m.label_metrics("cameo_root", [m.cameo_root(g.get("event_type")) for g in gold],
                             [m.cameo_root((e or {}).get("cameo")) for e in events], with_macro=False))

    # fatalities: only where the text states the gold number (0 always counts as stated)
    fat = [(g["fatalities"], ((e or {}).get("casualties") or {}).get("killed") or 0)
           for g, e in zip(gold, events, strict=True)
           if m.fatalities_stated(g.get("fatalities"), g.get("text"))]
    if fat:
        nonzero = [(a, b) for a, b in fat if a > 0]
        add({"fatalities_exact": m.accuracy(*zip(*fat, strict=True)),
             "fatalities_exact_nonzero": m.accuracy(*zip(*nonzero, strict=True)) if nonzero else None},
            {"fatalities_exact": len(fat), "fatalities_exact_nonzero": len(nonzero)})

    # event place: only where the gold has coordinates and the text names the location or admin1
    placed = [m.within_km(g, event_place(r, e)) for g, r, e in zip(gold, reports, events, strict=True)
              if m.has_coords(g) and m.names_place(g.get("text"), g.get("location"), g.get("admin1"))]
    if placed:
        add({"place_161km": m.ratio(sum(placed), len(placed))}, {"place_161km": len(placed)})

    # event date: only where the article's publication date is known apart from the gold event date
    # (else the anchor handed to dyad would be the answer); the baseline takes the publication date
    dated = [(g["date"], (e or {}).get("date"), pub) for g, e in zip(gold, events, strict=True)
             if g.get("date") and (pub := ds.publication_of(g))]
    if dated:
        add({"event_date": m.ratio(sum(m.date_agrees(a, b) for a, b, _ in dated), len(dated)),
             "event_date_baseline": m.ratio(sum(m.date_agrees(a, p) for a, _, p in dated), len(dated))},
            {"event_date": len(dated), "event_date_baseline": len(dated)})

    countries = [(g["country"], (event_place(r, e) or {}).get("country"))
                 for g, r, e in zip(gold, reports, events, strict=True) if g.get("country")]
    if countries:
        add({"country_acc": m.accuracy(*zip(*countries, strict=True))}, {"country_acc": len(countries)})

    if any("violation_types" in (g.get("gold_extra") or {}) for g in gold):
        for label, names in HRD_LABELS.items():
            g_lab = [bool(names & set((g.get("gold_extra") or {}).get("violation_types") or []))
                     for g in gold]
            p_lab = [any(shows(e, label) for e in r.get("events") or []) for r in reports]
            add({f"{label}_f1": m.binary_f1(g_lab, p_lab)}, {f"{label}_f1": sum(g_lab)})

    if any("police_any_action" in (g.get("gold_extra") or {}) for g in gold):
        def police(r: dict) -> list[dict]:
            return [e for e in r.get("events") or [] if ((e.get("source") or {}).get("sector")) == "COP"]
        for label, key, test in (("police_kill", "police_killed", lambda e: shows(e, "killing")),
                                 ("police_arrest", "police_arrested", lambda e: shows(e, "arrest")),
                                 ("police_any", "police_any_action", lambda e: True)):
            g_lab = [bool((g.get("gold_extra") or {}).get(key)) for g in gold]
            p_lab = [any(test(e) for e in police(r)) for r in reports]
            add({f"{label}_f1": m.binary_f1(g_lab, p_lab)}, {f"{label}_f1": sum(g_lab)})
    return figures, support


def run_events(data: str | None = None, limit: int | None = None, progress: bool = True) -> dict:
    """Event type, fatalities, place and country of the first event, per events dev set."""
    rows = []
    for name, path in ds.stage_files("events", data):
        gold = ds.sample(ds.read_jsonl(path), limit)
        family = next((g.get("source_dataset") for g in gold if g.get("source_dataset")), name)
        rows.append(_row(name, path, gold, ds.events_input, progress,
                         lambda g, r, family=family: score_events(g, r, family)))
    return _result("events", limit, rows)


RUNNERS: dict[str, Callable[..., dict]] = {"clean": run_clean, "quotes": run_quotes, "places": run_places,
                                           "events": run_events}


def run(stage: str, data: str | None = None, limit: int | None = None, progress: bool = True) -> dict:
    """Run one stage by name (aliases: extract -> clean, geo -> places)."""
    key = ALIASES.get(stage, stage)
    if key not in RUNNERS:
        raise EvalError(f"unknown stage {stage!r}; use clean, quotes, places or events")
    if limit is not None and limit < 1:
        raise EvalError("--limit must be at least 1")
    try:
        return RUNNERS[key](data=data, limit=limit, progress=progress)
    except ds.DataError as exc:
        raise EvalError(str(exc)) from None


# --------------------------------------------------------------------------- presentation

def _cell(name: str, value, n) -> str:
    if value is None:
        return "–"
    text = f"{value:,.0f}" if name.endswith("_km") else f"{value:.3f}"
    return f"{text} ({n})" if n is not None else text


def metric_names(rows: Iterable[dict]) -> list[str]:
    """Every figure any row has, in first-seen order (rows of one stage may differ, e.g. events)."""
    names: list[str] = []
    for row in rows:
        names.extend(k for k in row["figures"] if k not in names)
    return names


def table_rows(result: dict) -> tuple[list[str], list[list[str]]]:
    """Metrics as rows, datasets as columns: fits a terminal when a stage has many figures."""
    rows = result["rows"]
    header = ["metric"] + [r["dataset"] for r in rows]
    body = [["docs"] + [str(r["docs"]) for r in rows], ["errors"] + [str(r["errors"]) for r in rows]]
    for name in metric_names(rows):
        body.append([name] + [_cell(name, r["figures"][name], r["support"].get(name))
                              if name in r["figures"] else "" for r in rows])
    return header, body


def render(result: dict, console=None) -> None:
    """Print a result as a rich table (value, with its support in brackets)."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    console = console or Console()
    header, body = table_rows(result)
    limit = f", limit {result['limit']}" if result.get("limit") else ""
    table = Table(title=f"dyad eval {result['stage']} ({result['date']}{limit})")
    for i, h in enumerate(header):
        table.add_column(h, justify="left" if i == 0 else "right")
    for line in body:
        table.add_row(*line)
    console.print(table)
    for row in result["rows"]:
        if row.get("top_error"):
            console.print(f"[yellow]{row['dataset']}: {row['errors']} report(s) carry an error (scored as "
                          f"empty); most frequent: {escape(row['top_error'])}[/yellow]", highlight=False)
    console.print("[dim](n) = gold items, predictions or eligible records behind a figure; "
                  "– = not measurable[/dim]")


def markdown(result: dict) -> str:
    """The same table in Markdown, for EVALUATION.md."""
    header, body = table_rows(result)
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in line) + " |" for line in body]
    return "\n".join(lines)
