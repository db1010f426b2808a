"""Fingerprints: the lines that find a site's pages in a dump saved without its URL.

A fingerprint must still be on the site's pages next week, not only on the pages it was learned
from. Lines on most of a week's pages include the day's teaser headlines ("Most Popular": the same
five stories on every page of a batch), and they are the longest, so support and length alone pick
them. Durable lines come first: the site's own prose (a footer's blurb, a copyright notice: words
mostly in lower case, ending in punctuation as sentences do, or wrapped mid-sentence) and the items
of its menus (short lines in long runs of recurring lines). A headline is neither: it is Title
Case, or, in sentence case, it stops without punctuation; and a teaser list's items are longer
than a menu's.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import replace

from .repetition import long_runs
from .types import FINGERPRINT_MIN_CHARS, FINGERPRINT_MIN_WORDS, LearnedSite, LearnOptions, Page

# A menu's item has at most this many words ("• Risk & Compliance"); a teaser list's headlines are
# longer ("• Epstein's Jail Guards Charged With Conspiracy, Records Falsification": 8).
MENU_ITEM_MAX_WORDS = 5
# Prose: at least this share of its words start in lower case (a headline in Title Case has none
# but its small words)...
PROSE_LOWER_SHARE = 0.5
# ...and it ends as a sentence does, or as a sentence wrapped by the dumper does.
_SENTENCE_END = re.compile(r"[.!?,;:]['\"’”)]*$")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def add_fingerprints(learned: list[LearnedSite], groups: Mapping[str, list[Page]],
                     options: LearnOptions = LearnOptions()) -> None:
    """Give each site the most specific lines found on most of its pages, on no page of any other
    site in the input, and never body, so its dumps are recognised without a URL; durable lines
    (`durable_lines`) before the rest. They are its learned rules' lines, or chrome the generic
    cleaners already drop (a site whose rules are all short lines is still recognised by its footer)."""
    owners: dict[str, set[str]] = defaultdict(set)
    for site, pages in groups.items():
        for page in pages:
            for line in page.lines:
                owners[line].add(site)
    for site in learned:
        pages = groups[site.site]
        need = max(options.min_support, math.ceil(options.fingerprint_share * len(pages)))
        candidates = dict(site.drop_lines + site.cut_from + site.cut_until)
        candidates.update((line, n) for line, n in _chrome_everywhere(pages).items() if line not in candidates)
        chosen = [(l, n) for l, n in candidates.items()
                  if n >= need and owners[l] == {site.site} and len(l) >= FINGERPRINT_MIN_CHARS
                  and len(l.split()) >= FINGERPRINT_MIN_WORDS]
        durable = durable_lines(pages, [l for l, _ in chosen], need, options)
        chosen.sort(key=lambda x: (x[0] not in durable, -x[1], -len(x[0]), x[0]))
        site.fingerprints = chosen[:options.max_fingerprints]


def durable_lines(pages: list[Page], lines: list[str], need: int, options: LearnOptions) -> set[str]:
    """Of `lines`, those a site keeps for months: its own prose, and its menus' items (recurring
    short lines in runs of `run_min_lines` on `need` pages)."""
    recurring = {l for l, n in Counter(l for page in pages for l in set(page.lines)).items() if n >= need}
    menus = long_runs(pages, recurring, need, replace(options, run_max_words=MENU_ITEM_MAX_WORDS))
    return {line for line in lines if line in menus or is_prose(line, options.prose_min_words)}


def is_prose(line: str, min_words: int) -> bool:
    """A sentence (or a wrapped piece of one) of at least `min_words` words, most of them in lower
    case; or a copyright notice."""
    if "©" in line:
        return True
    words = _WORD.findall(line)
    if len(words) < min_words or not _SENTENCE_END.search(line):
        return False
    return sum(w[0].islower() for w in words) >= PROSE_LOWER_SHARE * len(words)


def _chrome_everywhere(pages: list[Page]) -> Counter:
    """Lines with the number of pages holding them, for the lines that are body on none of them
    (by the hand-cleaned bodies, or else by the generic cleaners' verdict)."""
    held, body = Counter(), set()
    for page in pages:
        keep = page.body if page.body is not None else page.generic
        if keep is None:
            return Counter()
        held.update(set(page.lines))
        body.update(line for line, kept in zip(page.lines, keep) if kept)
    return Counter({line: n for line, n in held.items() if line not in body})
