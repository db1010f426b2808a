"""JSON Lines in and out: plain, gzipped (`.gz`) or, for input, zstd-compressed (`.zst`); `-` is
stdin or stdout.

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
from .record import TRUNCATED_INPUT, Record

__all__ = ["Fields", "Record", "read_records", "read_many", "parse_line", "dumps", "open_writer",
           "remove_stale_temporaries"]

STDIO = "-"
# Error kinds of lines that are not usable records, as counted in the batch summary.
BAD_JSON, BAD_ENCODING, BAD_RECORD = "invalid JSON", "not UTF-8", "unusable record"


@dataclass(frozen=True)
class Fields:
    """The names of the fields a record keeps its parts in: crawlers' exports differ."""

    id: str = "id"
    url: str = "url"
    html: str = "html"
    text: str = "text"
    date: str = "date"
    site: str = "site"

    def content(self) -> tuple[tuple[str, str], ...]:
        """Fields a record may carry the page in, in the order they are tried, with their kind."""
        return ((self.html, "html"), (self.text, "text"))


DEFAULT_FIELDS = Fields()


def is_gzip(path: str | os.PathLike) -> bool:
    return str(path).endswith(".gz")


def is_zstd(path: str | os.PathLike) -> bool:
    return str(path).endswith(".zst")


def check_readable(path: str | os.PathLike) -> None:
    """Fail early, with the file's name, for an input that cannot be opened."""
    if str(path) == STDIO:
        return
    try:
        with open(path, "rb"):
            pass
    except OSError as e:
        raise InputError(f"cannot read {path}: {e.strerror or e}") from None
    if os.path.isdir(path):
        raise InputError(f"cannot read {path}: is a directory")


@contextmanager
def open_binary(path: str | os.PathLike) -> Iterator[IO[bytes]]:
    """The decompressed bytes of a file (by suffix), or of stdin for `-`."""
    if str(path) == STDIO:
        yield sys.stdin.buffer
    elif is_zstd(path):
        import zstandard  # only needed for .zst input

        with open(path, "rb") as raw, zstandard.ZstdDecompressor().stream_reader(raw) as f:
            yield io.BufferedReader(f)
    else:
        with (gzip.open if is_gzip(path) else open)(path, "rb") as f:
            yield f


def read_records(path: str | os.PathLike, fields: Fields = DEFAULT_FIELDS) -> Iterator[Record]:
    """The records of one JSONL file, in order; blank lines are skipped (they hold no document).

    A file that cannot be read past some line (a .gz or .zst cut short by an interrupted download,
    corrupt data, a read error) gives the records before it and then one error record of kind
    `TRUNCATED_INPUT` saying where reading stopped: a batch keeps what was read and says what was not.
    """
    source = "<stdin>" if str(path) == STDIO else str(path)
    check_readable(path)
    number = 0
    try:
        with open_binary(path) as f:
            for number, raw in enumerate(f, 1):
                if raw.strip():
                    yield parse_line(raw, source, number, fields)
    except (OSError, EOFError) as e:  # a truncated or corrupt .gz, a read error mid-file
        yield _cut_short(source, number, e)
    except Exception as e:  # zstandard.ZstdError for a corrupt .zst
        if type(e).__name__ != "ZstdError":
            raise
        yield _cut_short(source, number, e)


def _cut_short(source: str, lines_read: int, error: BaseException) -> Record:
    where = f"after line {lines_read:,}" if lines_read else "at its start"
    return Record(source, lines_read + 1, error=f"{source}: reading stopped {where}: {error}",
                  error_kind=TRUNCATED_INPUT)


def read_bodies(path: str | os.PathLike) -> list[dict]:
    """Reference bodies (a benchmark's gold, hand-cleaned pages): JSON objects with an `id` and the
    body as a string in `body` or `text`, each returned with `body` set. Unlike page input, a bad
    line is an InputError naming the file and line: a score or a lesson must not quietly skip what
    it is measured against."""
    check_readable(path)
    out = []
    with open_binary(path) as f:
        for number, raw in enumerate(f, 1):
            if not raw.strip():
                continue
            try:
                data = json.loads(raw)
            except ValueError as e:
                raise InputError(f"{path}:{number}: invalid JSON ({e})") from None
            body = data.get("body", data.get("text")) if isinstance(data, dict) else None
            if data.get("id") is None or not isinstance(body, str):
                raise InputError(f"{path}:{number}: a body record needs 'id' and a string 'body' or 'text'")
            out.append({**data, "body": body})
    return out


def read_many(paths: Iterable[str | os.PathLike], fields: Fields = DEFAULT_FIELDS) -> Iterator[Record]:
    for path in paths:
        yield from read_records(path, fields)


def parse_line(raw: bytes, source: str, number: int, fields: Fields = DEFAULT_FIELDS) -> Record:
    """One line to a Record; anything unusable becomes an error record, never an exception."""
    where = f"{source}:{number}"
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError:
        return Record(source, number, error=f"{where}: line is not valid UTF-8", error_kind=BAD_ENCODING)
    try:
        data = json.loads(line.lstrip("\ufeff") if number == 1 else line)
    except ValueError as e:
        return Record(source, number, error=f"{where}: invalid JSON ({e})", error_kind=BAD_JSON)
    if not isinstance(data, dict):
        return Record(source, number, error=f"{where}: expected a JSON object, got {type(data).__name__}",
                      error_kind=BAD_RECORD)

    def bad(message: str, **known) -> Record:
        return Record(source, number, error=f"{where}: {message}", error_kind=BAD_RECORD, **known)

    rid, url = data.get(fields.id), data.get(fields.url)
    if url is not None and not isinstance(url, str):
        return bad(f"field '{fields.url}' must be a string", id=rid)
    for name in (fields.date, fields.site):
        if data.get(name) is not None and not isinstance(data[name], str):
            return bad(f"field '{name}' must be a string", id=rid, url=url)
    for name, kind in fields.content():
        value = data.get(name)
        if value is None:
            continue
        if not isinstance(value, str):
            return bad(f"field '{name}' must be a string", id=rid, url=url)
        return Record(source, number, id=rid, url=url, content=value, kind=kind,
                      date=data.get(fields.date), site=data.get(fields.site))
    return bad(f"record has neither '{fields.text}' nor '{fields.html}'", id=rid, url=url)


def dumps(obj: dict) -> str:
    """One output line (without the newline): UTF-8 as is, so non-Latin text stays readable."""
    return json.dumps(obj, ensure_ascii=False)


@contextmanager
def open_writer(path: str | os.PathLike) -> Iterator[IO[str]]:
    """A text stream for JSONL output, gzipped for `.gz`; `-` is stdout.

    The file is written under a temporary name beside the target and renamed into place only when
    the block finishes, so a crashed or interrupted run never leaves a half file that looks done.
    A gzip header carries no timestamp, so the same records always give the same bytes.
    """
    if str(path) == STDIO:
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
        inner = gzip.GzipFile(filename=target.name[:-3], mode="wb", fileobj=raw, mtime=0) if is_gzip(target) else raw
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


def remove_stale_temporaries(path: str | os.PathLike) -> None:
    """Delete what `open_writer` left beside `path` when a run was killed before its rename."""
    if str(path) == STDIO:
        return
    target = Path(path)
    for stale in target.parent.glob(f".{target.name}.*.part"):
        stale.unlink(missing_ok=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
