"""Bytes to text: a BOM first, then a charset the page declares, then UTF-8, then a sniffer.

Scraped files lie about their encoding often enough that a declaration is only trusted when the
bytes actually decode with it; NUL bytes, which no real page text contains, are stripped.
"""
from __future__ import annotations

import codecs

from bs4.dammit import EncodingDetector
from charset_normalizer import from_bytes

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Declarations are looked for in the first few kilobytes only, as browsers do.
_DECLARATION_BYTES = 4096
# How much of a page the sniffer reads, and what it falls back to.
_SNIFF_BYTES = 200_000
_FALLBACK = "cp1252"
# What pages declare and what they mean: browsers decode latin-1 declarations as cp1252.
_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252",
            "ascii": "cp1252", "x-sjis": "shift_jis"}


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML or XML page declares (meta tag or XML declaration), if a codec knows it."""
    name = EncodingDetector.find_declared_encoding(data[:_DECLARATION_BYTES], is_html=True)
    if not name:
        return None
    name = _ALIASES.get(name.lower(), name.lower())
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(data: bytes, hint: str | None = None) -> str:
    """Decode a page's bytes; `hint` is a transport charset (an HTTP header) tried after the BOM."""
    hint = _ALIASES.get(hint.lower(), hint) if hint else None
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
    return _clean(data.decode(sniff_charset(data), errors="replace"))


def sniff_charset(data: bytes) -> str:
    """Guess an undeclared (or wrongly declared) charset. When Windows-1252 is among the plausible
    answers it wins: it is what mislabelled Western pages are in, and what browsers fall back to."""
    matches = from_bytes(data[:_SNIFF_BYTES])
    names = [m.encoding for m in matches]
    if not names or _FALLBACK in names:
        return _FALLBACK
    return matches.best().encoding


def _clean(text: str) -> str:
    return text.replace("\x00", "") if "\x00" in text else text
