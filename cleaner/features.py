"""Line features for the learned classifier: one row of numbers per block of a text dump.

Everything is computed for the whole page at once. The page is joined into one string, turned
into an array of code points, and each code point is looked up in a table (its character class,
its lower-case form with punctuation blanked out); per-line counts are then one `np.bincount`
over line ids (`cleaner/lines.py` does this once a page, for whoever asks first). Python
touches each line once (`len`, a Counter for repeats) and no word at all: words are hashed in
numpy and looked up in the lexicon, which also holds the stop words, by `np.searchsorted`
(`cleaner/words.py`); the rest is some hundred small array operations, each costing a few
microseconds whatever its size, which is where most of the time goes.

The features describe what a reader sees, not how one dumper printed it: the shape of the line
(length, words, punctuation, capitals, digits, stop words), where it sits in the page, what its
neighbours look like, how often it repeats, and whether a pattern cleaner already dropped it.
Whether a blank line preceded it is the only layout cue, and training hides it on a share of
pages so the model never relies on it.
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
import numpy as np

from . import accel
from .document import Document
from .lines import (DIGIT, FLOAT64, INT64, LETTER, LOWER, PAUSE_PUNCT, QUOTE, STOP_PUNCT, SYMBOL, UPPER,
                    LineFacts, char_tables)
from .words import HashIndex, text_hashes, word_bounds, word_hashes, word_table

# Window half-widths (in lines) for the smoothed neighbourhood statistics.
NEAR, WIDE = 3, 10
# A line this long that ends like a sentence is "prose" for the context features.
PROSE_MIN_WORDS = 10


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """Function words of the main web languages (package data), as one set."""
    text = resources.files("cleaner").joinpath("data/stopwords.txt").read_text(encoding="utf-8")
    words: set[str] = set()
    for line in text.splitlines():
        if line and not line.startswith("#"):
            words.update(line.partition(":")[2].split())
    return frozenset(words)


class Lexicon:
    """Learned word weights (log-odds that a line holding the word is body, learned from other
    sites at training time) merged with the stop-word list into one vocabulary. Words like
    "cookies", "subscribe", "reply" or "rights" lean to boilerplate whatever the layout; "however"
    or "said" lean to body. `index` maps a word to its slot (training reads it); `hashed` finds
    the slots of a page's words from their numpy hashes (`cleaner/words.py`), without making a
    string of each word, which cost more than all the arithmetic on them."""

    def __init__(self, words=(), weights=()):
        self.words = tuple(words)
        self.weights = np.asarray(weights, dtype=float)
        stops = stop_words()
        # Slot 0 is "unknown word".
        vocab = list(dict.fromkeys(("",) + self.words + tuple(sorted(stops))))
        self.index = {w: i for i, w in enumerate(vocab)}
        self.weight = np.zeros(len(vocab))
        self.weight[1:len(self.words) + 1] = self.weights
        self.known = self.weight != 0
        self.is_stop = np.array([w in stops for w in vocab], dtype=bool)
        self.hashed = HashIndex(vocab[1:], range(1, len(vocab)))
        classes, folded = char_tables()
        # What the C accelerator reads (cleaner/_c/linefeatures.c, in its order): the code-point
        # tables, the words' hashes and slots, and the per-word arrays.
        self.accel_tables = (classes.astype(np.uint8), folded,
                             word_table(text_hashes(vocab[1:]), range(1, len(vocab))),
                             self.weight, self.known, self.is_stop)


@lru_cache(maxsize=1)
def empty_lexicon() -> Lexicon:
    return Lexicon()


def _page_words(facts: LineFacts) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The page lower-cased with non-word characters as spaces (one code a character, over the
    lines joined by newlines, a newline belonging to the line after it), and the first and
    one-past-last index of each word: runs of letters and digits, the same runs str.split() finds
    in the folded page."""
    fold = char_tables()[1][facts.clipped[1:]]
    return (fold,) + word_bounds(fold)


def page_tokens(texts: list[str]) -> tuple[list[str], np.ndarray]:
    """The page's words (the units the lexicon knows) and the line each belongs to; training
    learns the lexicon from exactly these."""
    facts = LineFacts(texts)
    fold, word_start, _ = _page_words(facts)
    tokens = fold.tobytes().decode("utf-16-le").split()
    return tokens, facts.line_id[1:][word_start]


