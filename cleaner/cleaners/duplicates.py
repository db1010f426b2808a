"""Duplicates: doubled teaser titles ("X X", a link's title printed twice on one line) and lines
repeated later in the page.

A dumper that flattens a teaser card prints its image alt text and its link text side by side; a
page that shows the same block in two layouts prints it twice. Article text says a thing once, so
the first copy of a repeated line stays and later copies go.
"""
from __future__ import annotations

from ..document import Document
from ..options import Options
from .base import Cleaner

# Repeated lines shorter than this are labels ("Reply", "Share"), left to other cleaners.
_REPEAT_MIN_CHARS = 20


class Duplicates(Cleaner):
    name = "duplicates"

    def apply(self, doc: Document, options: Options) -> None:
        seen: set[str] = set()
        for i, text in enumerate(doc.texts):
            if doc.dropped[i] is not None:
                seen.add(text)
                continue
            if _is_doubled(text):
                doc.drop(i, self.name, "doubled-title")
            elif text in seen and len(text) >= _REPEAT_MIN_CHARS:
                doc.drop(i, self.name, "repeated-line")
            seen.add(text)


def _is_doubled(text: str) -> bool:
    """True for "A B C A B C": the same words twice, side by side. A copy must have three words or
    more, so names such as "New York New York" stay."""
    n = len(text)
    half = n // 2
    return n % 2 == 1 and text[half] == " " and text[:half] == text[half + 1:] and text.count(" ", 0, half) >= 2
