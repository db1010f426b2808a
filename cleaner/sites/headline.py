"""A page's own story's name: news sites spell a story's headline in its URL ("LeBron sets
triple-double mark, Lakers hold off OKC 112-107" under ".../LeBron-sets-triple-double-mark-Lakers-
hold-off-14848253.php"), so a line holding the URL's last segment, or mostly that segment's words,
names the story: its headline, or the URL printed as text. Learning by example keeps such lines out
of a site's window bounds (on no other page), and a layout's `drop_headline` drops them."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

WORDS = re.compile(r"\w+", re.UNICODE)
# A line of at least this many words, this share of them the words of the URL's last segment.
SLUG_MIN_WORDS = 3
SLUG_SHARE = 0.6
URL_SUFFIXES = {"php", "html", "htm", "aspx"}


def story_slug(url: str | None) -> tuple[str, set[str]] | None:
    """The last segment of a page's URL, lower-cased, and its words (numbers and file suffixes
    left out), or None when it has fewer than `SLUG_MIN_WORDS` words: no story's name."""
    segment = urlsplit(url or "").path.rstrip("/").rsplit("/", 1)[-1].lower()
    slug = {w for w in WORDS.findall(segment) if not w.isdigit()} - URL_SUFFIXES
    return (segment, slug) if len(slug) >= SLUG_MIN_WORDS else None


def names_the_story(line: str, slug: tuple[str, set[str]]) -> bool:
    """Whether the line is a page's own story's name (`slug`, from `story_slug`): its URL's last
    segment, or mostly that segment's words (a headline: "The Latest: Man stabbed ..." under
    ".../The-Latest-Man-stabbed-....php")."""
    return _names(line, slug, covers=0.0)


def is_the_headline(line: str, slug: tuple[str, set[str]]) -> bool:
    """Whether the line is the story's headline or its URL (`names_the_story`) and not a piece of
    a sentence that happens to share the slug's words: it also holds `SLUG_SHARE` of them. A console
    browser's wrapped body line ("found in Santa Fe, New Mexico.") is mostly the slug's words
    without being the headline."""
    return _names(line, slug, covers=SLUG_SHARE)


def _names(line: str, slug: tuple[str, set[str]], covers: float) -> bool:
    """The URL's last segment in the line, or a line of `SLUG_MIN_WORDS` words or more, `SLUG_SHARE`
    of them the segment's words, holding `covers` of the segment's words."""
    segment, words_of_slug = slug
    lowered = line.lower()
    if segment in lowered:
        return True
    words = [w for w in WORDS.findall(lowered) if not w.isdigit()]
    if len(words) < SLUG_MIN_WORDS or sum(w in words_of_slug for w in words) < SLUG_SHARE * len(words):
        return False
    return len(words_of_slug.intersection(words)) >= covers * len(words_of_slug)
