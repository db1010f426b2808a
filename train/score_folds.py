"""Score the current pipeline on every fold's held-out pages with that fold's saved model.

    python train/score_folds.py --set NAME TEXT.jsonl.gz GOLD.jsonl.gz [--set ...] --preds DIR \
        [--scorer score.py] [--redump-dir DIR --redumps DUMPER...]

`train_lines.py` saves each fold's model in its predictions folder (`foldK.npz`). This script
rebuilds the same site-grouped folds, cleans each held-out page (as dumped, the no-blank-line and
hard-wrapped variants, and the named re-dumps) with the full pipeline as it is now, reflow and
decision rule included, and scores them with the benchmark's scorer: a change to the decision
rule, the reflow or a cleaner after the classifier is measured held out in a few minutes, without
retraining. A change to a cleaner before the classifier needs a retrain (the model reads its drops).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
from sklearn.model_selection import GroupKFold

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import train_lines as T  # noqa: E402

from cleaner.cleaners.classifier import LineClassifier  # noqa: E402
from cleaner.document import Document  # noqa: E402
from cleaner.model import LineModel  # noqa: E402
from cleaner.options import Options  # noqa: E402
from cleaner.pipeline import Pipeline  # noqa: E402
from cleaner.reflow import reflow  # noqa: E402


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", nargs=3, action="append", metavar=("NAME", "TEXT", "GOLD"), required=True)
    ap.add_argument("--preds", required=True, help="train_lines.py's predictions folder (foldK.npz)")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--scorer", help="the benchmark's score.py")
    ap.add_argument("--redump-dir")
    ap.add_argument("--redumps", nargs="*", default=[], metavar="DUMPER")
    args = ap.parse_args(argv)
    pages = T.load_pages(args.set, args.redump_dir, args.redumps)
    site_ids = {s: k for k, s in enumerate(sorted({p.site for p in pages}))}
    groups = np.array([site_ids[p.site] for p in pages])
    variants = list(T.EVAL_VARIANTS) + list(T.AUGMENTATIONS)
    variants += [v + T.CROP for v in variants]  # the seed offsets train_lines.py gives each variant
    scored = (*T.EVAL_VARIANTS, *args.redumps)
    before, after = T._split_at_classifier()
    preds: dict[tuple[str, str, str], str] = {}
    folds = GroupKFold(args.folds).split(np.zeros(len(pages)), groups=groups)
    for k, (_, held) in enumerate(folds):
        path = Path(args.preds) / f"fold{k}.npz"
        if not path.exists():
            continue
        pipeline = Pipeline([*before, LineClassifier(LineModel.load(path)), *after])
        for i in held:
            page = pages[i]
            for variant in scored:
                text = page.dump(variant)
                if variant in T.EVAL_VARIANTS[1:]:   # the same variant train_lines.py scored
                    seed = T.SEED + 7919 * i + variants.index(variant)
                    text = T.augment(text, variant, np.random.default_rng(seed))
                doc = pipeline.run(Document.from_text(reflow(text)), Options())
                preds[(page.set, page.id, variant)] = doc.body()
    evaluated = {(s, pid) for s, pid, _ in preds}
    held_pages = [p for p in pages if (p.set, p.id) in evaluated]
    out_dir = Path(args.preds) / "current"
    out_dir.mkdir(exist_ok=True)
    for set_name in dict.fromkeys(p.set for p in held_pages):
        for variant in scored:
            T.score(args.scorer, held_pages, preds, set_name, variant, out_dir, variant == "original")


if __name__ == "__main__":
    main()
