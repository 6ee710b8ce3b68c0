"""The batch job: inputs -> pages -> minutes -> analysed sentences -> table rows -> files.

Everything streams: pages are read, laid out and analysed a few at a time, their rows saved as
parts (``pipeline.store``) every ``chunk_pages`` pages, and the tables rebuilt at the end, so
memory stays flat whatever the archive's size and an interrupted run can ``--resume``. Within a
page too: its sentences go through the model one at a time and each analysed Doc is cut down to
the few values its rows need, so a very long page costs its rows, not its Docs. One bad input
costs only its own rows: a read, layout or linking failure, a file over the size limit or a page
over the time limit becomes a row of errors.csv and a line on stderr, and the batch carries on.
"""
from __future__ import annotations

import hashlib
import os
import signal
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Callable, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.assemble import page_records
from pipeline.ingest import IngestError, Page, read_page
from pipeline.ingest.reader import MAX_BYTES, read_bytes, too_big
from pipeline.ingest.discover import find_inputs
from pipeline.layout import parse_minutes
from pipeline.layout.model import Minutes
from pipeline.records import ErrorRow, PageRecords
from pipeline.store import OutputStore

Warn = Callable[[str], None]


@dataclass(frozen=True)
class Limits:
    """Per-file bounds, so one hostile file is one error row: its size, and the seconds each stage
    of its work (reading and layout; the model) may take. 0 means no limit."""

    max_bytes: int = MAX_BYTES
    seconds: float = 600.0


@dataclass
class Summary:
    inputs: int = 0
    skipped: int = 0  # already in the output folder (--resume)
    pages: int = 0  # extracted by this run
    sentences: int = 0
    decisions: int = 0
    actions: int = 0
    updates: int = 0
    words: int = 0
    seconds: float = 0.0
    errors: list[ErrorRow] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)


class Interrupted(KeyboardInterrupt):
    """Ctrl-C (or SIGTERM) during a run, after the finished pages were saved for ``--resume``."""

    def __init__(self, kept: int, out_dir: Path) -> None:
        super().__init__(f"interrupted: {kept} pages kept in {out_dir}")
        self.kept, self.out_dir = kept, out_dir


class PageTimeout(Exception):
    """A page's work ran past ``Limits.seconds``."""


@dataclass
class Input:
    path: Path
    source: str
    sha256: str | None  # None when the file cannot be read; reading it then reports why


def digest(path: Path) -> str | None:
    try:
        h = hashlib.sha256()
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
        return h.hexdigest()
    except OSError:
        return None


def read_input(inp: Input, limits: Limits = Limits()) -> Page:
    """The input as a Page, within the size limit."""
    if str(inp.path) == "-":
        return read_page(inp.path, inp.source)
    from pipeline.ingest.reader import page_from_bytes

    return page_from_bytes(read_bytes(inp.path, inp.source, limits.max_bytes), inp.source, inp.path.suffix)


@contextmanager
def time_limit(seconds: float, what: str) -> Iterator[None]:
    """Raise ``PageTimeout`` in this thread after ``seconds`` (SIGALRM, Unix, main thread only;
    elsewhere, and with 0 seconds, no limit). Python's regex engine and the parsers check for
    signals as they go, so a runaway pattern is stopped too."""
    usable = seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expire(signum, frame):  # noqa: ARG001
        raise PageTimeout(f"{what} took over {seconds:g} seconds (--timeout-per-file raises the limit)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def read_minutes(inputs: Iterable[Input], errors: list[ErrorRow], warn: Warn,
                 read: Callable[[Input], Page] = read_input, limits: Limits = Limits()
                 ) -> Iterator[tuple[Input, Minutes]]:
    """Each input laid out as Minutes, reading and layout together within ``limits.seconds``;
    ``read`` turns an input into a Page (a worker that was sent the file's bytes reads those)."""
    for inp in inputs:
        stage = "read"
        try:
            with time_limit(limits.seconds, "reading and layout"):
                page = read(inp) if read is not read_input else read_input(inp, limits)
                stage = "layout"
                minutes = parse_minutes(page)
        except IngestError as e:
            report(errors, inp.source, stage, e.message, warn)
            continue
        except Exception as e:  # an unforeseen failure (or the time limit) must not cost the batch
            message = str(e) if isinstance(e, PageTimeout) else f"{type(e).__name__}: {e}"
            report(errors, inp.source, stage, message, warn)
            continue
        yield inp, minutes


