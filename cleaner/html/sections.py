"""Sections of a page that is no article announcing other things than its own item, dropped.

A shop's product page (and a category page, a service's) often closes with what the reader did not
come for: the buyers' reviews, "Similar items", "Customers also bought", "Recently viewed",
"About this seller". The block classifier, which reads the whole page, keeps them with the
description: they are long, well-punctuated text in the page's main column. Their heading says
what they are, so a heading that `REVIEWS_HEADING` or `OTHER_ITEMS_HEADING` (cleaner/phrases.py)
matches as a whole drops itself and every block after it up to the next heading
(`extract:other-items-section`). Reviews often carry their own titles as headings ("Great shelf
unit", "Gorgeous guitar, poor factory setup"), so a reviews section runs on over up to
`REVIEW_TITLES` headings, unless one announces another such section. The page's first block is
never such a heading's (the page would be about it). The caller asks only on pages that do not
say they are articles: a review article's "Reviews" is its story.
"""
from __future__ import annotations

from ..document import Document
from ..phrases import OTHER_ITEMS_HEADING, REVIEWS_HEADING

RULE = "other-items-section"
# Headings a reviews section runs on over (the reviews' own titles). Held out on wcxb-dev, 1 to 5
# gain alike (+0.0004 over 0, as the reviews' titles no longer end the section early); 10 and
# more reach the page's own sections after the reviews (collections lose). The middle: 2.
REVIEW_TITLES = 2


def drop_other_items_sections(doc: Document) -> None:
    """Drop each section (a heading and the blocks up to the next heading; for reviews, up to the
    heading after the next `REVIEW_TITLES`) whose heading announces reviews or other items."""
    texts, kinds = doc.texts, doc.kinds
    heads = [i for i, kind in enumerate(kinds) if kind == "h"]
    drops = []
    h = 0
    while h < len(heads):
        start = heads[h]
        h += 1
        if not start or not _announces(texts[start]):
            continue
        titles = REVIEW_TITLES if REVIEWS_HEADING.match(texts[start].strip()) else 0
        while h < len(heads) and titles and not _announces(texts[heads[h]]):
            titles -= 1
            h += 1
        end = heads[h] if h < len(heads) else len(texts)
        drops.extend((i, RULE) for i in range(start, end))
    doc.drop_each(drops, "extract")


def _announces(text: str) -> bool:
    text = text.strip()
    return bool(REVIEWS_HEADING.match(text) or OTHER_ITEMS_HEADING.match(text))
