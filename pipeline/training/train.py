"""``minutes train``: training data -> DocBin -> spaCy's own training on ``config.cfg`` -> a model
folder whose meta records the data it saw (hash and files), the base it was fine-tuned from (if
any) and its accuracy on the dev split."""
from __future__ import annotations

import json
import shutil
import tempfile
import time
from pathlib import Path

from pipeline.nlp.tokenizer import blank_nlp
from pipeline.training.convert import convert
from pipeline.training.data import data_files, data_hash
from pipeline.training.trf import transformer_overrides
from pipeline.training.vectors import vector_overrides
from pipeline.training.finetune import (FINETUNE_IMPORTED_SHARE, FINETUNE_LEARN_RATE, FINETUNE_MAX_STEPS,
                                        WRITTEN_LAYOUT, WRITTEN_SHARE, base_info, finetune_config,
                                        upsample)


def _loop_overrides(config: Path, overrides: dict) -> dict:
    """spaCy keeps the best of its evaluations, taken every ``eval_frequency`` steps from step 0:
    with fewer steps than that, 'best' would be the model after one step. Evaluate at the end too."""
    from spacy.util import load_config

    steps = overrides.get("training.max_steps") or load_config(config)["training"]["max_steps"]
    freq = overrides.get("training.eval_frequency") or load_config(config)["training"]["eval_frequency"]
    return {"training.eval_frequency": min(freq, steps), **overrides} if steps else overrides


def train(config: Path, data_dir: Path, output: Path, *, overrides: dict | None = None,
          evaluate: bool = True, base: Path | None = None, imported_share: float | None = None) -> dict:
    """From scratch, or with ``base`` fine-tuned from a trained pipeline (fewer steps, lower
    learn rate unless ``overrides`` say otherwise); the analysts' imported sentences are repeated
    to make up ``imported_share`` of the train corpus (default: 0.3 with ``base``, else as they are)."""
    import spacy
    from spacy.cli.train import train as spacy_train

    import pipeline.nlp.due_dates  # noqa: F401  (register our factories for the config)
    import pipeline.nlp.owner_linker  # noqa: F401
    import pipeline.nlp.rank_patterns  # noqa: F401

    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        counts = convert(blank_nlp(), data_dir, corpus)
        if imported_share is None:
            imported_share = FINETUNE_IMPORTED_SHARE if base is not None else 0.0
        counts["written_repeats"] = upsample(blank_nlp(), data_dir, corpus / "train.spacy", WRITTEN_SHARE,
                                             WRITTEN_LAYOUT)
        counts["imported_repeats"] = upsample(blank_nlp(), data_dir, corpus / "train.spacy", imported_share)
        overrides = dict(overrides or {})
        if base is None:  # MiniLM from its pip package (static vectors, or the transformer), built here, offline
            built = {} if "paths.vectors" in overrides else vector_overrides(config, data_dir, Path(tmp))
            overrides = {**built, **transformer_overrides(config, Path(tmp)), **overrides}
        run_config = config
        if base is not None:
            run_config = Path(tmp) / "finetune.cfg"
            finetune_config(config, base).to_disk(run_config)
            overrides = {"training.max_steps": FINETUNE_MAX_STEPS,
                         "training.optimizer.learn_rate": FINETUNE_LEARN_RATE, **overrides}
        runs = Path(tmp) / "runs"
        spacy_train(run_config, runs, overrides={"paths.train": str(corpus / "train.spacy"),
                                                 "paths.dev": str(corpus / "dev.spacy"),
                                                 **_loop_overrides(run_config, overrides)})
        staged = output.with_name(output.name + ".new")
        shutil.rmtree(staged, ignore_errors=True)
        shutil.copytree(runs / "model-best", staged)
    seconds = round(time.perf_counter() - start, 1)

    info = {"data_hash": data_hash(data_dir), "data_files": [p.name for p in data_files(data_dir)],
            "docs": counts, "config": Path(config).name, "training_seconds": seconds,
            "base": base_info(base) if base is not None else None, "imported_share": imported_share,
            "overrides": {k: v for k, v in overrides.items() if not k.startswith("paths.")}}
    if evaluate:
        from pipeline.training.evaluate import evaluate_pages, evaluate_sentences

        nlp = spacy.load(staged)
        info["dev_sentences"] = evaluate_sentences(nlp, data_dir)
        info["dev_pages"] = evaluate_pages(nlp, data_dir)
    meta_path = staged / "meta.json"
    meta = json.loads(meta_path.read_text())
    meta["name"] = output.name.replace("-", "_")
    meta["version"] = meta.get("version", "0.0.0")
    meta["minutes_miner"] = info
    meta_path.write_text(json.dumps(meta, indent=2))
    if output.exists():
        shutil.rmtree(output)
    staged.rename(output)
    return info
