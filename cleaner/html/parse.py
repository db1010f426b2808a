"""Markup to an lxml tree, parsed once and shared by every later step.

The parser is libxml2's HTML parser, set up so that hostile pages cannot reach outside the page:
it never touches the network, and HTML parsing knows no external or internal entities, so a
DOCTYPE's internal subset (an entity bomb, or an entity naming a local file) is never expanded.
The subset is cut out before parsing all the same, or its declarations would show up as page text.

libxml2 stops building the tree at a nesting depth of 256 and drops everything after that point.
A page nested deeper (100,000 `<div>`s is a known crawler trap) is parsed again with the markup
beyond `MAX_DEPTH` levels flattened: the deep tags are removed and their text kept in place.

libxml2 also drops everything after an `</html>` end tag, and puts what follows a `</body>` outside
the body, where a browser shows both in the body (the HTML standard's parser ignores the tags): a
theme that prints `</body></html>` after its header and the story after them lost the story. Where
an element follows the first such tag, the page's `</body>` and `</html>` end tags are left out
before parsing.
"""
from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

from .. import accel
from ..document import Removal

# Nesting kept when a page is too deep for the parser: well under libxml2's limit of 256, which
# counts the <html> and <body> it adds, and far deeper than any real layout needs.
MAX_DEPTH = 180
# The last resort: when the parser still finds the flattened page too deep (tags it nests that the
# flattening did not count, such as implied <p> or <tbody>), or the extractor runs out of stack.
SHALLOW_DEPTH = 40
_FALLBACK_DEPTHS = (MAX_DEPTH, SHALLOW_DEPTH)
# Every element is an HtmlElement, chosen in C. lxml.html's own lookup calls Python for each
# element it wraps (to give forms, inputs and labels their own classes, which nothing here uses),
# and the extractor wraps elements by the hundred thousand: this is 8% of cleaning an HTML page.
_CLASS_LOOKUP = etree.ElementDefaultClassLookup(
    element=lxml_html.HtmlElement, comment=lxml_html.HtmlComment,
    pi=lxml_html.HtmlProcessingInstruction, entity=lxml_html.HtmlEntity)

_XML_DECLARATION = re.compile(r"\s*<\?xml[^>]{0,500}\?>")
# A DOCTYPE is looked for near the start only; its internal subset runs from "[" to "]>".
_DOCTYPE = re.compile(r"<!DOCTYPE[^\[>]{0,500}\[", re.IGNORECASE)
_DOCTYPE_SEARCH = 2048
_SUBSET_END = re.compile(r"\]\s*>")
# Characters XML cannot hold: libxml2 turns each into U+FFFD, text the page never had.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# The same characters one by one: a page is tested for each with `in` (memchr, for most pages),
# three times faster than the expression's search over the whole markup (1 ms on a news page of
# 180,000 characters), which almost never finds one. The C accelerator's one loop is faster still
# (0.6 ms a page of `in` on wcxb-dev's pages, which mostly hold a character past Latin-1).
_NOT_XML_CHARS = tuple(chr(c) for c in (*range(0x09), 0x0b, 0x0c, *range(0x0e, 0x20), 0xfffe, 0xffff))
# The start of every tag, for flattening: its slash and its name. The tag ends at the next ">".
_TAG_START = re.compile(r"<(/?)([A-Za-z][^\s/>]{0,100})")
# Elements that never have content, so never nest.
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr "
                  "basefont bgsound frame keygen".split())


# The page's end tags, searched for from where "</ht" or "</bo" first starts (found in C with the
# characters XML cannot hold: `_markup_facts`), and the start of an element after them.
_PAGE_END = re.compile(r"</(?:body|html)\s*>", re.IGNORECASE)
_PAGE_END_OPENING = re.compile(r"</(?:ht|bo)", re.IGNORECASE)
_ELEMENT_START = re.compile(r"<[A-Za-z]")

# The page itself: never removed as furniture, whatever its classes say ("gdpr-consent-pending" on
# <body>).
_PAGE_TAGS = frozenset({"html", "head", "body"})


def parse(markup: str):
    """Parse markup into an lxml tree that never fetches anything and tolerates broken pages."""
    not_xml, opening = _markup_facts(markup)
    markup = _without_prolog(_without_early_end(markup, opening), not_xml)
    tree, too_deep = _parse(markup)
    for depth in _FALLBACK_DEPTHS if too_deep else ():
        tree, too_deep = _parse(flatten(markup, depth))
        if not too_deep:
            break
    return tree


# Block-level elements: their text is never run into the next block's.
_BLOCKS = ("p", "li", "div", "td", "th", "tr", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6",
           "blockquote", "pre", "nav", "header", "footer", "aside", "section", "article", "main",
           "ul", "ol", "dl", "table", "form", "figure", "figcaption", "address")


def separate_blocks(tree) -> None:
    """End every block-level element that nothing separates from what follows with a line break.
    The extractor flattens elements it does not expect (a list item outside any list) and removes
    others (a menu) between two blocks; without the break, the words on either side become one
    word that the page never had ("2019Read")."""
    for el in tree.iter(_BLOCKS):
        tail = el.tail
        if not tail:
            el.tail = "\n"
        elif not tail[0].isspace():
            el.tail = "\n" + tail


def text_of(element) -> str:
    """The element's text_content(): read directly from an element with no children (a bare link,
    a plain paragraph), without the XPath query text_content() runs: a page reads thousands."""
    return (element.text or "") if not len(element) else element.text_content()