def _shift(x: np.ndarray, k: int, fill: float = 0.0) -> np.ndarray:
    """x moved k lines down (k > 0: the value of line i-k at i), padded with `fill`."""
    out = np.full_like(x, fill)
    if k > 0:
        out[k:] = x[:-k]
    else:
        out[:k] = x[-k:]
    return out


def _char_counts(facts: LineFacts, lexicon: Lexicon) -> tuple[np.ndarray, ...]:
    """Per-line class counts, word counts (plain, stop, capitalised), lexicon sums (weight, known
    words), and the class of each line's first, last and second-to-last character."""
    n = len(facts.texts)
    lens, cls, line_id = facts.lens, facts.classes[1:], facts.line_id[1:]
    fold, word_start, word_end = _page_words(facts)
    counts = facts.class_counts  # (its SPACE column counts the newlines, and is not a feature)
    starts = np.cumsum(lens + 1) - lens - 1
    ends = starts + lens - 1
    edge = cls[np.concatenate((starts, ends, np.maximum(ends - 1, 0)))].reshape(3, n)
    ids = lexicon.hashed.ids(word_hashes(fold, word_start, word_end))
    kind = lexicon.is_stop[ids] + 2 * (cls[word_start] == UPPER)
    word_line = line_id[word_start]
    words = np.bincount(word_line * 4 + kind, minlength=4 * n).reshape(n, 4)
    lex = np.bincount(word_line, weights=lexicon.weight[ids], minlength=n)
    known = np.bincount(word_line, weights=lexicon.known[ids], minlength=n)
    return lens, counts, words, edge, lex, known


def base_features(doc: Document, lexicon: Lexicon) -> tuple[np.ndarray, list[str]]:
    """Features of each line on its own and of its place in the page; (n, k) float64 and names."""
    x = np.empty((len(BASE_NAMES), len(doc.texts)))
    _base_rows(doc, lexicon, x)
    return x.T, list(BASE_NAMES)


def _base_rows(doc: Document, lexicon: Lexicon, x: np.ndarray, ahead: tuple = ()) -> None:
    """Write base_features into x, a feature a row (each write contiguous). The C pass also
    prefetches `ahead`, (address, bytes) pairs of memory read next (see page_rows)."""
    texts = doc.texts
    n = len(texts)
    facts = doc.facts()
    fast = accel.linefeatures
    # (the C pass counts the repeats itself: a Counter of the page cost as much as a cleaner)
    if fast is not None and fast.base_rows(texts, None, doc.dropped, doc.gap_before,
                                           lexicon.accel_tables, x, ahead):
        return
    lens, counts, words4, (first_cls, last_cls, before_last), lex, known = _char_counts(facts, lexicon)
    n_words = words4.sum(axis=1)
    n_stop = words4[:, 1] + words4[:, 3]
    chars = np.maximum(lens, 1)[:, None]
    words = np.maximum(n_words, 1)[:, None]
    repeats = facts.repeats
    ends_stop = (last_cls == STOP_PUNCT) | ((last_cls == QUOTE) & (before_last == STOP_PUNCT))
    prose = ends_stop & (n_words >= PROSE_MIN_WORDS)
    mass = np.column_stack((lens, np.where(prose, lens, 0)))
    cum = np.cumsum(mass, axis=0)
    total = np.maximum(cum[-1], 1)
    log_len = np.log1p(lens)
    x[0] = log_len
    x[1] = np.log1p(n_words)
    x[2] = (counts[:, LOWER] + counts[:, UPPER] + counts[:, LETTER]) / words[:, 0]
    x[3:8] = (counts[:, (LOWER, UPPER, DIGIT, SYMBOL, QUOTE)] / chars).T
    x[8:10] = (counts[:, (STOP_PUNCT, PAUSE_PUNCT)] / words).T
    x[10] = n_stop / words[:, 0]
    x[11] = np.log1p(n_stop)
    x[12] = (words4[:, 2] + words4[:, 3]) / words[:, 0]
    x[13] = ends_stop
    x[14] = last_cls == PAUSE_PUNCT
    x[15] = (last_cls == LOWER) | (last_cls == LETTER) | (last_cls == DIGIT)
    x[16:20] = first_cls == _START_CLASSES[:, None]
    x[19] += (first_cls == QUOTE) | (first_cls == STOP_PUNCT)
    x[20] = np.log(np.fromiter(map(repeats.__getitem__, texts), dtype=float, count=n))
    x[21] = ~doc.kept_mask()
    x[22] = doc.gap_before
    x[23] = np.arange(n) / max(n - 1, 1)
    x[24:26] = ((cum - mass) / total).T
    x[26] = (total[1] - cum[:, 1]) / total[1]
    x[27] = log_len - log_len.mean()
    x[28] = np.log1p(n)
    x[29] = total[1] / total[0]
    x[30] = prose
    x[31] = lex / np.maximum(known, 1)
    x[32] = known / words[:, 0]
    x[33] = lex / np.sqrt(words[:, 0])


