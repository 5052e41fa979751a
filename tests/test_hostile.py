"""Dirty input: every file of tests/hostile_corpus.py ends as exactly the outcome it must have, the good
articles beside it still give their results, and the output folder is guarded."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from extract.reading import iter_sources
from tests.hostile_corpus import ARTICLE_BYTES, build, outcomes, remove_deep_tree

ROOT = Path(__file__).resolve().parent.parent


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "extract", "run", *args, "--no-progress"], cwd=ROOT,
                          capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile") / "in"
    expected = build(folder)
    yield folder, expected
    remove_deep_tree(folder)  # pytest's own clean-up recurses: the tree is deeper than the recursion limit


def mismatches(folder: Path, out: Path, expected: dict) -> list[str]:
    articles = pd.read_parquet(out / "articles.parquet")
    results = pd.read_parquet(out / "results.parquet")
    problems = []
    ids = articles["article_id"].tolist()
    if sorted(ids) != sorted(expected):
        problems.append(f"article ids: missing {sorted(set(expected) - set(ids))}, unexpected {sorted(set(ids) - set(expected))}")
    if len(ids) != len(set(ids)):
        problems.append(f"article ids twice: {sorted({i for i in ids if ids.count(i) > 1})}")
    for row in articles.itertuples():
        want = expected.get(row.article_id)
        if want is None:
            continue
        error = row.error if isinstance(row.error, str) else None
        where = repr(row.article_id)
        if want.error:
            if error is None or want.error not in error:
                problems.append(f"{where}: error {error!r}, expected one with {want.error!r}")
            if row.n_results:
                problems.append(f"{where}: an error row with {row.n_results} results")
            continue
        if error is not None:
            problems.append(f"{where}: unexpected error {error!r}")
            continue
        if want.encoding and row.encoding != want.encoding:
            problems.append(f"{where}: encoding {row.encoding!r}, expected {want.encoding!r}")
        warnings = list(row.warnings)
        for words in want.warnings:
            if not any(words in w for w in warnings):
                problems.append(f"{where}: no warning with {words!r} in {warnings}")
        if not want.warnings and warnings and not want.follow_links:
            problems.append(f"{where}: unexpected warnings {warnings}")
        got = {(r.athlete, r.time_s, r.rank) for r in results[results["article_id"] == row.article_id].itertuples()}
        if not want.rows <= got or (want.only_rows and got != want.rows):
            among = "" if want.only_rows else " among them"
            problems.append(f"{where}: results {sorted(got)}, expected {sorted(want.rows)}{among}")
        if want.text_has:
            (source,) = iter_sources([row.path])
            if want.text_has not in source.text:
                problems.append(f"{where}: {want.text_has!r} not in the text {source.text[:200]!r}")
    return problems


@pytest.mark.parametrize("follow_links", [False, True], ids=["links-not-followed", "follow-links"])
def test_every_file_has_its_outcome(corpus, tmp_path, follow_links):
    folder, expected = corpus
    out = tmp_path / "out"
    proc = run_cli(str(folder), "--out", str(out), "--max-article-bytes", str(ARTICLE_BYTES), "--jobs", "2",
                   "--chunk-size", "7", *(["--follow-links"] if follow_links else []))
    assert proc.returncode == 1, proc.stderr  # completed, with bad inputs
    want = outcomes(expected, follow_links)
    errors = sum(1 for o in want.values() if o.error)
    assert f"{len(want)} articles" in proc.stderr and f"{errors} errors" in proc.stderr, proc.stderr
    problems = mismatches(folder, out, want)
    assert not problems, "\n".join(problems)


def test_a_file_that_cannot_be_read(tmp_path, monkeypatch):
    (tmp_path / "geheim.txt").write_text("Jutta Leerdam won de 1000 meter in 1.12,25.", encoding="utf-8")
    (tmp_path / "open.txt").write_text("Jutta Leerdam won de 1000 meter in 1.12,25.", encoding="utf-8")
    if os.geteuid() == 0:  # root reads any file: make the refusal happen where the reader opens it
        real_open = os.open

        def refusing_open(path, flags, *args, **kwargs):
            if str(path).endswith("geheim.txt"):
                raise PermissionError(13, "Permission denied", str(path))
            return real_open(path, flags, *args, **kwargs)

        monkeypatch.setattr(os, "open", refusing_open)
    else:
        (tmp_path / "geheim.txt").chmod(0)
    sources = {s.article_id: s for s in iter_sources([tmp_path])}
    assert sources["geheim"].error == f"{tmp_path / 'geheim.txt'}: cannot read (Permission denied)"
    assert sources["open"].error is None and "Leerdam" in sources["open"].text


def test_output_inside_the_input_is_refused(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Jutta Leerdam won de 1000 meter in 1.12,25.", encoding="utf-8")
    proc = run_cli(str(tmp_path / "in"), "--out", str(tmp_path / "in" / "uit"))
    assert proc.returncode == 3
    assert "inside the input folder" in proc.stderr
    assert sorted(p.name for p in (tmp_path / "in").iterdir()) == ["a.txt"]  # nothing written there


def test_a_folder_of_other_files_is_not_written_over(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Jutta Leerdam won de 1000 meter in 1.12,25.", encoding="utf-8")
    # a folder of one's own that a dataset run would replace whole: refused, left as it was
    (tmp_path / "mijn-map" / "articles").mkdir(parents=True)
    (tmp_path / "mijn-map" / "articles" / "scriptie.docx").write_bytes(b"mijn werk")
    proc = run_cli(str(tmp_path / "in"), "--out", str(tmp_path / "mijn-map"))
    assert proc.returncode == 3
    assert "not part files of a sports-extract run (scriptie.docx)" in proc.stderr
    assert sorted(p.name for p in (tmp_path / "mijn-map").rglob("*")) == ["articles", "scriptie.docx"]
    (tmp_path / "een-bestand").write_text("x")
    proc = run_cli(str(tmp_path / "in"), "--out", str(tmp_path / "een-bestand"))
    assert proc.returncode == 3 and "is a file, not a folder" in proc.stderr
    assert (tmp_path / "een-bestand").read_text() == "x"


def test_other_files_beside_the_tables_are_left_alone(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Jutta Leerdam won de 1000 meter in 1.12,25.", encoding="utf-8")
    (tmp_path / "uit").mkdir()
    (tmp_path / "uit" / "run.log").write_text("mijn log\n")
    proc = run_cli(str(tmp_path / "in"), "--out", str(tmp_path / "uit"))
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "uit" / "run.log").read_text() == "mijn log\n"
    assert (tmp_path / "uit" / "results.parquet").exists()


def test_a_previous_output_folder_is_reused(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Jutta Leerdam won de 1000 meter in 1.12,25.", encoding="utf-8")
    (tmp_path / "uit").mkdir()
    (tmp_path / "uit" / ".gitkeep").write_text("")
    for _ in range(2):
        proc = run_cli(str(tmp_path / "in"), "--out", str(tmp_path / "uit"))
        assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in (tmp_path / "uit").iterdir()) == [
        ".gitkeep", "articles.parquet", "manifest.json", "records.parquet", "results.parquet"]
