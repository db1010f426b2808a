"""Train the line classifier, measure it on held-out sites, and write the shipped weights.

    python train/train_lines.py --set NAME TEXT.jsonl.gz GOLD.jsonl.gz [--set ...] \
        [--scorer score.py] [--out cleaner/models/lines.npz] [--folds 5] [--preds DIR] \
        [--redump-dir DIR --redumps DUMPER... --train-redumps DUMPER...]

Every page goes through the pattern cleaners first (as in the pipeline), then each remaining
line is labelled body or not by aligning it to the gold body (train/align.py). Pages are grouped
by site (URL host) and cross-validated by group, so a figure for a page always comes from a model
that never saw that site. For each held-out fold the two stages are trained as shipped: stage one
on the other folds, stage two on stage-one verdicts that are themselves out-of-fold (an inner
split of the training folds), so stage two learns what stage one's mistakes look like on unseen
pages. The held-out pages are then cleaned by the full pipeline with that fold's model and
scored with the benchmark's scorer. Finally both stages are trained on everything and saved.

Training pages are augmented against dumper quirks: besides each page as dumped, one variant with
the blank lines removed, or with a blank line between every line, or long lines hard-wrapped, or
runs of short lines joined on one line. Held-out figures are also reported for the no-blank-line
and hard-wrapped variants of the held-out pages, a stand-in for dumps made by other tools.

Other tools' dumps of the same pages (train/redump.py: NAME.DUMPER.jsonl.gz in --redump-dir) are
scored held out (--redumps) and may also be trained on (--train-redumps); a dumper scored but
never trained on gives the honest "another dumper" figure.
"""
from __future__ import annotations

import argparse
import copy
import gzip
import json
import os
import pickle
import subprocess
import sys
import tempfile
import textwrap
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

# One BLAS thread: the networks are small, and on a shared two-core machine threaded BLAS made a
# fold take over 20 minutes instead of about 4. Set the variable to override.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np  # noqa: E402
from sklearn.model_selection import GroupKFold  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fit import fit_ensemble  # noqa: E402
from align import labels  # noqa: E402

from cleaner.cleaners import default_cleaners  # noqa: E402
from cleaner.cleaners.classifier import LineClassifier  # noqa: E402
from cleaner.document import Document  # noqa: E402
from cleaner.features import Lexicon, line_features, page_tokens, stacked_features  # noqa: E402
from cleaner.model import LineModel, Mlp  # noqa: E402
from cleaner.options import Options  # noqa: E402
from cleaner.pipeline import Pipeline  # noqa: E402
from cleaner.reflow import reflow  # noqa: E402

SEED = 20240601
# Where the networks' initial weights and row order start (`--network-seed`); the labels and the
# augmentations keep `SEED`, so a labelled-page cache serves runs with any network seed. One
# retrain moves the held-out figures by about 0.005 with the seed alone (train/README.md, round
# textq18): compare recipes over several network seeds each.
NETWORK_SEED = SEED
# Augmentations of training pages (one per page, chosen at random) and their odds.
AUGMENTATIONS = {"no_blank": 0.35, "all_blank": 0.15, "wrap": 0.2, "join_short": 0.15,
                 "no_blank_join": 0.15}
# Share of augmented variants that also lose a random head (and maybe tail) of the page.
CROP_SHARE = 0.35
CROP = "+crop"
# Held-out variants scored besides the pages as dumped.
EVAL_VARIANTS = ("original", "no_blank", "wrap")
# Network shape and training schedule, per stage.
HIDDEN = {"first": (64, 32), "second": (32, 16)}
EPOCHS = 12
L2 = 1e-4
# Each stage averages this many perceptrons trained from different random starts (one network at
# run time, `fit.merge`); the inner models that only make the second stage's training inputs are
# single ones, for time. The shipped model has 3 (train/README.md: steadier on sites and dumpers
# never trained on); 1 trains faster.
ENSEMBLE = 3
# Lines without any word still get this many tokens' worth of weight.
EMPTY_LINE_TOKENS = 1
INNER_FOLDS = 3
# Lexicon: words seen on at least this many pages, at most this many words, smoothing prior.
LEXICON_MIN_PAGES = 25
LEXICON_SIZE = 6000
LEXICON_PRIOR = 5.0