_START_CLASSES = np.array([UPPER, LOWER, DIGIT, SYMBOL])
BASE_NAMES = (
    "log_chars", "log_words", "chars_per_word", "lower_share", "upper_share", "digit_share",
    "symbol_share", "quote_share", "stops_per_word", "pauses_per_word", "stopword_share",
    "log_stopwords", "capital_share", "ends_stop", "ends_pause", "ends_word", "starts_upper",
    "starts_lower", "starts_digit", "starts_symbol", "log_repeat", "dropped", "gap_before",
    "position", "char_position", "prose_before", "prose_after", "len_vs_page", "page_log_lines",
    "page_prose_share", "prose", "lex_mean", "lex_known_share", "lex_sum")


# Base features whose neighbours and window means are informative.
CONTEXT_OF = ("log_chars", "stopword_share", "ends_stop", "prose", "dropped", "digit_share",
              "capital_share", "symbol_share", "lex_mean")


@lru_cache(maxsize=8)
def _rows_of(names: tuple[str, ...], wanted: tuple[str, ...]) -> tuple[int, ...]:
    """Where each of `wanted` is among `names` (the rows the C passes read): worked out once, since
    a page's features always come in BASE_NAMES' order."""
    return tuple(names.index(c) for c in wanted)


def context_features(x: np.ndarray, names: list[str]) -> tuple[np.ndarray, list[str]]:
    """Neighbour values (previous and next two lines) and window means around each line, and the
    distance in lines to the nearest prose line before and after: body text comes in runs."""
    out = np.empty((len(CONTEXT_NAMES), len(x)))
    _context_rows(x.T, names, out)
    return out.T, list(CONTEXT_NAMES)


def _context_rows(base: np.ndarray, names: Sequence[str], out: np.ndarray, c_order: bool = False) -> None:
    """Write context_features into out, a feature a row, from the base features as rows. Whole
    blocks of rows at a time: every neighbour shift and window moves all CONTEXT_OF at once."""
    fast = accel.pagecontext
    if fast is not None and (c_order or _c_rows(base) and _c_rows(out)):
        fast.context_rows(base, out, _rows_of(tuple(names), CONTEXT_OF), names.index("prose"), SHIFTS,
                          (NEAR, WIDE))
        return
    sub = base[[names.index(c) for c in CONTEXT_OF]]
    k = len(CONTEXT_OF)
    for j, shift in enumerate(SHIFTS):
        _shift_into(out[j * k:(j + 1) * k], sub, shift)
    sums = _padded_cumsum(sub, WIDE)
    for j, half in enumerate((NEAR, WIDE), start=len(SHIFTS)):
        _window_mean_into(out[j * k:(j + 1) * k], sums, WIDE, half)
    out[-2], out[-1] = _distance_to(base[names.index("prose")] > 0)


# Neighbours read by the context and stacked features: previous two lines, next two lines.
SHIFTS = (1, 2, -1, -2)
CONTEXT_NAMES = tuple([f"{c}@{k:+d}" for k in SHIFTS for c in CONTEXT_OF]
                      + [f"{c}~{half}" for half in (NEAR, WIDE) for c in CONTEXT_OF]
                      + ["log_dist_prose_before", "log_dist_prose_after"])


def _c_rows(x: np.ndarray) -> bool:
    """Can the C accelerator read (or write) x as it is: float64 rows, in C order?"""
    return x.dtype == FLOAT64 and x.flags.c_contiguous


# The text path's own calls (page_rows, stage_probabilities) pass `c_order=True`: they made every
# array they hand over in the C passes' layout (float64 or int64, C order), so numpy is not asked
# for dtypes and flags, code nothing else on a page runs; the C passes check each buffer's type
# and size and raise on another.


# The helpers below take the lines along the last axis: one feature is a 1-d array, several
# features are rows of a 2-d one.

