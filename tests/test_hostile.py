"""Every file of the hostile corpus (tests/hostile.py) through the real `cleaner` command, as a
user runs it: each ends within a minute with exit 0, or with a non-zero exit and one line naming
the file; never a traceback, never a local file's content in the output. Then one batch over all
of them: one record each, exit 0."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.helpers import ROOT
from tests.hostile import SECRET, build

TIMEOUT = 60


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    secret = tmp_path_factory.mktemp("private") / "secret.txt"
    return folder, build(folder, secret)


def cleaner(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cleaner", *args], capture_output=True, cwd=ROOT,
                          timeout=TIMEOUT, text=True, encoding="utf-8", errors="replace")


NAMES = [
    "binary.html", "png-image.html", "truncated.html.gz", "gzip-bomb.html.gz", "deep-nesting.html",
    "unclosed-nesting.html", "billion-laughs.html", "xxe-local-file.html", "xml-declared.xhtml",
    "cp1252-declared-utf8.html", "shift-jis.html", "utf16-no-bom.html", "nul-bytes.html", "empty.html",
    "whitespace-only.html", "invalid-utf8.txt", "huge-single-line.txt", "only-scripts.html",
    "page-50mb.html", "record-10mb-string.jsonl"]


def test_the_corpus_has_every_kind(corpus):
    _, files = corpus
    assert sorted(files) == sorted(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_clean_ends_cleanly(corpus, name):
    folder, files = corpus
    item = files[name]
    proc = cleaner("clean", str(folder / name))
    assert "Traceback" not in proc.stderr
    err = proc.stderr.splitlines()
    if proc.returncode == 0:
        assert not item.must_fail, f"{name} was cleaned, but it is not a page"
        assert all(line.startswith("cleaner: warning: ") and name in line for line in err), err
        assert len(err) <= 1
    else:
        assert item.must_fail, f"{name} failed: {proc.stderr}"
        assert len(err) == 1 and err[0].startswith("cleaner: error: ") and name in err[0], err
        assert proc.stdout == ""
    for text in item.keep:
        assert text in proc.stdout, f"{name}: lost {text[:40]!r}"
    for text in item.never:
        assert text not in proc.stdout and text not in proc.stderr, f"{name}: leaked {text!r}"


def test_cut_pages_say_so(corpus):
    folder, _ = corpus
    proc = cleaner("clean", "--json", str(folder / "huge-single-line.txt"))
    assert proc.returncode == 0
    result = json.loads(proc.stdout)
    assert "max_chars" in result["truncated"] and len(result["text"]) <= 5_000_000
    assert "max_chars" in proc.stderr


def test_xxe_secret_never_reaches_any_output(corpus):
    folder, _ = corpus
    for args in (["--json"], ["--explain", "--kind", "text"]):
        proc = cleaner("clean", *args, str(folder / "xxe-local-file.html"))
        assert proc.returncode == 0 and SECRET not in proc.stdout + proc.stderr


def test_a_batch_over_the_whole_corpus_gives_one_record_each(corpus, tmp_path):
    folder, files = corpus
    records = tmp_path / "hostile.jsonl"
    with open(records, "w", encoding="utf-8") as f:
        for name in NAMES:
            field = "text" if name.endswith((".txt", ".jsonl")) else "html"
            # Bytes that are not UTF-8 travel as lone surrogates ("\udcff"), as a careless crawler
            # writes them: JSON allows the escape, and the cleaner must not choke on it.
            content = files[name].data.decode("utf-8", errors="surrogateescape")
            f.write(json.dumps({"id": name, "url": f"https://example.com/{name}", field: content}) + "\n")
        f.write('{"id": "broken", "html": \n')
    out = tmp_path / "out.jsonl"
    proc = cleaner("batch", str(records), "--out", str(out), "--workers", "2")
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    results = [json.loads(line) for line in lines]
    assert [r["id"] for r in results] == NAMES + [None]
    assert "error" in results[-1]
    assert SECRET not in "".join(lines)
    assert all("error" not in r for r in results[:-1]), [r for r in results if "error" in r]


def test_a_batch_over_the_corpus_folder_gives_one_record_each(corpus, tmp_path):
    """The same files read as a folder tree, as they were saved: bytes, not JSON strings. Files
    that are not pages become error records; nothing is lost and the run succeeds."""
    folder, files = corpus
    out = tmp_path / "out.jsonl"
    proc = cleaner("batch", str(folder), "--glob", "*", "--out", str(out), "--workers", "2")
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    text = out.read_text(encoding="utf-8")
    results = [json.loads(line) for line in text.splitlines()]
    assert sorted(r["id"] for r in results) == sorted(NAMES)
    assert SECRET not in text
    failed = {r["id"] for r in results if "error" in r}
    assert failed == {name for name in NAMES if files[name].must_fail}, failed
