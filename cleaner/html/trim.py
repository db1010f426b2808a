"""Extracted blocks the block classifier scores as chrome, dropped where it does not take over.

On a page that is no article the classifier judges every block of the page, and its body replaces
the extraction only when it holds `CLASSIFIER_GAIN` times the extraction's words (extract.py).
Where it does not, the extraction stayed as trafilatura gave it: a forum's poster boxes
("Registered: 2011-11-29", "Posts: 30,456") and "You are not logged in.", a shop's banner and
card labels ("Product Name", "Product Link"), a service's menu of its other products, although
the classifier, which reads the extraction's verdict as one of its inputs, scores those blocks far
under its threshold. Now an extracted block whose text is a whole walked block the extraction
holds and the classifier gives under `CHROME_BELOW` leaves the kept extraction, recorded as
`extract:classifier-chrome` so `--explain` shows it. Headings stay: a heading alone says little
to the model, and the title cleaner finds the headline among them.
Held out (the shipped model's site-grouped fold models; train/README.md, round 16): wcxb-dev word
F1 +0.0012 (0.15 and 0.25 gain alike), aeb unchanged but one page.
"""
from __future__ import annotations

import numpy as np

from ..document import Document
from .blocks import CONTAINED_INPUT, Blocks

RULE = "classifier-chrome"
# The classifier's probability of body under which a block the extraction holds is chrome.
CHROME_BELOW = 0.2


def chrome_texts(blocks: Blocks, proba: np.ndarray) -> frozenset[str]:
    """Texts of the walked blocks (`blocks`, with the classifier's `proba`) that the extraction
    holds and the classifier gives under `CHROME_BELOW`."""
    low = (proba < CHROME_BELOW) & (blocks.features[:, CONTAINED_INPUT] > 0)
    return frozenset(blocks.texts[i] for i in np.flatnonzero(low).tolist())


def chrome_blocks(texts: list[str], kinds: list[str], chrome: frozenset[str]) -> list[int]:
    """Indices of the extraction's blocks (`texts`, `kinds`) that are not headings and whose text
    is in `chrome`."""
    if not chrome:
        return []
    return [i for i, (text, kind) in enumerate(zip(texts, kinds)) if kind != "h" and text in chrome]


def drop_chrome(doc: Document, blocks: list[int]) -> None:
    """Drop the document's `blocks` (from `chrome_blocks`) as `extract:classifier-chrome`."""
    doc.drop_each(((i, RULE) for i in blocks), "extract")
