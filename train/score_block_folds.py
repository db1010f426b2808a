"""Score the whole HTML pipeline on held-out sites with the block models of train_blocks.py's folds.

    python train/score_block_folds.py --set NAME HTML.jsonl.gz GOLD.jsonl.gz --fold-models DIR \
        [--holdout NAME HTML.jsonl.gz GOLD.jsonl.gz] [--model FILE] [--folds 5] [--out FILE.jsonl]

`train_blocks.py --fold-models DIR` saves each fold's model (`foldK.npz`). This script rebuilds
the same site-grouped folds and cleans each page of a `--set` with the pipeline as it is now (site
rules off: extraction, the classifier's takeover rules, the block cleaners, the thin-body drop),
its block model being the one of the fold that never saw its site; a `--holdout` set's pages are
cleaned with `--model` (default: the shipped one, trained on every `--set` page). The bodies are
scored by page type as `cleaner eval --by-type` scores them, so a change to a rule around the
classifier is measured held out without retraining. `--out` writes every body (set, id, type,
site, text) to compare runs page by page.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np
from sklearn.model_selection import GroupKFold

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from train_blocks import read_jsonl  # noqa: E402

from cleaner import Cleaner  # noqa: E402
from cleaner.evaluate import score_by_type  # noqa: E402
from cleaner.html import extract as extract_module  # noqa: E402
from cleaner.html.classifier import BlockModel, shipped_model  # noqa: E402


def load_set(html_path: str, gold_path: str) -> tuple[list[dict], list[dict]]:
    """The set's input records that have a gold body, in file order (as train_blocks.py reads
    them, so the folds are the same), and the gold records."""
    gold = read_jsonl(gold_path)
    ids = {str(g["id"]) for g in gold}
    return [r for r in read_jsonl(html_path) if str(r["id"]) in ids], gold


def site(record: dict) -> str:
    return urlsplit(record.get("url") or "").hostname or str(record["id"])


def clean_with(model: BlockModel, records: list[dict]) -> dict[str, str]:
    """Each record's cleaned body, the pipeline's block model being `model`."""
    extract_module.shipped_model = lambda: model
    try:
        cleaner = Cleaner(site_rules=False)
        return {str(r["id"]): cleaner.clean(r["html"], url=r.get("url"), kind="html").text
                for r in records}
    finally:
        extract_module.shipped_model = shipped_model


def report(name: str, gold: list[dict], bodies: dict[str, str]) -> None:
    for kind, r in score_by_type(gold, bodies).items():
        print(f"{name:10} {kind:14} pages={r['pages']:5}  word={r['word']['f1']:.4f} "
              f"(P={r['word']['p']:.3f} R={r['word']['r']:.3f})  shingle={r['shingle']['f1']:.4f}",
              flush=True)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", nargs=3, required=True, metavar=("NAME", "HTML", "GOLD"))
    ap.add_argument("--holdout", nargs=3, action="append", default=[], metavar=("NAME", "HTML", "GOLD"))
    ap.add_argument("--fold-models", required=True, help="train_blocks.py's --fold-models folder")
    ap.add_argument("--model", help="the model for --holdout sets (default: the shipped one)")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--out", help="write every cleaned body here (JSONL)")
    args = ap.parse_args(argv)

    name, html_path, gold_path = args.set
    records, gold = load_set(html_path, gold_path)
    types = {(name, str(g["id"])): g.get("type") or "article" for g in gold}
    groups = np.array([site(r) for r in records])
    bodies: dict[str, str] = {}
    for k, (_, held) in enumerate(GroupKFold(args.folds).split(records, groups=groups)):
        model = BlockModel.load(Path(args.fold_models) / f"fold{k}.npz")
        bodies.update(clean_with(model, [records[i] for i in held]))
    report(name + " cv", gold, bodies)
    outputs = [(name, records, bodies)]

    full = BlockModel.load(args.model) if args.model else shipped_model()
    for held_name, held_html, held_gold in args.holdout:
        held_records, held_gold_records = load_set(held_html, held_gold)
        held_bodies = clean_with(full, held_records)
        report(held_name + " held", held_gold_records, held_bodies)
        types.update({(held_name, str(g["id"])): g.get("type") or "article" for g in held_gold_records})
        outputs.append((held_name, held_records, held_bodies))

    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            for set_name, recs, texts in outputs:
                for r in recs:
                    rid = str(r["id"])
                    f.write(json.dumps({"set": set_name, "id": rid, "type": types.get((set_name, rid)),
                                        "site": site(r), "text": texts[rid]}) + "\n")


if __name__ == "__main__":
    main()
