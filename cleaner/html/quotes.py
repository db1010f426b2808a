"""A forum reply's quote of an earlier post, cut from the reply: the thread keeps the post once.

phpBB, XenForo and vBulletin threads print a quoted post inside the reply ("Minoa wrote: ..."), and
the extraction (or the block classifier) keeps the reply with its quote, so the quoted post's words
count twice. When a block holds, word for word, an earlier long block of the body right after a
quote's attribution (`QUOTE_ATTRIBUTION` in cleaner/phrases.py: "NAME wrote:", "NAME said:",
optionally a date), the attribution and the copy are cut from it (`extract:quoted-copy`); a block
that was nothing else goes. Both conditions are needed: a copy without an attribution is often a
page's own layout (an accordion's summary and its panel), and an attribution without a copy is a
story's quotation.
"""
from __future__ import annotations

import re

from ..document import Document
from ..phrases import QUOTE_ATTRIBUTION

RULE = "quoted-copy"
# The verbs QUOTE_ATTRIBUTION needs: a block holding none of them quotes nothing, and skips the
# search for earlier blocks inside it (every long block of every page passes here).
_ATTRIBUTION_VERB = re.compile(r"wrote|said|posted", re.I)


def cut_quoted_copies(doc: Document, long_chars: int) -> None:
    """Cut from each block every earlier kept block of `long_chars` or more that it holds right
    after a quote's attribution, the attribution with it."""
    earlier: list[str] = []
    for i in doc.kept():
        text = doc.texts[i]
        if len(text) < long_chars:
            continue
        for quoted in earlier if _ATTRIBUTION_VERB.search(text) else ():
            at = text.find(quoted) if len(quoted) < len(text) else -1
            if at <= 0:   # not there, or no room for an attribution before it
                continue
            attribution = QUOTE_ATTRIBUTION.search(text, 0, at)
            if not attribution:
                continue
            if attribution.start() == 0 and at + len(quoted) == len(text):   # the block is the quote
                doc.drop_each([(i, RULE)], "extract")
                break
            doc.trim(i, attribution.start(), at + len(quoted), "extract", RULE)
            text = doc.texts[i]
        if doc.dropped[i] is None and len(text) >= long_chars:
            earlier.append(text)
