"""Extraction on a Dask cluster: the same per-page work as a local run, mapped over the cluster's
workers with ``Client.map``. The scheduling is Dask's; nothing here is a scheduler.

Install with ``pip install .[dask]``. Workers need the package and the model folder at the same
path; input files travel to them as bytes, so they need no shared file system.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from pipeline.pagework import extract_bytes, in_order
from pipeline.records import ErrorRow, PageRecords


def run_on_cluster(inputs: list, model_path: Path, scheduler: str | None, window: int = 64,
                   limits=None) -> Iterator[tuple[object, PageRecords | None, list[ErrorRow]]]:
    """Yield (input, records, errors) in input order, with at most ``window`` inputs in flight so
    memory stays flat. ``scheduler`` is a Dask scheduler address; None starts a local cluster
    (threads) for a single machine or a test."""
    from dask.distributed import Client, LocalCluster

    cluster = None if scheduler else LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                                  dashboard_address=None)
    with Client(scheduler or cluster) as client:
        try:
            submit = lambda inp, data: client.submit(extract_bytes, data, inp.source, Path(inp.path).suffix,  # noqa: E731
                                                     str(model_path), limits, pure=False)
            yield from in_order(inputs, submit, lambda fut: fut.result(), window,
                                max_bytes=limits.max_bytes if limits else 0)
        finally:
            if cluster is not None:
                cluster.close()
