"""Our metrics agree with the published definitions (and with the reference scorer when present)."""

import pytest

from cleaner.evaluate import score, score_by_type, shingle_counts, word_prf
from tests.helpers import BENCH, load_script


def test_word_f1_on_a_small_case():
    f1, p, r = word_prf("the cat sat on the mat", "the cat sat")
    assert (p, r) == (1.0, 0.5) and abs(f1 - 2 / 3) < 1e-9


def test_empty_cases():
    assert word_prf("", "") == (1.0, 1.0, 1.0)
    assert word_prf("gold text", "") == (0.0, 0.0, 0.0)
    assert shingle_counts("a b c d e", "a b c d e") == (1.0, 0.0, 0.0)


def test_score_by_type_groups_pages():
    gold = [{"id": "1", "body": "one two three four five", "type": "article"},
            {"id": "2", "body": "six seven eight nine ten", "type": "forum"}]
    result = score_by_type(gold, {"1": "one two three four five", "2": ""})
    assert result["article"]["word"]["f1"] == 1.0 and result["forum"]["word"]["f1"] == 0.0
    assert result["all"]["pages"] == 2


@pytest.mark.skipif(not (BENCH / "score.py").exists(), reason="reference scorer ../shared/bench is absent")
def test_agrees_with_reference_scorer():
    ref = load_script(BENCH / "score.py")
    gold = ref.read_jsonl(str(BENCH / "aeb.gold.jsonl.gz"))[:60]
    preds = {g["id"]: g["body"][: len(g["body"]) // 2] + " extra words here" for g in gold}
    ours, theirs = score(gold, preds), ref.score(gold, preds)
    for metric in ("shingle", "word"):
        for k in ("f1", "p", "r"):
            assert round(ours[metric][k], 6) == round(theirs[metric][k], 6)