def _shift_into(out: np.ndarray, x: np.ndarray, k: int) -> None:
    """Write x moved k lines down into out, zero-padded (the same values as _shift)."""
    if k > 0:
        out[..., :k] = 0.0
        out[..., k:] = x[..., :-k]
    else:
        out[..., k:] = 0.0
        out[..., :k] = x[..., -k:]


def _padded_cumsum(x: np.ndarray, pad: int) -> np.ndarray:
    """Running sums of x along the lines (position pad + i: the sum over lines before i, shared by
    every window width), with `pad` zeros before and `pad` copies of the total after, so the
    clipped bounds of any window up to `pad` lines wide are plain slices rather than gathers."""
    n = x.shape[-1]
    c = np.empty(x.shape[:-1] + (n + 1 + 2 * pad,))
    c[..., :pad + 1] = 0.0
    np.cumsum(x, axis=-1, out=c[..., pad + 1:pad + 1 + n])
    c[..., pad + 1 + n:] = c[..., pad + n:pad + n + 1]
    return c


def _window_mean_into(out: np.ndarray, c: np.ndarray, pad: int, half: int) -> None:
    """Write the mean of x over lines i-half..i+half (clipped at the page edges) into out, from
    the sums _padded_cumsum(x, pad) made (half <= pad)."""
    n = out.shape[-1]
    np.subtract(c[..., pad + half + 1:pad + half + 1 + n], c[..., pad - half:pad - half + n], out=out)
    idx = np.arange(n)
    out /= np.minimum(idx + half + 1, n) - np.maximum(idx - half, 0)


