"""What the page says about itself, read from the parsed tree before extraction: its title and,
from JSON-LD, the article body a publisher declares. Both are cheap reads of the head and of a few
script elements, in place of trafilatura's full metadata pass (dates, authors, categories), which
costs more than the rest of the cleaning and gives nothing the body needs."""
from __future__ import annotations

import json
import re

from lxml.html import HtmlElement

# Meta tags naming the headline, most specific first.
_TITLE_META = ("og:title", "twitter:title")
# "Headline | Site", "Headline - Site": the parts a <title> joins; the longest is the headline.
_TITLE_SEPARATOR = re.compile(r"\s+[|–—·»:]\s+|\s+-\s+")
# JSON-LD with more than this many characters is not parsed: a body-sized blob is all we want.
_JSONLD_MAX_CHARS = 1_000_000
_JSONLD_XPATH = '//script[@type="application/ld+json"]'


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def page_title(tree: HtmlElement) -> str | None:
    """The headline: the page's only <h1>, else its og:/twitter: title, else the longest part of
    its <title>."""
    h1 = tree.xpath("//body//h1")
    if len(h1) == 1:
        text = _clean(h1[0].text_content())
        if text:
            return text
    head = tree.find("head")
    if head is not None:
        for meta in head.iterfind("meta"):
            key = meta.get("property") or meta.get("name") or ""
            if key.lower() in _TITLE_META:
                text = _clean(meta.get("content"))
                if text:
                    return text
    title = tree.find(".//title")
    if title is not None:
        parts = [p for p in _TITLE_SEPARATOR.split(_clean(title.text_content())) if p]
        if parts:
            return max(parts, key=len)
    return None


def jsonld_article_body(tree: HtmlElement) -> str | None:
    """The longest `articleBody` any JSON-LD block on the page declares, if one does."""
    best = None
    for script in tree.xpath(_JSONLD_XPATH):
        raw = script.text or ""
        if "articleBody" not in raw or len(raw) > _JSONLD_MAX_CHARS:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        for body in _find_key(data, "articleBody"):
            body = body.strip()
            if body and (best is None or len(body) > len(best)):
                best = body
    return best


def _find_key(data, key: str):
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            value = item.get(key)
            if isinstance(value, str):
                yield value
            stack.extend(v for v in item.values() if isinstance(v, (dict, list)))
        elif isinstance(item, list):
            stack.extend(v for v in item if isinstance(v, (dict, list)))
