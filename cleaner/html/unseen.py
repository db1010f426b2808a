"""Page furniture a reader does not see as page text, removed from the tree before extraction.

trafilatura's main extractor discards a few consent classes, but its fallback extractors (the
second gear's) do not, and the block classifier walks the whole page: there closed dialogs (a
privacy-policy confirmation, a cookie preference centre, a country picker), hover cards inside a
paragraph, newsletter sign-up boxes and print-only headers come back as body. They are cut here
once, on the tree every later step shares.

An element goes when
- it is a dialog: `<dialog>`, `role="dialog"` or `"alertdialog"`, `aria-modal="true"`;
- its class or id names a modal window, a consent or cookie banner (the compounds trafilatura's
  own consent rule uses, and `gdpr`), a hover card or tooltip's text, a newsletter sign-up box,
  or a block printed only on paper (`_FURNITURE`).

Inline `display:none`, the `hidden` attribute and `aria-hidden` are not on the list: shops keep
their product description and specifications in tabs hidden that way (on wcxb-dev removing them
cost 0.006 word F1, products 0.030). A page whose story sits in one of these containers (an
article shown in a modal viewer) keeps it: an element holding more than `MAX_SHARE` of the
page's text is never removed, unless its class or id names a consent platform
(`_CONSENT_PLATFORM`: a cookie preference centre, whose purposes and vendor lists can outweigh a
short page's text, never holds its story); nor is one holding the product description the page
declares in JSON-LD (a shop's description sheet).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from lxml import etree

from .parse import drop_minor

# How a removal names this step's reason (`extract:furniture`).
RULE = "furniture"
# An element holding more than this share of the page's text is the page, not furniture.
MAX_SHARE = 0.3
# A shop may show its product's description in a sheet marked as a dialog (opened from a
# "Description" tab). The description the page declares in JSON-LD (when it is real text, this
# long or longer) names it: an element holding its opening characters stays.
DESCRIPTION_MIN_CHARS = 80
DESCRIPTION_OPENING = 40
# Dialogs, by their markup: a query for the attributes is cheaper than one testing every element,
# and each attribute value knows its element (`getparent`).
# (Attributes of elements, `//*/@role`: libxml2 then skips the text nodes `//@role` also visits.)
_DIALOG_ATTRS = etree.XPath("//*/@role[.='dialog' or .='alertdialog'] | //*/@aria-modal[.='true']")
# Class and id words of furniture. Whole compounds, not bare words: "modal-enabled" marks a story
# box that opens a photo viewer, "cookie" alone a recipe's class.
_FURNITURE = re.compile(
    # a modal window
    r"(?:^|[\s_-])modal(?:$|\s|[-_]?(?:window|dialog|container|wrapper|overlay|popup|box)(?:$|\s))"
    # a consent or cookie banner, a consent platform's markup
    r"|cookie[-_]?(?:banner|bar|consent|law|notice|policy|description|preference)"
    r"|notice[-_]{0,2}cookie|consent[-_]?(?:banner|manager|sdk)|gdpr|onetrust|cookiebot"
    # printed on paper only (a reprint notice, a print header)
    r"|(?:^|\s)(?:print[-_]?(?:only|header|footer)|visible-print\S*|show-for-print)(?:$|\s)"
    # a hover card or a tooltip's text inside a paragraph (not the tooltip's trigger word)
    r"|(?:^|[\s_-])(?:hovercard|popover|rollover[-_][\w-]*block|tooltip[-_]?(?:text|content|body|inner))(?:$|\s)"
    # a newsletter sign-up box
    r"|(?:^|\s)newsletter(?:[-_](?:signup|sign-up|form|container|box|widget|block|subscribe))?(?:$|\s)",
    re.IGNORECASE)
# A consent platform's own markup (a cookie banner and its preference centre): it never holds the
# page's story, so the share guard does not keep it, however much text its purposes and vendor
# lists hold next to a short page. Narrower than `_FURNITURE`'s consent words: a cookie policy
# page's own text ("cookie-policy", "cookie-description") or a "gdpr" wrapper may be the page.
_CONSENT_PLATFORM = re.compile(
    r"cookie[-_]?(?:banner|bar|consent|law|notice|preference)|consent[-_]?(?:banner|manager|sdk)"
    r"|onetrust|cookiebot", re.IGNORECASE)
# A word every `_FURNITURE` match holds, lower-case. A page's class and id values are joined and
# searched for these with str.find first: a regular expression over each of a page's thousands of
# values cost more than a tenth of cleaning it.
_HINTS = ("modal", "cookie", "consent", "gdpr", "onetrust", "print", "hovercard", "popover",
          "rollover", "tooltip", "newsletter")
# Joins the values; attribute values never hold it (parse.py removes control characters).
_SEPARATOR = "\x00"


def unseen_elements(tree) -> list:
    """The page's dialogs, then the elements whose class or id names furniture."""
    found = [attr.getparent() for attr in _DIALOG_ATTRS(tree)]
    found += tree.iter("dialog")
    values, owners = [], []
    for el in tree.iter():
        cls, ident = el.get("class"), el.get("id")
        if cls:
            values.append(cls)
            owners.append(el)
        if ident:
            values.append(ident)
            owners.append(el)
    joined = _SEPARATOR.join(values).lower()
    ends = None
    hits = set()
    for hint in _HINTS:
        at = joined.find(hint)
        if at < 0:
            continue
        if ends is None:   # where each value ends in the joined string
            ends = list(accumulate(len(v) + 1 for v in values))
        while at >= 0:
            hits.add(bisect_right(ends, at))
            at = joined.find(hint, at + 1)
    found += (owners[i] for i in sorted(hits) if _FURNITURE.search(values[i]))
    return list(dict.fromkeys(found))


def drop_unseen(tree, description: str | None = None, log: list | None = None) -> int:
    """Remove the unseen elements of the page (their tails stay), except the page itself, any
    holding more than `MAX_SHARE` of the page's text (a consent platform's markup first, whatever
    its share), and any holding the opening of the product `description` the page declares.
    What goes is recorded in `log` as `extract:furniture`. Returns how many went."""
    found = unseen_elements(tree)
    opening = " ".join((description or "").split())
    if len(opening) >= DESCRIPTION_MIN_CHARS:
        opening = opening[:DESCRIPTION_OPENING]
        found = [el for el in found if opening not in " ".join(el.text_content().split())]
    platform = [el for el in found if _CONSENT_PLATFORM.search(_names(el))]
    if platform:
        found = [el for el in found if not _CONSENT_PLATFORM.search(_names(el))]
    return drop_minor(tree, platform, 1.0, log, RULE) + drop_minor(tree, found, MAX_SHARE, log, RULE)


def _names(el) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}"
