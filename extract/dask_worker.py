"""The Dask side of ``--engine dask``: a worker plugin that loads the pipeline once per worker.

Imported only when that engine is used, so dask stays an optional dependency.
"""
from __future__ import annotations

from distributed import WorkerPlugin

__all__ = ["PipelinePlugin"]


class PipelinePlugin(WorkerPlugin):
    """Loads the pipeline in every worker when it starts (or joins later), before it takes a chunk."""

    idempotent = True  # registering it again (a second run on the same cluster) is a no-op

    def __init__(self, model: str | None):
        self.model = model

    def setup(self, worker) -> None:
        from .batch import worker_pipeline

        worker_pipeline(self.model)