def too_long(minutes: Minutes, limit: int) -> str | None:
    """Why a page cannot go to the model: a 'sentence' over spaCy's ``max_length`` (a page with no
    sentence breaks) would raise inside ``nlp.pipe`` and stop the whole stream, so it is refused first."""
    from pipeline.nlp.sentence_doc import context_line

    longest = max((len(context_line(s)) + 1 + len(s.text) for s in minutes.sentences), default=0)
    if longest <= limit:
        return None
    return f"a sentence of {longest:,} characters, over the model's limit of {limit:,}; not minutes text"


def fitting(pages: Iterable[tuple[Input, Minutes]], limit: int, errors: list[ErrorRow],
            warn: Warn) -> Iterator[tuple[Input, Minutes]]:
    for inp, m in pages:
        problem = too_long(m, limit)
        if problem:
            report(errors, inp.source, "nlp", problem, warn)
        else:
            yield inp, m


def report(errors: list[ErrorRow], source: str, stage: str, message: str, warn: Warn) -> None:
    """One errors row and one stderr line (a library's multi-line message is folded onto it)."""
    message = " ".join(message.split())
    errors.append(ErrorRow(source, stage, message))
    warn(f"minutes: {source}: {message}")


def slim(doc: Doc) -> SimpleNamespace:
    """What ``page_records`` reads of an analysed Doc (its label scores, owners and due date), so
    the Doc itself (tokens, vectors) is freed as soon as the model is done with it."""
    return SimpleNamespace(cats=dict(doc.cats), _=SimpleNamespace(owners=doc._.owners, due=doc._.due))


def analyse(nlp: Language, pages: Iterable[tuple[Input, Minutes]], batch_size: int = 256,
            seconds: float = 0) -> Iterator[tuple[Input, Minutes, list | None]]:
    """Stream every body sentence of every page through ``nlp.pipe`` and hand each page back with
    its analysed sentences (slimmed Docs), holding only the pages in flight. A page index travels
    with each Doc; a page without sentences sends one stand-in Doc so that it keeps its place. A
    page whose sentences take the model over ``seconds`` is cut off and handed back with None."""
    from pipeline.nlp.sentence_doc import attendee_rows, make_sentence_doc

    waiting: dict[int, tuple[Input, Minutes]] = {}
    cut: set[int] = set()

    def stand_in() -> Doc:  # a one-token stand-in: an empty Doc breaks textcat's batch
        placeholder = nlp.make_doc(".")
        placeholder._.sentence_index = -1
        return placeholder

    def stream() -> Iterator[tuple[Doc, int]]:
        for n, (inp, m) in enumerate(pages):
            waiting[n] = (inp, m)
            if not m.sentences:
                yield stand_in(), n
            start, rows = time.monotonic(), attendee_rows(m)
            for i, s in enumerate(m.sentences):
                if seconds and i and time.monotonic() - start > seconds:
                    cut.add(n)
                    break
                yield make_sentence_doc(nlp, s, m, rows), n

    current, docs = -1, []
    for doc, n in nlp.pipe(stream(), as_tuples=True, batch_size=batch_size):
        if n != current:
            if current >= 0:
                yield *waiting.pop(current), (None if current in cut else docs)
            current, docs = n, []
        if doc._.sentence_index >= 0 and n not in cut:
            docs.append(slim(doc))
    if current >= 0:
        yield *waiting.pop(current), (None if current in cut else docs)


def local_results(nlp: Language, pages: Iterable[tuple[Input, Minutes]], errors: list[ErrorRow],
                  warn: Warn, limits: Limits = Limits()
                  ) -> Iterator[tuple[Input, PageRecords | None, list[ErrorRow]]]:
    """(input, rows, errors) for each laid-out page, in order, analysed in this process."""
    for inp, m, docs in analyse(nlp, fitting(pages, nlp.max_length, errors, warn), seconds=limits.seconds):
        if docs is None:
            yield inp, None, [ErrorRow(m.source, "nlp", f"the model took over {limits.seconds:g} seconds on its "
                                                        "sentences (--timeout-per-file raises the limit)")]
            continue
        try:
            yield inp, page_records(m, docs), []
        except Exception as e:
            yield inp, None, [ErrorRow(m.source, "link", f"{type(e).__name__}: {e}")]


