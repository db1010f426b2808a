"""Quality and speed of `cleaner` on text dumps, against trafilatura's time on the same pages' HTML.

    python bench/text_speed_quality.py [--bench DIR] [--limit N] [--sets aeb wcxb-dev] [--json FILE]

One run, one process, one core. For each benchmark set it cleans every page's text dump
(`kind="text"`) and scores the bodies with the set's reference scorer (`score.py` in the bench
folder, imported from there, not copied). Timing is interleaved page by page: clean page i's text,
then run `trafilatura.extract` on page i's HTML, then page i+1, so drifts in machine load fall on
both sides equally. The ratio is also given from CPU time (`time.process_time`), which other
processes sharing the core do not inflate. The ratio cleaner/trafilatura is the speed goal (<= 0.05: twenty times faster).

Interleaving is the harder setting for cleaner: each of its pages starts with caches and the
allocator as trafilatura's much bigger working set left them. `--order blocks` times each tool
over the whole set in turn instead (cleaner, trafilatura, cleaner, trafilatura: two rounds, so a
drift in load falls on both), as a caller does who runs one tool over a dump; cleaner then keeps
its own data warm, and the ratio is lower. Both are reported in README.md.

The bench folder defaults to `../shared/bench` beside the repository.
"""
from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BENCH = ROOT.parent / "shared" / "bench"
SETS = ("aeb", "wcxb-dev")
SPEED_GOAL = 0.05  # cleaner ms/page over trafilatura ms/page


