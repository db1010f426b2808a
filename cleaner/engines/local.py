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
        source = iter(records)
        exhausted = False
        queue: deque[list[tuple[int, Record]]] = deque()  # jobs handed back by a replaced worker
        finished: dict[int, Outcome] = {}
        next_seq = next_out = 0
        limit = self.workers * AHEAD_PER_WORKER
        try:
            while True:
                for i, w in enumerate(pool):  # hand out work to idle workers
                    if not w.idle:
                        continue
                    if not queue and not exhausted and next_seq - next_out < limit:
                        chunk = list(islice(source, self.chunk_size))
                        exhausted = len(chunk) < self.chunk_size
                        if chunk:
                            queue.append(list(enumerate(chunk, next_seq)))
                            next_seq += len(chunk)
                    if queue:
                        job = queue.popleft()
                        try:
                            w.send(job)
                        except OSError:  # it died while idle: nothing of this job was started
                            w.job.clear()
                            queue.appendleft(job)
                            pool[i] = self._replace(w)
                while next_out in finished:
                    yield finished.pop(next_out)
                    next_out += 1
                if exhausted and not queue and next_out == next_seq:
                    return
                busy = [w for w in pool if w.job or not w.ready]
                waits = [w.conn for w in busy] + [w.proc.sentinel for w in busy]
                for ready in wait(waits, timeout=self._wake_in(pool)):
                    w = next((w for w in pool if ready in (w.conn, w.proc.sentinel)), None)
                    if w is not None:
                        self._drain(w, finished)
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
                            queue.appendleft(list(w.job))
                            w.job.clear()
                    elif not w.ready:
                        self.start_failures += 1
                        if self.start_failures >= MAX_START_FAILURES:
                            raise RuntimeError(f"worker processes die as they start (exit code {w.proc.exitcode})")
                    pool[i] = self._replace(w)
        finally:
            for w in pool:
                w.stop(kill=True)

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
