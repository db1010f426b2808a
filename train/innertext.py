"""A page's text roughly as a browser's `document.body.innerText` gives it, from lxml alone.

Headless-browser scrapers (`page.inner_text("body")`, `driver.find_element("body").text`) save
this form, so it is one of the dumpers `redump.py` trains or measures on. It follows the
innerText algorithm of the HTML standard without a CSS engine: elements a browser does not render
(`<head>`, scripts, styles, `<noscript>` with scripting on, templates, elements marked `hidden`
or styled `display: none` inline) give nothing; block elements give a line break before and after,
`<p>` and headings two (a blank line); `<br>` a line break; table cells are joined by a tab and
rows by a line break; whitespace is collapsed outside `<pre>`, and runs of line breaks count the
largest one asked for. Stylesheets are not read, so text a site hides with a class stays (as it
does in most non-browser dumps).
"""
from __future__ import annotations

import re

import lxml.html

# Not rendered at all (display: none in a browser's default stylesheet, or no text content).
SKIPPED = frozenset({"head", "script", "style", "noscript", "template", "title", "meta", "link",
                     "iframe", "object", "embed", "svg", "math", "canvas", "select", "datalist",
                     "input", "textarea", "audio", "video", "source", "track", "map", "area"})
# display: block (or list-item, table and the like) in the default stylesheet: one line break.
BLOCKS = frozenset({"address", "article", "aside", "blockquote", "body", "center", "dd", "details",
                    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
                    "form", "header", "hgroup", "hr", "legend", "li", "listing", "main", "menu",
                    "nav", "ol", "optgroup", "option", "pre", "section", "summary", "ul", "table",
                    "caption", "thead", "tbody", "tfoot", "tr", "xmp", "plaintext"})
# Two line breaks: the standard gives <p> a required line break count of 2; headings have
# vertical margins too, which browsers' innerText renders the same way.
PARAGRAPHS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6"})
CELLS = frozenset({"td", "th"})
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
SPACES = re.compile(r"[ \t\n\r\f]+")


def inner_text(html: str) -> str:
    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return ""
    body = root.find("body")
    items: list[str | int] = []   # text, or a required line break count
    _walk(body if body is not None else root, items, False)
    return _join(items)


def _hidden(el) -> bool:
    return el.get("hidden") is not None or bool(HIDDEN_STYLE.search(el.get("style") or ""))


def _walk(el, items: list[str | int], pre: bool) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in SKIPPED or not tag or _hidden(el):
        _tail(el, items, pre)
        return
    pre = pre or tag in ("pre", "textarea", "listing", "xmp")
    breaks = 2 if tag in PARAGRAPHS else 1 if tag in BLOCKS else 0
    if breaks:
        items.append(breaks)
    if tag == "br":
        items.append("\n")
    if el.text:
        items.append(el.text if pre else SPACES.sub(" ", el.text))
    for child in el:
        _walk(child, items, pre)
    if tag in CELLS and el.getnext() is not None:
        items.append("\t")
    if breaks:
        items.append(breaks)
    _tail(el, items, pre and tag not in ("pre", "textarea", "listing", "xmp"))


def _tail(el, items: list[str | int], pre: bool) -> None:
    if el.tail:
        items.append(el.tail if pre else SPACES.sub(" ", el.tail))


def _join(items: list[str | int]) -> str:
    out: list[str] = []
    pending = 0
    for item in items:
        if isinstance(item, int):
            pending = max(pending, item)
            continue
        if not item or (item == " " and (pending or not out or out[-1].endswith(("\t", "\n")))):
            continue   # whitespace between blocks renders as nothing
        if pending and out:
            out.append("\n" * pending)
        pending = 0
        out.append(item)
    lines = "".join(out).split("\n")
    # Collapsed whitespace at the start and end of a rendered line is not shown.
    return "\n".join(line.strip(" ") for line in lines).strip("\n")
