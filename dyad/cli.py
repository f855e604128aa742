"""The `dyad` command (typer + rich): extract, schema, eval, ingest, serve, export.

Exit codes follow SPEC.md: 0 when every document was processed, 1 when some failed (their
reports carry `error`), 2 for usage errors (bad flags, unreadable file).
"""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from dyad.batch import INVALID_LINE

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="News articles -> structured, evidence-backed event data (dyad.report/1).")
err = Console(stderr=True)


def _fail(message: str) -> None:
    """A usage error: one plain line on stderr (never wrapped, so scripts can grep it), exit 2."""
    typer.echo(f"dyad: {message}", err=True)
    raise typer.Exit(2)


def _read_input(path: str) -> tuple[str, str]:
    """Read FILE or '-' as text; returns (content, doc_id)."""
    if path == "-":
        return sys.stdin.read(), "stdin"
    p = Path(path)
    if not p.is_file():
        _fail(f"{path}: no such file")
    try:
        data = p.read_bytes()
    except OSError as exc:
        _fail(f"{path}: cannot read ({exc.strerror})")
    try:
        return data.decode("utf-8-sig"), p.stem
    except UnicodeDecodeError:
        return data.decode("latin-1"), p.stem


def _read_jsonl(path: str):
    """Yield records of a JSONL file, gzip-compressed or not (told by its first bytes, whatever its
    name, so a `.jsonl.gz` is read and not reported as thousands of broken lines); a line that is
    not JSON becomes a record the batch reports."""
    raw = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115
    if hasattr(raw, "peek") and raw.peek(2)[:2] == b"\x1f\x8b":
        raw = gzip.GzipFile(fileobj=raw)
    with io.TextIOWrapper(raw, encoding="utf-8", errors="replace") as stream:
        try:
            for n, line in enumerate(stream, 1):
                if not line.strip():
                    continue
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as exc:
                    # kept as a record so the batch reports it in place (dyad.batch.prepare rejects it)
                    yield {"doc_id": f"line-{n}", INVALID_LINE: f"line {n} is not valid JSON: {exc.msg}"}
        except (OSError, EOFError) as exc:  # a truncated or corrupt gzip stream
            _fail(f"{path}: cannot read the compressed input ({exc})")


@app.command()
def extract(
    article: str = typer.Argument(None, help="ARTICLE.txt | ARTICLE.html | - (stdin)"),
    jsonl: str = typer.Option(None, "--jsonl", help="batch input: one {doc_id, text|html, published?} per line"),
    output: str = typer.Option(None, "-o", "--output", help="batch output file (JSONL); default stdout"),
    published: str = typer.Option(None, "--published", help="ISO date anchoring relative dates"),
    batch_size: int = typer.Option(16, "--batch-size", min=1),
) -> None:
    """Extract one report (pretty JSON) from an article, or a batch (JSONL in, JSONL out)."""
    from dyad.batch import extract_records

    if (article is None) == (jsonl is None):
        _fail("give exactly one of ARTICLE or --jsonl IN")
    if jsonl is not None:
        if jsonl != "-" and not Path(jsonl).is_file():
            _fail(f"{jsonl}: no such file")
        records = _read_jsonl(jsonl)
        out = sys.stdout if output in (None, "-") else open(output, "w", encoding="utf-8")  # noqa: SIM115
        failed = 0
        with out:
            for report in extract_records(records, batch_size=batch_size):
                failed += report.error is not None
                out.write(report.to_json() + "\n")
                out.flush()
        if failed:
            typer.echo(f"dyad: {failed} document(s) failed; their reports carry 'error'", err=True)
        raise typer.Exit(1 if failed else 0)
    content, doc_id = _read_input(article)
    field = "html" if article.lower().endswith((".html", ".htm")) else "text"
    record = {"doc_id": doc_id, field: content}
    if published:
        record["published"] = published
    report = next(extract_records([record]))
    print(report.to_json(indent=2))
    if report.error:
        typer.echo(f"dyad: {article}: {report.error.message}", err=True)
        raise typer.Exit(1)


