"""The size limits: a page longer than `Options.max_chars`, or with more lines (a text dump) or
tags (HTML) than `max_lines` or `max_tags`, is cut, not refused.

Cut rather than refused because the start of a page is where its article is, so a cut page still
gives a useful body, and because one oversized page in a crawl should cost a bounded amount of time
and memory, not a lost record. Every cut is recorded (`CleanResult.truncated` says why), so a
caller who needs whole pages only can drop those results.

On HTML, the scripts, styles, inline SVG and comments are taken out first when the page is over
the limit: they are what makes most oversized pages oversized, extraction drops them anyway, and
without them the article behind them fits. JSON-LD scripts stay: they describe the article.
"""
from __future__ import annotations

import re

# Characters cleaned from one page by default. Real pages are below it once their scripts are
# out (the largest of 1,678 benchmark pages has 5.3 MB of HTML, 2.8 MB without scripts); it bounds
# the memory a page costs, and the time of the steps that read every character.
MAX_CHARS = 5_000_000
# Lines of a text dump and tags of an HTML page: the work per page grows with these (each line or
# element costs the cleaners and the extractor some microseconds), so a 2 MB page of a million
# short lines or empty paragraphs would take a minute. Real pages have some hundreds of lines and
# a few thousand tags (the benchmark pages at most 18,522 without scripts).
MAX_LINES = 50_000
MAX_TAGS = 100_000
# Bytes read before decoding: every charset takes at most 4 bytes for a character.
MAX_BYTES_PER_CHAR = 4
# Bytes `cleaner clean` reads from a file at most: room for a page whose bulk is scripts (they go
# before the cut), while a 10 GB file saved as .html never has to fit in memory.
MAX_READ_BYTES_PER_CHAR = 16
# A cut prefers a line break (text) or a tag start (HTML) this close to the limit.
_CUT_SLACK = 0.1

# Elements whose content is never page text, and comments: where they start (the start tag ends
# at the next ">") and how they end. Text and bytes versions: the bytes one runs before decoding,
# on any charset where "<" is the ASCII byte.
_INERT_NAMES = ("script", "style", "svg")
_INERT_OPEN = {str: re.compile(r"<(script|style|svg)\b|<!--", re.IGNORECASE)}
_INERT_OPEN[bytes] = re.compile(_INERT_OPEN[str].pattern.encode(), re.IGNORECASE)
_INERT_CLOSE = {(t, name): re.compile(rf"</{name}\s*>".encode() if t is bytes else rf"</{name}\s*>",
                                      re.IGNORECASE)
                for t in (str, bytes) for name in _INERT_NAMES}


def max_bytes(max_chars: int) -> int:
    return max_chars * MAX_BYTES_PER_CHAR


def max_read_bytes(max_chars: int) -> int:
    return max_chars * MAX_READ_BYTES_PER_CHAR


def cut_bytes(data: bytes, max_chars: int, html: bool) -> tuple[bytes, bool]:
    """The bytes that can hold at most the characters the limit allows, and whether any were cut;
    on HTML the inert parts go first, as they do from text."""
    limit = max_bytes(max_chars)
    if len(data) > limit and html:
        data = strip_inert(data)
    return (data[:limit], True) if len(data) > limit else (data, False)


def cut_text(text: str, kind: str, max_chars: int, max_parts: int,
             size: str | None = None) -> tuple[str, str | None]:
    """The page within the limits, and a note saying how it was cut (None when it was not).

    `max_parts` bounds the lines of a text dump or the tags of a page: work grows with those more
    than with characters. `size` describes the whole page when `text` is a part of it already.
    """
    notes = []
    if len(text) > max_chars:
        text, note = _cut_chars(text, kind, max_chars, size or f"{len(text):,} characters")
        notes += [note] if note else []
    boundary, unit, option = ("<", "tags", "max_tags") if kind == "html" else ("\n", "lines", "max_lines")
    # (a text of no more characters than max_parts cannot hold more boundaries: most pages skip
    # the count, a pass over the whole page)
    parts = text.count(boundary) if len(text) > max_parts else 0
    if parts > max_parts:
        if kind == "html" and not notes:
            text = strip_inert(text)  # scripts and comments hold many "<" that are not tags
            parts = text.count(boundary)
        if parts > max_parts:
            text = text[:_nth(text, boundary, max_parts)]
            notes.append(f"cut to the first {max_parts:,} of {parts:,} {unit} ({option} is {max_parts:,})")
    return text, "; ".join(notes) or None


def _cut_chars(text: str, kind: str, max_chars: int, size: str) -> tuple[str, str | None]:
    if kind == "html":
        text = strip_inert(text)
        if len(text) <= max_chars:
            return text, None
    boundary = "<" if kind == "html" else "\n"
    end = text.rfind(boundary, int(max_chars * (1 - _CUT_SLACK)), max_chars)
    end = max_chars if end < 0 else end
    return text[:end], f"cut to the first {end:,} characters of {size} (max_chars is {max_chars:,})"


def _nth(text: str, needle: str, n: int) -> int:
    """Where the n-th occurrence of `needle` starts (n >= 1); the caller knows there are more."""
    pos = -1
    for _ in range(n):
        pos = text.find(needle, pos + 1)
    return pos


def strip_inert(markup: str | bytes) -> str | bytes:
    """The markup without scripts (except JSON-LD), styles, inline SVG and comments. Linear: every
    search starts where the last one ended, and an unclosed element runs to the end of the page."""
    t = type(markup)
    gt, comment_end, json_ld = (b">", b"-->", b"ld+json") if t is bytes else (">", "-->", "ld+json")
    out: list = []
    pos = 0
    while m := _INERT_OPEN[t].search(markup, pos):
        name = m.group(1)
        if name is None:
            end = markup.find(comment_end, m.end())
            end = len(markup) if end < 0 else end + 3
        else:
            tag_end = markup.find(gt, m.end())
            if tag_end < 0:  # a start tag that never ends: the rest of the page is inside it
                end = len(markup)
            elif json_ld in markup[m.end():tag_end].lower():
                out.append(markup[pos:tag_end + 1])
                pos = tag_end + 1
                continue
            else:
                key = name.lower() if t is str else name.lower().decode()
                close = _INERT_CLOSE[t, key].search(markup, tag_end + 1)
                end = close.end() if close else len(markup)
        out.append(markup[pos:m.start()])
        pos = end
    out.append(markup[pos:])
    return t().join(out)