@dataclass
class Page:
    set: str
    id: str
    url: str
    site: str
    text: str
    gold: str
    type: str
    # The same page dumped by other tools (train/redump.py), by dumper name.
    redumps: dict[str, str]

    def dump(self, variant: str) -> str:
        """The text a variant starts from: another dumper's, or this set's own dump."""
        return self.redumps.get(variant, self.text)


@dataclass
class Prepared:
    """A page variant after the pattern cleaners, with its features and line labels."""

    page: int
    variant: str
    doc: Document
    tokens: list[str]  # the page's words, as the lexicon sees them
    token_line: np.ndarray
    lens: np.ndarray   # characters per line
    kept: np.ndarray   # lines the classifier decides
    y: np.ndarray      # body (1) or not, every line
    w: np.ndarray      # training weight, every line (0 where not kept)


def read_jsonl(path: str) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def load_pages(sets: list[list[str]], redump_dir: str | None, dumpers: list[str]) -> list[Page]:
    pages = []
    for name, text_path, gold_path in sets:
        gold = {r["id"]: r for r in read_jsonl(gold_path)}
        redumps = {d: {r["id"]: r["text"] for r in read_jsonl(f"{redump_dir}/{name}.{d}.jsonl.gz")}
                   for d in dumpers}
        for r in read_jsonl(text_path):
            g = gold[r["id"]]
            host = urlsplit(r.get("url") or "").hostname or f"{name}:{r['id']}"
            host = host[4:] if host.startswith("www.") else host
            pages.append(Page(name, r["id"], r.get("url") or "", host, r["text"], g["body"],
                              g.get("type", "article"), {d: redumps[d][r["id"]] for d in dumpers}))
    return pages


# --- augmentation -------------------------------------------------------------------------

def augment(text: str, mode: str, rng: np.random.Generator) -> str:
    lines = text.splitlines()
    if mode.endswith(CROP):
        lines = _crop(lines, rng)
        mode = mode[: -len(CROP)]
    if mode in ("join_short", "no_blank_join"):
        lines = _join_short(lines, rng)
    if mode in ("no_blank", "no_blank_join"):
        lines = [line for line in lines if line.strip()]
    elif mode == "all_blank":
        lines = [part for line in lines if line.strip() for part in (line, "")]
    elif mode == "wrap":
        width = int(rng.integers(60, 101))
        lines = [part for line in lines for part in (textwrap.wrap(line, width) or [""])]
    return "\n".join(lines)


