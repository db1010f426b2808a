"""Labels for training: which lines of a dump are body, by aligning the dump to the gold body.

Both sides become streams of lower-cased word tokens (the `\\w+` tokens the word-F1 metric
counts). `difflib.SequenceMatcher` (no auto-junk heuristic, so common words can match) finds the
monotone alignment between the page's stream and the gold's: body text appears in the dump in
the gold's order, so the long matching runs are the body, and a second copy of a paragraph (a
teaser repeating the first sentence, a forum post printed twice) stays unmatched. Matching runs
shorter than MIN_RUN tokens are ignored unless they cover a whole line: stray matches of "the" or
"and" inside a menu are chance, a one-word list item inside the body is not.

A line's label is the share of its tokens that fall in kept runs; a line is body when that share
is at least BODY_SHARE. Lines without tokens (dot lines, bullets) are labelled by their share 0.
"""
from __future__ import annotations

import difflib
import re

import numpy as np

TOKEN = re.compile(r"\w+")
# Matching runs shorter than this are chance unless they cover a whole line.
MIN_RUN = 3
# A line is body when at least this share of its tokens is aligned to the gold body.
BODY_SHARE = 0.5


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text.lower())


def matched_share(lines: list[str], gold: str) -> tuple[np.ndarray, np.ndarray]:
    """For each line, the share of its tokens aligned to the gold body, and its token count."""
    line_tokens = [tokens(t) for t in lines]
    counts = np.array([len(t) for t in line_tokens], dtype=np.int64)
    stream = [tok for toks in line_tokens for tok in toks]
    owner = np.repeat(np.arange(len(lines)), counts)
    starts = np.concatenate(([0], np.cumsum(counts)))
    matched = np.zeros(len(stream), dtype=bool)
    matcher = difflib.SequenceMatcher(None, stream, tokens(gold), autojunk=False)
    for a, _, size in matcher.get_matching_blocks():
        if size == 0:
            continue
        if size >= MIN_RUN or _covers_line(owner, starts, a, size):
            matched[a:a + size] = True
    hits = np.bincount(owner, weights=matched, minlength=len(lines)) if len(stream) else np.zeros(len(lines))
    return hits / np.maximum(counts, 1), counts


def _covers_line(owner: np.ndarray, starts: np.ndarray, a: int, size: int) -> bool:
    """True when tokens a..a+size hold every token of at least one line."""
    first, last = owner[a], owner[a + size - 1]
    return any(starts[i] >= a and starts[i + 1] <= a + size for i in range(first, last + 1))


def labels(lines: list[str], gold: str) -> tuple[np.ndarray, np.ndarray]:
    """Body (1) or not (0) for each line, and each line's token count (for weighting)."""
    share, counts = matched_share(lines, gold)
    return (share >= BODY_SHARE).astype(np.int8), counts
