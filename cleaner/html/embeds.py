"""Embedded tweets lifted out of the widget boxes that hide them from the extraction.

A story that quotes a tweet embeds it as `<blockquote class="twitter-tweet">` holding the tweet's
text, its author and date: the story's own quotation, which the article benchmark's gold keeps.
Publishers wrap it in a box named for what it is ("social-media-embed", "article-widget"), and
trafilatura discards elements whose class names a social or widget box, so the quotation goes
with the box. Each such box that holds nothing but the tweet is replaced by the tweet itself, which
trafilatura keeps as a quote where it keeps the story around it.
"""
from __future__ import annotations

import re

# The class marking an embedded tweet, one of the blockquote's class names. Blockquotes are read
# with one walk of the tree in C and their class split here: an XPath test of each one's
# normalized class walks the tree more slowly.
_TWEET_CLASS = "twitter-tweet"
# What separates class names: XML whitespace, as XPath's normalize-space reads it.
_CLASS_SPACE = re.compile(r"[ \t\r\n]+")
# Boxes a tweet may be lifted out of: layout containers, never the story's paragraphs or lists.
_BOXES = frozenset({"div", "figure", "section", "aside", "span", "center"})


def _is_tweet(blockquote) -> bool:
    cls = blockquote.get("class")
    return bool(cls) and _TWEET_CLASS in cls and _TWEET_CLASS in _CLASS_SPACE.split(cls)


def _flat(el) -> str:
    return " ".join(el.text_content().split())


def lift_tweets(tree) -> int:
    """Replace each box that holds only an embedded tweet with the tweet; returns how many were
    lifted."""
    lifted = 0
    for tweet in [b for b in tree.iter("blockquote") if _is_tweet(b)]:
        text = _flat(tweet)
        box = None
        parent = tweet.getparent()
        while parent is not None and parent.tag in _BOXES and _flat(parent) == text:
            box = parent
            parent = parent.getparent()
        if box is None:
            continue
        tweet.tail = box.tail
        box.getparent().replace(box, tweet)
        lifted += 1
    return lifted
