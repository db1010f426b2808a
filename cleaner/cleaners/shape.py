"""Line shapes several cleaners ask about: is this a sentence of body text, or a headline-like
line? Kept in one place so every cleaner means the same thing by "paragraph"."""
from __future__ import annotations

# A line ending in one of these reads as finished prose.
TERMINAL = frozenset('.!?…"”’»)\'":;')
# What decoding puts where a character was broken or missing.
REPLACEMENT = "\ufffd"
# Words a body paragraph has at least; shorter finished lines may still be headings or labels.
PARAGRAPH_MIN_WORDS = 12
# Headlines and teaser titles are short, unfinished lines.
HEADLINE_MIN_WORDS, HEADLINE_MAX_WORDS = 3, 25


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
    if not HEADLINE_MIN_WORDS <= n <= HEADLINE_MAX_WORDS or text[-1] in ".:;,":
        return False
    first = text[0]
    return first.isupper() or first.isdigit() or first in "‘'\"“"


def next_kept(doc, i: int) -> int | None:
    """Index of the first kept block after i, or None at the end of the page."""
    for j in range(i + 1, len(doc.texts)):
        if doc.dropped[j] is None:
            return j
    return None
