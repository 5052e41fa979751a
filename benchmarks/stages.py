"""Where one job's time goes, stage by stage, beside bare tokenization of the same texts.

    .venv/bin/python benchmarks/stages.py ../shared/bench/leestmeer-sport-2019

In one process, twice over the input: the second pass stands for the later copies of the 10x corpus of
``run.py`` (the vocabulary has seen every word by then, which speeds bare tokenization up). Each pass
times, in CPU seconds, what a one-job batch run does with each article (the steps of
``extract.pipeline._needs_pipeline`` and the pipeline's components, one by one), then the tables and
their Parquet files; and bare ``spacy.blank("nl")`` tokenization of all texts (``nlp.pipe``).

It prints, per pass, the stages, the ratio of bare tokenization to the whole, and the floor: what the run
would take if the recognizers, the name finder and the linker cost nothing. Between that floor and the
0.40x target of one job lies the time those three may take at most.
"""
from __future__ import annotations

import argparse
import tempfile
import time
from collections import defaultdict

import spacy

from extract.dataframes import frames
from extract.lexicon import get_lexicon
from extract.linking import may_make_rows
from extract.output import write_outputs
from extract.pipeline import _doc_for, _extraction, load
from extract.reading import iter_sources
from extract.recognize import find_mentions
from extract.sports import detect_sport, may_have_race_section

TARGET = 0.40
EXTRACTION = ("recognizers", "sports_names", "sports_linker", "sports_recognizer")  # the rule-based stages


def one_pass(inputs: list[str], nlp, blank, lex) -> tuple[dict[str, float], float]:
    cpu: dict[str, float] = defaultdict(float)

    def timed(stage, fn, *args):
        started = time.process_time()
        value = fn(*args)
        cpu[stage] += time.process_time() - started
        return value

    sources = timed("reading", lambda: list(iter_sources(inputs)))
    texts = [s.text for s in sources if not s.error]
    started = time.process_time()
    sum(len(doc) for doc in blank.pipe(texts, batch_size=256))
    tokenize_s = time.process_time() - started
    extractions = []
    for source in sources:
        if source.error:
            extractions.append(_extraction(source))
            continue
        sport = timed("sport test", detect_sport, source.text, source.categories, lex)
        if sport is None and not timed("sport test", may_have_race_section, source.text, lex):
            extractions.append(_extraction(source))
            continue
        mentions = timed("recognizers", find_mentions, source.text, lex)
        if not timed("row test", may_make_rows, source.text, mentions, lex):
            extractions.append(_extraction(source, sport=sport))
            continue
        doc = timed("tokenizing", _doc_for, nlp, source, sport, mentions)
        for name, component in nlp.pipeline:
            doc = timed(name, component, doc)
        extractions.append(timed("tables", _extraction, source, doc))
    tables = timed("tables", frames, extractions)
    with tempfile.TemporaryDirectory() as out:
        timed("tables", write_outputs, out, *tables, {})
    return cpu, tokenize_s


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+", help="folders or files of articles")
    args = parser.parse_args()
    lex = get_lexicon()
    nlp, blank = load("blank", spans_key=None), spacy.blank("nl")
    for label in ("first pass (1x)", "second pass (as the 10x copies)"):
        cpu, tokenize_s = one_pass(args.inputs, nlp, blank, lex)
        total = sum(cpu.values())
        floor = total - sum(cpu[k] for k in EXTRACTION)
        print(f"\n{label}: bare tokenization {tokenize_s:.2f} s")
        for stage, seconds in cpu.items():
            print(f"  {stage:<18} {seconds:6.2f}")
        print(f"  {'total':<18} {total:6.2f}  ratio {tokenize_s / total:.2f}")
        print(f"  without recognizers, names and linker {floor:.2f} s (ratio {tokenize_s / floor:.2f}); at "
              f"{TARGET:.2f}x those three may take {tokenize_s / TARGET - floor:.2f} s, they take "
              f"{total - floor:.2f} s")


if __name__ == "__main__":
    main()
