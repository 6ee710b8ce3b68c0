"""Extraction on a Dask cluster: the same per-page work as a local run, mapped over the cluster's
workers with ``Client.map``. The scheduling is Dask's; nothing here is a scheduler.

Install with ``pip install .[dask]``. Workers need the package and the model folder at the same
path; input files travel to them as bytes, so they need no shared file system.
"""
from __future__ import annotations

from collections import deque
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from pipeline.records import ErrorRow, PageRecords


@lru_cache(maxsize=2)
def _model(model_path: str):
    from pipeline.models import load_model

    return load_model(Path(model_path))


def extract_bytes(data: bytes, source: str, suffix: str, model_path: str,
                  boilerplate: frozenset[str]) -> tuple[PageRecords | None, list[ErrorRow]]:
    """One input's rows (or its error rows), computed on a worker."""
    from pipeline.assemble import page_records
    from pipeline.extract import analyse, report, too_long
    from pipeline.ingest import IngestError
    from pipeline.ingest.reader import page_from_bytes
    from pipeline.layout import parse_minutes

    errors: list[ErrorRow] = []
    quiet = lambda msg: None  # noqa: E731  (workers report through the returned rows)
    try:
        page = page_from_bytes(data, source, suffix)
    except IngestError as e:
        report(errors, source, "read", e.message, quiet)
        return None, errors
    except Exception as e:
        report(errors, source, "read", f"{type(e).__name__}: {e}", quiet)
        return None, errors
    try:
        minutes = parse_minutes(page, boilerplate)
    except Exception as e:
        report(errors, source, "layout", f"{type(e).__name__}: {e}", quiet)
        return None, errors
    nlp = _model(model_path)
    problem = too_long(minutes, nlp.max_length)
    if problem:
        report(errors, source, "nlp", problem, quiet)
        return None, errors
    for _, m, docs in analyse(nlp, [(None, minutes)]):
        try:
            return page_records(m, docs), errors
        except Exception as e:
            report(errors, source, "link", f"{type(e).__name__}: {e}", quiet)
    return None, errors


def run_on_cluster(inputs: list, model_path: Path, boilerplate: frozenset[str],
                   scheduler: str | None, window: int = 64) -> Iterator[tuple[object, PageRecords | None, list[ErrorRow]]]:
    """Yield (input, records, errors) in input order, with at most ``window`` inputs in flight so
    memory stays flat. ``scheduler`` is a Dask scheduler address; None starts a local cluster
    (threads) for a single machine or a test."""
    from dask.distributed import Client, LocalCluster

    cluster = None if scheduler else LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                                  dashboard_address=None)
    with Client(scheduler or cluster) as client:
        try:
            in_flight: deque = deque()
            for inp in inputs:
                try:
                    data = Path(inp.path).read_bytes()
                except OSError as e:
                    in_flight.append((inp, None, [ErrorRow(inp.source, "read", f"cannot read file ({e.strerror or e})")]))
                else:
                    in_flight.append((inp, client.submit(extract_bytes, data, inp.source, Path(inp.path).suffix,
                                                         str(model_path), boilerplate, pure=False), None))
                while len(in_flight) > window:
                    yield _result(in_flight.popleft())
            while in_flight:
                yield _result(in_flight.popleft())
        finally:
            if cluster is not None:
                cluster.close()


def _result(item: tuple) -> tuple[object, PageRecords | None, list[ErrorRow]]:
    inp, fut, errors = item
    if fut is None:
        return inp, None, errors
    recs, errors = fut.result()
    return inp, recs, errors
