"""Captions and photo credits: "… File Photo by KCNA/UPI |", "License Photo", "Name/Getty Images",
and a caption printed twice (the image's alt text, then its figcaption).

A caption describes a picture the text dump no longer has; a credit names who took it. Neither
is article text. A line is only dropped when it ends in a credit, is nothing but a credit or photo
control, or is a caption-like line repeated back to back; prose that mentions a photo stays.
"""
from __future__ import annotations

from ..document import Document
from ..options import Options
from ..phrases import (AGENCY_AFTER_SLASH, CAPTION_CUES, CREDIT_LINE, CREDIT_LINE_PREFIXES,
                       CREDIT_TAIL_CHARS, PAREN_CREDIT, PAREN_CREDIT_OPENINGS,
                       PHOTO_BY, PHOTO_WORDS)
from .base import Cleaner
from .cues import LineCues, candidates

# Captions with a trailing credit are at most a few sentences.
_CAPTION_MAX_WORDS = 80
# Credits end in a name, an agency or a bracket; a line ending like a sentence is not one.
_PROSE_END = frozenset('.!?:;,"”')
# A line that is only a credit or a photo control is short.
_CREDIT_LINE_MAX_CHARS = 80
# A credit line opens like one, holds a "/" or starts with a digit and holds "of"
# (_may_be_credit_line: dates, times and counts open several lines a page, and few hold "of"); a
# credit at the end closes the line with "|" or with a bracket opening with an agency or "photo"
# (PAREN_CREDIT: most lines ending in ")" close other brackets, "中文 (Chinese)"), or follows a
# "/" or a photo word near the end of a line that does not end as prose (ends_with_credit: most
# lines do, and the scan then spares their tails); a caption printed twice repeats the kept line
# before it.
_CUES = LineCues(starts=tuple(CREDIT_LINE_PREFIXES), has="/", ends="|", paren_words=PAREN_CREDIT_OPENINGS,
                 tail_words=PHOTO_WORDS, tail_chars=CREDIT_TAIL_CHARS,
                 tail_unless_ends="".join(sorted(_PROSE_END)), repeats_previous=True,
                 digit_words=("of",), digit_words_max_chars=_CREDIT_LINE_MAX_CHARS)


class Captions(Cleaner):
    name = "captions"

    def apply(self, doc: Document, options: Options) -> None:
        texts = doc.texts
        for i in candidates(doc, _CUES):
            text = texts[i]
            if len(text) <= _CREDIT_LINE_MAX_CHARS and _may_be_credit_line(text) and CREDIT_LINE.match(text):
                doc.drop(i, self.name, "credit-line")
            # (the ending is tested first: most lines end as prose and cannot end in a credit)
            elif text[-1] not in _PROSE_END and text.count(" ") < _CAPTION_MAX_WORDS and ends_with_credit(text):
                doc.drop(i, self.name, "credit-at-end")
            else:
                # (the line before is most often kept: no call then)
                prev = i - 1 if i and doc.dropped[i - 1] is None else self._previous(doc, i)
                if prev >= 0 and texts[prev] == text and CAPTION_CUES.search(text):
                    doc.drop(prev, self.name, "caption-printed-twice")
                    doc.drop(i, self.name, "caption-printed-twice")

    def _previous(self, doc: Document, i: int) -> int:
        """The line before i that was kept when this cleaner started (it may have dropped it
        since), or -1."""
        dropped = doc.dropped
        for j in range(i - 1, -1, -1):
            if dropped[j] is None or dropped[j].cleaner == self.name:
                return j
        return -1


def _may_be_credit_line(text: str) -> bool:
    """Whether CREDIT_LINE can match: only its counts ("1 of 12", "3/8 photos") open with a digit,
    and they hold "of" or "/". (A line of a date or a time opening with a digit, which several
    lines a page do, cost a microsecond or two in the pattern, which tries its "Name/Agency" form
    over the line's first forty characters before giving up.)"""
    return (text[:4].lower() in CREDIT_LINE_PREFIXES or "/" in text
            or (text[0].isdigit() and "of" in text.lower()))


def ends_with_credit(text: str) -> bool:
    """True when a line closes with a photo credit: "|", "(AFP)", "Name/Getty Images",
    "Photo by …"."""
    last = text[-1]
    if last == "|":
        return True
    if last in _PROSE_END:
        return False
    tail = text[-CREDIT_TAIL_CHARS:]
    if last == ")" and PAREN_CREDIT.match(tail, max(0, tail.rfind("("))):
        return True
    slash = tail.rfind("/")
    if slash >= 0 and AGENCY_AFTER_SLASH.match(tail, slash + 1):
        return True
    low = tail.lower()
    # PHOTO_WORDS spelled out: four `in` tests skip the many lines without one far faster than
    # a case-insensitive pattern or a loop.
    if not ("photo" in low or "image" in low or "picture" in low or "illustration" in low):
        return False
    for word in PHOTO_WORDS:
        at = low.rfind(word)
        if at >= 0 and PHOTO_BY.match(tail, at):
            return True
    return False
