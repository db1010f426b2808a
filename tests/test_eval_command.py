"""`cleaner eval`: cleans the input, prints both metrics (overall and per type) and ms/page, and
agrees with the reference scorer to three decimals."""
from __future__ import annotations

import gzip
import json
import re

import pytest

from cleaner import Cleaner
from cleaner.cli import main
from cleaner.evaluate import score_by_type
from tests.helpers import BENCH, ROOT, load_script, seeds

SEED_INPUT = ROOT / "fixtures" / "seeds.jsonl"
LINE = re.compile(r"^(\S+)\s+pages=\s*(\d+)\s+shingle F1=([\d.]+) .*word F1=([\d.]+) ", re.M)


@pytest.fixture()
def gold(tmp_path):
    """Gold bodies for the seed captures: the expected bodies, two page types, one page cut short
    so the scores are not all 1.0."""
    path = tmp_path / "gold.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for n, (stem, _, expected, _) in enumerate(seeds()):
            body = expected if n % 2 else expected[: len(expected) // 2]
            f.write(json.dumps({"id": stem, "body": body, "type": "article" if n < 3 else "forum"}) + "\n")
    return path


def parse(out: str) -> dict[str, tuple[int, float, float]]:
    return {m[0]: (int(m[1]), float(m[2]), float(m[3])) for m in LINE.findall(out)}


def test_eval_prints_both_metrics_by_type_and_time(gold, capsys):
    assert main(["eval", str(SEED_INPUT), str(gold), "--by-type"]) == 0
    out = capsys.readouterr().out
    rows = parse(out)
    assert set(rows) == {"all", "article", "forum"}
    assert rows["all"][0] == 5 and rows["article"][0] == 3 and rows["forum"][0] == 2
    assert re.search(r"cleaned 5 pages in [\d.]+ s: [\d.]+ ms/page", out)
    # the same figures as cleaning the pages directly and scoring them
    cleaner = Cleaner()
    records = [json.loads(line) for line in SEED_INPUT.read_text(encoding="utf-8").splitlines()]
    bodies = {r["id"]: cleaner.clean(r["text"], url=r["url"], kind="text").text for r in records}
    with gzip.open(gold, "rt", encoding="utf-8") as f:
        expected = score_by_type([json.loads(line) for line in f], bodies)
    for name, (_, shingle, word) in rows.items():
        assert shingle == round(expected[name]["shingle"]["f1"], 3)
        assert word == round(expected[name]["word"]["f1"], 3)
    assert rows["all"][2] < 1.0


@pytest.mark.skipif(not (BENCH / "score.py").exists(), reason="reference scorer ../shared/bench is absent")
def test_eval_agrees_with_the_reference_scorer(gold, tmp_path, capsys):
    out_path = tmp_path / "cleaned.jsonl"
    assert main(["eval", str(SEED_INPUT), str(gold), "--by-type", "--out", str(out_path)]) == 0
    ours = parse(capsys.readouterr().out)
    ref = load_script(BENCH / "score.py")
    ref.main(["score.py", str(gold), str(out_path), "--by-type", "--json"])
    theirs = json.loads(capsys.readouterr().out)
    assert set(ours) == set(theirs)
    for name, (pages, shingle, word) in ours.items():
        assert pages == theirs[name]["pages"]
        assert shingle == round(theirs[name]["shingle"]["f1"], 3)
        assert word == round(theirs[name]["word"]["f1"], 3)


def test_eval_missing_gold_is_a_usage_error(capsys):
    assert main(["eval", str(SEED_INPUT)]) == 2
    assert "expected INPUT and GOLD" in capsys.readouterr().err


def test_eval_bad_gold_names_file_and_line(tmp_path, capsys):
    bad = tmp_path / "gold.jsonl"
    bad.write_text('{"id": "1", "body": "fine"}\n{"id": "2"}\n', encoding="utf-8")
    assert main(["eval", str(SEED_INPUT), str(bad)]) == 2
    assert f"{bad}:2:" in capsys.readouterr().err
