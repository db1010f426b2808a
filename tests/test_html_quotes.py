"""A forum reply's quote of an earlier post is cut from the reply (cleaner/html/quotes.py): the
attribution and a word-for-word copy of an earlier long block are both needed."""
from __future__ import annotations

import pytest

from cleaner.document import Document
from cleaner.html.extract import REPEATED_BLOCK_CHARS
from cleaner.html.quotes import cut_quoted_copies
from cleaner.phrases import QUOTE_ATTRIBUTION
from tests.test_html import counts_with_and_without

POST = ("Having some cash in taxable is fine for short-term expenses. For anything longer term I would "
        "put it in a broad index fund and leave it alone.")
REPLY = "Agreed, and the mortgage at 4.25% is worth paying down first."


def _kept(texts: list[str]) -> list[str]:
    doc = Document(texts=texts, kinds=["p"] * len(texts), gap_before=[True] * len(texts))
    cut_quoted_copies(doc, REPEATED_BLOCK_CHARS)
    return [doc.texts[i] for i in doc.kept()]


@pytest.mark.parametrize("attribution", ["bonesly wrote: ", "bonesly wrote: Sat Feb 24, 2024 5:30 pm ",
                                         "C. Andrew Nelson wrote:", "solaeros said: ",
                                         "@JonB said in Which Qt6 version for Ubuntu 24.04: "])
def test_a_quoted_earlier_post_is_cut_from_the_reply(attribution):
    assert len(POST) >= REPEATED_BLOCK_CHARS
    assert _kept([POST, attribution + POST + " " + REPLY]) == [POST, REPLY]


def test_a_block_that_is_only_the_quote_goes_with_its_reason():
    texts = [POST, "bonesly wrote: " + POST]
    doc = Document(texts=texts, kinds=["p", "p"], gap_before=[True, True])
    cut_quoted_copies(doc, REPEATED_BLOCK_CHARS)
    assert doc.kept() == [0]
    assert [(r.text, r.cleaner, r.rule) for r in doc.removals()] == [(texts[1], "extract", "quoted-copy")]


def test_a_copy_without_an_attribution_or_an_attribution_without_a_copy_stays():
    summary_and_panel = [POST, "Cash and taxes " + POST]              # an accordion's layout
    quotation = [POST, "The adviser said: " + REPLY + " " + REPLY]   # a story's quotation, new words
    short = ["Short post.", "bonesly wrote: Short post. " + REPLY]   # under REPEATED_BLOCK_CHARS
    for texts in (summary_and_panel, quotation, short):
        assert _kept(texts) == texts


def test_the_attribution_pattern_needs_its_verb_and_colon():
    assert QUOTE_ATTRIBUTION.search("Minoa wrote:")
    assert QUOTE_ATTRIBUTION.search("nhs76 wrote: Sat Feb 24, 2024 5:43 pm")
    assert not QUOTE_ATTRIBUTION.search("Minoa wrote")
    assert not QUOTE_ATTRIBUTION.search("the rewritten: version")


def test_a_real_thread_keeps_a_quoted_post_once(monkeypatch):
    sentence = "Having some cash in taxable is fine for short-term expenses."
    assert counts_with_and_without(monkeypatch, "wcxb-0538", sentence, "cut_quoted_copies") == (1, 2)
