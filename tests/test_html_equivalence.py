"""bench/html_equivalence.py, the guard for speed work on the HTML path: it saves the answers of the
current code and finds any later difference in a body, a title or a removal. Run on captured pages
bundled with the tests (fixtures/html), so it needs no benchmark folder."""
from __future__ import annotations

import gzip
import json

from tests.helpers import ROOT, load_script
from tests.test_html import CASES, page

PAGES = 3


def _script():
    return load_script(ROOT / "bench" / "html_equivalence.py")


def test_equivalence_check_passes_on_same_code_and_catches_a_change(tmp_path, capsys):
    bench = tmp_path / "bench"
    bench.mkdir()
    with gzip.open(bench / "captures.html.jsonl.gz", "wt", encoding="utf-8") as f:
        for n, case in enumerate(CASES[:PAGES]):
            f.write(json.dumps({"id": str(n), "url": case["url"], "html": page(case)}) + "\n")
    script, ref = _script(), tmp_path / "ref"
    args = ["--bench", str(bench), "--sets", "captures"]

    assert script.main(["--write", str(ref)] + args) == 0
    records = [json.loads(line) for line in gzip.open(f"{ref}.jsonl.gz", "rt", encoding="utf-8")]
    assert len(records) == PAGES
    assert all(r["text"] for r in records) and any(r["removed"] for r in records)
    assert script.main(["--check", str(ref)] + args) == 0
    assert f"{PAGES} pages checked, 0 differences" in capsys.readouterr().out

    records[0]["text"] += " An invented sentence."
    records[1]["title"] = "Another title"
    with gzip.open(f"{ref}.jsonl.gz", "wt", encoding="utf-8") as f:
        f.writelines(json.dumps(r) + "\n" for r in records)
    assert script.main(["--check", str(ref)] + args) == 1
    out = capsys.readouterr().out
    assert f"{records[0]['key']}: text differs" in out
    assert f"{records[1]['key']}: title differs" in out
