"""Worker processes on this machine, each building its Cleaner once and then cleaning chunks of
records sent over its own pipe, one result message per document.

Not a ProcessPoolExecutor: a worker that dies (a segfault, os._exit, the OOM killer) breaks such a
pool for good, and it cannot stop one slow task. Here the parent knows which document each worker
is on, so a worker that dies turns that one document into an error record, one that exceeds the
time budget is killed and its document becomes an error record, a fresh worker takes its place,
and the rest of its chunk is handed out again. Results come back in input order, and the parent
reads ahead only a bounded number of records, so memory stays flat however large the input.
"""
from __future__ import annotations

import multiprocessing
import signal
import time
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from multiprocessing.connection import wait

from ..api import Cleaner
from ..io.record import Record
from ..options import Options
from .work import TIMEOUT, WORKER_DIED, Outcome, clean_one, failed

# Records sent to a worker at a time: enough that pickling and messages cost little per document,
# few enough that the workers stay evenly loaded near the end of a run.
CHUNK_SIZE = 16
# Records read ahead of the oldest unwritten one, per worker: covers a slow document holding up
# the in-order writing while the other workers go on.
AHEAD_PER_WORKER = 8 * CHUNK_SIZE
# The parent wakes at least this often to check time budgets.
POLL_SECONDS = 0.5
# A worker that dies before it is ready this many times in a row means the setup itself fails.
MAX_START_FAILURES = 3
_READY = "ready"


def _worker_main(conn, options: Options) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle, once
    try:
        cleaner = Cleaner(options=options)
    except Exception as e:  # reported to the parent, which stops the run
        conn.send(("failed", repr(e)))
        return
    conn.send(_READY)
    while True:
        try:
            chunk = conn.recv()
        except (EOFError, OSError):  # the parent is gone
            return
        if chunk is None:
            return
        for record in chunk:
            conn.send(clean_one(cleaner, record))


class _Worker:
    def __init__(self, ctx, options: Options):
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child, options), daemon=True)
        self.proc.start()
        child.close()
        self.ready = False
        self.job: deque[tuple[int, Record]] = deque()  # (sequence number, record) not yet answered
        self.since = 0.0  # when the document it is on was started

    @property
    def idle(self) -> bool:
        return self.ready and not self.job

    def send(self, job: list[tuple[int, Record]]) -> None:
        self.job.extend(job)
        self.since = time.monotonic()
        self.conn.send([record for _, record in job])

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.proc.kill()
        else:
            try:
                self.conn.send(None)
            except OSError:
                pass
        self.proc.join(timeout=5)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join()
        self.conn.close()


class _Feed:
    """The records still to hand out, in jobs of `chunk_size` numbered in input order: jobs given
    back by a lost worker first, then new ones, read no further than `limit` records ahead of the
    oldest unwritten result."""

    def __init__(self, source: Iterator[Record], chunk_size: int, limit: int):
        self.source, self.chunk_size, self.limit = source, chunk_size, limit
        self.queue: deque[list[tuple[int, Record]]] = deque()
        self.exhausted = False
        self.next_seq = 0

    def next_job(self, next_out: int) -> list[tuple[int, Record]] | None:
        if not self.queue and not self.exhausted and self.next_seq - next_out < self.limit:
            chunk = list(islice(self.source, self.chunk_size))
            self.exhausted = len(chunk) < self.chunk_size
            if chunk:
                self.queue.append(list(enumerate(chunk, self.next_seq)))
                self.next_seq += len(chunk)
        return self.queue.popleft() if self.queue else None

    def give_back(self, job: list[tuple[int, Record]]) -> None:
        self.queue.appendleft(job)

    def done(self, next_out: int) -> bool:
        """Every record read has been handed out and written."""
        return self.exhausted and not self.queue and next_out == self.next_seq


