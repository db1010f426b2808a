"""A line naming a page's own story by its URL (cleaner/sites/headline.py): the broad test keeps such
lines out of learned window bounds; the headline test, which `drop_headline` drops by, also asks the
line to hold most of the slug's words, so a wrapped piece of a body sentence sharing a few of them
stays."""
from cleaner.sites.headline import is_the_headline, names_the_story, story_slug

URL = ("https://www.example.com/news/article/"
       "Body-of-missing-San-Antonio-rancher-found-in-Santa-Fe-New-Mexico-police-say-14848253.php")


def test_the_headline_and_the_url_printed_as_text_are_the_headline():
    slug = story_slug(URL)
    assert is_the_headline("Body of missing San Antonio rancher found in Santa Fe, New Mexico, police say", slug)
    assert is_the_headline(URL, slug)


def test_a_wrapped_piece_of_a_sentence_names_the_story_but_is_no_headline():
    slug = story_slug(URL)
    piece = "found in Santa Fe, New Mexico."
    assert names_the_story(piece, slug)        # mostly the slug's words: never a window bound
    assert not is_the_headline(piece, slug)    # but too few of them to be the headline: kept


def test_urls_without_a_story_name_give_no_slug():
    assert story_slug("https://www.example.com/news/14848253") is None
    assert story_slug(None) is None
    assert story_slug("https://www.example.com/world/") is None
