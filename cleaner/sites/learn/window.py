"""The body window, learned from repetition: a site's pages share a layout, so each story sits in
the same place, after the same recurring chrome line and before the same other one. The lines
outside that window go, whatever the generic cleaners made of them: the teaser list under the
story, the comments, the headlines of other stories above it.

The window is bounded by anchors: lines on every page of the site, printed as often on each (once,
or twice: a share bar above the story and again below it), that the generic cleaners drop wherever
they are (chrome, not a heading the site's stories share), each printing in one order on all pages.
Between two neighbouring anchors lies a gap. A page's story is the gap holding most of its own
text (what the generic cleaners keep, the site's other pages do not repeat and the page does not
print twice: a story printed again whole in one line by a page's metadata), widened over the
neighbouring gaps that hold some too across a few empty ones (a story split by an ad slot). The
layout claim is that the story sits in the same place on every page, so the window is the gaps
every page's story spans (one page's story may also take in a caption's gap the others leave
empty), learned only when it holds `window_share` of every page's own text: of its story, and of
the gaps other pages fill too (a shop's page keeps its description above a spec table and its
reviews below it, and a window would hold one of them); a gap one page alone fills, away from its
story, is its comments or a teaser box. It becomes the layout's `body_after` (the anchor before
it) and `body_until` (the anchor after it). A rule opens the window after a line's first printing
and closes it at the line's first printing after that, so those are the printings a bound can be.
Where the pages' stories do not agree (a page whose comments outweigh its one-paragraph post takes
them for its story), the window is the tightest frame the site prints around every page's text of
its own, the two printings of one line with nothing of a page's own just outside them, where it
holds `window_share` of each page's own text (inside it, and in the gaps outside it that other
pages fill too).

Lines printed three times or more on a page, or more often on one page than another, are never
anchors: an ad slot's "Advertisement", a product roundup's "Jump to Review" recur inside a story,
and a window bounded by one of them cut the story in two (a listicle's intro and picks, a review's
first paragraph). The figures, and what was tried, are in docs/site-learning.md.

By example (`window_by_example`) the expected bodies say where each story lies, so the bounds are
the nearest lines around it that every learning page prints as often, once or twice, and no
expected body says, by the printing a rule hits: a line's first printing above the story opens, a
line printed nowhere between that opening and the story's end closes; besides the nearest few, on
each side the nearest a page prints twice (the template's: a story's own lines are printed once).
A line naming a page's own story by its URL (the headline its slug spells, the URL itself) is no
bound.
"""
from __future__ import annotations

from collections import Counter

from ..headline import names_the_story, story_slug
from .types import MAX_LINE_CHARS, Page, copy_lines, spoken_words

# By example, the bounds learned on each side: per page this many of the nearest lines to the story.
# The nearest is often the story's own (its byline, date or headline), on no other page; a page
# cleaned opens the window after the first bound it prints and closes it at the first after that.
EXAMPLE_BOUNDS = 3
# ...and besides them, on each side the nearest line the page prints twice (with a letter or
# digit: not an icon, a rule or a form field's underscores): a menu's item printed in the header
# and the footer, a share bar's button above and below the story. A story's own byline, date or
# teaser is printed once, and where the nearest are all such, the bound the next page prints is
# farther: one printed twice is the template's.
TWICE_BOUNDS = 1
# A line printed up to this many times on every page, as often on each, bounds a window by one of
# its printings (a share bar above and below the story); more often, it is an ad slot's label.
MAX_PRINTINGS = 2
# A story's gaps may be parted by up to this many gaps holding none of the page's own text.
WIDEN_ACROSS = 2


