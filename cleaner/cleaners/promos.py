"""Promos: follow us, Google News, newsletter sign-ups, app downloads, cookie banners.

These lines ask the reader to do something other than read the article; they sit between body
paragraphs in many dumps. Only short lines that open with the call to action are judged, so a
paragraph that reports on a newsletter or an app keeps its place.
"""
from __future__ import annotations

from ..document import Document
from ..options import Options
from ..phrases import PROMO, PROMO_MAX_WORDS, PROMO_OPENINGS
from .base import Cleaner
from .cues import LineCues, candidates

# PROMO allows up to three bullets or marks before the call to action.
_CUES = LineCues(max_spaces=PROMO_MAX_WORDS, starts=PROMO_OPENINGS, skip=3)


class Promos(Cleaner):
    name = "promos"

    def apply(self, doc: Document, options: Options) -> None:
        texts = doc.texts
        for i in candidates(doc, _CUES):
            text = texts[i]
            if text.count(" ") < PROMO_MAX_WORDS and PROMO.match(text):
                doc.drop(i, self.name, "call-to-action")
