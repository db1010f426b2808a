"""Bytes to text: a BOM first, then a charset the page declares, then UTF-8, then a sniffer.

Scraped files lie about their encoding often enough that a declaration is only trusted when the
bytes actually decode with it; NUL bytes, which no real page text contains, are stripped.
"""
from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_DECLARED = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)
# What pages declare and what they mean: browsers decode latin-1 declarations as cp1252.
_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252",
            "ascii": "cp1252", "x-sjis": "shift_jis"}


def declared_charset(data: bytes) -> str | None:
    """The charset named in the first few kilobytes of an HTML page, if any codec knows it."""
    m = _DECLARED.search(data[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii").lower()
    name = _ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(data: bytes, hint: str | None = None) -> str:
    """Decode a page's bytes; `hint` is a transport charset (an HTTP header) tried after the BOM."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _clean(data.decode(codec, errors="replace"))
    for name in (hint, declared_charset(data), "utf-8"):
        if not name:
            continue
        try:
            return _clean(data.decode(name))
        except (UnicodeDecodeError, LookupError):
            continue
    best = from_bytes(data[:200_000]).best()
    codec = best.encoding if best is not None else "cp1252"
    return _clean(data.decode(codec, errors="replace"))


def _clean(text: str) -> str:
    return text.replace("\x00", "") if "\x00" in text else text
