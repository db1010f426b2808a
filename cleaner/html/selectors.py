"""CSS selectors applied to the parsed tree before extraction: the hook site rules use to drop
known clutter (`drop_selectors`) or to name the element that holds the body (`body_selector`).

Selectors are compiled once per distinct string (translating CSS to XPath costs more than matching)
and matched with lxml's cssselect on the same tree the extractor then reads, so nothing is parsed
twice.
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from cssselect import SelectorError
from lxml.cssselect import CSSSelector
from lxml.html import HtmlElement, document_fromstring

from ..errors import ConfigError
from .parse import in_page, log_removal

# Containers the extractor discards as page chrome wherever they are: a body the site rule names
# in one of them is retagged as a plain <div> so it survives.
_CHROME_TAGS = frozenset({"aside", "nav", "header", "footer", "form"})
# Distinct selectors kept compiled: far more than any registry holds.
_COMPILED_SELECTORS = 4096


@lru_cache(maxsize=_COMPILED_SELECTORS)
def compile_selector(selector: str) -> CSSSelector:
    """The compiled selector; a ConfigError naming it when it is not valid CSS."""
    try:
        return CSSSelector(selector, translator="html")
    except SelectorError as e:
        raise ConfigError(f"invalid CSS selector {selector!r}: {e}") from None


def drop_matching(tree: HtmlElement, selectors: Sequence[str], log: list | None = None,
                  rule: str = "drop_selectors") -> int:
    """Remove every element a selector matches, keeping the text that follows it (its tail),
    which belongs to the parent; each one's text goes into `log` (when given) as a `site_rules`
    removal named `rule` (the site's rule name). Returns how many elements went."""
    dropped = 0
    for selector in selectors:
        for el in compile_selector(selector)(tree):
            if el.getparent() is not None and in_page(el, tree):   # not the root, nor gone already
                if log is not None:
                    log_removal(log, el.text_content(), "site_rules", f"{rule} {selector}")
                el.drop_tree()
                dropped += 1
    return dropped


def select_body(tree: HtmlElement, selector: str) -> HtmlElement:
    """A page holding only the elements the selector matches (outermost ones, in page order), with
    the original head so the title and metadata stay; the whole tree when nothing matches (or the
    selector names the page itself)."""
    matches = compile_selector(selector)(tree)
    if not matches or any(el is tree or el.tag in ("body", "head") for el in matches):
        return tree   # nothing, or the whole page, matched
    chosen = set(matches)
    outermost = [el for el in matches if not any(a in chosen for a in el.iterancestors())]
    page = document_fromstring("<html><head></head><body></body></html>")
    head = tree.find("head")
    if head is not None:
        page.replace(page.find("head"), head)
    body = page.find("body")
    for el in outermost:
        el.tail = None
        if el.tag in _CHROME_TAGS:
            el.tag = "div"
        body.append(el)   # moves it: the old tree is not used again
    return page