@app.command()
def schema() -> None:
    """Print the JSON Schema of a dyad.report/1 report."""
    from dyad.report import json_schema

    print(json.dumps(json_schema(), indent=2))


@app.command("eval")
def eval_(
    stage: str = typer.Argument(..., help="clean (alias extract) | quotes | places (alias geo) | events"),
    data: str = typer.Option(None, "--data", help="one dev file (.jsonl, .jsonl.gz) to use instead"),
    limit: int = typer.Option(None, "--limit", help="evenly spaced sample of N records per dataset"),
    as_json: bool = typer.Option(False, "--json", help="print the figures as JSON instead of a table"),
) -> None:
    """Score one stage on the dev sets in ../shared/eval (see EVALUATION.md)."""
    from rich.markup import escape

    from dyad.eval.runner import EvalError, render, run

    try:
        result = run(stage, data=data, limit=limit)
    except EvalError as exc:
        # soft_wrap: the message names a path, which must stay on one line to be copied
        err.print(f"[red]dyad: {escape(str(exc))}[/red]", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None
    if as_json:
        print(json.dumps(result, indent=2))
    else:
        render(result)


DB_HELP = "database: a file path or SQLAlchemy URL (postgresql+psycopg://...); default $DYAD_DB or the user data dir"


def _open_store(db: str | None):
    from dyad.store import open_store

    try:
        return open_store(db)
    except Exception as exc:  # noqa: BLE001 - a bad URL or unreachable server is a usage error
        _fail(f"cannot open the database: {type(exc).__name__}: {str(exc).splitlines()[0]}")


@app.command()
def ingest(
    inputs: Annotated[list[str], typer.Argument(help="files, folders, .jsonl(.gz), RSS/Atom feeds, .warc(.gz), URLs")],
    db: str = typer.Option(None, "--db", help=DB_HELP),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="extraction processes"),
    batch_size: int = typer.Option(16, "--batch-size", min=1, help="articles per nlp.pipe batch and transaction"),
    retry_failed: bool = typer.Option(False, "--retry-failed", help="try again the inputs that failed before"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="no progress bar"),
    engine: str = typer.Option("local", "--engine", help="local (a process pool) or ray (a Ray Data actor pool; "
                               "pip install 'dyad[ray]')"),
    address: str = typer.Option(None, "--address", help="--engine ray: a running cluster ('auto', 'ray://head:10001'); "
                                "without it a local Ray starts"),
    parquet: str = typer.Option(None, "--parquet", help="--engine ray: keep the report partitions here (a path every "
                                "node can write: shared file system, s3://...); default a temporary folder"),
) -> None:
    """Extract and store articles; re-ingesting adds nothing, and a killed run resumes where it stopped."""
    from rich.markup import escape
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    from dyad.ingest import count_records
    from dyad.ingest import ingest as run_ingest
    from dyad.store import safe_url

    store = _open_store(db)
    total = count_records(inputs)
    columns = [TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]:.1f} articles/s"), TextColumn("{task.fields[info]}"),
               TimeElapsedColumn(), TextColumn("eta"), TimeRemainingColumn()]
    with Progress(*columns, console=err, disable=quiet, transient=False) as progress:
        task = progress.add_task("ingest", total=total, rate=0.0, info="")

        def on_progress(summary, advanced):
            progress.update(task, advance=advanced, rate=summary.rate,
                            info=f"new {summary.ingested} · dup {summary.duplicates} · failed {summary.failed}")

        try:
            if engine == "ray":
                try:
                    import ray  # noqa: F401

                    from dyad.scale.ray_engine import ingest_ray
                except ImportError as exc:
                    _fail(f"--engine ray needs Ray: pip install 'dyad[ray]' ({exc})")
                summary = ingest_ray(store, inputs, workers=workers, address=address, batch_size=batch_size,
                                     retry_failed=retry_failed, parquet_dir=parquet, on_progress=on_progress)
            elif engine == "local":
                summary = run_ingest(store, inputs, workers=workers, batch_size=batch_size,
                                     retry_failed=retry_failed, on_progress=on_progress)
            else:
                _fail(f"--engine must be 'local' or 'ray', not {engine!r}")
        except KeyboardInterrupt:
            progress.stop()
            # every committed batch is stored whole; the next run skips what is there
            err.print("dyad: interrupted; the articles stored so far stay, and running the same command again "
                      "goes on from there", highlight=False, soft_wrap=True)
            raise typer.Exit(130) from None
    words_s = summary.words / summary.seconds if summary.seconds else 0
    err.print(f"[bold]{summary.ingested}[/bold] ingested ({summary.rate:.1f} articles/s, {words_s:,.0f} words/s), "
              f"[bold]{summary.duplicates}[/bold] skipped as duplicates, "
              + (f"{summary.failed_before} skipped (failed before; --retry-failed), " if summary.failed_before else "")
              + f"[bold]{summary.failed}[/bold] failed — into {escape(safe_url(store.url))}",
              highlight=False, soft_wrap=True)
    for code, n in summary.reasons.most_common():
        err.print(f"  failed {n} × {code}: {escape(summary.examples[code][:200])}", highlight=False)
    store.close()
    raise typer.Exit(1 if summary.failed else 0)


