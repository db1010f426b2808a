"""Every input a batch takes, whatever its format: folders, JSONL files (or stdin), web archives.

`read_inputs` opens them afresh on every call, so a caller can read the same records twice (a
learning pass, then the cleaning pass) and a resumed run sees exactly what the first run saw.
"""
from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from ..errors import InputError
from . import jsonl
from .folder import DEFAULT_PATTERNS, read_folder, walk
from .record import TRUNCATED_INPUT, Record, Skipped
from .warc import is_archive, read_archive


@dataclass(frozen=True)
class InputOptions:
    """How inputs are read: the folder patterns and the JSONL field names."""

    patterns: tuple[str, ...] = DEFAULT_PATTERNS
    fields: jsonl.Fields = field(default_factory=jsonl.Fields)


def check_inputs(paths: Sequence[str]) -> None:
    """Fail before any work for an input that cannot be opened at all."""
    if list(paths).count(jsonl.STDIO) > 1:
        raise InputError("stdin ('-') can be read only once")
    for path in paths:
        if path == jsonl.STDIO:
            continue
        if os.path.isdir(path):
            if not os.access(path, os.R_OK | os.X_OK):
                raise InputError(f"cannot read {path}: permission denied")
        else:
            jsonl.check_readable(path)


def read_inputs(paths: Sequence[str], options: InputOptions = InputOptions(),
                skipped: Skipped | None = None) -> Iterator[Record]:
    """The records of every input, in the order given."""
    for path in paths:
        if path != jsonl.STDIO and os.path.isdir(path):
            yield from read_folder(path, options.patterns)
        elif is_archive(path):
            yield from read_archive(path, skipped)
        else:
            yield from jsonl.read_records(path, options.fields)


def refuse_truncated(records: Iterable[Record]) -> Iterator[Record]:
    """The records, raising InputError at an input that could not be read to its end. For commands
    whose answer is about the whole input (a score, rules learned), unlike a batch, which keeps the
    documents it could read and records where reading stopped."""
    for record in records:
        if record.error_kind == TRUNCATED_INPUT:
            raise InputError(record.error)
        yield record


def fingerprint(paths: Sequence[str], options: InputOptions) -> str:
    """A digest of what the inputs are (names, sizes, modification times) and how they are read:
    a resumed run must read the same records as the run it continues."""
    h = hashlib.sha256(repr((options.patterns, options.fields)).encode())
    for path in paths:
        h.update(b"\0" + os.path.abspath(path).encode("utf-8", "surrogateescape"))
        if path == jsonl.STDIO:
            continue
        if os.path.isdir(path):
            for rel in walk(path, options.patterns):
                st = os.stat(os.path.join(path, rel))
                h.update(f"\0{rel}\0{st.st_size}\0{st.st_mtime_ns}".encode("utf-8", "surrogateescape"))
        else:
            st = os.stat(path)
            h.update(f"\0{st.st_size}\0{st.st_mtime_ns}".encode())
    return h.hexdigest()
