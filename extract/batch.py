"""Batch runs: articles in chunks over worker processes or a Dask cluster, streamed to Parquet, resumable.

The input is planned as numbered chunks of a few hundred articles, in a stable order (folders walked
sorted; a big JSONL file cut into line ranges). Workers (``--jobs`` processes, or the workers of a Dask
cluster) each load the pipeline once and turn a chunk into three Arrow tables: plain data, not Docs.
The parent puts the chunks back in order and writes them as part files into a staging folder
(``OUT/.partial``), journalling each part once it is on disk, so a run killed at any point can be
resumed without losing or repeating a row. When the last chunk is in, the parts are published:

- ``results.parquet``, ``records.parquet``, ``articles.parquet`` when the run fits one part
  (``articles_per_part`` articles), else the folders ``results/``, ``records/``, ``articles/`` of
  ``part-NNNNNN.parquet`` files (a dataset that pyarrow, DuckDB, Polars and Spark read as one table);
- ``manifest.json`` last: what was published, the counts and how the run went.

The same input gives the same rows in the same order and the same part files, whatever the number of
workers or the engine.
"""
from __future__ import annotations

import concurrent.futures as cf
import hashlib
import itertools
import json
import os
import re
import shutil
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from .output import SCHEMA_VERSION, TABLES, arrow_schema, write_arrow

__all__ = ["Item", "Chunk", "ChunkOutput", "RunSummary", "ResumeError", "NoInputError", "ModelLoadError", "OutputFolderError", "plan_chunks", "process_chunk", "run_batch",
           "STAGING", "MANIFEST"]

STAGING = ".partial"  # the folder inside OUT where a run's parts wait until the run is complete
MANIFEST = "manifest.json"
JOURNAL = "journal.jsonl"
_PART_FILE = re.compile(r"part-\d{6}\.parquet")  # the files of a dataset folder (see _part_name)
DEFAULT_CHUNK_SIZE = 200  # articles a task: small enough to keep every worker busy to the end
DEFAULT_ARTICLES_PER_PART = 10_000  # articles a part file; the parent holds one part's tables until it is written


class ResumeError(Exception):
    """An interrupted run cannot be resumed as asked (other inputs or options)."""


class ModelLoadError(Exception):
    """The spaCy pipeline named by ``model`` cannot be loaded."""


class NoInputError(Exception):
    """No article file under the inputs: nothing to run, and nothing is written."""


class OutputFolderError(Exception):
    """The output folder cannot take a run: it lies in an input folder, or holds files that are not ours."""


def check_output_folder(out: Path, inputs: list[str]) -> None:
    """Refuse an output folder inside an input folder (or the other way round), and one where the names a run
    replaces hold something else: a run writes only its own files, never into the input tree, and leaves
    other files in the folder (a log, notes) alone."""
    real_out = out.resolve()
    for p in inputs:
        real_in = Path(p).resolve()
        if real_in.is_dir() and (real_out == real_in or real_in in real_out.parents):
            raise OutputFolderError(f"the output folder {out} is inside the input folder {p}: the input tree is "
                                    "never written to (and the tables would be input next time); choose another --out")
        if real_out in real_in.parents:
            raise OutputFolderError(f"the input {p} is inside the output folder {out}; choose another --out")
    if out.exists() and not out.is_dir():
        raise OutputFolderError(f"the output {out} is a file, not a folder")
    for table in TABLES:
        # publishing replaces DIR/<table>.parquet and the dataset folder DIR/<table>/ whole
        single, folder = out / f"{table}.parquet", out / table
        if single.is_dir() or (folder.exists() and not folder.is_dir()):
            raise OutputFolderError(f"{single if single.is_dir() else folder} is not a table of a sports-extract "
                                    "run, and a run would replace it; choose another --out")
        foreign = sorted(e.name for e in folder.iterdir() if not _PART_FILE.fullmatch(e.name)) if folder.is_dir() else []
        if foreign:
            raise OutputFolderError(f"the folder {folder} holds files that are not part files of a sports-extract "
                                    f"run ({', '.join(foreign[:3])}{' ...' if len(foreign) > 3 else ''}), and a run "
                                    "would replace it; choose another --out")


# --- planning ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """One article file, or a range of lines of a JSONL file."""

    path: str
    root: str
    byte_range: tuple[int, int] | None = None
    first_line: int = 1
    articles: int = 1
    problem: str | None = None  # why the file is not read (a FIFO, a dangling link ...): its error row