@app.command()
def serve(
    db: str = typer.Option(None, "--db", help=DB_HELP),
    host: str = typer.Option("127.0.0.1", "--host"),
    port: int = typer.Option(8000, "--port"),
) -> None:
    """Serve the web pages and the JSON API (FastAPI) over the store."""
    import uvicorn

    from dyad.store import safe_url
    from dyad.web.app import create_app

    store = _open_store(db)
    err.print(f"dyad: serving {safe_url(store.url)} on http://{host}:{port}/  (API: /api, OpenAPI: /openapi.json)",
              highlight=False, soft_wrap=True)
    uvicorn.run(create_app(store), host=host, port=port, log_level="warning")


@app.command()
def export(
    fmt: str = typer.Option("csv", "--format", "-f", help="csv (ACLED columns) | parquet | geojson | jsonl (reports)"),
    output: str = typer.Option(None, "-o", "--output", help="output file; default stdout (not for parquet)"),
    db: str = typer.Option(None, "--db", help=DB_HELP),
    country: str = typer.Option(None, "--country"),
    actor: str = typer.Option(None, "--actor"),
    plover: str = typer.Option(None, "--plover"),
    acled_type: str = typer.Option(None, "--acled-type"),
    date_from: str = typer.Option(None, "--from", help="ISO date, inclusive"),
    date_to: str = typer.Option(None, "--to", help="ISO date, inclusive"),
    place: str = typer.Option(None, "--place"),
    status: str = typer.Option(None, "--status"),
    q: str = typer.Option(None, "--q", help="free text in the evidence or the title"),
) -> None:
    """Export events (filtered like /api/events) as ACLED-style CSV, Parquet or GeoJSON, or all reports as JSONL."""
    from dyad import export as ex
    from dyad.store import EventFilter

    if fmt not in ("csv", "parquet", "geojson", "jsonl"):
        _fail(f"unknown format {fmt!r}: csv, parquet, geojson or jsonl")
    if fmt == "parquet" and output in (None, "-"):
        _fail("parquet needs -o FILE")
    store = _open_store(db)
    f = EventFilter(country=country, actor=actor, plover=plover, acled_type=acled_type, date_from=date_from,
                    date_to=date_to, place=place, status=status, q=q)
    if fmt == "parquet":
        Path(output).write_bytes(ex.to_parquet(ex.acled_rows(store, f)))
        err.print(f"dyad: wrote {output}", highlight=False)
        return
    to_stdout = output in (None, "-")
    out = sys.stdout if to_stdout else open(output, "w", encoding="utf-8", newline="")  # noqa: SIM115
    with contextlib.nullcontext(out) if to_stdout else out:
        if fmt == "csv":
            ex.write_csv(ex.acled_rows(store, f), out)
        elif fmt == "geojson":
            json.dump(ex.geojson(store, f), out)
            out.write("\n")
        else:
            for report in ex.reports(store):
                out.write(json.dumps(report, ensure_ascii=False) + "\n")


if __name__ == "__main__":  # pragma: no cover
    app()
