"""bench/site_learning.py on the benchmark's multi-page sites (text dumps): the protocol runs end to
end, learning from repetition never costs what the generic cleaners get right, and learning by
example stays above the generic cleaners by the margin pinned from the measured figures."""
from __future__ import annotations

import json
import shutil

import pytest

from tests.helpers import BENCH, ROOT, load_script

pytestmark = pytest.mark.skipif(not (BENCH / "score.py").is_file(),
                                reason=f"benchmark folder not found at {BENCH} (../shared/bench)")

# Leave-one-out learning by example on wcxb-dev's text dumps measured 0.693 against the generic
# cleaners' 0.675 with one line model, 0.674 against 0.655 with the next and 0.693 against 0.682
# with the one after. With the three-network line model the generic pass gained most (0.682 ->
# 0.705: steampowered 0.647 -> 0.704, ikea 0.695 -> 0.744, apple 0.572 -> 0.620) and now drops much
# of what the learned rules took out there, so by example gains 0.004 (0.709, itself up from
# 0.693). Once learned rules ran after the generic cleaners (only taking lines out of what they
# kept), 0.711 against 0.705. As on aeb below, the generic figure is the floor: a learned rule that
# ate bodies would take by example below it; the margin is half the measured gain.
BY_EXAMPLE_GAIN = 0.003
# `--learn-sites` against the same batch without it, word F1: on wcxb-dev's shops and docs it
# measured -0.001 (it cost 0.012 before it was checked against the generic verdict); on aeb's news
# and blog sites with two pages each +0.020 (+0.012 with the next line model, +0.003 once the
# classifier kept a doubted paragraph only beside believed body: the generic pass now drops most of
# the blurbs the learned rules took out; +0.005 by the time the items of recurring menus were
# learned, which changed nothing on these dumps). The margins leave room for a retrained classifier.
WCXB_LEARN_SITES_MARGIN = -0.003
AEB_PAIRS_LEARN_SITES_GAIN = 0.002
# The shops re-dumped as a browser's innerText: `--learn-sites` -0.0055 against generic (0.7054)
# while a shop's brand, in a list of brands above an FAQ the gold keeps and again in the footer,
# was learned as a cut marker; -0.0027 once a line a page prints twice was no marker (what is left
# is eBay's "Seller assumes all responsibility for this listing.", which the gold keeps).
WCXB_INNERTEXT_LEARN_SITES_MARGIN = -0.004
# The same pairs re-dumped by w3m, a console browser the line model never trained on, which prints
# every menu one item a line: `--learn-sites` +0.0105 over generic (0.9231), then +0.0164 once the
# items of a recurring menu were learned where the classifier keeps them (a run of short recurring
# lines). The margin is half the measured gain.
AEB_PAIRS_W3M_LEARN_SITES_GAIN = 0.008
# Learning by example from one page of a pair, against the generic cleaners, on aeb: word F1 0.9392
# against 0.9328, then 0.9452 against 0.9477 once the generic pass improved (every mode gained,
# the generic one most: its figure is the protocol's floor, not a baseline the rules must beat),
# then 0.9497 against 0.9548 with the three-network line model (generic +0.007, by example
# +0.0045: on wsj, morebikes, mysanantonio and autoracing the generic pass gained 0.03 to 0.09 and
# by example 0.02 at most or lost; latimes lost 0.03 by example). The loss was the rules running
# first: a learned line the generic cleaners drop anyway changed their verdict on its neighbours.
# Run after them (`after_generic`), 0.9587 against 0.9548: rules from one page now add, not cost.
AEB_PAIRS_BY_EXAMPLE_MARGIN = 0.002


def run_protocol(tmp_path, *args) -> dict:
    """The text protocol's row, with every figure a word F1 in (0, 1]."""
    module = load_script(ROOT / "bench" / "site_learning.py")
    out = tmp_path / "site_learning.json"
    assert module.main(["--bench", str(BENCH), "--kinds", "text", "--json", str(out), *args]) == 0
    (row,) = json.loads(out.read_text())
    for key in ("generic", "ccnet_dedup_then_generic", "learn_sites", "by_example_leave_one_out"):
        assert 0.0 < row[key]["word_f1"] <= 1.0
    return row


def test_site_learning_protocol_on_wcxb_text_dumps(tmp_path):
    row = run_protocol(tmp_path)
    assert row["pages"] == 5 * len(row["sites"]) and len(row["sites"]) >= 5
    assert row["by_example_leave_one_out"]["word_f1"] >= row["generic"]["word_f1"] + BY_EXAMPLE_GAIN
    assert row["learn_sites"]["word_f1"] >= row["generic"]["word_f1"] + WCXB_LEARN_SITES_MARGIN


def test_a_learned_cut_marker_spares_an_faq_the_gold_keeps(tmp_path):
    row = run_protocol(tmp_path, "--dumper", "innertext")
    assert row["dumper"] == "innertext" and row["pages"] == 5 * len(row["sites"])
    assert row["learn_sites"]["word_f1"] >= row["generic"]["word_f1"] + WCXB_INNERTEXT_LEARN_SITES_MARGIN


def test_learning_from_pairs_of_news_and_blog_pages(tmp_path):
    row = run_protocol(tmp_path, "--set", "aeb", "--pages", "2", "--min-site-pages", "2")
    assert row["pages"] == 2 * len(row["sites"]) and len(row["sites"]) >= 40
    assert row["learn_sites"]["word_f1"] >= row["generic"]["word_f1"] + AEB_PAIRS_LEARN_SITES_GAIN
    by_example = row["by_example_leave_one_out"]["word_f1"]
    assert by_example >= row["generic"]["word_f1"] + AEB_PAIRS_BY_EXAMPLE_MARGIN


@pytest.mark.skipif(not shutil.which("w3m"), reason="w3m (a Debian package) is not installed")
def test_learning_from_the_batch_pays_on_a_console_browsers_dumps(tmp_path):
    row = run_protocol(tmp_path, "--set", "aeb", "--pages", "2", "--min-site-pages", "2", "--dumper", "w3m")
    assert row["dumper"] == "w3m" and len(row["sites"]) >= 40
    assert row["learn_sites"]["word_f1"] >= row["generic"]["word_f1"] + AEB_PAIRS_W3M_LEARN_SITES_GAIN
    # The site-blind anchor drops the menus too, but with every line any other page shares.
    assert row["learn_sites"]["word_f1"] > row["ccnet_dedup_then_generic"]["word_f1"]
