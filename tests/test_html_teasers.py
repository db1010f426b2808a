"""A closing rail of teaser links is trimmed from an article's extraction (cleaner/html/teasers.py);
the real page that shows it is in fixtures/html (tests/test_html.py runs its snippets)."""
from __future__ import annotations

from cleaner import Cleaner
from cleaner.html.parse import parse
from cleaner.html.teasers import trim_teaser_rail
from tests.test_html import CASES, flat, page

STORY = ["The council voted on Tuesday to rebuild the old bridge before the spring floods.",
         "Work starts in March and the road will stay open to buses throughout.",
         "Residents asked for a footbridge as well, which the council will consider next year."]
HEADLINES = ["Mayor opens the new library on Mill Street", "Flood wall holds as the river rises",
             "School buses to run on the winter timetable"]


def links(*texts: str) -> str:
    return "".join(f"<li><a href='/x{i}'>{t}</a></li>" for i, t in enumerate(texts))


def page_tree(*extra_links: str):
    return parse(f"<html><body><article>{''.join(f'<p>{p}</p>' for p in STORY)}</article>"
                 f"<ul>{links(*HEADLINES, *extra_links)}</ul></body></html>")


def test_a_closing_rail_of_headlines_and_its_heading_go():
    texts = STORY + ["Top stories"] + [h + " A summary glued to it." for h in HEADLINES]
    kinds = ["p"] * 3 + ["h"] + ["p"] * 3
    assert trim_teaser_rail(page_tree(), texts, kinds) == (STORY, ["p"] * 3)


def test_two_closing_links_are_sources_and_stay():
    texts = STORY + HEADLINES[:2]
    assert trim_teaser_rail(page_tree(), texts, ["p"] * 5) == (texts, ["p"] * 5)


def test_headlines_inside_the_story_stay():
    texts = HEADLINES + STORY
    assert trim_teaser_rail(page_tree(), texts, ["p"] * 6) == (texts, ["p"] * 6)


def test_a_page_that_is_mostly_links_keeps_them():
    texts = STORY[:1] + HEADLINES + [h + "!" for h in HEADLINES]
    tree = page_tree(*[h + "!" for h in HEADLINES])
    assert trim_teaser_rail(tree, texts, ["p"] * 7) == (texts, ["p"] * 7)


def test_on_the_real_page_the_rail_reached_the_body_before(monkeypatch):
    case = next(c for c in CASES if c["file"].startswith("aeb-35b158918c676ff2"))
    monkeypatch.setattr("cleaner.html.extract.trim_teaser_rail", lambda tree, texts, kinds: (texts, kinds))
    body = flat(Cleaner(site_rules=False).clean(page(case), url=case["url"], kind="html").text)
    assert all(flat(s) in body for s in case["drop"])


def test_a_short_footer_line_after_the_rail_goes_with_it():
    texts = STORY + HEADLINES + ["copyright Example News 2019 - ISSN: 1234-5678"]
    assert trim_teaser_rail(page_tree(), texts, ["p"] * 7) == (STORY, ["p"] * 3)


def test_a_paragraph_after_the_rail_keeps_it_and_more_than_one_footer_line_does_too():
    closing = ("The council will publish the full plans for the bridge, with their costs and the timetable "
               "for the works, at its next meeting in April.")
    for tail in ([closing], ["copyright 2019", "ISSN 1234-5678"]):
        texts = STORY + HEADLINES + tail
        assert trim_teaser_rail(page_tree(), texts, ["p"] * len(texts)) == (texts, ["p"] * len(texts))


def test_on_the_real_page_with_a_footer_line_the_rail_reached_the_body_before(monkeypatch):
    case = next(c for c in CASES if c["file"].startswith("aeb-94fbcc2677208864"))
    monkeypatch.setattr("cleaner.html.teasers.MAX_FOOTER_LINES", 0)
    body = flat(Cleaner(site_rules=False).clean(page(case), url=case["url"], kind="html").text)
    assert all(flat(s) in body for s in case["drop"])