def learn_window(pages: list[Page], recurring: set[str], share: float
                 ) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """The (body_after, body_until) lines that bound the pages' common body window, each with its
    support (every page), or empty lists where a side would cut nothing the generic cleaners keep.
    Nothing is learned unless every page has the generic verdict and some text of its own, the
    pages' stories share some gaps, and the window holds `share` of every page's own text (its
    story's and that in gaps other pages fill too); where the stories disagree, the window is a
    frame of one line's two printings around every page's own text, if any (`_frame`)."""
    if len(pages) < 2 or any(p.generic is None for p in pages):
        return [], []
    chain = _anchors(pages)
    if not chain:
        return [], []
    where = [_occurrences(page, chain) for page in pages]
    masses = []
    for page, at in zip(pages, where):
        bounds = [-1] + at + [len(page.lines)]
        own = _own_lines(page, recurring)
        masses.append([sum(len(page.lines[i]) for i in range(bounds[j] + 1, bounds[j + 1]) if i in own)
                       for j in range(len(bounds) - 1)])
    spans = [_story_gaps(m) for m in masses]
    filled = [sum(bool(m[j]) for m in masses) for j in range(len(chain) + 1)]
    found = _shared_story(masses, spans, filled, share)
    if found is not None:
        first_gap, last_gap = found
        head = _opening(pages, where, chain, first_gap)
        tail = _closing(pages, where, chain, last_gap, head)
    else:   # where a page's comments outweigh its story, the site's own frame around it may show it
        frame = _frame(chain, masses, filled, share)
        if frame is None:
            return [], []
        head, tail = frame
    n = len(pages)
    # The opening line is learned where it cuts something, or where the closing line is also
    # printed above it (a share bar above and below the story): without it the window would close there.
    head_line = [chain[head][0]] if head is not None and any(
        _kept_chars(p, range(at[head]))
        or (tail is not None and _first_after(p, chain[tail][0], -1) != at[tail])
        for p, at in zip(pages, where)) else []
    tail_line = [chain[tail][0]] if tail is not None and any(
        _kept_chars(p, range(at[tail], len(p.lines))) for p, at in zip(pages, where)) else []
    return [(l, n) for l in head_line], [(l, n) for l in tail_line]


def _shared_story(masses: list[list[int]], spans: list[tuple[int, int]], filled: list[int],
                  share: float) -> tuple[int, int] | None:
    """The first and last gap of the window every page's story spans, where it holds `share` of
    every page's own text; None where the stories sit in different places or it holds less."""
    # Each page's story: its gap holding most text of its own, widened over neighbouring gaps
    # holding some. Where one page's story also takes in a gap next to it that the others leave
    # empty (a caption, a box of teasers under one story), the window is what all of them share.
    first_gap, last_gap = max(s[0] for s in spans), min(s[1] for s in spans)
    if first_gap > last_gap:   # the stories sit in different places: no common layout
        return None
    for m, (first, last) in zip(masses, spans):
        # What the window must hold most of: the page's story, and whatever text of its own lies
        # in gaps other pages fill too (a gap one page alone fills, away from its story, holds its
        # comments or a teaser box: not the site's place for anything).
        counted = sum(x for j, x in enumerate(m) if first <= j <= last or filled[j] > 1)
        if sum(m[first_gap:last_gap + 1]) < share * counted:
            return None
    return first_gap, last_gap


def _frame(chain: list[tuple[str, int]], masses: list[list[int]], filled: list[int],
           share: float) -> tuple[int, int] | None:
    """Where the pages' stories do not agree on a window: the anchors (opening, closing) of the
    tightest frame, the two printings of one line (a post's "Previous Post" link above the story
    and again below it), that holds text of every page's own, with none in the gaps just outside
    it (no story runs across it), and `share` of each page's own text counting outside it only
    the gaps other pages fill too: a page whose comments outweigh its one-paragraph post has its
    story there all the same."""
    first_printing = {line: j for j, (line, k) in enumerate(chain) if k == 0}
    frames = sorted(((first_printing[line], b) for b, (line, k) in enumerate(chain)
                     if k == 1 and line in first_printing), key=lambda f: f[1] - f[0])
    for a, b in frames:
        inside = [sum(m[a + 1:b + 1]) for m in masses]
        outside = [sum(x for j, x in enumerate(m) if not a < j <= b and filled[j] > 1) for m in masses]
        bare = all(not m[a] and not m[b + 1] for m in masses)   # no story runs across the frame
        if bare and all(inside) and all(i >= share * (i + o) for i, o in zip(inside, outside)):
            return a, b
    return None


