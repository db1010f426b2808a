"""A folder of plain-text bodies, one `<id>.txt` per document, for reading results by eye.

Ids come from the input and can hold anything (slashes, `..`, a URL), so each is turned into a
safe file name; a name that had to change, or that another id already took, gets a short hash of
the id so that different ids never overwrite each other.
"""
from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from ..errors import InputError

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
MAX_STEM = 100


def safe_stem(doc_id: object) -> str:
    """A file name stem for an id: letters, digits, `.`, `_` and `-` only; never empty or hidden."""
    raw = "" if doc_id is None else str(doc_id)
    stem = _UNSAFE.sub("_", raw).strip("._")[:MAX_STEM]
    if stem != raw or not stem:
        digest = hashlib.sha1(raw.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        stem = f"{stem}-{digest}" if stem else digest
    return stem


class TextDirWriter:
    """Writes the body of every successful output record to `folder/<safe id>.txt`."""

    def __init__(self, folder: str | os.PathLike):
        self.folder = Path(folder)
        self.taken: set[str] = set()
        self.seen = 0
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise InputError(f"cannot write {folder}: {e.strerror or e}") from None

    def name_for(self, doc_id: object) -> str:
        """A fresh name for this id; a document without an id is named by its place in the run."""
        stem = safe_stem(doc_id if doc_id is not None else f"doc-{self.seen}")
        name, n = stem, 1
        while name in self.taken:
            n += 1
            name = f"{stem}-{n}"
        self.taken.add(name)
        return name + ".txt"

    def write(self, out: dict) -> None:
        self.seen += 1
        if "error" in out:
            return
        path = self.folder / self.name_for(out.get("id"))
        text = out.get("text") or ""
        path.write_text(text + "\n" if text else "", encoding="utf-8")
