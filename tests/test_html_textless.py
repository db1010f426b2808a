"""Text-free elements (scripts with a source, style links, icons in links) leave the shared tree
once (cleaner/html/textless.py), so neither trafilatura gear copies and prunes them: no page's
text and no extraction may change for it."""
from __future__ import annotations

import gzip

import pytest
import trafilatura.settings

from cleaner.html import extract as extract_module
from cleaner.html.extract import extraction, read_page
from cleaner.html.textless import ICON_PARENTS, ICON_TAG, TEXTLESS_TAGS
from tests.test_html import CASES, FIXTURES, page

# A service page whose download cards each open with an icon standing in the card's <div>
# (WCXB, CC-BY-4.0, fixtures/html/README.md).
ICONS_IN_DIVS = "wcxb-2840.html.gz"


def markup(name: str) -> str:
    with gzip.open(FIXTURES / name, "rt", encoding="utf-8") as f:
        return f.read()


def without_the_step(monkeypatch, html: str):
    monkeypatch.setattr(extract_module, "drop_textless", lambda tree: 0)
    try:
        return read_page(html)
    finally:
        monkeypatch.undo()


def test_text_free_scripts_links_and_icons_in_links_leave_the_tree(monkeypatch):
    html = page(next(c for c in CASES if c["file"].startswith("wcxb-0616")))
    tree, _, _ = read_page(html)
    before, _, _ = without_the_step(monkeypatch, html)
    for tags in (TEXTLESS_TAGS, (ICON_TAG,)):
        assert any(not "".join(el.itertext()).strip() for el in before.iter(tags))
    assert not any(not "".join(el.itertext()).strip() for el in tree.iter(TEXTLESS_TAGS))
    assert not any(el.getparent().tag in ICON_PARENTS and not "".join(el.itertext()).strip()
                   for el in tree.iter(ICON_TAG))
    # scripts holding text (JSON-LD, which trafilatura's fallback reads) stay, and so does every
    # character of the page's text, whitespace included
    assert len(list(tree.iter("script"))) == len([s for s in before.iter("script") if s.text and s.text.strip()])
    assert tree.find("body").text_content() == before.find("body").text_content()


@pytest.mark.parametrize("name", [ICONS_IN_DIVS] + [c["file"] for c in CASES[:8]])
def test_the_extraction_is_the_same_without_them(monkeypatch, name):
    """trafilatura deletes these elements itself; an icon standing in a <div> beside the div's
    blocks is left to it, as removing it earlier changes what its main extractor keeps of the div
    (four more lines of the icons page)."""
    html = markup(name)
    url = next((c["url"] for c in CASES if c["file"] == name), None)
    tree, _, declared = read_page(html)
    before, _, declared_before = without_the_step(monkeypatch, html)
    assert extraction(tree, url, declared) == extraction(before, url, declared_before)


def test_trafilatura_still_deletes_what_is_removed_first():
    """If trafilatura stops deleting one of these tags before extracting, removing it here would
    change its output: find what it does with the tag now."""
    assert set(TEXTLESS_TAGS) | {ICON_TAG} <= set(trafilatura.settings.MANUALLY_CLEANED)
