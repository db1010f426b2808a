"""The Document every page becomes: an ordered list of blocks, each kept or dropped with a reason.

Columnar on purpose: cleaning runs millions of times, so a page is a few parallel lists rather than
one object per line. Cleaners only mark blocks dropped (or trim a glued fragment, or set the title);
nobody rewrites the list behind another cleaner's back, so every removal keeps its provenance.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import chain, compress, repeat
from operator import is_
from typing import NamedTuple

import numpy as np

from . import accel
from .lines import BOOL, LineFacts


class Removal(NamedTuple):
    """One removed piece of text and who removed it, for `--explain`, stats and debugging.
    (A named tuple: immutable like a frozen dataclass, and made at half the cost, which counts
    when a page drops a hundred lines.)"""

    text: str
    cleaner: str
    rule: str
    index: int = -1

    def to_dict(self) -> dict:
        return {"text": self.text, "cleaner": self.cleaner, "rule": self.rule, "index": self.index}


# Removal's generated __new__ is Python code that costs most of a drop (a page drops a hundred
# lines); building the tuple directly makes the same Removal at a seventh of the cost.
_tuple_new = tuple.__new__


def dump_lines(text: str) -> list[str]:
    """A text dump's lines, each stripped, blank ones kept (as empty strings)."""
    fast = accel.dumptext
    if fast is not None:  # the same lines in one pass over the page (cleaner/_c/dumptext.c)
        return fast.split(text)
    return [raw.strip() for raw in text.splitlines()]


