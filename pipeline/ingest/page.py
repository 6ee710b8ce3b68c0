"""The one type every reader returns."""
from __future__ import annotations

from dataclasses import dataclass, field

# Why a reader kept a piece of the file out of ``Page.text``.
SET_ASIDE_ROLES = frozenset({"page_furniture", "signature", "front_matter", "code_block", "navigation", "boilerplate"})


@dataclass(frozen=True)
class SetAside:
    """Text a reader kept out of the page's text, with why (``role``) and where it stood (``where``:
    'page 2 top', 'front matter', 'line 14'), so nothing disappears without a trace."""

    text: str
    role: str
    where: str = ""


@dataclass
class Page:
    """A page's extracted text. Tables are rendered into ``text`` as ``cell | cell |`` lines,
    so the layout stage reads one format whatever the input was. ``meta`` holds what the file
    says about itself outside its text (Markdown front matter, an HTML ``<title>``);
    ``set_aside`` what the reader removed from the text (page headers, navigation, code)."""

    source: str  # path relative to the folder given, or the file name
    text: str
    meta: dict[str, str] = field(default_factory=dict)
    set_aside: list[SetAside] = field(default_factory=list)
