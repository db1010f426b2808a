"""A takeover by the block classifier that adds only a rail of timestamps is refused
(cleaner/html/takeover.py). The page: a short breaking-news item that does not say it is an
article, beside a rail of other stories' links, each under its timestamp. Retrains of the block
model kept the timestamps or not, seed by seed (train/README.md, round 15); the verdicts here
stand in for one that kept them."""
from __future__ import annotations

import re

import numpy as np

from cleaner import Cleaner
from cleaner.html import extract as extract_module
from cleaner.html.blocks import CONTAINED_INPUT, block_features, walk_page
from cleaner.html.extract import extraction, read_page
from cleaner.html.takeover import added_number_rail
from tests.test_html import CASES, flat, page

_TIMESTAMP = re.compile(r"\d\d/\d\d/\d{4} \d\d:\d\d [AP]M")


def _case() -> dict:
    return next(c for c in CASES if c.get("step") == "takeover")


def _blocks(case: dict):
    tree, _, declared = read_page(page(case))
    texts, _, article = extraction(tree, case["url"], declared)
    assert not article   # no og:type article, no article type, no date in the URL
    return block_features(walk_page(tree), texts, declared.types)


class _Keeps:
    """A block model keeping the extraction's blocks and those `extra` picks by their text (it
    reads the texts of the page's blocks, which `features` below hands it, not their rows)."""

    def __init__(self, blocks, extra):
        self.keep = {t for t, row in zip(blocks.texts, blocks.features) if row[CONTAINED_INPUT] or extra(t)}
        self.texts: list[str] = []

    def proba(self, x):
        return np.array([1.0 if t in self.keep else 0.0 for t in self.texts])


def _body(monkeypatch, extra) -> str:
    case = _case()
    model = _Keeps(_blocks(case), extra)
    real = extract_module.block_features

    def features(walked, kept, types):
        blocks = real(walked, kept, types)
        model.texts = blocks.texts
        return blocks

    monkeypatch.setattr(extract_module, "block_features", features)
    monkeypatch.setattr(extract_module, "shipped_model", lambda: model)
    return flat(Cleaner(site_rules=False).clean(page(case), url=case["url"], kind="html").text)


def test_a_rail_of_timestamps_does_not_replace_the_story(monkeypatch):
    story = flat(_case()["keep"][0])
    body = _body(monkeypatch, _TIMESTAMP.fullmatch)
    assert story in body and not _TIMESTAMP.search(body)
    # without the rule the dozen timestamps lift the story past the takeover's gain
    monkeypatch.setattr(extract_module, "added_number_rail", lambda blocks, body: False)
    body = _body(monkeypatch, _TIMESTAMP.fullmatch)
    assert story in body and len(_TIMESTAMP.findall(body)) >= 10


def test_only_a_rail_of_numbers_in_links_is_refused():
    blocks = _blocks(_case())
    inside = blocks.features[:, CONTAINED_INPUT] > 0
    stamps = np.array([bool(_TIMESTAMP.fullmatch(t)) for t in blocks.texts])
    assert stamps.sum() >= 10 and inside.any()
    assert added_number_rail(blocks, inside | stamps)
    # the rail's headlines are words, and the story's own dateline is no link
    headlines = np.array([t.startswith(("Netanyahu", "Iran supreme", "US charges")) for t in blocks.texts])
    dateline = np.array([t == "NOVEMBER 20, 2019 10:43" for t in blocks.texts])
    assert headlines.sum() >= 3 and dateline.sum() == 1
    assert not added_number_rail(blocks, inside | headlines | stamps & (np.cumsum(stamps) <= 2))
    assert not added_number_rail(blocks, inside | dateline)
    assert not added_number_rail(blocks, inside)   # nothing added
