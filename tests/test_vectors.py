"""The ridge map that carries isolated-word MiniLM states into the pooled contextual space."""
import numpy as np

from pipeline.training.vectors import _ridge_map


def test_ridge_map_recovers_a_linear_map_and_applies_it_to_words_outside_the_fit():
    rng = np.random.default_rng(0)
    true_map, bias = rng.normal(size=(8, 8)), rng.normal(size=8)
    source = {f"w{i}": rng.normal(size=8) for i in range(5000)}
    target = {k: v @ true_map + bias for k, v in list(source.items())[:4000]}   # w4000.. not fitted
    mapped = _ridge_map(source, target)
    for k in ("w10", "w4200", "w4999"):
        expected = source[k] @ true_map + bias
        assert np.allclose(mapped(source[k]), expected, atol=0.05 * np.abs(expected).max())


def test_ridge_map_ignores_target_words_without_a_source_state():
    rng = np.random.default_rng(1)
    source = {f"w{i}": rng.normal(size=4) for i in range(2000)}
    target = {k: 2 * v for k, v in source.items()}
    outlier = {**target, "zzz": np.full(4, 1e6)}   # no source state: must not enter the fit
    probe = np.ones(4)
    assert np.allclose(_ridge_map(source, outlier)(probe), _ridge_map(source, target)(probe))
