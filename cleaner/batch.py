"""The batch runner: records in, one output record per input record, in input order.

`run` drives an engine (worker processes here, or a Dask cluster) over any iterable of records and
hands each output record to a callback, counting as it goes. `run_job` is what `cleaner batch`
does with it: read the inputs, write the output through checkpointed part files so that `--resume`
after a crash continues where the last checkpoint left off, and join them into the output at the end.
"""
from __future__ import annotations

import json
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from .api import Cleaner
from .engines.work import Outcome, clean_one, one_line
from .errors import ConfigError
from .io import jsonl
from .io.inputs import InputOptions, check_inputs, fingerprint, read_inputs
from .io.parts import PART_RECORDS, PartLog
from .io.record import Record, Skipped
from .io.textdir import TextDirWriter
from .options import Options

__all__ = ["BatchStats", "Job", "chunked", "clean_record", "one_line", "run", "run_job"]

# Seconds one document may take before its worker is replaced and it becomes an error record.
DEFAULT_TIMEOUT = 60.0
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
# The file a folder output lists every document in (its text file, or its error).
FOLDER_INDEX = "records.jsonl"
# The work folder of a folder output, inside it (safe file names never start with a dot).
FOLDER_PARTS = ".parts"


@dataclass
class BatchStats:
    """Running totals of a batch, saved with every checkpoint so a resumed run reports the whole."""

    documents: int = 0
    errors_by_kind: Counter = field(default_factory=Counter)
    bytes_in: int = 0
    bytes_out: int = 0
    chars_seen: int = 0  # characters the cleaners were given: the kept text plus all they removed
    removed: Counter = field(default_factory=Counter)  # characters removed, by cleaner
    skipped: Counter = field(default_factory=Counter)  # input entries that are not documents
    seconds: float = 0.0  # this run's
    resumed: int = 0  # documents an earlier, interrupted run had already written
    restarts: int = 0  # workers replaced after dying or running out of time

    @property
    def errors(self) -> int:
        return sum(self.errors_by_kind.values())

    @property
    def docs_per_second(self) -> float:
        return (self.documents - self.resumed) / self.seconds if self.seconds > 0 else 0.0

    def add(self, outcome: Outcome) -> None:
        self.documents += 1
        self.bytes_in += outcome.bytes_in
        if outcome.error_kind is not None:
            self.errors_by_kind[outcome.error_kind] += 1
            return
        text = outcome.out.get("text") or ""
        removed = outcome.out.get("removed") or {}
        self.bytes_out += len(text.encode("utf-8", "surrogatepass"))
        self.chars_seen += len(text) + sum(removed.values())
        self.removed.update(removed)

    def removed_shares(self) -> dict[str, float]:
        """The share of all text the cleaners saw that each one removed."""
        return {name: n / self.chars_seen for name, n in self.removed.most_common()} if self.chars_seen else {}

    def summary(self) -> str:
        return (f"{_counted(self.documents, 'document')}, {_counted(self.errors, 'error')}, "
                f"{self.seconds:.2f} s, {self.docs_per_second:.1f} docs/s")

    def to_dict(self) -> dict:
        return {"documents": self.documents, "ok": self.documents - self.errors, "errors": self.errors,
                "errors_by_kind": dict(self.errors_by_kind.most_common()), "skipped": dict(self.skipped),
                "bytes_in": self.bytes_in, "bytes_out": self.bytes_out, "chars_seen": self.chars_seen,
                "removed_chars": dict(self.removed.most_common()), "removed_share": self.removed_shares(),
                "seconds": round(self.seconds, 3), "docs_per_second": round(self.docs_per_second, 2),
                "resumed": self.resumed, "worker_restarts": self.restarts}

    def checkpoint(self) -> dict:
        """What a resumed run carries on from (the skipped counts are recounted as inputs are re-read)."""
        return {"documents": self.documents, "errors_by_kind": dict(self.errors_by_kind),
                "bytes_in": self.bytes_in, "bytes_out": self.bytes_out, "chars_seen": self.chars_seen,
                "removed": dict(self.removed)}

    @classmethod
    def resume_from(cls, state: dict) -> "BatchStats":
        stats = cls(documents=state["documents"], errors_by_kind=Counter(state["errors_by_kind"]),
                    bytes_in=state["bytes_in"], bytes_out=state["bytes_out"], chars_seen=state["chars_seen"],
                    removed=Counter(state["removed"]))
        stats.resumed = stats.documents
        return stats

    def rows(self) -> list[tuple[str, str]]:
        """The closing summary as (label, value) rows."""
        rows = [("documents", f"{self.documents}" + (f" ({self.resumed} before resuming)" if self.resumed else "")),
                ("cleaned", f"{self.documents - self.errors}"), ("errors", f"{self.errors}")]
        rows += [(f"  {kind}", f"{n}") for kind, n in self.errors_by_kind.most_common()]
        if self.skipped:
            rows.append(("skipped (not documents)", f"{sum(self.skipped.values())}"))
            rows += [(f"  {why}", f"{n}") for why, n in self.skipped.most_common()]
        rows += [("bytes in", f"{self.bytes_in:,}"), ("bytes out (text)", f"{self.bytes_out:,}")]
        rows += [(f"removed by {name}", f"{share:.1%} of text") for name, share in self.removed_shares().items()]
        rows += [("time", f"{self.seconds:.2f} s, {self.docs_per_second:.1f} docs/s")]
        if self.restarts:
            rows.append(("workers replaced", f"{self.restarts}"))
        return rows


