"""The five real captures of one story from five sites: the generic pipeline, with no site rules,
must give each one's expected body and title exactly."""
import pytest

from cleaner import Cleaner
from tests.helpers import seeds

SEEDS = list(seeds())
CLEANER = Cleaner(site_rules=False)  # the built-in site rules are tested in tests/sites/


@pytest.mark.parametrize("stem,text,expected,meta", SEEDS, ids=[s[0] for s in SEEDS])
def test_seed_body_and_title_exact(stem, text, expected, meta):
    result = CLEANER.clean(text)
    assert result.text == expected.strip()
    assert result.title == meta["title"]
    if "description" in meta:
        assert result.description == meta["description"]


def test_seeds_as_bytes_give_the_same_body():
    stem, text, expected, _ = SEEDS[4]
    assert CLEANER.clean(text.encode("utf-8")).text == expected.strip()


def test_reference_seed_removals_name_their_cleaner():
    stem, text, _, _ = next(s for s in SEEDS if s[0].startswith("004"))
    by_text = {r.text: r.cleaner for r in CLEANER.clean(text).removed}
    assert by_text["• Dark"] == "ui_controls"
    assert by_text["For the latest headlines, follow our Google News channel online or via the app."] == "promos"
    assert by_text["Published: Updated:"] == "bylines"
    assert by_text["Read more:"] == "related"
    assert by_text["US renews calls for talks with North Korea"] == "title"
