"""Cues: what a line must show before a cleaner's patterns are worth trying on it.

A pattern cleaner states its cues once ("opens with one of these words", "ends in '|'", "holds a
'/'", "repeats the line before it"); `candidates()` gives the kept lines that show any of them
(and pass the length limits), and the cleaner runs its own tests, unchanged, on those alone.
With the C accelerator (`cleaner/_c/linescan.c`) the lines are picked in one pass over the page,
so a line no pattern can match costs no Python at all; without it every kept line is a
candidate, which is the plain loop. The cues must never leave out a line a pattern matches: the
tests run both paths on real pages and compare every removal.

Words are compared lower-cased in ASCII. Where letters are compared, a non-ASCII character
always makes a line a candidate (case-insensitive patterns fold some to ASCII letters).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .. import accel
from ..document import Document

DIGITS = tuple("0123456789")


@dataclass(frozen=True)
class LineCues:
    """A line is a candidate when it is kept, at most `max_chars` long, holds fewer than
    `max_spaces` spaces (-1: no limit for either), and shows one of the cues set (any line
    passes when none is): at most `short_chars` long; opens, after at most `skip` ASCII
    non-alphanumerics (-1: any number), with one of the words in `starts`; ends in a character
    of `ends`; holds one of `tail_words` in its last `tail_chars` characters and does not end in
    a character of `tail_unless_ends`; holds a character of `has`; repeats the kept line before
    it (`repeats_previous`) or, being at least `repeats_min_chars` long, any line before it, kept
    or dropped (`repeats_earlier`); is two equal halves around a space (`halves`: "X X"); holds
    no letter or digit of any script (`no_word`); is one of `labels` once stripped of
    `label_strip` characters at both ends and lower-cased (a line that is not ASCII once stripped
    always passes); or opens with a digit (str.isdigit) and, being at most `digit_words_max_chars`
    long (-1: any length), holds one of `digit_words` ignoring case; or ends in ")" and holds a "("
    directly followed by one of `paren_words` ignoring case. With `starts_whole`, a word of
    `starts` counts only as a whole word: not followed by an ASCII letter or digit. `ends_with`:
    the line ends with one of these strings (str.endswith)."""

    max_chars: int = -1
    max_spaces: int = -1
    short_chars: int = -1
    starts: tuple[str, ...] = ()
    skip: int = 0
    ends: str = ""
    has: str = ""
    tail_words: tuple[str, ...] = ()
    tail_chars: int = 0
    tail_unless_ends: str = ""
    repeats_previous: bool = False
    repeats_earlier: bool = False
    repeats_min_chars: int = 0
    halves: bool = False
    no_word: bool = False
    labels: frozenset[str] | None = None
    label_strip: str = ""
    digit_words: tuple[str, ...] = ()
    digit_words_max_chars: int = -1
    paren_words: tuple[str, ...] = ()
    starts_whole: bool = False
    ends_with: tuple[str, ...] = ()
    packed: tuple = field(init=False, repr=False, compare=False)
    # The C line scan's reading of `packed`, and the scan module it is for (see compiled()).
    _compiled: tuple = field(default=(None, None), init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for word in self.starts + self.tail_words + self.digit_words + self.paren_words:
            if not word or not word.isascii() or word != word.lower() or not word[0].isalnum():
                raise ValueError(f"cue words are lower-case ASCII, opening with a letter or digit: {word!r}")
        if not all(self.ends_with):
            raise ValueError(f"ends_with strings must not be empty: {self.ends_with!r}")
        # Sorted and without repeats: the C pass tries the words in order.
        object.__setattr__(self, "starts", tuple(sorted(set(self.starts))))
        object.__setattr__(self, "tail_words", tuple(sorted(set(self.tail_words))))
        object.__setattr__(self, "packed", (
            self.max_chars, self.max_spaces, self.short_chars, self.starts, self.skip, self.ends,
            self.has, self.tail_words, self.tail_chars, self.repeats_previous, self.repeats_earlier,
            self.halves, self.labels, self.label_strip,
            max((len(label) for label in self.labels or () if label.isascii()), default=0),
            "".join(sorted({label[0] for label in self.labels or () if label[:1].isascii() and label})),
            self.no_word, self.tail_unless_ends, self.repeats_min_chars, self.digit_words,
            self.digit_words_max_chars, self.paren_words, self.starts_whole, self.ends_with))


    def compiled(self, scan):
        """The cues as `scan` (the C line scan) reads them, read and checked once and kept: doing
        that on every call cost more than scanning a page's lines. (Two threads may both compile
        them the first time: either result serves.)"""
        module, cues = self._compiled
        if module is not scan:
            cues = scan.compile(self.packed)
            object.__setattr__(self, "_compiled", (scan, cues))
        return cues


def candidates(doc: Document, cues: LineCues) -> list[int]:
    """The kept lines showing one of the cues, in page order (every kept line without the C
    accelerator). Lines a cleaner drops while it walks these are still listed: check again."""
    scan = accel.linescan
    if scan is None:
        return doc.kept()
    module, compiled = cues._compiled  # (compiled() only the first time: a call saved a cleaner)
    if module is not scan:
        compiled = cues.compiled(scan)
    return scan.select(doc.texts, doc.dropped, compiled)


def first_words(phrases) -> tuple[str, ...]:
    """The first word of each phrase (a table of whole lines): the words its lines open with."""
    return tuple({p.split()[0] for p in phrases if p.split()})
