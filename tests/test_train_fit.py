"""Training's ensemble merge (train/fit.py): several perceptrons shipped as one network."""
from __future__ import annotations


import numpy as np
import pytest

from cleaner.model import Mlp
from tests.helpers import ROOT, load_script

fit = load_script(ROOT / "train" / "fit.py")


def member(rng: np.random.Generator, mean: np.ndarray, scale: np.ndarray) -> Mlp:
    shapes = [(len(mean), 6), (6, 4), (4, 1)]
    return Mlp(mean=mean, scale=scale, weights=tuple(rng.normal(scale=0.5, size=s) for s in shapes),
               biases=tuple(rng.normal(size=s[1]) for s in shapes))


def logit(p: np.ndarray) -> np.ndarray:
    return np.log(p / (1 - p))


def test_merged_network_averages_the_members_logits():
    rng = np.random.default_rng(7)
    mean, scale = rng.normal(size=5), rng.uniform(0.5, 2.0, size=5)
    members = [member(rng, mean, scale) for _ in range(3)]
    x = rng.normal(size=(200, 5)) * 3
    merged = fit.merge(members)
    expected = np.mean([logit(m.proba(x)) for m in members], axis=0)
    assert merged.weights[0].shape == (5, 18) and merged.weights[1].shape == (18, 12)
    assert np.allclose(merged.proba(x), 1 / (1 + np.exp(-expected)), atol=1e-5)
    # a member's hidden units never feed another member's
    assert not merged.weights[1][:6, 4:].any() and not merged.weights[1][6:, :4].any()


def test_one_member_is_itself_and_mismatched_inputs_are_refused():
    rng = np.random.default_rng(8)
    mean, scale = rng.normal(size=5), np.ones(5)
    one = member(rng, mean, scale)
    assert fit.merge([one]) is one
    with pytest.raises(ValueError, match="standardise"):
        fit.merge([one, member(rng, mean + 1, scale)])


def test_a_member_restandardised_computes_the_same_and_then_merges():
    # seeds' second stages standardise their inputs (each seed's own verdicts) a little apart
    rng = np.random.default_rng(9)
    mean, scale = rng.uniform(0.2, 0.8, size=5), rng.uniform(0.2, 0.4, size=5)
    one = member(rng, mean, scale)
    other = member(rng, mean + 0.01, scale * 1.05)
    x = rng.uniform(0, 1, size=(200, 5))   # within both members' clip bounds
    moved = fit.restandardised(other, one)
    assert np.array_equal(moved.mean, one.mean) and np.array_equal(moved.scale, one.scale)
    assert np.allclose(moved.proba(x), other.proba(x), atol=1e-5)
    assert fit.restandardised(one, one) is one
    merged = fit.merge([one, moved])
    expected = (logit(one.proba(x)) + logit(other.proba(x))) / 2
    assert np.allclose(merged.proba(x), 1 / (1 + np.exp(-expected)), atol=1e-4)


def test_inference_multiplies_a_merged_networks_diagonal_blocks_only():
    rng = np.random.default_rng(9)
    mean, scale = rng.normal(size=5), np.ones(5)
    members = [member(rng, mean, scale) for _ in range(3)]
    merged, dense = fit.merge(members), members[0]
    (blocks, _), = merged._hidden
    assert blocks.shape == (3, 6, 4)       # the three members' own hidden layers
    assert dense._hidden[0][0].shape == (6, 4)  # a dense layer stays one matrix
    x = rng.normal(size=(50, 5))
    h = np.maximum(x.astype(np.float32) @ merged._first + merged._first_bias, 0)
    full = h @ merged.weights[1].astype(np.float32)
    assert np.allclose(model_times(h, blocks), full, atol=1e-5)


def model_times(h, w):
    from cleaner.model import _times
    return _times(np.ascontiguousarray(h), w)


def test_column_stats_match_numpy_over_chunks_and_spare_constant_columns():
    rng = np.random.default_rng(10)
    x = (rng.normal(size=(2_503, 4)) * [1, 3, 0, 0.01] + [0, 5, 2, -1]).astype(np.float32)
    mean, scale = fit.column_stats(x, chunk=500)   # five full chunks and a short one
    exact = x.astype(np.float64)
    assert np.allclose(mean, exact.mean(axis=0), rtol=0, atol=1e-12)
    assert np.allclose(scale[[0, 1, 3]], exact.std(axis=0)[[0, 1, 3]], rtol=1e-12)
    assert scale[2] == 1.0   # a constant input is not divided by zero


def test_members_on_different_samples_share_the_whole_rows_standardisation():
    pytest.importorskip("sklearn", reason="fitting needs the train extra (scikit-learn)")
    rng = np.random.default_rng(11)
    x = rng.normal(size=(3_000, 4)) * [1, 2, 3, 4]
    y = (x[:, 0] + x[:, 1] > 0).astype(int)
    merged = fit.fit_ensemble(x, y, np.ones(len(x)), (4,), epochs=2, l2=1e-4, seeds=(1, 2, 3),
                              max_rows=1_000)
    mean, scale = fit.column_stats(x)
    assert np.array_equal(merged.mean, mean) and np.array_equal(merged.scale, scale)
    assert merged.weights[0].shape == (4, 12)
    # each member drew its own thousand rows: refitting one alone on the same standardisation
    # gives the merged network's first-layer columns for that member
    second = fit.fit_mlp(x, y, np.ones(len(x)), (4,), epochs=2, l2=1e-4, seed=2, max_rows=1_000,
                         standardise=(mean, scale))
    assert np.allclose(merged.weights[0][:, 4:8], second.weights[0])


def test_fitted_trees_are_seeded_and_learn_the_rows():
    pytest.importorskip("sklearn", reason="scikit-learn (the test extra) is not installed")
    rng = np.random.default_rng(3)
    x = rng.normal(size=(3000, 6))
    y = (x[:, 0] * x[:, 1] > 0).astype(int)      # no perceptron's single layer draws this line
    w = rng.uniform(1, 20, size=3000)
    kw = dict(iterations=30, leaves=15, rate=0.2, max_rows=2000)
    a, b = fit.fit_trees(x, y, w, seed=1, **kw), fit.fit_trees(x, y, w, seed=1, **kw)
    other = fit.fit_trees(x, y, w, seed=2, **kw)
    np.testing.assert_array_equal(a.logit(x), b.logit(x))
    assert not np.array_equal(a.logit(x), other.logit(x))    # another sample of 2,000 rows
    assert ((a.proba(x) >= 0.5) == y).mean() > 0.9
