"""Parquet output: explicit Arrow schemas, file metadata, atomic writes."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .dataframes import ARTICLE_COLUMNS, RECORD_COLUMNS, RESULT_COLUMNS

__all__ = ["SCHEMA_VERSION", "TABLES", "arrow_schema", "write_table", "write_arrow", "write_outputs", "read_metadata",
           "table_path"]

SCHEMA_VERSION = "2"  # 2: articles.encoding, .warnings and .text; results.flags
# "object" columns hold lists of strings (an article's front-matter categories, its warnings, a row's flags)
_ARROW = {"string": pa.string(), "Int32": pa.int32(), "Int64": pa.int64(), "Float64": pa.float64(),
          "object": pa.list_(pa.string())}
TABLES = {"results": RESULT_COLUMNS, "records": RECORD_COLUMNS, "articles": ARTICLE_COLUMNS}


def arrow_schema(columns: dict[str, str], metadata: dict[str, str] | None = None) -> pa.Schema:
    return pa.schema([pa.field(name, _ARROW[dtype]) for name, dtype in columns.items()], metadata=metadata)


def write_table(df: pd.DataFrame, path: Path, columns: dict[str, str], metadata: dict[str, str]) -> Path:
    """Write ``df`` to ``path`` as Parquet, via a temporary file renamed into place (never half-written)."""
    schema = arrow_schema(columns, {k: str(v) for k, v in metadata.items()})
    return write_arrow(pa.Table.from_pandas(df[list(columns)], schema=schema, preserve_index=False), path)


def write_arrow(table: pa.Table, path: Path) -> Path:
    """Write ``table`` to ``path`` as Parquet, via a temporary file renamed into place (never half-written)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        pq.write_table(table, tmp, compression="zstd")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_outputs(out_dir: str | os.PathLike, results: pd.DataFrame, records: pd.DataFrame, articles: pd.DataFrame,
                  metadata: dict[str, str]) -> dict[str, Path]:
    """results.parquet, records.parquet and articles.parquet in ``out_dir``."""
    out = Path(out_dir)
    meta = {"sports_extract.schema_version": SCHEMA_VERSION, **{f"sports_extract.{k}": v for k, v in metadata.items()}}
    frames = {"results": results, "records": records, "articles": articles}
    return {name: write_table(frames[name], out / f"{name}.parquet", TABLES[name], meta) for name in TABLES}


def table_path(out_dir: str | os.PathLike, name: str) -> Path | None:
    """Where a run's table ``name`` is in ``out_dir``: ``name.parquet``, or the dataset folder ``name/`` of a run
    of more than one part (both are read with ``pyarrow.dataset``); None when neither is there."""
    for path in (Path(out_dir) / f"{name}.parquet", Path(out_dir) / name):
        if path.exists():
            return path
    return None


def read_metadata(path: str | os.PathLike) -> dict[str, str]:
    """The sports_extract.* key/values of a Parquet file written by ``write_table``."""
    meta = pq.read_schema(path).metadata or {}
    return {k.decode(): v.decode() for k, v in meta.items() if k.startswith(b"sports_extract.")}