def _opening(pages: list[Page], where: list[list[int]], chain: list[tuple[str, int]],
             first_gap: int) -> int | None:
    """The anchor that opens the window before `first_gap`: the nearest above it that is its
    line's first printing on every page (a rule opens the window after a line's first printing)."""
    for j in range(first_gap - 1, -1, -1):
        if all(page.lines.index(chain[j][0]) == at[j] for page, at in zip(pages, where)):
            return j
    return None


def _closing(pages: list[Page], where: list[list[int]], chain: list[tuple[str, int]],
             last_gap: int, head: int | None) -> int | None:
    """The anchor that closes the window after `last_gap`: the nearest below it that is its line's
    first printing after the opening on every page (where a rule closes the window)."""
    for j in range(last_gap, len(chain)):
        line = chain[j][0]
        if all(_first_after(page, line, -1 if head is None else at[head]) == at[j]
               for page, at in zip(pages, where)):
            return j
    return None


def _first_after(page: Page, line: str, start: int) -> int | None:
    return next((i for i in range(start + 1, len(page.lines)) if page.lines[i] == line), None)


def _occurrences(page: Page, chain: list[tuple[str, int]]) -> list[int]:
    """Where each anchor of `chain` (a line and which of its printings) is on the page."""
    seen = _printings(page, {line for line, _ in chain})
    return [seen[line][k] for line, k in chain]


def _story_gaps(mass: list[int]) -> tuple[int, int]:
    """The first and last gap of a page's story: the gap holding most story text, widened over
    neighbouring gaps that hold story text too, across at most `WIDEN_ACROSS` gaps with none (a
    story split by an ad slot or a pull quote's frame)."""
    best = max(range(len(mass)), key=mass.__getitem__)
    first = last = best
    while (step := _next_story_gap(mass, first, -1)) is not None:
        first = step
    while (step := _next_story_gap(mass, last, 1)) is not None:
        last = step
    return first, last


def _next_story_gap(mass: list[int], gap: int, way: int) -> int | None:
    for j in range(gap + way, gap + way * (WIDEN_ACROSS + 2), way):
        if not 0 <= j < len(mass):
            return None
        if mass[j]:
            return j
    return None


def _anchors(pages: list[Page]) -> list[tuple[str, int]]:
    """The printings of lines on every page, printed as often on each, dropped by the generic
    cleaners wherever printed, in one order on all pages (the first page's order, keeping each
    printing that stays after the last kept one on every page): (line, which printing)."""
    counts = [Counter(page.lines) for page in pages]
    kept = set().union(*({l for l, keep in zip(page.lines, page.generic) if keep} for page in pages))
    common = {l for l, c in counts[0].items() if len(l) <= MAX_LINE_CHARS and c <= MAX_PRINTINGS
              and l not in kept and all(c2[l] == c for c2 in counts[1:])}
    printing: Counter = Counter()
    tokens = []
    for line in pages[0].lines:
        if line in common:
            tokens.append((line, printing[line]))
            printing[line] += 1
    where = [_occurrences(page, tokens) for page in pages]
    chain: list[tuple[str, int]] = []
    last: list[int] | None = None
    for j, token in enumerate(tokens):
        if last is None or all(at[j] > prev for at, prev in zip(where, last)):
            chain.append(token)
            last = [at[j] for at in where]
    return chain