class LocalEngine:
    """Cleans records on `workers` processes with a `timeout` (seconds) per document."""

    def __init__(self, options: Options, workers: int, timeout: float | None = 60.0,
                 chunk_size: int = CHUNK_SIZE):
        self.options, self.workers, self.timeout, self.chunk_size = options, workers, timeout, chunk_size
        self.ctx = multiprocessing.get_context()
        self.restarts = 0  # workers replaced after dying or running out of time
        self.start_failures = 0  # workers in a row that died before they were ready

    def results(self, records: Iterable[Record]) -> Iterator[Outcome]:
        pool = [self._spawn() for _ in range(self.workers)]
        feed = _Feed(iter(records), self.chunk_size, self.workers * AHEAD_PER_WORKER)
        finished: dict[int, Outcome] = {}
        next_out = 0
        try:
            while True:
                self._hand_out(pool, feed, next_out)
                while next_out in finished:
                    yield finished.pop(next_out)
                    next_out += 1
                if feed.done(next_out):
                    return
                busy = [w for w in pool if w.job or not w.ready]
                waits = [w.conn for w in busy] + [w.proc.sentinel for w in busy]
                for ready in wait(waits, timeout=self._wake_in(pool)):
                    w = next((w for w in pool if ready in (w.conn, w.proc.sentinel)), None)
                    if w is not None:
                        self._drain(w, finished)
                self._replace_lost(pool, feed, finished)
        finally:
            for w in pool:
                w.stop(kill=True)

    def _hand_out(self, pool: list[_Worker], feed: _Feed, next_out: int) -> None:
        """Give every idle worker a job, if there is one."""
        for i, w in enumerate(pool):
            if not w.idle:
                continue
            job = feed.next_job(next_out)
            if job is None:
                continue
            try:
                w.send(job)
            except OSError:  # it died while idle: nothing of this job was started
                w.job.clear()
                feed.give_back(job)
                pool[i] = self._replace(w)

    def _replace_lost(self, pool: list[_Worker], feed: _Feed, finished: dict[int, Outcome]) -> None:
        """Replace the workers that died or ran out of time: the document each was on becomes an
        error record, the rest of its job goes back to the feed."""
        for i, w in enumerate(pool):
            if w.proc.is_alive() and not self._overdue(w):
                continue
            self._drain(w, finished)  # results it sent before it went (or just in time)
            if w.proc.is_alive() and not self._overdue(w):
                continue
            if w.job:
                seq, record = w.job.popleft()
                if w.proc.is_alive():
                    finished[seq] = failed(record, f"took longer than {self.timeout:g} s", TIMEOUT)
                else:
                    code = w.proc.exitcode
                    finished[seq] = failed(record, f"the worker cleaning it died (exit code {code})",
                                           WORKER_DIED)
                if w.job:
                    feed.give_back(list(w.job))
                    w.job.clear()
            elif not w.ready:
                self.start_failures += 1
                if self.start_failures >= MAX_START_FAILURES:
                    raise RuntimeError(f"worker processes die as they start (exit code {w.proc.exitcode})")
            pool[i] = self._replace(w)

    def _overdue(self, w: _Worker) -> bool:
        return bool(w.job and self.timeout and time.monotonic() - w.since > self.timeout)

    def _spawn(self) -> _Worker:
        return _Worker(self.ctx, self.options)

    def _replace(self, w: _Worker) -> _Worker:
        w.stop(kill=True)
        self.restarts += 1
        return self._spawn()

    def _wake_in(self, pool: list[_Worker]) -> float:
        if not self.timeout:
            return POLL_SECONDS
        now = time.monotonic()
        left = [self.timeout - (now - w.since) for w in pool if w.job]
        return max(0.0, min([POLL_SECONDS, *left]))

    def _drain(self, w: _Worker, finished: dict[int, Outcome]) -> None:
        """Take every message the worker has sent."""
        try:
            while w.conn.poll():
                message = w.conn.recv()
                if isinstance(message, Outcome):
                    seq, _ = w.job.popleft()
                    finished[seq] = message
                    w.since = time.monotonic()
                elif message == _READY:
                    w.ready, self.start_failures = True, 0
                else:
                    raise RuntimeError(f"a worker could not build its cleaner: {message[1]}")
        except (EOFError, OSError):  # it died; the caller sees that through its exit code
            pass
