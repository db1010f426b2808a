"""The `cleaner` command, run for real: in-process through main(argv), and as a subprocess where
exit status, stderr and the absence of a traceback are the point."""
from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys

import pytest

from cleaner.cli import main
from tests.helpers import ROOT, SEEDS, seeds

SEED_LIST = list(seeds())
REFERENCE = SEEDS / "004_1c771e92f3bc1daa.txt"  # the seed with the most clutter


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    """`python -m cleaner ARGS` in a fresh process, as a user would run it."""
    return subprocess.run([sys.executable, "-m", "cleaner", *args], input=stdin, capture_output=True,
                          cwd=ROOT, timeout=300)


def read_jsonl(path) -> list[dict]:
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


# clean ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("stem,text,expected,meta", SEED_LIST, ids=[s[0] for s in SEED_LIST])
def test_clean_prints_exactly_the_expected_body(stem, text, expected, meta, capsys):
    assert main(["clean", str(SEEDS / f"{stem}.txt")]) == 0
    out, err = capsys.readouterr()
    assert out == expected
    assert err == ""


def test_clean_reads_stdin_as_bytes(monkeypatch, capsys):
    data = REFERENCE.read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="latin-1"))
    assert main(["clean", "-"]) == 0
    expected = (SEEDS / "004_1c771e92f3bc1daa.expected.txt").read_text(encoding="utf-8")
    assert capsys.readouterr().out == expected  # decoded from the bytes, not as latin-1


