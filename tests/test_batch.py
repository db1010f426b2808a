"""The pieces under `cleaner batch`: the JSONL reader and writer, safe file names, the runner."""
from __future__ import annotations

import gzip
import multiprocessing
import json

import pytest

from cleaner import Cleaner
from cleaner.batch import BatchStats, chunked, clean_record, run
from cleaner.errors import InputError
from cleaner.io.jsonl import Record, open_writer, parse_line, read_records
from cleaner.io.record import TRUNCATED_INPUT
from cleaner.io.textdir import TextDirWriter, safe_stem
from cleaner.options import Options


def parse(obj) -> Record:
    raw = obj if isinstance(obj, bytes) else json.dumps(obj).encode()
    return parse_line(raw, "in.jsonl", 7)


def test_a_text_record_is_cleaned_as_text_and_html_as_html():
    r = parse({"id": 1, "url": "u", "text": "x", "date": "2021-06-21"})
    assert (r.id, r.url, r.content, r.kind, r.date, r.error) == (1, "u", "x", "text", "2021-06-21", None)
    assert parse({"id": 2, "html": "<p>x</p>"}).kind == "html"


@pytest.mark.parametrize("raw,message", [
    (b"{not json", "invalid JSON"),
    (b"\xff\xfe{}", "not valid UTF-8"),
    (b"[1, 2]", "expected a JSON object"),
    (b'{"id": 1}', "neither 'text' nor 'html'"),
    (b'{"id": 1, "text": 3}', "field 'text' must be a string"),
    (b'{"id": 1, "text": "x", "url": 3}', "field 'url' must be a string"),
    (b'{"id": 1, "text": "x", "date": 20210621}', "field 'date' must be a string"),
])
def test_unusable_lines_become_error_records_naming_file_and_line(raw, message):
    r = parse(raw)
    assert r.content is None and message in r.error and r.error.startswith("in.jsonl:7: ")


def test_reader_streams_plain_and_gzip_and_skips_blank_lines(tmp_path):
    lines = [json.dumps({"id": i, "text": f"line {i}"}) for i in range(3)]
    plain, packed = tmp_path / "a.jsonl", tmp_path / "a.jsonl.gz"
    plain.write_text(lines[0] + "\n\n" + "\n".join(lines[1:]) + "\n", encoding="utf-8")
    with gzip.open(packed, "wt", encoding="utf-8") as f:
        f.write("\n".join(lines))
    for path in (plain, packed):
        records = list(read_records(path))
        assert [r.id for r in records] == [0, 1, 2]
    assert [r.line for r in read_records(plain)] == [1, 3, 4]


def test_reader_refuses_a_missing_file(tmp_path):
    with pytest.raises(InputError, match="missing.jsonl"):
        list(read_records(tmp_path / "missing.jsonl"))


def test_a_file_cut_short_gives_what_it_holds_then_says_where_reading_stopped(tmp_path):
    broken = tmp_path / "cut.jsonl.gz"
    whole = gzip.compress(b"".join(b'{"id": %d, "text": "x"}\n' % i for i in range(1000)))
    broken.write_bytes(whole[: len(whole) // 2])
    *read, last = read_records(broken)
    assert len(read) > 100 and [r.id for r in read] == list(range(len(read)))
    assert last.content is None and last.error_kind == TRUNCATED_INPUT
    assert last.error.startswith(f"{broken}: reading stopped after line {len(read):,}: ")
    broken.write_bytes(whole[:5])   # not even the first line
    assert [(r.line, r.error_kind) for r in read_records(broken)] == [(1, TRUNCATED_INPUT)]


def test_writer_replaces_the_target_only_when_done(tmp_path):
    target = tmp_path / "sub" / "out.jsonl.gz"
    with pytest.raises(RuntimeError):
        with open_writer(target) as f:
            f.write("partial\n")
            raise RuntimeError("boom")
    assert not target.exists() and list(target.parent.iterdir()) == []
    with open_writer(target) as f:
        f.write('{"a": "é"}\n')
    assert gzip.decompress(target.read_bytes()).decode("utf-8") == '{"a": "é"}\n'
    assert list(target.parent.iterdir()) == [target]


@pytest.mark.parametrize("doc_id", ["../../etc/passwd", "https://example.com/a?b=c", "", ".hidden",
                                    "a" * 300, "日本語", None, 42])
def test_safe_stems_stay_inside_the_folder(doc_id):
    stem = safe_stem(doc_id)
    assert stem and not stem.startswith(".") and "/" not in stem and len(stem) <= 120
    assert all(c.isascii() and (c.isalnum() or c in "._-") for c in stem)


def test_safe_stems_keep_plain_ids_and_separate_different_ones():
    assert safe_stem("000_58a09e0dd149512f") == "000_58a09e0dd149512f"
    assert safe_stem("a/b") != safe_stem("a?b")


def test_text_dir_never_overwrites(tmp_path):
    w = TextDirWriter(tmp_path)
    for out in ({"id": "x", "text": "one"}, {"id": "x", "text": "two"}, {"id": None, "text": "three"},
                {"id": "y", "url": None, "error": "bad"}):
        w.write(out)
    assert sorted(p.read_text() for p in tmp_path.iterdir()) == ["one\n", "three\n", "two\n"]


def test_a_failing_page_becomes_an_error_record():
    class Boom(Cleaner):
        def clean(self, *a, **k):
            raise ValueError("bad page\nsecond line")
    out = clean_record(Boom(), Record("in.jsonl", 3, id="p", url="u", content="x", kind="text"))
    assert out == {"id": "p", "url": "u", "error": "in.jsonl:3: ValueError: bad page"}


def test_run_counts_documents_and_errors_in_order():
    records = [Record("s", i, id=i, content=f"Line {i}.", kind="text") for i in range(40)]
    records[5] = Record("s", 5, id=5, error="s:5: invalid JSON")
    written: list[dict] = []
    stats = run(records, written.append, Options(), workers=2)
    assert [w["id"] for w in written] == list(range(40))
    assert (stats.documents, stats.errors) == (40, 1)
    assert written[6]["text"] == "Line 6."


def test_chunked():
    assert list(chunked(range(5), 2)) == [[0, 1], [2, 3], [4]]
    assert list(chunked([], 3)) == []


def test_the_local_engine_streams_with_bounded_read_ahead():
    from cleaner.engines.local import AHEAD_PER_WORKER, CHUNK_SIZE, LocalEngine

    pulled = 0

    def endless():
        nonlocal pulled
        for i in range(10**9):
            pulled += 1
            yield Record("s", i, id=i, content=f"Line {i}.", kind="text")

    results = LocalEngine(Options(), workers=2).results(endless())
    for n, outcome in enumerate(results, 1):
        assert outcome.out["id"] == n - 1
        assert pulled - n <= 2 * AHEAD_PER_WORKER + CHUNK_SIZE
        if n == 2000:
            break
    results.close()  # stops and reaps the workers
    assert multiprocessing.active_children() == []


def test_the_summary_line_counts_in_words_a_reader_expects():
    stats = BatchStats(documents=1)
    stats.errors_by_kind["invalid JSON"] = 1
    assert stats.summary().startswith("1 document, 1 error, ")
    stats = BatchStats(documents=3)
    assert stats.summary().startswith("3 documents, 0 errors, ")
