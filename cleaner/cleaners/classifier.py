"""The learned line classifier: every line of a text dump that no pattern named, judged as body or
not by a model trained on pages with human-checked bodies.

Patterns catch the boilerplate that has a recognisable wording; what is left is menus, rails,
teaser lists, footers, cookie text, product grids and comment chrome whose words vary from site
to site but whose shape does not: short unfinished lines without function words, in runs, far
from the page's prose. The model reads each line's shape, its neighbours' shapes and where it
sits in the page (`cleaner.features`), then, in a second pass, its first-pass verdicts around it,
so a short heading inside the body stays while the same heading in a footer goes. Lines whose
probability of being body is below `options.classifier_threshold` are dropped. Teaser summaries
cut short with an ellipsis, two or more before the body's first full paragraph or after its last,
go too: the model believes them (they are prose), their ending gives them away.

It runs after the pattern cleaners, so their drops are context for it (only the two finishing
steps, comments and markup, come after it), and only on text dumps: HTML input has already been
reduced to its main content by the extractor.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import repeat

import numpy as np

from .. import accel
from ..document import Document
from ..features import N_FIRST, main_region, page_rows, stacked_rows_into
from ..model import LineModel, shipped_model
from ..options import Options
from .base import Cleaner
from .cues import LineCues, candidates
from .shape import PARAGRAPH, line_shapes, words


# The main region is the run of lines maximising sum((p - REGION_THRESHOLD) * chars), where p is
# the higher of the two stages' probabilities.
REGION_THRESHOLD = 0.25
# ...where a kept line under that threshold counts at least this many characters: a run of short
# doubted lines (a share bar, "More from X", a byline) between a body and the teaser cards after it
# cost the region almost nothing by their length, so it ran on over the cards. Held out (the five
# fold models of both the shipped and the three-network weights) aeb +0.0005 to +0.001, wcxb-dev
# within 0.0002 (train/README.md). Lines a pattern cleaner dropped keep their length: a caption or
# an ad label inside a body must not split it.
REGION_DOUBTED_MIN_CHARS = 60
# Full paragraphs right before or after the main region continue it when either stage gives them
# at least this much: the model doubts a body's first and last paragraphs, which sit where
# standfirsts, comments and newsletter blurbs usually are. Held out (5 folds) this moves neither
# benchmark by more than 0.001 (aeb -0.0006, wcxb-dev -0.0003; train/README.md).
EDGE_PARAGRAPH_MIN = 0.15
# ...and before it, at least this much: a lede the model doubts (it sits under the headline and
# menus) is more often body than a blurb after the body is. Held out it costs aeb 0.0003 or less.
EDGE_LEDE_MIN = 0.10
# ...looking past short lines (headings) of at most this many words. Held out (the five fold
# models) this moves neither benchmark by 0.001, and keeps a lede set off by a subheading.
EDGE_HEADING_WORDS = 8
# A teaser's summary is cut short: a word, then an ellipsis ("...the science behind it […]",
# "Sometimes people ask me why this location became…"). The model believes such summaries (they
# are prose); where two or more sit before the page's first kept full paragraph or after its last,
# and the body's paragraphs outweigh them in words, they are another story's cards, not the body.
# Held out (five fold models): aeb +0.0008, wcxb-dev +0.0006, 3 and 15 pages up, 1 down by 0.004;
# anywhere on the page, or without the weight test, listings lose (their excerpts are the body).
TRUNCATED = re.compile(r"\w[\"”’']?\s*(?:\[\s*(?:…|\.\.\.)\s*\]|…|\.\.\.)$")
TRUNCATED_TAIL = 12   # (characters: the pattern reads a line's end only)
TEASERS_MIN = 2
# What a cut line ends with: the test's own first clause, and the C line scan's cue (a cue of last
# characters picked every line ending in ".": 30 candidates a page over aeb and wcxb-dev, 0.03 dropped).
TRUNCATED_ENDS = ("…", "...", "]")
_TRUNCATED_CUES = LineCues(ends_with=TRUNCATED_ENDS)


def stage_probabilities(doc: Document, model: LineModel) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """First- and second-stage probabilities that each block of the page is body text, and the
    blocks' lengths in characters."""
    # Both stages' features in one buffer, a feature a row; the weights the forward passes read
    # next are prefetched while the base features are worked out.
    # (every array made here in the C passes' layout: numpy is not asked, see features.py)
    rows = page_rows(doc, model.lexicon, model.spans)
    p1 = model.first.proba_rows(rows[:N_FIRST], c_order=True)
    lens = doc.facts().lens
    stacked_rows_into(rows[N_FIRST:], p1, lens, c_order=True)
    return p1, model.second.proba_rows(rows, c_order=True), lens


def line_probabilities(doc: Document, model: LineModel) -> np.ndarray:
    """Probability that each block of the page is body text, from the two-stage model."""
    return stage_probabilities(doc, model)[1]


