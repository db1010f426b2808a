"""bench/text_speed_quality.py runs end to end on a few pages of the shared benchmark sets.
It checks the report's shape and that scores are scores; it asserts nothing about timing."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.helpers import BENCH, ROOT

pytestmark = pytest.mark.skipif(not (BENCH / "score.py").is_file(),
                                reason=f"benchmark folder not found at {BENCH} (../shared/bench)")


def run_text_bench(tmp_path, order: str) -> dict:
    out = tmp_path / f"bench-{order}.json"
    # A subprocess: the script pins itself to one core, which must not leak into the test run.
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "text_speed_quality.py"), "--bench", str(BENCH),
                           "--limit", "3", "--sets", "aeb", "--json", str(out), "--order", order],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert "ratio" in proc.stdout and "aeb" in proc.stdout
    report = json.loads(out.read_text())
    assert report["meta"]["order"] == order
    return report["results"][0]


def test_bench_script_reports_quality_and_speed_in_either_order(tmp_path):
    row = run_text_bench(tmp_path, "interleaved")
    assert row["set"] == "aeb" and row["pages"] == 3
    for key in ("shingle_f1", "word_f1", "trafilatura_html_shingle_f1", "trafilatura_html_word_f1"):
        assert 0.0 <= row[key] <= 1.0
    for key in ("cleaner_ms", "trafilatura_ms", "ratio", "cpu_ratio"):
        assert row[key] > 0
    blocks = run_text_bench(tmp_path, "blocks")   # the same pages, timed a tool at a time
    for key in ("pages", "shingle_f1", "word_f1", "trafilatura_html_shingle_f1", "trafilatura_html_word_f1"):
        assert blocks[key] == row[key]
    assert all(blocks[key] > 0 for key in ("cleaner_ms", "trafilatura_ms", "ratio", "cpu_ratio"))


def test_html_peers_script_reports_each_tool(tmp_path):
    out = tmp_path / "peers.json"
    # The peers of the bench extra are not test dependencies: cleaner against trafilatura only.
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "html_peers.py"), "--bench", str(BENCH),
                           "--limit", "3", "--sets", "aeb", "--peers", "cleaner", "trafilatura",
                           "--json", str(out)], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert "cleaner / trafilatura mean time" in proc.stdout
    rows = json.loads(out.read_text())["aeb"]
    assert rows["ratio_to_trafilatura"] > 0
    for tool in ("cleaner", "trafilatura"):
        assert rows[tool]["pages"] == 3
        assert 0.0 <= rows[tool]["shingle_f1"] <= 1.0 and 0.0 <= rows[tool]["word_f1"] <= 1.0
        assert rows[tool]["ms_mean"] > 0


def test_c_ab_script_reports_a_difference_per_page(tmp_path):
    from cleaner import accel
    if not all(accel.status().values()):
        pytest.skip("the C accelerators are not built here: the script swaps built modules")
    out = tmp_path / "ab.json"
    # This checkout against itself: the script's plumbing, not a timing.
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "text_c_ab.py"), "--baseline", str(ROOT),
                           "--bench", str(BENCH), "--sets", "aeb", "--limit", "3", "--passes", "1",
                           "--json", str(out)], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert "this checkout minus baseline median" in proc.stdout
    report = json.loads(out.read_text())
    assert len(report["differences_us"]["aeb"]) == 3 and report["passes"] == 1
    assert "linescan" in report["modules"]
    missing = subprocess.run([sys.executable, str(ROOT / "bench" / "text_c_ab.py"), "--baseline", str(tmp_path),
                              "--bench", str(BENCH), "--limit", "1"], capture_output=True, text=True, timeout=600)
    assert missing.returncode != 0 and "no built module" in missing.stderr
