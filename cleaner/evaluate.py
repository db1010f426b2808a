"""The two published metrics for boilerplate removal, so users can score their own data.

- shingle F1: ScrapingHub's article-extraction-benchmark. Word 4-gram shingle counts; per page the
  TP/FP/FN counts are normalised by their sum; precision and recall are averaged over pages and
  F1 is taken from the averages.
- word F1: WCXB's. Bags of lower-cased word tokens; per-page precision, recall and F1, averaged.
Both tokenise with the Unicode `\\w+` class, as the reference implementations do.
"""
from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterable, Mapping

_TOKEN = re.compile(r"\w+", re.UNICODE)
SHINGLE_SIZE = 4


def _shingles(text: str) -> Counter:
    toks = _TOKEN.findall(text or "")
    n = SHINGLE_SIZE
    return Counter(tuple(toks[i:i + n]) for i in range(max(1, len(toks) - n + 1)) if toks[i:i + n])


def shingle_counts(gold: str, pred: str) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) shares of one page's shingles."""
    g, p = _shingles(gold), _shingles(pred)
    tp = sum((g & p).values())
    fp = sum((p - g).values())
    fn = sum((g - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def shingle_f1(rows: Iterable[tuple[float, float, float]]) -> dict[str, float]:
    rows = list(rows)

    def precision(tp, fp, fn):
        return 1.0 if fp == fn == 0 else (0.0 if tp == fp == 0 else tp / (tp + fp))

    def recall(tp, fp, fn):
        return 1.0 if fp == fn == 0 else (0.0 if tp == fn == 0 else tp / (tp + fn))

    p = statistics.mean([precision(*x) for x in rows if x[0] + x[1] > 0] or [0.0])
    r = statistics.mean([recall(*x) for x in rows if x[0] + x[2] > 0] or [0.0])
    return {"f1": 2 * p * r / (p + r) if p + r else 0.0, "p": p, "r": r}


def word_prf(gold: str, pred: str) -> tuple[float, float, float]:
    """Per-page (f1, precision, recall) over bags of lower-cased words."""
    g = _TOKEN.findall((gold or "").lower())
    p = _TOKEN.findall((pred or "").lower())
    if not g:
        return (1.0, 1.0, 1.0) if not p else (0.0, 0.0, 0.0)
    if not p:
        return (0.0, 0.0, 0.0)
    overlap = sum((Counter(g) & Counter(p)).values())
    prec, rec = overlap / len(p), overlap / len(g)
    return (2 * prec * rec / (prec + rec) if prec + rec else 0.0, prec, rec)


def score(gold: Iterable[Mapping], predictions: Mapping[str, str]) -> dict:
    """Both metrics over gold records (`id`, `body`) and predicted bodies by id (missing = empty)."""
    gold = list(gold)
    sh = [shingle_counts(g["body"], predictions.get(str(g["id"]), "")) for g in gold]
    wd = [word_prf(g["body"], predictions.get(str(g["id"]), "")) for g in gold]
    words = {k: statistics.mean(x[i] for x in wd) if wd else 0.0 for i, k in enumerate(("f1", "p", "r"))}
    return {"pages": len(gold), "shingle": shingle_f1(sh), "word": words}


def score_by_type(gold: Iterable[Mapping], predictions: Mapping[str, str]) -> dict[str, dict]:
    """`score` overall ("all") and for each page type the gold records name."""
    gold = list(gold)
    groups: dict[str, list] = {}
    for g in gold:
        groups.setdefault(g.get("type") or "article", []).append(g)
    out = {"all": score(gold, predictions)}
    for kind in sorted(groups):
        out[kind] = score(groups[kind], predictions)
    return out
