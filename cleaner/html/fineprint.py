"""Fine print under a shop's or a service's offer, dropped on pages that are no article.

Product, collection and service pages close their sections with the terms of the offer, each a
note that opens with a footnote's mark: "* Image simulated. ** Color and model availability may
vary depending on country...", "† Rates are between 0%-36% APR. As an example, a $700 purchase
might cost...", "◊ Apple Card Monthly Installments (ACMI) is a 0% APR payment option...". They sit
in the page's main column, under the text they qualify, so trafilatura and the block classifier
keep them with it; a reader (and the gold) reads past them. A block that opens with a footnote's
mark (`FOOTNOTE_MARK`, cleaner/phrases.py) and holds `FINE_PRINT_WORDS` words or more goes
(`extract:fine-print`); a short one ("* Required", "*Excludes sale items") is a label, often kept.
The caller asks only on pages that do not say they are articles: an article's asterisked note is
often its author's ("*Angela Holliday-Bell, MD, is a ... provider").
"""
from __future__ import annotations

import re

from ..document import Document
from ..phrases import FOOTNOTE_MARK

RULE = "fine-print"
# Words a note must hold to be an offer's terms. Held out on wcxb-dev (the site-grouped fold
# models' bodies; train/README.md, round 17), 30, 40, 50 and 60 gain alike (+0.0002); under 30 the
# short notes go too and product pages lose (round 13: every such note, -0.0001). The round middle.
FINE_PRINT_WORDS = 50
_WORD = re.compile(r"\w+")


def drop_fine_print(doc: Document) -> None:
    """Drop each block but a heading that opens with a footnote's mark and holds
    `FINE_PRINT_WORDS` words or more (`extract:fine-print`)."""
    doc.drop_each(((i, RULE) for i, (text, kind) in enumerate(zip(doc.texts, doc.kinds))
                   if kind != "h" and FOOTNOTE_MARK.match(text)
                   and len(_WORD.findall(text)) >= FINE_PRINT_WORDS), "extract")
