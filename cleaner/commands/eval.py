"""`cleaner eval`: clean a set of pages and score the bodies against human-checked ones with both
published metrics (ScrapingHub's shingle F1 and WCXB's word F1), so rule authors and users can
measure a change on their own data. Pages are cleaned one at a time in this process so the
ms/page figure is the cost of one page on one core."""
from __future__ import annotations

import argparse
import sys
import time

from .args import UsageError, files_after_disable, make_cleaner

# Metrics in the order they are printed, with their labels.
_METRICS = (("shingle", "shingle F1"), ("word", "word F1"))


def register(sub, common: argparse.ArgumentParser) -> None:
    e = sub.add_parser("eval", parents=[common], help="clean pages and score them against gold bodies",
                       description="Clean INPUT (JSONL records {id, url, html|text}) and score the "
                                   "bodies against GOLD (JSONL records {id, body, type?}) with shingle "
                                   "F1 and word F1; a gold page with no input counts as empty output.")
    e.add_argument("paths", nargs="*", metavar="INPUT GOLD",
                   help="pages to clean (JSONL, optionally .gz), then their expected bodies "
                        "(JSONL with id and body, optionally .gz)")
    e.add_argument("--by-type", action="store_true", help="also score each page type the gold names")
    e.add_argument("--out", metavar="OUT", help="also write the cleaned records (id, text) to OUT")
    e.set_defaults(func=run)


def clean_all(cleaner, records) -> tuple[dict[str, str], float, int]:
    """Cleaned bodies by id, the seconds spent cleaning, and how many records could not be used."""
    bodies: dict[str, str] = {}
    seconds, failed = 0.0, 0
    for record in records:
        if record.error is not None:
            failed += 1
            continue
        start = time.perf_counter()
        result = cleaner.clean(record.content, url=record.url, site=record.site, kind=record.kind,
                               date=record.date)
        seconds += time.perf_counter() - start
        bodies[str(record.id)] = result.text
    return bodies, seconds, failed


def run(args: argparse.Namespace) -> int:
    from ..evaluate import score, score_by_type
    from ..io import jsonl
    from ..io.inputs import refuse_truncated

    paths = args.paths + files_after_disable(args)
    if len(paths) != 2:
        raise UsageError("expected INPUT and GOLD (see 'cleaner eval --help')")
    cleaner = make_cleaner(args)
    gold = jsonl.read_bodies(paths[1])
    bodies, seconds, failed = clean_all(cleaner, refuse_truncated(jsonl.read_records(paths[0])))
    if args.out:
        with jsonl.open_writer(args.out) as out:
            for rid, text in bodies.items():
                out.write(jsonl.dumps({"id": rid, "text": text}) + "\n")
    results = score_by_type(gold, bodies) if args.by_type else {"all": score(gold, bodies)}
    out = sys.stdout
    for name, r in results.items():
        cells = "  ".join(f"{label}={r[key]['f1']:.3f} (P={r[key]['p']:.3f} R={r[key]['r']:.3f})"
                          for key, label in _METRICS)
        out.write(f"{name:14} pages={r['pages']:5}  {cells}\n")
    cleaned = len(bodies)
    per_page = 1000 * seconds / cleaned if cleaned else 0.0
    out.write(f"cleaned {cleaned} pages in {seconds:.2f} s: {per_page:.1f} ms/page")
    out.write(f"; {failed} unusable input records\n" if failed else "\n")
    missing = sum(1 for g in gold if str(g["id"]) not in bodies)
    if missing:
        out.write(f"{missing} gold pages had no cleaned input and count as empty output\n")
    out.flush()
    return 0
