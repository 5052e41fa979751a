"""Rewrite tests/corpus_known_failures.txt and tests/corpus_min_f1.txt from a fresh run.

Run it after a change that makes corpus articles pass (the strict xfails then fail):

    .venv/bin/python tests/refresh_corpus_baseline.py
"""
from __future__ import annotations

import math
from pathlib import Path

import extract
from extract import evaluate as ev

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent / "corpus"


def main() -> None:
    gold = ev.load_gold(CORPUS / "gold.jsonl")
    rows = [r.as_row() for x in extract.extract_paths([CORPUS / "articles"]) for r in x.results]
    failing = []
    for article_id in sorted({ev.article_key(g["article_id"]) for g in gold}):
        g = [x for x in gold if ev.article_key(x["article_id"]) == article_id]
        p = [x for x in rows if ev.article_key(x["article_id"]) == article_id]
        if ev.evaluate(p, g)["record"].f1 < 1.0:
            failing.append(article_id)
    header = (HERE / "corpus_known_failures.txt").read_text(encoding="utf-8").splitlines()
    header = [line for line in header if line.startswith("#")]
    (HERE / "corpus_known_failures.txt").write_text("\n".join(header + failing) + "\n", encoding="utf-8")
    f1 = ev.evaluate(rows, gold)["record"].f1
    (HERE / "corpus_min_f1.txt").write_text(f"{math.floor(f1 * 100) / 100:.2f}\n", encoding="utf-8")
    print(f"{len(failing)} known failures, corpus record F1 {f1:.3f}")


if __name__ == "__main__":
    main()