def test_clean_json_has_title_site_text_and_removals(capsys):
    assert main(["clean", str(REFERENCE), "--json", "--url", "https://english.alarabiya.net/x"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["title"] == "US renews calls for talks with North Korea"
    assert d["site"] == "english.alarabiya.net"
    assert d["text"].startswith("A US envoy made a new appeal Monday")
    assert {"text": "• Dark", "cleaner": "site_rules",
            "rule": "english.alarabiya.net@2019-01-01:drop_lines"}.items() <= next(
        r for r in d["removed"] if r["text"] == "• Dark").items()


def test_explain_lists_every_block_with_the_cleaner_that_removed_it(capsys):
    assert main(["clean", str(REFERENCE), "--explain", "--no-site-rules"]) == 0
    out = capsys.readouterr().out
    assert "\x1b[" not in out  # not a terminal: plain text
    assert "title: US renews calls for talks with North Korea" in out
    lines = out.splitlines()
    dark = next(line for line in lines if line.endswith("• Dark"))
    assert "DROP" in dark and "ui_controls:" in dark
    promo = next(line for line in lines if line.endswith("follow our Google News channel online or via the app."))
    assert "promos:" in promo
    assert any(line.split()[1:2] == ["keep"] and "A US envoy made a new appeal" in line for line in lines)
    block_lines = [line for line in lines if line.split()[1:2] in (["keep"], ["DROP"])]
    assert [int(line.split()[0]) for line in block_lines] == list(range(len(block_lines)))


def test_explain_shows_trimmed_fragments(capsys):
    assert main(["clean", str(SEEDS / "000_58a09e0dd149512f.txt"), "--explain"]) == 0
    trims = [line for line in capsys.readouterr().out.splitlines() if line.split()[:1] == ["TRIM"]]
    assert trims and "bylines:" in trims[0] and trims[0].endswith("15 minutes.")


def test_disable_turns_a_cleaner_off(capsys):
    assert main(["clean", str(REFERENCE), "--json", "--no-site-rules", "--disable", "promos", "ui_controls"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert "follow our Google News channel" in d["text"]
    assert not {r["cleaner"] for r in d["removed"]} & {"promos", "ui_controls"}
    assert main(["clean", str(REFERENCE), "--json", "--no-site-rules", "--disable", "promos,ui_controls"]) == 0
    assert json.loads(capsys.readouterr().out) == d  # commas work too


def test_disable_before_the_path_still_reads_the_path(capsys):
    assert main(["clean", "--no-site-rules", "--disable", "promos", str(REFERENCE), "--json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert "follow our Google News channel" in d["text"]


def test_unknown_cleaner_is_one_line_listing_the_known_names():
    proc = run_cli("clean", str(REFERENCE), "--disable", "bogus")
    err = proc.stderr.decode()
    assert proc.returncode == 2
    assert proc.stdout == b""
    assert err.count("\n") == 1 and err.startswith("cleaner: error: ")
    assert "bogus" in err and "ui_controls" in err and "navigation" in err
    assert "Traceback" not in err


def test_missing_file_is_one_line_naming_the_file():
    proc = run_cli("clean", "no/such/page.html")
    err = proc.stderr.decode()
    assert proc.returncode == 2
    assert err.count("\n") == 1 and err.startswith("cleaner: error: ")
    assert "no/such/page.html" in err and "Traceback" not in err


def test_debug_shows_the_traceback():
    proc = run_cli("clean", "no/such/page.html", "--debug")
    assert proc.returncode != 0
    assert "Traceback" in proc.stderr.decode()


def test_bad_option_is_one_line(capsys):
    assert main(["clean", str(REFERENCE), "--kind", "pdf"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("cleaner: error: ") and "--kind" in err


def test_a_directory_is_not_a_page(capsys):
    assert main(["clean", str(SEEDS)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(SEEDS) in err


# batch ---------------------------------------------------------------------------------------

def mixed_input() -> list[str]:
    """Five lines: three good records, one line that is not JSON, one record with no content."""
    seed = REFERENCE.read_text(encoding="utf-8")
    return [
        json.dumps({"id": "a", "url": "https://english.alarabiya.net/x", "text": seed}),
        '{"id": "b", "text": ',  # cut short
        json.dumps({"id": "c", "url": "https://example.com/c"}),
        json.dumps({"id": "d", "html": "<html><body><h1>Head</h1><p>" + "A sentence of body text. " * 20
                    + "</p></body></html>"}),
        json.dumps({"id": 5, "text": "Just one line of text that is a sentence."}),
    ]


def test_batch_gives_one_record_per_line_in_order_with_errors_as_records(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(mixed_input()) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(src), "--out", str(out), "--workers", "2", "--no-site-rules"]) == 0
    rows = read_jsonl(out)
    assert [r["id"] for r in rows] == ["a", None, "c", "d", 5]
    a, bad, nothing, d, five = rows
    assert set(a) == {"id", "url", "site", "title", "text", "removed"}
    assert a["site"] == "english.alarabiya.net" and a["title"] == "US renews calls for talks with North Korea"
    assert a["text"] == (SEEDS / "004_1c771e92f3bc1daa.expected.txt").read_text(encoding="utf-8").strip()
    assert a["removed"]["related"] > 0 and a["removed"]["ui_controls"] > 0
    assert set(bad) == {"id", "url", "error"} and "in.jsonl:2" in bad["error"] and "\n" not in bad["error"]
    assert set(nothing) == {"id", "url", "error"} and nothing["url"] == "https://example.com/c"
    assert "neither" in nothing["error"]
    assert "A sentence of body text." in d["text"]
    assert five["text"] == "Just one line of text that is a sentence."
    err = capsys.readouterr().err
    first, *table = err.splitlines()
    assert "5 documents, 2 errors" in first
    assert "    invalid JSON: 1" in table and "    unusable record: 1" in table


def test_batch_reads_and_writes_gzip_and_matches_one_worker(tmp_path):
    src = tmp_path / "in.jsonl.gz"
    with gzip.open(src, "wt", encoding="utf-8") as f:
        f.write("\n".join(mixed_input() * 3) + "\n")
    two, one = tmp_path / "two.jsonl.gz", tmp_path / "one.jsonl"
    assert main(["batch", str(src), "--out", str(two), "--workers", "2"]) == 0
    assert main(["batch", str(src), "--out", str(one), "--workers", "1"]) == 0
    with gzip.open(two, "rb") as f:  # really gzip
        assert f.read() == one.read_bytes()
    assert len(read_jsonl(one)) == 15


def test_batch_over_several_inputs_keeps_their_order(tmp_path):
    first, second = tmp_path / "1.jsonl", tmp_path / "2.jsonl"
    first.write_text(json.dumps({"id": 1, "text": "One line."}) + "\n", encoding="utf-8")
    second.write_text(json.dumps({"id": 2, "text": "Two lines.\nOf text."}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(first), str(second), "--out", str(out), "--workers", "2"]) == 0
    assert [r["id"] for r in read_jsonl(out)] == [1, 2]


def test_batch_of_the_bundled_seeds_writes_jsonl_and_text_files(tmp_path):
    out, folder = tmp_path / "seeds.cleaned.jsonl", tmp_path / "seeds"
    assert main(["batch", str(ROOT / "fixtures" / "seeds.jsonl"), "--out", str(out),
                 "--text-dir", str(folder), "--workers", "2"]) == 0
    rows = read_jsonl(out)
    assert [r["id"] for r in rows] == [s[0] for s in SEED_LIST]
    for stem, _, expected, meta in SEED_LIST:
        assert (folder / f"{stem}.txt").read_text(encoding="utf-8") == expected
    assert all("error" not in r for r in rows)


def test_bundled_seeds_jsonl_matches_the_seed_folder():
    rows = read_jsonl(ROOT / "fixtures" / "seeds.jsonl")
    assert {r["id"]: r["text"] for r in rows} == {stem: text for stem, text, _, _ in SEED_LIST}


def test_batch_missing_input_is_one_line_and_writes_nothing(tmp_path):
    out = tmp_path / "out.jsonl"
    proc = run_cli("batch", str(tmp_path / "missing.jsonl"), "--out", str(out))
    err = proc.stderr.decode()
    assert proc.returncode == 2
    assert err.count("\n") == 1 and "missing.jsonl" in err and "Traceback" not in err
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_batch_input_after_disable_is_still_an_input(tmp_path):
    out = tmp_path / "o.jsonl"
    assert main(["batch", "--disable", "title", str(ROOT / "fixtures" / "seeds.jsonl"), "--out", str(out),
                 "--workers", "1"]) == 0
    assert len(read_jsonl(out)) == len(SEED_LIST)


def test_batch_rejects_zero_workers(tmp_path, capsys):
    assert main(["batch", str(ROOT / "fixtures" / "seeds.jsonl"), "--out", str(tmp_path / "o.jsonl"),
                 "--workers", "0"]) == 2
    assert "--workers" in capsys.readouterr().err


def test_batch_unknown_cleaner_fails_before_any_work(tmp_path, capsys):
    out = tmp_path / "o.jsonl"
    assert main(["batch", str(ROOT / "fixtures" / "seeds.jsonl"), "--out", str(out),
                 "--disable", "nope"]) == 2
    assert "unknown cleaner nope" in capsys.readouterr().err
    assert not out.exists()
