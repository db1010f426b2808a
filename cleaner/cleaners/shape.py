"""Line shapes several cleaners ask about: is this a sentence of body text, or a headline-like
line? Kept in one place so every cleaner means the same thing by "paragraph".

Several cleaners ask this of the same lines, a few hundred Python calls a page; `line_shapes()`
answers for every line of the page at once (in C when the line scan is built) and keeps the
answers with the page's other facts until a text changes."""
from __future__ import annotations

from collections.abc import Sequence

from .. import accel

# A line ending in one of these reads as finished prose.
TERMINAL = frozenset('.!?…"”’»)\'":;')
# What decoding puts where a character was broken or missing.
REPLACEMENT = "\ufffd"
# Words a body paragraph has at least; shorter finished lines may still be headings or labels.
PARAGRAPH_MIN_WORDS = 12
# Headlines and teaser titles are short, unfinished lines...
HEADLINE_MIN_WORDS, HEADLINE_MAX_WORDS = 3, 25
_HEADLINE_BAD_ENDS = ".:;,"
# ...opening with a capital, a digit or a quote.
_HEADLINE_OPENERS = "‘'\"“"
# The flags line_shapes() gives each line.
SENTENCE, PARAGRAPH, HEADLINE = 1, 2, 4
# What the C line scan reads (cleaner/_c/linescan.c, shapes).
_SHAPE_RULES = ("".join(sorted(TERMINAL)), REPLACEMENT, PARAGRAPH_MIN_WORDS, HEADLINE_MIN_WORDS,
                HEADLINE_MAX_WORDS, _HEADLINE_BAD_ENDS, _HEADLINE_OPENERS)


def words(text: str) -> int:
    return text.count(" ") + 1 if text else 0


def ends_as_sentence(text: str) -> bool:
    """Ends in sentence punctuation, looking past replacement characters (U+FFFD: a character
    the page's encoding broke, which says nothing about how the sentence ends)."""
    if not text:
        return False
    if text[-1] == REPLACEMENT:
        return ends_as_sentence(text.rstrip(REPLACEMENT))
    return text[-1] in TERMINAL


def is_paragraph(text: str) -> bool:
    """Body-like prose: long enough and finished with sentence punctuation."""
    return ends_as_sentence(text) and words(text) >= PARAGRAPH_MIN_WORDS


def is_headline_like(text: str) -> bool:
    """A short line that does not end as a sentence and starts with a capital or a digit."""
    n = words(text)
    if not HEADLINE_MIN_WORDS <= n <= HEADLINE_MAX_WORDS or text[-1] in _HEADLINE_BAD_ENDS:
        return False
    first = text[0]
    return first.isupper() or first.isdigit() or first in _HEADLINE_OPENERS


def shape_of(text: str) -> int:
    """The line's flags: SENTENCE (ends_as_sentence), PARAGRAPH, HEADLINE (is_headline_like)."""
    if not text:
        return 0
    sentence = ends_as_sentence(text)  # (is_paragraph, without testing the ending twice)
    return (SENTENCE * sentence | PARAGRAPH * (sentence and words(text) >= PARAGRAPH_MIN_WORDS)
            | HEADLINE * is_headline_like(text))


class _LazyShapes:
    """shape_of() of each line, worked out when asked (the pure-Python path: the cleaners ask
    about a few of the lines only)."""

    def __init__(self, texts: list[str]):
        self._texts = texts

    def __getitem__(self, i: int) -> int:
        return shape_of(self._texts[i])


def line_shapes(doc) -> Sequence[int]:
    """shape_of() every line of the page, by index: `line_shapes(doc)[i] & PARAGRAPH`. Kept with
    the page's facts, so they are worked out again after a text changes."""
    facts = doc.facts()
    if facts.shapes is None:
        fast = accel.linescan
        facts.shapes = fast.shapes(facts.texts, _SHAPE_RULES) if fast is not None else _LazyShapes(facts.texts)
    return facts.shapes


def next_kept(doc, i: int) -> int | None:
    """Index of the first kept block after i, or None at the end of the page."""
    for j in range(i + 1, len(doc.texts)):
        if doc.dropped[j] is None:
            return j
    return None
