"""A batch leaves an article untokenized when linking.may_make_rows says the linker has nothing to start a row
from. It must never say so of an article the whole pipeline gets a result or record from: checked on every
corpus article, on sentences of our own for each way a row starts without a time, place or status mention,
and on generated text."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import extract
from extract import pipeline, recognize
from extract.linking import ROW_SEEDS, may_make_rows
from extract.pipeline import extract_source, extract_sources
from extract.reading import iter_sources
from extract.recognize import find_mentions

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "articles"


@pytest.fixture(scope="module")
def nlp():
    return extract.load("blank")


def gate_says_no_rows(text: str) -> bool:
    return not may_make_rows(text, find_mentions(text))


def test_gate_never_skips_a_corpus_article_with_rows(nlp):
    sources = [s for s in iter_sources([CORPUS]) if not s.error]
    skipped = 0
    for source in sources:
        if not gate_says_no_rows(source.text):
            continue
        skipped += 1
        full = extract_source(source, nlp)
        assert not full.results and not full.records, f"{source.article_id}: rows, but the gate skips it"
    assert skipped, "no corpus article is skipped: the test checks nothing"


def test_batch_rows_equal_the_whole_pipeline_on_the_corpus(nlp):
    sources = [s for s in iter_sources([CORPUS]) if not s.error]
    batch = list(extract_sources(sources, nlp))
    full = [extract_source(s, nlp) for s in sources]
    assert [(b.article, b.results, b.records) for b in batch] == [(f.article, f.results, f.records) for f in full]


# each way a row starts from something that is no ROW_SEEDS mention; every text gives a row, so the gate lets
# it through
ROWS_WITHOUT_SEED_MENTIONS = {
    "winner title": "Wielrennen\n\nPiet de Vries gaf in de tijdrit een minuut toe op winnaar Jan Bakker.",
    "list ranks": "Schaatsen\n\nUitslag 1000 meter vrouwen:\n\n1. Anna Visser (Ned)\n2. Marit Olsen (Noo)\n"
                  "3. Yuki Sato (Jap)\n",
}


@pytest.mark.parametrize("case", sorted(ROWS_WITHOUT_SEED_MENTIONS))
def test_rows_without_a_seed_mention_pass_the_gate(case, nlp):
    text = ROWS_WITHOUT_SEED_MENTIONS[case]
    assert not any(m.kind in ROW_SEEDS for m in find_mentions(text)), "the case has a seed mention: it tests nothing"
    assert extract.extract_text(text, nlp=nlp).results, "the case gives no row: it tests nothing"
    assert not gate_says_no_rows(text)


def test_a_report_without_anything_to_start_from_is_skipped():
    assert gate_says_no_rows("Schaatsen\n\nAnna Visser en Jan Bakker trainden deze week in Heerenveen.")


NAME = st.from_regex(r"[A-Z][a-z]{2,8} [A-Z][a-z]{2,9}", fullmatch=True)
WORDS = st.sampled_from([
    "schaatsen", "wielrennen", "de tijdrit", "1000 meter", "winnaar", "winnares", "voorsprong op de rest van het veld",
    "1.", "2)", "3;", "in", "met", "op", "de", "het", "bleef", "voor", "achter", "Nederlandse", "Noor", "ploeg",
    "coach", "won", "tweede", "goud", "viel", "Heerenveen", ".", ",", ":", "\n", "\n\n", "\t", "|",
])


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=st.lists(st.one_of(NAME, WORDS), max_size=40).map(" ".join))
def test_gate_never_skips_generated_text_with_rows(nlp, text):
    full = extract.extract_text(text, nlp=nlp, categories=("schaatsen",))  # the whole pipeline, never gated
    if full.results or full.records:
        assert not gate_says_no_rows(full.article.text)


def test_an_article_the_recognizers_fail_on_is_an_error_row_and_the_batch_goes_on(nlp, monkeypatch):
    real = recognize.find_mentions

    def failing(text, lex=None):
        if "KAPOT" in text:
            raise ValueError("a recognizer broke")
        return real(text, lex)

    monkeypatch.setattr(recognize, "find_mentions", failing)  # the recognizer component's
    monkeypatch.setattr(pipeline, "find_mentions", failing)  # the batch's row test's
    texts = ["Schaatsen\n\nAnna Visser won de 1000 meter in 1.14,20.", "Schaatsen\n\nKAPOT: Jan Bakker won in 1.09,10.",
             "Schaatsen\n\nMarit Olsen won de 500 meter in 37,80."]
    sources = [pipeline.read_text_article(t, f"a{i}") for i, t in enumerate(texts)]
    out = list(extract_sources(sources, nlp))
    assert [bool(e.results) for e in out] == [True, False, True]
    assert out[1].article.error.endswith("extraction failed: ValueError: a recognizer broke")
    assert out[0].article.error is None and out[2].article.error is None
