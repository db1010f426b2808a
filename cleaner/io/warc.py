"""Web archives: WARC (with fastwarc, fast and maintained) and the older ARC (with warcio, since
fastwarc reads WARC only), plain or gzipped. Each HTML response is one document, with the id from
`WARC-Record-ID`, the url from `WARC-Target-URI`, the capture date, and the HTTP charset handed
on as a decoding hint. Requests, metadata, non-HTML and non-2xx responses are skipped and counted.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from email.message import Message

from ..errors import InputError
from .record import Record, Skipped

WARC_SUFFIXES = (".warc", ".warc.gz")
ARC_SUFFIXES = (".arc", ".arc.gz")
# Content types that hold a page; a response without one is kept and its kind sniffed.
HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_archive(path: str | os.PathLike) -> bool:
    return str(path).lower().endswith(WARC_SUFFIXES + ARC_SUFFIXES)


def read_archive(path: str | os.PathLike, skipped: Skipped | None = None) -> Iterator[Record]:
    skipped = skipped if skipped is not None else Skipped()
    try:
        if str(path).lower().endswith(ARC_SUFFIXES):
            yield from _read_arc(str(path), skipped)
        else:
            yield from _read_warc(str(path), skipped)
    except OSError as e:  # a truncated or corrupt archive
        raise InputError(f"cannot read {path}: {e.strerror or e}") from None


def _skip_reason(record_type: str, status: int | None, content_type: str | None) -> str | None:
    if record_type != "response":
        return f"{record_type} records"
    if status is not None and not 200 <= status < 300:
        return "non-2xx responses"
    if content_type and not content_type.lower().startswith(HTML_TYPES):
        return "non-HTML responses"
    return None


def _read_warc(path: str, skipped: Skipped) -> Iterator[Record]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    with open(path, "rb") as f:
        for number, rec in enumerate(ArchiveIterator(f, parse_http=True, auto_decode="all"), 1):
            name = str(rec.record_type)
            http = rec.is_http and rec.http_headers is not None
            status = rec.http_headers.status_code if http and rec.record_type == WarcRecordType.response else None
            reason = _skip_reason(name, status, rec.http_content_type if http else None)
            if reason:
                skipped[reason] += 1
                continue
            date = rec.record_date.date().isoformat() if rec.record_date else None
            yield Record(path, number, id=rec.record_id, url=rec.headers.get("WARC-Target-URI"),
                         content=rec.reader.read(), kind="auto", date=date, charset=rec.http_charset)


def _read_arc(path: str, skipped: Skipped) -> Iterator[Record]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        yield from _arc_records(path, skipped, ArchiveIterator)
    except ArchiveLoadFailed as e:  # e.g. a whole-file gzip instead of one gzip member per record
        raise InputError(f"cannot read {path}: {' '.join(str(e).split())}") from None


def _arc_records(path: str, skipped: Skipped, ArchiveIterator) -> Iterator[Record]:
    with open(path, "rb") as f:
        records = ArchiveIterator(f, arc2warc=True)
        for number, rec in enumerate(records, 1):
            http = rec.http_headers
            status = int(http.get_statuscode() or 0) if http is not None else None
            content_type = http.get_header("Content-Type") if http is not None else None
            reason = _skip_reason(rec.rec_type, status, content_type)
            if reason:
                skipped[reason] += 1
                continue
            content = rec.content_stream().read()
            # ARC records carry no id; the record's offset in the file names it, the same every run.
            offset = records.get_record_offset()
            date = rec.rec_headers.get_header("WARC-Date")
            yield Record(path, number, id=f"{os.path.basename(path)}@{offset}",
                         url=rec.rec_headers.get_header("WARC-Target-URI"), content=content, kind="auto",
                         date=date[:10] if date else None, charset=_charset(content_type))


def _charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    message = Message()
    message["content-type"] = content_type
    return message.get_content_charset()
