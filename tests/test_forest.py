"""Gradient-boosted trees as the block model's stages (cleaner/forest.py): trees fitted by
scikit-learn on the blocks of real captured pages, exported to flat arrays, must give sklearn's
own logits; a model file says which kind each stage is, and one of before trees still loads."""
from __future__ import annotations

import io

import numpy as np
import pytest

from cleaner.forest import Forest
from cleaner.html.blocks import feature_count, page_blocks
from cleaner.html.classifier import BlockModel
from cleaner.html.extract import extraction, read_page
from cleaner.model import Mlp
from tests.test_html import CASES, page

sklearn_ensemble = pytest.importorskip("sklearn.ensemble", reason="scikit-learn (the test extra) is not installed")

# Column of the feature row: the share of the block's tokens in the extraction (blocks.page_blocks).
CONTAINED = 8


@pytest.fixture(scope="module")
def rows() -> np.ndarray:
    """The feature rows of every block of the real captured pages of tests/test_html.py."""
    out = []
    for case in CASES:
        tree, _, declared = read_page(page(case))
        kept, _, _ = extraction(tree, case["url"], declared)
        out.append(page_blocks(tree, kept, declared.types).features)
    return np.vstack(out)


@pytest.fixture(scope="module")
def fitted(rows):
    """Trees fitted to tell the blocks the extraction kept from the rest, from their other
    features (the extraction's own columns hidden), so the splits use many features."""
    x = rows.copy()
    y = (x[:, CONTAINED] >= 0.5).astype(int)
    x[:, CONTAINED - 1:CONTAINED + 1] = 0.0
    clf = sklearn_ensemble.HistGradientBoostingClassifier(max_iter=40, max_leaf_nodes=15,
                                                          early_stopping=False, random_state=0)
    clf.fit(x, y)
    assert 0 < y.mean() < 1
    return clf, Forest.from_sklearn(clf)


def test_exported_trees_give_sklearns_logits_on_real_blocks(rows, fitted):
    clf, forest = fitted
    np.testing.assert_allclose(forest.logit(rows), clf.decision_function(rows), rtol=0, atol=1e-9)
    assert forest.depth > 3 and len(forest.roots) == 40


def _mlp(inputs: int, hidden: int, seed: int) -> Mlp:
    rng = np.random.default_rng(seed)
    return Mlp(mean=rng.normal(size=inputs), scale=rng.uniform(0.5, 2, size=inputs),
               weights=(rng.normal(size=(inputs, hidden)), rng.normal(size=(hidden, 1))),
               biases=(rng.normal(size=hidden), rng.normal(size=1)))


def test_a_model_file_says_which_kind_each_stage_is(rows, fitted):
    _, forest = fitted
    second = _mlp(13, 4, 1)   # stage two reads blocks.stacked: 13 columns
    for model in (BlockModel(first=forest, second=second),
                  BlockModel(first=_mlp(feature_count(), 8, 0), second=second)):
        f = io.BytesIO()
        model.save(f)
        f.seek(0)
        loaded = BlockModel.load(f)
        assert type(loaded.first) is type(model.first)
        np.testing.assert_array_equal(loaded.proba(rows), model.proba(rows))
    # a perceptron file written before trees (no `kind` key) loads as perceptrons
    f.seek(0)
    with np.load(f) as data:
        assert "first_kind" not in data.files
