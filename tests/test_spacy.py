"""spaCy integration: factories by entry point, extensions, the span group, and loading a statistical pipeline."""
from __future__ import annotations

import json
import random
import subprocess
import sys
import textwrap
import time

import pytest
import spacy
from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.util import fix_random_seed

import extract
from extract.components import COMPONENT_NAMES
from extract.extensions import DOC_EXTENSIONS, SPAN_EXTENSIONS, SPAN_GROUP
from extract.pipeline import model_name
from extract.recognize import find_people
from extract.times import TimeMention

from .conftest import run_cli


def _fresh_python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=120)


def test_add_pipe_by_name_in_a_fresh_process():
    proc = _fresh_python("""
        import json
        import spacy
        nlp = spacy.blank("nl")
        for name in ("sports_segmenter", "sports_recognizer", "sports_names", "sports_linker"):
            nlp.add_pipe(name)
        doc = nlp("Jutta Leerdam won de 1000 meter in 1.13,83.")
        print(json.dumps({
            "pipes": nlp.pipe_names,
            "spans": [[s.text, s.label_] for s in doc.spans["sports"]],
            "results": [[r.athlete, r.event, r.time_s, r.rank] for r in doc._.sports_results],
        }))
    """)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["pipes"] == list(COMPONENT_NAMES)
    assert ["1.13,83", "TIME"] in out["spans"]
    assert ["Jutta Leerdam", "PERSON"] in out["spans"]
    assert out["results"] == [["Jutta Leerdam", "1000m", 73.83, 1]]


def test_factories_come_from_entry_points_without_importing_extract():
    proc = _fresh_python("""
        import sys
        import spacy
        assert "extract" not in sys.modules
        nlp = spacy.blank("nl")
        nlp.add_pipe("sports_recognizer")
        # the factory module was imported by spaCy through the entry point, not by us
        print(sorted(m for m in sys.modules if m == "extract.components"))
        doc = nlp("Ze klokte 37,04.")
        print([(s.text, s.label_) for s in doc.spans["sports"]])
    """)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0] == "['extract.components']"
    assert "('37,04', 'TIME')" in lines[1]


def test_saved_pipeline_loads_in_a_fresh_process(tmp_path):
    extract.load("blank").to_disk(tmp_path / "pipe")
    proc = _fresh_python(f"""
        import spacy
        nlp = spacy.load({str(tmp_path / "pipe")!r})
        print(nlp.pipe_names)
        doc = nlp("Femke Kok won de 500 meter in 37,10.")
        print([(r.athlete, r.time_s) for r in doc._.sports_results])
    """)
    assert proc.returncode == 0, proc.stderr
    pipes, results = proc.stdout.splitlines()
    assert pipes == str(list(COMPONENT_NAMES))
    assert results == "[('Femke Kok', 37.1)]"


def test_register_extensions_is_idempotent():
    extract.register_extensions()
    extract.register_extensions()
    for name in DOC_EXTENSIONS:
        assert Doc.has_extension(f"sports_{name}")
    for name in SPAN_EXTENSIONS:
        assert Span.has_extension(f"sports_{name}")
    nlp = extract.load("blank")
    extract.register_extensions()  # again, after the components registered them
    doc = nlp("Thomas Krol won de 1000 meter in 1.07,92.")
    assert doc._.sports_results[0].athlete == "Thomas Krol"


def test_load_blank_has_the_components_in_order():
    nlp = extract.load("blank")
    assert nlp.pipe_names == list(COMPONENT_NAMES)
    assert nlp.lang == "nl"
    assert model_name(nlp) == "blank:nl"
    assert extract.load("blank:nl").pipe_names == list(COMPONENT_NAMES)


def test_doc_extensions_and_span_group():
    nlp = extract.load("blank")
    text = "De Japanse Miho Takagi won de 1000 meter bij de vrouwen in 1.13,19."
    doc = nlp(text)
    assert doc._.sports_sport == "speed_skating"
    assert [b.kind for b in doc._.sports_blocks] == ["paragraph"]
    group = doc.spans[SPAN_GROUP]
    labelled = {(s.text, s.label_) for s in group}
    assert {("Japanse", "COUNTRY"), ("Miho Takagi", "PERSON"), ("won", "WIN"), ("1000 meter", "EVENT"),
            ("vrouwen", "GENDER"), ("1.13,19", "TIME")} <= labelled
    for span in group:
        assert doc.text[span.start_char:span.end_char] == span.text
    values = {s.label_: s._.sports_value for s in group}
    assert values["EVENT"] == ("1000m", 1000)
    assert values["COUNTRY"] == ("JPN", "female")
    assert values["GENDER"] == "women"
    assert isinstance(values["TIME"], TimeMention) and values["TIME"].seconds == 73.19
    kinds = {m.kind for m in doc._.sports_mentions}
    assert {"PERSON", "TIME", "EVENT", "COUNTRY", "WIN", "GENDER"} <= kinds
    (r,) = doc._.sports_results
    assert (r.athlete, r.country, r.gender, r.event, r.time_s, r.rank) == (
        "Miho Takagi", "JPN", "women", "1000m", 73.19, 1)
    assert doc._.sports_records == []


def test_sentences_come_from_the_segmenter():
    nlp = extract.load("blank")
    doc = nlp("Kjeld Nuis won in 1.43,21. Thomas Krol werd tweede.\n\nFoto: Nuis juicht © ANP")
    assert [s.text.strip() for s in doc.sents] == [
        "Kjeld Nuis won in 1.43,21.", "Thomas Krol werd tweede.", "Foto: Nuis juicht © ANP"]


