"""The parser's shortcuts give what the slower reads they replace give: the control-character test,
direct reads of childless elements' text, and the thin-body count that stops at its threshold; and
a page closed early (`</body></html>` before its content) keeps what follows, as a browser shows it."""
from __future__ import annotations

import sys

import pytest

from cleaner import Cleaner
from cleaner.document import Document
from cleaner.html import parse as parse_module
from cleaner.html.extract import MIN_BODY_CHARS, drop_thin_body
from cleaner.html.parse import _NOT_XML, _NOT_XML_CHARS, parse, text_of
from tests.test_html import CASES, flat, page


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


def _paragraphs(markup: str) -> list[str]:
    """The texts of the paragraphs in the parsed page's body."""
    return [p.text_content() for p in parse(markup).find("body").iter("p")]


def test_what_follows_an_early_end_of_the_page_is_in_its_body():
    assert _paragraphs("<html><body><p>menu</p></body></html><div><p>story</p></div>") == ["menu", "story"]
    assert _paragraphs("<HTML><BODY><p>menu</p></BODY ></HTML><p>story</p>") == ["menu", "story"]
    assert _paragraphs("<p>menu</p></body><script>x()</script></html><p>story</p>") == ["menu", "story"]


def test_what_follows_a_body_end_tag_is_in_the_body_too():
    # libxml2 keeps it, but outside <body>, where the steps that read the body miss it
    assert _paragraphs("<html><body><p>menu</p></body><p>story</p></html>") == ["menu", "story"]


def test_a_page_that_ends_where_it_should_is_parsed_as_it_is():
    markup = "<html><body><p>story</p></body></html>\n<!-- cached 2025 -->\n"
    assert parse_module._without_early_end(markup, parse_module._markup_facts(markup)[1]) is markup
    assert _paragraphs(markup) == ["story"]


def test_a_story_after_the_theme_closed_the_page_is_the_body(monkeypatch):
    # wcxb-0310: the theme prints `</body></html>` after its header, then the whole post; libxml2
    # drops everything after `</html>`, so the body was the header's three teaser lines.
    case = next(c for c in CASES if c.get("step") == "page-end")

    def body() -> str:
        return flat(Cleaner(site_rules=False).clean(page(case), url=case["url"], kind="html").text)

    story = body()
    assert all(flat(s) in story for s in case["keep"])
    assert not any(flat(s) in story for s in case["drop"])
    monkeypatch.setattr(parse_module, "_without_early_end", lambda markup, opening: markup)
    assert not any(flat(s) in body() for s in case["keep"])


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
