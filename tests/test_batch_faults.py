"""Nothing lost: a worker that crashes, dies or hangs costs one error record, and `kill -9` of the
whole run followed by `--resume` gives the output an uninterrupted run gives, byte for byte."""
from __future__ import annotations

import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time

import pytest

from cleaner import Cleaner
from cleaner.batch import run
from cleaner.cli import main
from cleaner.io.record import Record
from cleaner.options import Options
from tests.dumps import SEED_TEXTS, read_jsonl, write_jsonl
from tests.helpers import ROOT

forked = pytest.mark.skipif(multiprocessing.get_start_method() != "fork",
                            reason="faults are injected into workers by patching the parent before they fork")


@pytest.fixture
def faulty(monkeypatch):
    """Cleaner.clean that crashes its process on a page saying CRASH, dies by SIGKILL on DIE, hangs
    on HANG and raises on RAISE: injected into the workers, which fork from this process."""
    original = Cleaner.clean

    def clean(self, content, **kw):
        if content == "CRASH":
            os._exit(3)
        if content == "DIE":
            os.kill(os.getpid(), signal.SIGKILL)
        if content == "HANG":
            time.sleep(60)
        if content == "RAISE":
            raise MemoryError("out of memory")
        return original(self, content, **kw)

    monkeypatch.setattr(Cleaner, "clean", clean)


def records(faults: dict[int, str], n: int = 120) -> list[Record]:
    return [Record("s", i, id=i, content=faults.get(i, SEED_TEXTS[i % len(SEED_TEXTS)]), kind="text")
            for i in range(n)]


@forked
def test_workers_that_crash_die_or_raise_cost_one_record_each(faulty):
    written: list[dict] = []
    stats = run(records({7: "CRASH", 50: "DIE", 51: "CRASH", 90: "RAISE"}), written.append, Options(), workers=2)
    assert [w["id"] for w in written] == list(range(120))
    errors = {w["id"]: w["error"] for w in written if "error" in w}
    assert sorted(errors) == [7, 50, 51, 90]
    assert "died (exit code 3)" in errors[7] and "died (exit code -9)" in errors[50]
    assert errors[90] == "s:90: MemoryError: out of memory"
    assert stats.errors_by_kind == {"worker died": 3, "MemoryError": 1} and stats.restarts == 3
    expected = Cleaner().clean(SEED_TEXTS[8 % len(SEED_TEXTS)], kind="text").text
    assert written[8]["text"] == expected  # the rest of the crashed worker's chunk was cleaned


@forked
def test_a_document_over_its_time_budget_is_an_error_and_its_worker_replaced(faulty):
    written: list[dict] = []
    start = time.monotonic()
    stats = run(records({3: "HANG"}, n=40), written.append, Options(), workers=2, timeout=3.0)
    assert time.monotonic() - start < 30  # not 60 s: the hung worker was killed
    assert [w["id"] for w in written] == list(range(40))
    assert written[3]["error"] == "s:3: took longer than 3 s"
    assert stats.errors_by_kind == {"timeout": 1} and stats.restarts == 1


def test_kill_9_midway_then_resume_gives_the_uninterrupted_output(tmp_path):
    pages = tmp_path / "pages.jsonl"
    write_jsonl(pages, 1500, bad=3)
    whole, cut = tmp_path / "a" / "out.jsonl.gz", tmp_path / "b" / "out.jsonl.gz"  # gzip names the file inside
    assert main(["batch", str(pages), "--out", str(whole), "--workers", "2", "--text-dir", str(tmp_path / "t1")]) == 0

    args = [str(pages), "--out", str(cut), "--workers", "2", "--checkpoint-every", "100",
            "--text-dir", str(tmp_path / "t2")]
    proc = subprocess.Popen([sys.executable, "-m", "cleaner", "batch", *args], cwd=ROOT, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    index = tmp_path / "b" / "out.jsonl.gz.parts" / "index.json"
    deadline = time.monotonic() + 180  # a loaded machine can be slow; this is no timing check
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if len(json.loads(index.read_text())["parts"]) >= 3:
                break
        except (OSError, ValueError):
            pass
        time.sleep(0.02)
    assert proc.poll() is None, "the run finished before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)  # the parent and its workers, mid-run
    proc.wait()
    assert not cut.exists()
    done = sum(p["records"] for p in json.loads(index.read_text())["parts"])
    assert 300 <= done < 1503, f"killed after {done} records"

    stats = tmp_path / "stats.json"
    assert main(["batch", *args, "--resume", "--stats", str(stats)]) == 0
    assert cut.read_bytes() == whole.read_bytes(), f"resumed after {done} records: {summary_of(whole, cut)}"
    assert not index.parent.exists()
    summary = json.loads(stats.read_text())
    assert summary["resumed"] == done and summary["documents"] == 1503 and summary["errors"] == 3
    texts = sorted(p.name for p in (tmp_path / "t1").iterdir())
    assert texts == sorted(p.name for p in (tmp_path / "t2").iterdir()) and len(texts) == 1500
    assert all((tmp_path / "t1" / n).read_bytes() == (tmp_path / "t2" / n).read_bytes() for n in texts)
    assert len(read_jsonl(cut)) == 1503


def summary_of(whole, cut) -> str:
    a, b = read_jsonl(whole), read_jsonl(cut)
    diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    return f"{len(a)} vs {len(b)} records, first differences at {diff[:5]}"


def test_resume_refuses_a_checkpoint_of_other_inputs(tmp_path, capsys):
    pages = tmp_path / "pages.jsonl"
    write_jsonl(pages, 5)
    out = tmp_path / "out.jsonl"
    parts = tmp_path / "out.jsonl.parts"
    parts.mkdir()
    (parts / "index.json").write_text(json.dumps({"manifest": {"inputs": "other"}, "parts": [], "state": {}}))
    assert main(["batch", str(pages), "--out", str(out), "--resume"]) == 2
    assert "other inputs or options" in capsys.readouterr().err
    assert main(["batch", str(pages), "--out", str(out)]) == 0  # without --resume it starts over
    assert len(read_jsonl(out)) == 5 and not parts.exists()


def test_resume_with_nothing_to_resume_is_a_fresh_run(tmp_path):
    pages = tmp_path / "pages.jsonl"
    write_jsonl(pages, 5)
    assert main(["batch", str(pages), "--out", str(tmp_path / "o.jsonl"), "--resume", "--workers", "1"]) == 0
    assert len(read_jsonl(tmp_path / "o.jsonl")) == 5
