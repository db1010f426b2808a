"""HTML to blocks. The page is parsed once with lxml and the tree handed to trafilatura, whose
extraction engine finds the main content; each paragraph, heading or list item it keeps becomes a
block, so the same block cleaners (and `--explain`) work on HTML as on text dumps."""
from __future__ import annotations

import copy

import trafilatura
from lxml import html as lxml_html
from lxml.cssselect import CSSSelector

from ..document import Document
from .parse import parse

# Tags trafilatura's XML output uses for blocks, mapped to our block kinds.
_BLOCK_KINDS = {"p": "p", "head": "h", "item": "li", "quote": "quote", "row": "row", "code": "code"}


def extract(markup: str, *, url: str | None = None, drop_selectors=(), body_selector: str | None = None,
            **meta) -> Document:
    """Blocks of the page's main content, with the page's title. A known site's rules may name
    elements to remove first (`drop_selectors`) and the element that holds the body."""
    tree = parse(markup)
    if drop_selectors or body_selector:
        tree = _apply_selectors(tree, drop_selectors, body_selector)
    result = trafilatura.bare_extraction(tree, url=url, with_metadata=True, include_comments=False,
                                         include_tables=True)
    texts: list[str] = []
    kinds: list[str] = []
    title = None
    if result is not None:
        title = result.title
        body = result.body
        if body is not None:
            for el in body.iter(*_BLOCK_KINDS):
                if el.tag == "item" and el.getparent() is not None and el.getparent().tag == "item":
                    continue
                text = " ".join("".join(el.itertext()).split())
                if text and not _inside_block(el):
                    texts.append(text)
                    kinds.append(_BLOCK_KINDS[el.tag])
    doc = Document(texts=texts, kinds=kinds, gap_before=[True] * len(texts), url=url, **meta)
    doc.title = title
    return doc


def _apply_selectors(tree, drop_selectors, body_selector):
    """Remove what the site's selectors name; with a body selector that matches, the first match
    becomes the whole page body (the <head> stays, for the title and metadata)."""
    for selector in drop_selectors:
        for el in CSSSelector(selector)(tree):
            if el.getparent() is not None:
                el.drop_tree()
    if body_selector:
        found = CSSSelector(body_selector)(tree)
        if found:
            page = lxml_html.document_fromstring("<html><body></body></html>")
            head = tree.find("head")
            if head is not None:
                page.insert(0, copy.deepcopy(head))
            page.find("body").append(copy.deepcopy(found[0]))
            return page
    return tree


def _inside_block(el) -> bool:
    """A list item inside a table row or quote is counted once, by its outermost block."""
    parent = el.getparent()
    while parent is not None:
        if parent.tag in _BLOCK_KINDS:
            return True
        parent = parent.getparent()
    return False
