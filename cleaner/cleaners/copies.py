"""Copies: a long line the classifier kept twice; the later copies go, the first stays.

On a text dump the body the classifier keeps often holds the same paragraph more than once: a forum
reply quoting an earlier post ("NAME wrote:" and the post again), a theme printing its story or a
product's description twice (a desktop and a mobile layout). The words then count twice against a
gold body that has them once. `duplicates` runs
before the classifier and keeps repeated sentences on purpose (the classifier reads them as
context); here, on what the classifier kept, a line of `REPEAT_MIN_CHARS` or more that repeats an
earlier kept line word for word is dropped (`repeated-paragraph`). Short lines (labels, a card's
"Add to cart", an interview's question) are left alone. It runs after `markup`, so html2text's
"> " before a quoted post no longer hides the copy.

Held out (train/README.md, **Text dumps of non-article pages**) this pays on forums, products,
listings and collections and costs some documentation pages, whose golds keep a parameter's
description under every method that has it. The HTML path's attribution rule (html/quotes.py) was
tried here too and did not pay: on a text dump the attribution is a line of its own, and the golds
of the threads that print it keep the quote. The story printed twice (html/copies.py, runs of
copies in order) is a subset of what this drops.
"""
from __future__ import annotations

from ..document import Document
from ..options import Options
from .base import Cleaner

# Shorter kept lines may repeat: labels, prices, an interview's question, a meal plan's dish. Held
# out (the five fold models, as dumped and re-dumped by w3m, links and bs4) 60, 100, 120 and 150
# characters all gain on wcxb-dev (+0.0009 to +0.0020); under 150 a meal plan's and a food list's
# repeated dishes cost aeb on links' dumps (100: -0.00003), from 150 no dumper's aeb loses.
REPEAT_MIN_CHARS = 150


class Copies(Cleaner):
    name = "copies"

    def apply(self, doc: Document, options: Options) -> None:
        if not doc.kinds or doc.kinds[0] != "line":
            return   # (HTML has its own: extract.drop_repeated_blocks, html/copies.py)
        texts = doc.texts
        seen: set[str] = set()
        copies = []
        for i in doc.kept():
            text = texts[i]
            if len(text) >= REPEAT_MIN_CHARS:
                if text in seen:
                    copies.append(i)
                else:
                    seen.add(text)
        if copies:
            doc.drop_all(copies, self.name, "repeated-paragraph")
