"""Navigation menus: runs of short, menu-like lines ("Home", "World", "Business", "Sport", …).

A flattened menu becomes a column of one-to-three-word labels without sentence punctuation.
Body text almost never has five such lines in a row; a list inside an article usually has longer
items, digits, or punctuation, which break the run.
"""
from __future__ import annotations

import re

from .. import accel
from ..document import Document
from ..options import Options
from .base import Cleaner

# How many menu-like lines in a row make a menu.
MIN_RUN = 5
# A menu item is a short label.
_ITEM_MAX_WORDS = 3
_ITEM_MAX_CHARS = 30
_ITEM_BAD_ENDS = ".!?:;,"
_DIGIT = re.compile(r"\d")
# is_menu_item as the C line scan reads it: at most this long, fewer spaces, no such last
# character, no digit.
_ITEM_SHAPE = (_ITEM_MAX_CHARS, _ITEM_MAX_WORDS, _ITEM_BAD_ENDS, True)
MENU_RUN = "menu-run"


def is_menu_item(text: str) -> bool:
    return (len(text) <= _ITEM_MAX_CHARS and text.count(" ") < _ITEM_MAX_WORDS
            and text[-1] not in _ITEM_BAD_ENDS and not _DIGIT.search(text))


class Navigation(Cleaner):
    name = "navigation"

    def apply(self, doc: Document, options: Options) -> None:
        scan = accel.linescan
        if scan is not None:  # the same runs, found in one C pass (cleaner/_c/linescan.c)...
            runs = scan.label_runs(doc.texts, doc.dropped, _ITEM_SHAPE, MIN_RUN)
            if runs:  # ...and dropped in one call (they are in page order, each MIN_RUN or longer)
                doc.drop_all([i for run in runs for i in run], self.name, MENU_RUN)
            return
        run: list[int] = []
        for i, text in enumerate(doc.texts):
            if doc.dropped[i] is not None:
                continue
            if is_menu_item(text):
                run.append(i)
            elif run:
                self._flush(doc, run)
                run = []
        self._flush(doc, run)

    def _flush(self, doc: Document, run: list[int]) -> None:
        if len(run) >= MIN_RUN:  # (menus are a tenth of a page's lines: one drop loop for them)
            doc.drop_all(run, self.name, MENU_RUN)
