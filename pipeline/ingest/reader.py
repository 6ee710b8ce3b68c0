"""Reading one input file into a Page, choosing the reader by suffix (and by content for
HTML saved under a text suffix)."""
from __future__ import annotations

import re
from pathlib import Path

from .errors import IngestError
from .html import html_page
from .page import Page
from .text import text_page

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S)
MAX_BYTES = 50 * 1024 * 1024


def read_page(path: Path, source: str) -> Page:
    """Read ``path`` as a Page; ``IngestError`` says why when the file cannot be a page."""
    path = Path(path)
    try:
        if not path.exists():
            raise IngestError(source, "file not found")
        if path.is_dir():
            raise IngestError(source, "is a folder, not a file")
        if path.stat().st_size > MAX_BYTES:
            raise IngestError(source, f"file larger than {MAX_BYTES // (1024 * 1024)} MB; not a page of minutes")
        data = path.read_bytes()
    except PermissionError:
        raise IngestError(source, "permission denied") from None
    except OSError as exc:
        raise IngestError(source, f"cannot read file ({exc.strerror or exc})") from None
    if path.suffix.lower() in HTML_SUFFIXES or _HTML_START.match(data[:4096]):
        return html_page(data, source)
    return text_page(data, source)
