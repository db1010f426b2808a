"""Section fronts: a page whose metadata says article but whose URL names no story (a recipe
index, a blog's category, a news section) and whose extraction holds a small part of the page's
text is treated as no article, so the block classifier may widen a body cut to its intro."""
from __future__ import annotations

from cleaner import Cleaner
from cleaner.html import extract as extract_module
from cleaner.html.extract import (FRONT_SHARE, extracted_share, extraction, looks_like_article,
                                  looks_like_front, read_page)
from tests.test_html import CASES, flat, page


def _front_case() -> dict:
    return next(c for c in CASES if c.get("step") == "fronts")


def _body(case: dict) -> str:
    return flat(Cleaner(site_rules=False).clean(page(case), url=case["url"], kind="html").text)


def test_a_recipe_index_stamped_article_keeps_every_recipe(monkeypatch):
    # the theme gives the index og:type article; the extraction keeps its intro and a teaser, the
    # classifier every recipe card's title
    case = _front_case()
    tree, _, declared = read_page(page(case))
    assert looks_like_article(tree, case["url"], declared)
    assert looks_like_front(case["url"])
    body = _body(case)
    assert all(flat(s) in body for s in case["keep"])
    monkeypatch.setattr(extract_module, "looks_like_front", lambda url: False)
    before = _body(case)
    assert sum(flat(s) in before for s in case["keep"]) <= len(case["keep"]) - 3


def test_front_urls():
    assert looks_like_front("https://www.example.com/economy/")
    assert looks_like_front("https://example.com/recipes/air-fryer-recipes")
    assert looks_like_front("https://example.com/category/recipes/cooking-method/airfryer/")
    assert looks_like_front("https://example.com/")
    assert looks_like_front("https://example.com/services/index.html")
    # a story: its headline's words, a date or an id
    assert not looks_like_front("https://example.com/news/a-cat-found-alive-after-ten-days")
    assert not looks_like_front("https://example.com/2019/11/18/markets")
    assert not looks_like_front("https://example.com/news/world-europe-50481234")
    assert not looks_like_front("https://example.com/p/20231104.html")
    assert not looks_like_front(None)


def test_a_front_whose_extraction_holds_most_of_the_page_stays_an_article():
    # a short URL and og:type article, but the extraction already holds most of the page's
    # text (one long story beside a two-link menu): nothing for the classifier to widen
    story = " ".join(f"Sentence {n} of the story tells one more thing." for n in range(40))
    markup = (f'<html><head><meta property="og:type" content="article"></head><body>'
              f'<nav><a href="/">Home</a> <a href="/about">About</a></nav>'
              f'<article><h1>A story</h1><p>{story}</p></article></body></html>')
    url = "https://example.com/news/a-story"
    tree, _, declared = read_page(markup)
    texts, _, article = extraction(tree, url, declared)
    assert looks_like_front(url) and extracted_share(tree, texts) > FRONT_SHARE
    assert article
