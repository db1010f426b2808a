"""The body window, learned from repetition: a site's pages share a layout, so each story sits in
the same place, after the same recurring chrome line and before the same other one. The lines
outside that window go, whatever the generic cleaners made of them: the teaser list under the
story, the comments, the headlines of other stories above it.

The window is bounded by anchors: lines on every page of the site, printed once on each, that the
generic cleaners drop wherever they are (chrome, not a heading the site's stories share), in one
order on all pages. Between two neighbouring anchors lies a gap. A page's story is the gap holding
most of its own text (what the generic cleaners keep and the site's other pages do not repeat),
widened over the neighbouring gaps that hold some too across a few empty ones (a story split by an
ad slot). The layout claim is that the story sits in the same place on every page, so a window is
learned only when every page's story spans the same gaps, and only when it holds `window_share` of
every page's own text (a shop's page keeps its description above a spec table and its reviews
below it, and a window would hold one of them). It becomes the layout's `body_after` (the anchor
before it) and `body_until` (the anchor after it).

Lines printed more than once on a page are never anchors: an ad slot's "Advertisement", a product
roundup's "Jump to Review" or a share bar recur inside a story, and a window bounded by one of them
cut the story in two (a listicle's intro and picks, a review's first paragraph). The figures, and
what was tried, are in README.md's site-learning section.

By example (`window_by_example`) the expected bodies say where each story lies, so the bounds are
the nearest lines around it that every learning page prints once and no expected body says.
"""
from __future__ import annotations

from collections import Counter

from .types import MAX_LINE_CHARS, Page, spoken_words

# By example, the bounds learned on each side: per page this many of the nearest lines to the story.
# The nearest is often the story's own (its byline, date or headline), on no other page; a page
# cleaned opens the window after the first bound it prints and closes it at the first after that.
EXAMPLE_BOUNDS = 3
# A story's gaps may be parted by up to this many gaps holding none of the page's own text.
WIDEN_ACROSS = 2


def learn_window(pages: list[Page], recurring: set[str], share: float
                 ) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """The (body_after, body_until) lines that bound the pages' common body window, each with its
    support (every page), or empty lists where a side would cut nothing the generic cleaners keep.
    Nothing is learned unless every page has the generic verdict and some text of its own, every
    page's story spans the same gaps, and the window holds `share` of every page's own text."""
    if len(pages) < 2 or any(p.generic is None for p in pages):
        return [], []
    chain = _anchors(pages)
    if not chain:
        return [], []
    masses, spans = [], set()
    where = [{line: i for i, line in enumerate(page.lines) if line in chain} for page in pages]
    for page, at in zip(pages, where):
        bounds = [-1] + [at[line] for line in chain] + [len(page.lines)]
        mass = [_story_chars(page, range(bounds[j] + 1, bounds[j + 1]), recurring)
                for j in range(len(bounds) - 1)]
        if not any(mass):   # a copy of another page's story, or nothing kept: no place to learn
            return [], []
        spans.add(_story_gaps(mass))
        masses.append(mass)
    if len(spans) > 1:   # the stories sit in different places: no common layout
        return [], []
    (first_gap, last_gap), = spans
    if any(sum(m[first_gap:last_gap + 1]) < share * sum(m) for m in masses):
        return [], []
    n = len(pages)
    head = [chain[first_gap - 1]] if first_gap > 0 else []
    tail = [chain[last_gap]] if last_gap < len(chain) else []
    head = [l for l in head if any(_kept_chars(p, range(at[l])) for p, at in zip(pages, where))]
    tail = [l for l in tail if any(_kept_chars(p, range(at[l], len(p.lines))) for p, at in zip(pages, where))]
    return [(l, n) for l in head], [(l, n) for l in tail]


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


def _anchors(pages: list[Page]) -> list[str]:
    """The lines on every page, once on each, dropped by the generic cleaners on every page, in
    one order on all pages (the first page's order, keeping each line that stays after the last
    kept one on every page)."""
    counts = [Counter(page.lines) for page in pages]
    dropped = [{l for l, keep in zip(page.lines, page.generic) if not keep} for page in pages]
    common = [l for l in pages[0].lines
              if len(l) <= MAX_LINE_CHARS and all(c[l] == 1 for c in counts) and all(l in d for d in dropped)]
    positions = [{l: i for i, l in enumerate(page.lines)} for page in pages]
    chain: list[str] = []
    for line in common:
        if not chain or all(pos[line] > pos[chain[-1]] for pos in positions):
            chain.append(line)
    return chain


def _story_chars(page: Page, span: range, recurring: set[str]) -> int:
    """The characters of the lines in `span` that the generic cleaners keep and the site's other
    pages do not repeat: the page's own text, not a menu they missed."""
    return sum(len(page.lines[i]) for i in span if page.generic[i] and page.lines[i] not in recurring)


def _kept_chars(page: Page, span: range) -> int:
    return sum(len(page.lines[i]) for i in span if page.generic[i])


def window_by_example(pages: list[Page], said: list[str]) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """By example the story's place is known: the expected body's first and last line on each page.
    The window's bounds are the lines printed once on every page, above that place (`body_after`)
    or below it (`body_until`) on each, whose words no expected body says (`said`: each page's
    `spoken_words`; a heading a story may print, "Comments", could be body on another page); of
    those, per page the `EXAMPLE_BOUNDS` nearest to the story, with their support (every page).
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
    shared = set.intersection(*({l for l, n in c.items() if n == 1 and len(l) <= MAX_LINE_CHARS}
                                for c in counts))
    shared = {l for l in shared if not any(spoken_words(l) in s for s in said)}
    positions = [{l: i for i, l in enumerate(page.lines) if l in shared} for page in pages]
    above = {l for l in shared if all(at[l] < first for at, (first, _) in zip(positions, spans))}
    below = {l for l in shared if all(at[l] > last for at, (_, last) in zip(positions, spans))}
    n = len(pages)
    head = {l for at in positions for l in _nearest(at, above, upward=True)}
    tail = {l for at in positions for l in _nearest(at, below, upward=False)}
    return sorted((l, n) for l in head), sorted((l, n) for l in tail)


def _nearest(at: dict[str, int], lines: set[str], upward: bool) -> list[str]:
    """The `EXAMPLE_BOUNDS` of `lines` nearest to the story on a page (`at`: their positions)."""
    return [l for _, l in sorted(((at[l], l) for l in lines), reverse=upward)[:EXAMPLE_BOUNDS]]