def _own_lines(page: Page, recurring: set[str]) -> set[int]:
    """The lines holding the page's own text: kept by the generic cleaners, repeated on no other
    page of the site (not a menu they missed), and not a copy of the page's other text (a story
    printed again whole in one line, as a page's metadata dumped as text does)."""
    kept = [i for i, line in enumerate(page.lines) if page.generic[i] and line not in recurring]
    return set(kept) - copy_lines(page.lines, kept)


def _kept_chars(page: Page, span: range) -> int:
    return sum(len(page.lines[i]) for i in span if page.generic[i])


def window_by_example(pages: list[Page], said: list[str]) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """By example the story's place is known: the expected body's first and last line on each page.
    The window's bounds are the lines printed as often on every page, once or twice (a share bar
    above the story and again below it), whose words no expected body says (`said`: each page's
    `spoken_words`; a heading a story may print, "Comments", could be body on another page) and
    that do not name a learning page's own story by its URL (its headline, its URL): first
    printed above that place on each (`body_after`), or printed below it and nowhere between the
    page's opening (the first printing of any `body_after` line) and the story's end
    (`body_until`); of those, per page the `EXAMPLE_BOUNDS` nearest to the story by the printing
    a rule hits and the `TWICE_BOUNDS` nearest that the page prints twice, with their support
    (every page).
    From one page, a story's own byline or date line is as much a candidate as the site's share
    bar: on another page it is missing and the next bound serves; a window that would leave less
    than the over-cleaning guard allows gives way when applied."""
    spans = []
    for page in pages:
        body_at = [i for i, b in enumerate(page.body or []) if b]
        if not body_at:
            return [], []
        spans.append((body_at[0], body_at[-1]))
    counts = [Counter(page.lines) for page in pages]
    shared = {l for l, c in counts[0].items() if len(l) <= MAX_LINE_CHARS and c <= MAX_PRINTINGS
              and all(c2[l] == c for c2 in counts[1:])}
    slugs = [slug for slug in map(story_slug, (page.url for page in pages)) if slug is not None]
    shared = {l for l in shared if not any(spoken_words(l) in s for s in said)
              and not any(names_the_story(l, slug) for slug in slugs)}
    printed = [_printings(page, shared) for page in pages]
    twice = {l for l in shared if counts[0][l] == 2 and any(c.isalnum() for c in l)}
    # A rule opens the window after the first printing of any `body_after` line, and closes it at
    # the first printing of a `body_until` line after that: a bound below the story is printed
    # nowhere between the page's opening and the story's end.
    above = {l for l in shared if all(at[l][0] < first for at, (first, _) in zip(printed, spans))}
    n = len(pages)
    head = {l for at in printed for l in _bounds({l: at[l][0] for l in above}, twice, upward=True)}
    opens = [min((at[l][0] for l in head), default=-1) for at in printed]
    below = {l for l in shared if all(at[l][-1] > last and not any(start < i <= last for i in at[l])
                                      for at, start, (_, last) in zip(printed, opens, spans))}
    tail = {l for at, (_, last) in zip(printed, spans)
            for l in _bounds({l: next(i for i in at[l] if i > last) for l in below}, twice, upward=False)}
    return sorted((l, n) for l in head), sorted((l, n) for l in tail)


def _printings(page: Page, lines: set[str]) -> dict[str, list[int]]:
    """Where each of `lines` is printed on the page."""
    at: dict[str, list[int]] = {}
    for i, line in enumerate(page.lines):
        if line in lines:
            at.setdefault(line, []).append(i)
    return at


def _bounds(at: dict[str, int], twice: set[str], upward: bool) -> list[str]:
    """A page's bounds on one side of its story (`at`: each candidate line's printing a rule hits):
    the `EXAMPLE_BOUNDS` nearest to the story, and the `TWICE_BOUNDS` nearest of those the page
    prints twice (`twice`)."""
    nearest = [l for _, l in sorted(((i, l) for l, i in at.items()), reverse=upward)]
    return nearest[:EXAMPLE_BOUNDS] + [l for l in nearest if l in twice][:TWICE_BOUNDS]
