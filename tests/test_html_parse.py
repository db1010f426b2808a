"""The parser's shortcuts give what the slower reads they replace give: the control-character test,
direct reads of childless elements' text, and the thin-body count that stops at its threshold."""
from __future__ import annotations

import sys

import pytest

from cleaner.document import Document
from cleaner.html.extract import MIN_BODY_CHARS, drop_thin_body
from cleaner.html.parse import _NOT_XML, _NOT_XML_CHARS, parse, text_of
from tests.test_html import CASES, page


def test_the_characters_tested_one_by_one_are_those_the_expression_removes():
    matched = {chr(c) for c in range(sys.maxunicode + 1)
               if not 0xD800 <= c < 0xE000 and _NOT_XML.match(chr(c))}
    assert matched == set(_NOT_XML_CHARS)


@pytest.mark.parametrize("char", _NOT_XML_CHARS, ids=[f"U+{ord(c):04X}" for c in _NOT_XML_CHARS])
def test_each_control_character_leaves_the_text_without_a_replacement_character(char):
    tree = parse(f"<html><body><p>har{char}bour wall</p><p>ok\t\n</p></body></html>")
    assert [p.text_content() for p in tree.iter("p")] == ["harbour wall", "ok\t\n"]


@pytest.mark.parametrize("case", CASES[:4], ids=[c["file"].split(".")[0] for c in CASES[:4]])
def test_text_of_reads_what_text_content_reads_on_real_pages(case):
    tree = parse(page(case))
    elements = [el for tag in ("a", "p", "li", "h2", "td") for el in tree.iter(tag)]
    assert sum(not len(el) for el in elements) > 10   # the direct read is exercised
    assert [text_of(el) for el in elements] == [el.text_content() for el in elements]


def _body(texts: list[str]) -> Document:
    return Document(texts=texts, kinds=["p"] * len(texts), gap_before=[True] * len(texts))


def test_a_body_reaching_the_word_characters_over_many_blocks_stays():
    word = "x" * 9   # nine word characters a block: the threshold is met in the last block only
    blocks = ["-- " + word + " --"] * (MIN_BODY_CHARS // 9 + 1)
    doc = _body(blocks)
    drop_thin_body(doc)
    assert doc.kept() == list(range(len(blocks)))


def test_a_body_one_word_character_short_goes_whole():
    doc = _body(["a" * (MIN_BODY_CHARS - 10) + " !!", "b" * 9, "... ---"])
    drop_thin_body(doc)
    assert doc.kept() == []
    assert {(r.cleaner, r.rule) for r in doc.dropped} == {("extract", "thin-body")}
