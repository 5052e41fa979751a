"""The public Python API: exports, typed records, frames, Parquet round trip, spans and determinism."""
from __future__ import annotations

import dataclasses
import json

import pandas as pd
import pyarrow.parquet as pq
import pytest

import extract
from extract.dataframes import ARTICLE_COLUMNS, RECORD_COLUMNS, RESULT_COLUMNS, results_frame
from extract.output import read_metadata
from extract.recognize import find_mentions

from .conftest import CORPUS

DOCUMENTED = ["Article", "Evidence", "Extraction", "PatternFileError", "RaceResult", "RecordMention", "__version__",
              "articles_frame", "extract_paths", "extract_text", "frames", "get_lexicon", "load", "parse_time",
              "records_frame", "register_extensions", "results_frame", "write_outputs", "write_parquet"]

REPORT = ("Kjeld Nuis won de 1500 meter in 1.43,21, een olympisch record. Thomas Krol werd tweede in 1.43,55. "
          "Op de 1000 meter werd Kai Verbij gediskwalificeerd.")


@pytest.fixture(scope="module")
def corpus_extractions():
    return list(extract.extract_paths([CORPUS / "articles"]))


# --- exports ------------------------------------------------------------------------------------

def test_all_names_are_exported():
    assert sorted(extract.__all__) == sorted(DOCUMENTED)
    for name in extract.__all__:
        assert getattr(extract, name) is not None, name
    assert isinstance(extract.__version__, str) and extract.__version__[0].isdigit()


def test_star_import():
    namespace: dict = {}
    exec("from extract import *", namespace)
    assert set(extract.__all__) <= set(namespace)


def test_dataframes_module_constants_reachable():
    assert list(extract.dataframes.RESULT_COLUMNS) == list(RESULT_COLUMNS)


def test_docstring_example():
    ex = extract.extract_text("Miho Takagi won de 1000 meter in 1.11,83.")
    assert [(r.athlete, r.event, r.time_s, r.rank) for r in ex.results] == [("Miho Takagi", "1000m", 71.83, 1)]


# --- typed records ------------------------------------------------------------------------------

def test_extraction_shape():
    ex = extract.extract_text(REPORT, article_id="verslag-1", date="2022-02-08")
    assert isinstance(ex, extract.Extraction)
    assert isinstance(ex.article, extract.Article)
    assert all(isinstance(r, extract.RaceResult) for r in ex.results)
    assert all(isinstance(r, extract.RecordMention) for r in ex.records)
    assert ex.article.article_id == "verslag-1" and ex.article.date == "2022-02-08"
    assert ex.article.n_results == len(ex.results) and ex.article.n_records == len(ex.records)
    assert {r.article_id for r in ex.results} == {"verslag-1"}
    statuses = {r.athlete: r.status for r in ex.results}
    assert statuses == {"Kjeld Nuis": "finished", "Thomas Krol": "finished", "Kai Verbij": "dsq"}
    with pytest.raises(dataclasses.FrozenInstanceError):
        ex.results[0].rank = 5  # type: ignore[misc]


def _result(**kw) -> extract.RaceResult:
    base = dict(article_id="a", sport="speed_skating", event="500m", distance_m=500, gender=None, athlete="Femke Kok",
                team=None, country=None, time_s=37.1, time_text="37,10", gap_s=None, rank=1, status="finished",
                round=None, sentence="Femke Kok won in 37,10.", char_start=17, char_end=22)
    base.update(kw)
    return extract.RaceResult(**base)


def test_race_result_validation():
    with pytest.raises(ValueError, match="status"):
        _result(status="won")
    with pytest.raises(ValueError, match="athlete, a team or a country"):
        _result(athlete=None)
    assert _result(athlete=None, team="Nederland").competitor == "Nederland"
    assert _result(athlete=None, country="NED").competitor == "NED"
    row = _result(evidence=(("TIME", extract.Evidence("37,10", 17, 22)),)).as_row()
    assert "evidence" not in row and row["time_text"] == "37,10"
    with pytest.raises(ValueError):
        extract.Evidence("x", 5, 2)


def test_results_frame_keeps_first_row_per_competitor_and_event():
    rows = [_result(char_start=17), _result(time_s=None, time_text=None, char_start=40, athlete="femke kok"),
            _result(event="1000m", distance_m=1000, char_start=60)]
    df = results_frame(rows)
    assert len(df) == 2
    assert df["char_start"].tolist() == [17, 60]


# --- frames -------------------------------------------------------------------------------------

