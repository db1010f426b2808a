"""A forum thread's posts, read from the schema.org microdata the forum software marks them with.

Discourse, vBulletin, XenForo and others mark each post of a thread as an item (`itemscope`,
`itemtype` DiscussionForumPosting, Comment, Answer, ...) whose `itemprop="text"` element holds
what the poster wrote. trafilatura's extraction often keeps one post of such a thread (the longest,
or the accepted answer), and the block classifier drops the others as repeated cards. When the
marked posts hold `POSTS_GAIN` times the extraction's words, and the extraction is itself mostly
words of those posts (`INSIDE_SHARE`: a part of the thread, not an article above its comment
section), the posts in page order are the body.
"""
from __future__ import annotations

import re
from collections import Counter

from lxml import etree

# schema.org types of one post of a thread (a reply is often a Comment of the opening post).
POST_TYPES = frozenset({"DiscussionForumPosting", "Comment", "Answer", "Question", "SocialMediaPosting",
                        "Message"})
# The posts replace the extraction when they hold this many times its words: held out on wcxb-dev
# the pages where the extraction kept one post of a Discourse thread hold 2 to 5 times as many;
# Q&A pages whose posts add every answer's comments to what the extraction kept hold up to 1.7.
POSTS_GAIN = 2.0
# ...and when at least this share of the extraction's words are words of the posts.
INSIDE_SHARE = 0.5
# A thread is two posts or more.
MIN_POSTS = 2
# Elements with an itemtype, then those that are items: libxml2 walks an attribute step about a
# third faster than an element step with two predicates (the same elements, in page order), and
# one on elements (`//*/@`) faster than `//@`, which also visits every text node.
_TYPED = etree.XPath("//*/@itemtype/..")
_POST_TEXT = etree.XPath(".//*[@itemprop='text' or @itemprop='articleBody']")
_WORD = re.compile(r"\w+")


def marked_posts(tree) -> list:
    """Each marked post's text element, in page order: the first `itemprop` text or articleBody
    element whose nearest item is the post itself (not a reply nested in it)."""
    found = []
    for item in _TYPED(tree):
        if item.get("itemscope") is None or \
                item.get("itemtype").rstrip("/").rsplit("/", 1)[-1] not in POST_TYPES:
            continue
        for text in _POST_TEXT(item):
            owner = next((a for a in text.iterancestors() if a.get("itemscope") is not None), None)
            if owner is item:
                found.append(text)
                break
    return found


def thread_body(tree, kept: list[str]) -> list[str] | None:
    """The thread's posts as blocks (each post's lines), when they should replace the extraction
    `kept` (see the module's docstring); else None."""
    posts = marked_posts(tree)
    if len(posts) < MIN_POSTS:
        return None
    blocks = [" ".join(line.split()) for post in posts for line in post.text_content().splitlines()]
    blocks = [b for b in blocks if b]
    ours = Counter(w.lower() for text in kept for w in _WORD.findall(text))
    theirs = Counter(w.lower() for text in blocks for w in _WORD.findall(text))
    kept_words = sum(ours.values())
    if not kept_words or sum(theirs.values()) < POSTS_GAIN * kept_words or \
            sum((ours & theirs).values()) < INSIDE_SHARE * kept_words:
        return None
    return blocks