@dataclass(frozen=True)
class Chunk:
    index: int
    items: tuple[Item, ...]
    base: str = ""  # the folder relative paths start from (the planner's working directory)

    @property
    def articles(self) -> int:
        return sum(i.articles for i in self.items)

    def fingerprint(self) -> str:
        """Which files and ranges the chunk holds, so a resumed run can check it sees the same input."""
        h = hashlib.blake2b(digest_size=12)
        for i in self.items:
            h.update(f"{i.path}\0{i.root}\0{i.byte_range}\0{i.first_line}\n".encode("utf-8", "surrogateescape"))
        return h.hexdigest()


def _jsonl_items(file: str, root: str, lines_per_item: int) -> Iterator[Item]:
    """A JSONL file in ranges of ``lines_per_item`` lines, by byte offsets (read in blocks: no line is held)."""
    start, first, count, pos = 0, 1, 0, 0
    with open(file, "rb") as f:
        while block := f.read(1 << 20):
            at = 0
            while (newline := block.find(b"\n", at)) != -1:
                count, at = count + 1, newline + 1
                if count == lines_per_item:
                    yield Item(file, root, (start, pos + at), first, count)
                    start, first, count = pos + at, first + count, 0
            pos += len(block)
            last = block[-1:]
    if pos > start and last != b"\n":
        count += 1  # a last line without a newline
    if count or not start:
        yield Item(file, root, (start, pos) if start else None, first, max(count, 1))


def plan_chunks(inputs: Iterable[str | os.PathLike], chunk_size: int = DEFAULT_CHUNK_SIZE,
                follow_links: bool = False) -> Iterator[Chunk]:
    """The input as numbered chunks of about ``chunk_size`` articles, streamed while the folders are walked."""
    from .reading import discover

    base = os.getcwd()
    index, items, n = 0, [], 0
    for found in discover(inputs, follow_links):
        parts = [Item(found.file, found.root, problem=found.problem)]
        if found.suffix.lower() == ".jsonl" and not found.problem:
            try:
                parts = list(_jsonl_items(found.file, found.root, chunk_size))
            except OSError:  # unreadable: the reader reports it as the file's error row
                pass
        for item in parts:
            items.append(item)
            n += item.articles
            if n >= chunk_size:
                yield Chunk(index, tuple(items), base)
                index, items, n = index + 1, [], 0
    if items:
        yield Chunk(index, tuple(items), base)


# --- one chunk, in a worker ------------------------------------------------------------------------


@dataclass
class ChunkOutput:
    """What a worker sends back for a chunk: three Arrow tables and a few counts."""

    index: int
    tables: dict[str, pa.Table]
    articles: int
    errors: int
    seconds: float


_PIPELINES: dict[str | None, object] = {}  # per process: each worker loads its pipeline once


def worker_pipeline(model: str | None):
    """The pipeline of this process (loaded on first use, with what a chunk needs besides: pandas ...)."""
    if model not in _PIPELINES:
        from . import dataframes, reading  # noqa: F401  (imported now, not during the first chunk)
        from .pipeline import load

        _PIPELINES[model] = load(model, spans_key=None)  # the Docs are dropped: no span groups to build
    return _PIPELINES[model]


def process_chunk(chunk: Chunk, model: str | None = None, batch_size: int = 64, limits=None) -> ChunkOutput:
    """Read, extract and tabulate the articles of ``chunk`` (runs in a worker process). ``limits``: a
    reading.Limits (default: its defaults)."""
    from .dataframes import frames
    from .pipeline import extract_sources
    from .reading import DEFAULT_LIMITS, failed_file, read_file

    started = time.perf_counter()
    nlp = worker_pipeline(model)
    limits = limits or DEFAULT_LIMITS

    def sources(item: Item):
        if item.problem:
            return [failed_file(item.path, item.root, item.problem)]
        # a worker of a cluster may run elsewhere: relative paths are taken from where the run was planned
        return read_file(Path(chunk.base, item.path), Path(chunk.base, item.root), item.byte_range, item.first_line,
                         shown=item.path, limits=limits)

    results, records, articles = frames(extract_sources((s for item in chunk.items for s in sources(item)), nlp,
                                                        batch_size))
    tables = {}
    for name, df in (("results", results), ("records", records), ("articles", articles)):
        tables[name] = pa.Table.from_pandas(df[list(TABLES[name])], schema=arrow_schema(TABLES[name]),
                                            preserve_index=False)
    return ChunkOutput(chunk.index, tables, len(articles), int(articles["error"].notna().sum()),
                       time.perf_counter() - started)


