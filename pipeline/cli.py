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
    parquet = "parquet"  # a file per table, typed columns
    xlsx = "xlsx"  # one workbook, tables.xlsx, a sheet per table


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


def _progress_bar(quiet: bool):
    """A tqdm bar (pages done, words per second, time left) on a terminal; nothing otherwise."""
    if quiet or not sys.stderr.isatty():
        return None

    def start(total: int):
        from tqdm import tqdm

        bar = tqdm(total=total, unit="page", desc="extract", file=sys.stderr, dynamic_ncols=True)
        state = {"words": 0}

        def tick(pages: int, words: int) -> None:
            state["words"] += words
            rate = state["words"] / max(bar.format_dict["elapsed"], 1e-6)
            bar.set_postfix_str(f"{rate:,.0f} words/s", refresh=False)
            bar.update(pages)
            if bar.n >= total:
                bar.close()

        return tick

    return start


class Backend(str, Enum):
    local = "local"
    dask = "dask"


@app.command()
def extract(
    inputs: List[Path] = typer.Argument(..., help="Minutes files or folders (read recursively); - reads standard input."),
    out: Path = typer.Option(Path("out"), "--out", "-o", help="Folder for the tables."),
    model: Optional[Path] = typer.Option(None, help="Trained pipeline folder (default: the shipped model)."),
    glob: Optional[str] = typer.Option(None, help="Only inputs whose relative path matches, e.g. '*.html'."),
    fmt: Format = typer.Option(Format.csv, "--format", help="csv, jsonl, parquet (typed columns) or xlsx (one "
                               "workbook, a sheet per table)."),
    workers: int = typer.Option(1, min=1, help="Worker processes, each running whole pages (read, layout, model, rows)."),
    resume: bool = typer.Option(False, help="Skip inputs already in --out (same file content) and add the rest."),
    backend: Backend = typer.Option(Backend.local, help="local, or dask to map the work over a Dask cluster."),
    scheduler: Optional[str] = typer.Option(None, help="Dask scheduler address (default: a local cluster)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or summary."),
    follow_links: bool = typer.Option(False, "--follow-links", help="Follow symbolic links that lead outside the "
                                      "folders given (by default they are reported in errors and not read)."),
    max_file_mb: float = typer.Option(50, "--max-file-mb", min=0, help="Larger input files become an error row "
                                      "unread (0: no limit)."),
    timeout_per_file: float = typer.Option(600, "--timeout-per-file", min=0, help="Seconds each file's reading and "
                                           "layout, and its model stage, may take before it becomes an error row "
                                           "(0: no limit)."),
) -> None:
    """Extract meetings, attendees, decisions, actions and action updates into tables."""
    from pipeline.extract import Interrupted, Limits
    from pipeline.extract import extract as run
    from pipeline.models import default_model_path
    from pipeline.store import OutputBusy

    missing = [str(p) for p in inputs if str(p) != "-" and not p.exists()]
    if missing:
        _err(f"minutes: no such input: {', '.join(missing)}")
        raise typer.Exit(2)
    _writable(out)
    model_path = model or default_model_path()
    nlp = _load(model) if backend == Backend.local else None
    if backend == Backend.dask:
        _load(model)  # fail early, here, on a missing model
        try:
            import dask.distributed  # noqa: F401
        except ImportError:
            _err("minutes: --backend dask needs the dask extra: pip install 'minutes-miner[dask]'")
            raise typer.Exit(2)
    limits = Limits(max_bytes=int(max_file_mb * 1024 * 1024), seconds=timeout_per_file)
    try:
        summary = run(list(inputs), out, nlp, glob=glob, fmt=fmt.value, n_process=workers, resume=resume,
                      backend=backend.value, scheduler=scheduler, model_path=model_path, follow_links=follow_links,
                      limits=limits, progress=_progress_bar(quiet), warn=_err)
    except OutputBusy as e:
        _err(f"minutes: {e}")
        raise typer.Exit(2)
    except Interrupted as e:
        _err(f"minutes: interrupted; {e.kept} finished pages kept in {out}/.minutes (tables not rebuilt); "
             "run the same command with --resume to go on")
        raise typer.Exit(130)
    if not quiet:
        wps = summary.words / summary.seconds if summary.seconds else 0
        done = f" ({summary.skipped} already done)" if summary.skipped else ""
        typer.echo(f"{summary.pages} pages{done}: {summary.decisions} decisions, {summary.actions} actions, "
                   f"{summary.updates} action updates, {len(summary.errors)} errors "
                   f"({summary.seconds:.1f}s, {wps:,.0f} words/s)")
        typer.echo(f"tables in {out}/: " + ", ".join(p.name for p in summary.files))
    if summary.errors:
        _err(f"minutes: {len(summary.errors)} of {summary.inputs} inputs failed; see {out}/"
             + ("tables.xlsx, sheet errors" if fmt == Format.xlsx else f"errors.{fmt.value}"))
        raise typer.Exit(1)


