"""Dask distributed: the records are cut into partitions, each partition is one task, and the
cluster's workers clean them with the same `clean_one` as the local engine, so the output is the
same. Results come back in input order with a bounded number of partitions in flight, and the
batch runner writes them exactly as it writes the local engine's (checkpoints, resume, stats).

Workers need `cleaner` installed (`pip install cleaner`, the same version); they read nothing:
the records travel with the tasks. Dask itself is the optional `dask` extra.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice

from ..errors import ConfigError
from ..io.record import Record
from ..options import Options
from .work import WORKER_DIED, Outcome, clean_one, failed

# Records per task: large enough that the scheduler's per-task cost is small next to the cleaning.
PARTITION_SIZE = 64
# Partitions in flight per worker thread: keeps the cluster busy while the client writes.
PARTITIONS_AHEAD_PER_THREAD = 2
# How long to try reaching a scheduler before giving up.
CONNECT_SECONDS = 30

_CLEANERS: dict = {}


def clean_partition(records: list[Record], options: Options) -> list[Outcome]:
    """Runs on a Dask worker: one Cleaner per worker process and options, built on first use."""
    from ..api import Cleaner

    cleaner = _CLEANERS.get(options)
    if cleaner is None:
        cleaner = _CLEANERS[options] = Cleaner(options=options)
    return [clean_one(cleaner, r) for r in records]


def _import_distributed():
    try:
        import distributed
    except ImportError:
        raise ConfigError("--engine dask needs Dask: pip install 'cleaner[dask]'") from None
    return distributed


class DaskEngine:
    """Cleans records on the cluster at `scheduler` (tcp://HOST:PORT), or on a local cluster of
    `workers` processes when no scheduler is given."""

    def __init__(self, options: Options, scheduler: str | None = None, workers: int = 1,
                 partition_size: int = PARTITION_SIZE, connect_seconds: float = CONNECT_SECONDS):
        self.options, self.scheduler, self.workers = options, scheduler, workers
        self.partition_size, self.connect_seconds = partition_size, connect_seconds

    def results(self, records: Iterable[Record]) -> Iterator[Outcome]:
        distributed = _import_distributed()
        cluster = None
        if self.scheduler is None:
            cluster = distributed.LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                                               host="127.0.0.1", dashboard_address="127.0.0.1:0")
        try:
            with distributed.Client(cluster or self.scheduler, set_as_default=False,
                                    timeout=self.connect_seconds) as client:
                yield from self._run(client, records, distributed)
        except OSError as e:  # the scheduler cannot be reached
            raise ConfigError(f"cannot connect to the Dask scheduler {self.scheduler}: {e}") from None
        finally:
            if cluster is not None:
                cluster.close()

    def _run(self, client, records: Iterable[Record], distributed) -> Iterator[Outcome]:
        threads = sum(client.nthreads().values()) or 1
        ahead = max(2, threads * PARTITIONS_AHEAD_PER_THREAD)
        options = self.options  # small: it travels with each task (a scattered copy dies with its workers)
        source = iter(records)
        pending: deque = deque()
        try:
            while True:
                while len(pending) < ahead and (part := list(islice(source, self.partition_size))):
                    pending.append((part, client.submit(clean_partition, part, options, pure=False)))
                if not pending:
                    return
                part, future = pending.popleft()
                try:
                    yield from future.result()
                except distributed.KilledWorker:  # something in it kills workers: find which, one by one
                    yield from self._one_by_one(client, part, options, distributed)
        finally:
            for _, future in pending:
                future.cancel()

    @staticmethod
    def _one_by_one(client, part: list[Record], options, distributed) -> Iterator[Outcome]:
        """A partition that killed its workers, retried a record a task: only the culprit fails.
        A record whose task dies is tried once more alone, since a dying worker also takes down
        the tasks queued beside it."""
        def attempt(record: Record):
            return client.submit(clean_partition, [record], options, pure=False)

        futures = [attempt(r) for r in part]
        for record, future in zip(part, futures):
            try:
                yield from future.result()
                continue
            except distributed.KilledWorker:
                pass
            try:
                yield from attempt(record).result()
            except distributed.KilledWorker:
                yield failed(record, "the Dask workers cleaning it died", WORKER_DIED)
