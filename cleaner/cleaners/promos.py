"""Promos: follow us, Google News, newsletter sign-ups, app downloads, cookie banners.

These lines ask the reader to do something other than read the article; they sit between body
paragraphs in many dumps. Only short lines that open with the call to action are judged, so a
paragraph that reports on a newsletter or an app keeps its place.
"""
from __future__ import annotations

from ..document import Document
from ..options import Options
from ..phrases import PROMO, PROMO_MAX_WORDS
from .base import Cleaner


class Promos(Cleaner):
    name = "promos"

    def apply(self, doc: Document, options: Options) -> None:
        for i, text in enumerate(doc.texts):
            if doc.dropped[i] is None and text.count(" ") < PROMO_MAX_WORDS and PROMO.match(text):
                doc.drop(i, self.name, "call-to-action")
