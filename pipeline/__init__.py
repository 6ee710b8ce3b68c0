"""minutes-miner: decisions and actions, with owners and due dates, from board minutes.

``pipeline.extract_tables(inputs)`` returns the tables as pandas DataFrames (``pipeline.api``);
the ``minutes`` command (``pipeline.cli``) writes them to files.
"""
from __future__ import annotations

from typing import Any

__all__ = ["extract_tables"]


def __getattr__(name: str) -> Any:
    """Import the API on first use, so ``import pipeline`` (and every command) stays quick."""
    if name == "extract_tables":
        from pipeline.api import extract_tables

        return extract_tables
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