def drop_minor(tree, elements, max_share: float, log: list | None = None, rule: str = "") -> int:
    """Remove each element (its tail stays) unless it is the page itself (html, head, body), or
    holds more than `max_share` of the page's text: then it is the page's content whatever its
    markup says. Each removed element's text goes into `log` (when given) as an `extract:rule`
    removal. Returns how many went."""
    if not elements:   # most pages have no other posts' cards: no need to read the page's text
        return 0
    body = tree.find("body")
    total = len(body.text_content()) if body is not None else 0
    dropped = 0
    for el in elements:
        if el.tag in _PAGE_TAGS or el.getparent() is None:
            continue
        text = el.text_content()
        if len(text) > max_share * total:
            continue
        if log is not None and in_page(el, tree):
            log_removal(log, text, "extract", rule)
        el.drop_tree()
        dropped += 1
    return dropped


def in_page(element, root) -> bool:
    """Whether the element still hangs from `root` (not inside a subtree removed before it)."""
    top = element
    for top in element.iterancestors():
        pass
    return top is root


def log_removal(log: list, text: str, cleaner: str, rule: str) -> None:
    """Record text removed from the tree before extraction, whitespace runs as one space (an
    element with no text leaves no record)."""
    text = " ".join(text.split())
    if text:
        log.append(Removal(text, cleaner, rule))


def _parse(markup: str):
    """The tree, and whether libxml2 gave up on the page for being nested too deep."""
    parser = lxml_html.HTMLParser(remove_comments=True, no_network=True, huge_tree=False)
    parser.set_element_class_lookup(_CLASS_LOOKUP)
    try:
        tree = lxml_html.document_fromstring(markup, parser=parser)
    except etree.ParserError:  # nothing but whitespace, comments or a doctype
        tree = lxml_html.document_fromstring("<html><body></body></html>", parser=parser)
    last = parser.error_log.last_error  # the depth error is fatal, so it is the last one
    too_deep = last is not None and last.type_name == "ERR_RESOURCE_LIMIT" and "depth" in last.message
    return tree, too_deep


def _without_prolog(markup: str, not_xml: bool) -> str:
    """The markup without an XML declaration (lxml refuses a str that declares an encoding: the
    text is decoded already), without a DOCTYPE's internal subset, and without control characters
    (where it holds some: `not_xml`)."""
    if not_xml:
        markup = _NOT_XML.sub("", markup)
    m = _XML_DECLARATION.match(markup)
    if m:
        markup = markup[m.end():]
    doctype = _DOCTYPE.search(markup, 0, _DOCTYPE_SEARCH)
    if doctype:
        end = _SUBSET_END.search(markup, doctype.end())
        cut = end.end() if end else len(markup)  # an unclosed subset swallows the page, as in XML
        markup = markup[:doctype.end() - 1] + ">" + markup[cut:]
    return markup


def _without_early_end(markup: str, opening: int) -> str:
    """The markup without its `</body>` and `</html>` end tags when an element follows the first
    of them (searched for from `opening`, where "</ht" or "</bo" first starts; -1: nowhere):
    libxml2 drops everything after `</html>` (a theme that closes the page after its header loses
    its whole story) and puts what follows `</body>` outside the body, where a browser shows both
    in the body. Most pages end with those tags, so the markup is copied only where an element
    follows the first."""
    end = _PAGE_END.search(markup, opening) if opening >= 0 else None
    if end is None or not _ELEMENT_START.search(markup, end.end()):
        return markup
    return _PAGE_END.sub("", markup)


def _markup_facts(markup: str) -> tuple[bool, int]:
    """Whether the markup holds characters XML cannot, and where "</ht" or "</bo" (any case) first
    starts (-1: nowhere); in one C pass over the page when it is built."""
    fast = accel.dumptext
    if fast is not None:
        return fast.markup_facts(markup)
    opening = _PAGE_END_OPENING.search(markup)
    return any(char in markup for char in _NOT_XML_CHARS), opening.start() if opening else -1


def flatten(markup: str, max_depth: int = MAX_DEPTH) -> str:
    """The markup with every tag opened below `max_depth` open elements removed, with its closing
    tag; the text stays where it was. Linear: one pass over the tags with a stack of open names."""
    out: list[str] = []
    stack: list[str] = []
    open_names: dict[str, int] = {}  # how many of each name are on the stack: membership in O(1)
    last = 0  # where the markup not yet copied starts
    gt = -1  # the first ">" after the current tag start; found once, so the pass stays linear
    for m in _TAG_START.finditer(markup):
        if m.start() < last:
            continue  # a "<" inside a tag already handled (an attribute value)
        if gt < m.end():
            gt = markup.find(">", m.end())
            if gt < 0:
                break  # no tag can end any more: the rest is text
        closing, name, self_closing = m.group(1), m.group(2).lower(), markup[gt - 1] == "/"
        depth = len(stack)
        if closing and open_names.get(name):
            while True:  # close up to the matching open tag, as parsers do; each name pops once
                top = stack.pop()
                open_names[top] -= 1
                if top == name:
                    break
            depth = len(stack)
        elif not closing and name not in _VOID and not self_closing:
            stack.append(name)
            open_names[name] = open_names.get(name, 0) + 1
        if depth >= max_depth:
            out.append(markup[last:m.start()])
            out.append(" ")
            last = gt + 1
    out.append(markup[last:])
    return "".join(out)
