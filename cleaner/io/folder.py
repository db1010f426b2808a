"""A folder tree of saved pages: every file whose path matches the patterns is one document.

Files are read as bytes, so the page's own charset declaration (or a guess) decides the decoding,
and in a sorted walk, so two runs over the same tree see the same documents in the same order
(what `--resume` relies on). The id is the path relative to the folder.
"""
from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from fnmatch import fnmatchcase
from pathlib import Path

from ..errors import InputError
from .record import Record

DEFAULT_PATTERNS = tuple(f"*.{ext}{gz}" for ext in ("txt", "html", "htm", "xhtml") for gz in ("", ".gz"))
# What a file's extension says it holds; anything else is sniffed.
KIND_BY_SUFFIX = {".txt": "text", ".html": "html", ".htm": "html", ".xhtml": "html"}
UNREADABLE = "unreadable file"


def kind_of(name: str) -> str:
    stem = name[:-3] if name.endswith(".gz") else name
    return KIND_BY_SUFFIX.get(os.path.splitext(stem)[1].lower(), "auto")


def walk(folder: str | os.PathLike, patterns: Sequence[str] = DEFAULT_PATTERNS) -> Iterator[str]:
    """Paths relative to `folder` (with `/`) of the matching files, in sorted order, hidden ones skipped."""
    root = Path(folder)
    for here, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        base = Path(here).relative_to(root)
        for name in sorted(files):
            rel = (base / name).as_posix()
            if not name.startswith(".") and any(fnmatchcase(rel, p) or fnmatchcase(name, p) for p in patterns):
                yield rel


def read_folder(folder: str | os.PathLike, patterns: Sequence[str] = DEFAULT_PATTERNS) -> Iterator[Record]:
    """One Record per matching file; a file that cannot be read becomes an error record."""
    if not os.path.isdir(folder):
        raise InputError(f"cannot read {folder}: not a folder")
    root = Path(folder)
    for rel in walk(root, patterns):
        source = str(root / rel)
        try:
            # A .gz file stays compressed here: the cleaner undoes gzip within its size limit (a
            # gzip bomb stops there) and cleans a truncated file as far as it goes.
            data = (root / rel).read_bytes()
        except OSError as e:
            yield Record(source, None, id=rel, error=f"{source}: cannot read ({getattr(e, 'strerror', None) or e})",
                         error_kind=UNREADABLE)
            continue
        yield Record(source, None, id=rel, content=data, kind=kind_of(rel))
