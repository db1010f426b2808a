"""Does the HTML path still give the same answers? A guard for speed work on `kind="html"`.

    python bench/html_equivalence.py --write REF [--bench DIR] [--sets aeb wcxb-dev] [--limit N]
    python bench/html_equivalence.py --check REF [...same options]

`--write` cleans every page's HTML with the generic pipeline (`Cleaner(site_rules=False)`) and
saves REF.jsonl.gz: body, title, description, and every removal's cleaner, rule, index and text.
`--check` does the same on the current code and reports every difference; all must match
exactly. Exit status 1 when anything differs.

Keep REF outside the repository: it is made from the benchmark pages, which are not ours to ship.
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # compare this checkout's cleaner, whatever the venv points at

from cleaner import Cleaner  # noqa: E402

DEFAULT_BENCH = ROOT.parent / "shared" / "bench"
SETS = ("aeb", "wcxb-dev")
FIELDS = ("text", "title", "description", "removed")


def run(bench: Path, sets, limit: int | None) -> list[dict]:
    """Every page's result under the current code."""
    cleaner = Cleaner(site_rules=False)
    records = []
    for name in sets:
        with gzip.open(bench / f"{name}.html.jsonl.gz", "rt", encoding="utf-8") as f:
            for n, line in enumerate(f):
                if limit and n >= limit:
                    break
                rec = json.loads(line)
                result = cleaner.clean(rec.get("html") or "", url=rec.get("url"), kind="html")
                records.append({"key": f"{name}/{rec['id']}", "text": result.text,
                                "title": result.title, "description": result.description,
                                "removed": [[r.cleaner, r.rule, r.index, r.text]
                                            for r in result.removed]})
    return records


def compare(ref_records: list[dict], records: list[dict]) -> list[str]:
    """One line per difference."""
    problems = []
    ref = {r["key"]: r for r in ref_records}
    now = {r["key"]: r for r in records}
    if now.keys() - ref.keys():  # a run over fewer sets or pages checks just those
        problems.append(f"{len(now.keys() - ref.keys())} pages are not in the reference")
    for key in sorted(ref.keys() & now.keys()):
        problems += [f"{key}: {field} differs" for field in FIELDS if ref[key][field] != now[key][field]]
    return problems


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = p.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", type=Path, metavar="REF", help="save the current answers as REF.jsonl.gz")
    mode.add_argument("--check", type=Path, metavar="REF", help="compare the current answers with REF.jsonl.gz")
    p.add_argument("--bench", type=Path, default=DEFAULT_BENCH, help="folder with NAME.html.jsonl.gz")
    p.add_argument("--sets", nargs="+", default=list(SETS), metavar="NAME")
    p.add_argument("--limit", type=int, default=None, metavar="N", help="first N pages of each set")
    args = p.parse_args(argv)
    records = run(args.bench, args.sets, args.limit)
    if args.write:
        with gzip.open(f"{args.write}.jsonl.gz", "wt", encoding="utf-8") as f:
            for r in records:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"wrote {len(records)} results to {args.write}.jsonl.gz")
        return 0
    with gzip.open(f"{args.check}.jsonl.gz", "rt", encoding="utf-8") as f:
        ref_records = [json.loads(line) for line in f]
    problems = compare(ref_records, records)
    for line in problems[:50]:
        print(line)
    if len(problems) > 50:
        print(f"... and {len(problems) - 50} more")
    print(f"{len(records)} pages checked, {len(problems)} differences")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
