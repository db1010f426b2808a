"""Fitting one perceptron of a shipped model (line or block) with scikit-learn, exported to the
numpy `Mlp` the package runs. Shared by both training scripts so the two models are fitted alike."""
from __future__ import annotations

import warnings

import numpy as np
from sklearn.neural_network import MLPClassifier

from cleaner.model import Mlp


def fit_mlp(x: np.ndarray, y: np.ndarray, w: np.ndarray, hidden: tuple[int, ...], *, epochs: int,
            l2: float, seed: int, max_rows: int | None = None) -> Mlp:
    """A ReLU perceptron on standardised, clipped inputs, each row weighted by `w` (rescaled to a
    mean of 1); trained for a fixed number of epochs (seeded: a rerun gives the same model), on a
    random `max_rows` of the rows when there are more."""
    if max_rows is not None and len(x) > max_rows:
        pick = np.random.default_rng(seed).choice(len(x), max_rows, replace=False)
        x, y, w = x[pick], y[pick], w[pick]
    x = x.astype(np.float64)
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
