"""JSON Lines in and out, plain or gzipped (chosen by a `.gz` suffix).

The reader streams: it never holds more than one line, and a line that is not a usable record
becomes an error record carrying its file and line number instead of stopping the run, so every
document in has exactly one record out.
"""
from __future__ import annotations

import gzip
import io
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from ..errors import InputError

# Fields a record may carry the page in, in the order they are tried, with the kind each implies.
CONTENT_FIELDS = (("html", "html"), ("text", "text"))


@dataclass(frozen=True, slots=True)
class Record:
    """One input line: a document to clean, or the reason it cannot be (`error` set, no content)."""

    source: str
    line: int
    id: object = None
    url: str | None = None
    content: str | None = None
    kind: str = "auto"
    date: str | None = None
    site: str | None = None
    error: str | None = None

    @property
    def where(self) -> str:
        return f"{self.source}:{self.line}"


def is_gzip(path: str | os.PathLike) -> bool:
    return str(path).endswith(".gz")


def check_readable(path: str | os.PathLike) -> None:
    """Fail early, with the file's name, for an input that cannot be opened."""
    try:
        with open(path, "rb"):
            pass
    except OSError as e:
        raise InputError(f"cannot read {path}: {e.strerror or e}") from None
    if os.path.isdir(path):
        raise InputError(f"cannot read {path}: is a directory")


def read_records(path: str | os.PathLike) -> Iterator[Record]:
    """The records of one JSONL file, in order; blank lines are skipped (they hold no document)."""
    source = str(path)
    check_readable(path)
    opener = gzip.open if is_gzip(path) else open
    try:
        with opener(path, "rb") as f:
            for number, raw in enumerate(f, 1):
                if raw.strip():
                    yield parse_line(raw, source, number)
    except (OSError, EOFError) as e:  # a truncated or corrupt .gz, a read error mid-file
        raise InputError(f"cannot read {source}: {e}") from None


def read_many(paths: Iterable[str | os.PathLike]) -> Iterator[Record]:
    for path in paths:
        yield from read_records(path)


def parse_line(raw: bytes, source: str, number: int) -> Record:
    """One line to a Record; anything unusable becomes an error record, never an exception."""
    where = f"{source}:{number}"
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError:
        return Record(source, number, error=f"{where}: line is not valid UTF-8")
    try:
        data = json.loads(line.lstrip("\ufeff") if number == 1 else line)
    except ValueError as e:
        return Record(source, number, error=f"{where}: invalid JSON ({e})")
    if not isinstance(data, dict):
        return Record(source, number, error=f"{where}: expected a JSON object, got {type(data).__name__}")
    rid, url = data.get("id"), data.get("url")
    if url is not None and not isinstance(url, str):
        return Record(source, number, id=rid, error=f"{where}: field 'url' must be a string")
    for name in ("date", "site"):
        if data.get(name) is not None and not isinstance(data[name], str):
            return Record(source, number, id=rid, url=url, error=f"{where}: field '{name}' must be a string")
    for name, kind in CONTENT_FIELDS:
        value = data.get(name)
        if value is None:
            continue
        if not isinstance(value, str):
            return Record(source, number, id=rid, url=url, error=f"{where}: field '{name}' must be a string")
        return Record(source, number, id=rid, url=url, content=value, kind=kind,
                      date=data.get("date"), site=data.get("site"))
    return Record(source, number, id=rid, url=url, error=f"{where}: record has neither 'text' nor 'html'")


def dumps(obj: dict) -> str:
    """One output line (without the newline): UTF-8 as is, so non-Latin text stays readable."""
    return json.dumps(obj, ensure_ascii=False)


@contextmanager
def open_writer(path: str | os.PathLike) -> Iterator[IO[str]]:
    """A text stream for JSONL output, gzipped for `.gz`; `-` is stdout.

    The file is written under a temporary name beside the target and renamed into place only when
    the block finishes, so a crashed or interrupted run never leaves a half file that looks done.
    """
    if str(path) == "-":
        yield sys.stdout
        return
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as e:
        raise InputError(f"cannot write {path}: {e.strerror or e}") from None
    raw = os.fdopen(fd, "wb")
    try:
        inner = gzip.GzipFile(filename=target.name[:-3], mode="wb", fileobj=raw) if is_gzip(target) else raw
        stream = io.TextIOWrapper(inner, encoding="utf-8", newline="\n")
        try:
            yield stream
        finally:
            stream.close()  # flushes, and finishes the gzip member
        raw.close()
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        raw.close()
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
