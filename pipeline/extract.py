"""The batch job: inputs -> pages -> minutes -> analysed sentences -> table rows -> files.

Everything streams: pages are read, laid out and analysed a few at a time, their rows saved as
parts (``pipeline.store``) every ``chunk_pages`` pages, and the tables rebuilt at the end, so
memory stays flat whatever the archive's size and an interrupted run can ``--resume``. One bad
input costs only its own rows: a read, layout or linking failure becomes a row of errors.csv and
a line on stderr, and the batch carries on.
"""
from __future__ import annotations

import hashlib
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.assemble import page_records, sentence_docs
from pipeline.ingest import IngestError, Page, iter_inputs, read_page
from pipeline.layout import find_repeated_lines, parse_minutes
from pipeline.layout.model import Minutes
from pipeline.records import ErrorRow, PageRecords
from pipeline.store import OutputStore

Warn = Callable[[str], None]


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


def _stats_text(path: Path, source: str) -> str:
    try:
        return read_page(path, source).text
    except Exception:  # unreadable inputs are reported when they are read for real
        return ""


def boilerplate_lines(inputs: list[Input]) -> frozenset[str]:
    """Lines repeated across many pages of this batch, found in a streaming first pass."""
    return find_repeated_lines(_stats_text(i.path, i.source) for i in inputs if i.sha256)


def read_minutes(inputs: Iterable[Input], boilerplate: frozenset[str], errors: list[ErrorRow], warn: Warn,
                 read: Callable[[Input], Page] = lambda i: read_page(i.path, i.source)
                 ) -> Iterator[tuple[Input, Minutes]]:
    """Each input laid out as Minutes; ``read`` turns an input into a Page (a worker that was sent the
    file's bytes reads those instead of the path)."""
    for inp in inputs:
        try:
            page = read(inp)
        except IngestError as e:
            report(errors, inp.source, "read", e.message, warn)
            continue
        except Exception as e:  # an unforeseen reader failure must not cost the batch
            report(errors, inp.source, "read", f"{type(e).__name__}: {e}", warn)
            continue
        try:
            yield inp, parse_minutes(page, boilerplate)
        except Exception as e:
            report(errors, inp.source, "layout", f"{type(e).__name__}: {e}", warn)


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


def analyse(nlp: Language, pages: Iterable[tuple[Input, Minutes]],
            batch_size: int = 256) -> Iterator[tuple[Input, Minutes, list[Doc]]]:
    """Stream every body sentence of every page through ``nlp.pipe`` and hand each page back with
    its analysed Docs, holding only the pages in flight. A page index travels with each Doc; a
    page without sentences sends one stand-in Doc so that it keeps its place."""
    waiting: dict[int, tuple[Input, Minutes]] = {}

    def stream() -> Iterator[tuple[Doc, int]]:
        for n, (inp, m) in enumerate(pages):
            waiting[n] = (inp, m)
            docs = sentence_docs(nlp, m)
            if not docs:  # a one-token stand-in: an empty Doc breaks textcat's batch
                placeholder = nlp.make_doc(".")
                placeholder._.sentence_index = -1
                yield placeholder, n
            for doc in docs:
                yield doc, n

    current, docs = -1, []
    for doc, n in nlp.pipe(stream(), as_tuples=True, batch_size=batch_size):
        if n != current:
            if current >= 0:
                yield *waiting.pop(current), docs
            current, docs = n, []
        if doc._.sentence_index >= 0:
            docs.append(doc)
    if current >= 0:
        yield *waiting.pop(current), docs


def local_results(nlp: Language, pages: Iterable[tuple[Input, Minutes]], errors: list[ErrorRow],
                  warn: Warn) -> Iterator[tuple[Input, PageRecords | None, list[ErrorRow]]]:
    """(input, rows, errors) for each laid-out page, in order, analysed in this process."""
    for inp, m, docs in analyse(nlp, fitting(pages, nlp.max_length, errors, warn)):
        try:
            yield inp, page_records(m, docs), []
        except Exception as e:
            yield inp, None, [ErrorRow(m.source, "link", f"{type(e).__name__}: {e}")]


def extract(paths: list[Path], out_dir: Path, nlp: Language | None, *, glob: str | None = None, fmt: str = "csv",
            n_process: int = 1, resume: bool = False, chunk_pages: int = 50, backend: str = "local",
            scheduler: str | None = None, model_path: Path | None = None,
            progress: Callable[[int], Callable[[int, int], None]] | None = None,
            warn: Warn = lambda msg: print(msg, file=sys.stderr)) -> Summary:
    """Run the whole job. ``progress(total)`` returns a callback ``(pages, words)`` called per input.
    ``backend='dask'`` maps the per-page work over a Dask cluster (``scheduler`` address, or a local
    one) with the model at ``model_path``; ``'local'`` runs ``nlp`` here, whole pages in ``n_process``
    forked processes when more than one (only bytes go out and rows come back)."""
    start = time.perf_counter()
    summary = Summary()
    store = OutputStore(out_dir, fmt, resume)
    inputs = [Input(p, s, digest(p) if str(p) != "-" else None) for p, s in iter_inputs(paths, glob)]
    summary.inputs = len(inputs)
    todo = [i for i in inputs if not store.is_done(i.source, i.sha256)]
    summary.skipped = len(inputs) - len(todo)
    tick = progress(len(todo)) if progress else None
    boilerplate = boilerplate_lines(inputs)

    if backend == "dask":
        from pipeline.distributed import run_on_cluster

        results = run_on_cluster(todo, model_path, boilerplate, scheduler)
    elif n_process > 1 and (model_path or getattr(nlp, "_path", None)) and all(str(i.path) != "-" for i in todo):
        from pipeline.pagework import run_in_processes

        results = run_in_processes(todo, nlp, Path(model_path or nlp._path), boilerplate, n_process)
    else:
        results = local_results(nlp, read_minutes(todo, boilerplate, summary.errors, warn), summary.errors, warn)
    part: list[tuple[str, str, PageRecords]] = []
    for inp, recs, errors in results:
        for e in errors:
            report(summary.errors, e.source, e.stage, e.error, warn)
        words = sum(len(s.text.split()) for s in recs.sentences) if recs else 0
        if tick:
            tick(1, words)
        if recs is None:
            continue
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
    store.add_part(part)
    summary.files = store.finish(summary.errors)
    summary.seconds = time.perf_counter() - start
    return summary
