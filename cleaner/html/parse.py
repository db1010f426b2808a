"""Markup to an lxml tree, parsed once and shared by every later step."""
from __future__ import annotations

from lxml import html as lxml_html


def parse(markup: str):
    """Parse markup into an lxml tree that never fetches anything and tolerates broken pages."""
    parser = lxml_html.HTMLParser(remove_comments=True, no_network=True, huge_tree=False)
    return lxml_html.document_fromstring(markup, parser=parser)
