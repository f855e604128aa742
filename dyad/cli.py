"""The `dyad` command (typer + rich): extract, schema, eval.

Exit codes follow SPEC.md: 0 when every document was processed, 1 when some failed (their
reports carry `error`), 2 for usage errors (bad flags, unreadable file).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

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
    """Yield records of a JSONL file; a line that is not JSON becomes a record the batch reports."""
    stream = sys.stdin if path == "-" else open(path, encoding="utf-8", errors="replace")  # noqa: SIM115
    with stream:
        for n, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as exc:
                # kept as a record so the batch reports it in place (dyad.batch.prepare rejects it)
                yield {"doc_id": f"line-{n}", INVALID_LINE: f"line {n} is not valid JSON: {exc.msg}"}


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


if __name__ == "__main__":  # pragma: no cover
    app()
