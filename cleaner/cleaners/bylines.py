"""Bylines, bios and date lines: "Published: Updated:", "By Jane Doe", a lone agency name ("AFP"),
"Author: …" boxes with the bio under them, and reading-time or timestamp fragments glued to the
first sentence ("15 minutes. South Korea, …").

They describe the article rather than being part of it. Date and byline lines must be short and
shaped like metadata, so a sentence that quotes "Published" stays; a glued fragment is trimmed
only when a capitalised sentence follows it.
"""
from __future__ import annotations

from ..document import Document
from ..options import Options
from ..phrases import (ABOUT_AUTHOR, ABOUT_AUTHOR_OPENINGS, AGENCIES, AUTHOR_BOX, AUTHOR_BOX_OPENINGS, BYLINE,
                       BYLINE_OPENINGS, DATE_LINE, DATE_LINE_OPENINGS, GLUED_FRAGMENT, METADATA_FIRST_WORDS,
                       READING_TIME_LINE, READING_TIME_OPENINGS)
from .base import Cleaner
from .cues import LineCues, candidates, first_words
from .shape import next_kept

# Metadata lines are short; anything longer is read as prose.
_META_MAX_CHARS = 80
# A bio is one or two sentences after the author box.
_BIO_MAX_WORDS = 80
# A glued fragment is trimmed only when more than this many characters follow it.
_GLUED_MIN_REST = 20
# The letters metadata words start with.
_METADATA_INITIALS = frozenset(word[0] for word in METADATA_FIRST_WORDS)
# Metadata lines open with a metadata word, agency credits with the agency (after brackets or
# dashes), glued fragments with "read"; a line opening with a digit is a reading time or a glued
# fragment only when it names minutes or hours (an "m" or an "h": most such lines are dates,
# times and counts, about six a page). Each opens with the word whole: the first word of a
# metadata line is the word (with colons after it), an agency line is the agency once stripped of
# brackets and dashes, a glued fragment opens "read time" or "reading time"; so "Pamela", "April"
# and "Then", which open with the agencies' "pa", "ap" and "the", are no candidates.
_CUES = LineCues(starts=tuple(METADATA_FIRST_WORDS) + first_words(AGENCIES), skip=-1, digit_words=("h", "m"),
                 starts_whole=True)
# The metadata patterns in the order they are tried, and for each metadata word the ones a line
# opening with it can match (a pattern whose alternatives all open with other words cannot: the
# line's first word is all ASCII letters, so ignoring case reads it as itself). Each line tried
# all five: ten failed matches a page over aeb.
_METADATA_RULES = (("author-box", AUTHOR_BOX, AUTHOR_BOX_OPENINGS), ("author-box", ABOUT_AUTHOR, ABOUT_AUTHOR_OPENINGS),
                   ("date-line", DATE_LINE, DATE_LINE_OPENINGS), ("reading-time", READING_TIME_LINE, READING_TIME_OPENINGS),
                   ("byline", BYLINE, BYLINE_OPENINGS))
_RULES_BY_FIRST_WORD = {word: tuple((rule, pattern) for rule, pattern, openings in _METADATA_RULES
                                    if word.startswith(openings))
                        for word in METADATA_FIRST_WORDS}


class Bylines(Cleaner):
    name = "bylines"

    def apply(self, doc: Document, options: Options) -> None:
        texts = doc.texts
        for i in candidates(doc, _CUES):
            if doc.dropped[i] is not None:  # a bio under an author box just dropped
                continue
            text = texts[i]
            if len(text) <= _META_MAX_CHARS:
                rule = self._metadata_rule(text)
                if rule:
                    doc.drop(i, self.name, rule)
                    if rule == "author-box":
                        self._drop_bio(doc, i, text)
                    continue
            # (a fragment is trimmed only with more than 20 characters after it: shorter lines,
            # most of the dates and counts here, skip the pattern)
            m = (GLUED_FRAGMENT.match(text) if len(text) > _GLUED_MIN_REST and (text[0].isdigit() or text[0] in "Rr")
                 else None)
            if m and len(text) > m.end() + _GLUED_MIN_REST:
                doc.trim(i, 0, m.end(), self.name, "glued-reading-time")

    @staticmethod
    def _metadata_rule(text: str) -> str | None:
        if text[0].isdigit():
            # No agency and no metadata word opens with a digit: only a reading time can match,
            # and it names its minutes (an "m", which only "m" and "M" match ignoring case). Most
            # such lines are dates, times and counts, several a page.
            return "reading-time" if ("m" in text or "M" in text) and READING_TIME_LINE.match(text) else None
        if text.strip("()—– ").lower() in AGENCIES:
            return "agency-credit"
        # The first word can only be a digit's or a metadata word when its first character is
        # (lower-cased, it is the word's first character lower-cased): most lines stop here.
        lead = text[0]
        if not (lead.isdigit() or lead.lower() in _METADATA_INITIALS or lead.isspace()):
            return None
        first = text.split(None, 1)[0].rstrip(":").lower()
        if not first:
            return None
        if first[0].isdigit():
            return "reading-time" if READING_TIME_LINE.match(text) else None
        for rule, pattern in _RULES_BY_FIRST_WORD.get(first, ()):   # (none for other words)
            if pattern.match(text):
                return rule
        return None

    def _drop_bio(self, doc: Document, i: int, box: str) -> None:
        """Under "Author: Name" the bio is the lines that start with the name; under "About the
        author" it is the one block that follows."""
        m = AUTHOR_BOX.match(box)
        first_name = m.group("name").split()[0] if m else None
        j = next_kept(doc, i)
        while j is not None and doc.texts[j].count(" ") <= _BIO_MAX_WORDS:
            if first_name is not None and not doc.texts[j].startswith(first_name):
                return
            doc.drop(j, self.name, "author-bio")
            if first_name is None:
                return
            j = next_kept(doc, j)
