"""Merge block models trained at different seeds into one (a seed bag).

    python train/bag_blocks.py --out OUT.npz MODEL.npz MODEL.npz [...]
    python train/bag_blocks.py --fold-models OUTDIR DIR DIR [...]

Each stage of the bag is `fit.merge` of the members' same stage (one network computing the mean
of every member network's logit), the members' second stages first restandardised to the first
member's (`fit.restandardised`). With `--fold-models`, each DIR is a `train_blocks.py
--fold-models` folder and OUTDIR gets each fold's bag (`foldK.npz`) for `score_block_folds.py`.
train/README.md, "Seed bags and a steadier takeover, round 15", measures bags of two and three
seeds' `train_blocks.py --ensemble 3` models (six and nine networks a stage).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fit import merge, restandardised  # noqa: E402

from cleaner.html.classifier import BlockModel  # noqa: E402


def bag(models: list[BlockModel]) -> BlockModel:
    """One block model whose every stage averages the logits of all `models`' networks."""
    stages = []
    for stage in ("first", "second"):
        members = [getattr(m, stage) for m in models]
        stages.append(merge([restandardised(m, members[0]) for m in members]))
    return BlockModel(first=stages[0], second=stages[1])


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("inputs", nargs="+", help="model files, or with --fold-models fold folders")
    out = ap.add_mutually_exclusive_group(required=True)
    out.add_argument("--out", help="write the bag of the model files here")
    out.add_argument("--fold-models", metavar="OUTDIR", help="bag each fold of the folders")
    args = ap.parse_args(argv)
    if args.out:
        bag([BlockModel.load(p) for p in args.inputs]).save(args.out)
        return
    folds = sorted(p.name for p in Path(args.inputs[0]).glob("fold*.npz"))
    if not folds:
        sys.exit(f"{args.inputs[0]}: no foldK.npz files")
    Path(args.fold_models).mkdir(parents=True, exist_ok=True)
    for name in folds:
        bag([BlockModel.load(Path(d) / name) for d in args.inputs]).save(Path(args.fold_models) / name)


if __name__ == "__main__":
    main()
