"""A story printed twice on an article's page keeps one copy; a paragraph an article repeats on
purpose (a pull quote, an interview's question) stays (cleaner/html/copies.py)."""
from __future__ import annotations

from cleaner import Cleaner
from cleaner.document import Document
from cleaner.html.copies import COPIED_RUN, copied_runs, drop_copied_runs
from cleaner.html.extract import REPEATED_BLOCK_CHARS
from tests.test_html import counts_with_and_without, flat

PARAS = [f"Paragraph {n} of the story says something of its own, at length, so that it counts as a long "
         f"block of the page and not as a label or a heading. {'More words follow here. ' * 2}"
         for n in range(6)]


def _doc(texts: list[str]) -> Document:
    return Document(texts=texts, kinds=["p"] * len(texts), gap_before=[True] * len(texts))


def test_a_run_repeated_in_order_goes_and_the_first_copy_stays():
    assert all(len(p) >= REPEATED_BLOCK_CHARS for p in PARAS)
    texts = ["Headline", *PARAS[:4], "Share this", *PARAS[:4], "About us"]
    doc = _doc(texts)
    drop_copied_runs(doc, REPEATED_BLOCK_CHARS)
    assert [doc.texts[i] for i in doc.kept()] == ["Headline", *PARAS[:4], "Share this", "About us"]
    assert {(r.cleaner, r.rule) for r in doc.removals()} == {("extract", "copied-run")}


def test_repeats_out_of_order_or_too_few_in_a_row_stay():
    one_quote = [PARAS[0], PARAS[1], PARAS[2], PARAS[1], PARAS[3]]
    asked_of_each = [PARAS[0], PARAS[1], PARAS[0], PARAS[2], PARAS[0], PARAS[3]]
    two_in_a_row = [PARAS[0], PARAS[1], PARAS[2], PARAS[0], PARAS[1], PARAS[3]]   # under COPIED_RUN
    shuffled = [PARAS[0], PARAS[1], PARAS[2], PARAS[2], PARAS[0], PARAS[1]]
    assert COPIED_RUN == 3
    for texts in (one_quote, asked_of_each, two_in_a_row, shuffled):
        assert copied_runs(texts, REPEATED_BLOCK_CHARS) == []
    # the near miss: one more block in the same order makes it a copy
    assert copied_runs(two_in_a_row[:5] + [PARAS[2]], REPEATED_BLOCK_CHARS) == [3, 4, 5]


def test_short_blocks_between_do_not_break_a_run_and_are_not_dropped():
    texts = [PARAS[0], "Ad", PARAS[1], PARAS[2], "Read more", PARAS[0], "Ad", PARAS[1], PARAS[2]]
    assert copied_runs(texts, REPEATED_BLOCK_CHARS) == [5, 7, 8]


def test_a_real_article_printed_twice_keeps_one_copy(monkeypatch):
    sentence = "Package pricing is how many yoga businesses offer their services."
    assert counts_with_and_without(monkeypatch, "wcxb-0151", sentence, "drop_copied_runs") == (1, 2)


def test_an_article_quoting_one_paragraph_twice_keeps_both():
    quote = "<p>" + PARAS[0] + "</p>"
    markup = ('<html><head><meta property="og:type" content="article"></head><body><article>'
              + quote + "".join(f"<p>{p}</p>" for p in PARAS[1:4]) + quote
              + "".join(f"<p>{p}</p>" for p in PARAS[4:]) + "</article></body></html>")
    body = flat(Cleaner(site_rules=False).clean(markup, kind="html").text)
    assert body.count(flat(PARAS[0])) == 2
