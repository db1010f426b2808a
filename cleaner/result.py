"""What `clean()` returns: the body, the title, the site, and every removal with its reason."""
from __future__ import annotations

from dataclasses import dataclass, field

from .document import Document, Removal


@dataclass(frozen=True)
class CleanResult:
    text: str
    title: str | None
    site: str | None
    removed: tuple[Removal, ...]
    kind: str = "text"
    url: str | None = None
    description: str | None = None
    # Why the page was cut short (the size limit, a truncated gzip file), or None for a whole page.
    truncated: str | None = None
    # Why the content was not cleaned at all (binary data, corrupt gzip): then `text` is empty.
    not_a_page: str | None = None
    document: Document | None = field(default=None, repr=False, compare=False)

    @classmethod
    def from_document(cls, doc: Document, kind: str, truncated: str | None = None) -> "CleanResult":
        return cls(text=doc.body(), title=doc.title, site=doc.site, removed=tuple(doc.removals()),
                   kind=kind, url=doc.url, description=doc.description, truncated=truncated,
                   document=doc)

    def removed_chars_by_cleaner(self) -> dict[str, int]:
        """Characters each cleaner removed on this page: the batch summary adds these up."""
        out: dict[str, int] = {}
        for r in self.removed:
            out[r.cleaner] = out.get(r.cleaner, 0) + len(r.text)
        return out

    def to_dict(self, *, with_removed: bool = True) -> dict:
        d = {"url": self.url, "site": self.site, "title": self.title, "description": self.description,
             "kind": self.kind, "text": self.text}
        if self.truncated:
            d["truncated"] = self.truncated
        if self.not_a_page:
            d["not_a_page"] = self.not_a_page
        if with_removed:
            d["removed"] = [r.to_dict() for r in self.removed]
        return d
