"""Learning from repetition: rules from a batch's pages alone. A line recurring on most of one
site's pages is boilerplate (article text rarely repeats across a site, menus and footers always
do), where the generic cleaners' verdict on the same pages leaves room for a rule. A recurring
line after which they keep only a tail of every page is a cut marker: the heading of a teaser list
or of comments, whose items change from page to page and so never recur themselves. And the
recurring chrome lines around the story on every page bound the site's body window (`window.py`)."""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Container

from .example import pick_markers
from .types import MAX_LINE_CHARS, LearnedSite, LearnOptions, Page, new_site
from .window import learn_window


def learn_by_repetition(site: str, pages: list[Page], options: LearnOptions = LearnOptions()) -> LearnedSite | None:
    """Rules from the pages alone: lines on at least `support_needed` of the site's pages, where
    the generic cleaners' verdict on the same pages leaves room for a rule (`_generic_check`)."""
    if len(pages) < options.min_pages:
        return None
    need = options.support_needed(len(pages))
    counts = Counter(l for page in pages for l in set(page.lines))
    recurring = {l for l, n in counts.items() if n >= need}
    # Chrome comes in runs (menus, footers); a recurring line alone between page-specific lines is
    # a heading the site's pages share ("Specifications", "Examples"), which is body. A sentence
    # stands alone too: an "About us" paragraph or an affiliate disclosure set into every story.
    in_runs: Counter = Counter()
    for page in pages:
        flags = [l in recurring for l in page.lines]
        in_runs.update({l for i, l in enumerate(page.lines) if flags[i] and (
            (i > 0 and flags[i - 1]) or (i + 1 < len(flags) and flags[i + 1]))})
    learned = new_site(site, pages, "repetition")
    candidates = [(l, counts[l]) for l in recurring
                  if in_runs[l] >= need or len(l.split()) >= options.prose_min_words]
    menus = long_runs(pages, recurring, need, options)
    learned.drop_lines = sorted(_generic_check(candidates, pages, need, options, menus),
                                key=lambda x: (-x[1], x[0]))
    marker_need = max(need, options.region_min_pages, math.ceil(options.marker_share * len(pages)))
    learned.cut_from = _cut_markers(pages, recurring, marker_need, options)
    if options.body_window and len(pages) >= marker_need:
        learned.body_after, learned.body_until = learn_window(pages, recurring, options.window_share)
    return learned


def long_runs(pages: list[Page], recurring: set[str], need: int, options: LearnOptions) -> set[str]:
    """The recurring short lines that sit in a run of `run_min_lines` or more of them on at least
    `need` pages: a menu or a footer printed line by line, chrome even where the classifier keeps it."""
    pages_in_run: Counter = Counter()
    for page in pages:
        short = [l in recurring and len(l.split()) <= options.run_max_words for l in page.lines]
        found, i = set(), 0
        while i < len(short):
            j = i
            while j < len(short) and short[j]:
                j += 1
            if j - i >= options.run_min_lines:
                found.update(page.lines[i:j])
            i = j + 1
        pages_in_run.update(found)
    return {l for l, n in pages_in_run.items() if n >= need}


def _cut_markers(pages: list[Page], recurring: set[str], need: int,
                 options: LearnOptions) -> list[tuple[str, int]]:
    """Recurring lines after whose first occurrence the generic cleaners keep at most `tail_share`
    of the body on every page holding them, and something on at least one (else the rule changes
    nothing); of those, per page the earliest, which cuts the most, with its support. A line a page
    prints twice marks no one place (a brand in a list above an FAQ and again in the footer); a
    teaser list's heading is printed once."""
    if any(p.generic is None for p in pages):
        return []
    valid: Counter = Counter()
    broken: set[str] = set()
    firsts: list[dict[str, int]] = []
    room: set[str] = set()
    for page in pages:
        tails, total = _kept_after(page)
        first: dict[str, int] = {}
        for i, line in enumerate(page.lines):
            if line in recurring and len(line) <= MAX_LINE_CHARS:
                if line in first:   # printed twice: not one place where the body ends
                    broken.add(line)
                first.setdefault(line, i)
        firsts.append(first)
        for line, i in first.items():
            # A heading the generic cleaners keep ("Conclusion", "Specifications") is the body's own.
            if total and not page.generic[i] and tails[i] <= options.tail_share * total:
                valid[line] += 1
                if tails[i]:
                    room.add(line)
            else:
                broken.add(line)
    good = {l: n for l, n in valid.items() if n >= need and l not in broken and l in room}
    return pick_markers(firsts, good, after_body=True)


def _kept_after(page: Page) -> tuple[list[int], int]:
    """For each line, the characters the generic cleaners keep after it; and all they keep."""
    tails, after = [0] * len(page.lines), 0
    for i in range(len(page.lines) - 1, -1, -1):
        tails[i] = after
        if page.generic[i]:
            after += len(page.lines[i])
    return tails, after


def _generic_check(candidates: list[tuple[str, int]], pages: list[Page], need: int,
                   options: LearnOptions, menus: Container[str] = ()) -> list[tuple[str, int]]:
    """The candidate lines the generic cleaners' verdicts on the same pages leave room for (see
    `LearnOptions`): lines they mostly drop already but keep somewhere, recurring prose (of any
    length: an "About us" paragraph under every press release), and the items of recurring
    menus (`long_runs`). A page that would lose nearly all its generic body to the first two is a
    copy of another page's story, and does not count as support."""
    if any(p.generic is None for p in pages):
        return [(l, n) for l, n in candidates if len(l) <= MAX_LINE_CHARS]
    holding, kept = Counter(), Counter()
    for page in pages:
        verdict: dict[str, bool] = {}
        for line, keep in zip(page.lines, page.generic):
            verdict[line] = verdict.get(line, False) or keep
        holding.update(verdict.keys())   # (each line once: a mapping would add its verdicts)
        kept.update(l for l, keep in verdict.items() if keep)
    prose_need = options.prose_share * len(pages)
    chosen: dict[str, float] = {}   # line -> the support it needs
    for line, n in candidates:
        if not kept[line] and not options.learn_redundant:
            continue
        prose = len(line.split()) >= options.prose_min_words
        if len(line) <= MAX_LINE_CHARS and (line in menus or (
                not prose and holding[line] - kept[line] >= options.generic_drop_share * holding[line])):
            # A menu's item, or a label mostly dropped already. Not a sentence: a story's own,
            # quoted under other stories as a teaser, is dropped there and kept on its page.
            chosen[line] = need
        elif n >= prose_need and prose:
            chosen[line] = prose_need    # recurring prose
        elif n >= prose_need and len(line.split()) >= options.prose_min_words:
            chosen[line] = prose_need    # recurring prose
    support = {l: n for l, n in candidates if l in chosen}
    # A copy shares the story's paragraphs; a page that is mostly menu (a section front) keeps its
    # menu's support: its items are chrome however little else the page holds.
    copied = {l for l in chosen if l not in menus}
    for page in pages:
        if _learned_share(page, copied) > options.max_body_share:
            for line in set(page.lines) & copied:
                support[line] -= 1
    return [(l, n) for l, n in candidates if l in chosen and support[l] >= chosen[l]]


def _learned_share(page: Page, lines: Container[str]) -> float:
    """The share of what the generic cleaners keep on a page that these lines would remove."""
    body = sum(len(l) for l, keep in zip(page.lines, page.generic) if keep)
    gone = sum(len(l) for l, keep in zip(page.lines, page.generic) if keep and l in lines)
    return gone / body if body else 0.0
