"""Train the HTML block classifier, measure it on held-out sites, and write the shipped weights.

    python train/train_blocks.py --set NAME HTML.jsonl.gz GOLD.jsonl.gz [--set ...] \
        [--holdout NAME HTML.jsonl.gz GOLD.jsonl.gz] [--out cleaner/models/blocks.npz] \
        [--folds 5] [--cache FILE] [--preds FILE.jsonl] [--fold-models DIR] [--max-rows N] \
        [--ensemble N] [--seed N] [--trees] [--iterations N]

Every page is parsed and extracted as the HTML path does (trafilatura's gears), then every block
of the whole page gets its DOM features (cleaner/html/blocks.py) and a label from aligning the
blocks to the gold body (train/align.py). Pages are grouped by site (URL host) and
cross-validated by group, so a figure for a page always comes from a model that never saw that
site. Stage two learns from stage-one verdicts that are themselves out-of-fold (an inner split of
the training folds). A held-out page's body is its kept blocks in page order, scored with word F1
and shingle F1 (cleaner/evaluate.py, which agrees with the benchmark's scorer) beside the
extraction alone on the same pages. `--holdout` sets are never trained on: they are scored with
the model trained on every `--set` page. Finally both stages are trained on every `--set` page
and saved. With `--ensemble N` each stage is the average of N networks from seeds SEED, SEED+1,
..., each fitted on its own random sample of blocks, merged into one network (train/fit.py).
With `--trees` stage one is gradient-boosted trees instead (`fit.fit_trees`, saved
with a `kind` key so `BlockModel.load` reads either): measured, not shipped (train/README.md).
"""
from __future__ import annotations

import argparse
import gzip
import json
import pickle
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np
from sklearn.model_selection import GroupKFold

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fit import fit_ensemble, fit_trees  # noqa: E402
from align import matched_share  # noqa: E402

from cleaner.evaluate import score  # noqa: E402
from cleaner.html.blocks import page_blocks, stacked  # noqa: E402
from cleaner.html.classifier import BlockModel, THRESHOLD  # noqa: E402
from cleaner.html.extract import extraction, read_page  # noqa: E402
from cleaner.forest import Forest  # noqa: E402
from cleaner.model import Mlp  # noqa: E402

SEED = 20240601
HIDDEN = {"first": (32, 16), "second": (16,)}
EPOCHS = 10
L2 = 1e-4
INNER_FOLDS = 2
# Stage one trains on at most this many blocks, drawn at random: a page has hundreds of blocks and
# the whole set over a million, more than the network needs and slow to fit.
MAX_ROWS = 80_000
# Each stage averages this many networks (`--ensemble`): one network's verdict on a site it never
# saw moves with its seed more than with any change of recipe tried. The shipped model averages 3.
ENSEMBLE = 3
# `--trees`: stage one fitted as gradient-boosted trees instead (sklearn's
# HistGradientBoostingClassifier; no early stopping, seeded), on at most TREE_ROWS blocks.
TREES = {"iterations": 300, "leaves": 31, "rate": 0.1}
TREE_ROWS = 500_000
TREE_STAGES: tuple[str, ...] = ()
# A block is body when at least this share of its tokens aligns to the gold body.
BODY_SHARE = 0.5


def read_jsonl(path: str) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def prepare_page(args: tuple[str, str, str, str]) -> dict:
    """One page's block features, labels and texts, and the extraction's own body."""
    html, url, gold, _ = args
    tree, _, declared = read_page(html)   # the tree extract() classifies, furniture out
    kept, _, _ = extraction(tree, url, declared)
    blocks = page_blocks(tree, kept, declared.types)
    share, counts = matched_share(blocks.texts, gold) if blocks.texts else (np.zeros(0), np.zeros(0))
    return {"x": blocks.features.astype(np.float32), "y": (share >= BODY_SHARE).astype(np.int8),
            "w": np.maximum(counts, 1).astype(np.float32), "texts": blocks.texts,
            "base": "\n".join(kept)}


