"""An offer's fine print leaves a page that is no article (cleaner/html/fineprint.py). The page: a
shop's product page (iRobot) whose body closes with the financing terms, a note opening with a
dagger ("† Rates are between 0%-36% APR. As an example, a $700 purchase might cost..."), which the
extraction keeps with the description."""
from __future__ import annotations

from cleaner import Cleaner
from cleaner.document import Document
from cleaner.html import extract as extract_module
from cleaner.html.extract import extraction, read_page
from cleaner.html.fineprint import FINE_PRINT_WORDS, RULE, drop_fine_print
from tests.test_html import CASES, flat, page


def _case() -> dict:
    return next(c for c in CASES if c.get("step") == "fineprint")


def _result(case: dict):
    return Cleaner(site_rules=False).clean(page(case), url=case["url"], kind="html")


def test_an_offers_fine_print_leaves_a_shops_page(monkeypatch):
    case = _case()
    tree, _, declared = read_page(page(case))
    assert not extraction(tree, case["url"], declared)[2]   # no article: the step runs
    result = _result(case)
    body = flat(result.text)
    assert all(flat(s) in body for s in case["keep"])
    assert not any(flat(s) in body for s in case["drop"])
    # each note it takes is recorded, so --explain says why it went
    removed = flat(" ".join(r.text for r in result.removed if (r.cleaner, r.rule) == ("extract", RULE)))
    assert all(flat(s) in removed for s in case["drop"])
    # without the step the note is in the body
    monkeypatch.setattr(extract_module, "drop_fine_print", lambda doc: None)
    body = flat(_result(case).text)
    assert all(flat(s) in body for s in case["keep"] + case["drop"])


def _doc(texts: list[str], kinds: list[str]) -> Document:
    return Document(texts=texts, kinds=kinds, gap_before=[True] * len(texts))


def test_only_long_notes_with_a_mark_go():
    terms = "* Offer valid on new orders only. " + " ".join(["Terms apply"] * FINE_PRINT_WORDS)
    label = "* Required fields"
    plain = "Offer valid on new orders only. " + " ".join(["Terms apply"] * FINE_PRINT_WORDS)
    heading = "* " + " ".join(["Heading"] * FINE_PRINT_WORDS)
    doc = _doc([terms, label, plain, heading], ["p", "p", "p", "h"])
    drop_fine_print(doc)
    assert doc.kept() == [1, 2, 3]
    assert doc.dropped[0].rule == RULE
