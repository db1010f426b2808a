"""`cleaner batch` over a mix of dumps in one call: a folder tree, JSONL with malformed lines, a WARC."""
from __future__ import annotations

import gzip
import json
from collections import Counter

from cleaner import Cleaner
from cleaner.cli import main
from tests.dumps import SEED_TEXTS, read_jsonl, write_jsonl, write_tree, write_warc


def test_every_document_of_a_mixed_batch_comes_out_exactly_once(tmp_path):
    tree, pages, archive = tmp_path / "tree", tmp_path / "pages.jsonl", tmp_path / "crawl.warc.gz"
    tree_ids = write_tree(tree)
    write_jsonl(pages, 6, bad=2)
    write_warc(archive, 20)
    out, stats = tmp_path / "out.jsonl.gz", tmp_path / "stats.json"
    assert main(["batch", str(tree), str(pages), str(archive), "--out", str(out), "--workers", "2",
                 "--stats", str(stats)]) == 0
    rows = read_jsonl(out)
    ok, bad = [r for r in rows if "error" not in r], [r for r in rows if "error" in r]
    assert len(rows) == 4 + 8 + 20
    assert [r["id"] for r in rows[:4]] == tree_ids
    assert [r["id"] for r in ok[4:10]] == [f"j{i}" for i in range(6)]
    warc = rows[12:]
    assert [r["url"] for r in warc] == [f"https://news.example.org/story/{i}" for i in range(20)]
    assert len({r["id"] for r in warc}) == 20 and all(r["id"].startswith("<urn:uuid:") for r in warc)
    assert len(bad) == 2 and all("invalid JSON" in r["error"] and "pages.jsonl:" in r["error"] for r in bad)
    assert all(r["text"] for r in ok) and all(set(r) == {"id", "url", "site", "title", "text", "removed"} for r in ok)
    assert Counter(r["site"] for r in warc) == {"news.example.org": 20}
    summary = json.loads(stats.read_text())
    assert (summary["documents"], summary["errors"], summary["errors_by_kind"]) == (32, 2, {"invalid JSON": 2})
    assert summary["skipped"] == {"request records": 20, "warcinfo records": 1, "non-HTML responses": 1}
    assert summary["bytes_in"] > summary["bytes_out"] > 0 and 0 < summary["removed_share"]["related"] < 1


def test_folder_output_has_one_text_file_per_document_and_lists_them(tmp_path):
    pages = tmp_path / "pages.jsonl"
    pages.write_text("\n".join(json.dumps({"id": i, "text": SEED_TEXTS[0]})
                               for i in ("../../escape", "/etc/passwd", "ok", "ok", "a/b")) + "\n{bad\n")
    out = tmp_path / "out"
    assert main(["batch", str(pages), "--out", str(out), "--workers", "1"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "pages.jsonl"]
    listed = read_jsonl(out / "records.jsonl")
    assert [r.get("id") for r in listed] == ["../../escape", "/etc/passwd", "ok", "ok", "a/b", None]
    files = [r["file"] for r in listed[:5]]
    assert len(set(files)) == 5 and "error" in listed[5] and "text" not in listed[0]
    assert sorted(p.name for p in out.iterdir()) == sorted(files + ["records.jsonl"])
    body = Cleaner().clean(SEED_TEXTS[0], kind="text").text
    assert all((out / f).read_text(encoding="utf-8") == body + "\n" for f in files)


def test_an_out_that_is_neither_jsonl_nor_a_folder_is_refused_before_any_work(tmp_path, capsys):
    pages = tmp_path / "pages.jsonl"
    write_jsonl(pages, 2)
    assert main(["batch", str(pages), "--out", str(tmp_path / "out.json")]) == 2
    assert "OUT must end in .jsonl or .jsonl.gz" in capsys.readouterr().err
    assert main(["batch", "-", "--out", str(tmp_path / "o.jsonl"), "--resume"]) == 2
    assert "cannot re-read stdin" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pages.jsonl"]


def test_a_folder_after_disable_is_still_an_input(tmp_path):
    ids = write_tree(tmp_path / "tree")
    out = tmp_path / "o.jsonl"
    assert main(["batch", "--disable", "title", str(tmp_path / "tree"), "--out", str(out), "--workers", "1"]) == 0
    assert [r["id"] for r in read_jsonl(out)] == ids


def test_inputs_cut_short_keep_what_they_hold_and_the_batch_goes_on(tmp_path, capsys):
    """An interrupted download: the documents before the cut come out cleaned, the cut itself as an
    error record, and the inputs after it are read as usual. eval and learn, whose answer is about
    the whole input, refuse it instead."""
    pages, archive, after = tmp_path / "pages.jsonl.gz", tmp_path / "crawl.warc.gz", tmp_path / "after.jsonl"
    write_jsonl(tmp_path / "pages.jsonl", 30)
    packed = gzip.compress((tmp_path / "pages.jsonl").read_bytes())
    pages.write_bytes(packed[: len(packed) // 2])
    write_warc(archive, 20)
    archive.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    write_jsonl(after, 3)
    out, stats = tmp_path / "out.jsonl", tmp_path / "stats.json"
    assert main(["batch", str(pages), str(archive), str(after), "--out", str(out), "--workers", "2",
                 "--stats", str(stats)]) == 0
    rows = read_jsonl(out)
    cuts = [i for i, r in enumerate(rows) if "error" in r]
    assert len(cuts) == 2 and all(rows[i]["error"].startswith(str(p)) for i, p in zip(cuts, (pages, archive)))
    assert [r["id"] for r in rows[: cuts[0]]] == [f"j{i}" for i in range(cuts[0])] and cuts[0] > 0
    assert [r["id"] for r in rows[-3:]] == ["j0", "j1", "j2"] and all(r["text"] for r in rows[-3:])
    assert json.loads(stats.read_text())["errors_by_kind"] == {"truncated input": 2}
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "j0", "text": "x"}\n', encoding="utf-8")
    for command in (["eval", str(pages), str(gold)], ["learn", str(archive), "--out", str(tmp_path / "rules")]):
        capsys.readouterr()
        assert main(command) != 0
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "error:" in err and str(command[1]) in err


def test_html_files_from_a_folder_come_out_with_the_url_they_state(tmp_path):
    # a saved page has no URL beside it; its canonical link gives the record's url and site
    from cleaner.api import site_from_url
    from tests.test_html import CASES, page
    case = next(c for c in CASES if c.get("step") == "fronts")
    (tmp_path / "tree").mkdir()
    (tmp_path / "tree" / "saved.html").write_text(page(case), encoding="utf-8")
    out = tmp_path / "o.jsonl"
    assert main(["batch", str(tmp_path / "tree"), "--out", str(out), "--workers", "1"]) == 0
    [row] = read_jsonl(out)
    assert (row["url"], row["site"]) == (case["url"], site_from_url(case["url"]))
