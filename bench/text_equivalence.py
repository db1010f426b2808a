"""Does the text path still give the same answers? A guard for speed work on `kind="text"`.

    python bench/text_equivalence.py --write REF [--bench DIR] [--sets aeb wcxb-dev] [--limit N]
    python bench/text_equivalence.py --check REF [...same options] [--exact]

`--write` cleans every page's text dump with the generic pipeline (`Cleaner(site_rules=False)`),
as dumped and once more with its blank lines removed (another dumper's layout, which exercises
the gap features), and saves REF.jsonl.gz (body, title, description, and every removal's
cleaner, rule, index and text) and REF.npz (the line model's first- and second-stage
probabilities of every line, and the first-stage features of every fourth page). `--check` does
the same on the current code and reports every difference: bodies and titles must match exactly;
features and probabilities to float32 precision, so the shipped model stays valid (`--exact`: to
the bit, for a change meant to leave the arithmetic as it was). Exit status 1 when anything differs.

Keep REF outside the repository: it is made from the benchmark pages, which are not ours to ship.
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # compare this checkout's cleaner, whatever the venv points at

from cleaner import Cleaner  # noqa: E402
from cleaner.cleaners.classifier import stage_probabilities  # noqa: E402
from cleaner.features import line_features  # noqa: E402
from cleaner.model import shipped_model  # noqa: E402

DEFAULT_BENCH = ROOT.parent / "shared" / "bench"
SETS = ("aeb", "wcxb-dev")
# Features are saved for every this-many-th page (all pages would be some hundred megabytes).
FEATURE_EVERY = 4
# Probabilities and features agree when they differ by less than this (float32 inference moves
# probabilities by about 1e-6).
ATOL, RTOL = 1e-5, 1e-5


def variants(text: str) -> dict[str, str]:
    """The page as dumped, and without blank lines."""
    return {"dumped": text, "noblank": "\n".join(line for line in text.splitlines() if line.strip())}


def pages(bench: Path, sets, limit: int | None):
    for name in sets:
        with gzip.open(bench / f"{name}.text.jsonl.gz", "rt", encoding="utf-8") as f:
            for n, line in enumerate(f):
                if limit and n >= limit:
                    break
                rec = json.loads(line)
                yield name, n, rec


def run(bench: Path, sets, limit: int | None) -> tuple[list[dict], dict[str, np.ndarray]]:
    """Every page's result and arrays under the current code."""
    full = Cleaner(site_rules=False)
    before_classifier = Cleaner(site_rules=False, disable=["classifier"])
    model = shipped_model()
    records, arrays = [], {}
    for name, n, rec in pages(bench, sets, limit):
        for variant, text in variants(rec.get("text") or "").items():
            key = f"{name}/{rec['id']}/{variant}"
            result = full.clean(text, url=rec.get("url"), kind="text")
            records.append({"key": key, "text": result.text, "title": result.title,
                            "description": result.description,
                            "removed": [[r.cleaner, r.rule, r.index, r.text] for r in result.removed]})
            doc = before_classifier.clean(text, url=rec.get("url"), kind="text").document
            if doc is None or not len(doc):
                continue
            p1, p2, _ = stage_probabilities(doc, model)
            arrays[f"{key}/p1"] = p1.astype(np.float32)
            arrays[f"{key}/p2"] = p2.astype(np.float32)
            if n % FEATURE_EVERY == 0:
                arrays[f"{key}/features"] = line_features(doc, model.lexicon)[0].astype(np.float32)
    return records, arrays


def compare(ref_records, ref_arrays, records, arrays, exact: bool = False) -> list[str]:
    """One line per difference (`exact`: arrays must be equal to the bit, not to float32 precision)."""
    problems = []
    ref = {r["key"]: r for r in ref_records}
    now = {r["key"]: r for r in records}
    if now.keys() - ref.keys():  # a run over fewer sets or pages checks just those
        problems.append(f"{len(now.keys() - ref.keys())} pages are not in the reference")
    for key in sorted(ref.keys() & now.keys()):
        a, b = ref[key], now[key]
        for field in ("text", "title", "description"):
            if a[field] != b[field]:
                problems.append(f"{key}: {field} differs")
        if a["removed"] != b["removed"]:
            problems.append(f"{key}: removals differ: {_first_difference(a['removed'], b['removed'])}")
    pages_now = {k.rsplit("/", 1)[0] for k in arrays} | now.keys()
    ref_arrays = {k: v for k, v in ref_arrays.items() if k.rsplit("/", 1)[0] in pages_now}
    if ref_arrays.keys() != arrays.keys():
        problems.append(f"arrays differ: {sorted(ref_arrays.keys() ^ arrays.keys())[:5]}")
    for key in sorted(ref_arrays.keys() & arrays.keys()):
        x, y = ref_arrays[key], arrays[key]
        if x.shape != y.shape:
            problems.append(f"{key}: shape {x.shape} now {y.shape}")
        elif not (np.array_equal(x, y) if exact else np.allclose(x, y, rtol=RTOL, atol=ATOL)):
            worst = np.unravel_index(np.argmax(np.abs(x - y)), x.shape)
            problems.append(f"{key}: differs most at {worst}: {x[worst]} now {y[worst]}")
    return problems


def _first_difference(a: list, b: list) -> str:
    for x, y in zip(a, b):
        if x != y:
            return f"{x} now {y}"
    return f"{len(a)} removals now {len(b)}"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = p.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", type=Path, metavar="REF", help="save the current answers as REF.*")
    mode.add_argument("--check", type=Path, metavar="REF", help="compare the current answers with REF.*")
    p.add_argument("--bench", type=Path, default=DEFAULT_BENCH, help="folder with NAME.text.jsonl.gz")
    p.add_argument("--sets", nargs="+", default=list(SETS), metavar="NAME")
    p.add_argument("--limit", type=int, default=None, metavar="N", help="first N pages of each set")
    p.add_argument("--exact", action="store_true",
                   help="with --check: features and probabilities must match to the bit")
    args = p.parse_args(argv)
    records, arrays = run(args.bench, args.sets, args.limit)
    if args.write:
        with gzip.open(f"{args.write}.jsonl.gz", "wt", encoding="utf-8") as f:
            for r in records:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        np.savez_compressed(f"{args.write}.npz", **arrays)
        print(f"wrote {len(records)} results and {len(arrays)} arrays to {args.write}.*")
        return 0
    with gzip.open(f"{args.check}.jsonl.gz", "rt", encoding="utf-8") as f:
        ref_records = [json.loads(line) for line in f]
    with np.load(f"{args.check}.npz") as data:
        ref_arrays = {k: data[k] for k in data.files}
    problems = compare(ref_records, ref_arrays, records, arrays, exact=args.exact)
    for line in problems[:50]:
        print(line)
    print(f"{len(records)} results, {len(arrays)} arrays: "
          + (f"{len(problems)} differences" if problems else "identical"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
