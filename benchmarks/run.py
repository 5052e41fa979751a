"""Throughput and memory of the batch run against bare spaCy tokenization, in one run on the same texts.

    .venv/bin/python benchmarks/run.py ../shared/bench/leestmeer-sport-2019

For the input as given (1x) and a copy of it ten times over (10x, distinct article ids, hard links
where the file system allows), each configuration runs in its own process while its whole process
tree's resident memory is sampled:

- tokenize: ``spacy.blank("nl")`` over the article texts with ``nlp.pipe`` in one process, the texts
  read beforehand (reading is not timed): the yardstick;
- jobs 1, jobs N (N = the cores available) and dask N (a LocalCluster of N workers): ``sports-extract
  run`` with the embedded default pipeline, reading, extraction, normalization and Parquet included.

Throughput counts the work between start-up and shut-down (imports, pipeline loading and worker start,
and stopping the workers or the cluster, are reported on their own). Prints a table and writes it as JSON
(``--json``).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"jobs 1 / tokenize": 0.40, "jobs 2 / jobs 1": 1.7, "dask / jobs N": 0.80, "rss 10x / 1x": 1.15}


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def measure(cmd: list[str]) -> tuple[float, int]:
    """Run ``cmd``; its wall time and the peak of the summed RSS of its process tree (sampled every 20 ms)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    started = time.perf_counter()
    proc = psutil.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            total = 0
            try:
                for p in [proc, *proc.children(recursive=True)]:
                    try:
                        total += p.memory_info().rss
                    except psutil.Error:
                        pass
            except psutil.Error:
                pass
            peak = max(peak, total)
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    done.set()
    sampler.join()
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}): {err.decode()[-2000:]}")
    return time.perf_counter() - started, peak


def tokenize_only(inputs: list[str], report: str) -> None:
    """The yardstick, in this process: read every text, then time bare blank-nl tokenization of them."""
    import spacy

    from extract.reading import iter_sources

    texts = [s.text for s in iter_sources(inputs) if not s.error]
    nlp = spacy.blank("nl")
    started = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=256))
    seconds = time.perf_counter() - started
    Path(report).write_text(json.dumps({"articles": len(texts), "tokens": tokens, "seconds": seconds,
                                        "chars": sum(map(len, texts))}))


def build_scaled(source: Path, target: Path, times: int) -> Path:
    """``times`` copies of ``source`` under ``target`` (copy_00 ...), hard-linked where possible."""
    marker = target / f".complete-{times}"
    if marker.exists():
        return target
    for i in range(times):
        for dirpath, _, files in os.walk(source):
            rel = Path(dirpath).relative_to(source)
            dest = target / f"copy_{i:02d}" / rel
            dest.mkdir(parents=True, exist_ok=True)
            for name in files:
                if not (dest / name).exists():
                    try:
                        os.link(Path(dirpath, name), dest / name)
                    except OSError:  # another file system: copy
                        (dest / name).write_bytes(Path(dirpath, name).read_bytes())
    marker.touch()
    return target


def bench_input(label: str, path: Path, work: Path, jobs: int, engines: list[str]) -> list[dict]:
    rows = []
    report = work / f"tokenize-{label}.json"
    wall, rss = measure([sys.executable, __file__, "--tokenize-only", str(path), "--report", str(report)])
    tok = json.loads(report.read_text())
    rows.append({"input": label, "config": "tokenize", "articles": tok["articles"], "tokens": tok["tokens"],
                 "seconds": tok["seconds"], "startup_s": None, "shutdown_s": None, "wall_s": wall,
                 "peak_rss_mb": rss / 2**20})
    print(f"  {label} tokenize: {tok['seconds']:.1f} s", file=sys.stderr)
    configs = [("jobs 1", ["--jobs", "1"]), (f"jobs {jobs}", ["--jobs", str(jobs)])]
    if "dask" in engines:
        configs.append((f"dask {jobs}", ["--engine", "dask", "--jobs", str(jobs)]))
    for name, options in configs:
        out = work / f"out-{label}-{name.replace(' ', '')}"
        cmd = [sys.executable, "-m", "extract", "run", str(path), "--out", str(out), "--model", "blank",
               "--no-progress", "-q", *options]
        wall, rss = measure(cmd)
        manifest = json.loads((out / "manifest.json").read_text())
        run = manifest["run"]
        rows.append({"input": label, "config": name, "articles": manifest["counts"]["articles"],
                     "tokens": tok["tokens"], "seconds": run["process_s"], "startup_s": run["startup_s"],
                     "shutdown_s": run["shutdown_s"],
                     "wall_s": wall, "peak_rss_mb": rss / 2**20, "results": manifest["counts"]["results"]})
        print(f"  {label} {name}: {run['process_s']:.1f} s (+{run['startup_s']:.1f} s start-up, "
              f"+{run['shutdown_s']:.1f} s shut-down)", file=sys.stderr)
    base = rows[0]["articles"] / rows[0]["seconds"]
    for r in rows:
        r["articles_per_s"] = r["articles"] / r["seconds"]
        r["tokens_per_s"] = r["tokens"] / r["seconds"]
        r["vs_tokenize"] = r["articles_per_s"] / base
    return rows


