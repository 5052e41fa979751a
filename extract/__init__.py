"""Dutch and Flemish race reports to typed results, pandas DataFrames and Parquet.

    >>> import extract
    >>> ex = extract.extract_text("Miho Takagi won de 1000 meter in 1.11,83.")
    >>> [(r.athlete, r.event, r.time_s, r.rank) for r in ex.results]
    [('Miho Takagi', '1000m', 71.83, 1)]
"""
from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from .extensions import register_extensions
from .dataframes import articles_frame, frames, records_frame, results_frame
from .lexicon import PatternFileError, get_lexicon
from .output import write_outputs
from .pipeline import Extraction, extract_paths, extract_text, load
from .times import parse_time
from .types import Article, Evidence, RaceResult, RecordMention

try:
    __version__ = version("sports-extract")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+unknown"

__all__ = [
    "Article", "Evidence", "Extraction", "PatternFileError", "RaceResult", "RecordMention", "__version__",
    "articles_frame", "extract_paths", "extract_text", "frames", "get_lexicon", "load", "parse_time",
    "records_frame", "register_extensions", "results_frame", "write_outputs", "write_parquet",
]


def write_parquet(extractions, out_dir, model: str = "blank:nl") -> None:
    """Write the results, records and articles of ``extractions`` as Parquet files in ``out_dir``."""
    results, records, articles = frames(extractions)
    write_outputs(out_dir, results, records, articles, {"package_version": __version__, "model": model})