def load_scorer(bench: Path):
    """The bench folder's own score.py, imported by path."""
    path = bench / "score.py"
    spec = importlib.util.spec_from_file_location("bench_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_jsonl(path: Path, limit_ids: set[str] | None = None) -> dict[str, dict]:
    """Records by id (optionally only those ids), streamed so a limit keeps memory small."""
    out: dict[str, dict] = {}
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            rec = json.loads(line)
            rid = str(rec["id"])
            if limit_ids is None or rid in limit_ids:
                out[rid] = rec
    return out


def load_set(bench: Path, name: str, limit: int | None):
    """Gold rows (in file order, first `limit`) and the matching text dumps and HTML pages."""
    gold = []
    with gzip.open(bench / f"{name}.gold.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                gold.append(json.loads(line))
                if limit and len(gold) >= limit:
                    break
    ids = {str(g["id"]) for g in gold}
    texts = read_jsonl(bench / f"{name}.text.jsonl.gz", ids)
    htmls = read_jsonl(bench / f"{name}.html.jsonl.gz", ids)
    return gold, texts, htmls


def run_set(name: str, gold: list[dict], texts: dict, htmls: dict, scorer, cleaner, extract,
            order: str = "interleaved") -> dict:
    pages = [(str(g["id"]), texts.get(str(g["id"]), {}).get("text") or "",
              htmls.get(str(g["id"]), {}).get("html") or "", g.get("url")) for g in gold]
    ours_tool = lambda page: cleaner.clean(page[1], url=page[3], kind="text").text  # noqa: E731
    theirs_tool = lambda page: (extract(page[2], url=page[3]) or "") if page[2] else ""  # noqa: E731
    if order == "blocks":
        ours, ours_cpu, preds = _timed_rounds(ours_tool, pages)
        theirs, theirs_cpu, traf_preds = _timed_rounds(theirs_tool, pages, before=ours_tool)
    else:
        ours, theirs, ours_cpu, theirs_cpu, preds, traf_preds = _interleaved(ours_tool, theirs_tool, pages)
    quality = scorer.score(gold, preds)
    traf_quality = scorer.score(gold, traf_preds)
    ours_ms, theirs_ms = statistics.mean(ours or [0.0]), statistics.mean(theirs or [0.0])
    return {
        "set": name,
        "pages": len(gold),
        "shingle_f1": quality["shingle"]["f1"],
        "word_f1": quality["word"]["f1"],
        "cleaner_ms": ours_ms,
        "cleaner_median_ms": statistics.median(ours or [0.0]),
        "trafilatura_ms": theirs_ms,
        "trafilatura_median_ms": statistics.median(theirs or [0.0]),
        "ratio": ours_ms / theirs_ms if theirs_ms else float("nan"),
        "cpu_ratio": ours_cpu / theirs_cpu if theirs_cpu else float("nan"),
        "trafilatura_html_shingle_f1": traf_quality["shingle"]["f1"],
        "trafilatura_html_word_f1": traf_quality["word"]["f1"],
        "missing_text": sum(str(g["id"]) not in texts for g in gold),
        "missing_html": sum(str(g["id"]) not in htmls for g in gold),
    }


def _interleaved(ours_tool, theirs_tool, pages):
    """Page by page: cleaner on page i's text, then trafilatura on its HTML, then page i+1."""
    preds, traf_preds, ours, theirs = {}, {}, [], []
    ours_cpu = theirs_cpu = 0.0
    clock, cpu = time.perf_counter, time.process_time
    for page in pages:
        c0, t0 = cpu(), clock()
        preds[page[0]] = ours_tool(page)
        c1, t1 = cpu(), clock()
        traf_preds[page[0]] = theirs_tool(page)
        c2, t2 = cpu(), clock()
        ours.append((t1 - t0) * 1000)
        theirs.append((t2 - t1) * 1000)
        ours_cpu += c1 - c0
        theirs_cpu += c2 - c1
    return ours, theirs, ours_cpu, theirs_cpu, preds, traf_preds


def _timed_rounds(tool, pages, rounds: int = 2, before=None):
    """`tool` over every page, `rounds` times (after `before` over every page, from the second
    round on, so both tools' rounds alternate): each page's mean wall ms, the CPU seconds of one
    round on average, and the outputs."""
    clock, cpu = time.perf_counter, time.process_time
    ms = [0.0] * len(pages)
    cpu_total, outputs = 0.0, {}
    for r in range(rounds):
        if before is not None and r:
            for page in pages:
                before(page)
        for k, page in enumerate(pages):
            c0, t0 = cpu(), clock()
            outputs[page[0]] = tool(page)
            ms[k] += (clock() - t0) * 1000 / rounds
            cpu_total += (cpu() - c0) / rounds
    return ms, cpu_total, outputs


def print_table(rows: list[dict]) -> None:
    head = f"{'set':<10} {'pages':>5} {'shingle F1':>10} {'word F1':>8} {'cleaner ms':>10} " \
           f"{'trafil. ms':>10} {'ratio':>6} {'cpu ratio':>9}   {'trafil. (HTML) shingle/word F1':>30}"
    print(head)
    print("-" * len(head))
    for r in rows:
        print(f"{r['set']:<10} {r['pages']:>5} {r['shingle_f1']:>10.3f} {r['word_f1']:>8.3f} "
              f"{r['cleaner_ms']:>10.2f} {r['trafilatura_ms']:>10.2f} {r['ratio']:>6.3f} {r['cpu_ratio']:>9.3f}   "
              f"{r['trafilatura_html_shingle_f1']:>19.3f} / {r['trafilatura_html_word_f1']:.3f}")
    print(f"ms are means per page; ratio = cleaner/trafilatura, goal <= {SPEED_GOAL}; cpu ratio is the same "
          "from CPU time, steadier when other work shares the core")


def pin_to_one_core() -> int | None:
    """Run on a single CPU so the timing is of one core, as the goal is stated."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return cpu


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--bench", type=Path, default=DEFAULT_BENCH, help="folder with the sets and score.py")
    p.add_argument("--limit", type=int, default=None, metavar="N", help="first N pages of each set")
    p.add_argument("--sets", nargs="+", default=list(SETS), metavar="NAME")
    p.add_argument("--json", type=Path, metavar="FILE", help="also save the results as JSON")
    p.add_argument("--order", choices=("interleaved", "blocks"), default="interleaved",
                   help="page by page (default), or each tool over the whole set in turn")
    args = p.parse_args(argv)
    if not (args.bench / "score.py").is_file():
        p.error(f"no benchmark folder at {args.bench} (expected score.py and NAME.*.jsonl.gz); use --bench")

    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    cpu = pin_to_one_core()

    import trafilatura
    sys.path.insert(0, str(ROOT))  # measure this checkout's cleaner, whatever the venv points at
    from cleaner import Cleaner

    scorer = load_scorer(args.bench)
    cleaner = Cleaner()
    # Warm both up (lazy imports, compiled patterns, models) so the first page is not charged for it.
    cleaner.clean("Warm up.\n\nA line of text to clean.", kind="text")
    trafilatura.extract("<html><body><p>Warm up paragraph for the extractor.</p></body></html>")

    rows = []
    for name in args.sets:
        gold, texts, htmls = load_set(args.bench, name, args.limit)
        rows.append(run_set(name, gold, texts, htmls, scorer, cleaner, trafilatura.extract, args.order))
    print_table(rows)
    if args.json:
        meta = {"python": sys.version.split()[0], "trafilatura": trafilatura.__version__, "cpu": cpu,
                "limit": args.limit, "order": args.order}
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"meta": meta, "results": rows}, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
