"""Golden tests over the project's own corpus (corpus/articles and corpus/gold.jsonl).

Each article is one test: its predicted rows must match its gold rows as whole
records (strict record F1 == 1.0). Articles listed in corpus_known_failures.txt
are expected to fail (strict xfail: when one starts passing, take it off the
list). The corpus-wide record F1 must not drop below corpus_min_f1.txt.
"""
from __future__ import annotations

from pathlib import Path

import pytest

import extract
from extract import evaluate as ev

from .conftest import CORPUS

HERE = Path(__file__).resolve().parent
ARTICLES = CORPUS / "articles"
GOLD = ev.load_gold(CORPUS / "gold.jsonl")
KNOWN_FAILURES_FILE = HERE / "corpus_known_failures.txt"
MIN_F1_FILE = HERE / "corpus_min_f1.txt"


def _known_failures() -> set[str]:
    ids = set()
    for line in KNOWN_FAILURES_FILE.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            ids.add(line)
    return ids


def _article_ids() -> list[str]:
    return sorted(ev.article_key(p.name) for p in ARTICLES.iterdir()
                  if p.suffix in (".txt", ".md", ".html", ".jsonl") and not p.name.startswith("."))


ARTICLE_IDS = _article_ids()
KNOWN_FAILURES = _known_failures()


def _params() -> list:
    params = []
    for article_id in ARTICLE_IDS:
        marks = ()
        if article_id in KNOWN_FAILURES:
            marks = pytest.mark.xfail(strict=True, reason="listed in tests/corpus_known_failures.txt")
        params.append(pytest.param(article_id, id=article_id, marks=marks))
    return params


@pytest.fixture(scope="module")
def predictions(tmp_path_factory) -> list[dict]:
    """Every corpus article run once, written as Parquet and read back the way `evaluate` reads a run."""
    extractions = list(extract.extract_paths([ARTICLES]))
    assert len(extractions) == len(ARTICLE_IDS)
    assert [e.article.error for e in extractions] == [None] * len(extractions)
    out = tmp_path_factory.mktemp("corpus_run")
    extract.write_parquet(extractions, out)
    return ev.load_predictions(out)


def _rows(rows: list[dict], article_id: str) -> list[dict]:
    return [r for r in rows if ev.article_key(r["article_id"]) == article_id]


def test_gold_and_articles_agree():
    gold_ids = {g["article_id"] for g in GOLD}
    assert gold_ids <= set(ARTICLE_IDS), f"gold rows for missing articles: {gold_ids - set(ARTICLE_IDS)}"
    assert len(ARTICLE_IDS) >= 30


def test_known_failures_are_corpus_articles():
    assert KNOWN_FAILURES <= set(ARTICLE_IDS), f"stale ids in {KNOWN_FAILURES_FILE.name}: {KNOWN_FAILURES - set(ARTICLE_IDS)}"


@pytest.mark.parametrize("article_id", _params())
def test_article_matches_gold(predictions, article_id):
    gold = _rows(GOLD, article_id)
    pred = _rows(predictions, article_id)
    if not gold:
        assert pred == [], "an article without gold rows must give no results"
        return
    score = ev.evaluate(pred, gold)["record"]
    detail = "\n".join(ev.mismatches(pred, gold))
    assert (score.tp, score.pred, score.gold) == (len(gold), len(gold), len(gold)), f"record F1 {score.f1:.3f}\n{detail}"
    assert score.f1 == 1.0


def test_corpus_record_f1_does_not_drop(predictions):
    minimum = float(MIN_F1_FILE.read_text(encoding="utf-8").splitlines()[0].strip())
    score = ev.evaluate(predictions, GOLD)["record"]
    assert score.gold == len(GOLD)
    assert score.f1 >= minimum, (f"corpus record F1 {score.f1:.4f} < {minimum} "
                                 f"(tp {score.tp}, pred {score.pred}, gold {score.gold})")
