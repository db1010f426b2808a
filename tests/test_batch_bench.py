"""bench/batch_scaling.py runs end to end on a few documents (the seed captures, so it needs no
benchmark folder). It checks the report's shape; it asserts nothing about timing."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.helpers import ROOT

pytest.importorskip("psutil", reason="psutil (test and bench extras) measures the run's memory")


def test_batch_scaling_reports_speed_up_and_memory(tmp_path):
    out = tmp_path / "scaling.json"
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "batch_scaling.py"), "--bench", str(tmp_path / "none"),
                           "--docs", "20", "--repeats", "1", "--json", str(out)],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(out.read_text())
    assert report["docs"] == 20 and "seed captures" in report["origin"]
    assert report["speedup"] > 0 and report["cpu_ratio"] > 0
    assert set(report["peak_rss_mb"]) == {"1", "2", "4"}
    assert all(50 < mb < 2000 for mb in report["peak_rss_mb"].values())
