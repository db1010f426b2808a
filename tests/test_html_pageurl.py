"""A page given without its URL is read with the URL it states for itself: the site, its rules and
the extraction's URL cues work on HTML files saved to a folder as on a crawler's records."""
from __future__ import annotations

import pytest

from cleaner import Cleaner
from cleaner.html.pageurl import declared_url
from tests.test_html import CASES, flat, page

GENERIC = Cleaner(site_rules=False)


def _head(*tags: str) -> str:
    return f"<html><head>{''.join(tags)}</head><body><p>Text.</p></body></html>"


@pytest.mark.parametrize("tags, url", [
    (['<link rel="canonical" href="https://www.example.com/news/a-story">'],
     "https://www.example.com/news/a-story"),
    # attributes in any order, single quotes or none, entities undone
    (["<link href='https://example.com/a?x=1&amp;y=2' rel='canonical'>"], "https://example.com/a?x=1&y=2"),
    (["<LINK REL=canonical HREF=https://example.org/b>"], "https://example.org/b"),
    # og:url when there is no canonical link, the canonical link first when there are both
    (['<meta property="og:url" content="https://example.net/c">'], "https://example.net/c"),
    (['<meta property="og:url" content="https://example.net/c">',
      '<link rel="canonical" href="https://example.com/d">'], "https://example.com/d"),
    # a relative canonical names no site: og:url is taken instead, or nothing
    (['<link rel="canonical" href="/e">', '<meta property="og:url" content="https://example.com/e">'],
     "https://example.com/e"),
    (['<link rel="canonical" href="/e">'], None),
    (['<link rel="stylesheet" href="https://example.com/site.css">'], None),
    (['<meta property="og:url" content="javascript:alert(1)">'], None),
])
def test_declared_url(tags, url):
    assert declared_url(_head(*tags)) == url


def test_a_page_without_a_url_is_cleaned_as_with_the_one_it_states():
    # a recipe index whose body depends on its URL (a section front: og:type article, a URL
    # naming no story); saved without its URL, it states it as its canonical link
    case = next(c for c in CASES if c.get("step") == "fronts")
    markup = page(case)
    assert declared_url(markup) == case["url"]
    given = GENERIC.clean(markup, url=case["url"], kind="html")
    found = GENERIC.clean(markup, kind="html")
    assert (found.site, found.url) == (given.site, case["url"])
    assert found.text == given.text
    assert all(flat(s) in flat(found.text) for s in case["keep"])


def test_a_url_the_caller_gives_wins_over_the_page_own():
    markup = _head('<link rel="canonical" href="https://www.example.com/news/a-story">')
    result = GENERIC.clean(markup, url="https://mirror.example.org/copy", kind="html")
    assert (result.site, result.url) == ("mirror.example.org", "https://mirror.example.org/copy")


def test_text_dumps_keep_no_url_of_their_own():
    result = GENERIC.clean("A line that mentions https://www.example.com/news/a-story.\n", kind="text")
    assert result.site is None and result.url is None
