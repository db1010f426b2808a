"""On HTML the page says what its title is (its only <h1>, og:title or <title>), so the `title`
cleaner takes a heading for the headline only when it is that title, or most of it
(cleaner/cleaners/title.py). Before, on a fifth of wcxb-dev's pages it took the first
headline-like line above the body instead: a shop's stock notice, a story's dateline."""
from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from cleaner import Cleaner
from cleaner.cleaners.title import _names_site, _names_title

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "html"


def _clean(name: str, url: str):
    with gzip.open(FIXTURES / name, "rt", encoding="utf-8") as f:
        return Cleaner(site_rules=False).clean(f.read(), url=url, kind="html")


@pytest.mark.parametrize("name, url, title, not_title", [
    # a shop's collection: "Only 3 left!" is the first card's stock notice, above the grid
    ("wcxb-4021.html.gz", "https://shopinthekitchen.com/collections/lodge", "Lodge Cast Iron", "Only 3 left!"),
    # a blog post: the date line above the post's heading
    ("wcxb-0065.html.gz", "https://obesitymedicine.org/blog/weight-loss-medications/",
     "Top Weight Loss Medications", "July 29, 2025"),
])
def test_the_headline_is_the_title_the_page_states(name, url, title, not_title):
    result = _clean(name, url)
    assert result.title == title
    assert not_title in result.text.splitlines()   # body or chrome, it is no headline
    assert not any(r.text == not_title for r in result.removed if r.cleaner == "title")


def test_a_heading_is_the_title_when_it_holds_most_of_it_word_for_word():
    assert _names_title("Is Football Violence a Crime?", "Opinion | Is Football Violence a Crime?")
    assert _names_title("Lodge Cast Iron", "LODGE CAST IRON")
    assert not _names_title("Only 3 left!", "Lodge Cast Iron")
    assert not _names_title("Crime", "Opinion | Is Football Violence a Crime?")   # under half of it


def test_a_title_that_is_only_the_sites_name_says_nothing():
    assert _names_site("India Post", "https://www.indiapost.com/with-shattered-dreams/")
    assert _names_site("Bogleheads.org", "https://www.bogleheads.org/forum/viewtopic.php")
    assert not _names_site("Lodge Cast Iron", "https://shopinthekitchen.com/collections/lodge")
    assert not _names_site("India Post", None)
