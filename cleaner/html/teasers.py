"""A rail of teaser links at the end of an article's extraction, trimmed.

trafilatura's fast recall mode keeps text when unsure, and on many news pages that is the rail
after the story: "Top stories", "Latest news", each entry a headline that links to another
article, often run together with its one-line summary ("Pochettino fired by TottenhamPochettino
took the club to..."). In the extraction's blocks such a rail is a run at the end where every
block is, or starts with, the whole text of one link on the page. `trim_teaser_rail` cuts that
run when it holds at least `MIN_TEASERS` such blocks (headings between them go too, and one short
line closing the extraction after them, a copyright or ISSN line of the page's footer: the story
ended before the rail), and leaves the story alone otherwise. The caller asks only on pages that
say they are articles.
"""
from __future__ import annotations

from .parse import text_of

# A rail has at least this many teasers: two links closing a story are its sources.
MIN_TEASERS = 3
# Link texts shorter than this (characters) are menu labels and tags, not headlines.
MIN_HEADLINE = 15
# Headings inside the rail ("Top stories", "Partner news") are at most this long.
MAX_RAIL_HEADING = 40
# Short plain lines after the rail (a copyright line) go with it: the story ended before the rail.
MAX_FOOTER_LINES = 1
MAX_FOOTER_CHARS = 100
# The story must keep at least this share of the extraction's text.
MIN_STORY_SHARE = 0.5


def trim_teaser_rail(tree, texts: list[str], kinds: list[str]) -> tuple[list[str], list[str]]:
    """The blocks without a closing rail of teaser links, or as they were."""
    if len(texts) <= MIN_TEASERS:
        return texts, kinds
    links: dict[str, list[str]] = {}
    for a in tree.iter("a"):
        text = text_of(a)
        if len(text) < MIN_HEADLINE:   # whitespace folded, it is shorter still
            continue
        text = " ".join(text.split())
        if len(text) >= MIN_HEADLINE:
            links.setdefault(text[:MIN_HEADLINE], []).append(text)
    if not links:
        return texts, kinds
    start = len(texts)
    teasers = 0
    footer = 0
    for i in range(len(texts) - 1, -1, -1):
        text = texts[i]
        if any(text.startswith(link) for link in links.get(text[:MIN_HEADLINE], ())):
            teasers += 1
        elif kinds[i] == "h" and len(text) <= MAX_RAIL_HEADING:
            pass
        elif not teasers and footer < MAX_FOOTER_LINES and len(text) <= MAX_FOOTER_CHARS:
            footer += 1   # a page footer's line after the rail ("copyright 2019")
        else:
            break
        start = i
    if teasers < MIN_TEASERS:
        return texts, kinds
    total = sum(map(len, texts))
    if sum(map(len, texts[:start])) < MIN_STORY_SHARE * total:
        return texts, kinds
    return texts[:start], kinds[:start]
