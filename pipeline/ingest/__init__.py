"""Ingest: input files to ``Page`` (text with tables rendered as pipe lines)."""
from .discover import DEFAULT_PATTERNS, iter_inputs
from .errors import IngestError
from .html import html_to_text
from .page import Page, SetAside
from .reader import read_page

__all__ = ["DEFAULT_PATTERNS", "IngestError", "Page", "SetAside", "html_to_text", "iter_inputs", "read_page"]
