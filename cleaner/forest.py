"""Gradient-boosted trees as flat arrays, and their numpy inference.

A stage of the block model can be a sum of small regression trees (fitted by scikit-learn's
HistGradientBoostingClassifier in train/fit.py) instead of a perceptron. Every node of every tree
sits in one set of arrays; a leaf points to itself, so a row that reached its leaf early stays
there while the others walk on, and all rows and all trees step down one level at a time. Only
numpy is imported here.

The shipped block model is perceptrons: trees were measured against them and did not gain enough
(train/README.md, "Boosted trees for the block model"). This module lets `train_blocks.py
--trees` fit, save and score them, and `BlockModel.load` read such a file. Walking 300 trees
of 31 leaves this way costs about 17 ms a page of 250 blocks (a walk in C, tried, 1.5 ms; the
perceptrons 0.4 ms): a tree model to ship would need a compiled walk.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# Logits are clipped to this before the logistic function (see Forest.proba).
LOGIT_CLIP = 50.0


@dataclass(frozen=True)
class Forest:
    """Trees over raw features: a row goes left at a node when its value at `feature` is at most
    `threshold`; the logit is `base` plus the value of the leaf it reaches in each tree."""

    feature: np.ndarray     # int32, per node (0 at a leaf)
    threshold: np.ndarray   # float64, per node (+inf at a leaf: every row goes "left", to itself)
    left: np.ndarray        # int32, per node (the node itself at a leaf)
    right: np.ndarray       # int32, per node (the node itself at a leaf)
    value: np.ndarray       # float64, per node (the leaf's share of the logit; 0 elsewhere)
    roots: np.ndarray       # int32, each tree's first node
    depth: int              # the deepest leaf's depth: the levels every row walks
    base: float             # the logit before any tree

    def logit(self, x: np.ndarray) -> np.ndarray:
        rows = np.ascontiguousarray(x, dtype=np.float64)
        n = len(rows)
        flat = rows.ravel()
        offsets = (np.arange(n, dtype=np.intp) * rows.shape[1])[:, None]
        node = np.broadcast_to(self.roots, (n, len(self.roots))).copy()
        for _ in range(self.depth):
            goes_left = flat[offsets + self.feature[node]] <= self.threshold[node]
            node = np.where(goes_left, self.left[node], self.right[node])
        return self.base + self.value[node].sum(axis=1)

    def proba(self, x: np.ndarray) -> np.ndarray:
        if not len(x):
            return np.zeros(0)
        # a pure leaf's value can be hundreds: clipped, exp cannot overflow, and a probability
        # within 1e-20 of 0 or 1 is the same verdict
        return 1.0 / (1.0 + np.exp(-np.clip(self.logit(x), -LOGIT_CLIP, LOGIT_CLIP)))

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        return {f"{prefix}_kind": np.array("trees"), f"{prefix}_feature": self.feature,
                f"{prefix}_threshold": self.threshold, f"{prefix}_left": self.left,
                f"{prefix}_right": self.right, f"{prefix}_value": self.value,
                f"{prefix}_roots": self.roots, f"{prefix}_depth": np.array(self.depth),
                f"{prefix}_base": np.array(self.base)}

    @classmethod
    def from_arrays(cls, data, prefix: str) -> "Forest":
        return cls(feature=data[f"{prefix}_feature"].astype(np.int32),
                   threshold=data[f"{prefix}_threshold"].astype(np.float64),
                   left=data[f"{prefix}_left"].astype(np.int32),
                   right=data[f"{prefix}_right"].astype(np.int32),
                   value=data[f"{prefix}_value"].astype(np.float64),
                   roots=data[f"{prefix}_roots"].astype(np.int32),
                   depth=int(data[f"{prefix}_depth"]), base=float(data[f"{prefix}_base"]))

    @classmethod
    def from_sklearn(cls, clf) -> "Forest":
        """The trees of a fitted binary HistGradientBoostingClassifier (numeric features, no
        missing values), as flat arrays giving the same `decision_function`."""
        parts: dict[str, list] = {k: [] for k in ("feature", "threshold", "left", "right", "value")}
        roots, depth, start = [], 0, 0
        for (tree,) in clf._predictors:
            nodes = tree.nodes
            if nodes["is_categorical"].any():
                raise ValueError("categorical splits are not supported")
            leaf = nodes["is_leaf"].astype(bool)
            own = np.arange(len(nodes)) + start
            parts["feature"].append(np.where(leaf, 0, nodes["feature_idx"]))
            parts["threshold"].append(np.where(leaf, np.inf, nodes["num_threshold"]))
            parts["left"].append(np.where(leaf, own, nodes["left"] + start))
            parts["right"].append(np.where(leaf, own, nodes["right"] + start))
            parts["value"].append(np.where(leaf, nodes["value"], 0.0))
            roots.append(start)
            depth = max(depth, int(nodes["depth"].max()))
            start += len(nodes)
        return cls(feature=np.concatenate(parts["feature"]).astype(np.int32),
                   threshold=np.concatenate(parts["threshold"]).astype(np.float64),
                   left=np.concatenate(parts["left"]).astype(np.int32),
                   right=np.concatenate(parts["right"]).astype(np.int32),
                   value=np.concatenate(parts["value"]).astype(np.float64),
                   roots=np.array(roots, dtype=np.int32), depth=depth,
                   base=float(np.ravel(clf._baseline_prediction)[0]))
