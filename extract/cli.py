"""Command line: ``sports-extract run|evaluate|show`` (also ``python -m extract``).

\b
Exit codes:
  0  every input processed
  1  completed, but some inputs could not be read or processed (see the error column of articles.parquet)
  2  wrong usage (unknown option, missing argument)
  3  could not run (no input found, output not writable, bad pattern file, model not loadable)
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import click

EXIT_OK, EXIT_BAD_INPUTS, EXIT_USAGE, EXIT_FAILED = 0, 1, 2, 3


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, epilog=__doc__.split("\n\n", 1)[1])
@click.version_option(package_name="sports-extract")
def main() -> None:
    """Turn Dutch and Flemish race reports into a table of results (Parquet)."""


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", default="output", show_default=True, type=click.Path(path_type=Path),
              help="Folder for results.parquet, records.parquet and articles.parquet (created if needed).")
@click.option("--model", default=None, metavar="NAME|PATH",
              help="spaCy pipeline to use: a package name or a path; 'blank' for the embedded default. "
                   "Default: nl_core_news_lg/md/sm when installed, else the embedded default.")
@click.option("--batch-size", default=64, show_default=True, type=click.IntRange(1, 10_000),
              help="Articles per spaCy batch.")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar on stderr (default: when stderr is a terminal).")
@click.option("-q", "--quiet", is_flag=True, help="No closing summary.")
def run(inputs: tuple[Path, ...], out_dir: Path, model: str | None, batch_size: int, progress: bool | None,
        quiet: bool) -> None:
    """Extract results from the articles in INPUTS (files or folders, walked recursively).

    Reads .txt (with an optional metadata header), .md (YAML front matter and a Markdown
    or HTML body), .html and .jsonl (one article object a line, with "text" and optional
    "id", "date", "title", "url"). A file that cannot be read becomes an error row in
    articles.parquet and the batch goes on.
    """
    from tqdm import tqdm

    from . import __version__
    from .dataframes import frames
    from .lexicon import PatternFileError
    from .output import write_outputs
    from .pipeline import extract_sources, load, model_name
    from .reading import discover, iter_sources

    started = time.perf_counter()
    try:
        files = list(discover(inputs))
    except FileNotFoundError as exc:
        click.echo(f"sports-extract: {exc}", err=True)
        sys.exit(EXIT_FAILED)
    if not files:
        click.echo("sports-extract: no article files (.txt .md .html .jsonl) found in " + " ".join(map(str, inputs)),
                   err=True)
        sys.exit(EXIT_FAILED)
    try:
        nlp = load(model)
    except PatternFileError as exc:
        click.echo(f"sports-extract: bad pattern file: {exc}", err=True)
        sys.exit(EXIT_FAILED)
    except OSError as exc:
        click.echo(f"sports-extract: cannot load model {model!r}: {exc}", err=True)
        sys.exit(EXIT_FAILED)
    bar = tqdm(total=len(files), unit="file", disable=None if progress is None else not progress, file=sys.stderr)
    seen_paths: set[str] = set()

    def counted(stream):
        for ex in stream:
            if ex.article.path not in seen_paths:
                seen_paths.add(ex.article.path)
                bar.update(1)
            yield ex

    results, records, articles = frames(counted(extract_sources(iter_sources(inputs), nlp, batch_size)))
    bar.close()
    meta = {"package_version": __version__, "model": model_name(nlp)}
    try:
        write_outputs(out_dir, results, records, articles, meta)
    except OSError as exc:
        click.echo(f"sports-extract: cannot write to {out_dir}: {exc}", err=True)
        sys.exit(EXIT_FAILED)
    seconds = time.perf_counter() - started
    errors = int(articles["error"].notna().sum())
    if not quiet:
        rate = len(articles) / seconds if seconds else 0.0
        click.echo(f"{len(articles)} articles, {len(results)} results, {len(records)} records, {errors} errors "
                   f"in {seconds:.1f} s ({rate:.1f} articles/s); model {meta['model']}; output in {out_dir}/",
                   err=True)
        for msg in articles.loc[articles["error"].notna(), "error"].head(10):
            click.echo(f"  error: {msg}", err=True)
    sys.exit(EXIT_BAD_INPUTS if errors else EXIT_OK)


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
@click.option("--limit", default=200, show_default=True, type=click.IntRange(1), help="At most this many rows.")
def show(out_dir: Path, sport: str | None, athlete: str | None, event: str | None, article: str | None,
         limit: int) -> None:
    """Print the results of a run as a table in the terminal."""
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
    table = Table(title=f"{len(rows)} results" + (f" (first {limit})" if len(rows) > limit else ""))
    for col in ("article_id", "sport", "event", "gender", "competitor", "country", "time", "gap", "rank", "status"):
        table.add_column(col, justify="right" if col in ("time", "gap", "rank") else "left")
    for r in rows[:limit]:
        table.add_row(r.get("article_id") or "", r.get("sport") or "", r.get("event") or "", r.get("gender") or "",
                      r.get("athlete") or r.get("team") or "", r.get("country") or "", r.get("time_text") or "",
                      "" if r.get("gap_s") is None else f"+{r['gap_s']:g}",
                      "" if r.get("rank") is None else str(r["rank"]), r.get("status") or "")
    Console().print(table)
