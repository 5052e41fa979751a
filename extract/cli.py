"""Command line: ``sports-extract run|evaluate|show|review`` (also ``python -m extract``).

\b
Exit codes:
  0  every input processed
  1  completed, but some inputs could not be read or processed (see the error column of articles.parquet)
  2  wrong usage (unknown option, missing argument)
  3  could not run (no input found, output not writable, bad pattern file, model not loadable)
"""
from __future__ import annotations

import os
import shlex
import signal
import sys
from pathlib import Path

import click

from .batch import DEFAULT_ARTICLES_PER_PART, DEFAULT_CHUNK_SIZE

EXIT_OK, EXIT_BAD_INPUTS, EXIT_USAGE, EXIT_FAILED = 0, 1, 2, 3


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, epilog=__doc__.split("\n\n", 1)[1])
@click.version_option(package_name="sports-extract")
def main() -> None:
    """Turn Dutch and Flemish race reports into a table of results (Parquet)."""


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", default="output", show_default=True, type=click.Path(path_type=Path),
              help="Folder for the results, records and articles tables and manifest.json (created if needed).")
@click.option("--model", default=None, metavar="NAME|PATH",
              help="spaCy pipeline to use: a package name or a path; 'blank' for the embedded default. "
                   "Default: nl_core_news_lg/md/sm when installed, else the embedded default.")
@click.option("-j", "--jobs", default=None, type=click.IntRange(1), metavar="N",
              help="Worker processes (local engine) or LocalCluster workers (dask engine). Default: the cores "
                   "available.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: worker processes on this machine; dask: the chunks as tasks on a Dask cluster.")
@click.option("--scheduler", metavar="ADDRESS",
              help="With --engine dask: the address of a running scheduler (tcp://host:8786); without it a "
                   "LocalCluster of --jobs workers is started.")
@click.option("--resume", is_flag=True,
              help="Finish the interrupted run in --out (same inputs and options) instead of starting over.")
@click.option("--chunk-size", default=DEFAULT_CHUNK_SIZE, show_default=True, type=click.IntRange(1, 1_000_000),
              help="Articles per task sent to a worker.")
@click.option("--part-size", default=DEFAULT_ARTICLES_PER_PART, show_default=True, type=click.IntRange(1),
              help="Articles per Parquet part file. A run that fits one part writes single files.")
@click.option("--layout", type=click.Choice(["auto", "file", "dataset"]), default="auto", show_default=True,
              help="file: DIR/results.parquet ...; dataset: DIR/results/part-*.parquet ...; auto: file when "
                   "the run fits one part.")
@click.option("--batch-size", default=64, show_default=True, type=click.IntRange(1, 10_000),
              help="Articles per spaCy batch (nlp.pipe) inside a task.")
@click.option("--max-article-bytes", default=1_000_000, show_default=True, type=click.IntRange(1), metavar="N",
              help="Read at most N bytes of a file (the rest is cut, noted in articles.warnings); a JSONL line "
                   "over N bytes is an error row.")
@click.option("--max-line-chars", default=10_000, show_default=True, type=click.IntRange(1), metavar="N",
              help="Cut longer lines of an article's text to N characters (noted in articles.warnings).")
@click.option("--follow-links", is_flag=True,
              help="Follow symbolic links that lead out of an input folder (default: an error row each).")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar on stderr (default: when stderr is a terminal).")
