"""Title and standfirst: the headline is returned as `title`, not as body; so is every copy of it,
and a standfirst (the unfinished summary line under the headline) goes to `description`.

The headline is the first headline-like line before the first body paragraph. A line printed
twice (page header and article header) or matching the page's <title> line wins over one that is
not, because a menu entry or a section label is rarely repeated as a heading.
"""
from __future__ import annotations

import re
from itertools import compress, count, repeat
from urllib.parse import urlsplit

from .. import accel
from ..document import Document
from ..options import Options
from .base import Cleaner
from .shape import HEADLINE, PARAGRAPH, line_shapes, next_kept, words

# How far into the page a headline may sit, in blocks, before we stop looking.
_SEARCH_BLOCKS = 60
# "Headline | Site" or "Headline - Site": the <title> line a dumper prints first.
_SITE_SUFFIX = re.compile(r"\s+(?:[|–—·:]|-)\s+[^|–—·]{2,60}$")
# A standfirst reads as a sentence that stops without punctuation, under the headline.
_STANDFIRST_MIN_WORDS = 8
_STANDFIRST_MAX_WORDS = 60


class Title(Cleaner):
    name = "title"

    def apply(self, doc: Document, options: Options) -> None:
        head = self._find_headline(doc)
        if head is None:
            return
        title = doc.texts[head]
        doc.title = title
        last = head
        texts, dropped = doc.texts, doc.dropped
        for i in _opening_with(texts, dropped, title):
            text = texts[i]
            if dropped[i] is None and (text == title or _strip_site(text) == title):
                doc.drop(i, self.name, "headline")
                if i < _SEARCH_BLOCKS:
                    last = i
        self._standfirst(doc, last)

    def _find_headline(self, doc: Document) -> int | None:
        texts = doc.texts
        candidates = []
        shapes = line_shapes(doc)
        for i in doc.kept():   # (picked in C)
            if i >= _SEARCH_BLOCKS:
                break
            shape = shapes[i]
            if candidates and shape & PARAGRAPH:
                break
            if shape & HEADLINE:
                candidates.append(i)
        if doc.title is not None and not _names_site(doc.title, doc.url):
            # The page said what its title is (HTML): only a copy of it can be the headline, else a
            # shop's "Only 3 left!" or a story's dateline above it was taken for one. A title that
            # is only the site's name ("India Post" on indiapost.com) says nothing.
            candidates = [i for i in candidates if _names_title(texts[i], doc.title)]
        if not candidates:
            return None
        for i in candidates:
            text = texts[i]
            # (counted for the few candidates: a Counter of the whole page cost more)
            if _count(texts, text) > 1 or (i > 0 and _is_page_title(texts[0], text)):
                return i
        first = candidates[0]
        # An unrepeated headline must open the page's kept text and be followed by prose.
        if first == next_kept(doc, -1) and _followed_by_prose(doc, first):
            return first
        return None

    def _standfirst(self, doc: Document, after: int) -> None:
        j = next_kept(doc, after)
        if j is None:
            return
        text = doc.texts[j]
        n = words(text)
        if (_STANDFIRST_MIN_WORDS <= n <= _STANDFIRST_MAX_WORDS and (text[-1].isalnum() or text[-1] in "'’\"”")
                and text[0].isupper() and _followed_by_prose(doc, j)):
            doc.description = text
            doc.drop(j, self.name, "standfirst")


def _opening_with(texts: list[str], dropped: list, title: str):
    """The lines opening with the title, the only ones that can be copies of it: the kept ones
    picked in one C pass when it is built (a startswith call a line cost more than the rest of
    the title's work), else every one, picked in C through map."""
    fast = accel.linescan
    if fast is not None:
        return fast.opening_with(texts, dropped, title)
    return compress(count(), map(str.startswith, texts, repeat(title)))


def _count(texts: list[str], text: str) -> int:
    """texts.count(text), in C when it is built (list.count's rich comparison of each line cost
    more than comparing lengths)."""
    fast = accel.linescan
    return fast.count(texts, text) if fast is not None else texts.count(text)


def _strip_site(text: str) -> str:
    return _SITE_SUFFIX.sub("", text)


def _is_page_title(first: str, text: str) -> bool:
    """Whether `text` is the page's first line without its site suffix. Stripping the suffix
    leaves a prefix of the line, so a line it does not open with is turned down without the
    pattern (which scans the whole line, often the page's longest: 6 µs a page)."""
    return first.startswith(text) and _strip_site(first) == text


_WORDS = re.compile(r"\w+")


def _names_title(text: str, title: str) -> bool:
    """Whether a heading is the page's stated title, word for word, or most of it ("Is Football
    Violence a Crime?" for "Opinion | Is Football Violence a Crime?", or the other way round)."""
    a, b = _WORDS.findall(text.casefold()), _WORDS.findall(title.casefold())
    if not a or not b:
        return False
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if 2 * len(short) < len(long):
        return False
    return any(long[k:k + len(short)] == short for k in range(len(long) - len(short) + 1))


def _names_site(title: str, url: str | None) -> bool:
    """Whether a title is the site's name: its words run together are a label of the URL's host,
    or the host itself ("Bogleheads.org", "India Post" on www.indiapost.com)."""
    host = (urlsplit(url).hostname or "") if url else ""
    joined = "".join(_WORDS.findall(title.casefold()))
    labels = host.split(".")
    return bool(joined) and (joined in labels or joined == "".join(labels[-2:]) or joined == host.replace(".", ""))


def _followed_by_prose(doc: Document, i: int) -> bool:
    """True when one of the next few kept blocks is a body paragraph."""
    j = i
    shapes = line_shapes(doc)
    for _ in range(3):
        j = next_kept(doc, j)
        if j is None:
            return False
        if shapes[j] & PARAGRAPH:
            return True
    return False