def load_set(name: str, html_path: str, gold_path: str, workers: int) -> list[dict]:
    gold = {str(g["id"]): g for g in read_jsonl(gold_path)}
    pages = [r for r in read_jsonl(html_path) if str(r["id"]) in gold]
    jobs = [(r["html"], r.get("url"), gold[str(r["id"])]["body"], str(r["id"])) for r in pages]
    with ProcessPoolExecutor(workers) as pool:
        prepared = list(pool.map(prepare_page, jobs, chunksize=4))
    for r, p in zip(pages, prepared):
        g = gold[str(r["id"])]
        p.update(set=name, id=str(r["id"]), site=urlsplit(r.get("url") or "").hostname or str(r["id"]),
                 gold=g["body"], type=g.get("type") or "article")
    return prepared


def fit_stage(x: np.ndarray, y: np.ndarray, w: np.ndarray, stage: str) -> Mlp | Forest:
    if stage in TREE_STAGES:
        return fit_trees(x, y, w, **TREES, seed=SEED, max_rows=TREE_ROWS)
    return fit_mlp(x, y, w, HIDDEN[stage])


def fit_mlp(x: np.ndarray, y: np.ndarray, w: np.ndarray, hidden: tuple[int, ...]) -> Mlp:
    return fit_ensemble(x, y, w, hidden, epochs=EPOCHS, l2=L2, max_rows=MAX_ROWS,
                        seeds=tuple(SEED + k for k in range(ENSEMBLE)))


def configure(max_rows: int, ensemble: int, seed: int, trees: tuple[str, ...] = (),
              iterations: int = TREES["iterations"]) -> None:
    """Change how many blocks a network fits (`--max-rows`), how many networks a stage averages
    (`--ensemble`), the first seed (`--seed`), which stages are trees (`--trees`) and how many
    (`--iterations`)."""
    global MAX_ROWS, ENSEMBLE, SEED, TREE_STAGES
    MAX_ROWS, ENSEMBLE, SEED, TREE_STAGES = max_rows, ensemble, seed, trees
    TREES["iterations"] = iterations


def rows(pages: list[dict], key: str = "x"):
    return (np.vstack([p[key] for p in pages]), np.concatenate([p["y"] for p in pages]),
            np.concatenate([p["w"] for p in pages]))


def train_model(pages: list[dict]) -> BlockModel:
    """Stage one on all pages; stage two on stage-one verdicts from an inner split by site."""
    groups = np.array([p["site"] for p in pages])
    oof: dict[int, np.ndarray] = {}
    for inner_train, inner_test in GroupKFold(INNER_FOLDS).split(pages, groups=groups):
        first = fit_stage(*rows([pages[i] for i in inner_train]), "first")
        for i in inner_test:
            oof[i] = first.proba(pages[i]["x"].astype(np.float64))
    first = fit_stage(*rows(pages), "first")
    stacked_x = np.vstack([stacked(oof[i]) for i in range(len(pages))])
    _, y, w = rows(pages)
    second = fit_stage(stacked_x, y, w, "second")
    return BlockModel(first=first, second=second)


def predict(model: BlockModel, page: dict) -> str:
    if not page["texts"]:
        return ""
    keep = model.proba(page["x"].astype(np.float64)) >= THRESHOLD
    return "\n".join(t for t, k in zip(page["texts"], keep) if k)