def test_pipe_matches_single_calls():
    nlp = extract.load("blank")
    texts = ["Thomas Krol won de 1000 meter in 1.07,92.", "Femke Kok won de 500 meter in 37,10.",
             "Op de 1500 meter werd Kai Verbij gediskwalificeerd."]
    piped = [d._.sports_results for d in nlp.pipe(texts, batch_size=2)]
    single = [nlp(t)._.sports_results for t in texts]
    assert piped == single
    assert [[r.athlete for r in rs] for rs in piped] == [["Thomas Krol"], ["Femke Kok"], ["Kai Verbij"]]


# --- a statistical pipeline ------------------------------------------------------------------------

TRAIN = [
    ("Jutta Leerdam won de 1000 meter.", ["Jutta Leerdam"]),
    ("Kjeld Nuis was de snelste op de 1500 meter.", ["Kjeld Nuis"]),
    ("Irene Schouten pakte goud op de massastart.", ["Irene Schouten"]),
    ("Na de rit van Thomas Krol juichte het publiek.", ["Thomas Krol"]),
    ("Miho Takagi reed een baanrecord.", ["Miho Takagi"]),
    ("De tweede plaats was voor Patrick Roest.", ["Patrick Roest"]),
    ("Femke Kok werd knap derde.", ["Femke Kok"]),
    ("Trainer Jac Orie was tevreden over Joy Beune.", ["Jac Orie", "Joy Beune"]),
    ("Bart Swings won de massastart in Heerenveen.", ["Bart Swings"]),
    ("Erin Jackson was sneller dan Vanessa Herzog.", ["Erin Jackson", "Vanessa Herzog"]),
    ("Ragne Wiklund reed een sterke 3000 meter.", ["Ragne Wiklund"]),
]


@pytest.fixture(scope="module")
def trained_model(tmp_path_factory):
    """A tiny nl pipeline with an 'ner' component trained on our own sentences (fixed seed)."""
    started = time.perf_counter()
    fix_random_seed(0)
    nlp = spacy.blank("nl")
    ner = nlp.add_pipe("ner")
    ner.add_label("PERSON")
    examples = []
    for text, names in TRAIN:
        ents = [(text.index(n), text.index(n) + len(n), "PERSON") for n in names]
        examples.append(Example.from_dict(nlp.make_doc(text), {"entities": ents}))
    optimizer = nlp.initialize(lambda: examples)
    rng = random.Random(0)
    losses = {}
    for _ in range(30):
        rng.shuffle(examples)
        losses = {}
        nlp.update(examples, sgd=optimizer, drop=0.1, losses=losses)
    path = tmp_path_factory.mktemp("model") / "nl_tiny_ner"
    nlp.meta["name"] = "tiny_ner"
    nlp.meta["version"] = "0.0.1"
    nlp.to_disk(path)
    assert time.perf_counter() - started < 20
    return path, losses["ner"]


def test_training_converged(trained_model):
    _, loss = trained_model
    assert loss < 5.0


def test_load_statistical_model(trained_model):
    path, _ = trained_model
    nlp = extract.load(str(path))
    assert "ner" in nlp.pipe_names
    assert nlp.pipe_names[-3:] == ["sports_recognizer", "sports_names", "sports_linker"]
    # the segmenter runs before the statistical components so they see its sentences
    assert nlp.pipe_names.index("sports_segmenter") < nlp.pipe_names.index("ner")
    name = model_name(nlp)
    assert not name.startswith("blank")
    assert name == "nl_tiny_ner-0.0.1"

    text = "Joy Beune won de 3000 meter in 3.58,12. Ragne Wiklund werd tweede in 3.59,40."
    ex = extract.extract_text(text, nlp=nlp)
    assert [(r.athlete, r.event, r.time_s, r.rank) for r in ex.results] == [
        ("Joy Beune", "3000m", 238.12, 1), ("Ragne Wiklund", "3000m", 239.4, 2)]
    doc = nlp(text)
    assert {e.label_ for e in doc.ents} <= {"PERSON"}


def test_cli_with_statistical_model(trained_model, tmp_path):
    path, _ = trained_model
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "r.txt").write_text("Joy Beune won de 3000 meter in 3.58,12.\n", encoding="utf-8")
    proc = run_cli("run", tmp_path / "in", "--out", tmp_path / "out", "--model", path, "--no-progress")
    assert proc.returncode == 0, proc.stderr
    from extract.output import read_metadata
    assert read_metadata(tmp_path / "out" / "results.parquet")["sports_extract.model"] == "nl_tiny_ner-0.0.1"


def test_model_people_are_used_by_the_name_finder():
    text = "won zij: jutta leerdam in 1.13,83"
    tokens = [(m, text.index(m), i == 0) for i, m in enumerate(text.split())]
    start = text.index("jutta leerdam")
    without = find_people(tokens, text, blocked=[])
    with_model = find_people(tokens, text, blocked=[], model_people=[(start, start + len("jutta leerdam"))])
    assert without == []
    assert [(m.kind, m.text) for m in with_model] == [("PERSON", "jutta leerdam")]


def test_spans_key_none_leaves_doc_spans_empty_and_results_alike():
    text = "De Japanse Miho Takagi won de 1000 meter bij de vrouwen in 1.13,19."
    doc = extract.load("blank", spans_key=None)(text)
    assert not doc.spans and doc._.sports_mentions
    assert doc._.sports_results == extract.load("blank")(text)._.sports_results
    custom = extract.load("blank", spans_key="mine")(text)
    assert "mine" in custom.spans and SPAN_GROUP not in custom.spans