def find(paths: list[Path], glob: str | None, follow_links: bool, limits: Limits,
         errors: list[ErrorRow], warn: Warn) -> list[Input]:
    """The inputs to read; every input left out (a FIFO, an unreadable folder, a link to outside
    the folders given, a file over the size limit) is reported instead, unopened."""
    inputs = []
    for f in find_inputs(paths, glob, follow_links):
        if f.problem is None and str(f.path) != "-" and limits.max_bytes:
            try:
                if os.stat(f.path).st_size > limits.max_bytes:
                    report(errors, f.source, "read", too_big(limits.max_bytes), warn)
                    continue
            except OSError:
                pass  # reading it says why
        if f.problem:
            report(errors, f.source, "read", f.problem, warn)
        else:
            inputs.append(Input(f.path, f.source, digest(f.path) if str(f.path) != "-" else None))
    return inputs


def extract(paths: list[Path], out_dir: Path, nlp: Language | None, *, glob: str | None = None, fmt: str = "csv",
            n_process: int = 1, resume: bool = False, chunk_pages: int = 50, backend: str = "local",
            scheduler: str | None = None, model_path: Path | None = None, follow_links: bool = False,
            limits: Limits = Limits(),
            progress: Callable[[int], Callable[[int, int], None]] | None = None,
            warn: Warn = lambda msg: print(msg, file=sys.stderr)) -> Summary:
    """Run the whole job. ``progress(total)`` returns a callback ``(pages, words)`` called per input.
    ``backend='dask'`` maps the per-page work over a Dask cluster (``scheduler`` address, or a local
    one) with the model at ``model_path``; ``'local'`` runs ``nlp`` here, whole pages in ``n_process``
    forked processes when more than one (only bytes go out and rows come back). The output folder
    is locked for the run (``OutputBusy`` when another run holds it); Ctrl-C saves the finished
    pages and raises ``Interrupted``."""
    start = time.perf_counter()
    summary = Summary()
    store = OutputStore(out_dir, fmt, resume)
    try:
        inputs = find(paths, glob, follow_links, limits, summary.errors, warn)
        summary.inputs = len(inputs) + len(summary.errors)
        todo = [i for i in inputs if not store.is_done(i.source, i.sha256)]
        summary.skipped = len(inputs) - len(todo)
        tick = progress(len(todo)) if progress else None

        if backend == "dask":
            from pipeline.distributed import run_on_cluster

            results = run_on_cluster(todo, model_path, scheduler, limits=limits)
        elif n_process > 1 and (model_path or getattr(nlp, "_path", None)) and all(str(i.path) != "-" for i in todo):
            from pipeline.pagework import run_in_processes

            results = run_in_processes(todo, nlp, Path(model_path or nlp._path), n_process, limits)
        else:
            results = local_results(nlp, read_minutes(todo, summary.errors, warn, limits=limits), summary.errors,
                                    warn, limits)
        part: list[tuple[str, str, PageRecords]] = []
        try:
            for inp, recs, errors in results:
                for e in errors:
                    report(summary.errors, e.source, e.stage, e.error, warn)
                words = sum(len(s.text.split()) for s in recs.sentences) if recs else 0
                if recs is not None:
                    part.append((inp.source, inp.sha256 or "", recs))
                    summary.pages += 1
                    summary.sentences += len(recs.sentences)
                    summary.decisions += len(recs.decisions)
                    summary.actions += len(recs.actions)
                    summary.updates += len(recs.action_updates)
                    summary.words += words
                    if len(part) >= chunk_pages:
                        store.add_part(part)
                        part = []
                if tick:
                    tick(1, words)
        except KeyboardInterrupt:
            store.add_part(part)  # the finished pages are kept for --resume
            raise Interrupted(store.pages(), out_dir) from None
        store.add_part(part)
        summary.files = store.finish(summary.errors)
    finally:
        store.close()
    summary.seconds = time.perf_counter() - start
    return summary
