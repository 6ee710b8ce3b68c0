"""Reading one input file into a Page, choosing the reader by suffix and by content (HTML saved
under a text suffix, a PDF or Word file without its suffix, standard input)."""
from __future__ import annotations

import os
import re
import stat
import sys
from pathlib import Path

from .discover import HTML_SUFFIXES
from .docx import docx_page
from .errors import IngestError, os_errors
from .html import html_page
from .markdown import MARKDOWN_SUFFIXES, markdown_page
from .page import Page
from .pdf import pdf_page
from .text import text_page

_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S)
MB = 1024 * 1024
MAX_BYTES = 50 * MB
STDIN = "-"
STDIN_SOURCE = "<stdin>"


def _read_stdin(source: str) -> bytes:
    data = sys.stdin.buffer.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise IngestError(source, f"input larger than {MAX_BYTES // (1024 * 1024)} MB; not a page of minutes")
    return data


def too_big(max_bytes: int) -> str:
    return f"file larger than {max_bytes / MB:g} MB; not a page of minutes (--max-file-mb raises the limit)"


def read_bytes(path: Path, source: str, max_bytes: int = MAX_BYTES) -> bytes:
    """A regular file's bytes; ``IngestError`` for anything else. Opened without blocking and
    checked with fstat before a byte is read, so a FIFO put in a file's place never hangs the run."""
    with os_errors(source):
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        st = os.fstat(fd)
    finally:
        os.close(fd)
    if stat.S_ISDIR(st.st_mode):
        raise IngestError(source, "is a folder, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise IngestError(source, "not a regular file (FIFO, device or socket); skipped unread")
    if max_bytes and st.st_size > max_bytes:
        raise IngestError(source, too_big(max_bytes))
    with os_errors(source):
        return Path(path).read_bytes()


def page_from_bytes(data: bytes, source: str, suffix: str = "") -> Page:
    """The reader for ``suffix`` (or, without one that names a format, for what the bytes look like)."""
    suffix = suffix.lower()
    if suffix == ".pdf" or data[:1024].lstrip().startswith(b"%PDF-"):
        return pdf_page(data, source)
    if suffix == ".docx" or (data.startswith(b"PK\x03\x04") and b"word/" in data[:65536]):
        return docx_page(data, source)
    if suffix == ".doc" or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise IngestError(source, "old binary Word (.doc) file; save it as .docx or PDF")
    if suffix in HTML_SUFFIXES or _HTML_START.match(data[:4096]):
        return html_page(data, source)
    if suffix in MARKDOWN_SUFFIXES:
        return markdown_page(data, source)
    return text_page(data, source)


def read_page(path: Path, source: str) -> Page:
    """Read ``path`` (``-`` for standard input) as a Page; ``IngestError`` says why when it cannot be a page."""
    if str(path) == STDIN:
        source = STDIN_SOURCE if source in (STDIN, "") else source
        return page_from_bytes(_read_stdin(source), source)
    path = Path(path)
    return page_from_bytes(read_bytes(path, source), source, path.suffix)
