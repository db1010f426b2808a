"""Elements with no text that every later step skips, removed once from the shared tree.

trafilatura copies the tree it is handed on each call (cleaner calls it once or twice a page) and
walks every element of each copy with its prunes before deleting scripts, style links and icons
itself; the block walk skips them too. Removed here once, on the tree every later step shares,
neither gear copies nor prunes them: 7% of a wcxb-dev page's elements. The gain is small, as
trafilatura's copies and prunes cost little for such leaves: 0.4% of cleaning a wcxb-dev page,
none on aeb's (train/README.md, "Speed of the HTML path, round 14").

Only elements whose whole subtree holds no text go, and their whitespace stays in their tail, so
every ancestor's text, and every text length read later, is unchanged. The tags are ones
trafilatura's own tree cleaning deletes before its main extractor and its page-text measure
ignores; `<script type="application/ld+json">` (read by its fallback) holds text, so it stays.
An icon (`<svg>`) goes only inside a link, a button or a span: one standing in a `<div>` beside
the div's blocks changes what trafilatura's main extractor keeps of that div (measured: a software
maker's download page kept four more lines without its icons), so it stays for trafilatura to delete.
"""
from __future__ import annotations

from lxml import etree

# Tags trafilatura deletes whole before extracting, which hold no text a reader sees.
TEXTLESS_TAGS = ("script", "style", "link")
# Icons, removed only where their parent is one of `ICON_PARENTS`.
ICON_TAG = "svg"
ICON_PARENTS = frozenset({"a", "button", "span", "i", "label"})
_WALKED = (*TEXTLESS_TAGS, ICON_TAG)
# The tag the elements to go are renamed to, so that one call removes them all.
_GONE = "cleaner-textless"


def drop_textless(tree) -> int:
    """Remove every `TEXTLESS_TAGS` element, and every icon inside a link, button or span, whose
    subtree holds no text but whitespace; its whitespace and its tail stay where it was. Returns
    how many went (one inside another that went counts too)."""
    leaves, icons = [], []
    for el in tree.iter(_WALKED):   # one walk of the tree in C finds both kinds
        (icons if el.tag == ICON_TAG else leaves).append(el)
    gone = [el for el in leaves if _blank(el.text) and not len(el)]
    gone += (el for el in icons
             if el.getparent().tag in ICON_PARENTS and _blank("".join(el.itertext())))
    for el in gone:
        space = "".join(el.itertext())
        if space:
            el.tail = space + (el.tail or "")
        el.tag = _GONE
    if gone:   # one pass in C; each tail is joined to what precedes it, as drop_tree does
        etree.strip_elements(tree, _GONE, with_tail=False)
    return len(gone)


def _blank(text: str | None) -> bool:
    """No text but whitespace; `isspace` stops at an inline script's first character."""
    return not text or text.isspace()
