"""bench/text_equivalence.py, the guard for speed work on the text path: it saves the answers of the
current code and finds any later difference in a body, a title, a removal or a line probability.
Run on the bundled seed captures, so it needs no benchmark folder."""
from __future__ import annotations

import gzip
import json
import shutil

import numpy as np

from tests.helpers import ROOT, load_script


def _script():
    return load_script(ROOT / "bench" / "text_equivalence.py")


def test_equivalence_check_passes_on_same_code_and_catches_a_change(tmp_path, capsys):
    bench = tmp_path / "bench"
    bench.mkdir()
    with open(ROOT / "fixtures" / "seeds.jsonl", "rb") as src, gzip.open(bench / "seeds.text.jsonl.gz", "wb") as dst:
        shutil.copyfileobj(src, dst)
    script, ref = _script(), tmp_path / "ref"
    args = ["--bench", str(bench), "--sets", "seeds"]

    assert script.main(["--write", str(ref)] + args) == 0
    records = [json.loads(line) for line in gzip.open(f"{ref}.jsonl.gz", "rt", encoding="utf-8")]
    assert len(records) == 2 * 5  # each seed as dumped and without blank lines
    assert all(r["text"] and r["removed"] for r in records)
    assert script.main(["--check", str(ref)] + args) == 0
    assert script.main(["--check", str(ref), "--exact"] + args) == 0
    assert "identical" in capsys.readouterr().out

    # A probability moved by float32 rounding passes the default check but not --exact.
    with np.load(f"{ref}.npz") as data:
        arrays = {k: data[k] for k in data.files}
    key = next(k for k in arrays if k.endswith("/p2"))
    arrays[key][0] = np.nextafter(arrays[key][0], np.float32(2))
    np.savez_compressed(f"{ref}.npz", **arrays)
    assert script.main(["--check", str(ref)] + args) == 0
    assert script.main(["--check", str(ref), "--exact"] + args) == 1
    assert f"{key}: differs most at" in capsys.readouterr().out

    records[0]["text"] += " An invented sentence."
    records[1]["removed"][0][1] = "another-rule"
    with gzip.open(f"{ref}.jsonl.gz", "wt", encoding="utf-8") as f:
        f.writelines(json.dumps(r) + "\n" for r in records)
    assert script.main(["--check", str(ref)] + args) == 1
    out = capsys.readouterr().out
    assert f"{records[0]['key']}: text differs" in out
    assert f"{records[1]['key']}: removals differ" in out
