"""Learning site rules: from pages with hand-cleaned bodies (by example), or from the pages of a
batch alone (by repetition). Either way the result is one reviewable TOML per site, every rule with
a comment saying how many pages support it, checked by the same loader as hand-written files.

By example, a line is boilerplate when it was removed on several pages of the site and kept on
none; a cut marker is a line on every page that comes only after the body ends (or, for
`cut_until`, before it starts), on two pages at least. By repetition, a line is boilerplate when it recurs on many of
one site's pages: article text rarely repeats across a site's pages, menus and footers always do.
A recurring line the generic cleaners drop, after which they keep only a sliver of every page, is
a cut marker (the heading of a teaser list or of comments).
CCNet's line deduplication does the same over the whole crawl, ignoring which site a line is from;
grouping by site lets a threshold mean "most of this site's pages" instead of "twice anywhere".
And the generic cleaners' verdict on the same pages is the check: a rule is learned only for what
they get wrong (recurring prose they keep, chrome they keep on some pages), never for what they
already remove, nor for the short headings and labels they keep as body.

Nothing here memorises a page's body: a line counts only if it recurs on `min_support` pages.

The modules: `pages` reads and groups the records, `example` and `repetition` learn the line rules,
`selectors` the HTML selectors, `fingerprints` the lines that find a site without its URL,
`toml_out` writes the files; this one ties them up.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..registry import Registry
from .example import learn_by_example, re2_escape
from .fingerprints import add_fingerprints
from .pages import body_flags, group_pages, page_lines, read_page
from .repetition import learn_by_repetition
from .selectors import learn_selectors
from .toml_out import learned_registry, to_site_rules, to_toml
from .types import LearnedSite, LearnOptions, Page

__all__ = ["LearnOptions", "LearnedSite", "Page", "add_fingerprints", "body_flags", "group_pages",
           "learn_by_example", "learn_by_repetition", "learn_from_records", "learn_selectors",
           "learn_sites", "learned_registry", "page_lines", "re2_escape", "read_page", "to_site_rules",
           "to_toml"]


def learn_sites(groups: Mapping[str, list[Page]], options: LearnOptions = LearnOptions()) -> list[LearnedSite]:
    """Every site that learned something; by example when the pages carry bodies."""
    learned = []
    for site in sorted(groups):
        pages = groups[site]
        by_example = all(p.body is not None for p in pages)
        result = (learn_by_example if by_example else learn_by_repetition)(site, pages, options)
        if result is not None and not result.empty:
            learned.append(result)
    add_fingerprints(learned, groups, options)
    return learned


def learn_from_records(records: Iterable[Mapping], expected: Mapping[str, str] | None = None,
                       options: LearnOptions = LearnOptions(), registry: Registry | None = None,
                       workers: int = 1) -> list[LearnedSite]:
    """`cleaner learn` and `batch --learn-sites` in one call: group, learn, fingerprint."""
    return learn_sites(group_pages(records, expected, registry, workers), options)
