"""A block repeated word for word on a page that is no article is kept once
(cleaner/html/extract.py, drop_repeated_blocks); the real page that shows it is in fixtures/html."""
from __future__ import annotations

from cleaner import Cleaner
from cleaner.document import Document
from cleaner.html.extract import REPEATED_BLOCK_CHARS, drop_repeated_blocks
from tests.test_html import counts_with_and_without, flat

BLURB = ("Capture lead and contact information from your website and add it to your CRM using Web Forms: "
         "create a form, send its input straight to the CRM.")


def test_later_copies_of_a_long_block_go_and_the_first_stays():
    short = "Learn more"
    texts = [BLURB, short, "Pricing", BLURB, short, BLURB]
    assert len(BLURB) >= REPEATED_BLOCK_CHARS > len(short)
    doc = Document(texts=texts, kinds=["p"] * len(texts), gap_before=[True] * len(texts))
    drop_repeated_blocks(doc)
    assert doc.kept() == [0, 1, 2, 4]
    assert {(r.cleaner, r.rule) for r in doc.removals()} == {("extract", "repeated-block")}


def test_a_real_page_that_renders_its_blurbs_twice_keeps_each_once(monkeypatch):
    sentence = "You can only manage what you can measure."
    assert counts_with_and_without(monkeypatch, "wcxb-4471", sentence, "drop_repeated_blocks") == (1, 2)


def test_an_article_keeps_a_repeated_paragraph():
    """aeb's gold keeps a paragraph an article prints twice (a pull quote), so articles keep both."""
    para = "<p>" + BLURB + " Every account gets it free of charge, whatever its plan.</p>"
    markup = ('<html><head><meta property="og:type" content="article"></head><body><article>'
              + para + "<p>" + "The story goes on with other words of its own. " * 8 + "</p>" + para
              + "</article></body></html>")
    body = flat(Cleaner(site_rules=False).clean(markup, kind="html").text)
    assert body.count(BLURB) == 2
