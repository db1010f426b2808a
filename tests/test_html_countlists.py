"""Count lists (a blog's archive by month, its categories with post counts) leave the tree before
extraction (cleaner/html/countlists.py); the real page that shows it is in fixtures/html."""
from __future__ import annotations

import pytest

from cleaner import Cleaner
from cleaner.html.countlists import drop_count_lists, is_count_list
from cleaner.html.parse import parse
from tests.test_html import CASES, flat, page

MONTHS = ["Novembro (113)", "Outubro (217)", "Setembro (193)", "Agosto (183)", "Julho (155)", "Junho (170)"]


def linked(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li><a href='/a{i}'>{t}</a></li>" for i, t in enumerate(items)) + "</ul>"


def body_after(markup: str) -> str:
    tree = parse(f"<html><body><p>{'The mayor opened the new bridge on Friday. ' * 20}</p>{markup}</body></html>")
    drop_count_lists(tree)
    return flat(tree.find("body").text_content())


def test_an_archive_of_months_with_counts_goes():
    assert "Novembro" not in body_after(linked(MONTHS))


def test_a_year_list_whose_months_are_folded_goes_with_them():
    years = "".join(f"<li><a href='/y{y}'>{y}</a>{linked(MONTHS)}</li>" for y in range(2012, 2019))
    text = body_after(f"<ul>{years}</ul>")
    assert "2014" not in text and "Julho" not in text


@pytest.mark.parametrize("items", [
    ["Titanic (1997)", "Avatar (2009)", "Aliens (1986)", "The Abyss (1989)", "True Lies (1994)"],  # a filmography
    MONTHS[:4],                                                                        # too short
    MONTHS[:3] + ["About us", "Contact", "Jobs"],                                      # mostly other links
])
def test_lists_that_only_look_counted_stay(items):
    assert flat(items[0]) in body_after(linked(items))


def test_counted_items_without_links_are_no_widget():
    tree = parse("<ul>" + "".join(f"<li>{t}</li>" for t in MONTHS) + "</ul>")
    assert not is_count_list(tree.find(".//ul"))


def test_on_a_real_page_the_archive_reached_the_body_before(monkeypatch):
    """aeb-f6ac15a4d9851139 does not say it is an article; with its archive of 15 years of months
    in the tree the block classifier's body (the archive) replaced the story. The archive's
    months are links with counts, so the takeover rule against rails of numbers (takeover.py)
    now refuses that body as well: each step alone keeps the story, and without both the
    archive replaces it."""
    case = next(c for c in CASES if c.get("step") == "countlists")

    def body() -> str:
        return flat(Cleaner(site_rules=False).clean(page(case), url=case["url"], kind="html").text)

    def story_only(text: str) -> bool:
        return all(flat(s) in text for s in case["keep"]) and not any(flat(s) in text for s in case["drop"])

    assert story_only(body())
    monkeypatch.setattr("cleaner.html.extract.drop_count_lists", lambda tree, log=None: 0)
    assert story_only(body())   # the rail rule holds it
    monkeypatch.setattr("cleaner.html.extract.added_number_rail", lambda blocks, body: False)
    assert any(flat(s) in body() for s in case["drop"])
    monkeypatch.undo()
    monkeypatch.setattr("cleaner.html.extract.added_number_rail", lambda blocks, body: False)
    assert story_only(body())   # the count lists' step holds it