@click.option("-q", "--quiet", is_flag=True, help="No closing summary.")
def run(inputs: tuple[Path, ...], out_dir: Path, model: str | None, jobs: int | None, engine: str,
        scheduler: str | None, resume: bool, chunk_size: int, part_size: int, layout: str, batch_size: int,
        max_article_bytes: int, max_line_chars: int, follow_links: bool, progress: bool | None, quiet: bool) -> None:
    """Extract results from the articles in INPUTS (files or folders, walked recursively).

    Reads .txt (with an optional metadata header), .md (YAML front matter and a Markdown
    or HTML body), .html and .jsonl (one article object a line, with "text" and optional
    "id", "date", "title", "url"). A file that cannot be read becomes an error row in
    articles.parquet and the batch goes on.

    The articles go in chunks to worker processes (or a Dask cluster); the output is
    written part by part into OUT/.partial and published when the run is complete, so an
    interrupted run can be finished with --resume and a previous output stays whole until then.
    """
    from tqdm import tqdm

    from .batch import ModelLoadError, NoInputError, OutputFolderError, ResumeError, run_batch
    from .lexicon import PatternFileError
    from .reading import Limits

    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    jobs = jobs or _cores()
    signal.signal(signal.SIGTERM, _interrupt)  # a polite kill ends the run as Ctrl-C does: resumable
    for p in inputs:
        if not p.exists():
            click.echo(f"sports-extract: no such file or folder: {p}", err=True)
            sys.exit(EXIT_FAILED)
    bar = tqdm(unit=" articles", disable=None if progress is None else not progress, file=sys.stderr)
    try:
        summary = run_batch(inputs, out_dir, jobs=jobs, engine=engine, scheduler=scheduler, model=model,
                            chunk_size=chunk_size, articles_per_part=part_size, layout=layout,
                            batch_size=batch_size, resume=resume, limits=Limits(max_article_bytes, max_line_chars),
                            follow_links=follow_links, on_chunk=lambda c: bar.update(c.articles))
    except PatternFileError as exc:
        click.echo(f"sports-extract: bad pattern file: {exc}", err=True)
        sys.exit(EXIT_FAILED)
    except ResumeError as exc:
        click.echo(f"sports-extract: cannot resume: {exc}", err=True)
        sys.exit(EXIT_FAILED)
    except (NoInputError, ModelLoadError, OutputFolderError) as exc:
        click.echo(f"sports-extract: {exc}", err=True)
        sys.exit(EXIT_FAILED)
    except OSError as exc:
        click.echo(f"sports-extract: cannot write to {out_dir}: {exc}", err=True)
        sys.exit(EXIT_FAILED)
    except KeyboardInterrupt:
        again = sys.argv[1:] + ([] if "--resume" in sys.argv else ["--resume"])
        click.echo(f"\nsports-extract: interrupted; the parts written are kept in {out_dir}/.partial. Finish with:\n"
                   f"  sports-extract {shlex.join(again)}", err=True)
        sys.exit(130)
    finally:
        bar.close()
    if not quiet:
        rate = summary.processed / summary.process_s if summary.process_s else 0.0
        resumed = f", {summary.resumed_chunks} chunks from before the interruption" if summary.resumed_chunks else ""
        click.echo(f"{summary.articles} articles, {summary.results} results, {summary.records} records, "
                   f"{summary.errors} errors in {summary.process_s:.1f} s ({rate:.1f} articles/s; startup "
                   f"{summary.startup_s:.1f} s{resumed}); {summary.engine}; output in {out_dir}/ ({summary.layout})",
                   err=True)
        if summary.errors:
            for msg in _error_samples(out_dir, 10):
                click.echo(f"  error: {msg}", err=True)
    sys.exit(EXIT_BAD_INPUTS if summary.errors else EXIT_OK)


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def _error_samples(out_dir: Path, n: int) -> list[str]:
    import pyarrow.compute as pc
    import pyarrow.dataset as ds

    from .output import table_path

    path = table_path(out_dir, "articles")
    table = ds.dataset(str(path), format="parquet").to_table(columns=["error"], filter=pc.field("error").is_valid())
    return table.column("error").to_pylist()[:n]


