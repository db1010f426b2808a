"""The shipped HTML block model: two small perceptrons over the page's candidate blocks
(cleaner/html/blocks.py). Stage one judges a block from its DOM features and its neighbours';
stage two also sees stage one's verdicts around it, so a short line inside a run of body is kept
and a lone paragraph inside a menu is not. Weights load once, lazily, thread-safe; inference is a
few numpy matrix products per page. Trained by train/train_blocks.py."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..forest import Forest
from ..model import Mlp, packaged
from .blocks import feature_count, stacked

MODEL_RESOURCE = "models/blocks.npz"
# A block is kept when stage two's probability of body reaches this.
THRESHOLD = 0.5


@dataclass(frozen=True)
class BlockModel:
    first: Mlp | Forest
    second: Mlp | Forest

    def proba(self, x: np.ndarray) -> np.ndarray:
        """Probability that each block (one feature row each, in page order) is body."""
        if not len(x):
            return np.zeros(0)
        return self.second.proba(stacked(self.first.proba(x)))

    def save(self, path) -> None:
        np.savez_compressed(path, **self.first.arrays("first"), **self.second.arrays("second"),
                            inputs=np.array(feature_count()))

    @classmethod
    def load(cls, source) -> "BlockModel":
        with np.load(source, allow_pickle=False) as data:
            if int(data["inputs"]) != feature_count():
                raise ValueError("block model was trained on other features; retrain it")
            return cls(first=_stage(data, "first"), second=_stage(data, "second"))


def _stage(data, prefix: str) -> Mlp | Forest:
    """A stage saved by `BlockModel.save`: trees when its `kind` says so, else a perceptron (the
    files of before trees had no `kind`)."""
    kind = f"{prefix}_kind"
    if kind in data and str(data[kind]) == "trees":
        return Forest.from_arrays(data, prefix)
    return Mlp.from_arrays(data, prefix)


shipped_model = packaged(MODEL_RESOURCE, BlockModel.load)
