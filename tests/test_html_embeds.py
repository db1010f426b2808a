"""Embedded tweets are lifted out of the widget boxes that trafilatura discards
(cleaner/html/embeds.py); the real page that shows it is in fixtures/html (tests/test_html.py runs
its keep and drop snippets)."""
from __future__ import annotations

from cleaner import Cleaner
from cleaner.html.embeds import lift_tweets
from cleaner.html.parse import parse
from tests.test_html import CASES, flat, page

TWEET = ("<blockquote class='twitter-tweet'><p lang='en'>The bridge is open again!</p>"
         "&#8212; City Hall (@cityhall) <a href='https://twitter.com/x'>November 18, 2019</a></blockquote>")


def test_a_box_holding_only_a_tweet_is_replaced_by_the_tweet():
    tree = parse(f"<html><body><div class='story'><p>Before.</p><div class='social-media-embed'>"
                 f"<figure class='widget'>{TWEET}</figure></div> After.</div></body></html>")
    assert lift_tweets(tree) == 1
    story = tree.find(".//div")
    assert [el.tag for el in story] == ["p", "blockquote"]
    assert flat(story.text_content()) == ("Before.The bridge is open again!— City Hall (@cityhall) "
                                          "November 18, 2019 After.")


def test_a_box_with_more_than_the_tweet_stays_whole():
    markup = (f"<html><body><div class='social-share'><a href='/share'>Share this story</a>{TWEET}</div>"
              "</body></html>")
    tree = parse(markup)
    assert lift_tweets(tree) == 0
    assert tree.find(".//div").get("class") == "social-share"


def test_a_tweet_in_the_storys_own_container_is_left_where_it_is():
    tree = parse(f"<html><body><article><p>Before.</p>{TWEET}</article></body></html>")
    assert lift_tweets(tree) == 0


def test_on_the_real_page_the_tweets_were_missing_before(monkeypatch):
    """The fixture's keep snippets from the tweets are there because of this module: without it
    the body lacks them (so the keep/drop test in test_html.py tests this module, not luck)."""
    case = next(c for c in CASES if c.get("step") == "embeds")
    monkeypatch.setattr("cleaner.html.extract.lift_tweets", lambda tree: 0)
    body = flat(Cleaner(site_rules=False).clean(page(case), url=case["url"], kind="html").text)
    assert all(flat(snippet) not in body for snippet in case["keep"][:2])
    assert flat(case["keep"][2]) in body
