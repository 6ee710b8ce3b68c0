"""The batch job: inputs -> pages -> minutes -> analysed sentences -> table rows -> files.

One bad input costs only its own rows: read and layout failures become rows of errors.csv and a
line on stderr, and the batch carries on.
"""
from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Callable, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.assemble import page_records, sentence_docs
from pipeline.export import write_tables
from pipeline.ingest import IngestError, iter_inputs, read_page
from pipeline.layout import find_repeated_lines, parse_minutes
from pipeline.layout.model import Minutes
from pipeline.records import TABLES, ErrorRow


@dataclass
class Summary:
    inputs: int = 0
    pages: int = 0
    sentences: int = 0
    decisions: int = 0
    actions: int = 0
    updates: int = 0
    words: int = 0
    seconds: float = 0.0
    errors: list[ErrorRow] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)


def _report(errors: list[ErrorRow], source: str, stage: str, message: str, warn: Callable[[str], None]) -> None:
    errors.append(ErrorRow(source, stage, message))
    warn(f"minutes: {source}: {message}")


def read_minutes(paths: list[Path], glob: str | None, errors: list[ErrorRow],
                 warn: Callable[[str], None]) -> list[Minutes]:
    """Read and lay out every input; lines repeated across many pages of the batch are boilerplate."""
    pages = []
    for path, source in iter_inputs(paths, glob):
        try:
            pages.append(read_page(path, source))
        except IngestError as e:
            _report(errors, source, "read", e.message, warn)
        except Exception as e:  # an unforeseen reader failure must not cost the batch
            _report(errors, source, "read", f"{type(e).__name__}: {e}", warn)
    boilerplate = find_repeated_lines(p.text for p in pages)
    minutes = []
    for page in pages:
        try:
            minutes.append(parse_minutes(page, boilerplate))
        except Exception as e:
            _report(errors, page.source, "layout", f"{type(e).__name__}: {e}", warn)
    return minutes


def analyse(nlp: Language, minutes: list[Minutes], batch_size: int = 128,
            n_process: int = 1) -> Iterator[tuple[Minutes, list[Doc]]]:
    """Stream every body sentence of every page through ``nlp.pipe`` and hand each page back
    with its analysed Docs."""
    docs = (d for m in minutes for d in sentence_docs(nlp, m))
    stream = nlp.pipe(docs, batch_size=batch_size, n_process=n_process)
    for m in minutes:
        yield m, list(islice(stream, len(m.sentences)))


def extract(paths: list[Path], out_dir: Path, nlp: Language, *, glob: str | None = None, fmt: str = "csv",
            n_process: int = 1, progress: Callable[[Iterable], Iterable] | None = None,
            warn: Callable[[str], None] = lambda msg: print(msg, file=sys.stderr)) -> Summary:
    start = time.perf_counter()
    summary = Summary()
    minutes = read_minutes(paths, glob, summary.errors, warn)
    summary.inputs = len(minutes) + len(summary.errors)
    tables: dict[str, list] = {name: [] for name in TABLES}
    pages: Iterable = analyse(nlp, minutes, n_process=n_process)
    if progress:
        pages = progress(pages)
    for m, docs in pages:
        try:
            recs = page_records(m, docs)
        except Exception as e:
            _report(summary.errors, m.source, "link", f"{type(e).__name__}: {e}", warn)
            continue
        for name, rows in recs.tables().items():
            tables[name].extend(rows)
        summary.pages += 1
        summary.sentences += len(recs.sentences)
        summary.words += sum(len(d) for d in docs)
    tables["errors"] = summary.errors
    summary.decisions, summary.actions = len(tables["decisions"]), len(tables["actions"])
    summary.updates = len(tables["action_updates"])
    summary.files = write_tables(out_dir, tables, fmt)
    summary.seconds = time.perf_counter() - start
    return summary
