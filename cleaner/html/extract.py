"""HTML to blocks. The page is parsed once with lxml; site selectors (when a rule gives them) trim
that tree; trafilatura's extraction engine then finds the main content in it, and each paragraph,
heading, list item, table row or quote it keeps becomes a block, so the same block cleaners (and
`--explain`) work on HTML as on text dumps.

trafilatura is called without its metadata pass and without comments: the title and the JSON-LD
body are read here from the same tree for a fraction of the cost, and reader comments are not body.
trafilatura works on a copy of the tree it is handed (it edits the tree while extracting), which is
a copy in memory, not a second parse.
"""
from __future__ import annotations

from collections.abc import Sequence

import trafilatura

from ..document import Document
from .metadata import jsonld_article_body, page_title
from .parse import parse
from .selectors import drop_matching, select_body

# Tags trafilatura's XML output uses for blocks, mapped to our block kinds.
_BLOCK_KINDS = {"p": "p", "head": "h", "item": "li", "quote": "quote", "row": "row", "code": "code"}
# Elements whose boundary is a word boundary in trafilatura's output: line breaks and table cells.
_WORD_BREAKS = ("lb", "cell")
# A JSON-LD articleBody replaces the extraction when it is this many times longer: the publisher's
# own copy of the body is whole where the extractor stopped early (paywall teasers, split pages).
_DECLARED_BODY_GAIN = 1.3
# ...and only when it is real text, not a one-line summary.
_DECLARED_BODY_MIN_CHARS = 500


def extract(markup: str, *, url: str | None = None, drop_selectors: Sequence[str] = (),
            body_selector: str | None = None, **meta) -> Document:
    """Blocks of the page's main content, with the page's title.

    `drop_selectors` (CSS) remove matched elements, keeping the text after each; `body_selector`
    (CSS) restricts extraction to the matched elements, or to the whole page when it matches none.
    Both apply to the tree before extraction, so the extractor never sees what they remove.
    """
    tree = parse(markup)
    title = page_title(tree)
    declared = jsonld_article_body(tree)
    if drop_selectors:
        drop_matching(tree, drop_selectors)
    if body_selector:
        tree = select_body(tree, body_selector)
    texts, kinds = main_blocks(tree, url)
    if declared and len(declared) >= _DECLARED_BODY_MIN_CHARS and \
            len(declared) > _DECLARED_BODY_GAIN * sum(map(len, texts)):
        texts = [" ".join(line.split()) for line in declared.splitlines() if line.strip()]
        kinds = ["p"] * len(texts)
    doc = Document(texts=texts, kinds=kinds, gap_before=[True] * len(texts), url=url, **meta)
    doc.title = title
    return doc


def main_blocks(tree, url: str | None) -> tuple[list[str], list[str]]:
    """The main content trafilatura finds in the tree, as block texts and their kinds."""
    result = trafilatura.bare_extraction(tree, url=url, with_metadata=False, include_comments=False,
                                         include_tables=True)
    texts: list[str] = []
    kinds: list[str] = []
    body = result.body if result is not None else None
    if body is None:
        return texts, kinds
    for el in body.iter(*_WORD_BREAKS):   # <br> and table cells separate words, not glue them
        el.tail = " " + (el.tail or "")

    def emit(text: str | None, kind: str) -> None:
        text = " ".join((text or "").split())
        if text:
            texts.append(text)
            kinds.append(kind)

    def walk(el) -> None:
        for child in el:
            if not isinstance(child.tag, str):
                continue
            kind = _BLOCK_KINDS.get(child.tag)
            if kind is not None:
                emit("".join(child.itertext()), kind)
            else:   # a container (list, table, div): its own text, then its blocks
                emit(child.text, "p")
                walk(child)
            emit(child.tail, "p")

    emit(body.text, "p")
    walk(body)
    return texts, kinds