@app.command()
def train(
    config: Path = typer.Option(REPO / "config.cfg", help="spaCy training config."),
    data: Path = typer.Option(REPO / "training_data", help="Folder of annotated *.jsonl pages."),
    output: Path = typer.Option(REPO / "models" / "minutes-default", help="Where the trained pipeline goes."),
    base: Optional[Path] = typer.Option(None, help="Fine-tune from this trained pipeline instead of from scratch."),
    max_steps: Optional[int] = typer.Option(None, help="Override training.max_steps (default 600 with --base)."),
    learn_rate: Optional[float] = typer.Option(None, help="Override the learn rate (default 0.0003 with --base)."),
    imported_share: Optional[float] = typer.Option(None, min=0.0, max=0.9, help="Repeat the imported (analyst-"
                                                   "corrected) sentences to make up this share of the train corpus "
                                                   "(default 0.3 with --base, else 0: as they are)."),
    seed: Optional[int] = typer.Option(None, help="Random seed (overrides the config's system.seed). Runs differ by "
                                       "a point or two on dev: train a few and keep the best on dev."),
    vectors: Optional[Path] = typer.Option(None, help="Static vectors already built (scripts/build_vectors.py), "
                                           "instead of building them in this run: two runs to join "
                                           "(scripts/join_models.py) must share one set."),
) -> None:
    """Train the pipeline on training_data/ with spaCy's own training, then report dev accuracy."""
    from pipeline.training.train import train as run

    if base is not None and not (base / "config.cfg").exists():
        _err(f"minutes: no trained pipeline at {base} (--base needs a model folder)")
        raise typer.Exit(2)
    overrides: dict = {"training.max_steps": max_steps} if max_steps else {}
    if learn_rate:
        overrides["training.optimizer.learn_rate"] = learn_rate
    if seed is not None:
        overrides["system.seed"] = seed
    if vectors is not None:
        overrides["paths.vectors"] = str(vectors)
    from pipeline.training.trf import TransformerUnavailable

    try:
        info = run(config, data, output, overrides=overrides, base=base, imported_share=imported_share)
    except TransformerUnavailable as e:
        _err(f"minutes: {config}: {e}")
        raise typer.Exit(2)
    typer.echo(json.dumps({k: info[k] for k in ("docs", "base", "training_seconds", "dev_sentences", "dev_pages")
                           if k in info}, indent=2))
    typer.echo(f"model in {output}")