@pytest.mark.parametrize("index, columns", [
    pytest.param(0, RESULT_COLUMNS, id="results"),
    pytest.param(1, RECORD_COLUMNS, id="records"),
    pytest.param(2, ARTICLE_COLUMNS, id="articles"),
])
@pytest.mark.parametrize("source", ["report", "empty"])
def test_frames_columns_and_dtypes(index, columns, source):
    extractions = [extract.extract_text(REPORT)] if source == "report" else []
    df = extract.frames(extractions)[index]
    assert list(df.columns) == list(columns)
    assert {c: str(t) for c, t in df.dtypes.items()} == columns
    # nullable scalar dtypes; "object" only for lists: an article's categories and warnings, a team's members, a row's flags
    assert set(columns.values()) <= {"string", "Int32", "Int64", "Float64", "object"}
    assert [c for c, t in columns.items() if t == "object"] in ([], ["categories", "warnings"], ["members", "flags"])
    if source == "empty":
        assert df.empty


def test_frames_use_nullable_missing_values():
    results, records, articles = extract.frames([extract.extract_text(REPORT)])
    assert len(results) == 3
    verbij = results[results["athlete"] == "Kai Verbij"].iloc[0]
    assert verbij["time_s"] is pd.NA and verbij["rank"] is pd.NA and verbij["team"] is pd.NA
    assert verbij["status"] == "dsq"
    assert not results["time_s"].isna().all()
    assert results["gap_s"].isna().all()
    assert results["rank"].tolist()[:2] == [1, 2]
    assert articles.loc[0, "error"] is pd.NA
    assert len(records) >= 1 and records.loc[0, "record_type"] == "OR"


def test_frames_rows_follow_the_text(corpus_extractions):
    results, _, articles = extract.frames(corpus_extractions)
    assert articles["article_id"].tolist() == [e.article.article_id for e in corpus_extractions]
    for _, group in results.groupby("article_id", sort=False):
        assert group["char_start"].is_monotonic_increasing


# --- Parquet ------------------------------------------------------------------------------------

def test_write_parquet_round_trip(tmp_path):
    extractions = [extract.extract_text(REPORT, article_id="r1"),
                   extract.extract_text("Femke Kok won de 500 meter in 37,10.", article_id="r2")]
    frames = extract.frames(extractions)
    extract.write_parquet(extractions, tmp_path)
    for name, columns, expected in zip(("results", "records", "articles"),
                                       (RESULT_COLUMNS, RECORD_COLUMNS, ARTICLE_COLUMNS), frames):
        path = tmp_path / f"{name}.parquet"
        back = pd.read_parquet(path, dtype_backend="numpy_nullable").astype(columns)
        pd.testing.assert_frame_equal(back, expected)
        meta = read_metadata(path)
        assert meta["sports_extract.schema_version"] == "2"
        assert meta["sports_extract.package_version"] == extract.__version__
        assert meta["sports_extract.model"] == "blank:nl"
    assert pq.read_table(tmp_path / "results.parquet").num_rows == 4


def test_write_parquet_model_name_and_overwrite(tmp_path):
    extract.write_parquet([extract.extract_text(REPORT)], tmp_path, model="nl_test-1.0")
    extract.write_parquet([], tmp_path, model="nl_test-2.0")  # replaces the files
    assert read_metadata(tmp_path / "results.parquet")["sports_extract.model"] == "nl_test-2.0"
    assert pq.read_table(tmp_path / "results.parquet").num_rows == 0
    assert pq.read_table(tmp_path / "results.parquet").column_names == list(RESULT_COLUMNS)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["articles.parquet", "records.parquet", "results.parquet"]


# --- spans --------------------------------------------------------------------------------------

def test_every_result_span_matches_its_evidence(corpus_extractions):
    extractions = corpus_extractions + [extract.extract_text(REPORT)]
    checked = 0
    for ex in extractions:
        text = ex.article.text
        for r in ex.results:
            span = text[r.char_start:r.char_end]
            assert 0 <= r.char_start < r.char_end <= len(text)
            if r.time_text is not None:
                assert span == r.time_text, (ex.article.article_id, r)
            else:
                assert span in {e.text for _, e in r.evidence}, (ex.article.article_id, r)
            for kind, ev in r.evidence:
                assert text[ev.start:ev.end] == ev.text, (ex.article.article_id, kind, ev)
            assert r.sentence and r.sentence in text
            checked += 1
    assert checked > 150


def test_sentence_holds_the_row_span():
    text = "Irene Schouten won de 3000 meter. Ze klokte 3.56,93."
    (r,) = extract.extract_text(text).results
    assert text[r.char_start:r.char_end] == "3.56,93"
    assert "3.56,93" in r.sentence


def test_time_text_parses_to_time_s(corpus_extractions):
    for ex in corpus_extractions:
        for r in ex.results:
            if r.time_text is not None:
                (t,) = [t for t in extract.times.find_times(r.time_text)]
                assert r.time_s in (t.seconds, *t.alternatives), r


def test_record_spans_are_in_the_text(corpus_extractions):
    for ex in corpus_extractions:
        for rec in ex.records:
            assert 0 <= rec.char_start < rec.char_end <= len(ex.article.text)
            span = ex.article.text[rec.char_start:rec.char_end]
            # the span is the record's time or the words that name the record
            assert span == rec.time_text or any(m.kind == "RECORD" for m in find_mentions(span)), (rec, span)
            assert rec.sentence in ex.article.text


