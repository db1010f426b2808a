"""Clean many documents in parallel: records in, one output record per input record, in order.

Each worker process builds its Cleaner once (in the pool initializer) and then cleans chunks of
records. The parent streams: it reads ahead only as many chunks as keep the workers busy, and
writes results in input order as they complete, so memory stays flat however large the input.
"""
from __future__ import annotations

import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice

from .api import Cleaner
from .io.jsonl import Record
from .options import Options

# Records sent to a worker at a time: large enough that pickling and queueing cost little per
# document, small enough that the workers stay evenly loaded near the end of a run.
CHUNK_SIZE = 16
# Chunks in flight per worker: enough to cover the time the parent spends writing results.
CHUNKS_AHEAD_PER_WORKER = 4


@dataclass
class BatchStats:
    documents: int = 0
    errors: int = 0
    seconds: float = 0.0

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds > 0 else 0.0

    def summary(self) -> str:
        return (f"{self.documents} documents, {self.errors} errors, {self.seconds:.2f} s, "
                f"{self.docs_per_second:.1f} docs/s")


def one_line(exc: BaseException) -> str:
    """An exception as a single line: its type, then the first line of its message."""
    message = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {message[0]}" if message else type(exc).__name__


def clean_record(cleaner: Cleaner, record: Record) -> dict:
    """The output record for one input record; a failure becomes an error record, never a raise."""
    if record.error is not None:
        return {"id": record.id, "url": record.url, "error": record.error}
    try:
        result = cleaner.clean(record.content or "", url=record.url, site=record.site,
                               kind=record.kind, date=record.date)
    except Exception as e:  # one bad page must not stop a batch of millions
        return {"id": record.id, "url": record.url, "error": f"{record.where}: {one_line(e)}"}
    out = {"id": record.id, "url": record.url, "site": result.site, "title": result.title,
           "text": result.text, "removed": result.removed_chars_by_cleaner()}
    if result.truncated:
        out["truncated"] = result.truncated
    return out


# The worker side: one Cleaner per process, built by the pool initializer.
_WORKER_CLEANER: Cleaner | None = None


def _init_worker(options: Options) -> None:
    global _WORKER_CLEANER
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle, once
    _WORKER_CLEANER = Cleaner(options=options)


def _clean_chunk(chunk: list[Record]) -> list[dict]:
    assert _WORKER_CLEANER is not None, "worker used before its initializer ran"
    return [clean_record(_WORKER_CLEANER, r) for r in chunk]


def chunked(items: Iterable[Record], size: int) -> Iterator[list[Record]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def clean_serial(records: Iterable[Record], options: Options) -> Iterator[dict]:
    """The same results as `clean_parallel`, in this process: for one worker and for debugging."""
    cleaner = Cleaner(options=options)
    for record in records:
        yield clean_record(cleaner, record)


def clean_parallel(records: Iterable[Record], options: Options, workers: int,
                   chunk_size: int = CHUNK_SIZE) -> Iterator[dict]:
    """Results in input order from a pool of `workers` processes, with bounded read-ahead."""
    ahead = max(2, workers * CHUNKS_AHEAD_PER_WORKER)
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker,
                             initargs=(options,)) as pool:
        pending: deque[Future] = deque()
        try:
            for chunk in chunked(records, chunk_size):
                pending.append(pool.submit(_clean_chunk, chunk))
                if len(pending) >= ahead:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        finally:  # on an error or an interrupt, do not wait for work nobody will read
            for future in pending:
                future.cancel()


def run(records: Iterable[Record], write: Callable[[dict], None], options: Options,
        workers: int | None = None, progress: Callable[[int], None] | None = None) -> BatchStats:
    """Clean every record and hand each output record to `write`, in input order."""
    workers = workers or os.cpu_count() or 1
    stats = BatchStats()
    start = time.perf_counter()
    results = clean_serial(records, options) if workers == 1 else clean_parallel(records, options, workers)
    for out in results:
        write(out)
        stats.documents += 1
        stats.errors += "error" in out
        if progress is not None:
            progress(1)
    stats.seconds = time.perf_counter() - start
    return stats