@dataclass(slots=True)
class Document:
    """A page as blocks. `texts[i]` is block i; `dropped[i]` is None while it is kept.

    `gap_before[i]` tells whether a blank line (text) or a block boundary (HTML) preceded block i;
    `kinds[i]` is "line" for text dumps, or the HTML tag family ("p", "h", "li", ...).
    """

    texts: list[str]
    kinds: list[str]
    gap_before: list[bool]
    url: str | None = None
    site: str | None = None
    date: str | None = None
    title: str | None = None
    description: str | None = None
    dropped: list[Removal | None] = field(default_factory=list)
    trims: list[Removal] = field(default_factory=list)
    # What left the page before its blocks were made (HTML: furniture and a site's selectors taken
    # out of the tree before extraction), so that it too has a recorded reason; index -1.
    before: list[Removal] = field(default_factory=list)
    # Kept characters, maintained on every drop and trim so the pipeline's guard costs nothing.
    kept_chars: int = -1
    # Cleaners whose step the over-cleaning guard undid on this page.
    guarded: list[str] = field(default_factory=list)
    # The facts of `texts` (see facts()), kept until a text changes.
    line_facts: LineFacts | None = field(default=None, repr=False, compare=False)
    # What the running pipeline step changed (see mark()): the blocks it dropped, and each block
    # it trimmed with its text before. The guard undoes a step from these instead of copying the
    # page's lists before every step, which cost more than several cleaners.
    step_drops: list[int] = field(default_factory=list, repr=False, compare=False)
    step_texts: list[tuple[int, str]] = field(default_factory=list, repr=False, compare=False)
    # The blocks as the page printed them, kept from the first trim on (see printed()).
    untrimmed: list[str] | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.dropped:
            self.dropped = [None] * len(self.texts)
            if self.kept_chars < 0:
                self.kept_chars = sum(map(len, self.texts))
        if self.kept_chars < 0:
            self.kept_chars = sum(len(t) for t, d in zip(self.texts, self.dropped) if d is None)

    @classmethod
    def from_text(cls, text: str, **meta) -> "Document":
        """Split a flattened dump into blocks: one non-blank line each, blank lines kept as gaps."""
        return cls.from_lines(dump_lines(text), **meta)

    @classmethod
    def from_lines(cls, lines: list[str], **meta) -> "Document":
        """from_text() of a dump already split by dump_lines() (reflowing reads the same lines)."""
        fast = accel.dumptext
        if fast is not None:  # the same lists, and their characters in all, in one C loop
            texts, gaps, chars = fast.blocks(lines)
        else:
            texts = list(filter(None, lines))  # the non-blank lines
            # A block follows a gap when the raw line before it was blank (or it opens the page).
            gaps = [not before for before, line in zip(chain(("",), lines), lines) if line]
            chars = -1  # (counted by __post_init__)
        return cls(texts=texts, kinds=["line"] * len(texts), gap_before=gaps, kept_chars=chars, **meta)

    def __len__(self) -> int:
        return len(self.texts)

    def kept(self) -> list[int]:
        """Indices of blocks still kept, in page order (picked in C when it is built: after the
        line model most of a page is dropped, and a Python test a line cost the steps after it
        more than their own work)."""
        fast = accel.document
        if fast is not None:
            return fast.kept(self.dropped)
        return [i for i, d in enumerate(self.dropped) if d is None]

    def is_kept(self, i: int) -> bool:
        return self.dropped[i] is None

    def kept_mask(self) -> np.ndarray:
        """Whether each block is still kept, as a numpy array."""
        fast = accel.document
        if fast is not None:  # (filled in C: numpy reading an iterator costs 60 ns a line)
            mask = np.empty(len(self.dropped), dtype=BOOL)
            fast.kept_into(self.dropped, mask)
            return mask
        return np.fromiter(map(is_, self.dropped, repeat(None)), dtype=bool, count=len(self.dropped))

    def facts(self) -> LineFacts:
        """Per-line facts of the current texts, computed once and shared by the cleaners; built
        again after a trim or when `texts` is replaced (the guard restoring a snapshot)."""
        facts = self.line_facts
        if facts is None or facts.texts is not self.texts:
            facts = self.line_facts = LineFacts(self.texts)
        return facts

    def drop(self, i: int, cleaner: str, rule: str) -> None:
        """Mark block i dropped; the first reason wins, so provenance names the earliest cleaner."""
        if self.dropped[i] is None:
            self.dropped[i] = _tuple_new(Removal, (self.texts[i], cleaner, rule, i))
            self.kept_chars -= len(self.texts[i])
            self.step_drops.append(i)

    def drop_all(self, indices: Sequence[int], cleaner: str, rule: str) -> None:
        """drop() for each of `indices`, all for one rule: in one C loop when it is built (the
        classifier, menu runs and rails drop most of a page, and each drop made in Python cost a
        quarter of a microsecond)."""
        fast = accel.document
        if fast is None:
            self.drop_each(zip(indices, repeat(rule)), cleaner)
        else:
            self.kept_chars -= fast.drop_all(self.dropped, self.texts, indices, Removal, cleaner, rule,
                                             self.step_drops)

    def drop_each(self, verdicts, cleaner: str) -> None:
        """drop() for every (block, rule) pair, in one loop (the classifier drops most of a page)."""
        dropped, texts, log = self.dropped, self.texts, self.step_drops
        lost = 0  # (summed here and subtracted once: an attribute write per line costs)
        for i, rule in verdicts:
            if dropped[i] is None:
                text = texts[i]
                dropped[i] = _tuple_new(Removal, (text, cleaner, rule, i))
                log.append(i)
                lost += len(text)
        self.kept_chars -= lost

    def trim(self, i: int, start: int, end: int, cleaner: str, rule: str) -> None:
        """Cut texts[i][start:end] out of block i (a fragment glued to a sentence) and record it."""
        text = self.texts[i]
        piece = text[start:end]
        if not piece:
            return
        if self.untrimmed is None:
            self.untrimmed = list(self.texts)
        self.trims.append(Removal(piece.strip(), cleaner, rule, i))
        self.step_texts.append((i, text))
        self.texts[i] = (text[:start] + text[end:]).strip()
        self.line_facts = None
        if self.dropped[i] is None:
            self.kept_chars -= len(text) - len(self.texts[i])
        if not self.texts[i]:
            self.drop(i, cleaner, rule)

    def printed(self) -> list[str]:
        """The blocks as the page printed them, before any trim: what rules learned from a site's
        pages were learned on ("* Sections" as lynx prints it, where `markup` keeps "Sections")."""
        return self.texts if self.untrimmed is None else self.untrimmed

    def mark(self) -> tuple:
        """Start a step that undo() can take back: what it may change is logged from here on
        (drops and trims), the rest of that state is returned."""
        self.step_drops = []
        self.step_texts = []
        return self.kept_chars, len(self.trims), self.title, self.description

    def undo(self, mark: tuple) -> None:
        """Take back everything done since mark() returned `mark`. A block is only ever dropped
        from kept, so the logged blocks were all kept before the step."""
        dropped, texts = self.dropped, self.texts
        for i in self.step_drops:
            dropped[i] = None
        for i, text in reversed(self.step_texts):
            texts[i] = text
        if self.step_texts:
            self.line_facts = None
        self.kept_chars, n_trims, self.title, self.description = mark
        del self.trims[n_trims:]
        self.step_drops = []
        self.step_texts = []

    def body(self) -> str:
        """The kept blocks, paragraphs separated by one blank line."""
        fast = accel.document
        if fast is not None:  # (one C loop: map and compress cost a call a line)
            return fast.join_kept(self.texts, self.dropped, "\n\n")
        return "\n\n".join(compress(self.texts, map(is_, self.dropped, repeat(None))))  # (no Python per block)

    def removals(self) -> list[Removal]:
        """Every removed piece in page order: what left before the blocks were made, then dropped
        blocks and trimmed fragments."""
        out = list(filter(None, self.dropped))  # (a Removal is a non-empty tuple)
        if self.before:
            out[:0] = self.before
        if self.trims:  # dropped blocks are already in page order
            out += self.trims
            out.sort(key=lambda r: r.index)
        return out