# --- engines ---------------------------------------------------------------------------------------


class _InProcess(cf.Executor):
    """One job: chunks run right here, one after another (no process to start, nothing to copy)."""

    def submit(self, fn, /, *args, **kwargs):
        future: cf.Future = cf.Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:  # noqa: BLE001 - handed to the caller through the future
            future.set_exception(exc)
        return future


def _init_worker(model: str | None, barrier, main_pid: int) -> None:
    threading.Thread(target=_exit_with, args=(main_pid,), daemon=True, name="sports-extract-watchdog").start()
    worker_pipeline(model)
    barrier.wait(timeout=600)  # no worker takes a chunk before all have loaded the pipeline


def _exit_with(pid: int) -> None:
    """End this worker when the run's main process is gone (killed with -9, it cannot tell its workers)."""
    while True:
        time.sleep(1.0)
        try:
            os.kill(pid, 0)
        except (ProcessLookupError, PermissionError):  # gone, or the pid now belongs to someone else
            os._exit(1)


def _ready(_: int) -> int:
    return os.getpid()


# Our own LocalCluster runs without a dashboard, so the workers' profiler (a stack sample every 10 ms) and
# system monitor serve nothing; with as many workers as cores, every wake-up of an event loop preempts chunk
# work (about 2,500 involuntary context switches a worker on the bench with the defaults, about 800 with these).
# A cluster given by --scheduler keeps its own settings.
_LOCAL_CLUSTER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.admin.tick.interval": "1s",  # the watchdog that warns of a blocked event loop
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.scheduler.work-stealing": False,  # equal chunks, queued on the scheduler: nothing to steal
}


class _Engine:
    """A concurrent.futures executor for chunks, with the pipeline loaded in every worker before timing starts."""

    def __init__(self, kind: str, jobs: int, model: str | None, scheduler: str | None = None):
        self.kind, self.jobs, self.model, self.scheduler = kind, jobs, model, scheduler
        self._close: list[Callable[[], None]] = []
        self.description = ""
        self.slots = jobs  # chunks that can run at once
        self.interrupted = False

    def __enter__(self) -> cf.Executor:
        if self.kind == "dask":
            return self._dask()
        if self.jobs <= 1:
            worker_pipeline(self.model)
            self.description = "local, 1 job (in process)"
            return _InProcess()
        import multiprocessing

        # forkserver: workers start from a clean process (no copied threads or locks of the parent)
        ctx = multiprocessing.get_context("forkserver" if "forkserver" in multiprocessing.get_all_start_methods()
                                          else "spawn")
        if ctx.get_start_method() == "forkserver":
            ctx.set_forkserver_preload(["extract.pipeline", "extract.dataframes"])  # imported once, not per worker
        pool = cf.ProcessPoolExecutor(self.jobs, mp_context=ctx, initializer=_init_worker,
                                      initargs=(self.model, ctx.Barrier(self.jobs), os.getpid()))
        # interrupted: don't wait for the chunks in the workers (they end with this process, see _exit_with)
        self._close.append(lambda: pool.shutdown(wait=not self.interrupted, cancel_futures=True))
        list(pool.map(_ready, range(self.jobs)))  # every worker up, its pipeline loaded
        self.description = f"local, {self.jobs} worker processes"
        return pool

    def _dask(self) -> cf.Executor:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise RuntimeError("the Dask engine needs dask.distributed: pip install 'sports-extract[dask]'") from None
        if self.scheduler:
            client = Client(self.scheduler)
            self.slots = max(1, sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values()))
            self.description = f"dask, scheduler {self.scheduler} ({self.slots} worker threads)"
        else:
            import dask

            with dask.config.set(_LOCAL_CLUSTER_CONFIG):
                cluster = LocalCluster(n_workers=self.jobs, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=40)
                self._close.append(cluster.close)
                client = Client(cluster)
            self.description = f"dask, local cluster of {self.jobs} workers"
        self._close.insert(0, client.close)
        from .dask_worker import PipelinePlugin

        client.register_plugin(PipelinePlugin(self.model), name="sports-extract-pipeline")
        return client.get_executor(pure=False)

    def __exit__(self, exc_type, *_) -> None:
        self.interrupted = exc_type is not None
        for close in self._close:
            try:
                close()
            except Exception:  # noqa: BLE001 - shutting down; the run's outcome is already decided
                pass


# --- staging, parts and publishing -------------------------------------------------------------------