@app.command()
def evaluate(
    model: Optional[List[Path]] = typer.Option(None, help="Trained pipeline folder (default: the shipped model); "
                                                          "give it twice to compare two models."),
    compare: Optional[Path] = typer.Option(None, help="A second model to score beside --model (B - A shown)."),
    data: Path = typer.Option(REPO / "training_data", help="Folder of annotated *.jsonl pages."),
    split: str = typer.Option("dev", help="Which split to score."),
) -> None:
    """Per-label precision/recall/F1 of the classifier and the scorer's end-to-end figures."""
    from pipeline.scoring import summary_line
    from pipeline.training.evaluate import evaluate_pages, evaluate_sentences

    models: list = list(model or [None]) + ([compare] if compare else [])
    if len(models) > 2:
        _err("minutes: evaluate compares at most two models")
        raise typer.Exit(2)
    if len(models) == 2:
        from pipeline.models import default_model_path
        from pipeline.training.compare import compare_lines

        nlps = [_load(m) for m in models]
        sents = tuple(evaluate_sentences(n, data, split) for n in nlps)
        pages = tuple(evaluate_pages(n, data, split) for n in nlps)
        names = tuple(str(m or default_model_path()) for m in models)
        typer.echo(f"split {split}")
        typer.echo("\n".join(compare_lines(names, sents, pages)))  # type: ignore[arg-type]
        return
    nlp = _load(models[0])
    sents = evaluate_sentences(nlp, data, split)
    typer.echo(f"sentences ({sents['n']}, split {split}):")
    for lab in ("decision", "action", "note", "items"):
        s = sents[lab]
        typer.echo(f"  {lab:9s} P {s['p']:.3f} R {s['r']:.3f} F1 {s['f']:.3f}")
    pages = evaluate_pages(nlp, data, split)
    typer.echo(f"end to end: {summary_line(pages)} action id {pages['action_id_accuracy']}")


@app.command()
def score(
    gold: List[Path] = typer.Argument(..., help="Gold JSONL files (the format of ANNOTATION.md's gold records)."),
    pred: Path = typer.Option(..., "--pred", help="Folder that `minutes extract` wrote its tables to."),
    as_json: Optional[Path] = typer.Option(None, "--json", help="Also write every figure to this JSON file."),
) -> None:
    """Score extracted tables against gold: items P/R/F1, owner, due date, end to end, updates,
    meeting fields, attendees (the measures of the shared scorer, with no file beside the repo)."""
    from pipeline.scoring import read_gold, score as score_tables, summary_line

    missing = [str(g) for g in gold if not g.is_file()]
    if missing or not pred.is_dir():
        _err(f"minutes: not found: {', '.join(missing) or pred}")
        raise typer.Exit(2)
    result = score_tables(read_gold(gold), pred)
    for t in ("decision", "action", "micro"):
        c = result["items"][t]
        typer.echo(f"{t:9s} P {c['precision']:.3f} R {c['recall']:.3f} F1 {c['f1']:.3f}  "
                   f"(tp {c['tp']} fp {c['fp']} fn {c['fn']})")
    typer.echo(summary_line(result))
    if as_json:
        as_json.write_text(json.dumps(result, indent=2), encoding="utf-8")


@app.command()
def review(
    out: Path = typer.Argument(..., help="Folder that `minutes extract` wrote its tables to."),
    below: float = typer.Option(0.7, help="Sentences whose label confidence is below this become tasks."),
    sample: int = typer.Option(0, min=0, help="Also this many random sentences from the rest."),
    seed: int = typer.Option(0, help="Seed for --sample."),
    tasks: Path = typer.Option(Path("tasks.jsonl"), "--out", "-o", help="Where the tasks go (JSONL)."),
    model: Optional[Path] = typer.Option(None, help="Pipeline that proposes entity spans (default: the shipped model)."),
    spans: bool = typer.Option(True, "--spans/--no-spans", help="Propose the model's entities as spans."),
) -> None:
    """Annotation tasks (Prodigy JSONL; Label Studio and doccano import it) for the unsure sentences."""
    from pipeline.register import TablesNotFound
    from pipeline.training.review import make_task, read_candidates, select, write_tasks

    try:
        cands = read_candidates(out)
    except TablesNotFound as e:
        _err(f"minutes: {e}")
        raise typer.Exit(2)
    nlp = _load(model) if spans else None
    picked = select(cands, below, sample, seed)
    n = write_tasks((make_task(c, nlp) for c in picked), tasks)
    typer.echo(f"{n} tasks ({sum(c.confidence < below for c in picked)} below {below}) of {len(cands)} sentences "
               f"in {tasks}")


class AnnotationFormat(str, Enum):
    prodigy = "prodigy"
    labelstudio = "labelstudio"
    doccano = "doccano"


