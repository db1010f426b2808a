"""Grouping pages that carry no URL into sites by the chrome they share.

A dump saved without its URL, of a site no rule file knows, still belongs to a site: its menus,
footers and rails are printed on every page of that site and on no other. Pages are put together
when they share enough of those lines, so learning from repetition can run on them as on a host's
pages. Only lines the generic cleaners drop count (or, by example, lines the hand-cleaned body
does not keep): five sites carrying one agency story share its sentences, never their chrome.
Short, generic lines ("Home", "Share") are shared by many sites, so a line counts only when it
is specific enough, and a page joins a group only when a large share of its shared lines are the
group's.

The grouping is greedy in input order, with an index from line to group, so it costs one pass over
the pages' lines. Each group is named `unnamed-<hash>.invalid` (a reserved top-level domain,
so no real host ever matches it); its fingerprints identify its pages when the rules are applied.
"""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict

from .types import MAX_LINE_CHARS, Page

# A line is specific enough to tell sites apart with this many words, or this many characters.
SPECIFIC_MIN_WORDS = 3
SPECIFIC_MIN_CHARS = 20
# A page joins a group when it shares at least this many such lines with it...
MIN_SHARED_LINES = 3
# ...and they are at least this share of the lines it shares with any other page of the input.
MIN_SHARED_SHARE = 0.5
# Named under a reserved top-level domain: no URL's host is ever one of these.
UNNAMED_SUFFIX = ".invalid"


def chrome_lines(page: Page) -> set[str]:
    """The page's specific lines that are not body: by example the body flags say which, by
    repetition the generic verdict does; without either, every specific line."""
    keep = page.body if page.body is not None else page.generic
    if keep is None:
        keep = [False] * len(page.lines)
    return {line for line, kept in zip(page.lines, keep)
            if not kept and len(line) <= MAX_LINE_CHARS
            and (len(line) >= SPECIFIC_MIN_CHARS or len(line.split()) >= SPECIFIC_MIN_WORDS)}


def cluster_pages(pages: list[Page]) -> dict[str, list[Page]]:
    """The pages in groups of one site each, keyed by a made-up site name; a page sharing too
    little with every other is a group of its own (and, alone, learns nothing)."""
    chrome = [chrome_lines(page) for page in pages]
    seen = Counter(line for lines in chrome for line in lines)
    groups: list[list[int]] = []
    index: dict[str, set[int]] = defaultdict(set)   # line -> the groups whose pages have it
    for i, lines in enumerate(chrome):
        shared = {line for line in lines if seen[line] > 1}
        votes = Counter(g for line in shared for g in index[line])
        best = max(votes, key=lambda g: (votes[g], -g), default=None)
        if best is not None and votes[best] >= max(MIN_SHARED_LINES, MIN_SHARED_SHARE * len(shared)):
            groups[best].append(i)
        else:
            best = len(groups)
            groups.append([i])
        for line in shared:
            index[line].add(best)
    named: dict[str, list[Page]] = {}
    for members in groups:
        name = _name(pages[members[0]], chrome[members[0]])
        while name in named:   # two pages alike but sharing too few lines to join: both stay
            name = _name(pages[members[0]], chrome[members[0]], salt=name)
        named[name] = [pages[i] for i in members]
    return named


def _name(first: Page, lines: set[str], salt: str = "") -> str:
    """A stable made-up site name: a hash of the group's first page's chrome (or its lines)."""
    basis = salt + ("\n".join(sorted(lines)) or "\n".join(first.lines))
    return "unnamed-" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:10] + UNNAMED_SUFFIX
