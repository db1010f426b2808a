"""Output that survives `kill -9`: records go into numbered part files in a work folder, and each
part is made durable (flushed, fsynced, renamed into place) before the index that lists it is
replaced the same way. The index is the checkpoint: the parts it lists hold the first `done`
output records, one per input record in input order, so a resumed run skips exactly that many
input records and appends new parts. A part written after the last index update is simply
written again. When the run ends, the parts are joined into the output in one atomic rename.
"""
from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

from ..errors import ConfigError, InputError

INDEX = "index.json"
# A part is closed after this many records or seconds, whichever comes first: a crash costs at
# most that much repeated work, and each checkpoint costs two fsyncs.
PART_RECORDS = 2000
PART_SECONDS = 10.0


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


class PartLog:
    """The work folder of one run. `manifest` says what the run reads and how: a resume must match."""

    def __init__(self, folder: str | os.PathLike, manifest: dict, part_records: int = PART_RECORDS):
        self.folder = Path(folder)
        self.manifest = manifest
        self.part_records = part_records
        self.parts: list[dict] = []
        self.state: dict = {}
        self._file = None
        self._count = 0
        self._opened = 0.0

    @property
    def done(self) -> int:
        """Output records in committed parts: the input records a resumed run skips."""
        return sum(p["records"] for p in self.parts)

    def start(self, resume: bool) -> dict | None:
        """Open the folder; with `resume`, load the checkpoint and return its saved state (None when
        there is nothing to resume). Without it, any earlier work folder is discarded."""
        index = self.folder / INDEX
        if resume and index.exists():
            try:
                saved = json.loads(index.read_text(encoding="utf-8"))
            except (OSError, ValueError) as e:
                raise InputError(f"cannot resume from {index}: {e}") from None
            if saved.get("manifest") != self.manifest:
                raise ConfigError(f"cannot resume: {self.folder} was written by a run with other inputs or "
                                  "options (run without --resume to start over)")
            self.parts, self.state = saved["parts"], saved.get("state", {})
            return self.state
        if self.folder.exists():
            shutil.rmtree(self.folder)
        try:
            self.folder.mkdir(parents=True)
        except OSError as e:
            raise InputError(f"cannot write {self.folder}: {e.strerror or e}") from None
        self._write_index()
        return None

    def write(self, line: str) -> None:
        """Append one output line (with its newline) to the open part."""
        if self._file is None:
            name = f"part-{len(self.parts):06d}.jsonl"
            self._file = open(self.folder / name, "w", encoding="utf-8", newline="\n")
            self._opened = time.monotonic()
        self._file.write(line)
        self._count += 1

    def due(self) -> bool:
        return self._file is not None and (self._count >= self.part_records or
                                           time.monotonic() - self._opened >= PART_SECONDS)

    def commit(self, state: dict) -> None:
        """Make the open part durable and record it, with `state` (the running totals), in the index."""
        if self._file is not None:
            self._file.flush()
            os.fsync(self._file.fileno())
            self._file.close()
            self.parts.append({"name": Path(self._file.name).name, "records": self._count})
            self._file, self._count = None, 0
        self.state = state
        self._write_index()

    def lines(self) -> Iterator[str]:
        """Every committed line, in order."""
        for part in self.parts:
            with open(self.folder / part["name"], encoding="utf-8", newline="\n") as f:
                yield from f

    def remove(self) -> None:
        if self._file is not None:
            self._file.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _write_index(self) -> None:
        data = {"manifest": self.manifest, "parts": self.parts, "state": self.state}
        _write_atomic(self.folder / INDEX, json.dumps(data, ensure_ascii=False).encode("utf-8"))
        _fsync_dir(self.folder)