def verdicts(doc: Document, model: LineModel, threshold: float) -> list[tuple[int, str]]:
    """(line, reason) for every kept line judged not body, in page order (a line a pattern
    cleaner dropped already needs no verdict, and at most pages most of the lines the model
    doubts are such lines).

    Outside the main region a line is body only if the second stage says so. Inside it, the body
    is taken to be contiguous: a line stays when either stage says body (the second stage,
    which sees the region's edges, tends to doubt the first paragraph and short subheadings) or
    when it is a full paragraph whose nearest kept neighbour is a paragraph the second stage
    believes (a body's doubted last paragraph sits next to the body; reader comments, newsletter
    blurbs and teaser summaries are prose too, but sit among names, dates and headlines); so do
    the full paragraphs that directly precede or follow it, unless both stages are nearly sure
    they are not body. The region itself always stays when nothing else would."""
    before, doubted, after = _verdict_groups(doc, model, threshold)
    return [*zip(before, repeat(OUTSIDE)), *doubted, *zip(after, repeat(OUTSIDE))]


def _verdict_groups(doc: Document, model: LineModel,
                    threshold: float) -> tuple[list[int], list[tuple[int, str]], list[int]]:
    """verdicts() in three groups: the kept lines judged not body before the main region (all for
    OUTSIDE), those inside it with their reasons, and those after it (OUTSIDE)."""
    p1, p2, lens = stage_probabilities(doc, model)
    either = _either(p1, p2)
    kept = doc.kept_mask()
    lo, hi = _main_region(either, kept, lens)
    kept_lines = doc.kept()  # (no line is dropped before the verdicts: the edge walk and the count share it)
    lo, hi = _edge_paragraphs(doc, either, lo, hi, kept_lines)
    before, inside, after = _judged_lines(p2, either, kept, lo, hi, threshold)
    shapes = line_shapes(doc)
    # (each line's probability read as a Python float with .item(): a numpy scalar's creation,
    # comparison and formatting run numpy code nothing else on the page runs, cold once another
    # program's work has run between two pages)
    doubted = [(i, f"p={p2.item(i):.2f}") for i in inside
               if not (shapes[i] & PARAGRAPH and _beside_body(doc, p2, threshold, i))]
    if len(before) + len(doubted) + len(after) == len(kept_lines):
        # Every remaining line would go (a page of a line or two, or one the model cannot read):
        # the main region is still the best guess at the body, so it stays.
        doubted = []
    return before, doubted, after


# _either, _judged_lines and _main_region take the page's arrays as stage_probabilities and
# Document.kept_mask make them on either path (probabilities float64, lengths int64, the kept mask
# bool, all in C order), and hand them to the C passes as they are: those check each buffer's type
# and size and raise on another. (Asking numpy for each array's dtype and flags first ran numpy
# code nothing else on the page runs, some twenty attribute reads a page.)


def _either(p1: np.ndarray, p2: np.ndarray) -> np.ndarray:
    """The higher of the two stages' probabilities of each line: in C when it is built (numpy's
    ufunc machinery, the only one the accelerated path calls, cost about 15 µs a page once
    another program's work had run between two pages)."""
    fast = accel.pagecontext
    if fast is not None:  # (the arrays as the note above _either says)
        either = np.empty(len(p1))
        fast.maximum_into(p1, p2, either)
        return either
    return np.maximum(p1, p2)


def _judged_lines(p2: np.ndarray, either: np.ndarray, kept: np.ndarray, lo: int, hi: int,
                  threshold: float) -> tuple[list[int], list[int], list[int]]:
    """The kept lines the second stage doubts (p2 < threshold) before the region lo..hi and after
    it, and those inside it that neither stage believes: in one C pass when it is built (numpy
    took a dozen calls a page)."""
    fast = accel.pagecontext
    if fast is not None:  # (the arrays as the note above _either says)
        return fast.verdict_lines(p2, either, kept, lo, hi, threshold)
    outside = (p2 < threshold) & kept
    inside = (np.flatnonzero(outside[lo:hi + 1] & (either[lo:hi + 1] < threshold)) + lo).tolist()
    outside[lo:hi + 1] = False
    outside = np.flatnonzero(outside)
    split = int(np.searchsorted(outside, lo))
    return outside[:split].tolist(), inside, outside[split:].tolist()


def _main_region(either: np.ndarray, kept: np.ndarray, lens: np.ndarray) -> tuple[int, int]:
    """main_region() of the page weighed by _region_lengths: in one C pass when it is built (four
    numpy calls a page cost more than the search)."""
    fast = accel.pagecontext
    if fast is not None and len(either):  # (the arrays as the note above _either says)
        return fast.main_region(either, lens, REGION_THRESHOLD, kept, REGION_THRESHOLD, REGION_DOUBTED_MIN_CHARS)
    return main_region(either, _region_lengths(kept, either, lens), REGION_THRESHOLD)


