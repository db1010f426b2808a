"""Sections announcing reviews or other items leave a page that is no article
(cleaner/html/sections.py); the real page that shows it is in fixtures/html (tests/test_html.py
runs its snippets)."""
from __future__ import annotations

import pytest

from cleaner import Cleaner
from cleaner.document import Document
from cleaner.html.sections import REVIEW_TITLES, RULE, drop_other_items_sections
from tests.test_html import CASES, flat, page

DESCRIPTION = ["Hand-thrown stoneware mug, glazed in two tones and fired twice.",
               "Holds 350 ml; dishwasher and oven safe."]
REVIEWS = ["Lovely mug, arrived well packed.", "Smaller than I expected but beautiful."]


def doc(*blocks: tuple[str, str]) -> Document:
    return Document(texts=[t for t, _ in blocks], kinds=[k for _, k in blocks],
                    gap_before=[True] * len(blocks))


def kept(d: Document) -> list[str]:
    return [d.texts[i] for i in d.kept()]


def product(heading: str, *after: tuple[str, str]) -> Document:
    return doc(("Stoneware mug", "h"), *((t, "p") for t in DESCRIPTION), (heading, "h"),
               *((t, "p") for t in REVIEWS), *after)


@pytest.mark.parametrize("heading", ["Customer reviews", "Reviews (76)", "Ratings & Reviews",
                                     "Top reviews from other countries", "Similar items",
                                     "You may also like:", "Customers who viewed this item also bought",
                                     "Recently viewed", "About this seller"])
def test_a_section_under_a_heading_announcing_other_things_goes(heading):
    d = product(heading)
    drop_other_items_sections(d)
    assert kept(d) == ["Stoneware mug", *DESCRIPTION]
    assert {r.rule for r in d.removals()} == {RULE}


CARE = [("Care", "h"), ("Wash by hand to keep the glaze bright.", "p")]


def test_a_section_of_other_items_ends_at_the_next_heading():
    d = product("Similar items", *CARE)
    drop_other_items_sections(d)
    assert kept(d) == ["Stoneware mug", *DESCRIPTION, "Care", "Wash by hand to keep the glaze bright."]


def test_a_reviews_section_runs_over_its_reviews_titles_and_ends_after_them():
    titles = [("Great mug", "h"), (REVIEWS[0], "p"), ("A bit small", "h"), (REVIEWS[1], "p")]
    d = product("Customer reviews", *titles, *CARE)
    drop_other_items_sections(d)
    assert kept(d) == ["Stoneware mug", *DESCRIPTION, "Care", "Wash by hand to keep the glaze bright."]
    assert REVIEW_TITLES == 2   # the fixture above holds that many titles


def test_a_reviews_section_stops_at_a_heading_announcing_another_section():
    d = product("Customer reviews", ("You may also like", "h"), ("Tall mug in blue", "p"), *CARE)
    drop_other_items_sections(d)
    assert kept(d) == ["Stoneware mug", *DESCRIPTION, "Care", "Wash by hand to keep the glaze bright."]
    assert [r.text for r in d.removals()][-2:] == ["You may also like", "Tall mug in blue"]


@pytest.mark.parametrize("heading", ["Review", "Submitting product reviews to Google",
                                     "What people are saying about us", "Frequently asked questions",
                                     "Shipping and returns"])
def test_a_heading_that_only_mentions_such_things_keeps_its_section(heading):
    d = product(heading)
    drop_other_items_sections(d)
    assert kept(d) == d.texts


def test_a_heading_that_opens_the_page_is_what_the_page_is_about():
    d = doc(("Customer reviews", "h"), *((t, "p") for t in REVIEWS))
    drop_other_items_sections(d)
    assert kept(d) == d.texts


def test_a_paragraph_reading_like_such_a_heading_is_no_heading():
    d = doc(*((t, "p") for t in DESCRIPTION), ("You may also like", "p"), (REVIEWS[0], "p"))
    drop_other_items_sections(d)
    assert kept(d) == d.texts


ARTICLE = ("<html><head><meta property='og:type' content='article'></head><body><article>"
           "<h1>Five mugs we tested</h1>" + "".join(f"<p>{t} We used it every day for a month.</p>" for t in DESCRIPTION * 3)
           + "<h2>Customer reviews</h2>" + "".join(f"<p>{t} Readers wrote to us about it.</p>" for t in REVIEWS * 3)
           + "</article></body></html>")


def test_an_article_keeps_such_sections():
    body = Cleaner(site_rules=False).clean(ARTICLE, kind="html").text
    assert REVIEWS[0] in body


def test_on_the_real_page_the_reviews_reached_the_body_before(monkeypatch):
    case = next(c for c in CASES if c.get("step") == "sections")
    body = flat(Cleaner(site_rules=False).clean(page(case), url=case["url"], kind="html").text)
    assert all(flat(s) in body for s in case["keep"])
    assert not any(flat(s) in body for s in case["drop"])
    monkeypatch.setattr("cleaner.html.extract.drop_other_items_sections", lambda doc: None)
    before = flat(Cleaner(site_rules=False).clean(page(case), url=case["url"], kind="html").text)
    # the reviews' and photos' headings (the classifier scores a review and the seller's box as
    # chrome too: trim.py takes those, but it leaves headings)
    assert sum(flat(s) in before for s in case["drop"]) >= 2