def _distance_to(flag: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """log(1 + lines) to the nearest flagged line strictly before / after each line (page length
    when there is none)."""
    n = len(flag)
    idx = np.arange(n)
    where = np.where(flag, idx, -1)
    last_before = _shift(np.maximum.accumulate(where), 1, -1)
    before = np.where(last_before >= 0, idx - last_before, n)
    where_after = np.where(flag, idx, n)
    next_after = _shift(np.minimum.accumulate(where_after[::-1])[::-1], -1, n)
    after = np.where(next_after < n, next_after - idx, n)
    return np.log1p(before), np.log1p(after)


# Card rhythm. Teaser cards repeat a short sequence of line shapes (headline, byline or date,
# summary; headline, summary), and each card's summary reads like body prose line by line. What
# gives them away is the repetition: a line's shape recurs PERIOD lines later while the shape
# changes from line to line. A body's paragraphs (one shape) and a run of headlines (one shape)
# do not count; a body's paragraph before a subheading counts once.
RHYTHM_PERIODS = (2, 3, 4, 5)
# Window half-widths (lines) over which the share of rhythmic lines is taken.
RHYTHM_WINDOWS = (4, 12)
# A short line with at least this share of digits is date-like (dates, times, counts).
DATE_DIGIT_SHARE = 0.1
# ...and at most this many words.
DATE_MAX_WORDS = 8
# Line shapes, in the order they are decided.
SHAPE_DROPPED, SHAPE_PROSE, SHAPE_DATE, SHAPE_SENTENCE, SHAPE_LONG, SHAPE_SHORT = range(6)
# Two lines a period apart are "alike in length" within this difference of log characters.
RHYTHM_LENGTH_SLACK = 0.5
# Half-width of the window over which lines alike in shape and length are counted.
RHYTHM_LENGTH_WINDOW = 6
RHYTHM_NAMES = tuple([f"rhythm~{half}" for half in RHYTHM_WINDOWS]
                     + [f"rhythm_length~{RHYTHM_LENGTH_WINDOW}", f"date_share~{NEAR}"])
# The base features rhythm_shapes and the length test read (in the C accelerator's order).
RHYTHM_OF = ("dropped", "prose", "digit_share", "log_words", "ends_stop", "log_chars")


def rhythm_shapes(base: np.ndarray, names: Sequence[str]) -> np.ndarray:
    """Each line's shape code (SHAPE_*) from the base features as rows."""
    row = {name: base[names.index(name)] for name in RHYTHM_OF}
    words = np.rint(np.expm1(row["log_words"]))
    shape = np.full(base.shape[1], SHAPE_SHORT)
    shape[words >= PROSE_MIN_WORDS] = SHAPE_LONG
    shape[row["ends_stop"] > 0] = SHAPE_SENTENCE
    shape[(row["digit_share"] >= DATE_DIGIT_SHARE) & (words <= DATE_MAX_WORDS)] = SHAPE_DATE
    shape[row["prose"] > 0] = SHAPE_PROSE
    shape[row["dropped"] > 0] = SHAPE_DROPPED
    return shape


def _rhythm_rows(base: np.ndarray, names: Sequence[str], out: np.ndarray, c_order: bool = False) -> None:
    """Write the card-rhythm features into out, a feature a row: for each window, the highest
    share over the periods of lines whose shape recurs a period later (the shape changing on the
    next line); the same with the lengths alike too; the share of date-like lines near the line."""
    fast = accel.pagecontext
    if fast is not None and (c_order or _c_rows(base) and _c_rows(out)):
        fast.rhythm_rows(base, out, _rows_of(tuple(names), RHYTHM_OF), RHYTHM_PERIODS,
                         RHYTHM_WINDOWS, RHYTHM_LENGTH_WINDOW, NEAR, RHYTHM_LENGTH_SLACK,
                         DATE_DIGIT_SHARE, DATE_MAX_WORDS, PROSE_MIN_WORDS)
        return
    shape = rhythm_shapes(base, names)
    log_len = base[names.index("log_chars")]
    n = len(shape)
    changes = np.zeros(n, dtype=bool)
    changes[:-1] = shape[:-1] != shape[1:]
    alike = np.zeros((2, len(RHYTHM_PERIODS), n))
    for j, k in enumerate(RHYTHM_PERIODS):
        if n > k:
            same = (shape[:-k] == shape[k:]) & changes[:-k]
            alike[0, j, :-k] = same
            alike[1, j, :-k] = same & (np.abs(log_len[:-k] - log_len[k:]) < RHYTHM_LENGTH_SLACK)
    widest = max(RHYTHM_WINDOWS + (RHYTHM_LENGTH_WINDOW, NEAR))
    means = np.empty((len(RHYTHM_PERIODS), n))
    for r, half in enumerate(RHYTHM_WINDOWS):
        _window_mean_into(means, _padded_cumsum(alike[0], widest), widest, half)
        out[r] = means.max(axis=0)
    _window_mean_into(means, _padded_cumsum(alike[1], widest), widest, RHYTHM_LENGTH_WINDOW)
    out[len(RHYTHM_WINDOWS)] = means.max(axis=0)
    _window_mean_into(out[-1], _padded_cumsum((shape == SHAPE_DATE).astype(float), widest), widest, NEAR)


def line_features(doc: Document, lexicon: Lexicon | None = None) -> tuple[np.ndarray, list[str]]:
    """All first-stage features of every line: (n, k) float64 and the column names."""
    rows = page_rows(doc, lexicon or empty_lexicon())
    return np.ascontiguousarray(rows[:N_FIRST].T), list(BASE_NAMES + CONTEXT_NAMES + RHYTHM_NAMES)


def page_rows(doc: Document, lexicon: Lexicon, ahead: tuple = ()) -> np.ndarray:
    """Every feature of the page a row, (N_FIRST + STACKED_EXTRA, n): the first-stage ones filled,
    the rows stacked_rows_into() fills after the first stage left empty. One buffer for both
    stages, so no feature is copied from one matrix into the next. `ahead` is memory the caller
    reads next, as (address, bytes) pairs (the model's weights: `LineModel.spans`): the C base
    pass asks for it a few cache lines a line while it works, a hint that changes no result."""
    rows = np.empty((N_FIRST + STACKED_EXTRA, len(doc.texts)))
    base = rows[:len(BASE_NAMES)]
    _base_rows(doc, lexicon, base, ahead)
    _context_rows(base, BASE_NAMES, rows[len(BASE_NAMES):N_CONTEXT], c_order=True)
    _rhythm_rows(base, BASE_NAMES, rows[N_CONTEXT:N_FIRST], c_order=True)
    return rows


def region_features(p: np.ndarray, lens: np.ndarray, t: float) -> np.ndarray:
    """Where the page's body region is, from first-stage probabilities: the contiguous run of
    lines maximising sum((p - t) * chars) (Finn's body-text extraction), as inside/outside and
    the distance to it."""
    out = np.empty((2, len(p)))
    _regions_into(out, p, np.maximum(lens, 1), (t,))
    return out.T


def _regions_into(out: np.ndarray, p: np.ndarray, chars: np.ndarray, thresholds) -> None:
    """region_features for each threshold at once, as rows of out: inside, distance, inside, ..."""
    lo, hi = _max_subarrays((p - np.array(thresholds)[:, None]) * chars)
    idx = np.arange(len(p))
    out[0::2] = (idx >= lo[:, None]) & (idx <= hi[:, None])
    out[1::2] = np.log1p(np.maximum(lo[:, None] - idx, 0) + np.maximum(idx - hi[:, None], 0))


def main_region(p: np.ndarray, lens: np.ndarray, t: float) -> tuple[int, int]:
    """First and last line (inclusive) of the run maximising sum((p - t) * chars)."""
    fast = accel.pagecontext
    if fast is not None and len(p) and _c_rows(p) and lens.dtype == INT64 and lens.flags.c_contiguous:
        return fast.main_region(p, lens, t)
    return _max_subarray((p - t) * np.maximum(lens, 1))


def _max_subarray(gain: np.ndarray) -> tuple[int, int]:
    """Bounds (inclusive) of the contiguous run with the largest sum."""
    lo, hi = _max_subarrays(gain[None])
    return int(lo[0]), int(hi[0])


def _max_subarrays(gains: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """_max_subarray of each row, vectorised: the best end is where the running sum most exceeds
    its running minimum before it."""
    rows, n = gains.shape
    c = np.zeros((rows, n + 1))
    np.cumsum(gains, axis=1, out=c[:, 1:])
    run_min_pos = _running_argmin(c)
    best = c[:, 1:] - np.take_along_axis(c, run_min_pos[:, :-1], axis=1)
    end = np.argmax(best, axis=1)
    return run_min_pos[np.arange(rows), end], end


def _running_argmin(c: np.ndarray) -> np.ndarray:
    """Index of the minimum of c[..., :i+1] for each i (the last one when it repeats)."""
    run_min = np.minimum.accumulate(c, axis=-1)
    is_new = c <= run_min
    pos = np.where(is_new, np.arange(c.shape[-1]), 0)
    return np.maximum.accumulate(pos, axis=-1)


def stacked_features(first: np.ndarray, p: np.ndarray, lens: np.ndarray) -> np.ndarray:
    """Second-stage features: the first-stage ones plus the first-stage probabilities of the line,
    its neighbours and windows around it, the page's mean, and the main-region position."""
    n, k = first.shape
    rows = np.empty((k + STACKED_EXTRA, n))
    rows[:k] = first.T
    stacked_rows_into(rows[k:], p, lens)
    return rows.T


def stacked_rows_into(out: np.ndarray, p: np.ndarray, lens: np.ndarray, c_order: bool = False) -> None:
    """Write the STACKED_EXTRA rows stacked_features adds into out (`c_order`: see above)."""
    fast = accel.pagecontext
    if fast is not None and (c_order or _c_rows(out) and _c_rows(p) and lens.dtype == INT64
                             and lens.flags.c_contiguous):
        fast.stacked_rows(p, lens, out, SHIFTS, STACK_WINDOWS, REGION_THRESHOLDS)
        return
    out[0] = p
    for j, shift in enumerate(SHIFTS, start=1):
        _shift_into(out[j], p, shift)
    widest = max(STACK_WINDOWS)
    sums = _padded_cumsum(p, widest)
    j = 1 + len(SHIFTS)
    for half in STACK_WINDOWS:
        _window_mean_into(out[j], sums, widest, half)
        j += 1
    chars = np.maximum(lens, 1)
    out[j] = (p @ chars) / chars.sum()
    _regions_into(out[j + 1:], p, chars, REGION_THRESHOLDS)


# Thresholds for the main-region search over first-stage probabilities.
REGION_THRESHOLDS = (0.3, 0.5)
# Window half-widths over first-stage probabilities.
STACK_WINDOWS = (2, 5, 15)
# Columns stacked_features adds: the line, its neighbours, the windows, the page mean, and
# inside/distance for each region.
STACKED_EXTRA = 1 + len(SHIFTS) + len(STACK_WINDOWS) + 1 + 2 * len(REGION_THRESHOLDS)
# First-stage features: base, context and card rhythm.
N_CONTEXT = len(BASE_NAMES) + len(CONTEXT_NAMES)
N_FIRST = N_CONTEXT + len(RHYTHM_NAMES)
