"""The whole per-page job (bytes -> rows) as one function, for work that runs away from the main
process: worker processes (``--workers``) and Dask workers (``--backend dask``). Each worker loads
the model once; a forked worker finds it already loaded."""
from __future__ import annotations

from collections import deque
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Iterator

from spacy.language import Language

from pipeline.records import ErrorRow, PageRecords

PRELOADED: dict[str, Language] = {}  # model path -> pipeline, set before forking workers


@lru_cache(maxsize=2)
def _model(model_path: str) -> Language:
    if model_path in PRELOADED:
        return PRELOADED[model_path]
    from pipeline.models import load_model

    return load_model(Path(model_path))


def extract_bytes(data: bytes, source: str, suffix: str, model_path: str,
                  boilerplate: frozenset[str]) -> tuple[PageRecords | None, list[ErrorRow]]:
    """One input's rows (or its error rows), computed on a worker by the same stages as a local run."""
    from pipeline.extract import Input, local_results, read_minutes
    from pipeline.ingest.reader import page_from_bytes

    errors: list[ErrorRow] = []
    quiet = lambda msg: None  # noqa: E731  (workers report through the returned rows)
    pages = read_minutes([Input(Path(source), source, None)], boilerplate, errors, quiet,
                         read=lambda _: page_from_bytes(data, source, suffix))
    for _, recs, link_errors in local_results(_model(model_path), pages, errors, quiet):
        return recs, errors + link_errors
    return None, errors


def in_order(inputs: Iterable, submit: Callable[[object, bytes], object], result: Callable[[object], tuple],
             window: int = 64) -> Iterator[tuple[object, PageRecords | None, list[ErrorRow]]]:
    """Submit each input's bytes and yield (input, records, errors) in input order, with at most
    ``window`` inputs in flight, so memory stays flat however long the archive."""
    in_flight: deque = deque()
    for inp in inputs:
        try:
            data = Path(inp.path).read_bytes()
        except OSError as e:
            in_flight.append((inp, None, [ErrorRow(inp.source, "read", f"cannot read file ({e.strerror or e})")]))
        else:
            in_flight.append((inp, submit(inp, data), None))
        while len(in_flight) > window:
            yield _collect(in_flight.popleft(), result)
    while in_flight:
        yield _collect(in_flight.popleft(), result)


def _collect(item: tuple, result: Callable[[object], tuple]) -> tuple[object, PageRecords | None, list[ErrorRow]]:
    inp, fut, errors = item
    if fut is None:
        return inp, None, errors
    recs, errors = result(fut)
    return inp, recs, errors


def run_in_processes(inputs: list, nlp: Language, model_path: Path, boilerplate: frozenset[str],
                     workers: int) -> Iterator[tuple[object, PageRecords | None, list[ErrorRow]]]:
    """Whole pages (read, layout, model, rows) in ``workers`` forked processes: only file bytes go
    out and rows come back, so the workers share no Docs with the main process."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    key = str(model_path)
    PRELOADED[key] = nlp
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
            submit = lambda inp, data: pool.submit(extract_bytes, data, inp.source, Path(inp.path).suffix,  # noqa: E731
                                                   key, boilerplate)
            yield from in_order(inputs, submit, lambda fut: fut.result(), window=8 * workers)
    finally:
        PRELOADED.pop(key, None)
