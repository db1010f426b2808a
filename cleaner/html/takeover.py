"""A takeover by the block classifier won with a rail of timestamps.

On a page that is no article, the classifier's body replaces the extraction when it holds
`CLASSIFIER_GAIN` times the extraction's words (extract.py). On a short news item that does not
say it is an article, the words the body adds beyond the extraction can be a rail beside the
story: other stories' links, each under its timestamp ("11/20/2019 01:16 AM"), which the model
keeps at a probability near its threshold. Numbers count as words, so a dozen timestamps lift a
story of 70 words past the gain, and whether they do turns on one retrain's fine verdicts: a
model of another seed keeps the rail, or not, and the page's body flips between the story and
the story with the rail (train/README.md, "The block model retrained, round 14", and round 15).
So the takeover is refused when the added words are mostly link text and mostly in blocks made
of numbers: a rail of dates and times adds no body. Listings and shops, which the takeover is
for, add names and descriptions, which are words, alongside their prices and counts.
"""
from __future__ import annotations

import re

import numpy as np

from .blocks import CONTAINED_INPUT, LINK_SHARE_INPUT, Blocks

# The added words are a rail of numbers when more than this share of them lies in link blocks
# (blocks whose characters are more than this share link text)...
RAIL_LINK_SHARE = 0.5
# ...and at least this share in blocks whose words are half numbers or more.
RAIL_NUMBER_SHARE = 0.6
_WORD = re.compile(r"\w+")


def added_number_rail(blocks: Blocks, body: np.ndarray) -> bool:
    """Whether the words of the body's blocks (`body`, a mask over `blocks`) that the extraction
    does not hold are more than `RAIL_LINK_SHARE` in link blocks and at least
    `RAIL_NUMBER_SHARE` in blocks of numbers."""
    features = blocks.features
    added = links = numbers = 0
    for i in np.flatnonzero(body).tolist():
        if features[i, CONTAINED_INPUT]:
            continue
        words = _WORD.findall(blocks.texts[i])
        added += len(words)
        if features[i, LINK_SHARE_INPUT] > RAIL_LINK_SHARE:
            links += len(words)
        if 2 * sum(map(str.isdigit, words)) >= len(words):
            numbers += len(words)
    return added > 0 and links > RAIL_LINK_SHARE * added and numbers >= RAIL_NUMBER_SHARE * added