def report(label: str, pages: list[dict], preds: dict[str, str]) -> None:
    gold = [{"id": p["set"] + p["id"], "body": p["gold"]} for p in pages]
    base = {p["set"] + p["id"]: p["base"] for p in pages}
    types = sorted({p["type"] for p in pages})
    for kind in ["all"] + (types if len(types) > 1 else []):
        sub = [g for g, p in zip(gold, pages) if kind == "all" or p["type"] == kind]
        m, b = score(sub, preds), score(sub, base)
        print(f"{label:10} {kind:14} pages={len(sub):5}  classifier word={m['word']['f1']:.3f} "
              f"shingle={m['shingle']['f1']:.3f}  | extraction word={b['word']['f1']:.3f} "
              f"shingle={b['shingle']['f1']:.3f}", flush=True)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", nargs=3, action="append", metavar=("NAME", "HTML", "GOLD"), required=True)
    ap.add_argument("--holdout", nargs=3, action="append", default=[], metavar=("NAME", "HTML", "GOLD"))
    ap.add_argument("--out", default="cleaner/models/blocks.npz")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--max-rows", type=int, default=MAX_ROWS,
                    help=f"a network fits at most this many blocks, drawn at random ({MAX_ROWS:,})")
    ap.add_argument("--ensemble", type=int, default=ENSEMBLE,
                    help=f"networks averaged a stage, seeds SEED, SEED+1, ... ({ENSEMBLE})")
    ap.add_argument("--seed", type=int, default=SEED, help=f"the first network's seed ({SEED})")
    ap.add_argument("--trees", action="store_true",
                    help="fit stage one as gradient-boosted trees, not perceptrons")
    ap.add_argument("--iterations", type=int, default=TREES["iterations"],
                    help=f"how many trees with --trees ({TREES['iterations']})")
    ap.add_argument("--cache", help="pickle of the prepared pages: read when present, else written")
    ap.add_argument("--fold-models", metavar="DIR",
                    help="also save each fold's model as DIR/foldK.npz, for train/score_block_folds.py")
    ap.add_argument("--preds", help="also write the held-out bodies (JSONL: set, id, type, "
                                    "classifier, extraction) here, to study choices between them")
    args = ap.parse_args(argv)
    configure(args.max_rows, args.ensemble, args.seed, ("first",) if args.trees else (), args.iterations)

    start = time.time()
    if args.cache and Path(args.cache).exists():
        with open(args.cache, "rb") as f:
            train, held = pickle.load(f)
    else:
        train = [p for s in args.set for p in load_set(*s, args.workers)]
        held = [p for s in args.holdout for p in load_set(*s, args.workers)]
        if args.cache:
            with open(args.cache, "wb") as f:
                pickle.dump((train, held), f)
    print(f"prepared {len(train)} + {len(held)} pages in {time.time() - start:.0f} s", flush=True)

    groups = np.array([p["site"] for p in train])
    preds: dict[str, str] = {}
    probas: dict[str, list[float]] = {}
    for fold, (tr, te) in enumerate(GroupKFold(args.folds).split(train, groups=groups)):
        model = train_model([train[i] for i in tr])
        if args.fold_models:
            Path(args.fold_models).mkdir(parents=True, exist_ok=True)
            model.save(Path(args.fold_models) / f"fold{fold}.npz")
        for i in te:
            key = train[i]["set"] + train[i]["id"]
            preds[key] = predict(model, train[i])
            if args.preds and train[i]["texts"]:
                probas[key] = model.proba(train[i]["x"].astype(np.float64)).round(3).tolist()
        print(f"fold {fold + 1}/{args.folds} done at {time.time() - start:.0f} s", flush=True)
    for name in dict.fromkeys(p["set"] for p in train):
        report(name + " cv", [p for p in train if p["set"] == name], preds)

    if args.preds:
        with open(args.preds, "w", encoding="utf-8") as f:
            for p in train:
                f.write(json.dumps({"set": p["set"], "id": p["id"], "type": p["type"], "site": p["site"],
                                    "classifier": preds[p["set"] + p["id"]],
                                    "extraction": p["base"], "texts": p["texts"],
                                    "proba": probas.get(p["set"] + p["id"], [])}) + "\n")
    model = train_model(train)
    if held:
        held_preds = {p["set"] + p["id"]: predict(model, p) for p in held}
        if args.preds:
            with open(args.preds, "a", encoding="utf-8") as f:
                for p in held:
                    proba = model.proba(p["x"].astype(np.float64)).round(3).tolist() if p["texts"] else []
                    f.write(json.dumps({"set": p["set"], "id": p["id"], "type": p["type"],
                                        "site": p["site"], "classifier": held_preds[p["set"] + p["id"]],
                                        "extraction": p["base"], "texts": p["texts"],
                                        "proba": proba}) + "\n")
        for name in dict.fromkeys(p["set"] for p in held):
            report(name + " held", [p for p in held if p["set"] == name], held_preds)
    model.save(args.out)
    print(f"wrote {args.out} ({Path(args.out).stat().st_size // 1024} kB) at {time.time() - start:.0f} s")


if __name__ == "__main__":
    main()
