"""Extracted blocks the block classifier scores as chrome leave a kept extraction
(cleaner/html/trim.py). The page: a FluxBB thread, no article, whose extraction keeps every post
with its poster's box ("Registered: 2011-11-29", "Posts: 30,456", a title, "Offline") and the
board's "You are not logged in."; the classifier's body holds too few words to take over, and it
scores those lines far under its threshold."""
from __future__ import annotations

from cleaner import Cleaner
from cleaner.html import extract as extract_module
from cleaner.html.extract import extract, extraction, read_page
from cleaner.html.trim import RULE, chrome_blocks
from tests.test_html import CASES, flat, page


def _case() -> dict:
    return next(c for c in CASES if c.get("step") == "trim")


def _result(case: dict):
    return Cleaner(site_rules=False).clean(page(case), url=case["url"], kind="html")


def _kept(doc) -> list[str]:
    return [doc.texts[i] for i in doc.kept()]


def test_chrome_the_classifier_scores_low_leaves_a_kept_extraction(monkeypatch):
    case = _case()
    tree, _, declared = read_page(page(case))
    assert not extraction(tree, case["url"], declared)[2]   # no article: the classifier runs
    result = _result(case)
    body = flat(result.text)
    assert all(flat(s) in body for s in case["keep"])
    assert not any(flat(s) in body for s in case["drop"])
    # each block it takes is recorded, so --explain says why it went
    chrome = flat(" ".join(r.text for r in result.removed if (r.cleaner, r.rule) == ("extract", RULE)))
    assert all(flat(s) in chrome for s in case["drop"])
    # without the step the extraction stays whole, poster boxes and all: the classifier's body
    # did not take over
    monkeypatch.setattr(extract_module, "drop_chrome", lambda doc, blocks: None)
    assert _kept(extract(page(case), url=case["url"])) == _kept(extract(page(case), url=case["url"], classify=False))
    body = flat(_result(case).text)
    assert all(flat(s) in body for s in case["keep"] + case["drop"])


def test_headings_stay():
    texts = ["Shipping", "Free shipping on orders over $75", "Our story", "We make socks."]
    kinds = ["h", "p", "h", "p"]
    chrome = frozenset({"Shipping", "Free shipping on orders over $75"})
    assert chrome_blocks(texts, kinds, chrome) == [1]
    assert chrome_blocks(texts, kinds, frozenset()) == []