def _crop(lines: list[str], rng: np.random.Generator) -> list[str]:
    """Cut a random head (and sometimes a tail) off the page: this dumper always starts with the
    page's <title> line and ends with its footer, and the model must not learn that."""
    n = len(lines)
    head = int(rng.integers(1, max(2, n // 2)))
    tail = int(rng.integers(0, max(1, n // 4))) if rng.random() < 0.5 else 0
    return lines[head: n - tail] or lines


def _join_short(lines: list[str], rng: np.random.Generator) -> list[str]:
    """Runs of short lines (menu items, tags) printed on one line, as inline-link dumpers do."""
    sep = [" ", " | ", " · ", "  "][int(rng.integers(0, 4))]
    out, run = [], []
    for line in lines + [""]:
        s = line.strip()
        if s and len(s.split()) <= 3 and s[-1] not in ".!?:":
            run.append(s)
            continue
        if run:
            out.append(sep.join(run))
            run = []
        out.append(line)
    return out[:-1]


# --- preparation --------------------------------------------------------------------------

def _split_at_classifier() -> tuple[list, list]:
    """The default cleaners before the classifier (what it is trained on) and from it on."""
    cleaners = default_cleaners()
    at = next(i for i, c in enumerate(cleaners) if c.name == LineClassifier.name)
    return cleaners[:at], cleaners[at + 1:]


def pattern_pipeline() -> Pipeline:
    return Pipeline(_split_at_classifier()[0])


def label_page(args: tuple[int, str, str, str, int]) -> tuple[Document, np.ndarray, np.ndarray]:
    """The variant's Document after the pattern cleaners, its line labels and token counts."""
    index, variant, text, gold, seed = args
    rng = np.random.default_rng(seed)
    if variant in AUGMENTATIONS or variant.endswith(CROP) or variant in EVAL_VARIANTS[1:]:
        text = augment(text, variant, rng)
    doc = pattern_pipeline().run(Document.from_text(reflow(text)), Options())  # as api.py does
    if not doc.texts:
        doc = Document.from_text("-")
    y, tokens = labels(doc.texts, gold)
    return doc, y, tokens


def prepare(index: int, variant: str, doc: Document, y: np.ndarray, tokens: np.ndarray) -> Prepared:
    words, word_line = page_tokens(doc.texts)
    kept = np.array([d is None for d in doc.dropped])
    w = np.where(kept, tokens + EMPTY_LINE_TOKENS, 0).astype(float)
    w /= max(w.sum(), 1.0)
    lens = np.array([len(t) for t in doc.texts])
    return Prepared(index, variant, doc, words, word_line, lens, kept, y, w)


def prepare_all(pages: list[Page], jobs: list[tuple[int, str]], workers: int,
                cache: str | None) -> list[Prepared]:
    """Label every job (page, variant), reusing a cache of labelled pages when given (labels do
    not depend on the features, so feature work can be iterated without re-aligning)."""
    labelled = {}
    if cache and Path(cache).exists():
        with open(cache, "rb") as f:
            labelled = pickle.load(f)
    todo = [j for j in jobs if j not in labelled]
    variants = list(EVAL_VARIANTS) + list(AUGMENTATIONS)
    variants += [v + CROP for v in variants]
    tasks = [(i, v, pages[i].dump(v), pages[i].gold,
              SEED + 7919 * i + (variants.index(v) if v in variants else len(variants)))
             for i, v in todo]
    with ProcessPoolExecutor(workers) as ex:
        labelled.update(zip(todo, ex.map(label_page, tasks, chunksize=16)))
    if cache and todo:
        with open(cache, "wb") as f:
            pickle.dump(labelled, f, protocol=pickle.HIGHEST_PROTOCOL)
    return [prepare(i, v, *labelled[(i, v)]) for i, v in jobs]


# --- fitting ------------------------------------------------------------------------------

def fit_mlp(x: np.ndarray, y: np.ndarray, w: np.ndarray, hidden: tuple[int, ...], members: int = 1) -> Mlp:
    return fit_ensemble(x, y, w, hidden, epochs=EPOCHS, l2=L2,
                        seeds=tuple(NETWORK_SEED + k for k in range(members)))


def train_rows(items: list[Prepared], feats: list[np.ndarray]):
    """Kept lines of every item, with labels and weights."""
    x = np.vstack([f[p.kept] for p, f in zip(items, feats)])
    y = np.concatenate([p.y[p.kept] for p in items])
    w = np.concatenate([p.w[p.kept] for p in items])
    return x, y, w


def learn_lexicon(items: list[Prepared]) -> Lexicon:
    """Word weights: smoothed log-odds of a word appearing in body lines rather than in other
    kept lines, counting each page once per side so no single site dominates. Only words seen on
    at least LEXICON_MIN_PAGES pages are kept, at most LEXICON_SIZE of the most frequent."""
    body, other = Counter(), Counter()
    for p in items:
        ok = p.kept[p.token_line]
        is_body = p.y[p.token_line].astype(bool)
        words = np.array(p.tokens, dtype=object)
        body.update(set(words[ok & is_body]))
        other.update(set(words[ok & ~is_body]))
    n_body = sum(1 for p in items if (p.y & p.kept).any())
    n_other = len(items)
    seen = {w: body[w] + other[w] for w in body.keys() | other.keys()}
    # Sorted by count, then by word: set order varies between runs, the lexicon must not.
    ranked = sorted(seen.items(), key=lambda kv: (-kv[1], kv[0]))[:LEXICON_SIZE]
    vocab = [w for w, c in ranked if c >= LEXICON_MIN_PAGES]
    weights = [np.log((body[w] + LEXICON_PRIOR) / (n_body + LEXICON_PRIOR))
               - np.log((other[w] + LEXICON_PRIOR) / (n_other + LEXICON_PRIOR)) for w in vocab]
    return Lexicon(vocab, np.round(np.array(weights), 3))


def first_features(items: list[Prepared], lexicon: Lexicon) -> list[np.ndarray]:
    return [line_features(p.doc, lexicon)[0] for p in items]


def fit_first(items: list[Prepared], members: int = 1) -> tuple[Mlp, Lexicon]:
    lexicon = learn_lexicon(items)
    x, y, w = train_rows(items, first_features(items, lexicon))
    return fit_mlp(x, y, w, HIDDEN["first"], members), lexicon


def train_model(items: list[Prepared], groups: np.ndarray) -> LineModel:
    """Both stages: stage two on out-of-fold stage-one probabilities (inner group split, each
    inner model with its own lexicon)."""
    first, lexicon = fit_first(items, ENSEMBLE)
    second_x: list[np.ndarray | None] = [None] * len(items)
    for tr, te in GroupKFold(INNER_FOLDS).split(np.zeros(len(items)), groups=groups):
        inner, inner_lex = fit_first([items[i] for i in tr])
        held = [items[i] for i in te]
        for i, p, x in zip(te, held, first_features(held, inner_lex)):
            second_x[i] = stacked_features(x, inner.proba(x), p.lens)
    x2, y2, w2 = train_rows(items, second_x)
    second = fit_mlp(x2, y2, w2, HIDDEN["second"], ENSEMBLE)
    return LineModel(first=first, second=second, lexicon=lexicon)


# --- evaluation ---------------------------------------------------------------------------

def clean_with(item: Prepared, model: LineModel, options: Options) -> str:
    doc = copy.copy(item.doc)
    doc.dropped = list(doc.dropped)
    doc.texts = list(doc.texts)
    doc.trims = list(doc.trims)
    doc.guarded = list(doc.guarded)
    Pipeline([LineClassifier(model), *_split_at_classifier()[1]]).run(doc, options)
    return doc.body()


def score(scorer: str | None, pages: list[Page], preds: dict[tuple[str, str, str], str],
          set_name: str, variant: str, out_dir: Path, by_type: bool) -> None:
    pred_path = out_dir / f"{set_name}.{variant}.jsonl"
    gold_path = out_dir / f"{set_name}.gold.jsonl.gz"
    with open(pred_path, "w") as f:
        for p in pages:
            if p.set == set_name:
                f.write(json.dumps({"id": p.id, "text": preds.get((p.set, p.id, variant), "")}) + "\n")
    with gzip.open(gold_path, "wt") as f:
        for p in pages:
            if p.set == set_name:
                f.write(json.dumps({"id": p.id, "url": p.url, "body": p.gold, "type": p.type}) + "\n")
    print(f"== {set_name} ({variant}), held-out sites, full pipeline:", flush=True)
    if scorer:
        cmd = [sys.executable, scorer, str(gold_path), str(pred_path)] + (["--by-type"] if by_type else [])
        subprocess.run(cmd, check=True)


def main(argv=None) -> None:
    global ENSEMBLE, NETWORK_SEED
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", nargs=3, action="append", metavar=("NAME", "TEXT", "GOLD"), required=True)
    ap.add_argument("--scorer", help="the benchmark's score.py, run on the held-out predictions")
    ap.add_argument("--out", default=str(Path(__file__).resolve().parent.parent / "cleaner/models/lines.npz"))
    ap.add_argument("--folds", type=int, default=5, help="site-grouped folds (0: no evaluation)")
    ap.add_argument("--max-folds", type=int, default=0, help="evaluate only this many folds (quick runs)")
    ap.add_argument("--preds", help="directory for held-out predictions (default: a temporary one)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--no-save", action="store_true")
    ap.add_argument("--cache", help="pickle of labelled pages to reuse between runs")
    ap.add_argument("--thresholds", type=float, nargs="*", default=[],
                    help="also score the held-out pages as dumped at these classifier thresholds")
    ap.add_argument("--redump-dir", help="folder of NAME.DUMPER.jsonl.gz re-dumps (train/redump.py)")
    ap.add_argument("--redumps", nargs="*", default=[], metavar="DUMPER",
                    help="re-dumps whose held-out pages are scored (needs --redump-dir)")
    ap.add_argument("--train-redumps", nargs="*", default=[], metavar="DUMPER",
                    help="re-dumps also trained on (every page, beside its own dump)")
    ap.add_argument("--ensemble", type=int, default=ENSEMBLE,
                    help="networks averaged in each shipped stage (1: a single one)")
    ap.add_argument("--network-seed", type=int, default=NETWORK_SEED,
                    help="seed of the networks' initial weights (labels and augmentations keep theirs)")
    args = ap.parse_args(argv)
    ENSEMBLE, NETWORK_SEED = args.ensemble, args.network_seed
    dumpers = list(dict.fromkeys(args.redumps + args.train_redumps))
    eval_variants = EVAL_VARIANTS + tuple(args.redumps)

    t0 = time.time()
    pages = load_pages(args.set, args.redump_dir, dumpers)
    rng = np.random.default_rng(SEED)
    modes, odds = list(AUGMENTATIONS), np.array(list(AUGMENTATIONS.values()))
    aug = rng.choice(modes, size=len(pages), p=odds / odds.sum()).astype(object)
    crop = rng.random(len(pages)) < CROP_SHARE
    aug[crop] = aug[crop] + CROP
    jobs = [(i, "original") for i in range(len(pages))] + [(i, str(m)) for i, m in enumerate(aug)]
    jobs += [(i, d) for i in range(len(pages)) for d in args.train_redumps]
    if args.folds:
        jobs += [(i, v) for i in range(len(pages)) for v in eval_variants[1:]
                 if v != aug[i] and v not in args.train_redumps]
    items = prepare_all(pages, jobs, args.workers, args.cache)
    print(f"prepared {len(items)} page variants in {time.time() - t0:.0f}s; "
          f"{sum(int(p.kept.sum()) for p in items)} kept lines", flush=True)
    by_page: dict[int, list[Prepared]] = {}
    for it in items:
        by_page.setdefault(it.page, []).append(it)
    site_ids = {s: k for k, s in enumerate(sorted({p.site for p in pages}))}
    page_group = np.array([site_ids[p.site] for p in pages])

    def training_items(page_ids):
        trained = ("original", *args.train_redumps)
        return [it for i in page_ids for it in by_page[i] if it.variant in trained or it.variant == aug[i]]

    if args.folds:
        out_dir = Path(args.preds or tempfile.mkdtemp(prefix="lines-oof-"))
        out_dir.mkdir(parents=True, exist_ok=True)
        preds: dict[tuple[str, str, str], str] = {}
        options = Options()
        folds = GroupKFold(args.folds).split(np.zeros(len(pages)), groups=page_group)
        for k, (tr, te) in enumerate(folds):
            if args.max_folds and k >= args.max_folds:
                break
            train = training_items(tr)
            model = train_model(train, page_group[[it.page for it in train]])
            for i in te:
                for it in by_page[i]:
                    if it.variant in eval_variants:
                        preds[(pages[i].set, pages[i].id, it.variant)] = clean_with(it, model, options)
                    if it.variant == "original":
                        for t in args.thresholds:
                            at = Options(classifier_threshold=t)
                            preds[(pages[i].set, pages[i].id, f"t{t:g}")] = clean_with(it, model, at)
            model.save(out_dir / f"fold{k}.npz")
            print(f"fold {k}: trained on {len(train)} variants, {time.time() - t0:.0f}s", flush=True)
        evaluated = {(s, pid) for s, pid, _ in preds}
        held = [p for p in pages if (p.set, p.id) in evaluated]
        for set_name in dict.fromkeys(p.set for p in pages):
            for variant in eval_variants:
                score(args.scorer, held, preds, set_name, variant, out_dir, variant == "original")
            for t in args.thresholds:
                score(args.scorer, held, preds, set_name, f"t{t:g}", out_dir, False)
        print(f"held-out predictions in {out_dir}")
    if not args.no_save:
        everything = training_items(range(len(pages)))
        model = train_model(everything, page_group[[it.page for it in everything]])
        model.save(args.out)
        print(f"saved {args.out} ({Path(args.out).stat().st_size // 1024} kB), {time.time() - t0:.0f}s")


if __name__ == "__main__":
    main()
