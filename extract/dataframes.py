"""Records to pandas DataFrames: one row per competitor per event, stable columns, dtypes and order."""
from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from .pipeline import Extraction
from .types import Article, RaceResult, RecordMention

__all__ = ["RESULT_COLUMNS", "RECORD_COLUMNS", "ARTICLE_COLUMNS", "results_frame", "records_frame", "articles_frame",
           "frames"]

# column -> pandas dtype (nullable, so a missing value is <NA>, never NaN or "None")
RESULT_COLUMNS = {
    "article_id": "string", "sport": "string", "event": "string", "distance_m": "Int32", "gender": "string",
    "athlete": "string", "team": "string", "club": "string", "country": "string", "time_s": "Float64", "time_text": "string",
    "gap_s": "Float64", "rank": "Int32", "status": "string", "round": "string", "stroke": "string", "mark": "Float64",
    "mark_unit": "string", "members": "object", "sentence": "string", "char_start": "Int64", "char_end": "Int64",
    "flags": "object",
}
RECORD_COLUMNS = {
    "article_id": "string", "record_type": "string", "scope": "string", "holder": "string", "time_s": "Float64",
    "time_text": "string", "event": "string", "distance_m": "Int32", "gender": "string", "state": "string",
    "year": "Int32", "venue": "string", "sentence": "string", "char_start": "Int64", "char_end": "Int64",
}
ARTICLE_COLUMNS = {
    "article_id": "string", "path": "string", "title": "string", "date": "string", "source": "string",
    "url": "string", "sport": "string", "categories": "object", "n_results": "Int32", "n_records": "Int32",
    "error": "string", "encoding": "string", "warnings": "object",
    "text": "string",  # the text the offsets of results and records point into
}


def _frame(rows: list[dict], columns: dict[str, str]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=list(columns))
    return df.astype(columns)


def results_frame(results: Iterable[RaceResult]) -> pd.DataFrame:
    """One row per competitor per event, gender and round; the first mention's evidence is kept."""
    rows = [r.as_row() for r in results]
    df = _frame(rows, RESULT_COLUMNS)
    if df.empty:
        return df
    competitor = df["athlete"].fillna(df["team"]).fillna(df["country"])
    key = [df["article_id"], competitor.str.casefold(), df["event"].fillna(""), df["distance_m"].fillna(-1),
           df["round"].fillna(""), df["stroke"].fillna(""), df["gender"].fillna("")]  # a nation's men's and women's boats
    df = df[~pd.DataFrame({i: k for i, k in enumerate(key)}).duplicated()]
    return df.reset_index(drop=True)


def records_frame(records: Iterable[RecordMention]) -> pd.DataFrame:
    df = _frame([r.as_row() for r in records], RECORD_COLUMNS)
    return df.drop_duplicates(subset=["article_id", "record_type", "scope", "time_s", "char_start"]).reset_index(drop=True)


def articles_frame(articles: Iterable[Article]) -> pd.DataFrame:
    rows = [{k: v for k, v in a.as_row().items() if k in ARTICLE_COLUMNS} for a in articles]
    return _frame(rows, ARTICLE_COLUMNS)


def frames(extractions: Iterable[Extraction]) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(results, records, articles) DataFrames of a batch, rows in input order."""
    results, records, articles = [], [], []
    for ex in extractions:
        articles.append(ex.article)
        results.extend(sorted(ex.results, key=lambda r: r.char_start))
        records.extend(sorted(ex.records, key=lambda r: r.char_start))
    return results_frame(results), records_frame(records), articles_frame(articles)
