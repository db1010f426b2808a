"""Sections of a page that is no article announcing other things than its own item, dropped.

A shop's product page (and a category page, a service's) often closes with what the reader did not
come for: the buyers' reviews, "Similar items", "Customers also bought", "Recently viewed",
"About this seller". The block classifier, which reads the whole page, keeps them with the
description: they are long, well-punctuated text in the page's main column. Their heading says
what they are, so a heading that `OTHER_ITEMS_HEADING` (cleaner/phrases.py) matches as a whole
drops itself and every block after it up to the next heading (`extract:other-items-section`).
The page's first block is never such a heading's (the page would be about it). The caller asks
only on pages that do not say they are articles: a review article's "Reviews" is its story.
"""
from __future__ import annotations

from ..document import Document
from ..phrases import OTHER_ITEMS_HEADING

RULE = "other-items-section"


def drop_other_items_sections(doc: Document) -> None:
    """Drop each section (a heading and the blocks up to the next heading) whose heading
    announces reviews or other items."""
    kinds = doc.kinds
    heads = [i for i, kind in enumerate(kinds) if kind == "h"]
    if not heads:
        return
    ends = heads[1:] + [len(kinds)]
    drops = []
    for start, end in zip(heads, ends):
        if start and OTHER_ITEMS_HEADING.match(doc.texts[start].strip()):
            drops.extend((i, RULE) for i in range(start, end))
    doc.drop_each(drops, "extract")