def checks(rows: list[dict], jobs: int, scaled: str) -> list[dict]:
    def get(label: str, config: str) -> dict | None:
        return next((r for r in rows if r["input"] == label and r["config"] == config), None)

    out = []
    for label in ("1x", scaled):
        one, many, dask = get(label, "jobs 1"), get(label, f"jobs {jobs}"), get(label, f"dask {jobs}")
        if one:
            out.append({"input": label, "check": "jobs 1 / tokenize", "value": one["vs_tokenize"],
                        "target": TARGETS["jobs 1 / tokenize"]})
        if one and many and jobs > 1:
            out.append({"input": label, "check": f"jobs {jobs} / jobs 1",
                        "value": many["articles_per_s"] / one["articles_per_s"], "target": TARGETS["jobs 2 / jobs 1"]})
        if many and dask:
            out.append({"input": label, "check": f"dask {jobs} / jobs {jobs}",
                        "value": dask["articles_per_s"] / many["articles_per_s"], "target": TARGETS["dask / jobs N"]})
    for config in ("jobs 1", f"jobs {jobs}", f"dask {jobs}"):
        small, big = get("1x", config), get(scaled, config)
        if small and big:
            out.append({"input": scaled, "check": f"rss {scaled} / 1x ({config})",
                        "value": big["peak_rss_mb"] / small["peak_rss_mb"], "target": TARGETS["rss 10x / 1x"],
                        "lower_is_better": True})
            out.append({"input": scaled, "check": f"peak rss MB ({config})", "value": big["peak_rss_mb"],
                        "target": 1024, "lower_is_better": True})
    for c in out:
        c["met"] = c["value"] <= c["target"] if c.get("lower_is_better") else c["value"] >= c["target"]
    return out


def machine() -> dict:
    cpu = platform.processor() or ""
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                   if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    import spacy

    return {"cpu": cpu, "cores": cores(), "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
            "python": platform.python_version(), "spacy": spacy.__version__, "platform": platform.platform()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", nargs="?", help="a folder of articles")
    parser.add_argument("--scale", type=int, default=10, help="also run on the input copied this many times (0: no)")
    parser.add_argument("--jobs", type=int, default=cores(), help="workers for the parallel runs")
    parser.add_argument("--no-dask", action="store_true", help="leave out the Dask engine")
    parser.add_argument("--work", default=str(ROOT / "output" / "benchmark"),
                        help="folder for the scaled corpus and the runs' outputs")
    parser.add_argument("--json", default=None, help="where to write the table (default: WORK/benchmark.json)")
    parser.add_argument("--tokenize-only", metavar="INPUT", help=argparse.SUPPRESS)
    parser.add_argument("--report", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.tokenize_only:
        tokenize_only([args.tokenize_only], args.report)
        return
    if not args.input:
        parser.error("give a folder of articles, e.g. ../shared/bench/leestmeer-sport-2019")
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    engines = ["local"] + ([] if args.no_dask else ["dask"])
    inputs = [("1x", Path(args.input).resolve())]
    if args.scale > 1:
        print(f"building the {args.scale}x corpus in {work}/scaled ...", file=sys.stderr)
        inputs.append((f"{args.scale}x", build_scaled(Path(args.input).resolve(), work / "scaled", args.scale)))
    rows = []
    for label, path in inputs:
        rows += bench_input(label, path, work, args.jobs, engines)
    result = {"machine": machine(), "input": str(Path(args.input).resolve()), "jobs": args.jobs, "rows": rows,
              "checks": checks(rows, args.jobs, f"{args.scale}x"), "date": time.strftime("%Y-%m-%d %H:%M")}
    target = Path(args.json) if args.json else work / "benchmark.json"
    target.write_text(json.dumps(result, indent=1))
    print_table(result)
    print(f"\nwritten to {target}")


def print_table(result: dict) -> None:
    m = result["machine"]
    print(f"{m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB; Python {m['python']}, spaCy {m['spacy']}")
    print("\n| input | run | articles | s | start-up s | shut-down s | articles/s | tokens/s | vs tokenize "
          "| peak RSS MB |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in result["rows"]:
        startup = "" if r["startup_s"] is None else f"{r['startup_s']:.1f}"
        shutdown = "" if r.get("shutdown_s") is None else f"{r['shutdown_s']:.1f}"
        print(f"| {r['input']} | {r['config']} | {r['articles']:,} | {r['seconds']:.1f} | {startup} | {shutdown} | "
              f"{r['articles_per_s']:,.0f} | {r['tokens_per_s']:,.0f} | {r['vs_tokenize']:.2f} | {r['peak_rss_mb']:.0f} |")
    print("\n| check | input | value | target | met |")
    print("|---|---|---:|---:|---|")
    for c in result["checks"]:
        sign = "≤" if c.get("lower_is_better") else "≥"
        print(f"| {c['check']} | {c['input']} | {c['value']:.2f} | {sign} {c['target']} | {'yes' if c['met'] else 'NO'} |")


if __name__ == "__main__":
    main()
