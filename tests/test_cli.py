"""The command line end to end: `python -m extract run|evaluate|show` in a subprocess, outputs read back
with pyarrow, duckdb and polars."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import duckdb
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import extract
from extract.cli import main as cli_main
from extract.dataframes import ARTICLE_COLUMNS, RECORD_COLUMNS, RESULT_COLUMNS
from extract.output import read_metadata

from .conftest import run_cli

TXT = """source: eigen verslag
date: 2024-02-10

Jutta Leerdam won de 1000 meter in 1.13,83. Miho Takagi werd tweede in 1.14,20.
"""

MD = """---
title: Schouten de sterkste op de 5000 meter
date: 2024-01-20
categories: [schaatsen]
---
<p>Irene Schouten won de 5000 meter in 6.43,51.</p>
<p>Ragne Wiklund werd tweede in 6.45,02.</p>
"""

HTML = """<!doctype html>
<html><head><title>Krol wint</title><style>p {color: red}</style></head>
<body><h1>Krol wint de 1500 meter</h1>
<p>Thomas Krol won de 1500 meter in 1.43,21. Kjeld Nuis werd tweede in 1.43,75.</p>
<script>var tijd = "1.40,00";</script>
</body></html>
"""

JSONL_GOOD = [
    {"id": "r1", "text": "Femke Kok won de 500 meter in 37,10.", "date": "2024-03-01", "title": "Kok snelste"},
    {"text": "Patrick Roest won de 10.000 meter in 12.50,30."},
]
JSONL_BAD = '{"id": "kapot", "text": '

EXPECTED_RESULTS = {  # article_id -> [(athlete, event, time_s, rank)]
    "a": [("Jutta Leerdam", "1000m", 73.83, 1), ("Miho Takagi", "1000m", 74.2, 2)],
    "b": [("Irene Schouten", "5000m", 403.51, 1), ("Ragne Wiklund", "5000m", 405.02, 2)],
    "c": [("Thomas Krol", "1500m", 103.21, 1), ("Kjeld Nuis", "1500m", 103.75, 2)],
    "d.jsonl#r1": [("Femke Kok", "500m", 37.1, 1)],
    "d.jsonl#2": [("Patrick Roest", "10000m", 770.3, 1)],
}
GOOD_IDS = list(EXPECTED_RESULTS)
BAD_IDS = ["d.jsonl#3", "junk"]  # article ids: the path without extension; JSONL keeps its file name


def write_inputs(folder: Path, junk: bool = True, bad_jsonl_line: bool = True) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a.txt").write_text(TXT, encoding="utf-8")
    (folder / "b.md").write_text(MD, encoding="utf-8")
    (folder / "c.html").write_text(HTML, encoding="utf-8")
    lines = [json.dumps(o, ensure_ascii=False) for o in JSONL_GOOD] + ([JSONL_BAD] if bad_jsonl_line else [])
    (folder / "d.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "notes.csv").write_text("not,an,article\n", encoding="utf-8")  # ignored: not an article suffix
    if junk:
        (folder / "junk.txt").write_bytes(b"Hij won in 1.12,\xff\xfe\x00\x01\x80 rommel\n")
    return folder


@pytest.fixture(scope="module")
def mixed_run(tmp_path_factory):
    base = tmp_path_factory.mktemp("cli_mixed")
    inputs = write_inputs(base / "in")
    out = base / "out" / "nested"  # created by the command
    proc = run_cli("run", inputs, "--out", out, "--model", "blank", "--no-progress", cwd=base)
    return proc, out, base


def test_run_with_bad_inputs_exits_1(mixed_run):
    proc, out, _ = mixed_run
    assert proc.returncode == 1, proc.stderr
    assert "7 articles, 8 results" in proc.stderr
    assert "2 errors" in proc.stderr
    assert "not text: binary content" in proc.stderr and "JSONL line 3" in proc.stderr
    assert {p.name for p in out.iterdir()} == {"results.parquet", "records.parquet", "articles.parquet", "manifest.json"}


def test_results_with_pyarrow(mixed_run):
    _, out, _ = mixed_run
    table = pq.read_table(out / "results.parquet")
    assert table.column_names == list(RESULT_COLUMNS)
    assert table.num_rows == 8
    types = {f.name: f.type for f in table.schema}
    assert types["athlete"] == pa.string()
    assert types["time_s"] == pa.float64()
    assert types["rank"] == pa.int32()
    assert types["distance_m"] == pa.int32()
    assert types["char_start"] == pa.int64()
    rows = table.to_pylist()
    got = {}
    for r in rows:
        got.setdefault(r["article_id"], []).append((r["athlete"], r["event"], r["time_s"], r["rank"]))
    assert got == EXPECTED_RESULTS
    assert {r["status"] for r in rows} == {"finished"}
    assert {r["sport"] for r in rows} == {"speed_skating"}
    assert all(r["team"] is None and r["round"] is None for r in rows)


def test_results_with_duckdb(mixed_run):
    _, out, _ = mixed_run
    path = str(out / "results.parquet")
    con = duckdb.connect()
    try:
        (count,) = con.execute("select count(*) from read_parquet(?)", [path]).fetchone()
        assert count == 8
        rows = con.execute("select athlete, time_s, rank from read_parquet(?) where event = '1500m' order by rank",
                           [path]).fetchall()
        assert rows == [("Thomas Krol", 103.21, 1), ("Kjeld Nuis", 103.75, 2)]
        cols = [r[0] for r in con.execute("describe select * from read_parquet(?)", [path]).fetchall()]
        assert cols == list(RESULT_COLUMNS)
        (winners,) = con.execute("select count(*) from read_parquet(?) where rank = 1", [path]).fetchone()
        assert winners == 5
    finally:
        con.close()


def test_results_with_polars(mixed_run):
    _, out, _ = mixed_run
    df = pl.read_parquet(out / "results.parquet")
    assert df.shape == (8, len(RESULT_COLUMNS))
    assert df.columns == list(RESULT_COLUMNS)
    assert df.schema["rank"] == pl.Int32
    assert df.schema["time_s"] == pl.Float64
    assert df.schema["athlete"] == pl.String
    kok = df.filter(pl.col("athlete") == "Femke Kok")
    assert kok.select("article_id", "event", "distance_m", "time_text").row(0) == ("d.jsonl#r1", "500m", 500, "37,10")
    assert df["gap_s"].null_count() == 8


def test_articles_table(mixed_run):
    _, out, _ = mixed_run
    df = pl.read_parquet(out / "articles.parquet")
    assert df.columns == list(ARTICLE_COLUMNS)
    assert sorted(df["article_id"].to_list()) == sorted(GOOD_IDS + BAD_IDS)  # one row per article
    errors = dict(zip(df["article_id"].to_list(), df["error"].to_list()))
    for article_id in GOOD_IDS:
        assert errors[article_id] is None
    assert "JSONL line 3" in errors["d.jsonl#3"] and "not valid JSON" in errors["d.jsonl#3"]
    assert "junk.txt" in errors["junk"] and "not text: binary content (1 NUL byte" in errors["junk"]
    rows = {r["article_id"]: r for r in df.to_dicts()}
    assert rows["a"]["date"] == "2024-02-10" and rows["a"]["source"] == "eigen verslag"
    assert rows["b"]["title"] == "Schouten de sterkste op de 5000 meter"
    assert rows["b"]["date"] == "2024-01-20"
    assert rows["c"]["title"] == "Krol wint de 1500 meter"
    assert rows["d.jsonl#r1"]["date"] == "2024-03-01" and rows["d.jsonl#r1"]["title"] == "Kok snelste"
    for article_id, expected in EXPECTED_RESULTS.items():
        assert rows[article_id]["n_results"] == len(expected)
        assert rows[article_id]["sport"] == "speed_skating"
    for article_id in BAD_IDS:
        assert rows[article_id]["n_results"] == 0 and rows[article_id]["sport"] is None
    assert rows["d.jsonl#r1"]["path"].endswith("d.jsonl")


def test_records_table_schema(mixed_run):
    _, out, _ = mixed_run
    table = pq.read_table(out / "records.parquet")
    assert table.column_names == list(RECORD_COLUMNS)
    assert table.num_rows == 0


def test_file_metadata(mixed_run):
    _, out, _ = mixed_run
    for name in ("results", "records", "articles"):
        meta = read_metadata(out / f"{name}.parquet")
        assert meta == {"sports_extract.schema_version": "2",
                        "sports_extract.package_version": extract.__version__,
                        "sports_extract.model": "blank:nl"}
    raw = pq.read_schema(out / "results.parquet").metadata
    assert raw[b"sports_extract.model"] == b"blank:nl"


def test_no_temporary_files_left(mixed_run):
    _, out, _ = mixed_run
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


def test_clean_folder_exits_0(tmp_path):
    inputs = write_inputs(tmp_path / "in", junk=False, bad_jsonl_line=False)
    proc = run_cli("run", inputs, "--out", tmp_path / "out", "--model", "blank", "--no-progress", "-q")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""  # -q: no summary
    articles = pq.read_table(tmp_path / "out" / "articles.parquet").to_pylist()
    assert sorted(a["article_id"] for a in articles) == sorted(GOOD_IDS)
    assert all(a["error"] is None for a in articles)
    assert pq.read_table(tmp_path / "out" / "results.parquet").num_rows == 8


def test_single_file_input(tmp_path):
    write_inputs(tmp_path / "in", junk=False)
    proc = run_cli("run", tmp_path / "in" / "a.txt", "--out", tmp_path / "out", "--model", "blank", "--no-progress")
    assert proc.returncode == 0, proc.stderr
    rows = pq.read_table(tmp_path / "out" / "results.parquet").to_pylist()
    assert [(r["article_id"], r["athlete"]) for r in rows] == [("a", "Jutta Leerdam"), ("a", "Miho Takagi")]


def test_empty_folder_exits_3(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "readme.csv").write_text("x\n")
    proc = run_cli("run", tmp_path / "empty", "--out", tmp_path / "out", "--no-progress")
    assert proc.returncode == 3
    assert "no article files" in proc.stderr
    assert not (tmp_path / "out").exists()


def test_missing_input_exits_3(tmp_path):
    proc = run_cli("run", tmp_path / "nothing-here", "--out", tmp_path / "out", "--no-progress")
    assert proc.returncode == 3
    assert "no such file or folder" in proc.stderr


def test_bad_model_exits_3(tmp_path):
    write_inputs(tmp_path / "in", junk=False)
    proc = run_cli("run", tmp_path / "in", "--out", tmp_path / "out", "--model", tmp_path / "no-model", "--no-progress")
    assert proc.returncode == 3
    assert "cannot load model" in proc.stderr


@pytest.mark.parametrize("args", [
    pytest.param(["run"], id="run-without-inputs"),
    pytest.param(["run", ".", "--no-such-option"], id="unknown-option"),
    pytest.param(["run", ".", "--batch-size", "0"], id="batch-size-out-of-range"),
    pytest.param(["evaluate"], id="evaluate-without-arguments"),
    pytest.param(["frobnicate"], id="unknown-command"),
])
def test_usage_errors_exit_2(args, tmp_path):
    proc = run_cli(*args, cwd=tmp_path)
    assert proc.returncode == 2
    assert "Usage:" in proc.stderr


def _options(command) -> list[str]:
    names = []
    for param in command.params:
        if param.param_type_name == "option":
            names += [o for o in param.opts + param.secondary_opts]
    return names


@pytest.mark.parametrize("command, documented", [
    pytest.param("run", ["--out", "--model", "--no-progress", "-q"], id="run"),
    pytest.param("evaluate", ["--json", "--show-errors"], id="evaluate"),
    pytest.param("show", ["--sport", "--athlete", "--event"], id="show"),
])
def test_help_mentions_every_option(command, documented):
    proc = run_cli(command, "--help")
    assert proc.returncode == 0
    assert proc.stdout.startswith("Usage:")
    options = _options(cli_main.commands[command])
    assert set(documented) <= set(options)
    for option in options + ["--help"]:
        assert option in proc.stdout, f"{command} --help does not mention {option}"


def test_top_level_help_lists_commands_and_exit_codes():
    proc = run_cli("--help")
    assert proc.returncode == 0
    for word in ("run", "evaluate", "show", "Exit codes"):
        assert word in proc.stdout


def test_version():
    proc = run_cli("--version")
    assert proc.returncode == 0
    assert extract.__version__ in proc.stdout


def test_console_script_is_installed():
    import subprocess
    script = Path(sys.executable).parent / "sports-extract"
    assert script.exists()
    proc = subprocess.run([str(script), "run", "--help"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0
    assert proc.stdout.startswith("Usage: sports-extract run")


# --- evaluate and show on the run's output ---------------------------------------------------------

@pytest.fixture(scope="module")
def gold_file(mixed_run):
    _, _, base = mixed_run
    rows = [
        {"article_id": "a", "sport": "speed_skating", "event": "1000m", "distance_m": 1000, "athlete": "Jutta Leerdam",
         "time_s": 73.83, "rank": 1, "status": "finished"},
        {"article_id": "a", "sport": "speed_skating", "event": "1000m", "distance_m": 1000, "athlete": "Miho Takagi",
         "time_s": 74.2, "rank": 2, "status": "finished"},
        {"article_id": "c", "sport": "speed_skating", "event": "1500m", "distance_m": 1500, "athlete": "Thomas Krol",
         "time_s": 103.21, "rank": 1, "status": "finished"},
        {"article_id": "c", "sport": "speed_skating", "event": "1500m", "distance_m": 1500, "athlete": "Kjeld Nuis",
         "time_s": 999.0, "rank": 2, "status": "finished"},  # a deliberately wrong time
    ]
    path = base / "gold.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_evaluate_json(mixed_run, gold_file):
    _, out, _ = mixed_run
    proc = run_cli("evaluate", out, gold_file, "--json")
    assert proc.returncode == 0, proc.stderr
    scores = json.loads(proc.stdout)
    assert set(scores) == {"strict", "lenient", "by_sport"}
    record = scores["strict"]["record"]
    # predictions of articles without gold (b, d) are ignored: 4 predicted rows, 3 of 4 gold rows right
    assert (record["tp"], record["pred"], record["gold"]) == (3, 4, 4)
    assert record["f1"] == pytest.approx(0.75)
    assert scores["strict"]["time_s"]["tp"] == 3
    assert scores["strict"]["competitor"]["tp"] == 4
    assert set(scores["by_sport"]) == {"speed_skating"}
    for key in ("precision", "recall", "f1", "tp", "pred", "gold"):
        assert key in scores["lenient"]["record"]


def test_evaluate_results_file_and_show_errors(mixed_run, gold_file):
    _, out, _ = mixed_run
    proc = run_cli("evaluate", out / "results.parquet", gold_file, "--show-errors")
    assert proc.returncode == 0, proc.stderr
    assert "record" in proc.stdout
    assert "WRONG" in proc.stdout and "kjeld nuis" in proc.stdout and "999.0" in proc.stdout


def test_evaluate_bad_gold_exits_3(mixed_run, tmp_path):
    _, out, _ = mixed_run
    bad = tmp_path / "gold.jsonl"
    bad.write_text('{"article_id": "a"\n', encoding="utf-8")
    proc = run_cli("evaluate", out, bad)
    assert proc.returncode == 3
    assert "not valid JSON" in proc.stderr


def test_show_filters(mixed_run):
    _, out, _ = mixed_run
    proc = _show(out, "--athlete", "leerdam")
    assert proc.returncode == 0, proc.stderr
    assert "Jutta Leerdam" in proc.stdout
    assert "Takagi" not in proc.stdout
    assert "1 results" in proc.stdout
    proc = _show(out, "--event", "1500m")
    assert "Thomas Krol" in proc.stdout and "Kjeld Nuis" in proc.stdout and "Leerdam" not in proc.stdout
    proc = _show(out, "--sport", "cycling")
    assert "0 results" in proc.stdout


def _show(out, *args):
    import subprocess
    env = dict(os.environ, COLUMNS="200")
    return subprocess.run([sys.executable, "-m", "extract", "show", str(out), *args], capture_output=True, text=True,
                          env=env, timeout=120)


def test_evaluate_counts_rows_of_articles_that_should_give_none(mixed_run, gold_file, tmp_path):
    _, out, _ = mixed_run
    rows = pq.read_table(out / "results.parquet").to_pylist()
    expected = sum(1 for r in rows if r["article_id"].split("/")[-1].split(".")[0] == "b")
    assert expected > 0
    ids = tmp_path / "no_results.txt"
    ids.write_text("# match reports\nb\n", encoding="utf-8")
    proc = run_cli("evaluate", out, gold_file, "--json", "--no-results", ids)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["rows_from_no_result_articles"] == expected
    proc = run_cli("evaluate", out, gold_file, "--show-errors", "--no-results", ids)
    assert f"rows from articles that should give none: {expected}" in proc.stdout
    assert proc.stdout.count("UNEXPECTED b:") == expected


def test_show_flagged_rows(tmp_path):
    # a lap time taken for a race time: outside patterns/sports.yml's range for a Grand Prix
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "gp.txt").write_text("Formule 1\n\nLando Norris reed in Monza met 1:21.123 de snelste tijd.\n\n"
                                            "Schaatsen\n\nJutta Leerdam won de 1000 meter in 1.12,25.", encoding="utf-8")
    assert run_cli("run", tmp_path / "in", "--out", tmp_path / "out").returncode == 0
    flagged = _show(tmp_path / "out", "--flagged")
    assert flagged.returncode == 0, flagged.stderr
    assert "1 results" in flagged.stdout and "Lando Norris" in flagged.stdout and "time_out_of_range" in flagged.stdout
    assert "Leerdam" not in flagged.stdout
    assert "2 results" in _show(tmp_path / "out").stdout
