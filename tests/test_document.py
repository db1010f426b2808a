"""Document building and provenance: blocks, gaps, removals in page order."""
from __future__ import annotations

import pytest

from cleaner.document import Document, Removal


def test_from_text_blocks_and_gaps():
    text = "\n\n  Title line  \nSecond\r\n\r\n\t\nThird \n   \nFourth\nFifth\n\n"
    doc = Document.from_text(text)
    assert doc.texts == ["Title line", "Second", "Third", "Fourth", "Fifth"]
    # The first block always follows a gap; whitespace-only lines count as blank.
    assert doc.gap_before == [True, False, True, True, False]
    assert doc.kinds == ["line"] * 5
    assert doc.kept_chars == sum(map(len, doc.texts))


def test_from_text_without_blank_lines_and_empty():
    doc = Document.from_text("a\nb\nc")
    assert doc.gap_before == [True, False, False]
    empty = Document.from_text(" \n\n")
    assert empty.texts == [] and empty.gap_before == [] and empty.kept_chars == 0


def test_removals_in_page_order_with_trims():
    doc = Document.from_text("15 minutes. The story starts.\nMenu\nBody text here.\nFooter")
    doc.drop(3, "navigation", "menu-run")
    doc.drop(1, "navigation", "menu-run")
    doc.trim(0, 0, 12, "bylines", "glued-reading-time")
    assert [(r.index, r.cleaner) for r in doc.removals()] == [
        (0, "bylines"), (1, "navigation"), (3, "navigation")]
    assert doc.texts[0] == "The story starts."
    assert doc.kept_chars == len("The story starts.") + len("Body text here.")
    # Without trims the dropped blocks come out in page order too.
    doc2 = Document.from_text("a\nb\nc")
    doc2.drop(2, "x", "r")
    doc2.drop(0, "x", "r")
    assert [r.index for r in doc2.removals()] == [0, 2]


def test_removal_is_immutable_and_serialisable():
    r = Removal("Home", "navigation", "menu-run", 3)
    with pytest.raises(AttributeError):
        r.text = "changed"
    assert r.to_dict() == {"text": "Home", "cleaner": "navigation", "rule": "menu-run", "index": 3}
    assert Removal("x", "c", "r").index == -1
    assert len({r, Removal("Home", "navigation", "menu-run", 3)}) == 1


def test_a_result_is_frozen_and_pickles_with_every_field():
    """A result handed to a crawler's threads or a batch's workers cannot be changed in place and
    survives pickling whole."""
    import dataclasses
    import pickle

    from cleaner import Cleaner
    from cleaner.result import CleanResult

    result = Cleaner(site_rules=False).clean("Home | News\n\nA story of the day, told in full sentences here.\n"
                                             "© 2024 Example", kind="text", url="https://example.com/a")
    made = CleanResult(**{f.name: getattr(result, f.name) for f in dataclasses.fields(CleanResult)})
    assert list(vars(result)) == [f.name for f in dataclasses.fields(CleanResult)]
    assert vars(result) == vars(made) and repr(result) == repr(made) and result == made
    assert result.removed and result.document is not None
    assert pickle.loads(pickle.dumps(result)).to_dict() == result.to_dict()
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.text = "changed"
