"""Other posts' cards on a blog post's page, removed from the tree before extraction.

WordPress marks a single post's page with `postid-N` on `<body>` and each post it renders with
the class `post-N`: the story itself, and the cards of other posts in "related", "popular" and
"more from" rails, which themes often nest inside the story's own `<article>`. trafilatura's
fallbacks (and the block classifier) read those cards as more of the body: on a page of short
quotes every other quote on the page came back. An element whose class names another post than
the page's is such a card; it goes, unless it holds the page's own post or more than `MAX_SHARE`
of the page's text (a theme that numbers the page's wrapper differently).
"""
from __future__ import annotations

import re

from lxml import etree

from .parse import drop_minor

# A card holding more than this share of the page's text is the page, not a card.
MAX_SHARE = 0.3
# The page's own post, on <body>: "single single-post postid-1806".
_PAGE_POST = re.compile(r"(?:^|\s)postid-(\d+)(?:\s|$)")
# A post's element: "post-7816 post type-post status-publish".
_POST = re.compile(r"(?:^|\s)post-(\d+)(?:\s|$)")
_POST_CLASSED = etree.XPath("//body//*[contains(@class, 'post-')]")


def other_posts(tree) -> list:
    """The outermost elements of the page that stand for another post than the page's own; none
    when the page names no post of its own."""
    body = tree.find("body")
    page = _PAGE_POST.search(body.get("class") or "") if body is not None else None
    if page is None:
        return []
    own = page.group(1)
    found, inside = [], set()
    for el in _POST_CLASSED(tree):
        match = _POST.search(el.get("class"))
        if match is None:
            continue
        if match.group(1) == own:
            inside.update(el.iterancestors())   # a card wrapping the page's own post is no card
        else:
            found.append(el)
    return [el for el in found if el not in inside]


def drop_other_posts(tree, log: list | None = None) -> int:
    """Remove other posts' cards from a blog post's page (their tails stay), except any holding
    more than `MAX_SHARE` of the page's text; recorded in `log` as `extract:other-post`. Returns
    how many went."""
    return drop_minor(tree, other_posts(tree), MAX_SHARE, log, "other-post")