@app.command("import-annotations")
def import_annotations(
    file: Path = typer.Argument(..., help="The annotation tool's export."),
    fmt: AnnotationFormat = typer.Option(..., "--format", help="prodigy (JSONL), labelstudio (JSON) or doccano (JSONL)."),
    out: Path = typer.Option(..., "--out", "-o", help="Training file to write, e.g. training_data/review-01.jsonl."),
    strict: bool = typer.Option(False, "--strict", help="Write nothing unless every task converts (by default a bad "
                                "task is reported with its file and line, and skipped)."),
) -> None:
    """Annotated sentences -> training records (one small page each) that `minutes train` reads."""
    from pipeline.training.imported import import_annotations as run
    from pipeline.training.importers import AnnotationError

    if not file.is_file():
        _err(f"minutes: no such file: {file}")
        raise typer.Exit(2)
    try:
        n, skipped = run(file, fmt.value, out, strict=strict)
    except (AnnotationError, UnicodeDecodeError) as e:
        _err(f"minutes: {e}; {out} not written")
        raise typer.Exit(1)
    for message in skipped.bad:
        _err(f"minutes: {message}; skipped")
    left = ", ".join(f"{k} {v}" for k, v in sorted(skipped.reasons.items()))
    typer.echo(f"{n} annotated sentences -> {out}" + (f" (left out: {left})" if left else ""))
    if skipped.bad:
        _err(f"minutes: {len(skipped.bad)} bad tasks skipped (--strict writes nothing when any task is bad)")


def _as_of(value: Optional[str]):
    """--as-of as a date (today when absent); a bad date is a usage error, not a traceback."""
    from datetime import date

    try:
        return date.fromisoformat(value) if value else date.today()
    except ValueError:
        _err(f"minutes: --as-of {value!r} is not a date like 2025-01-31")
        raise typer.Exit(2)


@app.command()
def register(
    out: Path = typer.Argument(..., help="Folder that `minutes extract` wrote its tables to."),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="YYYY-MM-DD to judge 'overdue' at (default today)."),
) -> None:
    """Follow every action to its latest update: OUT/register.csv and OUT/owners.csv."""
    from pipeline.register import TablesNotFound, write_register

    try:
        rows, paths = write_register(out, _as_of(as_of))
    except TablesNotFound as e:
        _err(f"minutes: {e}")
        raise typer.Exit(2)
    n_open = sum(r.status not in ("discharged", "closed") for r in rows)
    typer.echo(f"{len(rows)} actions: {n_open} open, {sum(r.overdue == 'true' for r in rows)} overdue; "
               + ", ".join(str(p) for p in paths))


@app.command()
def report(
    out: Path = typer.Argument(..., help="Folder that `minutes extract` wrote its tables to."),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="YYYY-MM-DD to judge 'overdue' at (default today)."),
) -> None:
    """One static HTML page, OUT/report.html: timeline, actions per officer, highlighted sentences."""
    from pipeline.register import TablesNotFound
    from pipeline.report import write_report

    try:
        typer.echo(str(write_report(out, _as_of(as_of))))
    except TablesNotFound as e:
        _err(f"minutes: {e}")
        raise typer.Exit(2)


@app.command()
def inspect(
    path: Path = typer.Argument(..., help="One minutes file (HTML, text, Markdown, PDF, Word); - reads standard input."),
    model: Optional[Path] = typer.Option(None, help="Model for the sentence labels (default: the shipped model)."),
    no_model: bool = typer.Option(False, "--no-model", help="Roles only, without sentence labels (no model loaded)."),
) -> None:
    """Print each line of the extracted text with the role it was given (title, attendance, heading,
    body, update, set aside as page furniture ...) and, for body lines, each sentence's label."""
    from pipeline.ingest import IngestError
    from pipeline.inspect_page import render

    nlp = None if no_model else _load(model)
    try:
        typer.echo(render(path, path.name if str(path) != "-" else "-", nlp), nl=False)
    except IngestError as e:
        _err(f"minutes: {e}")
        raise typer.Exit(1)


def main() -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    app()


if __name__ == "__main__":
    main()
