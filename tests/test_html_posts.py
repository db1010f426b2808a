"""A forum thread's posts marked with schema.org microdata replace a body that holds a small part
of them (cleaner/html/posts.py); the real thread that shows it is in fixtures/html
(tests/test_html.py runs its keep and drop snippets)."""
from __future__ import annotations

from cleaner import Cleaner
from cleaner.html import posts
from cleaner.html.parse import parse, separate_blocks
from tests.test_html import CASES, flat, page

THREAD = next(c for c in CASES if c["id"] == "0502")   # a Discourse thread of nine posts
OPENING = " ".join(["My container cannot resolve the name of the database container on the bridge."] * 4)
REPLY = " ".join(["Use a user-defined network so the embedded DNS server answers for the names."] * 4)
STORY = " ".join(["The council voted on Tuesday to rebuild the old bridge before the spring floods."] * 8)


def post(kind: str, text: str, inner: str = "") -> str:
    return (f"<div itemscope itemtype='http://schema.org/{kind}'><span itemprop='author'>someone</span>"
            f"<div itemprop='text'><p>{text}</p></div>{inner}</div>")


def tree_of(body: str):
    tree = parse(f"<html><body>{body}</body></html>")
    separate_blocks(tree)
    return tree


def clean(markup: str, url: str) -> str:
    return flat(Cleaner(site_rules=False).clean(markup, url=url, kind="html").text)


def test_a_thread_whose_extraction_kept_one_post_gets_every_post(monkeypatch):
    markup = page(THREAD)
    assert len(posts.marked_posts(tree_of(markup))) == 9
    body = clean(markup, THREAD["url"])
    assert all(flat(s) in body for s in THREAD["keep"])
    monkeypatch.setattr(posts, "POSTS_GAIN", float("inf"))   # the rule off: the premise
    without = clean(markup, THREAD["url"])
    assert sum(flat(s) in without for s in THREAD["keep"]) <= 2


def test_posts_replace_a_body_that_is_one_of_them():
    tree = tree_of(post("DiscussionForumPosting", OPENING) + post("Comment", REPLY) + post("Comment", REPLY))
    assert posts.thread_body(tree, [REPLY]) == [OPENING, REPLY, REPLY]


def test_an_article_above_its_comment_section_stays():
    """The comments hold more words than the story, but the story is none of theirs."""
    comments = "".join(post("Comment", REPLY) for _ in range(6))
    tree = tree_of(f"<article><p>{STORY}</p></article>{comments}")
    assert posts.thread_body(tree, [STORY]) is None


def test_posts_that_add_little_to_the_body_leave_it_alone():
    tree = tree_of(post("Question", OPENING) + post("Answer", "Use a user-defined network."))
    assert posts.thread_body(tree, [OPENING]) is None        # twice the words is the least
    assert posts.thread_body(tree, []) is None               # nothing extracted: the classifier's
    assert posts.thread_body(tree_of(post("Question", OPENING)), [OPENING[:40]]) is None  # one post


def test_a_reply_nested_in_a_post_is_its_own_post_in_page_order():
    tree = tree_of(post("Question", OPENING, inner=post("Comment", REPLY)))
    assert [flat(el.text_content()) for el in posts.marked_posts(tree)] == [OPENING, REPLY]
