"""An offer's fine print leaves a page that is no article (cleaner/html/fineprint.py). The page: a
shop's product page (iRobot) whose body closes with the financing terms, a note opening with a
dagger ("† Rates are between 0%-36% APR. As an example, a $700 purchase might cost..."), which the
extraction keeps with the description."""
from __future__ import annotations

from cleaner.document import Document
from cleaner.html.fineprint import FINE_PRINT_WORDS, RULE, drop_fine_print
from tests.test_html import assert_a_recorded_extract_step


def test_an_offers_fine_print_leaves_a_shops_page(monkeypatch):
    assert_a_recorded_extract_step(monkeypatch, "fineprint", RULE, "drop_fine_print")


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
