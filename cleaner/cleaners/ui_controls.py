"""UI controls: theme, font and language toggles, lone bullets, dot lines.

A flattened page keeps the labels of its buttons and switches ("Theme", "• Dark", "Language",
"A+") and the decoration between them (".", "•", "|"). None of it is text anyone wrote for the
article. Only whole lines that are nothing but one such label are dropped, so a sentence that
mentions a dark theme stays.
"""
from __future__ import annotations

from ..document import Document
from ..options import Options
from ..phrases import LABEL_BULLETS, NO_WORD_CHARS, UI_CONTROL_LABELS
from .base import Cleaner
from .cues import LineCues, candidates

_BULLETS = LABEL_BULLETS + "✓✔☰≡"  # and tick and menu glyphs
# Labels are short; longer lines are never compared against the table.
_MAX_LABEL_CHARS = 32
# A page has a hundred short lines and a few controls: the C scan picks the lines with no word
# character and those the table holds, so the rest cost no Python.
_CUES = LineCues(max_chars=_MAX_LABEL_CHARS, no_word=True, labels=UI_CONTROL_LABELS,
                 label_strip=_BULLETS)


class UIControls(Cleaner):
    name = "ui_controls"

    def apply(self, doc: Document, options: Options) -> None:
        texts = doc.texts
        for i in candidates(doc, _CUES):
            text = texts[i]
            if len(text) > _MAX_LABEL_CHARS:
                continue
            # (a line opening with a letter or digit has a word character: no regex needed)
            if not text[0].isalnum() and NO_WORD_CHARS.match(text):
                doc.drop(i, self.name, "no-word-characters")
            elif text.strip(_BULLETS).lower() in UI_CONTROL_LABELS:
                doc.drop(i, self.name, "control-label")
