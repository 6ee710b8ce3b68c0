"""The whole per-page job (bytes -> rows) as one function, for work that runs away from the main
process: worker processes (``--workers``) and Dask workers (``--backend dask``). Each worker loads
the model once; a forked worker finds it already loaded. Workers die with their parent (Linux
PR_SET_PDEATHSIG, and a watchdog thread elsewhere), leave Ctrl-C to it, and each page's work is
bounded by the same time limit as in a single process."""
from __future__ import annotations

import os
import signal
import sys
import threading
import time
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
                  limits=None) -> tuple[PageRecords | None, list[ErrorRow]]:
    """One input's rows (or its error rows), computed on a worker by the same stages as a local run."""
    from pipeline.extract import Input, Limits, local_results, read_minutes
    from pipeline.ingest.reader import page_from_bytes

    limits = limits or Limits()
    errors: list[ErrorRow] = []
    quiet = lambda msg: None  # noqa: E731  (workers report through the returned rows)
    pages = read_minutes([Input(Path(source), source, None)], errors, quiet,
                         read=lambda _: page_from_bytes(data, source, suffix), limits=limits)
    for _, recs, link_errors in local_results(_model(model_path), pages, errors, quiet, limits):
        return recs, errors + link_errors
    return None, errors


def in_order(inputs: Iterable, submit: Callable[[object, bytes], object], result: Callable[[object], tuple],
             window: int = 64, max_bytes: int = 0) -> Iterator[tuple[object, PageRecords | None, list[ErrorRow]]]:
    """Submit each input's bytes and yield (input, records, errors) in input order, with at most
    ``window`` inputs in flight, so memory stays flat however long the archive."""
    from pipeline.ingest.reader import read_bytes
    from pipeline.ingest import IngestError

    in_flight: deque = deque()
    for inp in inputs:
        try:
            data = read_bytes(Path(inp.path), inp.source, max_bytes)
        except IngestError as e:
            in_flight.append((inp, None, [ErrorRow(inp.source, "read", e.message)]))
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
    try:
        recs, errors = result(fut)
    except Exception as e:  # a worker that died (killed for memory, crashed) costs its page only
        return inp, None, [ErrorRow(inp.source, "worker", f"{type(e).__name__}: {e}")]
    return inp, recs, errors


def die_with_parent() -> None:
    """Worker start-up: exit when the parent does, and leave Ctrl-C to the parent (which stops
    the pool and says what was kept)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the line above ran
        os._exit(1)

    def watch() -> None:  # a second guard, for platforms without PR_SET_PDEATHSIG
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="parent-watchdog").start()


def _stop(pool) -> None:
    """Stop a pool now: drop queued work and kill the workers (they hold no state of their own)."""
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in list((getattr(pool, "_processes", None) or {}).values()):
        try:
            proc.kill()
        except (OSError, AttributeError):
            pass


WARM_UP_PAGE = ("Title: Example Board\nDate: 3 March 2025\nPresent: ACC Jo Example (Chair), Mr Sam Sample\n"
                "1. Estates\nThe board agreed the estates plan.\nMr Sample to report on the depot by 30 April 2025.\n"
                "Action 2/25 - carried forward to the next meeting.\nDate of next meeting: 7 April 2025\n")


def warm_up(nlp: Language) -> None:
    """Run one small invented page through every stage here, before forking, so that what the
    stages load on first use (date parsers, compiled patterns, caches) is loaded once and shared
    by the workers rather than loaded again in each; then freeze the heap so that the workers'
    garbage collector does not copy the shared pages."""
    import gc

    from pipeline.extract import Input, local_results, read_minutes
    from pipeline.ingest.reader import page_from_bytes

    quiet = lambda msg: None  # noqa: E731
    pages = read_minutes([Input(Path("warm-up.txt"), "warm-up.txt", None)], [], quiet,
                         read=lambda _: page_from_bytes(WARM_UP_PAGE.encode(), "warm-up.txt", ".txt"))
    for _ in local_results(nlp, pages, [], quiet):
        pass
    gc.collect()
    gc.freeze()


def run_in_processes(inputs: list, nlp: Language, model_path: Path, workers: int,
                     limits=None) -> Iterator[tuple[object, PageRecords | None, list[ErrorRow]]]:
    """Whole pages (read, layout, model, rows) in ``workers`` forked processes: only file bytes go
    out and rows come back, so the workers share no Docs with the main process."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from pipeline.extract import Limits

    limits = limits or Limits()
    key = str(model_path)
    PRELOADED[key] = nlp
    if nlp is not None:
        warm_up(nlp)
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"),
                               initializer=die_with_parent)
    try:
        submit = lambda inp, data: pool.submit(extract_bytes, data, inp.source, Path(inp.path).suffix,  # noqa: E731
                                               key, limits)
        yield from in_order(inputs, submit, lambda fut: fut.result(), window=8 * workers,
                            max_bytes=limits.max_bytes)
    except BaseException:
        _stop(pool)
        raise
    else:
        pool.shutdown(wait=True)
    finally:
        PRELOADED.pop(key, None)
        import gc

        gc.unfreeze()
