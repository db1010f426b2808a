"""The numpy word hashes the lexicon is read through: a word is found exactly when a dict of the
lexicon's words would find it, on real pages and on the words that stress the hash."""
from __future__ import annotations

from itertools import repeat

import numpy as np
import pytest

from cleaner.document import Document
from cleaner.features import Lexicon, _page_words, page_tokens
from cleaner.lines import LineFacts
from cleaner.model import shipped_model
from cleaner.words import HashIndex, text_hashes, word_bounds, word_hashes
from tests.helpers import seeds


def _dict_ids(lexicon: Lexicon, texts: list[str]) -> np.ndarray:
    tokens, _ = page_tokens(texts)
    return np.fromiter(map(lexicon.index.get, tokens, repeat(0)), dtype=np.intp, count=len(tokens))


def _hash_ids(lexicon: Lexicon, texts: list[str]) -> np.ndarray:
    fold, starts, ends = _page_words(LineFacts(texts))
    return lexicon.hashed.ids(word_hashes(fold, starts, ends))


@pytest.mark.parametrize("name, text", [(s[0], s[1]) for s in seeds()])
def test_hash_lookup_finds_what_the_dict_finds_on_the_seeds(name, text):
    lexicon = shipped_model().lexicon
    texts = Document.from_text(text).texts
    ids = _hash_ids(lexicon, texts)
    assert (ids > 0).sum() > 100  # the lexicon knows most words of a story
    assert ids.tolist() == _dict_ids(lexicon, texts).tolist()


def test_hash_lookup_on_words_that_differ_by_little():
    words = ["ab", "ba", "abc", "abd", "a", "aa", "aaa", "the", "thé", "the1", "über", "ueber",
             "x" * 5000, "x" * 4999, "日本", "ß", "ss"]
    lexicon = Lexicon(words[::2], np.arange(1, len(words[::2]) + 1, dtype=float))
    texts = [" ".join(words), "AB-ba, ABC. THE The Über SS", "…", "x" * 5000 + " tail"]
    assert _hash_ids(lexicon, texts).tolist() == _dict_ids(lexicon, texts).tolist()


def test_word_bounds_are_the_runs_split_finds():
    codes = np.frombuffer("  ab c   de f ".encode("utf-32-le"), dtype=np.uint32)
    starts, ends = word_bounds(codes)
    assert list(zip(starts.tolist(), ends.tolist())) == [(2, 4), (5, 6), (9, 11), (12, 13)]
    assert len(word_bounds(codes[:2])[0]) == 0


def test_same_words_same_hashes_and_a_clash_is_refused():
    assert text_hashes(["word", "other", "word"])[0] == text_hashes(["word"])[0]
    assert len(set(text_hashes(["ab", "ba", "abc", "cab"]).tolist())) == 4
    with pytest.raises(ValueError):
        HashIndex(["same", "same"], [1, 2])
    for bad in (["two words"], ["", "word"]):
        with pytest.raises(ValueError):
            HashIndex(bad, range(len(bad)))


@pytest.mark.parametrize("bits", [1, 4, 16])
def test_words_in_shared_and_lone_slots_are_all_found(monkeypatch, bits):
    """With few slots every word shares one (the binary search answers), with many most are
    alone in theirs (the table answers): the ids are the same either way."""
    monkeypatch.setattr("cleaner.words.SLOT_BITS", bits)
    words = [f"w{i}x" for i in range(300)]
    index = HashIndex(words, range(1, 301))
    queries = text_hashes(words[::-1] + ["unknown", "w1", "w300x"])
    assert index.ids(queries).tolist() == list(range(300, 0, -1)) + [0, 0, 0]


def test_a_word_hashes_the_same_wherever_it_sits_on_the_page():
    """The hash is taken from running sums over the whole page: a word far into a long page
    (past the power tables kept between pages) must hash as it does alone."""
    alone = text_hashes(["needle"])[0]
    for before in (0, 5000, (1 << 20) + 7):
        page = "x" * before + " needle "
        codes = np.frombuffer(page.encode("utf-32-le"), dtype=np.uint32)
        assert word_hashes(codes, *word_bounds(codes))[-1] == alone
