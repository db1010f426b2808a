"""Extracted blocks the block classifier scores as chrome leave a kept extraction
(cleaner/html/trim.py). The page: a FluxBB thread, no article, whose extraction keeps every post
with its poster's box ("Registered: 2011-11-29", "Posts: 30,456", a title, "Offline") and the
board's "You are not logged in."; the classifier's body holds too few words to take over, and it
scores those lines far under its threshold."""
from __future__ import annotations

from cleaner.html.extract import extract
from cleaner.html.trim import RULE, chrome_blocks
from tests.test_html import assert_a_recorded_extract_step, page


def _kept(doc) -> list[str]:
    return [doc.texts[i] for i in doc.kept()]


def test_chrome_the_classifier_scores_low_leaves_a_kept_extraction(monkeypatch):
    case = assert_a_recorded_extract_step(monkeypatch, "trim", RULE, "drop_chrome")
    # without the step the extraction stays whole, poster boxes and all: the classifier's body
    # did not take over
    assert _kept(extract(page(case), url=case["url"])) == _kept(extract(page(case), url=case["url"], classify=False))


def test_headings_stay():
    texts = ["Shipping", "Free shipping on orders over $75", "Our story", "We make socks."]
    kinds = ["h", "p", "h", "p"]
    chrome = frozenset({"Shipping", "Free shipping on orders over $75"})
    assert chrome_blocks(texts, kinds, chrome) == [1]
    assert chrome_blocks(texts, kinds, frozenset()) == []
