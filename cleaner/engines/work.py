"""The unit of work every engine runs: one record in, one Outcome out, never an exception."""
from __future__ import annotations

from typing import NamedTuple

from ..api import Cleaner
from ..io.record import Record

# Error kinds the engines give, as counted in the batch summary (readers add their own).
TIMEOUT, WORKER_DIED = "timeout", "worker died"


class Outcome(NamedTuple):
    """The output record, its error kind (None for a success) and the bytes of content it read."""

    out: dict
    error_kind: str | None
    bytes_in: int


def one_line(exc: BaseException) -> str:
    """An exception as a single line: its type, then the first line of its message."""
    message = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {message[0]}" if message else type(exc).__name__


def failed(record: Record, message: str, kind: str) -> Outcome:
    return Outcome({"id": record.id, "url": record.url, "error": f"{record.where}: {message}"}, kind,
                   record.size())


def clean_one(cleaner: Cleaner, record: Record) -> Outcome:
    """The Outcome for one record; a page that fails becomes an error record."""
    if record.error is not None:
        return Outcome({"id": record.id, "url": record.url, "error": record.error},
                       record.error_kind or "unusable record", 0)
    try:
        result = cleaner.clean(record.content or "", url=record.url, site=record.site, kind=record.kind,
                               date=record.date, charset=record.charset)
    except Exception as e:  # one bad page must not stop a batch of millions
        return failed(record, one_line(e), type(e).__name__)
    if result.not_a_page:
        return failed(record, result.not_a_page, "not a page")
    out = {"id": record.id, "url": record.url or result.url, "site": result.site, "title": result.title,
           "text": result.text, "removed": result.removed_chars_by_cleaner()}
    if result.truncated:
        out["truncated"] = result.truncated
    return Outcome(out, None, record.size())
