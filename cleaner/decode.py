"""Bytes to text: a BOM first, then UTF-8 when the bytes are valid UTF-8, then a charset the page
declares, then a sniffer.

Scraped files lie about their encoding often enough that a declaration is only trusted when the
bytes actually decode with it, and bytes that are valid UTF-8 are UTF-8 whatever the page says (a
scraper re-encoded the page and kept its old meta tag). UTF-16 and UTF-32 without a BOM are told by
where their zero bytes fall. NUL bytes, which no real page text contains, are stripped. Binary
files saved as pages (images, archives, PDFs) are refused instead of being cleaned into noise, and
gzip-compressed pages are decompressed, never beyond the size limit (a gzip bomb stops there).
"""
from __future__ import annotations

import codecs
import zlib

from bs4.dammit import EncodingDetector
from charset_normalizer import from_bytes

from .errors import InputError

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

# How much of the start of a file the binary and UTF-16/32 checks read.
_PROBE_BYTES = 8192
# Control bytes that text never holds (tab, line feed, vertical tab, form feed, carriage return
# and ESC, which ISO-2022 encodings use, are left out). NUL is left out too: it is stripped.
_CONTROL_BYTES = bytes([*range(0x01, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
# Random binary data has about 9% of such bytes; text has next to none. A few stray ones (a short
# file, a pasted escape sequence) are not enough.
_BINARY_CONTROL_SHARE = 0.05
_BINARY_MIN_CONTROLS = 8
# In UTF-16 text of mostly ASCII markup every other byte is zero; in other text almost none is.
_WIDE_ZERO_SHARE = 0.3
_WIDE_OTHER_ZERO_SHARE = 0.05
# File signatures of formats that get saved as .html by crawlers, named in the error message.
_SIGNATURES = ((b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"GIF87a", "a GIF image"), (b"GIF89a", "a GIF image"),
               (b"\xff\xd8\xff", "a JPEG image"), (b"%PDF-", "a PDF file"), (b"PK\x03\x04", "a ZIP archive"),
               (b"\x28\xb5\x2f\xfd", "zstd data"), (b"\xfd7zXZ\x00", "xz data"), (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
               (b"\x7fELF", "an executable"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an Office document"),
               (b"\x00\x00\x01\x00", "an icon"), (b"wOFF", "a web font"), (b"wOF2", "a web font"))
_GZIP_MAGIC = b"\x1f\x8b"


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


def decode(data: bytes, hint: str | None = None, *, final: bool = True) -> str:
    """Decode a page's bytes; `hint` is a transport charset (an HTTP header) tried after the BOM.

    `final=False` says the bytes were cut short: a character split by the cut is left out instead
    of turning the whole page over to the sniffer. Raises InputError for binary data.
    """
    hint = _ALIASES.get(hint.lower(), hint) if hint else None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _clean(_decode(data, codec, "replace", final))
    wide = wide_charset(data)
    if wide is None:
        check_not_binary(data)
    for name in (hint, wide, "utf-8", declared_charset(data)):
        if not name:
            continue
        try:
            return _clean(_decode(data, name, "strict", final))
        except (UnicodeDecodeError, LookupError):
            continue
    return _clean(_decode(data, sniff_charset(data), "replace", final))


def _decode(data: bytes, codec: str, errors: str, final: bool) -> str:
    if final:
        return data.decode(codec, errors=errors)
    return codecs.getincrementaldecoder(codec)(errors).decode(data, final=False)


def wide_charset(data: bytes) -> str | None:
    """UTF-32 or UTF-16 without a BOM, told by its zero bytes: ASCII characters (all of a page's
    markup) are one byte and three or one zero bytes, and the zeros fall on the same side."""
    probe = data[:_PROBE_BYTES]
    n = len(probe) // 4 * 4
    if n < 8:
        return None
    zeros = [probe[i:n:4].count(0) / (n // 4) for i in range(4)]
    high, low = _WIDE_ZERO_SHARE, _WIDE_OTHER_ZERO_SHARE
    if zeros[0] < low and min(zeros[1:]) > high:
        return "utf-32-le"
    if zeros[3] < low and min(zeros[:3]) > high:
        return "utf-32-be"
    even, odd = (zeros[0] + zeros[2]) / 2, (zeros[1] + zeros[3]) / 2
    if even < low and odd > high:
        return "utf-16-le"
    if odd < low and even > high:
        return "utf-16-be"
    return None


def check_not_binary(data: bytes) -> None:
    """Raise InputError when the bytes are a known binary format or full of control bytes."""
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            raise InputError(f"binary data ({what}), not a page")
    probe = data[:_PROBE_BYTES].replace(b"\x00", b"")
    if not probe:
        return
    controls = len(probe) - len(probe.translate(None, _CONTROL_BYTES))
    if controls >= _BINARY_MIN_CONTROLS and controls / len(probe) > _BINARY_CONTROL_SHARE:
        raise InputError(f"binary data, not a page ({controls / len(probe):.0%} control bytes)")


def unwrap(data: bytes, max_bytes: int) -> tuple[bytes, str | None]:
    """Gzip-compressed bytes decompressed (other bytes as they are), never more than `max_bytes`,
    with a note saying why the result is short: the limit, or gzip data that ends early."""
    if not data.startswith(_GZIP_MAGIC):
        return data, None
    parts: list[bytes] = []
    size = 0
    rest = data
    while rest:  # one gzip member after another, as `gzip -d` reads concatenated files
        inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
        try:
            part = inflater.decompress(rest, max_bytes + 1 - size)
        except zlib.error as e:
            raise InputError(f"corrupt gzip data ({e})") from None
        parts.append(part)
        size += len(part)
        if size > max_bytes:
            return b"".join(parts)[:max_bytes], f"decompressed page cut at {max_bytes:,} bytes"
        if not inflater.eof:
            return b"".join(parts), "gzip data ends early (a truncated file); cleaned what was there"
        rest = inflater.unused_data if inflater.unused_data.startswith(_GZIP_MAGIC) else b""
    return b"".join(parts), None


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