def _region_lengths(kept: np.ndarray, either: np.ndarray, lens: np.ndarray) -> np.ndarray:
    """The lines' lengths as the main region weighs them: kept lines it doubts count at least
    REGION_DOUBTED_MIN_CHARS characters."""
    doubted = either < REGION_THRESHOLD
    doubted &= kept
    return np.where(doubted, np.maximum(lens, REGION_DOUBTED_MIN_CHARS), lens)


def _beside_body(doc: Document, p2: np.ndarray, threshold: float, i: int) -> bool:
    """Whether the nearest kept line before line i, or the nearest after it past short headings
    (a lede, then "Key facts", then the body), is a full paragraph the second stage believes
    (p2 not below threshold). Backwards nothing is looked past: a reader's name between the body
    and a comment ends it."""
    texts, dropped, shapes = doc.texts, doc.dropped, line_shapes(doc)
    for j in range(i - 1, -1, -1):
        if dropped[j] is None:
            if shapes[j] & PARAGRAPH and not p2.item(j) < threshold:
                return True
            break
    for j in range(i + 1, len(texts)):
        if dropped[j] is None:
            if shapes[j] & PARAGRAPH:
                return not p2.item(j) < threshold
            if len(texts[j].split()) > EDGE_HEADING_WORDS:
                break
    return False


def _edge_paragraphs(doc: Document, either: np.ndarray, lo: int, hi: int,
                     kept: list[int] | None = None) -> tuple[int, int]:
    """The main region's bounds, moved over the kept full paragraphs before and after it. Dropped
    lines and short headings the model does not rule out (a lede, then "Key facts", then the body)
    are looked past; anything else ends the walk. `kept`: doc.kept(), when the caller has it."""
    texts, shapes = doc.texts, line_shapes(doc)
    at = either.item  # (Python floats, as in _verdict_groups)

    def walk(steps, bound: int, floor: float) -> int:
        for j in steps:
            if shapes[j] & PARAGRAPH:
                if at(j) < floor:
                    break
                bound = j
            elif at(j) < EDGE_PARAGRAPH_MIN or len(texts[j].split()) > EDGE_HEADING_WORDS:
                break
        return bound

    # Each walk reads the kept lines only, the dropped ones passed over without Python: pattern
    # cleaners drop most of what lies around a body, and a walk went through all of it. (The
    # kept lines are picked in C, and where the region starts and ends among them by bisection.)
    if kept is None:
        kept = doc.kept()
    before = reversed(kept[:bisect_left(kept, lo)])
    after = kept[bisect_right(kept, hi):]
    return walk(before, lo, EDGE_LEDE_MIN), walk(after, hi, EDGE_PARAGRAPH_MIN)


def truncated_teasers(doc: Document) -> list[int]:
    """The kept lines cut short with an ellipsis that sit before the first kept full paragraph or
    after the last, when there are TEASERS_MIN or more and the kept paragraphs among and around
    them hold at least as many words as they do (on a listing, the excerpts are the page)."""
    texts, dropped = doc.texts, doc.dropped
    cut = [i for i in candidates(doc, _TRUNCATED_CUES)
           if texts[i].endswith(TRUNCATED_ENDS) and TRUNCATED.search(texts[i][-TRUNCATED_TAIL:])]
    if len(cut) < TEASERS_MIN:
        return []
    shapes = line_shapes(doc)
    paragraphs = [i for i, d in enumerate(dropped) if d is None and shapes[i] & PARAGRAPH]
    cuts = set(cut)
    full = [i for i in paragraphs if i not in cuts]
    if not full:
        return []
    outer = [i for i in cut if i < full[0] or i > full[-1]]
    if len(outer) < TEASERS_MIN:
        return []
    outers = set(outer)
    prose = sum(words(texts[i]) for i in paragraphs if i not in outers)
    return outer if prose >= sum(words(texts[i]) for i in outer) else []


OUTSIDE = "outside-main-region"
TRUNCATED_TEASER = "truncated-teaser"


class LineClassifier(Cleaner):
    name = "classifier"

    def __init__(self, model: LineModel | None = None):
        # None means the shipped model, loaded on first use; training passes its own.
        self._model = model

    def apply(self, doc: Document, options: Options) -> None:
        if not doc.texts or doc.kinds[0] != "line":
            return
        model = self._model or shipped_model()
        before, doubted, after = _verdict_groups(doc, model, options.classifier_threshold)
        doc.drop_all(before + after, self.name, OUTSIDE)  # (most of the page: one call)
        doc.drop_each(doubted, self.name)
        doc.drop_all(truncated_teasers(doc), self.name, TRUNCATED_TEASER)
