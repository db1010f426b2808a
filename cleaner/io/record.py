"""The unit every reader yields and every engine cleans: one input document, or why it cannot be."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

# The error kind of a record that stands for the unreadable rest of an input file (a .gz cut short,
# a WARC whose last record is incomplete): the documents read before it are kept.
TRUNCATED_INPUT = "truncated input"


@dataclass(frozen=True, slots=True)
class Record:
    """One input document. `content` is bytes when it came from a file (so that encoding detection
    applies, with `charset` as the transport's hint) and str when it came from JSON. A record that
    could not be read carries `error` (and its `error_kind` for the summary) instead of content."""

    source: str
    line: int | None
    id: object = None
    url: str | None = None
    content: str | bytes | None = None
    kind: str = "auto"
    date: str | None = None
    site: str | None = None
    error: str | None = None
    error_kind: str | None = None
    charset: str | None = None

    @property
    def where(self) -> str:
        return self.source if self.line is None else f"{self.source}:{self.line}"

    def size(self) -> int:
        """Bytes of content, as read (a str is measured as UTF-8)."""
        if isinstance(self.content, bytes):
            return len(self.content)
        return len(self.content.encode("utf-8", "surrogatepass")) if isinstance(self.content, str) else 0


class Skipped(Counter):
    """Input entries that are not documents (a WARC request record, a PDF response), by reason.
    They produce no output record, so they are counted here instead: documents in = records out."""
