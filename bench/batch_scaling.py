"""How `cleaner batch` scales with workers, and how much memory a run takes as the input grows.

    python bench/batch_scaling.py [--bench DIR] [--docs 3600] [--repeats 2] [--no-memory] [--json FILE]

It builds `--docs` text-dump documents as JSONL (the benchmark folder's `*.text.jsonl.gz` pages,
repeated as needed, or the bundled seed captures when that folder is absent), then runs the real
command, `python -m cleaner batch IN --out OUT --workers N`, as a subprocess:

- speed-up: wall time with 1 worker over wall time with 2, runs interleaved (1, 2, 1, 2, ...) so
  that changes in machine load fall on both sides; the median of `--repeats` pairs is reported,
  with the load average around the runs (other processes on the machine lower the speed-up);
- memory: the peak, over the run, of the summed resident memory of the parent and all its worker
  processes (sampled every 20 ms with psutil), for the input at 1x, 2x and 4x its size with 2
  workers. Flat means the peak does not grow with the input.

Goals (issue 5): speed-up >= 1.6 on 2 cores; peak < 400 MB and flat.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BENCH = ROOT.parent / "shared" / "bench"
SEEDS = ROOT / "fixtures" / "seeds"
SAMPLE_SECONDS = 0.02
SPEEDUP_GOAL, MEMORY_GOAL_MB = 1.6, 400


def source_texts(bench: Path) -> tuple[list[str], str]:
    files = sorted(bench.glob("*.text.jsonl.gz")) if bench.is_dir() else []
    if files:
        texts = []
        for path in files:
            with gzip.open(path, "rt", encoding="utf-8") as f:
                texts += [json.loads(line)["text"] for line in f if line.strip()]
        return texts, ", ".join(p.name for p in files)
    seeds = sorted(p for p in SEEDS.glob("*.txt") if ".expected" not in p.name)
    return [p.read_text(encoding="utf-8") for p in seeds], f"{len(seeds)} seed captures (no {bench})"


def write_input(path: Path, texts: list[str], n: int) -> int:
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            f.write(json.dumps({"id": f"d{i}", "text": texts[i % len(texts)]}, ensure_ascii=False) + "\n")
    return path.stat().st_size


def cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # every finished descendant: parent and workers
    return usage.ru_utime + usage.ru_stime


def run_batch(src: Path, out: Path, workers: int) -> tuple[float, float, float]:
    """Wall seconds, peak summed RSS (MB) and CPU seconds (parent + workers) of one `cleaner batch` run."""
    cmd = [sys.executable, "-m", "cleaner", "batch", str(src), "--out", str(out), "--workers", str(workers)]
    cpu = cpu_of_children()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    parent = psutil.Process(proc.pid)
    peak = 0
    while proc.poll() is None:
        try:
            tree = [parent, *parent.children(recursive=True)]
            total = 0
            for p in tree:
                try:
                    total += p.memory_info().rss
                except psutil.Error:
                    pass
            peak = max(peak, total)
        except psutil.Error:
            pass
        time.sleep(SAMPLE_SECONDS)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{proc.stderr.read().decode()}")
    return seconds, peak / 2**20, cpu_of_children() - cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    parser.add_argument("--docs", type=int, default=3600)
    parser.add_argument("--repeats", type=int, default=2, help="interleaved 1-worker/2-worker pairs")
    parser.add_argument("--no-memory", action="store_true", help="measure the speed-up only")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()

    texts, origin = source_texts(args.bench)
    print(f"input: {args.docs} text documents from {origin}; cores: {os.cpu_count()}")
    results: dict = {"docs": args.docs, "origin": origin, "cores": os.cpu_count()}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        src = tmp / "in.jsonl"
        size = write_input(src, texts, args.docs)
        load_before = os.getloadavg()
        times: dict[int, list[float]] = {1: [], 2: []}
        cpus: dict[int, list[float]] = {1: [], 2: []}
        for _ in range(args.repeats):
            for workers in (1, 2):
                seconds, _, cpu = run_batch(src, tmp / "out.jsonl", workers)
                times[workers].append(seconds)
                cpus[workers].append(cpu)
                print(f"  {workers} worker(s): {seconds:.2f} s ({args.docs / seconds:.0f} docs/s), "
                      f"{cpu:.1f} CPU s, so {cpu / seconds:.2f} cores obtained")
        load_after = os.getloadavg()
        one, two = statistics.median(times[1]), statistics.median(times[2])
        speedup = one / two
        print(f"speed-up 2 workers vs 1: {speedup:.2f} (goal >= {SPEEDUP_GOAL}); load average 1 min "
              f"{load_before[0]:.2f} before, {load_after[0]:.2f} after, on {os.cpu_count()} cores")
        cpu_ratio = statistics.median(cpus[2]) / statistics.median(cpus[1])
        print(f"CPU time 2 workers / 1 worker: {cpu_ratio:.2f} (1.0 = splitting the work adds none; with 2 free "
              f"cores the speed-up is at most 2 / that = {2 / cpu_ratio:.2f})")
        results.update(seconds={str(k): v for k, v in times.items()}, speedup=round(speedup, 3),
                       cpu_seconds={str(k): v for k, v in cpus.items()}, cpu_ratio=round(cpu_ratio, 3),
                       load_before=load_before, load_after=load_after)

        memory = {}
        for factor in () if args.no_memory else (1, 2, 4):
            scaled = tmp / f"in{factor}.jsonl"
            mb = write_input(scaled, texts, args.docs * factor) / 2**20
            seconds, peak, _ = run_batch(scaled, tmp / "out.jsonl", 2)
            memory[factor] = peak
            print(f"  {factor}x input ({args.docs * factor} docs, {mb:.0f} MB): peak RSS {peak:.0f} MB "
                  f"(parent + 2 workers), {seconds:.1f} s")
        if memory:
            growth = memory[4] / memory[1]
            print(f"peak memory: {max(memory.values()):.0f} MB (goal < {MEMORY_GOAL_MB}); "
                  f"4x input / 1x input: {growth:.2f}")
            results.update(input_mb=size / 2**20, peak_rss_mb={str(k): round(v, 1) for k, v in memory.items()},
                           memory_growth_4x=round(growth, 3))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
