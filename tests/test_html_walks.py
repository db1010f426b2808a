"""The tree edits and reads that find their elements by tag in one walk in C (count lists, embedded
tweets, text-free elements, the title's h1) or by an XPath attribute step on elements (dialogs,
marked posts) find exactly what the XPath queries they replaced found, in the same order, on every
real page in fixtures/html: they are speed changes and must never change a body."""
from __future__ import annotations

import gzip

import pytest
from lxml import etree

from cleaner.html import countlists, embeds, posts, textless, unseen
from cleaner.html.parse import parse, separate_blocks
from tests.test_html import FIXTURES

PAGES = sorted(FIXTURES.glob("*.html.gz"))
# The queries the walks replaced, as they were.
_OLD_LISTS = etree.XPath("//ul|//ol")
_OLD_TWEETS = etree.XPath(
    "//blockquote[contains(concat(' ', normalize-space(@class), ' '), ' twitter-tweet ')]")
_OLD_DIALOGS = etree.XPath("//@role[.='dialog' or .='alertdialog'] | //@aria-modal[.='true']")
_OLD_TYPED = etree.XPath("//@itemtype/..")


def _tree(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        tree = parse(f.read())
    separate_blocks(tree)
    return tree


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name.split(".")[0])
def test_tag_walks_find_what_the_queries_found(path):
    tree = _tree(path)
    assert list(tree.iter(countlists._LIST_TAGS)) == _OLD_LISTS(tree)
    assert [b for b in tree.iter("blockquote") if embeds._is_tweet(b)] == _OLD_TWEETS(tree)
    assert [a.getparent() for a in unseen._DIALOG_ATTRS(tree)] == [a.getparent() for a in _OLD_DIALOGS(tree)]
    assert posts._TYPED(tree) == _OLD_TYPED(tree)
    assert list(tree.find("body").iter("h1")) == tree.xpath("//body//h1")   # page_title's h1


def test_the_pages_hold_what_the_walks_look_for():
    """So the test above compares something: tweets, dialogs, marked posts and count-list
    candidates all occur among the fixture pages."""
    trees = [_tree(p) for p in PAGES]
    assert sum(len(_OLD_TWEETS(t)) for t in trees) >= 2
    assert sum(len(_OLD_DIALOGS(t)) for t in trees) >= 5
    assert sum(len(_OLD_TYPED(t)) for t in trees) >= 5
    assert sum(len(_OLD_LISTS(t)) for t in trees) >= 100


def test_a_tweets_class_names_are_split_as_xpaths_normalize_space_splits_them():
    """XML whitespace (space, tab, line breaks) separates class names; a no-break space does not,
    as in the query the walk replaced."""
    classes = ["twitter-tweet", "a\ttwitter-tweet", " twitter-tweet\nb ", "twitter-tweet\xa0b",
               "xtwitter-tweet", "twitter-tweets", ""]
    body = "".join(f"<blockquote class='{c}'>t</blockquote>" for c in classes)
    tree = parse(f"<html><body>{body}</body></html>")
    found = [b for b in tree.iter("blockquote") if embeds._is_tweet(b)]
    assert found == _OLD_TWEETS(tree)
    assert [b.get("class") for b in found] == classes[:3]


def _two_walks(tree) -> int:
    """drop_textless as it was: the text-free leaves in one walk, the icons in a second."""
    gone = [el for el in tree.iter(textless.TEXTLESS_TAGS) if textless._blank(el.text) and not len(el)]
    gone += (el for el in tree.iter(textless.ICON_TAG)
             if el.getparent().tag in textless.ICON_PARENTS and textless._blank("".join(el.itertext())))
    for el in gone:
        space = "".join(el.itertext())
        if space:
            el.tail = space + (el.tail or "")
        el.tag = "gone"
    etree.strip_elements(tree, "gone", with_tail=False)
    return len(gone)


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name.split(".")[0])
def test_text_free_elements_found_in_one_walk_leave_the_tree_two_walks_left(path):
    one, two = _tree(path), _tree(path)
    assert textless.drop_textless(one) == _two_walks(two)
    assert etree.tostring(one, encoding="unicode") == etree.tostring(two, encoding="unicode")
