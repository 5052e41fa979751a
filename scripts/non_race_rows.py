"""Result rows extracted from posts about sports without race results (football, tennis, darts ...).

A post whose front-matter categories name such a sport ("voetbal", "eredivisie", "tennis", "darts" ...)
holds no race results, so every row the pipeline extracts from it is a false positive. Which category
words mean which sport is read from ``patterns/sports.yml`` (``non_race_sports``) through the package's
lexicon, so this script and the pipeline agree. A post whose categories also name a timed sport
("wielrennen" and "voetbal") takes the timed sport in the pipeline and is left out here.

Run it on the output folder of a run (``results.parquet`` and ``articles.parquet``)::

    sports-extract run ../shared/bench/leestmeer-sport-2019 --out /tmp/bench -q
    python scripts/non_race_rows.py /tmp/bench
    python scripts/non_race_rows.py /tmp/bench --max-per-200 0 --limit 20

It prints, per sport, the number of such posts, the rows extracted from them and the rows per 200
posts, then lists the offending rows (article_id, athlete, event, time_text).

Exit codes: 0 when the rows per 200 posts are at most ``--max-per-200`` (default 1.0), 1 when they
exceed it, 2 on a usage error, 3 when the output folder cannot be read.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from extract.lexicon import get_lexicon

PER = 200  # rows are reported per this many posts


def _categories(value) -> list[str]:
    """The categories of one articles row, lowercased ([] when missing)."""
    if value is None or value is pd.NA or isinstance(value, float):
        return []
    return [str(c).lower() for c in value]


def non_race_posts(articles: pd.DataFrame, lex=None) -> dict[str, str]:
    """article_id -> the sport without race results that its categories name (first one named)."""
    lex = lex or get_lexicon()
    posts = {}
    for article_id, value in zip(articles["article_id"], articles["categories"]):
        cats = _categories(value)
        if any(c in lex.category_sport for c in cats):
            continue  # a timed sport's category decides the sport
        sport = next((lex.non_race_category_sport[c] for c in cats if c in lex.non_race_category_sport), None)
        if sport is not None:
            posts[str(article_id)] = sport
    return posts


def summarize(out_dir: Path, lex=None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per-sport counts (sport, posts, rows, rows_per_200; a last 'total' line) and the offending rows."""
    lex = lex or get_lexicon()
    articles = pd.read_parquet(out_dir / "articles.parquet", columns=["article_id", "categories"])
    results = pd.read_parquet(out_dir / "results.parquet", columns=["article_id", "athlete", "event", "time_text"])
    posts = non_race_posts(articles, lex)
    rows = results[results["article_id"].astype(str).isin(posts)].copy()
    rows.insert(0, "sport", [posts[str(a)] for a in rows["article_id"]])
    lines = []
    for sport in lex.non_race_category_sport.values():
        if sport in {line["sport"] for line in lines}:
            continue
        n_posts = sum(1 for s in posts.values() if s == sport)
        n_rows = int((rows["sport"] == sport).sum())
        lines.append({"sport": sport, "posts": n_posts, "rows": n_rows})
    lines.append({"sport": "total", "posts": len(posts), "rows": len(rows)})
    counts = pd.DataFrame(lines)
    counts["rows_per_200"] = [round(r * PER / p, 2) if p else 0.0 for r, p in zip(counts["rows"], counts["posts"])]
    return counts, rows.reset_index(drop=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="non_race_rows.py", description=__doc__.split("\n\n")[0],
        epilog="Exit codes: 0 within the threshold, 1 above it, 2 usage error, 3 unreadable output folder.")
    parser.add_argument("out_dir", type=Path, help="output folder of a run: results.parquet and articles.parquet")
    parser.add_argument("--max-per-200", type=float, default=1.0, metavar="N",
                        help="highest allowed number of rows per 200 such posts (default: 1.0)")
    parser.add_argument("--limit", type=int, default=None, metavar="N",
                        help="list at most N offending rows (default: all)")
    args = parser.parse_args(argv)
    try:
        counts, rows = summarize(args.out_dir)
    except (OSError, ValueError, KeyError) as exc:  # missing folder or file, not Parquet, missing column
        print(f"non_race_rows.py: cannot read the run's output in {args.out_dir}: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 3
    print("Posts whose categories name a sport without race results, and the rows extracted from them:")
    print(counts.to_string(index=False))
    if len(rows):
        shown = rows if args.limit is None else rows.head(args.limit)
        print(f"\nOffending rows ({len(rows)}{'' if len(shown) == len(rows) else f', first {len(shown)}'}):")
        print(shown[["article_id", "athlete", "event", "time_text"]].to_string(index=False, max_colwidth=70))
    rate = float(counts["rows_per_200"].iloc[-1])
    if rate > args.max_per_200:
        print(f"\nFAIL: {rate} rows per {PER} posts, more than --max-per-200 {args.max_per_200}")
        return 1
    print(f"\nOK: {rate} rows per {PER} posts (at most {args.max_per_200})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
