"""Other posts' cards on a blog post's page leave the tree before extraction
(cleaner/html/otherposts.py); the real page that shows it is in fixtures/html (tests/test_html.py
runs its keep and drop snippets)."""
from __future__ import annotations

from cleaner import Cleaner
from cleaner.html.otherposts import drop_other_posts, other_posts
from cleaner.html.parse import parse
from tests.test_html import CASES, flat, page

STORY = " ".join(["The council voted on Tuesday to rebuild the old bridge before the spring floods."] * 6)
CARD = "<article class='post-77 post type-post'><p>Another story about the harbour.</p></article>"


def texts_after(markup: str) -> str:
    tree = parse(markup)
    drop_other_posts(tree)
    return flat(tree.find("body").text_content())


def test_another_posts_card_goes_and_the_story_and_the_text_after_it_stay():
    markup = (f"<html><body class='single postid-12'><article class='post-12 post'><p>{STORY}</p>"
              f"{CARD}</article> Closing words.</body></html>")
    text = texts_after(markup)
    assert "Another story about the harbour." not in text
    assert STORY in text and text.endswith("Closing words.")


def test_a_page_that_names_no_post_of_its_own_keeps_every_card():
    """A blog's front page or archive lists posts: they are its body."""
    markup = f"<html><body class='home blog'><p>{STORY}</p>{CARD}</body></html>"
    assert other_posts(parse(markup)) == []
    assert "Another story about the harbour." in texts_after(markup)


def test_a_wrapper_holding_the_pages_own_post_stays():
    markup = (f"<html><body class='postid-12'><div class='post-3'><article class='post-12'><p>{STORY}</p>"
              f"</article></div>{CARD}</body></html>")
    tree = parse(markup)
    assert [el.get("class") for el in other_posts(tree)] == ["post-77 post type-post"]


def test_a_card_holding_most_of_the_page_is_the_page_and_stays():
    markup = (f"<html><body class='postid-12'><div class='post-9'><p>{STORY}</p></div><p>Menu</p>"
              "</body></html>")
    tree = parse(markup)
    assert len(other_posts(tree)) == 1
    assert drop_other_posts(tree) == 0
    assert STORY in flat(tree.find("body").text_content())


def test_on_the_real_page_the_other_posts_reached_the_body_before(monkeypatch):
    """The fixture's drop snippets are there because of this module: without it the body holds
    them (so the keep/drop test in test_html.py tests this module, not luck)."""
    case = next(c for c in CASES if c.get("step") == "otherposts")
    monkeypatch.setattr("cleaner.html.extract.drop_other_posts", lambda tree, log=None: 0)
    body = flat(Cleaner(site_rules=False).clean(page(case), url=case["url"], kind="html").text)
    assert all(flat(snippet) in body for snippet in case["drop"])
