"""Duplicates: doubled teaser titles ("X X", a link's title printed twice on one line) and lines
repeated later in the page.

A dumper that flattens a teaser card prints its image alt text and its link text side by side; a
page that shows the same block in two layouts prints it twice. The first copy of a repeated
headline or label stays and later copies go. Repeated sentences stay: interviews repeat their
questions and meal plans their lines, and the body keeps every copy.
"""
from __future__ import annotations

from ..document import Document
from ..options import Options
from .base import Cleaner
from .cues import LineCues, candidates
from .shape import SENTENCE, line_shapes

# Repeated lines shorter than this are labels ("Reply", "Share"), left to other cleaners.
_REPEAT_MIN_CHARS = 20
# The first copy of the first few repeats is looked for with texts.index (comparing lengths
# first, no hashing), then in a dict of the page: the scan leaves a page one to three repeats,
# for which hashing every line cost more, and the dict bounds the work on a page of many.
_SEARCHES = 8
# A doubled title is two equal halves around a space; a repeated line worth testing is long
# enough and repeats one before it (most repeats are short labels: the scan leaves them out).
_CUES = LineCues(halves=True, repeats_earlier=True, repeats_min_chars=_REPEAT_MIN_CHARS)


class Duplicates(Cleaner):
    name = "duplicates"

    def apply(self, doc: Document, options: Options) -> None:
        texts = doc.texts
        first: dict[str, int] | None = None  # where each text first occurs, made when needed
        searched = 0
        shapes = line_shapes(doc)
        for i in candidates(doc, _CUES):
            text = texts[i]
            if _is_doubled(text):
                doc.drop(i, self.name, "doubled-title")
            elif len(text) >= _REPEAT_MIN_CHARS and not shapes[i] & SENTENCE:
                if searched < _SEARCHES:
                    searched += 1
                    earliest = texts.index(text)
                else:
                    if first is None:
                        first = dict(zip(reversed(texts), range(len(texts) - 1, -1, -1)))
                    earliest = first[text]
                if earliest < i:
                    doc.drop(i, self.name, "repeated-line")


def _is_doubled(text: str) -> bool:
    """True for "A B C A B C": the same words twice, side by side. A copy must have three words or
    more, so names such as "New York New York" stay."""
    n = len(text)
    half = n // 2
    return n % 2 == 1 and text[half] == " " and text[:half] == text[half + 1:] and text.count(" ", 0, half) >= 2
