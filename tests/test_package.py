"""The package installs like a real one: the wheel holds every module and the default model, and
the model is found wherever the package is installed, not only in a checkout."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from conftest import MODEL, REPO

PACKAGES = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"]


def test_every_pipeline_package_is_listed_for_the_wheel():
    """pyproject.toml names the packages (a mapped model folder rules out `find`): a new subpackage
    must be added there or it is missing from every install."""
    on_disk = {".".join(p.parent.relative_to(REPO).parts) for p in (REPO / "pipeline").rglob("*.py")}
    assert on_disk <= set(PACKAGES), sorted(on_disk - set(PACKAGES))


def test_model_location_order(monkeypatch, tmp_path):
    import pipeline.models as models

    monkeypatch.delenv("MINUTES_MODEL", raising=False)
    assert models.default_model_path() == models.DEFAULT_MODEL  # a checkout's own model first
    monkeypatch.setattr(models, "DEFAULT_MODEL", tmp_path / "absent")
    installed = models.installed_model_path()
    assert installed is not None and (installed / "meta.json").exists()
    assert models.default_model_path() == installed  # then the copy installed with the package
    monkeypatch.setenv("MINUTES_MODEL", str(tmp_path))
    assert models.default_model_path() == tmp_path  # the environment overrides both


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel, built from a clean copy of the sources (so no stale build/ folder rides along)."""
    if not (MODEL / "meta.json").exists():
        pytest.skip(f"no trained model at {MODEL}")
    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, src / name)
    shutil.copytree(REPO / "pipeline", src / "pipeline", ignore=ignore)
    shutil.copytree(MODEL, src / "models" / MODEL.name, ignore=ignore)
    res = subprocess.run([sys.executable, "-m", "pip", "wheel", str(src), "--no-deps", "-q", "-w", str(tmp / "dist")],
                         capture_output=True, text=True)
    if res.returncode != 0:
        pytest.skip(f"cannot build a wheel here (pip wheel needs setuptools>=68 from the package index): "
                    f"{res.stderr.strip()[-300:]}")
    return next((tmp / "dist").glob("minutes_miner-*.whl"))


def test_wheel_holds_every_module_and_the_whole_model(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    modules = {p.relative_to(REPO).as_posix() for p in (REPO / "pipeline").rglob("*.py")}
    assert modules <= names, sorted(modules - names)
    assert "pipeline/templates/report.html.j2" in names
    model_files = {f"minutes_models/{MODEL.name}/{p.relative_to(MODEL).as_posix()}"
                   for p in MODEL.rglob("*") if p.is_file()}
    assert model_files and model_files <= names, sorted(model_files - names)
    assert {n for n in names if n.startswith("minutes_models/")} == model_files  # nothing but the model
    entry_points = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("entry_points.txt"))).decode()
    assert "minutes = pipeline.cli:main" in entry_points and "minutes_owner_linker" in entry_points


def test_unpacked_wheel_finds_its_own_model_and_extracts(wheel, tmp_path):
    """The wheel's files alone, away from the checkout: the default model is the one inside it, spaCy
    loads it by path, and the Python API extracts a page."""
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    page = tmp_path / "page.txt"
    shutil.copy(REPO / "tests" / "fixtures" / "bullets.txt", page)
    code = (
        "import sys, spacy, pipeline\n"
        "from pipeline.models import default_model_path\n"
        "path = default_model_path()\n"
        f"assert str(path).startswith({str(site)!r}), path\n"
        f"assert pipeline.__file__.startswith({str(site)!r}), pipeline.__file__\n"
        "nlp = spacy.load(path)\n"
        "assert {'ner', 'textcat', 'minutes_owner_linker'} <= set(nlp.pipe_names), nlp.pipe_names\n"
        f"print(len(pipeline.extract_tables([{str(page)!r}], model=nlp)['actions']))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    env.pop("MINUTES_MODEL", None)
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, env=env)
    assert res.returncode == 0, res.stderr[-2000:]
    assert int(res.stdout.strip()) >= 2