@dataclass
class RunSummary:
    articles: int = 0
    processed: int = 0  # articles processed by this call (less than ``articles`` when resumed)
    results: int = 0
    records: int = 0
    errors: int = 0
    chunks: int = 0
    parts: int = 0
    resumed_chunks: int = 0
    layout: str = ""
    engine: str = ""
    startup_s: float = 0.0  # imports, pipeline loading, workers started
    process_s: float = 0.0  # reading, extraction, tables and part files, after start-up
    shutdown_s: float = 0.0  # workers (or a local cluster) stopped


class _Staging:
    """``OUT/.partial``: part files written atomically, a journal line per part, then publishing."""

    def __init__(self, out: Path, params: dict, resume: bool, articles_per_part: int):
        self.out, self.dir = out, out / STAGING
        self.params, self.articles_per_part = params, articles_per_part
        self.parts: list[dict] = []
        self.publishing = False
        if resume and (self.dir / "run.json").exists():
            before = json.loads((self.dir / "run.json").read_text())
            if before != params:
                diff = sorted(k for k in set(before) | set(params) if before.get(k) != params.get(k))
                raise ResumeError(f"the interrupted run in {self.dir} used other settings ({', '.join(diff)}); "
                                  "run without --resume to start over")
            self._read_journal()
        else:
            if self.dir.exists():
                shutil.rmtree(self.dir)
            self.dir.mkdir(parents=True)
            _write_atomic(self.dir / "run.json", json.dumps(params, indent=1, sort_keys=True))
        self.pending: list[ChunkOutput] = []
        self.pending_fingerprints: list[str] = []

    def _read_journal(self) -> None:
        journal = self.dir / JOURNAL
        lines = journal.read_text().splitlines() if journal.exists() else []
        for line in lines:
            try:
                entry = json.loads(line)
            except json.JSONDecodeError:
                break  # a line cut off by the kill: that part was not committed
            if entry.get("publish"):
                self.publishing = True
            elif all((self.dir / t / _part_name(entry["part"])).exists() for t in TABLES):
                self.parts.append(entry)
            else:
                break
        # keep exactly the committed parts: the journal is rewritten without a torn last line
        _write_atomic(journal, "".join(json.dumps(p) + "\n" for p in self.parts))
        for table in TABLES:
            committed = {_part_name(p["part"]) for p in self.parts}
            for f in (self.dir / table).glob("*") if (self.dir / table).exists() else ():
                if f.name not in committed:
                    f.unlink()

    @property
    def committed_chunks(self) -> int:
        return self.parts[-1]["last_chunk"] + 1 if self.parts else 0

    def committed_fingerprint(self) -> str:
        return self.parts[-1]["fingerprint"] if self.parts else ""

    def add(self, output: ChunkOutput, fingerprint: str) -> None:
        self.pending.append(output)
        self.pending_fingerprints.append(fingerprint)
        if sum(o.articles for o in self.pending) >= self.articles_per_part:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        part = len(self.parts)
        rows = {}
        for table in TABLES:
            data = pa.concat_tables([o.tables[table] for o in self.pending])
            rows[table] = data.num_rows
            write_arrow(_with_metadata(data, self.params), self.dir / table / _part_name(part))
        chained = hashlib.blake2b((self.committed_fingerprint() + "".join(self.pending_fingerprints)).encode(),
                                  digest_size=12).hexdigest()
        entry = {"part": part, "first_chunk": self.pending[0].index, "last_chunk": self.pending[-1].index,
                 "fingerprint": chained, "rows": rows, "errors": sum(o.errors for o in self.pending)}
        with (self.dir / JOURNAL).open("a") as f:
            f.write(json.dumps(entry) + "\n")
            f.flush()
            os.fsync(f.fileno())
        self.parts.append(entry)
        self.pending, self.pending_fingerprints = [], []

    def publish(self, layout: str, manifest: dict) -> str:
        """Move the parts into place (files or dataset folders), write the manifest, drop the staging folder."""
        if not self.publishing:
            with (self.dir / JOURNAL).open("a") as f:
                f.write(json.dumps({"publish": True, "layout": layout}) + "\n")
                f.flush()
                os.fsync(f.fileno())
        if layout == "auto":
            layout = "file" if len(self.parts) <= 1 else "dataset"
        for table in TABLES:
            single, folder = self.out / f"{table}.parquet", self.out / table
            staged = self.dir / table
            if layout == "dataset":
                if staged.exists():  # else: moved before an interruption
                    if folder.exists():
                        shutil.rmtree(folder)
                    os.replace(staged, folder)
                if single.exists():
                    single.unlink()  # a previous run's single file would shadow the folder
            else:
                if staged.exists():
                    _concat_parts(sorted(staged.glob("part-*.parquet")), single, self.params)
                    shutil.rmtree(staged)
                if folder.exists():
                    shutil.rmtree(folder)
        manifest = {**manifest, "layout": layout,
                    "tables": {t: (f"{t}.parquet" if layout == "file" else f"{t}/") for t in TABLES}}
        _write_atomic(self.out / MANIFEST, json.dumps(manifest, indent=1, sort_keys=True))
        shutil.rmtree(self.dir)
        return layout


