"""WARC and ARC input: one record per HTML response, ids and urls from the archive, the HTTP charset
honoured, everything else skipped and counted."""
from __future__ import annotations

import gzip

import pytest

from cleaner import Cleaner
from cleaner.engines.work import clean_one
from cleaner.errors import InputError
from cleaner.io.record import TRUNCATED_INPUT, Skipped
from cleaner.io.warc import is_archive, read_archive
from tests.dumps import write_arc, write_warc


def test_warc_responses_become_records_and_the_rest_is_counted(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, 4)
    skipped = Skipped()
    records = list(read_archive(path, skipped))
    assert [r.url for r in records] == [f"https://news.example.org/story/{i}" for i in range(4)]
    assert all(r.id.startswith("<urn:uuid:") for r in records) and len({r.id for r in records}) == 4
    assert all(isinstance(r.content, bytes) and r.content.startswith(b"<!DOCTYPE html>") for r in records)
    assert skipped == {"request records": 4, "warcinfo records": 1, "non-HTML responses": 1}


def test_the_http_charset_decides_the_decoding(tmp_path):
    """The page declares nothing; only the HTTP header says ISO-8859-1 (read as cp1252, as browsers do)."""
    path = tmp_path / "latin.warc.gz"
    write_warc(path, 1, charset="iso-8859-1")
    record = next(read_archive(path))
    assert record.charset == "iso-8859-1" and "é".encode("latin-1") in record.content
    out = clean_one(Cleaner(), record).out
    assert out["title"] == "Story 0 é" or "Story 0 é" in out["text"]


@pytest.mark.parametrize("name", ["old.arc", "old.arc.gz"])
def test_arc_records_with_stable_ids_and_their_charset(tmp_path, name):
    path = tmp_path / name
    body = "<p>Olé à ça, the café reopened on Monday after a long winter of repairs to its old roof.</p>" * 3
    write_arc(path, [("http://a.example/1", f"<html><body><article>{body}</article></body></html>".encode("cp1252"),
                      "windows-1252"),
                     ("http://a.example/2", "<html><body><p>Два</p></body></html>".encode("utf-8"), "utf-8")])
    skipped = Skipped()
    records = list(read_archive(path, skipped))
    assert [r.url for r in records] == ["http://a.example/1", "http://a.example/2"]
    assert [r.charset for r in records] == ["windows-1252", "utf-8"]
    assert [r.id for r in records] == [r.id for r in read_archive(path)]  # the same every run
    assert records[0].date == "2010-01-01" and skipped == {"warcinfo records": 1}
    assert "Olé à ça" in clean_one(Cleaner(), records[0]).out["text"]


def test_a_broken_archive_is_an_input_error(tmp_path):
    whole = tmp_path / "whole.arc.gz"
    write_arc(tmp_path / "plain.arc", [("http://a.example/1", b"<p>x</p>", "utf-8")] * 3)
    whole.write_bytes(gzip.compress((tmp_path / "plain.arc").read_bytes()))  # one gzip member for all
    with pytest.raises(InputError, match="whole.arc.gz"):
        list(read_archive(whole))


def story_urls(records) -> list[str]:
    return [r.url for r in records]


def test_a_warc_cut_inside_a_record_keeps_the_records_before_it_and_names_the_cut_one(tmp_path):
    """fastwarc hands out an uncompressed file's last record with part of its content, silently."""
    packed, plain = tmp_path / "crawl.warc.gz", tmp_path / "crawl.warc"
    write_warc(packed, 4)
    data = gzip.decompress(packed.read_bytes())
    plain.write_bytes(data[: data.index(b"<title>Story 2") + 40])
    *documents, cut = read_archive(plain)
    assert story_urls(documents) == [f"https://news.example.org/story/{i}" for i in range(2)]
    assert all(r.error is None and r.content.rstrip().endswith(b"</html>") for r in documents)
    assert cut.url == "https://news.example.org/story/2" and cut.content is None
    assert cut.error_kind == TRUNCATED_INPUT and cut.error.startswith(f"{plain}: the file ends inside")
    assert "error" in clean_one(Cleaner(), cut).out


@pytest.mark.parametrize("gzipped_as", ["a member a record", "one stream"])
def test_a_gzipped_warc_cut_short_ends_in_an_error_record(tmp_path, gzipped_as):
    """A member a record (the standard): fastwarc drops the broken member without a word. One gzip
    stream for the whole file: it stops where the data does."""
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, 40)
    if gzipped_as == "one stream":
        path.write_bytes(gzip.compress(gzip.decompress(path.read_bytes())))
    intact = list(read_archive(path))
    assert len(intact) == 40 and all(r.error is None for r in intact)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    *documents, last = read_archive(path)
    assert 0 < len(documents) < 40 and story_urls(documents) == story_urls(intact[: len(documents)])
    assert all(r.error is None for r in documents)
    assert last.error_kind == TRUNCATED_INPUT and last.error.startswith(f"{path}: ")


@pytest.mark.parametrize("name", ["old.arc", "old.arc.gz"])
def test_an_arc_cut_short_names_its_last_record(tmp_path, name):
    """warcio hands out a record cut short with part of its content (or none), silently."""
    path = tmp_path / name
    write_arc(path, [(f"http://a.example/{i}", b"<p>" + b"word %d " % i * 300 + b"</p>", "utf-8")
                     for i in range(20)])
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    *documents, last = read_archive(path)
    assert story_urls(documents) == [f"http://a.example/{i}" for i in range(len(documents))]
    assert len(documents) >= 5 and all(r.error is None for r in documents)
    assert last.url == f"http://a.example/{len(documents)}" and last.error_kind == TRUNCATED_INPUT
    assert last.error.startswith(f"{path}: the record at byte ")


def test_archive_suffixes():
    assert all(is_archive(p) for p in ("a.warc", "a.warc.gz", "A.WARC.GZ", "a.arc", "a.arc.gz"))
    assert not any(is_archive(p) for p in ("a.jsonl", "a.warc.zst.jsonl", "warc"))
