"""Facts about a page's lines, computed once per page and shared by whoever needs them: how often
each line repeats (the title finder, the classifier's features) and the page as code points with
each character's class and the per-line class counts (the features).

The page is joined once, encoded as UTF-32 into a numpy array, and every code point looked up in
a table, so per-line counts are one `np.bincount` over line ids. The Document keeps the facts
until one of its texts changes (a trimmed fragment) or the list is replaced.
"""
from __future__ import annotations

import unicodedata
from collections import Counter
from functools import cached_property, lru_cache

import numpy as np

from . import accel

SEPARATOR = "\n"

# Character classes of the code-point table.
SPACE, LOWER, UPPER, DIGIT, LETTER, STOP_PUNCT, PAUSE_PUNCT, QUOTE, SYMBOL = range(9)
N_CLASSES = 9
# Code points at or above this are read as letters (CJK, emoji and rarer scripts); every
# whitespace character lies below it, which keeps the numpy word split equal to str.split().
TABLE_SIZE = 0x3040
_STOP_CHARS = frozenset(".!?…。！？")
_PAUSE_CHARS = frozenset(",;:、，；：")
_QUOTE_CHARS = frozenset("\"'“”‘’«»„‚()[]{}「」")
# The dtypes the C passes read, as dtype objects: creating an array with one, or comparing an
# array's dtype with one, skips numpy's conversion from a scalar type (np.float64), code nothing
# else on the page runs, and cold once another program's work has run between two pages.
FLOAT64, INT64, BOOL = np.dtype(np.float64), np.dtype(np.int64), np.dtype(bool)


def _char_class(ch: str) -> int:
    if ch.isspace():
        return SPACE
    if ch.isdigit():
        return DIGIT
    if ch.isalpha():
        return UPPER if ch.isupper() else LOWER if ch.islower() else LETTER
    if ch in _STOP_CHARS:
        return STOP_PUNCT
    if ch in _PAUSE_CHARS:
        return PAUSE_PUNCT
    if ch in _QUOTE_CHARS:
        return QUOTE
    return LETTER if unicodedata.category(ch).startswith("M") else SYMBOL


@lru_cache(maxsize=1)
def char_tables() -> tuple[np.ndarray, np.ndarray]:
    """(class of each code point, its lower-case form with non-word characters as a space). The
    forms all lie below the surrogates, so the folded page decodes as UTF-16, half the bytes."""
    classes = np.empty(TABLE_SIZE + 1, dtype=np.intp)
    folded = np.empty(TABLE_SIZE + 1, dtype=np.uint16)
    for cp in range(TABLE_SIZE):
        ch = chr(cp)
        c = _char_class(ch)
        classes[cp] = c
        low = ch.lower()
        word = c in (LOWER, UPPER, DIGIT, LETTER)
        folded[cp] = (ord(low) if len(low) == 1 and ord(low) < 0xD800 else cp) if word else 32
    classes[TABLE_SIZE] = LETTER
    folded[TABLE_SIZE] = ord("x")  # any letter: past the table, a character is part of a word
    return classes, folded


class LineFacts:
    """The facts of one list of texts. Built by `Document.facts()` and dropped when a text changes.

    `codes` are the code points of the lines joined with a newline before each; a line's newline
    counts as part of it."""

    def __init__(self, texts: list[str]):
        self.texts = texts
        n = len(texts)
        fast = accel.document
        if fast is not None:  # (filled in C: numpy reading an iterator costs 60 ns a line)
            self.lens = np.empty(n, dtype=INT64)
            fast.lengths_into(texts, self.lens)
        else:
            self.lens = np.fromiter(map(len, texts), dtype=np.int64, count=n)
        # Each line's shape flags (cleaners/shape.py, line_shapes), once someone asks.
        self.shapes = None

    @cached_property
    def codes(self) -> np.ndarray:
        """The code points of the page (not needed when the C accelerator computes the features)."""
        page = SEPARATOR + SEPARATOR.join(self.texts)
        return np.frombuffer(page.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)

    @cached_property
    def clipped(self) -> np.ndarray:
        """Code points with every rare one (past the tables) as TABLE_SIZE, as table indices
        (numpy gathers with intp indices several times faster than with uint32 ones)."""
        return np.minimum(self.codes, TABLE_SIZE).astype(np.intp)

    @cached_property
    def classes(self) -> np.ndarray:
        """The character class of each code point."""
        return char_tables()[0][self.clipped]

    @cached_property
    def line_id(self) -> np.ndarray:
        """The line of each code point."""
        return np.repeat(np.arange(len(self.texts)), self.lens + 1)

    @cached_property
    def class_counts(self) -> np.ndarray:
        """(lines, N_CLASSES): how many characters of each class each line holds (its newline
        counted as a SPACE)."""
        n = len(self.texts)
        return np.bincount(self.line_id * N_CLASSES + self.classes,
                           minlength=n * N_CLASSES).reshape(n, N_CLASSES)

    @cached_property
    def repeats(self) -> Counter:
        """How often each text occurs in the page."""
        return Counter(self.texts)
