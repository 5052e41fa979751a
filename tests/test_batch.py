"""Batch runs: chunks, jobs, the Dask engine, resume after a kill, part files and publishing."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pyarrow.dataset as ds
import pytest

from extract.batch import MANIFEST, STAGING, Item, ResumeError, plan_chunks, run_batch

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "articles"
TABLES = ("results", "records", "articles")


def table(out: Path, name: str) -> pd.DataFrame:
    """A published table as pandas, whichever layout it has."""
    path = out / f"{name}.parquet" if (out / f"{name}.parquet").exists() else out / name
    return ds.dataset(str(path), format="parquet").to_table().to_pandas()


def digests(out: Path) -> dict[str, str]:
    """Every published Parquet file of a run by its path below ``out``, with its content hash."""
    return {p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(out.rglob("*.parquet")) if STAGING not in p.parts}


def assert_same_rows(a: Path, b: Path) -> None:
    for name in TABLES:
        pd.testing.assert_frame_equal(table(a, name), table(b, name))


def cli(*args, **kwargs) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    return subprocess.Popen([sys.executable, "-m", "extract", "run", *map(str, args), "--no-progress", "-q"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> Path:
    """The corpus run in one process, as single files."""
    out = tmp_path_factory.mktemp("reference")
    run_batch([CORPUS], out, jobs=1, model="blank", layout="file")
    return out


@pytest.fixture(scope="module")
def big_input(tmp_path_factory) -> Path:
    """Three copies of the corpus (267 articles, distinct ids): long enough to kill a run in the middle."""
    root = tmp_path_factory.mktemp("big")
    for i in range(3):
        shutil.copytree(CORPUS, root / f"copy{i}")
    return root


KILL_OPTIONS = ["--model", "blank", "--chunk-size", "5", "--part-size", "20"]


@pytest.fixture(scope="module")
def big_complete(big_input, tmp_path_factory) -> Path:
    """``big_input`` run to the end in one go, with ``KILL_OPTIONS``."""
    out = tmp_path_factory.mktemp("complete")
    run_batch([big_input], out, jobs=1, model="blank", chunk_size=5, articles_per_part=20)
    return out


def test_published_layouts(reference, tmp_path):
    assert sorted(p.name for p in reference.iterdir()) == ["articles.parquet", MANIFEST, "records.parquet",
                                                           "results.parquet"]
    manifest = json.loads((reference / MANIFEST).read_text())
    assert manifest["layout"] == "file" and manifest["counts"]["articles"] == len(table(reference, "articles"))
    assert manifest["counts"]["results"] == len(table(reference, "results")) > 500
    summary = run_batch([CORPUS], tmp_path, jobs=1, model="blank", chunk_size=10, articles_per_part=30)
    assert summary.layout == "dataset" and summary.parts == 4 and summary.chunks == 10  # 94 articles: 10 chunks, parts of up to 30
    for name in TABLES:
        assert sorted(p.name for p in (tmp_path / name).iterdir()) == [f"part-00000{i}.parquet" for i in range(4)]
    assert not (tmp_path / STAGING).exists()
    assert_same_rows(reference, tmp_path)


def test_same_rows_and_files_whatever_the_number_of_jobs(reference, tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    run_batch([CORPUS], one, jobs=1, model="blank", chunk_size=7, articles_per_part=40)
    summary = run_batch([CORPUS], two, jobs=2, model="blank", chunk_size=7, articles_per_part=40)
    assert summary.engine == "local, 2 worker processes"
    assert digests(one) == digests(two) and len(digests(one)) == 9  # three parts of three tables
    assert_same_rows(reference, two)


def test_dask_local_cluster_gives_the_local_rows(reference, tmp_path):
    pytest.importorskip("distributed")
    summary = run_batch([CORPUS], tmp_path, jobs=2, engine="dask", model="blank", chunk_size=12, layout="file")
    assert summary.engine == "dask, local cluster of 2 workers"
    assert_same_rows(reference, tmp_path)
    assert digests(tmp_path) == digests(reference)


def test_a_big_jsonl_file_is_cut_into_line_ranges(tmp_path):
    lines = [json.dumps({"id": f"a{i}", "text": f"Jan Smit won de 500 meter in 35,{i:02d}."}) for i in range(23)]
    lines.insert(5, "not json")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "feed.jsonl").write_text("\n".join(lines) + "\n")
    (chunk,) = list(plan_chunks([tmp_path / "in"], chunk_size=100))
    assert [i.articles for i in chunk.items] == [24]
    chunks = list(plan_chunks([tmp_path / "in"], chunk_size=10))
    assert [[(i.byte_range is not None, i.first_line, i.articles) for i in c.items] for c in chunks] == [
        [(True, 1, 10)], [(True, 11, 10)], [(True, 21, 4)]]
    whole, cut = tmp_path / "whole", tmp_path / "cut"
    run_batch([tmp_path / "in"], whole, model="blank", chunk_size=100)
    run_batch([tmp_path / "in"], cut, model="blank", chunk_size=10)
    assert_same_rows(whole, cut)
    articles = table(cut, "articles")
    assert articles["article_id"].tolist()[:7] == ["feed.jsonl#a0", "feed.jsonl#a1", "feed.jsonl#a2", "feed.jsonl#a3",
                                                   "feed.jsonl#a4", "feed.jsonl#6", "feed.jsonl#a5"]
    assert "JSONL line 6: not valid JSON" in articles["error"].dropna().iloc[0]
    assert table(cut, "results")["time_s"].tolist() == [35.0 + i / 100 for i in range(23)]


def wait_for(predicate, proc: subprocess.Popen, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert proc.poll() is None, f"the run ended before it could be killed: {proc.communicate()}"
        assert time.monotonic() < deadline, "the run made no progress"
        time.sleep(0.02)


def journal_parts(out: Path) -> int:
    journal = out / STAGING / "journal.jsonl"
    return len(journal.read_text().splitlines()) if journal.exists() else 0


def test_resume_after_kill_9_loses_and_repeats_nothing(big_input, big_complete, tmp_path):
    complete, out = big_complete, tmp_path / "out"
    options = [*KILL_OPTIONS, "--jobs", "2"]
    proc = cli(big_input, "--out", out, *options)
    wait_for(lambda: journal_parts(out) >= 2, proc)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    written = journal_parts(out)
    assert 2 <= written < len(list((complete / "results").iterdir()))
    assert not (out / MANIFEST).exists()  # nothing is published before the run is complete
    resumed = cli(big_input, "--out", out, *options, "--jobs", "1", "--resume")  # any number of jobs
    assert resumed.wait(timeout=600) == 0, resumed.stderr.read()
    assert digests(out) == digests(complete)
    assert json.loads((out / MANIFEST).read_text())["run"]["resumed_chunks"] >= 2 * 4
    assert not (out / STAGING).exists()


def test_an_interrupted_run_leaves_the_previous_output_whole(big_input, tmp_path):
    out = tmp_path / "out"
    options = [*KILL_OPTIONS, "--jobs", "1"]
    assert cli(big_input / "copy0", "--out", out, *options).wait(timeout=600) == 0
    before = digests(out)
    manifest = (out / MANIFEST).read_text()
    proc = cli(big_input, "--out", out, *options)
    wait_for(lambda: journal_parts(out) >= 1, proc)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert digests(out) == before and (out / MANIFEST).read_text() == manifest


def test_resume_refuses_other_input_or_options(big_input, tmp_path):
    out = tmp_path / "out"
    options = [*KILL_OPTIONS, "--jobs", "1"]
    proc = cli(big_input, "--out", out, *options)
    wait_for(lambda: journal_parts(out) >= 1, proc)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    other = cli(big_input, "--out", out, *options, "--chunk-size", "6", "--resume")
    assert other.wait(timeout=120) == 3 and "other settings (chunk_size)" in other.stderr.read()
    first = sorted((big_input / "copy0").iterdir())[0]
    moved = first.rename(first.with_name("zz_" + first.name))  # the walk now gives the files in another order
    try:
        with pytest.raises(ResumeError, match="input changed"):
            run_batch([big_input], out, model="blank", chunk_size=5, articles_per_part=20, resume=True)
    finally:
        moved.rename(first)


def test_resume_of_a_complete_run_does_nothing(reference, tmp_path):
    out = tmp_path / "out"
    run_batch([CORPUS], out, model="blank", layout="file")
    before = digests(out)
    summary = run_batch([CORPUS], out, model="blank", layout="file", resume=True)
    assert summary.engine == "(already complete)" and summary.processed == 0
    assert digests(out) == before


def test_items_of_plain_files():
    chunks = list(plan_chunks([CORPUS], chunk_size=50))
    files = sum(1 for p in Path(CORPUS).iterdir() if p.is_file())
    assert 50 < files <= 100 and [c.articles for c in chunks] == [50, files - 50]
    assert all(isinstance(i, Item) and i.byte_range is None for c in chunks for i in c.items)
    assert [c.index for c in chunks] == [0, 1]


def test_other_readers_read_the_dataset_as_one_table(reference, tmp_path):
    duckdb, pl = pytest.importorskip("duckdb"), pytest.importorskip("polars")
    run_batch([CORPUS], tmp_path, model="blank", chunk_size=10, articles_per_part=30)
    expected = table(reference, "results")
    glob = str(tmp_path / "results" / "*.parquet")
    got = duckdb.sql(f"select article_id, athlete, time_s from read_parquet('{glob}')").df()
    assert got["article_id"].tolist() == expected["article_id"].tolist()
    assert got["time_s"].fillna(-1).tolist() == expected["time_s"].astype("float64").fillna(-1).tolist()
    lazy = pl.scan_parquet(glob).select("athlete", "rank").collect()
    assert lazy.height == len(expected) and lazy["rank"].null_count() == int(expected["rank"].isna().sum())


def test_sigterm_stops_the_run_resumably(big_input, big_complete, tmp_path):
    out = tmp_path / "out"
    proc = cli(big_input, "--out", out, *KILL_OPTIONS, "--jobs", "2")
    wait_for(lambda: journal_parts(out) >= 1, proc)
    proc.terminate()
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130 and "--resume" in err
    assert (out / STAGING).exists() and not (out / MANIFEST).exists()
    assert run_batch([big_input], out, model="blank", chunk_size=5, articles_per_part=20, resume=True).resumed_chunks
    assert digests(out) == digests(big_complete)
