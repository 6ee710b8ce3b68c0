"""Finding the input files under the paths a user gives, in a stable order."""
from __future__ import annotations

from collections.abc import Iterator
from fnmatch import fnmatch
from pathlib import Path

DEFAULT_PATTERNS = ("*.txt", "*.text", "*.html", "*.htm", "*.md", "*.pdf", "*.docx")
STDIN = "-"  # standard input, read once as one page named '<stdin>'


def _wanted(rel: str, glob: str | None) -> bool:
    """fnmatch on the relative path; the default patterns also match on the bare file name."""
    if glob:
        return fnmatch(rel, glob) or fnmatch(Path(rel).name, glob)
    name = Path(rel).name.lower()
    return any(fnmatch(name, p) for p in DEFAULT_PATTERNS)


def iter_inputs(paths: list[Path], glob: str | None = None) -> Iterator[tuple[Path, str]]:
    """Yield ``(file, source)`` for every input file.

    ``source`` is the path relative to the folder given (or the file name for a file given
    directly), so outputs name a page the same way wherever the archive lies. Folders are walked
    recursively and sorted; ``-`` is standard input (source '<stdin>'); a file named directly is
    always yielded (the user asked for it), and a missing path is yielded too so
    that reading it raises a clear ``IngestError``.
    """
    for path in paths:
        if str(path) == STDIN:
            yield Path(STDIN), "<stdin>"
            continue
        path = Path(path)
        if path.is_dir():
            files = sorted((p for p in path.rglob("*") if p.is_file()), key=lambda p: p.relative_to(path).as_posix())
            for f in files:
                rel = f.relative_to(path).as_posix()
                if not any(part.startswith(".") for part in Path(rel).parts) and _wanted(rel, glob):
                    yield f, rel
        else:
            yield path, path.name
