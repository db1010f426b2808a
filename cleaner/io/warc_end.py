"""Whether a WARC file ends where its last record does.

fastwarc stops without a word at a record it cannot finish: a download cut short, a disk that
filled up, bytes damaged halfway. An uncompressed file's last record then comes out with part of
its content, and a gzipped file's broken member is left out. The batch promises that what comes in
comes out, so after the last record the reader checks the file's end itself: from where that
record begins, it reads the record's extent (its gzip member, or its header's Content-Length) and
compares it with the file's size. Only the last record and what follows it are read again, except
in a file gzipped as one stream (not a member a record), which is decompressed once more: nothing
else tells where its data ends.
"""
from __future__ import annotations

import os
import re
import zlib
from dataclasses import dataclass
from typing import BinaryIO

CHUNK = 1 << 16
# WARC records end with two CRLFs; writers may pad a file's end with line breaks or zero bytes.
_PADDING = b"\r\n\x00 \t"
_CONTENT_LENGTH = re.compile(rb"\r\nContent-Length:[ \t]*(\d+)", re.IGNORECASE)


@dataclass(frozen=True)
class FileEnd:
    """`last_whole`: the last record read is complete. `unread`: bytes after it that hold no
    record fastwarc could read (0 for a file that ends where its last record does)."""

    last_whole: bool
    unread: int


def file_end(path: str, last_start: int, gzipped: bool) -> FileEnd:
    """How the file at `path` ends, given where its last readable record begins."""
    size = os.path.getsize(path)
    if last_start >= size:   # a whole-file gzip: fastwarc reports no member offsets to check from
        return FileEnd(True, 0)
    with open(path, "rb") as f:
        f.seek(last_start)
        end = _gzip_member_end(f) if gzipped else _record_end(f)
        if end is None or last_start + end > size:
            return FileEnd(False, 0)
        f.seek(last_start + end)
        return FileEnd(True, _unread(f, size - last_start - end))


def _gzip_member_end(f: BinaryIO) -> int | None:
    """Bytes of the gzip member at the file's position, or None when the file ends inside it."""
    member = zlib.decompressobj(16 + zlib.MAX_WBITS)
    consumed = 0
    while not member.eof:
        chunk = f.read(CHUNK)
        if not chunk:
            return None
        try:
            member.decompress(chunk, CHUNK)   # the output is not needed, only where the member ends
            while member.unconsumed_tail and not member.eof:
                member.decompress(member.unconsumed_tail, CHUNK)
        except zlib.error:
            return None
        consumed += len(chunk)
    return consumed - len(member.unused_data)


def _record_end(f: BinaryIO) -> int | None:
    """Bytes of the uncompressed WARC record at the file's position (its header, its declared
    Content-Length, the closing CRLFs), or None when its header is unreadable."""
    head = f.read(CHUNK)
    header_end = head.find(b"\r\n\r\n")
    length = _CONTENT_LENGTH.search(head, 0, header_end) if header_end >= 0 else None
    if length is None:
        return None
    return header_end + 4 + int(length.group(1)) + 4


def _unread(f: BinaryIO, left: int) -> int:
    """The `left` bytes from the file's position, or 0 when they are only padding."""
    if left > CHUNK or f.read(left).strip(_PADDING):
        return left
    return 0
