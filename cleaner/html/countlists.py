"""Count lists: a blog's archive by month ("Novembro (113)"), its categories or tags with their
post counts. Every item is a label and a number in brackets, which no story or product sheet reads
like; on a page the extraction does not trust, such a list is long and link-free enough (its
counts sit outside the links on some themes) for the block classifier to take it for the body.
Lists holding `SHARE` or more of such items, `MIN_ITEMS` of them at least, leave the tree.
"""
from __future__ import annotations

import math
import re

from .parse import drop_minor

# A short label and a count: "Novembro (113)", "Health & Fitness (7)", "2019 (1,024)"; or a year
# alone, an archive's heading whose months are folded away.
# A year in brackets is no count: "Titanic (1997)", "Smith, J. (2019)" are a filmography, references.
COUNTED = re.compile(r"^(?:\S(?:.{0,40}\S)?\s*\((?!\s*(?:1[89]|20)\d\d\s*\))\s*\d[\d.,]*\s*\)"
                     r"|(?:1[89]|20)\d\d)$", re.S)
MIN_ITEMS = 5
SHARE = 0.8
# A list is never the page's content when it holds over this share of the page's text.
MAX_PAGE_SHARE = 0.3
# The lists, in page order: one walk of the tree in C (an XPath union walks it once a tag).
_LIST_TAGS = ("ul", "ol")


def is_count_list(element) -> bool:
    """Whether `SHARE` of the list's items, `MIN_ITEMS` at least, are links reading a count;
    it stops at the first item past what the share allows to differ (most lists are menus)."""
    items = [li for li in element if li.tag == "li"]
    if len(items) < MIN_ITEMS:
        return False
    misses_allowed = len(items) - math.ceil(SHARE * len(items))
    for li in items:   # the text first: a menu's items are links that read no count
        if not COUNTED.match(" ".join(li.text_content().split())) or li.find(".//a") is None:
            misses_allowed -= 1
            if misses_allowed < 0:
                return False
    return True


def drop_count_lists(tree, log: list | None = None) -> int:
    """Remove the page's count lists, innermost first (a list of years is one once the months
    folded under each year are gone), recorded in `log` as `extract:count-list`; returns how
    many went."""
    lists = list(tree.iter(_LIST_TAGS))
    return sum(drop_minor(tree, [el], MAX_PAGE_SHARE, log, "count-list")
               for el in reversed(lists) if is_count_list(el))
