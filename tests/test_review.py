"""The review report (`sports-extract review`), read as HTML without a browser: the DOM contract of
extract/review.py that the browser test relies on, the gold marks as the evaluation counts them, and a page
that loads nothing from elsewhere."""
from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

import lxml.html
import pyarrow.dataset as ds
import pytest

from extract import evaluate as ev
from extract import review
from extract.recognize import Mention

from .conftest import CORPUS, run_cli

KINDS = set(review.KIND_COLORS)

# a small run of every article status: results, a flagged row, a match report, an unreadable file
SMALL = {
    "snel.txt": "Femke Kok won de 500 meter in 37,10. Jutta Leerdam werd tweede in 37,45.\n",
    # a lap time read as the race time: out of patterns/sports.yml's range for a motor race
    "traag.txt": "Op het circuit van Zandvoort was Valtteri Bottas de snelste coureur met een tijd van 1:25.580.\n",
    "voetbal.txt": "Ajax won met 2-1 van PSV. Brobbey scoorde twee keer in de tweede helft.\n",
}
SMALL_GOLD = [
    {"article_id": "snel", "athlete": "Femke Kok", "event": "500m", "time_s": 37.1, "rank": 1, "status": "finished"},
    {"article_id": "snel", "athlete": "Jutta Leerdam", "event": "500m", "time_s": 37.99, "rank": 2},  # wrong time
    {"article_id": "snel", "athlete": "Kimi Goetz", "event": "500m", "time_s": 37.6, "rank": 3},  # missed
]


def _run(inputs: Path, out: Path, *options: str) -> Path:
    proc = run_cli("run", inputs, "--out", out, "--model", "blank", "--no-progress", *options, timeout=300)
    assert proc.returncode in (0, 1), proc.stderr
    return out


def _table(out: Path, name: str) -> list[dict]:
    path = out / f"{name}.parquet" if (out / f"{name}.parquet").exists() else out / name
    return ds.dataset(str(path), format="parquet").to_table().to_pylist()


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory) -> Path:
    return _run(CORPUS / "articles", tmp_path_factory.mktemp("review_corpus") / "out")


@pytest.fixture(scope="module")
def corpus_page(corpus_run):
    return lxml.html.fromstring(review.build_report(corpus_run))


