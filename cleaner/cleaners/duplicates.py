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
from .shape import ends_as_sentence

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
            elif text in seen and len(text) >= _REPEAT_MIN_CHARS and not ends_as_sentence(text):
                doc.drop(i, self.name, "repeated-line")
            seen.add(text)


def _is_doubled(text: str) -> bool:
    """True for "A B C A B C": the same words twice, side by side. A copy must have three words or
    more, so names such as "New York New York" stay."""
    n = len(text)
    half = n // 2
    return n % 2 == 1 and text[half] == " " and text[:half] == text[half + 1:] and text.count(" ", 0, half) >= 2
