#!/usr/bin/env python3
"""Build the static word vectors the default pipeline trains with (see pipeline/training/vectors.py),
for training by hand with `python -m spacy train config.cfg --paths.vectors vectors/minilm ...`.
`minutes train` builds them itself.

Usage: python scripts/build_vectors.py [--out vectors/minilm] [--data training_data]   (needs the trf extra)
"""
from __future__ import annotations

import argparse
from pathlib import Path

from pipeline.training.vectors import build_vectors

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=REPO / "vectors" / "minilm")
    ap.add_argument("--data", type=Path, default=REPO / "training_data")
    args = ap.parse_args()
    print(f"vectors in {build_vectors(args.out, args.data)}")


if __name__ == "__main__":
    main()
