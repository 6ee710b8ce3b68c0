"""The one error the readers raise, so the CLI can report a bad file and go on with the rest."""
from __future__ import annotations


class IngestError(Exception):
    """A file that cannot be read as a page: missing, unreadable, empty or binary."""

    def __init__(self, source: str, message: str) -> None:
        super().__init__(f"{source}: {message}")
        self.source = source
        self.message = message
