#!/usr/bin/env python3
"""Join two pipelines trained from the same config and vectors (different seeds) into one whose
sentence label is the average of both classifiers (pipeline/nlp/second_opinion.py): the first
pipeline keeps its tok2vec, NER and linkers; the second gives its text classifier, with its own copy
of its tok2vec, as ``textcat_b``. The entity ruler, which is not trained, takes its patterns afresh
from ``pipeline/nlp/rank_patterns.py``, so the joined pipeline has the current rank vocabulary.
Usage: python scripts/join_models.py FIRST SECOND --out models/minutes-default
"""
from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

from pipeline.models import load_model
from pipeline.nlp.rank_patterns import rank_patterns


def join(first: Path, second: Path, out: Path) -> None:
    nlp = load_model(first)
    other = load_model(second)
    if nlp.vocab.vectors.to_bytes() != other.vocab.vectors.to_bytes():
        raise SystemExit("the two pipelines were trained with different static vectors: train both on one set")
    other.replace_listeners("tok2vec", "textcat", ["model.tok2vec"])
    nlp.add_pipe("minutes_cats_stash", after="textcat")
    nlp.add_pipe("textcat", name="textcat_b", source=other, after="minutes_cats_stash")
    nlp.add_pipe("minutes_cats_average", after="textcat_b")
    ruler = nlp.get_pipe("entity_ruler")
    ruler.clear()
    ruler.add_patterns(rank_patterns())
    info = dict(nlp.meta.get("minutes_miner", {}))
    info["joined"] = {"first": str(first), "second": str(second),
                      "second_seed": (other.meta.get("minutes_miner", {}).get("overrides") or {}).get("system.seed")}
    nlp.meta["minutes_miner"] = info
    staged = out.with_name(out.name + ".new")
    shutil.rmtree(staged, ignore_errors=True)
    nlp.to_disk(staged)
    if out.exists():
        shutil.rmtree(out)
    staged.rename(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("first", type=Path)
    ap.add_argument("second", type=Path)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    join(args.first, args.second, args.out)
    print(json.dumps({"out": str(args.out), "pipeline": load_model(args.out).pipe_names}))


if __name__ == "__main__":
    main()