def _part_name(part: int) -> str:
    return f"part-{part:06d}.parquet"


def _with_metadata(table: pa.Table, params: dict) -> pa.Table:
    """The table with our key/values beside pandas' own (which gives pandas readers the nullable dtypes back)."""
    meta = {"sports_extract.schema_version": SCHEMA_VERSION, "sports_extract.package_version": params["version"],
            "sports_extract.model": params["model_name"]}
    return table.replace_schema_metadata({**(table.schema.metadata or {}),
                                          **{k.encode(): str(v).encode() for k, v in meta.items()}})


def _concat_parts(parts: list[Path], target: Path, params: dict) -> None:
    """Several part files as one Parquet file, a row group each, read one at a time."""
    tmp = target.with_name(f".{target.name}.tmp")
    first = pq.read_table(parts[0])
    with pq.ParquetWriter(tmp, _with_metadata(first, params).schema, compression="zstd") as writer:
        for p in parts:
            writer.write_table(_with_metadata(first if p == parts[0] else pq.read_table(p), params))
    os.replace(tmp, target)


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text)
    os.replace(tmp, path)


# --- the run ---------------------------------------------------------------------------------------------


def run_batch(inputs: Iterable[str | os.PathLike], out_dir: str | os.PathLike, *, jobs: int = 1,
              engine: str = "local", scheduler: str | None = None, model: str | None = None,
              chunk_size: int = DEFAULT_CHUNK_SIZE, articles_per_part: int = DEFAULT_ARTICLES_PER_PART,
              layout: str = "auto", batch_size: int = 64, resume: bool = False, limits=None,
              follow_links: bool = False, on_chunk: Callable[[ChunkOutput], None] | None = None) -> RunSummary:
    """Extract every article under ``inputs`` into ``out_dir`` (see the module's docstring).

    ``engine``: "local" (``jobs`` processes; 1 runs in this process) or "dask" (``scheduler`` an address,
    else a LocalCluster of ``jobs`` workers). ``resume``: finish the interrupted run in ``out_dir``.
    ``limits``: a reading.Limits; ``follow_links``: follow symbolic links that lead out of an input folder.
    ``on_chunk`` is called in the parent for every chunk done (progress).
    """
    from . import __version__
    from .pipeline import load, model_name
    from .reading import DEFAULT_LIMITS

    limits = limits or DEFAULT_LIMITS
    started = time.perf_counter()
    inputs = [str(p) for p in inputs]
    out = Path(out_dir)
    check_output_folder(out, inputs)
    try:
        nlp = load(model, spans_key=None)  # fails here, before any worker starts, on a bad pattern file or model
    except OSError as exc:
        raise ModelLoadError(f"cannot load model {model!r}: {exc}") from exc
    # what a resumed run must share with the interrupted one (the number of jobs and the engine may differ)
    params = {"inputs": inputs, "inputs_resolved": [str(Path(p).resolve()) for p in inputs], "model": model,
              "model_name": model_name(nlp), "chunk_size": chunk_size, "articles_per_part": articles_per_part,
              "max_article_bytes": limits.article_bytes, "max_line_chars": limits.line_chars,
              "follow_links": follow_links, "version": __version__, "schema_version": SCHEMA_VERSION}
    _PIPELINES.setdefault(model, nlp)
    if resume and not (out / STAGING / "run.json").exists() and (out / MANIFEST).exists():
        done = json.loads((out / MANIFEST).read_text())
        if done.get("params") == params:  # killed after publishing, or resumed twice: nothing left to do
            return RunSummary(**done["counts"], layout=done["layout"], engine="(already complete)")
    chunks = plan_chunks(inputs, chunk_size, follow_links)
    ahead = list(itertools.islice(chunks, max(jobs, 1)))
    if not ahead:
        raise NoInputError("no article files (.txt .md .html .jsonl) found in " + " ".join(inputs))
    if engine == "local":
        jobs = min(jobs, len(ahead))  # a small run needs no more workers than it has chunks
    staging = _Staging(out, params, resume, articles_per_part)
    summary = RunSummary(resumed_chunks=staging.committed_chunks)
    if not staging.publishing:
        runner = _Engine(engine, jobs, model, scheduler)
        with runner as executor:
            summary.engine = runner.description
            summary.startup_s = time.perf_counter() - started

            def count(output: ChunkOutput) -> None:
                summary.processed += output.articles
                if on_chunk:
                    on_chunk(output)

            _run_chunks(itertools.chain(ahead, chunks), executor, staging, runner.slots, (model, batch_size, limits),
                        count)
            staging.flush()  # before the workers stop: stopping them (a cluster's shutdown) is no part of the work
            processed_at = time.perf_counter()
        summary.shutdown_s = time.perf_counter() - processed_at
    else:
        processed_at = time.perf_counter()
    for p in staging.parts:
        summary.articles += p["rows"]["articles"]
        summary.results += p["rows"]["results"]
        summary.records += p["rows"]["records"]
        summary.errors += p["errors"]
    summary.chunks = staging.committed_chunks
    summary.parts = len(staging.parts)
    summary.process_s = processed_at - started - summary.startup_s
    summary.engine = summary.engine or "(publishing an interrupted run's parts)"
    manifest = {"params": params, "counts": {k: getattr(summary, k) for k in ("articles", "results", "records",
                                                                              "errors", "chunks", "parts")},
                "run": {"engine": summary.engine, "startup_s": round(summary.startup_s, 3),
                        "process_s": round(summary.process_s, 3), "shutdown_s": round(summary.shutdown_s, 3),
                        "resumed_chunks": summary.resumed_chunks}}
    summary.layout = staging.publish(layout, manifest)
    return summary


