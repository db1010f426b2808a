"""Captions and photo credits: "… File Photo by KCNA/UPI |", "License Photo", "Name/Getty Images",
and a caption printed twice (the image's alt text, then its figcaption).

A caption describes a picture the text dump no longer has; a credit names who took it. Neither
is article text. A line is only dropped when it ends in a credit, is nothing but a credit or photo
control, or is a caption-like line repeated back to back; prose that mentions a photo stays.
"""
from __future__ import annotations

from ..document import Document
from ..options import Options
from ..phrases import CAPTION_CUES, CREDIT_LINE, CREDIT_TAIL
from .base import Cleaner
from .shape import next_kept

# Captions with a trailing credit are at most a few sentences.
_CAPTION_MAX_WORDS = 80


class Captions(Cleaner):
    name = "captions"

    def apply(self, doc: Document, options: Options) -> None:
        texts = doc.texts
        for i, text in enumerate(texts):
            if doc.dropped[i] is not None:
                continue
            if len(text) <= 80 and CREDIT_LINE.match(text):
                doc.drop(i, self.name, "credit-line")
            elif text.count(" ") < _CAPTION_MAX_WORDS and CREDIT_TAIL.search(text):
                doc.drop(i, self.name, "credit-at-end")
            else:
                j = next_kept(doc, i)
                if j is not None and texts[j] == text and CAPTION_CUES.search(text):
                    doc.drop(i, self.name, "caption-printed-twice")
                    doc.drop(j, self.name, "caption-printed-twice")