@pytest.fixture(scope="module")
def small_run(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("review_small")
    (base / "in").mkdir()
    for name, text in SMALL.items():
        (base / "in" / name).write_text(text, encoding="utf-8")
    (base / "in" / "kapot.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    return _run(base / "in", base / "out", "--layout", "dataset")


def _sections(page) -> list:
    return page.xpath('//section[contains(concat(" ", @class, " "), " article ")]')


def _mark_text(mark) -> str:
    """The marked text without displaCy's kind label."""
    return (mark.text or "") + "".join((child.tail or "") for child in mark)


def test_a_section_per_article_in_table_order(corpus_run, corpus_page):
    articles = _table(corpus_run, "articles")
    results = Counter(r["article_id"] for r in _table(corpus_run, "results"))
    sections = _sections(corpus_page)
    assert len(sections) == len(articles) > 80
    for n, (section, article) in enumerate(zip(sections, articles)):
        assert section.get("id") == f"a{n}"
        assert section.get("data-article-id") == article["article_id"]
        status = "error" if article["error"] else "results" if results[article["article_id"]] else "no-results"
        assert section.get("data-status") == status
        assert section.get("data-flagged") in ("true", "false")
        assert section.xpath("./header//h2")[0].text_content() == article["article_id"]
        assert len(section.xpath('.//div[@class="article-text"]')) == 1
        assert len(section.xpath('.//table[@class="results"]')) == 1
        assert len(section.xpath('.//tr[contains(@class, "result")]')) == results[article["article_id"]]


def test_marks_are_numbered_in_text_order_with_a_kind(corpus_page):
    for n, section in enumerate(_sections(corpus_page)):
        marks = section.xpath('.//div[@class="article-text"]//mark')
        assert [m.get("id") for m in marks] == [f"a{n}-m{k}" for k in range(len(marks))]
        assert {m.get("data-kind") for m in marks} <= KINDS


def test_the_recognized_mentions_are_highlighted(corpus_page):
    kinds = Counter(m.get("data-kind") for m in corpus_page.xpath("//mark"))
    # the sample corpus names athletes, countries, times, gaps, ranks, events, statuses and records
    assert {"athlete", "country", "time", "gap", "rank", "event", "status", "record"} <= set(kinds)
    assert kinds["athlete"] > 300 and kinds["time"] > 300


def test_every_row_points_at_a_mark_of_its_evidence(corpus_run, corpus_page):
    articles = {a["article_id"]: a["text"] for a in _table(corpus_run, "articles")}
    by_article = {}
    for name in ("results", "records"):
        for row in _table(corpus_run, name):
            by_article.setdefault(row["article_id"], {}).setdefault(name, []).append(row)
    exact = total = 0
    for section in _sections(corpus_page):
        article_id = section.get("data-article-id")
        text = articles[article_id]
        for name, css in (("results", "result"), ("records", "record")):
            rows = by_article.get(article_id, {}).get(name, [])
            trs = section.xpath(f'.//tr[contains(concat(" ", @class, " "), " {css} ")]')
            assert len(trs) == len(rows)
            for tr, row in zip(trs, rows):
                marks = section.xpath(f'.//mark[@id="{tr.get("data-mark")}"]')
                assert len(marks) == 1, (article_id, row)
                evidence = text[row["char_start"]:row["char_end"]]
                total += 1
                exact += _mark_text(marks[0]) == evidence
                # a mark is the row's evidence, or an overlapping evidence span kept in its place
                assert evidence in _mark_text(marks[0]) or _mark_text(marks[0]) in evidence, (article_id, row)
    assert total > 500 and exact / total > 0.98


def test_ids_are_unique(corpus_page):
    ids = Counter(corpus_page.xpath("//@id"))
    assert [i for i, n in ids.items() if n > 1] == []


def test_nothing_is_loaded_from_elsewhere(corpus_run):
    page = review.build_report(corpus_run)
    doc = lxml.html.fromstring(page)
    for element in doc.xpath("//script | //link | //img | //iframe | //source | //object | //embed | //video | //audio"):
        for attr in ("src", "href", "data"):
            assert "http" not in (element.get(attr) or ""), lxml.html.tostring(element)[:200]
    assert not doc.xpath("//script[@src]")
    assert not re.search(r"url\(\s*['\"]?https?:|@import", "".join(doc.xpath("//style/text()")))
    assert page.startswith("<!DOCTYPE html>")


def test_summary_filters_and_plots(corpus_run, corpus_page):
    summary = corpus_page.get_element_by_id("summary")
    assert summary.tag == "section"
    counts = {div.get("data-count"): int(div.xpath("./dd")[0].text.replace(",", ""))
              for div in summary.xpath('.//dl[@class="counts"]/div')}
    results = _table(corpus_run, "results")
    assert counts["articles"] == len(_table(corpus_run, "articles"))
    assert counts["results"] == len(results)
    assert counts["records"] == len(_table(corpus_run, "records"))
    assert counts["flagged"] == sum(1 for r in results if r["flags"])
    assert counts["with-results"] + counts["no-results"] + counts["errors"] == counts["articles"]
    assert len(summary.xpath(".//svg")) == 2  # results per sport, times per event
    per_event = summary.xpath('.//table[@class="per-event"]/tbody/tr')
    assert sum(int(tr.xpath("./td")[2].text) for tr in per_event) == len(results)
    filters = corpus_page.get_element_by_id("filters")
    assert filters.tag == "nav"
    assert [b.get("data-filter") for b in filters.xpath(".//button")] == list(review.FILTERS)
    assert filters.xpath('.//input[@type="search"]')


def test_statuses_flags_errors_and_dataset_layout(small_run):
    assert (small_run / "articles").is_dir()  # the dataset layout: folders of part files
    path = review.write_report(small_run)
    assert path == small_run / "report.html"
    page = lxml.html.fromstring(path.read_text(encoding="utf-8"))
    sections = {s.get("data-article-id"): s for s in _sections(page)}
    assert sections.keys() == {"kapot", "snel", "traag", "voetbal"}
    assert sections["kapot"].get("data-status") == "error"
    assert "not text" in sections["kapot"].xpath('.//p[@class="error"]')[0].text
    assert sections["voetbal"].get("data-status") == "no-results"
    assert sections["snel"].get("data-status") == "results"
    assert sections["snel"].get("data-flagged") == "false"
    assert sections["traag"].get("data-flagged") == "true"
    [flagged] = sections["traag"].xpath('.//tr[contains(@class, "result")]')
    assert flagged.get("class").split() == ["result", "flagged"]
    assert flagged.get("data-flags") == "time_out_of_range"
    mark = page.get_element_by_id(flagged.get("data-mark"))
    assert _mark_text(mark) == "1:25.580" and mark.get("data-kind") == "time"
    for tr in sections["snel"].xpath('.//tr[contains(@class, "result")]'):
        assert tr.get("data-flags") == "" and "flagged" not in tr.get("class")


def test_gold_marks_rows_as_the_evaluation_counts_them(small_run, tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(r) for r in SMALL_GOLD) + "\n", encoding="utf-8")
    page = lxml.html.fromstring(review.build_report(small_run, gold))
    section = next(s for s in _sections(page) if s.get("data-article-id") == "snel")
    rows = {tr.xpath("./td")[2].text_content(): tr for tr in section.xpath('.//tr[contains(@class, "result")]')}
    assert rows["Femke Kok"].get("data-gold") == "ok"
    assert rows["Jutta Leerdam"].get("data-gold") == "wrong"
    assert "time_s" in rows["Jutta Leerdam"].xpath('./td[@class="gold"]')[0].text_content()
    assert rows["Kimi Goetz"].get("class").split() == ["result", "missed"]
    assert rows["Kimi Goetz"].get("data-gold") == "missed"
    # rows of articles without gold rows are not scored, as in the evaluation
    other = next(s for s in _sections(page) if s.get("data-article-id") == "traag")
    assert [tr.get("data-gold") for tr in other.xpath('.//tr[contains(@class, "result")]')] == [None]


def test_gold_counts_match_evaluate_on_the_corpus(corpus_run):
    gold_path = CORPUS / "gold.jsonl"
    page = lxml.html.fromstring(review.build_report(corpus_run, gold_path))
    lines = ev.mismatches(ev.load_predictions(corpus_run), ev.load_gold(gold_path))
    expected = Counter(line.split()[0].lower() for line in lines)
    got = Counter(tr.get("data-gold") for tr in page.xpath('//tr[@data-gold]'))
    for verdict in ("missed", "wrong", "extra"):
        assert got[verdict] == expected[verdict], verdict
    assert got["ok"] > 300
    # a missed row sits in its article's section
    for tr in page.xpath('//tr[@data-gold="missed"]'):
        assert tr.xpath("ancestor::section")[0].get("class") == "article"


def test_choose_marks_keeps_evidence_and_drops_what_overlaps_it():
    mentions = [Mention("PERSON", 0, 9, "Femke Kok"), Mention("TIME", 20, 25, "37,10"),
                Mention("RANK", 22, 30, "x"), Mention("EVENT", 10, 19, "500 meter"), Mention("GENDER", 31, 35, "vrouw"),
                Mention("COUNTRY", 12, 14, "xx")]
    marks = review.choose_marks(40, [(20, 25, "time"), (21, 24, "rank")], mentions)
    assert [(m.start, m.end, m.kind) for m in marks] == [(0, 9, "athlete"), (10, 19, "event"), (20, 25, "time")]


def test_the_command(small_run, tmp_path):
    target = tmp_path / "elsewhere" / "r.html"
    proc = run_cli("review", small_run, "--html", target)
    assert proc.returncode == 0, proc.stderr
    assert target.exists() and f"report: {target}" in proc.stderr
    proc = run_cli("review", tmp_path / "elsewhere")
    assert proc.returncode == 3 and "not a run's output" in proc.stderr
    proc = run_cli("review", "--help")
    assert "--gold" in proc.stdout and "--html" in proc.stdout


def test_without_matplotlib_it_says_how_to_install_it(small_run, monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import fails
    with pytest.raises(review.PlotLibraryMissing, match=r"sports-extract\[review\]"):
        review.build_report(small_run)
