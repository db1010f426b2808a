"""Fitting one stage of a shipped model (line or block) with scikit-learn, exported to what the
package runs: a perceptron (`Mlp`) or gradient-boosted trees (`Forest`). Shared by both training
scripts so the two models are fitted alike."""
from __future__ import annotations

import warnings

import numpy as np

from cleaner.forest import Forest
from cleaner.model import Mlp


def fit_mlp(x: np.ndarray, y: np.ndarray, w: np.ndarray, hidden: tuple[int, ...], *, epochs: int,
            l2: float, seed: int, max_rows: int | None = None,
            standardise: tuple[np.ndarray, np.ndarray] | None = None) -> Mlp:
    """A ReLU perceptron on standardised, clipped inputs, each row weighted by `w` (rescaled to a
    mean of 1); trained for a fixed number of epochs (seeded: a rerun gives the same model), on a
    random `max_rows` of the rows when there are more. `standardise` (mean, scale) replaces the
    fitted rows' own, so members fitted on different samples can be merged."""
    from sklearn.neural_network import MLPClassifier  # the train extra; merge() needs numpy only

    if max_rows is not None and len(x) > max_rows:
        pick = np.random.default_rng(seed).choice(len(x), max_rows, replace=False)
        x, y, w = x[pick], y[pick], w[pick]
    x = x.astype(np.float64)
    if standardise is not None:
        mean, scale = standardise
    else:
        mean = x.mean(axis=0)
        scale = x.std(axis=0)
        scale[scale < 1e-9] = 1.0
    z = np.clip((x - mean) / scale, -6, 6)
    clf = MLPClassifier(hidden_layer_sizes=hidden, alpha=l2, batch_size=1024, max_iter=epochs,
                        learning_rate_init=2e-3, random_state=seed, shuffle=True, tol=0,
                        n_iter_no_change=epochs + 1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        clf.fit(z, y, sample_weight=w * len(w) / w.sum())
    return Mlp(mean=mean, scale=scale, weights=tuple(clf.coefs_), biases=tuple(clf.intercepts_))


def fit_ensemble(x: np.ndarray, y: np.ndarray, w: np.ndarray, hidden: tuple[int, ...], *, epochs: int,
                 l2: float, seeds: tuple[int, ...], max_rows: int | None = None) -> Mlp:
    """`fit_mlp` once per seed, merged into one `Mlp` that averages the members' logits (see
    `merge`): a perceptron's verdict on a site it never saw depends on its random start and
    batch order, and the average of a few is steadier than any one of them. With `max_rows`,
    each member fits its own random sample (its seed's), all standardised by the whole rows'
    statistics, so together they see more rows than any one of them."""
    shared = column_stats(x) if len(seeds) > 1 and max_rows is not None and len(x) > max_rows else None
    return merge([fit_mlp(x, y, w, hidden, epochs=epochs, l2=l2, seed=seed, max_rows=max_rows,
                          standardise=shared) for seed in seeds])


def column_stats(x: np.ndarray, chunk: int = 100_000) -> tuple[np.ndarray, np.ndarray]:
    """Each column's mean and standard deviation (1 where a column is constant), in float64 a
    chunk of rows at a time: a million blocks' features need no float64 copy of the whole."""
    total = np.zeros(x.shape[1])
    for start in range(0, len(x), chunk):
        total += x[start:start + chunk].sum(axis=0, dtype=np.float64)
    mean = total / len(x)
    squares = np.zeros(x.shape[1])
    for start in range(0, len(x), chunk):
        squares += ((x[start:start + chunk].astype(np.float64) - mean) ** 2).sum(axis=0)
    scale = np.sqrt(squares / len(x))
    scale[scale < 1e-9] = 1.0
    return mean, scale


def merge(members: list[Mlp]) -> Mlp:
    """One perceptron computing the mean of the members' logits: their first layers side by side,
    each deeper layer block-diagonal (a member's units see only that member's units), and the
    output the members' outputs averaged. The same arithmetic in the same number of matrix
    products at run time, so the package's inference needs no change. The members must share
    their standardisation (fitted on the same rows, they do)."""
    if len(members) == 1:
        return members[0]
    first = members[0]
    for m in members[1:]:
        if not (np.array_equal(m.mean, first.mean) and np.array_equal(m.scale, first.scale)):
            raise ValueError("ensemble members standardise their inputs differently")
    k = len(members)
    weights = [np.hstack([m.weights[0] for m in members])]
    weights += [_block_diagonal([m.weights[i] for m in members]) for i in range(1, len(first.weights) - 1)]
    weights.append(np.vstack([m.weights[-1] for m in members]) / k)
    biases = [np.concatenate([m.biases[i] for m in members]) for i in range(len(first.biases) - 1)]
    biases.append(np.mean([m.biases[-1] for m in members], axis=0))
    return Mlp(mean=first.mean, scale=first.scale, weights=tuple(weights), biases=tuple(biases))


def restandardised(member: Mlp, like: Mlp) -> Mlp:
    """`member` computing the same function on inputs standardised as `like`'s: its first layer
    rescaled, W' = diag(s'/s) W, b' = b + ((m' - m) / s) W (the input clip's bounds become
    `like`'s, the one difference). Models of different seeds standardise their second stage's
    inputs, each seed's own out-of-fold verdicts, a little differently; so they can be merged."""
    if np.array_equal(member.mean, like.mean) and np.array_equal(member.scale, like.scale):
        return member
    first = member.weights[0] * (like.scale / member.scale)[:, None]
    bias = member.biases[0] + ((like.mean - member.mean) / member.scale) @ member.weights[0]
    return Mlp(mean=like.mean, scale=like.scale, weights=(first, *member.weights[1:]),
               biases=(bias, *member.biases[1:]))


def _block_diagonal(blocks: list[np.ndarray]) -> np.ndarray:
    out = np.zeros((sum(b.shape[0] for b in blocks), sum(b.shape[1] for b in blocks)))
    r = c = 0
    for b in blocks:
        out[r:r + b.shape[0], c:c + b.shape[1]] = b
        r, c = r + b.shape[0], c + b.shape[1]
    return out


def fit_trees(x: np.ndarray, y: np.ndarray, w: np.ndarray, *, iterations: int, leaves: int,
              rate: float, seed: int, max_rows: int | None = None,
              max_depth: int | None = None) -> Forest:
    """Gradient-boosted trees on the raw features, each row weighted by `w` (rescaled to a mean
    of 1), exported to the numpy `Forest` the package runs: a fixed number of iterations, no early
    stopping and a seed (a rerun gives the same trees), on a random `max_rows` of the rows when
    there are more."""
    from sklearn.ensemble import HistGradientBoostingClassifier  # the train extra

    if max_rows is not None and len(x) > max_rows:
        pick = np.random.default_rng(seed).choice(len(x), max_rows, replace=False)
        x, y, w = x[pick], y[pick], w[pick]
    clf = HistGradientBoostingClassifier(max_iter=iterations, max_leaf_nodes=leaves,
                                         learning_rate=rate, max_depth=max_depth,
                                         early_stopping=False, random_state=seed)
    clf.fit(x.astype(np.float64), y, sample_weight=w * len(w) / w.sum())
    return Forest.from_sklearn(clf)