@main.command()
@click.argument("pred", type=click.Path(exists=True, path_type=Path))
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--by-sport/--no-by-sport", default=True, show_default=True, help="Also score each sport.")
@click.option("--show-errors", is_flag=True, help="List missed, wrong and extra rows.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--no-results", "no_results", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A file of article ids (one a line) that must give no result rows, e.g. match reports.")
def evaluate(pred: Path, gold: Path, by_sport: bool, show_errors: bool, as_json: bool,
             no_results: Path | None) -> None:
    """Score PRED (an output folder or results.parquet) against GOLD (JSON lines).

    Prints precision, recall and F1 per slot and for whole records, strict and lenient
    name matching, and per sport. The scores ignore articles without gold rows; with
    --no-results the rows extracted from such articles are counted (each is a false positive).
    """
    import json

    from . import evaluate as ev

    try:
        gold_rows = ev.load_gold(gold)
        pred_rows = ev.load_predictions(pred)
    except (ValueError, OSError) as exc:
        click.echo(f"sports-extract: {exc}", err=True)
        sys.exit(EXIT_FAILED)
    strict, lenient = ev.evaluate(pred_rows, gold_rows), ev.evaluate(pred_rows, gold_rows, lenient=True)
    sports = ev.by_sport(pred_rows, gold_rows) if by_sport else {}
    unexpected = ev.rows_of(pred_rows, ev.load_ids(no_results)) if no_results else []
    if as_json:
        click.echo(json.dumps({"strict": {k: v.as_dict() for k, v in strict.items()},
                               "lenient": {k: v.as_dict() for k, v in lenient.items()},
                               "by_sport": {s: {k: v.as_dict() for k, v in sc.items()} for s, sc in sports.items()},
                               **({"rows_from_no_result_articles": len(unexpected)} if no_results else {})},
                              indent=2))
    else:
        click.echo(f"{'slot':10} {'strict P':>9} {'R':>6} {'F1':>6}   {'lenient P':>9} {'R':>6} {'F1':>6}")
        for slot in ("competitor", *ev.SLOTS, "record"):
            s, l = strict[slot], lenient[slot]
            if s.gold or s.pred:
                click.echo(f"{slot:10} {s.precision:9.3f} {s.recall:6.3f} {s.f1:6.3f}   "
                           f"{l.precision:9.3f} {l.recall:6.3f} {l.f1:6.3f}   (gold {s.gold})")
        if sports:
            click.echo(f"\n{'sport':16} {'gold':>5} {'pred':>5} {'record F1':>10} {'time F1':>8}")
            for sport, sc in sports.items():
                click.echo(f"{sport:16} {sc['record'].gold:5} {sc['record'].pred:5} {sc['record'].f1:10.3f} "
                           f"{sc['time_s'].f1:8.3f}")
        if no_results:
            click.echo(f"\nrows from articles that should give none: {len(unexpected)}")
    if show_errors:
        click.echo("\n".join(ev.mismatches(pred_rows, gold_rows)))
        for row in unexpected:
            click.echo(f"UNEXPECTED {ev.article_key(row['article_id'])}: {ev.competitor(row)} {row.get('event')}")


@main.command()
@click.argument("out_dir", type=click.Path(exists=True, path_type=Path))
@click.option("--sport", help="Only this sport (e.g. speed_skating).")
@click.option("--athlete", help="Only athletes whose name contains this text (case-insensitive).")
@click.option("--event", help="Only this event code (e.g. 1000m, mass_start).")
@click.option("--article", help="Only articles whose id contains this text.")
@click.option("--flagged", is_flag=True, help="Only rows with plausibility flags (e.g. a time out of its event's range).")
@click.option("--limit", default=200, show_default=True, type=click.IntRange(1), help="At most this many rows.")
def show(out_dir: Path, sport: str | None, athlete: str | None, event: str | None, article: str | None,
         flagged: bool, limit: int) -> None:
    """Print the results of a run as a table in the terminal (flagged rows in red)."""
    from rich.console import Console
    from rich.table import Table

    from .evaluate import load_predictions

    rows = load_predictions(out_dir)
    if sport:
        rows = [r for r in rows if r.get("sport") == sport]
    if event:
        rows = [r for r in rows if r.get("event") == event]
    if athlete:
        rows = [r for r in rows if athlete.casefold() in (r.get("athlete") or r.get("team") or "").casefold()]
    if article:
        rows = [r for r in rows if article in (r.get("article_id") or "")]
    if flagged:
        rows = [r for r in rows if r.get("flags")]
    table = Table(title=f"{len(rows)} results" + (f" (first {limit})" if len(rows) > limit else ""))
    for col in ("article_id", "sport", "event", "gender", "competitor", "country", "time", "gap", "rank", "status",
                "flags"):
        table.add_column(col, justify="right" if col in ("time", "gap", "rank") else "left")
    for r in rows[:limit]:
        table.add_row(r.get("article_id") or "", r.get("sport") or "", r.get("event") or "", r.get("gender") or "",
                      r.get("athlete") or r.get("team") or "", r.get("country") or "", r.get("time_text") or "",
                      "" if r.get("gap_s") is None else f"+{r['gap_s']:g}",
                      "" if r.get("rank") is None else str(r["rank"]), r.get("status") or "",
                      " ".join(r.get("flags") or ()), style="red" if r.get("flags") else None)
    Console().print(table)


@main.command()
@click.argument("out_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--html", "html_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the report. Default: OUT_DIR/report.html.")
@click.option("--gold", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Gold rows (JSON lines): mark each result row ok, wrong or extra and list the missed gold rows, "
                   "as evaluate counts them.")
def review(out_dir: Path, html_path: Path | None, gold: Path | None) -> None:
    """Write a review report of the run in OUT_DIR: one self-contained HTML file.

    Per article the text with what the pipeline recognized highlighted by kind and the extracted rows
    beside it (click a row to see its evidence); a summary with counts and plots on top; filters for
    articles with results, without, with errors or with flagged rows. Open it in any browser: it loads
    nothing from the network. Needs matplotlib (pip install "sports-extract[review]").
    """
    import time

    from .review import ReviewError, write_report

    started = time.perf_counter()
    try:
        target = write_report(out_dir, html_path, gold)
    except (ReviewError, ValueError, OSError) as exc:  # not a run; a bad gold file, an unreadable table ...
        click.echo(f"sports-extract: {exc}", err=True)
        sys.exit(EXIT_FAILED)
    size_mb = target.stat().st_size / 1e6
    click.echo(f"report: {target} ({size_mb:.1f} MB, {time.perf_counter() - started:.1f} s)", err=True)
