"""What the page says about itself, read from the parsed tree before extraction: its title and,
from JSON-LD, the article body a publisher declares, the schema.org types it names and a
product's description. All are cheap reads of the head and of a few script elements, in place of trafilatura's full metadata pass (dates, authors, categories), which
costs more than the rest of the cleaning and gives nothing the body needs."""
from __future__ import annotations

import html
import json
import re
from collections.abc import Collection
from dataclasses import dataclass

from lxml.html import HtmlElement

# Meta tags naming the headline, most specific first.
_TITLE_META = ("og:title", "twitter:title")
# "Headline | Site", "Headline - Site": the parts a <title> joins; the longest is the headline.
_TITLE_SEPARATOR = re.compile(r"\s+[|–—·»:]\s+|\s+-\s+")
# JSON-LD with more than this many characters is not parsed: a body-sized blob is all we want.
_JSONLD_MAX_CHARS = 1_000_000
_JSONLD_PATH = './/script[@type="application/ld+json"]'
# Some publishers put the body's HTML into articleBody, raw or entity-escaped ("&lt;p&gt;").
_ESCAPED_MARKUP = re.compile(r"&lt;/?[a-zA-Z]")
# Tags that end a paragraph: they become line breaks; every other tag is removed. A tag runs to the
# next ">" before any other "<", so a stray "<" costs one short scan, never one to the end.
_BREAKING_TAG = re.compile(r"</?(?:p|div|br|h[1-6]|li|ul|ol|tr|table|blockquote|figure|figcaption|"
                           r"section|article|body|pre)\b[^<>]*>", re.IGNORECASE)
_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
# Items whose `description` is a product's (the text a shop shows as its description).
_PRODUCT_TYPES = frozenset({"Product", "ProductGroup", "IndividualProduct"})


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def _head_meta(tree: HtmlElement, keys: Collection[str]) -> str | None:
    """The first non-empty content of a <meta> in <head> whose property or name is one of `keys`."""
    head = tree.find("head")
    if head is not None:
        for meta in head.iterfind("meta"):
            key = meta.get("property") or meta.get("name") or ""
            if key.lower() in keys:
                text = _clean(meta.get("content"))
                if text:
                    return text
    return None


def og_type(tree: HtmlElement) -> str | None:
    """The page's Open Graph type (`og:type`: "article", "website", "product", ...), lower-cased."""
    found = _head_meta(tree, ("og:type",))
    return found.lower() if found else None


def page_title(tree: HtmlElement) -> str | None:
    """The headline: the page's only <h1>, else its og:/twitter: title, else the longest part of
    its <title>."""
    body = tree.find("body")
    h1 = list(body.iter("h1")) if body is not None else []   # a walk in C, not an XPath query
    if len(h1) == 1:
        text = _clean(h1[0].text_content())
        if text:
            return text
    text = _head_meta(tree, _TITLE_META)
    if text:
        return text
    title = tree.find(".//title")
    if title is not None:
        parts = [p for p in _TITLE_SEPARATOR.split(_clean(title.text_content())) if p]
        if parts:
            return max(parts, key=len)
    return None


@dataclass(frozen=True, slots=True)
class Declared:
    """What the page's JSON-LD declares: the longest `articleBody`, every `@type` named, and the
    longest `description` of a product."""

    article_body: str | None = None
    types: frozenset[str] = frozenset()
    product_description: str | None = None


def read_jsonld(tree: HtmlElement) -> Declared:
    """The JSON-LD blocks of the page, read once; blocks that are not valid JSON are skipped."""
    body, types, description = None, set(), None
    for script in tree.iterfind(_JSONLD_PATH):
        raw = script.text or ""
        if not raw or len(raw) > _JSONLD_MAX_CHARS:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        for item in _objects(data):
            kind = item.get("@type")
            if isinstance(kind, str):
                types.add(kind)
            elif isinstance(kind, list):
                types.update(k for k in kind if isinstance(k, str))
            text = item.get("articleBody")
            if isinstance(text, str):
                text = plain_text(text)
                if text and (body is None or len(text) > len(body)):
                    body = text
            text = item.get("description")
            if isinstance(text, str) and _PRODUCT_TYPES.intersection(_types_of(kind)):
                text = plain_text(text)
                if text and (description is None or len(text) > len(description)):
                    description = text
    return Declared(body, frozenset(types), description)


def _types_of(kind) -> tuple[str, ...]:
    """The schema.org types an item's `@type` names (a string or a list)."""
    if isinstance(kind, str):
        return (kind,)
    return tuple(k for k in kind if isinstance(k, str)) if isinstance(kind, list) else ()


def plain_text(body: str) -> str:
    """A declared body as text, one paragraph a line: markup a publisher left in it (raw or
    entity-escaped) is removed, block tags becoming line breaks, so that tags and image URLs
    neither count towards its length nor reach the output."""
    if _ESCAPED_MARKUP.search(body):
        body = html.unescape(body)
    if "<" in body and _TAG.search(body):
        body = _TAG.sub("", _BREAKING_TAG.sub("\n", body))
        body = html.unescape(body)
    return body.strip()


def _objects(data):
    """Every JSON object nested in a parsed JSON-LD value."""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            yield item
            stack.extend(v for v in item.values() if isinstance(v, (dict, list)))
        elif isinstance(item, list):
            stack.extend(v for v in item if isinstance(v, (dict, list)))