def _run_chunks(chunks: Iterator[Chunk], executor: cf.Executor, staging: _Staging, slots: int, settings: tuple,
                on_chunk) -> None:
    """Submit chunks (a bounded number in flight, so memory stays flat), hand them to staging in order.
    ``settings``: process_chunk's arguments after the chunk (model, batch size, limits)."""
    model, batch_size, limits = settings
    skip = staging.committed_chunks
    in_flight: dict[cf.Future, Chunk] = {}
    done: dict[int, tuple[ChunkOutput, str]] = {}
    next_index = skip
    written: list[str] = []  # fingerprints of the chunks a resumed run had already written
    checked = not skip

    def collect() -> None:
        nonlocal next_index
        finished, _ = cf.wait(list(in_flight), return_when=cf.FIRST_COMPLETED)
        for fut in finished:
            chunk = in_flight.pop(fut)
            try:
                output = fut.result()
            except Exception:  # noqa: BLE001 - a worker died or failed: redo the chunk here, article by article
                output = process_chunk(chunk, model, 1, limits)
            done[chunk.index] = (output, chunk.fingerprint())
            if on_chunk:
                on_chunk(output)
        while next_index in done:
            output, fingerprint = done.pop(next_index)
            staging.add(output, fingerprint)
            next_index += 1

    for chunk in chunks:
        if chunk.index < skip:
            written.append(chunk.fingerprint())
            continue
        if not checked:
            _check_resumed_input(staging, written)
            checked = True
        try:
            future = executor.submit(process_chunk, chunk, *settings)
        except (cf.BrokenExecutor, RuntimeError):  # the pool is gone (a worker was killed): go on in this process
            future = _InProcess().submit(process_chunk, chunk, *settings)
        in_flight[future] = chunk
        while len(in_flight) >= 2 * max(slots, 1):
            collect()
    while in_flight:
        collect()
    if not checked:  # every chunk had been written before the interruption: check them all the same
        _check_resumed_input(staging, written)


def _check_resumed_input(staging: _Staging, fingerprints: list[str]) -> None:
    """The chunks already written must be the ones the input gives now."""
    if len(fingerprints) < staging.committed_chunks:
        raise ResumeError("the input changed since the interrupted run (it has fewer chunks now); "
                          "run without --resume to start over")
    chained = ""
    for part in staging.parts:
        piece = "".join(fingerprints[part["first_chunk"]:part["last_chunk"] + 1])
        chained = hashlib.blake2b((chained + piece).encode(), digest_size=12).hexdigest()
        if chained != part["fingerprint"]:
            raise ResumeError(f"the input changed since the interrupted run (chunks {part['first_chunk']}-"
                              f"{part['last_chunk']} differ); run without --resume to start over")
