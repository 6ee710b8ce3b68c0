"""Finding the input files under the paths a user gives, in a stable order, and saying why any
input that is not read was left out (an unreadable folder, a FIFO, a link to outside the folders
given), so that nothing is skipped in silence."""
from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

from .markdown import MARKDOWN_SUFFIXES

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
# Every suffix a reader takes: text, saved web pages, Markdown, PDF and Word.
DEFAULT_PATTERNS = tuple(f"*{suffix}" for suffix in (".txt", ".text", *sorted(HTML_SUFFIXES),
                                                     *sorted(MARKDOWN_SUFFIXES), ".pdf", ".docx"))
STDIN = "-"  # standard input, read once as one page named '<stdin>'


@dataclass(frozen=True)
class Found:
    """One input: a regular file to read, or (``problem`` set) one to report and never open."""

    path: Path
    source: str
    problem: str | None = None


def _wanted(rel: str, glob: str | None) -> bool:
    """fnmatch on the relative path; the default patterns also match on the bare file name."""
    if glob:
        return fnmatch(rel, glob) or fnmatch(Path(rel).name, glob)
    name = Path(rel).name.lower()
    return any(fnmatch(name, p) for p in DEFAULT_PATTERNS)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def common_root(paths: list[Path]) -> str:
    """The folder every input lies under: a folder given counts as itself, a file as its folder.
    Sources are relative to it, so same-named files in different folders stay apart."""
    bases = [os.path.abspath(p) if os.path.isdir(p) else os.path.dirname(os.path.abspath(p)) for p in paths]
    return os.path.commonpath(bases) if bases else os.getcwd()


def _inside(real: str, roots: list[str]) -> bool:
    return any(real == r or real.startswith(r.rstrip(os.sep) + os.sep) for r in roots)


class _Walk:
    """Walks the folders given; links are followed only inside them (or anywhere with ``follow``)."""

    def __init__(self, root: str, roots: list[str], glob: str | None, follow: bool) -> None:
        self.root, self.roots, self.glob, self.follow = root, roots, glob, follow
        self.seen_dirs: set[str] = set()

    def rel(self, path: str) -> str:
        return Path(os.path.relpath(path, self.root)).as_posix()

    def folder(self, path: str) -> Iterator[Found]:
        real = os.path.realpath(path)
        if real in self.seen_dirs:  # a link loop, or the same folder reached twice
            return
        self.seen_dirs.add(real)
        try:
            with os.scandir(path) as it:
                entries = list(it)
        except OSError as e:
            why = "permission denied" if isinstance(e, PermissionError) else (e.strerror or str(e))
            yield Found(Path(path), self.rel(path) + "/", f"folder not readable ({why}); its files were not read")
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            yield from self.entry(entry.path)

    def entry(self, path: str) -> Iterator[Found]:
        rel = self.rel(path)
        if os.path.islink(path) and not self.follow:
            real = os.path.realpath(path)
            if not _inside(real, self.roots):
                if os.path.isdir(path) or _wanted(rel, self.glob):
                    yield Found(Path(path), rel, f"symbolic link to {real}, outside the folders given; not followed "
                                                 "(--follow-links follows it)")
                return
        try:
            mode = os.stat(path).st_mode
        except OSError as e:  # a dangling link, or a file gone since the folder was listed
            if _wanted(rel, self.glob):
                yield Found(Path(path), rel, f"cannot read file ({e.strerror or e})")
            return
        if stat.S_ISDIR(mode):
            yield from self.folder(path)
        elif _wanted(rel, self.glob):
            yield Found(Path(path), rel, None if stat.S_ISREG(mode) else f"{_kind(mode)}, not a file; skipped unread")


def find_inputs(paths: list[Path], glob: str | None = None, follow_links: bool = False) -> Iterator[Found]:
    """Every input under ``paths``, sorted by source, each source once.

    ``source`` is the path relative to the common root of the inputs given (so a single folder's
    files are named relative to it, and a file given alone by its name); ``-`` is standard input
    (source '<stdin>'). A file named directly is always an input (the user asked for it), even when
    it is missing or a FIFO: it then carries the ``problem`` to report. Nothing here opens a file.
    """
    given = [Path(p) for p in paths if str(p) != STDIN]
    root = common_root(given)
    roots = [os.path.realpath(p) if os.path.isdir(p) else os.path.dirname(os.path.realpath(p)) for p in given]
    walk = _Walk(root, roots, glob, follow_links)
    found: dict[str, Found] = {}
    if any(str(p) == STDIN for p in paths):
        found["<stdin>"] = Found(Path(STDIN), "<stdin>")
    for path in given:
        rel = walk.rel(os.path.abspath(path))
        if os.path.isdir(path):
            items = walk.folder(str(path))
        else:
            try:
                mode = os.stat(path).st_mode
                problem = None if stat.S_ISREG(mode) else f"{_kind(mode)}, not a file; skipped unread"
            except FileNotFoundError:
                problem = "file not found"
            except OSError as e:
                problem = f"cannot read file ({e.strerror or e})"
            items = iter([Found(path, rel, problem)])
        for f in items:
            found.setdefault(f.source, f)
    yield from sorted(found.values(), key=lambda f: (f.source != "<stdin>", f.source))


def iter_inputs(paths: list[Path], glob: str | None = None) -> Iterator[tuple[Path, str]]:
    """``(file, source)`` for every readable input of :func:`find_inputs` (problems left out)."""
    for f in find_inputs(paths, glob):
        if f.problem is None:
            yield f.path, f.source
