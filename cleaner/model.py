"""The shipped line model: loading its weights (once, lazily, thread-safe) and inference (C or numpy).

The model has two stages, each a small multi-layer perceptron: the first judges a line from its
own features and its neighbours', the second also sees the first stage's verdicts around it.
A perceptron was chosen over tree ensembles for speed: a page is two or three matrix products
per stage (a few tens of microseconds), where walking hundreds of trees for every line costs
milliseconds. The C forward pass (cleaner/_c/mlpforward.c) runs them when it is built, numpy
otherwise. Only numpy and the standard library are imported here.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from typing import BinaryIO, TypeVar

import numpy as np

from . import accel
from .blas import one_blas_thread
from .features import Lexicon
from .lines import FLOAT64

T = TypeVar("T")

MODEL_RESOURCE = "models/lines.npz"
# Standardised inputs are clipped to this many standard deviations: a freak line (a 50 kB blob)
# must not push the network far outside what it was trained on.
INPUT_CLIP = 6.0
# The most networks a merged ensemble's deeper layers are searched for (`_diagonal_blocks`).
MAX_BLOCKS = 8


@dataclass(frozen=True)
class Mlp:
    """Standardise, then ReLU layers, then a logistic output."""

    mean: np.ndarray
    scale: np.ndarray
    weights: tuple[np.ndarray, ...]
    biases: tuple[np.ndarray, ...]

    def __post_init__(self) -> None:
        # Standardising is folded into the first layer and the clip done on raw values, which
        # is the same arithmetic in two fewer passes over the page. Inference runs in float32:
        # half the memory traffic of float64, and probabilities move by about 1e-6.
        first = self.weights[0] / self.scale[:, None]
        object.__setattr__(self, "_lo", (self.mean - INPUT_CLIP * self.scale).astype(np.float32))
        object.__setattr__(self, "_hi", (self.mean + INPUT_CLIP * self.scale).astype(np.float32))
        object.__setattr__(self, "_first", first.astype(np.float32))
        object.__setattr__(self, "_first_bias", (self.biases[0] - self.mean @ first).astype(np.float32))
        object.__setattr__(self, "_hidden", tuple((_diagonal_blocks(w.astype(np.float32)), b.astype(np.float32))
                                                  for w, b in zip(self.weights[1:-1], self.biases[1:-1])))
        object.__setattr__(self, "_out", self.weights[-1][:, 0].astype(np.float32))
        object.__setattr__(self, "_out_bias", np.float32(self.biases[-1][0]))
        object.__setattr__(self, "_layers", _forward_layers(self._first, self._first_bias, self._hidden))
        # Where the arrays the C forward pass reads lie: prefetched while a page's features are
        # worked out (features.page_rows).
        object.__setattr__(self, "spans", memory_spans(self._lo, self._hi, self._out,
                                                *(a for layer in self._layers for a in layer)))

    def __reduce__(self):
        # Pickled as its fields and rebuilt, so the derived arrays and `spans` (addresses in this
        # process) are made again where it is unpickled (a batch's worker, a Dask worker).
        return Mlp, (self.mean, self.scale, self.weights, self.biases)

    def proba(self, x: np.ndarray) -> np.ndarray:
        """The probability of each row of x (a line or block a row, a feature a column)."""
        return self.proba_rows(x.T)

    def proba_rows(self, rows: np.ndarray, c_order: bool = False) -> np.ndarray:
        """proba() of features given a feature a row, as the text path builds them (no transposed
        view made and undone a page: numpy code nothing else on the page runs). `c_order`: the
        caller made rows float64 in C order, so numpy is not asked (the C pass checks them)."""
        forward = accel.mlpforward
        if forward is not None and (c_order or rows.dtype == FLOAT64 and rows.flags.c_contiguous):
            # Every layer in one C pass, thirty-two lines at a time, their activations kept in the
            # first-level cache (numpy's ten calls a page each wrote a page-sized array). The
            # sums run in another order than OpenBLAS's: probabilities within 2e-6 of the numpy
            # lines below on both benchmarks' pages, and the same bodies (train/README.md). It
            # reads features built a feature a row, as the text path builds them; the HTML block
            # model's, a block a row, take numpy's path as before.
            p = np.empty(rows.shape[1])
            forward.proba(rows, self._lo, self._hi, self._layers, self._out, self._out_bias, p)
            return p
        x = rows.T
        # Cast first, then clip in float32: rounding to float32 keeps order, so this is exactly
        # float32(clip(x)) at half the cost of clipping in float64 into a float32 array. Lines as
        # rows in memory whatever x's layout (features are built a feature a row), so the matrix
        # product always sums in the same order and gives the same bits.
        fast = accel.mlpinput
        if fast is not None and rows.dtype == FLOAT64 and rows.flags.c_contiguous:
            clipped = np.empty(x.shape, dtype=np.float32)  # the same values in one pass, from C
            fast.clip_rows(rows, self._lo, self._hi, clipped)
        else:
            clipped = x.astype(np.float32, order="C")
            np.clip(clipped, self._lo, self._hi, out=clipped)
        with one_blas_thread():
            h = _relu(clipped @ self._first, self._first_bias, fast)
            for w, b in self._hidden:
                h = _relu(_times(h, w), b, fast)
            # The logistic in place, in the same float32 steps as 1 / (1 + exp(-z)) (so the
            # same bits), without a new array for each; np.dot calls BLAS without matmul's
            # iterator setup.
            z = np.dot(h, self._out)
        if fast is not None and z.flags.c_contiguous:
            # The same steps around numpy's exp in two C passes (numpy: five calls).
            fast.negated_sum(z, self._out_bias)
            np.exp(z, out=z)
            p = np.empty(len(z))
            fast.logistic_from_exp(z, p)
            return p
        z += self._out_bias
        np.negative(z, out=z)
        np.exp(z, out=z)
        z += 1.0
        np.reciprocal(z, out=z)
        return z.astype(np.float64)

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        out = {f"{prefix}_mean": self.mean, f"{prefix}_scale": self.scale,
               f"{prefix}_layers": np.array(len(self.weights))}
        for i, (w, b) in enumerate(zip(self.weights, self.biases)):
            out[f"{prefix}_w{i}"], out[f"{prefix}_b{i}"] = w, b
        return out

    @classmethod
    def from_arrays(cls, data, prefix: str) -> "Mlp":
        layers = int(data[f"{prefix}_layers"])
        return cls(mean=data[f"{prefix}_mean"], scale=data[f"{prefix}_scale"],
                   weights=tuple(data[f"{prefix}_w{i}"] for i in range(layers)),
                   biases=tuple(data[f"{prefix}_b{i}"] for i in range(layers)))


def memory_spans(*arrays: np.ndarray) -> tuple[int, ...]:
    """(address, bytes, address, bytes, ...) of C-contiguous arrays, for the C passes' prefetch
    hints (`ahead`). The arrays must live as long as the tuple is used; a prefetch of memory
    freed since cannot fault, it only wastes a cache line."""
    out: list[int] = []
    for a in arrays:
        out += (a.ctypes.data, a.nbytes)
    return tuple(out)


def _forward_layers(first: np.ndarray, first_bias: np.ndarray,
                    hidden: tuple) -> tuple[tuple[np.ndarray, np.ndarray], ...]:
    """The layers as the C forward pass reads them: each a (blocks, inputs, outputs) stack (a full
    matrix is one block) with its biases."""
    layers = [(first[None], first_bias)] + [(w if w.ndim == 3 else w[None], b) for w, b in hidden]
    return tuple((np.ascontiguousarray(w), np.ascontiguousarray(b)) for w, b in layers)


def _diagonal_blocks(w: np.ndarray) -> np.ndarray:
    """`w` as a stack of its diagonal blocks when it is block-diagonal, else `w` itself.

    An ensemble merged into one network (train/fit.py) has block-diagonal deeper layers: each
    network's units only feed its own. Multiplying by the blocks alone skips the zeros, a third
    of the work for three networks. The sums differ from the full product only in rounding.
    """
    rows, cols = w.shape
    for k in range(min(rows, cols, MAX_BLOCKS), 1, -1):
        if rows % k or cols % k:
            continue
        a, b = rows // k, cols // k
        blocks = np.stack([w[i * a:(i + 1) * a, i * b:(i + 1) * b] for i in range(k)])
        off = np.count_nonzero(w) - np.count_nonzero(blocks)
        if off == 0:
            return blocks
    return w


def _times(h: np.ndarray, w: np.ndarray) -> np.ndarray:
    """h @ w, where `w` is a full matrix or a stack of diagonal blocks (`_diagonal_blocks`)."""
    if w.ndim == 2:
        return h @ w
    k, a, b = w.shape
    # Each block's product written straight into its columns of the result (the same products,
    # so the same bits), sparing a copy of the whole result to put the blocks side by side.
    out = np.empty((len(h), k * b), dtype=np.result_type(h, w))
    np.matmul(h.reshape(len(h), k, a).transpose(1, 0, 2), w, out=out.reshape(len(h), k, b).transpose(1, 0, 2))
    return out


def _relu(h: np.ndarray, bias: np.ndarray, fast) -> np.ndarray:
    """max(h + bias, 0) in place: one C pass (the same float32 values) or two numpy calls."""
    if fast is not None and h.flags.c_contiguous:
        fast.bias_relu(h, bias)
    else:
        h += bias
        np.maximum(h, 0.0, out=h)
    return h


@dataclass(frozen=True)
class LineModel:
    """Both stages and the word weights their features use; `first` reads line features,
    `second` the stacked features."""

    first: Mlp
    second: Mlp
    lexicon: Lexicon

    def __post_init__(self) -> None:
        # Both stages' forward-pass arrays (`Mlp.spans`), for page_rows to prefetch.
        object.__setattr__(self, "spans", self.first.spans + self.second.spans)

    def __reduce__(self):
        # (as Mlp's: `spans` is made again from the unpickled stages)
        return LineModel, (self.first, self.second, self.lexicon)

    def save(self, path) -> None:
        np.savez_compressed(path, **self.first.arrays("first"), **self.second.arrays("second"),
                            lexicon_words=np.array(self.lexicon.words, dtype=str),
                            lexicon_weights=self.lexicon.weights.astype(np.float32))

    @classmethod
    def load(cls, source) -> "LineModel":
        with np.load(source, allow_pickle=False) as data:
            lexicon = Lexicon(data["lexicon_words"].tolist(), data["lexicon_weights"].astype(float))
            return cls(first=Mlp.from_arrays(data, "first"), second=Mlp.from_arrays(data, "second"),
                       lexicon=lexicon)


def packaged(resource: str, load: Callable[[BinaryIO], T]) -> Callable[[], T]:
    """A function giving the model shipped at `resource` in the package: read with `load` on first
    use, then shared by every thread (the lock keeps two threads from reading it twice)."""
    lock = threading.Lock()
    model: T | None = None

    def shipped() -> T:
        nonlocal model
        if model is None:
            with lock:
                if model is None:
                    with resources.files("cleaner").joinpath(resource).open("rb") as f:
                        model = load(f)
        return model
    return shipped


shipped_model = packaged(MODEL_RESOURCE, LineModel.load)
