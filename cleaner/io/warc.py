"""Web archives: WARC (with fastwarc, fast and maintained) and the older ARC (with warcio, since
fastwarc reads WARC only), plain or gzipped. Each HTML response is one document, with the id from
`WARC-Record-ID`, the url from `WARC-Target-URI`, the capture date, and the HTTP charset handed
on as a decoding hint. Requests, metadata, non-HTML and non-2xx responses are skipped and counted.
A file cut short ends in an error record for what could not be read (both libraries read a broken
last record without a word), after the documents before it.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from email.message import Message

from ..errors import InputError
from .record import TRUNCATED_INPUT, Record, Skipped
from .warc_end import file_end

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
    """Each document of a WARC file, held back one record so that the last can be checked: a file
    cut short ends in a record fastwarc returns in part (see `warc_end`)."""
    from fastwarc.warc import ArchiveIterator

    held: Record | None = None
    last_start, one_stream = None, False
    with open(path, "rb") as f:
        for number, rec in enumerate(ArchiveIterator(f, parse_http=True, auto_decode="all"), 1):
            if held is not None:
                yield held
            # Records sharing a start: the file is gzipped as a whole, not a member a record, and
            # fastwarc's positions are its read buffer's. Its end is then checked from the start.
            one_stream = one_stream or rec.stream_pos == last_start
            held, last_start = _warc_document(path, number, rec, skipped), rec.stream_pos
    if last_start is None:
        return
    end = file_end(path, 0 if one_stream else last_start, gzipped=path.lower().endswith(".gz"))
    if not end.last_whole:
        where = "its gzip stream ends early" if one_stream else f"at byte {last_start:,}"
        yield Record(path, None, id=held.id if held else None, url=held.url if held else None,
                     error=f"{path}: the file ends inside its last record ({where})",
                     error_kind=TRUNCATED_INPUT)
        return
    if held is not None:
        yield held
    if end.unread:
        yield Record(path, None, error=f"{path}: the last {end.unread:,} bytes hold no whole record "
                     "(the file is cut short or damaged there)", error_kind=TRUNCATED_INPUT)


def _warc_document(path: str, number: int, rec, skipped: Skipped) -> Record | None:
    """The document a WARC record holds, or None (counted in `skipped`) when it holds none."""
    from fastwarc.warc import WarcRecordType

    name = str(rec.record_type)
    http = rec.is_http and rec.http_headers is not None
    status = rec.http_headers.status_code if http and rec.record_type == WarcRecordType.response else None
    reason = _skip_reason(name, status, rec.http_content_type if http else None)
    if reason:
        skipped[reason] += 1
        return None
    date = rec.record_date.date().isoformat() if rec.record_date else None
    return Record(path, number, id=rec.record_id, url=rec.headers.get("WARC-Target-URI"),
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
            rid, url = f"{os.path.basename(path)}@{offset}", rec.rec_headers.get_header("WARC-Target-URI")
            if getattr(rec.raw_stream, "limit", 0):   # bytes the header promised that never came
                yield Record(path, number, id=rid, url=url, error_kind=TRUNCATED_INPUT,
                             error=f"{path}: the record at byte {offset:,} is cut short (the file ends inside it)")
                continue
            date = rec.rec_headers.get_header("WARC-Date")
            yield Record(path, number, id=rid, url=url, content=content, kind="auto",
                         date=date[:10] if date else None, charset=_charset(content_type))


def _charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    message = Message()
    message["content-type"] = content_type
    return message.get_content_charset()
