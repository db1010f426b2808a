"""`--engine dask`: a real scheduler and two worker processes on loopback give the same output as
the local engine."""
from __future__ import annotations

import os

import pytest

from cleaner.cli import main
from cleaner.engines.dask import DaskEngine
from cleaner.errors import ConfigError
from cleaner.io.record import Record
from cleaner.options import Options
from tests.dumps import SEED_TEXTS, write_jsonl, write_tree, write_warc

distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")


@pytest.fixture(scope="module")
def scheduler():
    import dask

    # A task that kills its worker is given up on at once (the default retries it on 3 more).
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}), distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address="127.0.0.1:0") as cluster:
        yield cluster.scheduler_address


def inputs(tmp_path) -> list[str]:
    write_tree(tmp_path / "tree")
    write_jsonl(tmp_path / "pages.jsonl", 150, bad=2)
    write_warc(tmp_path / "crawl.warc.gz", 10)
    return [str(tmp_path / "tree"), str(tmp_path / "pages.jsonl"), str(tmp_path / "crawl.warc.gz")]


def test_a_dask_cluster_gives_the_local_engines_output(tmp_path, scheduler):
    assert scheduler.startswith("tcp://127.0.0.1:")
    given = inputs(tmp_path)
    local, cluster = tmp_path / "local" / "out.jsonl.gz", tmp_path / "dask" / "out.jsonl.gz"
    assert main(["batch", *given, "--out", str(local), "--workers", "2"]) == 0
    assert main(["batch", *given, "--out", str(cluster), "--engine", "dask", "--scheduler", scheduler]) == 0
    assert cluster.read_bytes() == local.read_bytes()


def test_dask_without_a_scheduler_starts_a_local_cluster(tmp_path):
    pages = tmp_path / "pages.jsonl"
    write_jsonl(pages, 20, bad=1)
    local, cluster = tmp_path / "a" / "out.jsonl", tmp_path / "b" / "out.jsonl"
    assert main(["batch", str(pages), "--out", str(local), "--workers", "1"]) == 0
    assert main(["batch", str(pages), "--out", str(cluster), "--engine", "dask", "--workers", "1"]) == 0
    assert cluster.read_bytes() == local.read_bytes()


def test_an_unreachable_scheduler_is_a_config_error():
    engine = DaskEngine(Options(), scheduler="tcp://127.0.0.1:9", connect_seconds=1)
    with pytest.raises(ConfigError, match="cannot connect to the Dask scheduler tcp://127.0.0.1:9"):
        list(engine.results([Record("s", 1, content="x", kind="text")]))


def exit_unless_in(pid: int) -> str:
    if os.getpid() != pid:
        os._exit(70)
    return KillsItsWorker("x")  # the scheduler, in this process, passes it on as it came


class KillsItsWorker(str):
    """Page content that kills any process but this one (the test's, where the scheduler runs too)
    that unpickles it: a real worker crash, injected."""

    def __reduce__(self):
        return (exit_unless_in, (os.getpid(),))


def test_a_document_that_kills_dask_workers_costs_only_its_own_record(scheduler):
    records = [Record("s", i, id=i, content=SEED_TEXTS[i % len(SEED_TEXTS)], kind="text") for i in range(80)]
    records[37] = Record("s", 37, id=37, content=KillsItsWorker("x"), kind="text")
    outcomes = list(DaskEngine(Options(), scheduler=scheduler).results(records))
    assert [o.out["id"] for o in outcomes] == list(range(80))
    errors = [o for o in outcomes if o.error_kind]
    assert [o.out["id"] for o in errors] == [37] and errors[0].error_kind == "worker died"
    assert outcomes[36].out["text"] and outcomes[38].out["text"]