# --- determinism --------------------------------------------------------------------------------

def test_same_input_twice_gives_identical_frames(corpus_extractions):
    again = list(extract.extract_paths([CORPUS / "articles"]))
    for first, second in zip(extract.frames(corpus_extractions), extract.frames(again)):
        pd.testing.assert_frame_equal(first, second)


def test_fresh_pipeline_gives_identical_frames(corpus_extractions):
    fresh = list(extract.extract_paths([CORPUS / "articles"], nlp=extract.load("blank")))
    for first, second in zip(extract.frames(corpus_extractions), extract.frames(fresh)):
        pd.testing.assert_frame_equal(first, second)


# --- inputs -------------------------------------------------------------------------------------

def test_extract_text_metadata_header():
    ex = extract.extract_text("source: NOS (https://nos.nl/artikel/1)\ndate: 2022-02-17\n\n"
                              "Jutta Leerdam won de 1000 meter in 1.13,05.")
    assert ex.article.date == "2022-02-17"
    assert ex.article.url == "https://nos.nl/artikel/1"
    assert ex.article.text == "Jutta Leerdam won de 1000 meter in 1.13,05."
    assert [(r.athlete, r.time_s) for r in ex.results] == [("Jutta Leerdam", 73.05)]


def test_extract_text_glued_date():
    ex = extract.extract_text("date 2021-12 Jutta Leerdam won de 1000 meter in 1.13,05.")
    assert ex.article.date == "2021-12"
    assert ex.article.text.startswith("Jutta Leerdam")
    assert ex.results[0].athlete == "Jutta Leerdam"


def test_extract_text_title_and_categories():
    ex = extract.extract_text("Jutta Leerdam won de 1000 meter in 1.13,05.", title="Leerdam wint",
                              categories=["schaatsen"])
    assert ex.article.text.startswith("Leerdam wint\n\n")
    assert ex.article.categories == ("schaatsen",)
    assert ex.article.sport == "speed_skating"
    r = ex.results[0]
    assert ex.article.text[r.char_start:r.char_end] == "1.13,05"


def test_extract_paths_inputs_and_errors(tmp_path):
    (tmp_path / "bad.md").write_text("---\ntitle: [kapot\n---\nTekst.\n", encoding="utf-8")
    (tmp_path / "kort.md").write_text("---\ntitle: Kok wint\ncategories: schaatsen langebaan\n---\n"
                                      "**Femke Kok** won de [500 meter](https://voorbeeld.nl) in 37,10.\n",
                                      encoding="utf-8")
    lines = ['[1, 2]', '{"id": 5, "title": "zonder tekst"}',
             json.dumps({"id": "h", "text": "<p>Femke Kok won de 500 meter in 37,10.</p><p>Ze was blij.</p>",
                         "url": "https://voorbeeld.nl/a"}), ""]
    (tmp_path / "l.jsonl").write_text("\n".join(lines), encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "x.htm").write_text("<p>Thomas Krol won de 1000 meter in 1.07,92.</p>", encoding="utf-8")
    exs = {e.article.article_id: e for e in extract.extract_paths([tmp_path])}
    assert list(exs) == ["bad", "kort", "l.jsonl#1", "l.jsonl#5", "l.jsonl#h", "sub/x"]
    assert "invalid YAML front matter" in exs["bad"].article.error
    assert "expected an object" in exs["l.jsonl#1"].article.error
    assert "missing field 'text'" in exs["l.jsonl#5"].article.error
    for bad in ("bad", "l.jsonl#1", "l.jsonl#5"):
        assert exs[bad].results == () and exs[bad].article.text == ""
    kort = exs["kort"]
    assert kort.article.error is None and kort.article.categories == ("schaatsen", "langebaan")
    assert "**" not in kort.article.text and "https://" not in kort.article.text
    assert [(r.athlete, r.time_s) for r in kort.results] == [("Femke Kok", 37.1)]
    h = exs["l.jsonl#h"]
    assert h.article.url == "https://voorbeeld.nl/a"
    assert h.article.text == "Femke Kok won de 500 meter in 37,10.\n\nZe was blij."
    assert [(r.athlete, r.rank) for r in exs["sub/x"].results] == [("Thomas Krol", 1)]


def test_extract_paths_missing_path_raises(tmp_path):
    with pytest.raises(FileNotFoundError):
        list(extract.extract_paths([tmp_path / "nope"]))


def test_markdown_title_not_doubled(tmp_path):
    (tmp_path / "a.md").write_text("---\ntitle: Kok wint\n---\n# Kok wint\n\nFemke Kok won de 500 meter in 37,10.\n",
                                   encoding="utf-8")
    (ex,) = extract.extract_paths([tmp_path])
    assert ex.article.text.count("Kok wint") == 1
