"""Folder trees and the JSONL variants: compressed, stdin, other field names."""
from __future__ import annotations

import gzip
import io
import json
import sys

import pytest
import zstandard

from cleaner.io.folder import kind_of, read_folder
from cleaner.io.inputs import InputOptions, fingerprint, read_inputs
from cleaner.io.jsonl import Fields, read_records
from cleaner.io.textdir import TextDirWriter
from tests.dumps import SEED_TEXTS, write_tree


def test_a_tree_gives_one_record_per_page_with_its_relative_path_as_id(tmp_path):
    ids = write_tree(tmp_path)
    records = list(read_folder(tmp_path))
    assert [r.id for r in records] == ids  # sorted walk; .md and hidden files left out
    by_id = {r.id: r for r in records}
    # still compressed: the cleaner undoes gzip within its size limit
    assert gzip.decompress(by_id["a/b/three.html.gz"].content).startswith(b"<!DOCTYPE html>")
    assert [by_id[i].kind for i in ("one.txt", "a/two.html", "a/b/three.html.gz")] == ["text", "html", "html"]
    assert by_id["one.txt"].content == SEED_TEXTS[0].encode("utf-8")


def test_glob_patterns_choose_the_files(tmp_path):
    write_tree(tmp_path)
    only = InputOptions(patterns=("*.txt",))
    assert [r.id for r in read_inputs([str(tmp_path)], only)] == ["one.txt", "a/b/four.txt"]
    assert [r.id for r in read_inputs([str(tmp_path)], InputOptions(patterns=("a/*.html",)))] == ["a/two.html"]


def test_an_unreadable_file_is_an_error_record(tmp_path):
    (tmp_path / "bad.html").symlink_to(tmp_path / "gone.html")  # a dangling link: listed, unreadable
    (record,) = read_folder(tmp_path)
    assert record.error.startswith(str(tmp_path / "bad.html")) and record.error_kind == "unreadable file"


def test_kind_of():
    assert [kind_of(n) for n in ("a.TXT", "a.htm.gz", "a.xhtml", "a.php")] == ["text", "html", "html", "auto"]


def test_zstd_and_other_field_names(tmp_path):
    lines = b"".join(json.dumps({"key": i, "link": f"u{i}", "body": f"text {i}", "day": "2020-01-02"}).encode() + b"\n"
                     for i in range(3))
    path = tmp_path / "in.jsonl.zst"
    path.write_bytes(zstandard.ZstdCompressor().compress(lines))
    fields = Fields(id="key", url="link", text="body", date="day")
    records = list(read_records(path, fields))
    assert [(r.id, r.url, r.content, r.kind, r.date) for r in records] == [
        (i, f"u{i}", f"text {i}", "text", "2020-01-02") for i in range(3)]
    assert "neither 'text' nor 'html'" in next(read_records(path)).error  # default names miss them


def test_stdin(monkeypatch):
    data = b'{"id": 1, "text": "a"}\n{"id": 2, "text": "b"}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert [(r.id, r.source) for r in read_inputs(["-"])] == [(1, "<stdin>"), (2, "<stdin>")]


def test_fingerprint_changes_with_the_inputs(tmp_path):
    write_tree(tmp_path)
    before = fingerprint([str(tmp_path)], InputOptions())
    assert fingerprint([str(tmp_path)], InputOptions()) == before
    assert fingerprint([str(tmp_path)], InputOptions(patterns=("*.txt",))) != before
    (tmp_path / "five.txt").write_text("more")
    assert fingerprint([str(tmp_path)], InputOptions()) != before


@pytest.mark.parametrize("doc_id", ["../../escape", "/etc/passwd", "a/../../b", "CON", "x" * 1000, "..",
                                    "https://example.com/a/../../b?c=d#e", "\x00\n\t", "Émile Zola"])
def test_folder_output_never_writes_outside_its_folder(tmp_path, doc_id):
    out = tmp_path / "out"
    w = TextDirWriter(out)
    name = w.write({"id": doc_id, "text": "body"})
    assert [p.name for p in tmp_path.iterdir()] == ["out"]
    assert [p.name for p in out.iterdir()] == [name] and (out / name).read_text() == "body\n"
    assert len(name) <= 120


def test_folder_output_names_differing_only_in_case_do_not_collide(tmp_path):
    w = TextDirWriter(tmp_path)
    names = [w.write({"id": i, "text": i}) for i in ("Story", "story", "STORY")]
    assert len({n.lower() for n in names}) == 3


def test_half_written_files_of_a_killed_run_are_cleared(tmp_path):
    (tmp_path / ".story.txt.k2j3.tmp").write_text("half")
    (tmp_path / "kept.txt").write_text("whole\n")
    TextDirWriter(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["kept.txt"]
