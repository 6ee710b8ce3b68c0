"""The one error the readers raise, so the CLI can report a bad file and go on with the rest."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


class IngestError(Exception):
    """A file that cannot be read as a page: missing, unreadable, empty or binary."""

    def __init__(self, source: str, message: str) -> None:
        super().__init__(f"{source}: {message}")
        self.source = source
        self.message = message


@contextmanager
def os_errors(source: str) -> Iterator[None]:
    """Operating-system errors while opening or reading ``source`` as the IngestError that says why."""
    try:
        yield
    except FileNotFoundError:
        raise IngestError(source, "file not found") from None
    except PermissionError:
        raise IngestError(source, "permission denied") from None
    except OSError as e:
        raise IngestError(source, f"cannot read file ({e.strerror or e})") from None
