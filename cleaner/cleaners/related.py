""""Read more" and related blocks: the marker and the teaser headlines after it, and rails
("Editor's Choice", "Top Content", "Before you go", "Explore More") that run to the page's end.

Teasers link to other pages; their headlines are not this article. A marker must be a short line
of its own ("Read more:", "Related stories"), so a body sentence that starts "Read more about…"
stays. After a marker, headline-like lines are dropped until prose resumes. A rail marker cuts to
the end of the page only when no body paragraph follows it; a headline with no prose after it
anywhere heads nothing and is dropped as a teaser (a numbered one is a list item and stays).
"""
from __future__ import annotations

from bisect import bisect_left

from ..document import Document
from ..options import Options
from ..phrases import INLINE_TEASER, INLINE_TEASER_OPENINGS, MARKER_OPENINGS, RAIL_MARKERS, RELATED_MARKERS
from .base import Cleaner
from .cues import LineCues, candidates
from .shape import HEADLINE, PARAGRAPH, line_shapes

# Markers are short labels.
_MARKER_MAX_CHARS = 48
# An inline "Read more: Headline" teaser is a headline, not a paragraph.
_INLINE_MAX_WORDS = 25
# First letters of INLINE_TEASER's words, a cheap test before the pattern.
_INLINE_FIRST = frozenset("RrSsAaMm")
# Markers and inline teasers open with the marker's words, whole ("Instagram", "YouTube" and
# "India" are no candidates).
_CUES = LineCues(starts=MARKER_OPENINGS + INLINE_TEASER_OPENINGS, starts_whole=True)


class Related(Cleaner):
    name = "related"

    def apply(self, doc: Document, options: Options) -> None:
        texts = doc.texts
        n = len(texts)
        shapes = line_shapes(doc)
        # The last kept body paragraph: a block at or before it has prose at or after it.
        kept = doc.kept()
        last_prose = -1
        for i in reversed(kept):
            if shapes[i] & PARAGRAPH:
                last_prose = i
                break
        resume = 0  # lines before this were judged with a marker's teasers
        cued = candidates(doc, _CUES)
        markers = set(cued)  # (the only lines a marker pattern can match: the teaser walk asks)
        for i in cued:
            if i < resume:
                continue
            text = texts[i]
            if len(text) <= _MARKER_MAX_CHARS:
                is_rail = bool(RAIL_MARKERS.match(text))
                if is_rail or RELATED_MARKERS.match(text):
                    if i + 1 > last_prose:  # no prose after the marker
                        rule = "rail-to-end" if is_rail else "related-to-end"
                        doc.drop_all(range(i, n), self.name, rule)
                        return
                    doc.drop(i, self.name, "rail-marker" if is_rail else "related-marker")
                    resume = self._drop_teasers(doc, i + 1, markers)
                    continue
            if (text[0] in _INLINE_FIRST and INLINE_TEASER.match(text)
                    and text.count(" ") < _INLINE_MAX_WORDS and not shapes[i] & PARAGRAPH):
                doc.drop(i, self.name, "inline-teaser")
        self._drop_trailing_headlines(doc, last_prose)

    def _drop_trailing_headlines(self, doc: Document, last_prose: int) -> None:
        """A headline with no prose anywhere after it heads nothing: it is a teaser. (Only the
        blocks from the last paragraph on have none after them: the kept ones, dropped in one call.)"""
        texts, shapes = doc.texts, line_shapes(doc)
        kept = doc.kept()
        tail = kept[bisect_left(kept, last_prose):]
        headlines = [i for i in tail if shapes[i] & HEADLINE and not texts[i][0].isdigit()]
        if headlines:
            doc.drop_all(headlines, self.name, "trailing-headline")

    def _drop_teasers(self, doc: Document, start: int, markers: set[int]) -> int:
        """Drop the teaser headlines after a marker; return where prose (or the next marker) starts.
        Only the `markers` lines (the cued ones) are tried against the marker patterns, and the
        teasers go in one call: a teaser list is often most of a page's tail."""
        texts, dropped, shapes = doc.texts, doc.dropped, line_shapes(doc)
        teasers = []
        i = start
        while i < len(texts):
            if dropped[i] is None:
                text = texts[i]
                if shapes[i] & PARAGRAPH or i in markers and len(text) <= _MARKER_MAX_CHARS and (
                        RAIL_MARKERS.match(text) or RELATED_MARKERS.match(text)):
                    break
                teasers.append(i)
            i += 1
        doc.drop_all(teasers, self.name, "teaser")
        return i
