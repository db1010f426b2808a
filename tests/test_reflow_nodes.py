"""Reflowing node-per-line dumps: a sentence cut at its inline tags is one line again; menus,
headings, list items and other dumps are left as they are; no text is invented or lost."""
import gzip
from pathlib import Path

import pytest

from cleaner import Cleaner, accel
from cleaner.document import dump_lines
from cleaner.reflow import reflow, reflow_lines
from cleaner.reflow_nodes import CONTINUING_MARKS, reflow_nodes

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT.parent / "shared" / "bench"

# A story as BeautifulSoup's get_text("\n", strip=True) prints it: every text node a line.
NODES = [
    "Home", "News", "Business",
    "WeWork faces inquiry",
    "(", "Reuters", ") — The New York State Attorney General is investigating",
    "WeWork", ", according to two people familiar with the matter.",
    "The", "company shelved its plans", "for an initial public offering on September 30.",
    "WeWork agreed to a", "rescue by its largest shareholder",
    ", Japanese technology investment company SoftBank Group Corp, last month.",
    "T", "he company declined to comment.",
    "Related stories", "WeWork's new chief executive", "SoftBank's losses",
]
JOINED = [
    "Home", "News", "Business",
    "WeWork faces inquiry",
    "(Reuters) — The New York State Attorney General is investigating WeWork, according to two "
    "people familiar with the matter.",
    "The company shelved its plans for an initial public offering on September 30.",
    "WeWork agreed to a rescue by its largest shareholder, Japanese technology investment company "
    "SoftBank Group Corp, last month.",
    "The company declined to comment.",
    "Related stories", "WeWork's new chief executive", "SoftBank's losses",
]


def test_a_sentence_cut_at_its_links_is_one_line_again():
    assert reflow("\n".join(NODES)).splitlines() == JOINED


def test_only_line_breaks_change():
    out = reflow_nodes(NODES)
    assert "".join(out).replace(" ", "") == "".join(NODES).replace(" ", "")


def test_blank_lines_still_end_a_paragraph():
    lines = NODES[:9] + [""] + ["company news", ", and more"]
    out = reflow_nodes(lines)
    assert out[out.index("") + 1:] == ["company news, and more"]


def test_one_mark_opening_a_line_is_not_evidence_enough():
    # A paragraph-a-line dump where one author's credentials follow a link to the name.
    lines = ["Was it really that bad?", "Roger Atkins", ", Masters in History",
             "The war cost millions of lives.", "Home", "About us"]
    assert reflow_nodes(lines) is lines
    assert reflow_nodes(lines + ["Written by:", "Jane Doe", ", PhD History"]) == [
        "Was it really that bad?", "Roger Atkins, Masters in History", "The war cost millions of lives.",
        "Home", "About us", "Written by:", "Jane Doe, PhD History"]


def test_code_listings_line_numbers_are_no_evidence():
    lines = ["15", ". build ();", "16", ". body (body)", "17", ". create ();"]
    assert reflow_nodes(lines) is lines


def _bs4_page():
    return gzip.open(ROOT / "fixtures" / "text" / "wcxb-2660.bs4.txt.gz", "rt", encoding="utf-8").read()


def test_a_real_bs4_dump_keeps_the_sentences_it_cut_at_links():
    # zotero.org's "Searching" as BeautifulSoup flattens it: before the reflow the classifier
    # dropped the pieces of each sentence that held a link, and the rest of the sentence with them.
    text = _bs4_page()
    assert "allow you to make\nsaved searches\n." in text
    body = Cleaner(site_rules=False).clean(text).text
    for sentence in ("Advanced searches offer more and finer control than quick searches, and allow "
                     "you to make saved searches.",
                     "To open the Advanced Search window, click on the magnifying glass icon () at "
                     "the top of the center pane."):
        assert sentence in body.splitlines()
    lines = dump_lines(text)
    out = reflow_lines(lines)
    assert len(out) < len(lines) * 0.8
    assert "".join(out).replace(" ", "") == "".join(lines).replace(" ", "")
    assert "Advanced Search" in out and "Saved Searches" in out  # headings keep their own lines


def test_the_c_cue_picks_every_line_the_evidence_can_count():
    texts = [_bs4_page(), "\n".join(NODES), "a\n, b\n,b\n) \n\n. The\né\n; x\n] y\n?  z",
             "\n".join(["x", "…", ", é", "\u3000, a"])]
    for text in texts:
        lines = dump_lines(text)
        expected = [i for i in range(1, len(lines))
                    if len(lines[i]) > 1 and lines[i][0] in CONTINUING_MARKS and lines[i][1] == " "]
        if accel.dumptext is not None:
            assert accel.dumptext.mark_openers(lines, CONTINUING_MARKS) == expected
    if accel.dumptext is not None:
        with pytest.raises(TypeError):
            accel.dumptext.mark_openers(["a", None], CONTINUING_MARKS)


@pytest.mark.skipif(not (BENCH / "aeb.text.jsonl.gz").exists(),
                    reason="the shared benchmark folder (../shared/bench) is not here")
def test_the_benchmark_dumps_are_read_as_node_per_line_almost_never():
    # Its own dumper puts a paragraph a line; of 1,678 pages one (a Q&A page whose two answers'
    # authors are links followed by ", credentials") shows the evidence.
    import json
    touched = 0
    for name in ("aeb", "wcxb-dev"):
        with gzip.open(BENCH / f"{name}.text.jsonl.gz", "rt", encoding="utf-8") as f:
            for row in map(json.loads, f):
                lines = dump_lines(row["text"])
                touched += reflow_nodes(lines) is not lines
    assert touched <= 1