def clean_record(cleaner: Cleaner, record: Record) -> dict:
    """The output record for one input record; a failure becomes an error record, never a raise."""
    return clean_one(cleaner, record).out


def chunked(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def make_engine(options: Options, workers: int | None = None, timeout: float | None = DEFAULT_TIMEOUT,
                engine: str = "local", scheduler: str | None = None):
    workers = workers or os.cpu_count() or 1
    if engine == "dask":
        from .engines.dask import DaskEngine
        return DaskEngine(options, scheduler=scheduler, workers=workers)
    if scheduler is not None:
        raise ConfigError("--scheduler needs --engine dask")
    from .engines.local import LocalEngine
    return LocalEngine(options, workers=workers, timeout=timeout)


def run(records: Iterable[Record], write: Callable[[dict], None], options: Options,
        workers: int | None = None, progress: Callable[[int], None] | None = None,
        timeout: float | None = DEFAULT_TIMEOUT, engine=None) -> BatchStats:
    """Clean every record and hand each output record to `write`, in input order."""
    engine = engine or make_engine(options, workers, timeout)
    stats = BatchStats()
    start = time.perf_counter()
    for outcome in engine.results(records):
        write(outcome.out)
        stats.add(outcome)
        if progress is not None:
            progress(1)
    stats.seconds = time.perf_counter() - start
    stats.restarts = getattr(engine, "restarts", 0)
    return stats


@dataclass(frozen=True)
class Job:
    """One `cleaner batch` run, built at the edge from the command line."""

    inputs: tuple[str, ...]
    out: str
    options: Options = field(default_factory=Options)
    reading: InputOptions = field(default_factory=InputOptions)
    workers: int | None = None
    timeout: float | None = DEFAULT_TIMEOUT
    resume: bool = False
    engine: str = "local"
    scheduler: str | None = None
    text_dir: str | None = None
    checkpoint_every: int = PART_RECORDS

    @property
    def to_folder(self) -> bool:
        """Whether OUT is a folder of text files rather than one JSONL stream: it ends with `/`, is
        a folder already, or has no suffix (`out.json` is more likely a typo than a folder)."""
        if self.out == jsonl.STDIO or self.out.endswith(JSONL_SUFFIXES):
            return False
        if self.out.endswith(("/", os.sep)) or os.path.isdir(self.out) or "." not in os.path.basename(self.out):
            return True
        raise ConfigError(f"cannot write {self.out}: OUT must end in {' or '.join(JSONL_SUFFIXES)}, be '-', "
                          "or name a folder")

    def manifest(self) -> dict:
        """What a resumed run must share with the run it continues."""
        settings = {k: sorted(v) if isinstance(v, frozenset) else v for k, v in vars(self.options).items()}
        return json.loads(json.dumps({"inputs": fingerprint(self.inputs, self.reading), "options": settings,
                                      "out": self.out, "text_dir": self.text_dir}, default=str))


def run_job(job: Job, progress: Callable[[int], None] | None = None) -> BatchStats:
    """Run a whole batch: inputs to OUT, checkpointed, resumable, with its closing stats."""
    check_inputs(job.inputs)
    if job.resume and jsonl.STDIO in job.inputs:
        raise ConfigError("--resume cannot re-read stdin; give the input as a file")
    if job.resume and job.out == jsonl.STDIO:
        raise ConfigError("--resume needs an output file or folder, not stdout")
    engine = make_engine(job.options, job.workers, job.timeout, job.engine, job.scheduler)
    skipped = Skipped()
    if job.out == jsonl.STDIO:
        stats = _run_to_stdout(job, engine, skipped, progress)
    else:
        stats = _run_checkpointed(job, engine, skipped, progress)
    stats.skipped = skipped
    return stats


def _run_to_stdout(job: Job, engine, skipped: Skipped, progress) -> BatchStats:
    """Records straight to standard output: nothing to checkpoint, nothing to resume."""
    texts = TextDirWriter(job.text_dir) if job.text_dir else None
    with jsonl.open_writer(job.out) as out:
        def write(record: dict) -> None:
            out.write(jsonl.dumps(record) + "\n")
            if texts is not None:
                texts.write(record)
        return run(read_inputs(job.inputs, job.reading, skipped), write, job.options,
                   progress=progress, engine=engine)


def _run_checkpointed(job: Job, engine, skipped: Skipped, progress) -> BatchStats:
    """Records to part files committed every `checkpoint_every`, joined into OUT at the end; a
    resumed run skips the inputs the committed parts already hold."""
    out = Path(job.out)
    folder = TextDirWriter(out) if job.to_folder else None
    texts = TextDirWriter(job.text_dir) if job.text_dir else None
    parts = PartLog(out / FOLDER_PARTS if folder else out.with_name(out.name + ".parts"), job.manifest(),
                    job.checkpoint_every)
    state = parts.start(job.resume)
    stats = BatchStats.resume_from(state) if state else BatchStats()
    if state:  # the text folders name files in order: give back the names the first run took
        for line in parts.lines():
            record = json.loads(line)
            for writer in (folder, texts):
                if writer is not None:
                    writer.write(record, replay=True)
    records = islice(read_inputs(job.inputs, job.reading, skipped), parts.done, None)

    def write(record: dict) -> None:
        if texts is not None:
            texts.write(record)
        if folder is not None:
            name = folder.write(record)
            record = {k: v for k, v in record.items() if k != "text"}
            if name is not None:
                record["file"] = name
        parts.write(jsonl.dumps(record) + "\n")

    start = time.perf_counter()
    for outcome in engine.results(records):
        write(outcome.out)
        stats.add(outcome)
        if progress is not None:
            progress(1)
        if parts.due():
            parts.commit(stats.checkpoint())
    parts.commit(stats.checkpoint())
    final_path = out / FOLDER_INDEX if folder else out
    jsonl.remove_stale_temporaries(final_path)
    with jsonl.open_writer(final_path) as final:
        for line in parts.lines():
            final.write(line)
    parts.remove()
    stats.seconds = time.perf_counter() - start
    stats.restarts = getattr(engine, "restarts", 0)
    return stats


def _counted(n: int, noun: str) -> str:
    """"1 error", "2 errors": the summary line is read by people."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
