"""The Python API: the tables as pandas DataFrames, for a notebook, without the command line.

``extract_tables`` runs the very job that ``minutes extract`` runs (``pipeline.extract.extract``)
into a temporary folder as Parquet and reads the tables back, so its rows are the command's rows:
the same sentences, owners, due dates, neutralised text and error rows. Columns are typed: dates as
pandas datetimes (NaT when absent), counts and offsets as integers, confidence as a float.
"""
from __future__ import annotations

import logging
import tempfile
from os import PathLike
from pathlib import Path
from typing import Any, Iterable, Union

import pandas as pd
from spacy.language import Language

from pipeline.records import TABLES

log = logging.getLogger("pipeline")

Inputs = Union[str, PathLike, Iterable[Union[str, PathLike]]]


def extract_tables(inputs: Inputs, model: Union[str, PathLike, Language, None] = None,
                   **options: Any) -> dict[str, pd.DataFrame]:
    """Read minutes files or folders and return every table by name (meetings, attendees, decisions,
    actions, action_updates, sentences, errors, ...) as a DataFrame.

    ``model``: a pipeline folder or an already loaded ``spacy.Language`` (default: the shipped model).
    ``options``: keyword arguments of ``pipeline.extract.extract``: ``glob``, ``workers`` (or
    ``n_process``), ``backend``, ``scheduler``, ``follow_links``, ``limits``. An input that cannot be
    read is a row of ``errors`` and a logged warning, as on the command line; nothing is raised for it.
    """
    from pipeline.export import kinds
    from pipeline.extract import extract
    from pipeline.models import default_model_path, load_model

    paths = [Path(inputs)] if isinstance(inputs, (str, PathLike)) else [Path(p) for p in inputs]
    missing = [str(p) for p in paths if str(p) != "-" and not p.exists()]
    if missing:
        raise FileNotFoundError(f"no such input: {', '.join(missing)}")
    if "workers" in options:
        options["n_process"] = options.pop("workers")
    for fixed in ("out_dir", "fmt", "resume"):
        if fixed in options:
            raise TypeError(f"extract_tables() takes no {fixed!r}: it returns the tables instead of writing them")
    if isinstance(model, Language):
        nlp, model_path = model, getattr(model, "_path", None)
    else:
        model_path = Path(model) if model is not None else default_model_path()
        nlp = load_model(model_path) if options.get("backend", "local") == "local" else None
    options.setdefault("model_path", model_path)
    options.setdefault("warn", log.warning)

    with tempfile.TemporaryDirectory(prefix="minutes-") as tmp:
        extract(paths, Path(tmp), nlp, fmt="parquet", **options)
        tables = {name: pd.read_parquet(Path(tmp) / f"{name}.parquet") for name in TABLES}
    for name, df in tables.items():
        for col, kind in kinds(name).items():
            if kind == "date":
                df[col] = pd.to_datetime(df[col])
    return tables
