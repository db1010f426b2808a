"""What learning works with: its thresholds (each a named option of `cleaner learn`), a page as
learning sees it, and what it learned for a site, rule by rule with its support."""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

# Lines longer than this are paragraphs, not chrome: never learned as boilerplate.
MAX_LINE_CHARS = 300
# A fingerprint must be specific enough not to turn up on another site by chance.
FINGERPRINT_MIN_CHARS = 16
FINGERPRINT_MIN_WORDS = 3
# A layout for pages of unknown date starts here, so it applies to every capture.
UNDATED_SINCE = date(1970, 1, 1)
WORDS = re.compile(r"\w+", re.UNICODE)


# A line of at least this many word pairs, this share of them said elsewhere on the page, is a copy
# of the page's text, not text of its own (the whole story again in one line of metadata).
COPY_MIN_PAIRS = 30
COPY_SHARE = 0.8


def copy_lines(lines: Sequence[str], among: Iterable[int]) -> set[int]:
    """Which of the lines at `among` copy the others' text: a page's metadata dumped as text prints
    its whole story again in one line. The longest copy goes first, so of a story printed twice in
    one line each, the second counts as the page's own."""
    among = list(among)
    pairs = {i: _word_pairs(lines[i]) for i in among}
    said = Counter(pair for i in among for pair in pairs[i])
    copies = set()
    for i in sorted(among, key=lambda i: -len(lines[i])):
        repeated = sum(said[pair] > 1 for pair in pairs[i])
        if len(pairs[i]) >= COPY_MIN_PAIRS and repeated >= COPY_SHARE * len(pairs[i]):
            copies.add(i)
            said.subtract(pairs[i])
    return copies


def _word_pairs(line: str) -> set[tuple[str, str]]:
    words = WORDS.findall(line.lower())
    return set(zip(words, words[1:]))


def spoken_words(text: str) -> str:
    """Lower-case words joined by single spaces, padded, for whole-word containment tests."""
    return " " + " ".join(WORDS.findall(text.lower())) + " "


@dataclass(frozen=True)
class LearnOptions:
    """The thresholds of learning; each is a named option of `cleaner learn`."""

    min_pages: int = 3            # a site with fewer pages learns nothing
    min_support: int = 2          # a rule needs at least this many pages...
    min_share: float = 0.5        # ...and at least this share of the site's pages
    fingerprint_share: float = 0.8   # a fingerprint is on at least this share of the site's pages
    max_fingerprints: int = 3
    # Rules that remove a whole region (cut markers, HTML selectors) need this many pages whatever
    # the other thresholds: one page cannot show that a marker never comes before the body...
    region_min_pages: int = 2
    # ...and a cut marker must be on this share of the pages (all: a page without it may be another
    # layout of the site, a shop's listing beside its product pages, where it comes first).
    marker_share: float = 1.0
    # By repetition, the generic cleaners' verdict on the same pages is the check: a recurring line
    # is learned only where they drop it on at least this share of the pages holding it (a line
    # they keep as body on most pages is a heading or label the site's pages share); lines of
    # under `prose_min_words` words only (a story's sentence quoted under the others as a teaser
    # is dropped there and kept on its own page)...
    generic_drop_share: float = 0.5
    # ...or where it is on at least this share of the site's pages and a sentence of
    # `prose_min_words`+ words (a footer blurb, a newsletter pitch: prose the classifier keeps).
    prose_share: float = 0.8
    prose_min_words: int = 5
    # ...or where it sits, on `support_needed` pages, in a run of at least `run_min_lines` recurring
    # lines of at most `run_max_words` words each: a menu, a footer's link list or a form printed
    # line by line, which the classifier keeps item by item when a dumper spreads it over many
    # short lines (console browsers, innerText). Shared headings and spec labels alternate with
    # page-specific lines, so they make no such run; runs of longer lines are teasers or quotes.
    run_min_lines: int = 4
    run_max_words: int = 8
    # A page that would lose more than this share of what the generic cleaners keep to lines learned
    # by repetition is a copy of another page's story (a reprint, a print view): no support.
    max_body_share: float = 0.8
    # A line the generic cleaners drop on every page holding it changes nothing but the classifier's
    # view of the page (removed early, it shifts positions and neighbours): not learned.
    learn_redundant: bool = False
    # By repetition, a recurring line is a cut marker ("More World", "Our Latest Stories") where,
    # on every page holding it, the generic cleaners keep at most this share of the page's body
    # after it: what they keep there is the teaser list the heading opens, not the story.
    tail_share: float = 0.1
    # The body window (`window.py`): the story sits between the same two recurring chrome lines on
    # every page, and what lies outside goes (`body_after`, `body_until`). By example the expected
    # bodies place it; by repetition...
    body_window: bool = True
    # ...where the window holds at least this share of every page's own text the generic cleaners
    # keep (what a page shares with no other page of its site), of its story and of the gaps other
    # pages fill too: a shop's product page keeps its description above a spec table and its
    # reviews below it, and the window would hold one.
    window_share: float = 0.9
    # By example on HTML, a body selector (the container holding the expected body on every page)
    # is learned only when asked: held out on the benchmark's multi-page sites it never helped
    # (`bench/site_learning.py`, HTML by example: shops 0.707 with it against 0.714 without,
    # news pairs 0.982 both, articles 0.874 both), since the extractor already finds the body and a
    # container fitted to four pages can leave the fifth's body outside. Drop selectors stay.
    body_selector: bool = False

    def support_needed(self, pages: int) -> int:
        return max(self.min_support, math.ceil(self.min_share * pages))


@dataclass
class Page:
    """One page as learning sees it: its lines and, by example, which of them are body."""

    site: str
    lines: list[str]
    body: list[bool] | None = None
    day: date | None = None
    markup: str | None = None     # HTML pages learned by example: for selectors
    expected: str | None = None   # the hand-cleaned body, by example
    generic: list[bool] | None = None   # which lines the generic cleaners keep
    url: str | None = None


@dataclass
class LearnedSite:
    """What was learned for one site: each rule value with the number of pages supporting it."""

    site: str
    pages: int
    mode: str
    since: date = UNDATED_SINCE
    fingerprints: list[tuple[str, int]] = field(default_factory=list)
    drop_lines: list[tuple[str, int]] = field(default_factory=list)
    cut_from: list[tuple[str, int]] = field(default_factory=list)
    cut_until: list[tuple[str, int]] = field(default_factory=list)
    body_after: list[tuple[str, int]] = field(default_factory=list)
    body_until: list[tuple[str, int]] = field(default_factory=list)
    drop_matching: list[tuple[str, int]] = field(default_factory=list)
    drop_selectors: list[tuple[str, int]] = field(default_factory=list)
    body_selector: tuple[str, int] | None = None
    drop_headline: int = 0   # the pages saying so (`drop_headline`), or 0: not learned

    @property
    def empty(self) -> bool:
        return not (self.drop_lines or self.drop_matching or self.cut_from or self.cut_until
                    or self.body_after or self.body_until or self.drop_selectors or self.body_selector
                    or self.drop_headline)



def new_site(site: str, pages: list[Page], mode: str) -> LearnedSite:
    """An empty result for a site, dated by its earliest page."""
    days = [p.day for p in pages if p.day is not None]
    return LearnedSite(site=site, pages=len(pages), mode=mode, since=min(days) if days else UNDATED_SINCE)
