"""Quality gate: fails when F1 on the shared dev dumps drops below a pinned floor.

Floors sit just under what the shipped pipeline measures on these sets (aeb 0.920, wcxb-dev
0.855; in-sample, as the line model was trained on them: held-out figures are in train/README.md),
so a regression fails CI. Cleaning is deterministic. Raise the floors when quality rises.
"""
import gzip
import json

import pytest

from cleaner import Cleaner
from cleaner.evaluate import score
from tests.helpers import BENCH

# (set, metric, floor)
FLOORS = [("aeb", "shingle", 0.91), ("wcxb-dev", "word", 0.85)]

pytestmark = [pytest.mark.bench,
              pytest.mark.skipif(not (BENCH / "aeb.text.jsonl.gz").exists(),
                                 reason="the shared benchmark folder ../shared/bench is not present")]


def _read(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


@pytest.mark.parametrize("name,metric,floor", FLOORS, ids=[f[0] for f in FLOORS])
def test_text_dump_quality_floor(name, metric, floor):
    cleaner = Cleaner()
    pages = _read(BENCH / f"{name}.text.jsonl.gz")
    preds = {str(p["id"]): cleaner.clean(p["text"], url=p.get("url"), kind="text").text for p in pages}
    result = score(_read(BENCH / f"{name}.gold.jsonl.gz"), preds)
    assert result[metric]["f1"] >= floor, f"{name} {metric} F1 {result[metric]['f1']:.3f} < {floor}"
