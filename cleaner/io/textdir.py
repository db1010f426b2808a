"""A folder of plain-text bodies, one `<id>.txt` per document, for reading results by eye.

Ids come from the input and can hold anything (slashes, `..`, a URL), so each is turned into a
safe file name; a name that had to change, or that another id already took, gets a short hash of
the id so that different ids never overwrite each other (names differing only in case count as
taken too, for case-insensitive file systems). Each file is written under a temporary name and
renamed into place, so a crash never leaves half a body.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
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
        for stale in self.folder.glob(".*.txt.*.tmp"):  # half-written by a run that was killed
            stale.unlink(missing_ok=True)

    def name_for(self, doc_id: object) -> str:
        """A fresh name for this id; a document without an id is named by its place in the run."""
        stem = safe_stem(doc_id if doc_id is not None else f"doc-{self.seen}")
        name, n = stem, 1
        while name.lower() in self.taken:
            n += 1
            name = f"{stem}-{n}"
        self.taken.add(name.lower())
        return name + ".txt"

    def write(self, out: dict, replay: bool = False) -> str | None:
        """Write the body of one output record; returns its file name (None for an error record).
        With `replay`, only take the name: a resumed run gives back the names the first run took."""
        self.seen += 1
        if "error" in out:
            return None
        name = self.name_for(out.get("id"))
        if not replay:
            text = out.get("text") or ""
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=self.folder)
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
                f.write(text + "\n" if text else "")
            os.chmod(tmp, 0o644)
            os.replace(tmp, self.folder / name)
        return name
