"""The ``minutes`` command: thin wrappers that parse options, call the stages and print."""
from __future__ import annotations

import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Decisions and actions, with owners and due dates, from board minutes.")

REPO = Path(__file__).resolve().parents[1]


class Format(str, Enum):
    csv = "csv"
    jsonl = "jsonl"


def _err(msg: str) -> None:
    typer.echo(msg, err=True)


def _load(model: Optional[Path]):
    from pipeline.models import ModelNotFound, load_model

    try:
        return load_model(model)
    except ModelNotFound as e:
        _err(f"minutes: {e}")
        raise typer.Exit(2)


def _writable(out: Path) -> None:
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = out / ".minutes-write-test"
        probe.write_text("")
        probe.unlink()
    except OSError as e:
        _err(f"minutes: output folder {out} is not writable: {e.strerror or e}")
        raise typer.Exit(2)


@app.command()
def extract(
    inputs: List[Path] = typer.Argument(..., help="Minutes files or folders (read recursively)."),
    out: Path = typer.Option(Path("out"), "--out", "-o", help="Folder for the tables."),
    model: Optional[Path] = typer.Option(None, help="Trained pipeline folder (default: the shipped model)."),
    glob: Optional[str] = typer.Option(None, help="Only inputs whose relative path matches, e.g. '*.html'."),
    fmt: Format = typer.Option(Format.csv, "--format", help="csv or jsonl."),
    workers: int = typer.Option(1, min=1, help="Processes for the NLP stage."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or summary."),
) -> None:
    """Extract meetings, attendees, decisions, actions and action updates into tables."""
    from pipeline.extract import extract as run

    missing = [str(p) for p in inputs if not p.exists()]
    if missing:
        _err(f"minutes: no such input: {', '.join(missing)}")
        raise typer.Exit(2)
    _writable(out)
    nlp = _load(model)
    progress = None
    if not quiet and sys.stderr.isatty():
        from tqdm import tqdm

        progress = lambda it: tqdm(it, unit="page", desc="extract", file=sys.stderr)  # noqa: E731
    summary = run(list(inputs), out, nlp, glob=glob, fmt=fmt.value, n_process=workers, progress=progress,
                  warn=_err)
    if not quiet:
        wps = summary.words / summary.seconds if summary.seconds else 0
        typer.echo(f"{summary.pages} pages: {summary.decisions} decisions, {summary.actions} actions, "
                   f"{summary.updates} action updates, {len(summary.errors)} errors "
                   f"({summary.seconds:.1f}s, {wps:,.0f} words/s)")
        typer.echo(f"tables in {out}/: " + ", ".join(p.name for p in summary.files))
    if summary.errors:
        _err(f"minutes: {len(summary.errors)} of {summary.inputs} inputs failed; see {out}/errors.{fmt.value}")
        raise typer.Exit(1)


@app.command()
def train(
    config: Path = typer.Option(REPO / "config.cfg", help="spaCy training config."),
    data: Path = typer.Option(REPO / "training_data", help="Folder of annotated *.jsonl pages."),
    output: Path = typer.Option(REPO / "models" / "minutes-default", help="Where the trained pipeline goes."),
    max_steps: Optional[int] = typer.Option(None, help="Override training.max_steps (quick runs)."),
) -> None:
    """Train the pipeline on training_data/ with spaCy's own training, then report dev accuracy."""
    from pipeline.training.train import train as run

    overrides = {"training.max_steps": max_steps} if max_steps else {}
    info = run(config, data, output, overrides=overrides)
    typer.echo(json.dumps({k: info[k] for k in ("docs", "training_seconds", "dev_sentences", "dev_pages")
                           if k in info}, indent=2))
    typer.echo(f"model in {output}")


@app.command()
def evaluate(
    model: Optional[Path] = typer.Option(None, help="Trained pipeline folder (default: the shipped model)."),
    data: Path = typer.Option(REPO / "training_data", help="Folder of annotated *.jsonl pages."),
    split: str = typer.Option("dev", help="Which split to score."),
    scorer: Optional[Path] = typer.Option(None, help="score_minutes.py (default: ../shared/score_minutes.py)."),
) -> None:
    """Per-label precision/recall/F1 of the classifier and the scorer's end-to-end figures."""
    from pipeline.training.evaluate import evaluate_pages, evaluate_sentences

    nlp = _load(model)
    sents = evaluate_sentences(nlp, data, split)
    typer.echo(f"sentences ({sents['n']}, split {split}):")
    for lab in ("decision", "action", "note", "items"):
        s = sents[lab]
        typer.echo(f"  {lab:9s} P {s['p']:.3f} R {s['r']:.3f} F1 {s['f']:.3f}")
    pages = evaluate_pages(nlp, data, split, scorer)
    if pages is None:
        typer.echo("end to end: score_minutes.py not found (pass --scorer)")
    else:
        typer.echo(f"end to end: items F1 {pages['items']['micro']['f1']} owner {pages['owner_accuracy']} "
                   f"due {pages['due_accuracy']} action id {pages['action_id_accuracy']} "
                   f"end-to-end {pages['end_to_end']} updates F1 {pages['action_updates']['f1']} "
                   f"meetings {pages['meeting_fields_accuracy']} attendees F1 {pages['attendees']['f1']}")


def main() -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    app()


if __name__ == "__main__":
    main()
