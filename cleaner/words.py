"""The page's words as numbers, so the lexicon is read without making a string per word.

A page of a thousand words spent about a fifth of its feature time splitting the folded page into word
strings and hashing each one again for a dict lookup. Here each word is hashed in numpy instead: a
polynomial over its code points modulo 2**64 (a multiply and a running sum over the page, then a
few operations over its words), mixed with its length, and looked up in a table of the lexicon's
hashes. The lexicon's own words are hashed by the same function, so a word is found
exactly when the dict would have found it, unless two different words share all 64 bits (odds
of about one in 10**10 for a whole page against the lexicon; the lexicon's words are checked
against each other when it is built).
"""
from __future__ import annotations

import numpy as np

# The folded page's code for a non-word character (a space).
GAP = 32
# An odd 64-bit multiplier (the golden ratio's bits) for the polynomial, and a second one that mixes
# in the word's length.
_MULT = np.uint64(0x9E3779B97F4A7C15)
_INV_MULT = np.uint64(pow(int(_MULT), -1, 2**64))
_LEN_MULT = np.uint64(0xC2B2AE3D27D4EB4F)
_MIX_MULT, _MIX_SHIFT = np.uint64(0xFF51AFD7ED558CCD), np.uint64(33)
# HashIndex's table has 2**SLOT_BITS slots, picked by a hash's top bits: ten times the lexicon's
# size, so most slots hold one word or none and few lookups need the binary search.
SLOT_BITS = 16


# Power tables up to this many code points are kept for the next page; a longer page makes its own.
_KEEP_POWERS = 1 << 20
_kept_powers: tuple[np.ndarray, np.ndarray] = (np.ones(0, dtype=np.uint64),) * 2


def _power_tables(n: int) -> tuple[np.ndarray, np.ndarray]:
    """(_MULT**k, _MULT**-k) modulo 2**64 for k < n at least. _MULT is odd, so it has an inverse
    modulo 2**64. The largest tables made so far are kept (swapped whole, so threads only ever
    see complete tables)."""
    global _kept_powers
    tables = _kept_powers
    if len(tables[0]) >= n:
        return tables
    size = max(1 << (n - 1).bit_length(), 1024)
    tables = tuple(_powers_of(m, size) for m in (_MULT, _INV_MULT))
    if size <= _KEEP_POWERS:
        _kept_powers = tables
    return tables


def _powers_of(m: np.uint64, n: int) -> np.ndarray:
    out = np.full(n, m, dtype=np.uint64)
    out[0] = 1
    return np.cumprod(out, dtype=np.uint64)


def word_bounds(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """First and one-past-last index of each run of non-GAP codes (the words str.split() finds
    in the folded page)."""
    isword = np.zeros(len(codes) + 2, dtype=bool)
    np.not_equal(codes, GAP, out=isword[1:-1])
    edges = np.flatnonzero(isword[1:] != isword[:-1])
    return edges[0::2], edges[1::2]


def word_hashes(codes: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """A 64-bit hash of each word codes[starts[k]:ends[k]] (words non-empty, in page order,
    not overlapping)."""
    if not len(starts):
        return np.zeros(0, dtype=np.uint64)
    lengths = ends - starts
    # sum(code[p] * _MULT**(p - start)) over a word's places p is its running sum of
    # code[p] * _MULT**p over the page, between its ends, times _MULT**-start: three passes over
    # the page and a few over its words, rather than gathering each word's characters.
    up, down = _power_tables(len(codes))
    running = np.zeros(len(codes) + 1, dtype=np.uint64)
    np.cumsum(np.multiply(codes, up[:len(codes)], dtype=np.uint64), out=running[1:])
    h = running[ends] - running[starts]
    h *= down[starts]
    h ^= lengths.astype(np.uint64) * _LEN_MULT
    # MurmurHash3's finishing mix: the polynomial alone leaves the top bits, which pick a word's
    # slot in HashIndex, alike for many short words.
    h ^= h >> _MIX_SHIFT
    h *= _MIX_MULT
    h ^= h >> _MIX_SHIFT
    return h


def text_hashes(words) -> np.ndarray:
    """word_hashes of each string (none empty, none with a space), by the same function."""
    words = list(words)
    page = " ".join(words)
    codes = np.frombuffer(page.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    starts, ends = word_bounds(codes)
    if len(starts) != len(words):
        raise ValueError("a lexicon word is empty or holds a space")
    return word_hashes(codes, starts, ends)


class HashIndex:
    """Ids of known words by hash: `ids(hashes)` gives each hash's id, or 0 for an unknown word.

    A hash's top bits pick a slot of a table. A slot that one word alone falls in holds that word
    (a hit is one comparison); a lookup that falls in a slot several words share is answered by a
    binary search over all the words' sorted hashes. Both are a few whole-array operations."""

    def __init__(self, words, ids):
        hashes = text_hashes(words)
        if len(np.unique(hashes)) != len(hashes):
            raise ValueError("two lexicon words share a 64-bit hash")
        ids = np.asarray(ids, dtype=np.int32)
        order = np.argsort(hashes)
        # A sentinel past every hash keeps the search's answer a valid index.
        self._hashes = np.append(hashes[order], np.uint64(2**64 - 1))
        self._ids = np.append(ids[order], np.int32(0))
        slots = self._slot(hashes)
        per_slot = np.bincount(slots, minlength=1 << SLOT_BITS)
        alone = per_slot[slots] == 1
        self._slot_hash = np.zeros(1 << SLOT_BITS, dtype=np.uint64)
        self._slot_id = np.zeros(1 << SLOT_BITS, dtype=np.int32)
        self._slot_hash[slots[alone]] = hashes[alone]
        self._slot_id[slots[alone]] = ids[alone]
        self._shared = per_slot > 1

    @staticmethod
    def _slot(hashes: np.ndarray) -> np.ndarray:
        return (hashes >> np.uint64(64 - SLOT_BITS)).astype(np.intp)

    def ids(self, hashes: np.ndarray) -> np.ndarray:
        slots = self._slot(hashes)
        out = np.where(self._slot_hash[slots] == hashes, self._slot_id[slots], 0)
        shared = np.flatnonzero(self._shared[slots])
        if len(shared):
            out[shared] = self._search(hashes[shared])
        return out

    def _search(self, hashes: np.ndarray) -> np.ndarray:
        at = np.searchsorted(self._hashes, hashes)
        return np.where(self._hashes[at] == hashes, self._ids[at], 0)


def word_table(hashes: np.ndarray, ids) -> np.ndarray:
    """The lexicon as an open-addressing table for the C accelerator: (hash, id) pairs, a pair a
    row, each word in the first free slot from the one its hash's top bits pick; hash 0 marks an
    empty slot. At least twice as many slots as words keeps probes short (four slots share a
    cache line), and the table is a third of the size of HashIndex's arrays, which cost three
    cache misses a word once other work had flushed the caches."""
    size = max(1 << (2 * len(hashes) - 1).bit_length(), 16)
    shift = 64 - (size.bit_length() - 1)
    table = np.zeros((size, 2), dtype=np.uint64)
    for h, i in zip(hashes.tolist(), ids):
        if h == 0:
            raise ValueError("a lexicon word hashes to 0, the empty slot's mark")
        k = h >> shift
        while table[k, 0]:
            k = (k + 1) & (size - 1)
        table[k] = (h, i)
    return table
