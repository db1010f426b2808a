"""The C accelerators (cleaner/_c/) against the pure-Python path they replace: both must give the
same bodies, titles, removals, features and probabilities on real captures, the build must not
silently fall back where a compiler is present, and CLEANER_PURE_PYTHON=1 must force the fallback."""
from __future__ import annotations

import gzip
import os
import shutil
import subprocess
import sys
import sysconfig
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from lxml import html as lxml_html

from cleaner import Cleaner, accel, phrases
from cleaner.cleaners import bylines, captions, classifier, comments, duplicates, promos, related, ui_controls
from cleaner.cleaners.classifier import stage_probabilities
from cleaner.cleaners.cues import LineCues, candidates
from cleaner.document import Document
from cleaner.features import BASE_NAMES, N_FIRST, base_features, page_rows
from cleaner.model import Mlp, shipped_model
from cleaner.options import Options
from tests.helpers import ROOT, seeds

HTML_FIXTURES = sorted((ROOT / "fixtures" / "html").glob("*.html.gz"))
# How far the C forward pass's probabilities may be from numpy's (float32 sums in another order
# move them by about 1e-7, 2e-6 at most over both benchmarks' pages; train/README.md).
FORWARD_ATOL = 1e-5
CUED = (bylines, captions, comments, duplicates, promos, related, ui_controls)


def _compiler() -> bool:
    cc = (sysconfig.get_config_var("CC") or "cc").split()[0]
    headers = Path(sysconfig.get_paths()["include"]) / "Python.h"
    return bool(shutil.which(cc) or shutil.which("gcc")) and headers.is_file()


def _flattened(path: Path) -> str:
    """An HTML capture flattened the way a naive scraper saves it: every text node on a line of
    its own, menus, footers and scripts' neighbours included."""
    tree = lxml_html.fromstring(gzip.decompress(path.read_bytes()))
    for bad in tree.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    return "\n".join(tree.itertext())


def _pages() -> list[tuple[str, str]]:
    pages = [(name, text) for name, text, _, _ in seeds()]
    pages += [(path.name, _flattened(path)) for path in HTML_FIXTURES]
    # the same pages without blank lines: another dumper's layout, which the gap features read
    return pages + [(f"{name} (no blank lines)", "\n".join(l for l in text.splitlines() if l.strip()))
                    for name, text in pages]


@pytest.fixture
def pure(monkeypatch):
    """Switch every accelerator off for the test's calls that ask for it."""
    def switch_off():
        for name in accel.MODULES:
            monkeypatch.setattr(accel, name, None)
    return switch_off


def test_accelerators_are_built_where_a_compiler_is():
    if accel.pure_python_forced():
        pytest.skip(f"{accel.PURE_PYTHON_ENV} is set: the pure-Python path is forced")
    if not _compiler():
        pytest.skip("no C compiler or Python headers here: cleaner runs its pure-Python path")
    assert accel.status() == {name: True for name in accel.MODULES}, \
        "a C accelerator was not built (see the pip log): CI would measure the fallback"


def test_the_environment_switch_forces_the_pure_python_path():
    out = subprocess.run([sys.executable, "-c", "from cleaner import accel; print(accel.status())"],
                         env={**os.environ, accel.PURE_PYTHON_ENV: "1"}, capture_output=True, text=True,
                         check=True, cwd=ROOT).stdout
    assert "True" not in out and "False" in out


@pytest.mark.skipif(not all(accel.status().values()), reason="the C accelerators are not built here")
@pytest.mark.parametrize("name,text", _pages(), ids=[name for name, _ in _pages()])
def test_both_paths_clean_real_captures_alike(name, text, pure):
    cleaner, model = Cleaner(site_rules=False), shipped_model()
    fast = cleaner.clean(text, kind="text")
    judged = Cleaner(site_rules=False, disable=["classifier", "comments", "markup"]).clean(text, kind="text").document
    fast_rows = page_rows(judged, model.lexicon)[:N_FIRST]
    judged.line_facts = None
    fast_p = stage_probabilities(judged, model)[:2]
    assert fast.removed, "a capture with clutter: the cleaners must have work to do"

    pure()
    slow = cleaner.clean(text, kind="text")
    judged.line_facts = None
    slow_rows = page_rows(judged, model.lexicon)[:N_FIRST]
    judged.line_facts = None
    slow_p = stage_probabilities(judged, model)[:2]

    assert (fast.text, fast.title, fast.description) == (slow.text, slow.title, slow.description)
    assert fast.removed == slow.removed
    np.testing.assert_allclose(fast_rows, slow_rows, rtol=1e-12, atol=1e-12)
    # The C forward pass sums each product in another order than OpenBLAS: the last bits of float32.
    for a, b in zip(fast_p, slow_p):
        np.testing.assert_allclose(a, b, rtol=0, atol=FORWARD_ATOL)


# The base rows read from the words' lexicon lookups and kinds.
WORD_ROWS = [BASE_NAMES.index(name) for name in ("stopword_share", "capital_share", "lex_mean",
                                                  "lex_known_share", "lex_sum")]


@pytest.mark.skipif(accel.linefeatures is None, reason="the C feature pass is not built here")
def test_word_rows_are_the_python_paths_to_the_bit(monkeypatch):
    """The C base pass looks a page's words up in batches that run across lines; each line's
    lexicon sum must still add its words in page order, as numpy's bincount does: the rows its
    words' lookups give are the same bits, on real captures, on lines of more words than a batch
    holds, and on pages of more words than the queue holds. (The logarithms' rows differ in their last bit: C's log1p is not numpy's.)"""
    lexicon = shipped_model().lexicon
    long_line = " ".join(["However, the council said it would"] * 30)   # 210 words
    # each string width, and lines of more characters than one packed count holds (127)
    wide = " ".join(["The council’s “plan” for Zürich"] * 12)   # two bytes a character
    widest = " ".join(["Fans cheered 🎉 as the Über team won 東京 2020"] * 8)   # four
    pages = [text for _, text in _pages()] + ["\n".join(["Share", long_line, "Menu", long_line + "."] * 3),
                                              "\n".join([wide, "Über", widest, "🎉", "x", wide + "."]),
                                              # more words than the queue counts at once (4,096),
                                              # on many lines and on one
                                              "\n".join([long_line] * 25 + ["Menu", " ".join([long_line] * 25)])]
    for text in pages:
        doc = Document.from_text(text)
        fast = np.empty((len(BASE_NAMES), len(doc)))
        assert accel.linefeatures.base_rows(doc.texts, None, doc.dropped, doc.gap_before,
                                            lexicon.accel_tables, fast)
        with monkeypatch.context() as m:
            m.setattr(accel, "linefeatures", None)
            slow = base_features(doc, lexicon)[0].T
        np.testing.assert_array_equal(fast[WORD_ROWS], slow[WORD_ROWS])
        np.testing.assert_allclose(fast, slow, rtol=1e-12, atol=1e-12)


def test_only_the_forward_pass_moves_probabilities(monkeypatch):
    """Every accelerator but the forward pass gives the numpy path's probabilities to the bit."""
    if accel.mlpinput is None or accel.linefeatures is None or accel.pagecontext is None:
        pytest.skip("the C feature accelerators are not built here")
    model = shipped_model()
    monkeypatch.setattr(accel, "mlpforward", None)
    for _, text in _pages()[:4]:
        judged = Cleaner(site_rules=False, disable=["classifier", "comments", "markup"]).clean(
            text, kind="text").document
        fast_p = stage_probabilities(judged, model)[:2]
        with monkeypatch.context() as m:
            for name in accel.MODULES:
                m.setattr(accel, name, None)
            judged.line_facts = None
            slow_p = stage_probabilities(judged, model)[:2]
        judged.line_facts = None
        for a, b in zip(fast_p, slow_p):
            np.testing.assert_array_equal(a, b)


# Lines each cleaner removes whose cues are easy to miss: bullets before the words, a long s or a
# Kelvin sign that case-insensitive matching reads as ASCII (first or second: the scan turns down
# an opening pair no word opens with), digits of another script, capitals, a credit in a line's
# last characters.
HARD_LINES = {
    promos: ["•• Follow us on Twitter", "\u017fign up for our newsletter", "_ We use cookies",
             "S\u0131gn up for our newsletter", "FOLLOW US ON TWITTER"],
    bylines: ["(AFP)", "— Reuters", "٣ min read", "By Jane Doe", "Published: Updated:"],
    captions: ["Soldiers at the border on Monday. Photo by Jane Doe", "License Photo",
               "A man walks past KCNA/UPI |", "Crowds gather (AFP)", "1 of 12", "3 OF 8 PHOTOS"],
    comments: ["• Reply", "| Report abuse", "3 days ago", "12 Comments", "Rating: 25 Votes"],
    related: ["Read more:", "Related: Markets fall again on rate fears", "Editor's Choice", "READ MORE"],
    ui_controls: ["• Dark", "Theme", "...", "A+", "___", "— | —", "• DARK MODE ›", "Français", "中文",
                  "※ · ※"],
    duplicates: ["Markets fall again Markets fall again", "Sign up for the weekly briefing here",
                 "Sign up for the weekly briefing here"],
}


@pytest.mark.skipif(accel.linescan is None, reason="the C line scan is not built here")
@pytest.mark.parametrize("module", CUED, ids=[m.__name__.rsplit(".", 1)[1] for m in CUED])
def test_cues_keep_every_line_the_patterns_remove(module, pure):
    cleaner_cls = next(v for v in vars(module).values()
                       if isinstance(v, type) and getattr(v, "name", "") and v.__module__ == module.__name__)
    lines = HARD_LINES[module]
    # each line between two paragraphs, so the page has prose around it
    prose = "This is a plain sentence of body text that says nothing in particular at all."
    text = "\n".join(x for line in lines for x in (prose, line)) + "\n" + prose
    picked = candidates(Document.from_text(text), module._CUES)
    fast = Document.from_text(text)
    cleaner_cls().apply(fast, Options())
    pure()
    slow = Document.from_text(text)
    cleaner_cls().apply(slow, Options())
    assert {r.text for r in slow.removals()} >= set(lines), "the pure path removes every hard line"
    assert {r.index for r in slow.removals()} <= set(picked), "the scan picks every line removed"
    assert fast.removals() == slow.removals()


class _OneHash(str):
    """A str whose every value hashes alike: lines that collide in the scan's table of texts met."""

    def __hash__(self) -> int:
        return 7


@pytest.mark.skipif(accel.linescan is None, reason="the C line scan is not built here")
def test_the_repeat_cue_tells_colliding_texts_apart():
    """The repeats cue keeps the texts met in a table by their hash: texts with equal hashes are
    compared as strings, so only a real repeat is one (a set of the texts answers the same)."""
    base = "A line long enough to count as a repeat"
    texts = [_OneHash(f"{base} {k}") for k in (1, 2, 3, 2, 1, 4)] + [f"{base} 3", base]
    picked = candidates(Document(texts=texts, kinds=["line"] * len(texts), gap_before=[True] * len(texts)),
                        duplicates._CUES)
    seen, repeats = set(), []
    for i, text in enumerate(texts):
        if text in seen:
            repeats.append(i)
        seen.add(text)
    assert picked == repeats == [3, 4]


@pytest.mark.skipif(accel.linescan is None, reason="the C line scan is not built here")
def test_the_label_and_no_word_cues_pick_only_what_they_name():
    """The UI-control cues leave out the many short lines that are no control, and keep every
    line whose stripped, lower-cased text the table may hold (a non-ASCII one always)."""
    texts = ["Dark", "Dark matter", "• ENGLISH ›", "Español", "___", "Body text.", "DARK MODE",
             "--", "No 1", "sign in to", "Kelvin"]
    cues = LineCues(no_word=True, labels=frozenset({"dark", "english", "dark mode"}), label_strip=" •›")
    assert candidates(Document(texts, ["line"] * len(texts), [False] * len(texts)), cues) == \
        [0, 2, 3, 4, 6, 7, 10]


@pytest.mark.skipif(accel.linescan is None, reason="the C line scan is not built here")
def test_the_tail_repeat_and_halves_cues_pick_only_what_they_name():
    """A tail word counts only on a line that does not end in one of `tail_unless_ends`; a repeat
    only of a line at least `repeats_min_chars` long (a shorter earlier copy included); halves
    only when they are equal."""
    def picked(texts, cues):
        return candidates(Document(texts, ["line"] * len(texts), [False] * len(texts)), cues)

    tail = LineCues(tail_words=("photo",), tail_chars=20, tail_unless_ends=".”")
    assert picked(["Crowds. PHOTO by Jane", "Crowds. Photo by Jane.", "Photo by Jane”", "Photo by Jane!"],
                  tail) == [0, 3]
    repeats = LineCues(repeats_earlier=True, repeats_min_chars=6)
    assert picked(["Share", "Share", "Subscribe", "Body text.", "Subscribe", "Share", "Subscribe"],
                  repeats) == [4, 6]
    halves = LineCues(halves=True)
    assert picked(["Big news Big news", "Big news Big newt", "Big news  Big news", "Dé jà Dé jà", "a a"],
                  halves) == [0, 3, 4]


@pytest.mark.skipif(accel.linescan is None, reason="the C line scan is not built here")
def test_the_digit_words_cue_picks_only_what_it_names():
    """A line opening with a digit (str.isdigit: "٣" too) and holding one of the words in any
    case, at most `digit_words_max_chars` long; a non-ASCII character that may fold to an ASCII
    letter (U+017F, "ſ") in one of a word's places counts as holding it."""
    texts = ["1 of 12", "3 OF 8", "12:45 Monday", "Of 1", "٣ of ٨", "2 ſf", "10 of 100 photos in all",
             "7 offers", "4 o f", "5 MIN read"]
    def picked(cues):
        return candidates(Document(texts, ["line"] * len(texts), [False] * len(texts)), cues)

    assert picked(LineCues(digit_words=("of",), digit_words_max_chars=12)) == [0, 1, 4, 5, 7]
    assert picked(LineCues(digit_words=("of", "m"))) == [0, 1, 2, 4, 5, 6, 7, 9]
    with pytest.raises(ValueError):
        LineCues(digit_words=("Of",))


@pytest.mark.skipif(accel.linescan is None, reason="the C line scan is not built here")
def test_the_paren_words_cue_picks_only_what_it_names():
    """A line ending in ")" with a "(" directly followed by one of the words in any case (any
    such bracket, not only the last); U+017F ("ſ") may fold to "s" and counts."""
    texts = ["Crowds gather (AFP)", "中文 (Chinese)", "Crowds (Reuters) gather", "A (b) and (PHOTO: X)",
             "(afp", "Men (ſupplied)", "Men ( AFP)"]
    cues = LineCues(paren_words=("afp", "photo", "supplied"))
    assert candidates(Document(texts, ["line"] * len(texts), [False] * len(texts)), cues) == [0, 3, 5]


@pytest.mark.skipif(accel.linescan is None, reason="the C line scan is not built here")
def test_line_scan_refuses_bad_cues_instead_of_reading_past_them():
    texts, dropped = ["Read more:", "Body text."], [None, None]
    good = LineCues(starts=("read",)).packed
    assert accel.linescan.select(texts, dropped, good) == [0]
    with pytest.raises(ValueError):
        accel.linescan.select(texts, dropped, (-1, -1, -1, ("Read",), 0, "", "", (), 0, False, False,
                                               False, None, "", 0, "", False))
    with pytest.raises(ValueError):
        accel.linescan.select(texts, dropped, (-1, -1, -1, ("see", "also", "sign"), 0, "", "", (), 0,
                                               False, False, False, None, "", 0, "", False))
    with pytest.raises(TypeError):
        accel.linescan.select(texts, dropped, (-1, -1, -1, (), 0, "", "", (), 0, False, False, False,
                                               ["read more:"], "", 10, "r", False))
    with pytest.raises(ValueError):
        accel.linescan.select(texts, [None], good)
    with pytest.raises(TypeError):
        accel.linescan.select([b"bytes"], [None], good)
    with pytest.raises(ValueError):
        LineCues(starts=("Read",))
    # Compiled once, the cues are checked as strictly, and pick the same lines.
    assert accel.linescan.select(texts, dropped, accel.linescan.compile(good)) == [0]
    with pytest.raises(ValueError):
        accel.linescan.compile((-1, -1, -1, ("Read",), 0, "", "", (), 0, False, False, False, None, "",
                                0, "", False))
    with pytest.raises(TypeError):
        accel.linescan.select(texts, dropped, ["not", "cues"])


@pytest.mark.skipif(accel.linescan is None, reason="the C line scan is not built here")
def test_whole_word_starts_leave_out_only_lines_bylines_turns_down():
    """Bylines' cue takes its opening words whole (starts_whole): "Pamela", "April" and "Then" no
    longer open with the agencies' "pa", "ap" and "the". Every line of the seed captures that the
    prefix cue picks and the whole-word cue leaves out gets no verdict from bylines' own tests."""
    whole = bylines._CUES
    prefix = LineCues(starts=whole.starts, skip=whole.skip, digit_words=whole.digit_words)
    lines = ["Pamela Wilson", "April 3", "Then it rained.", "By Jane Doe", "By: Jane Doe", "(AFP)", "AFP",
             "— Reuters", "Reading time: 5 min. The vote", "Published: Updated:", "Bylines", "BY\u0130"]
    picked = accel.linescan.select(lines, [None] * len(lines), whole.compiled(accel.linescan))
    assert [lines[i] for i in picked] == ["By Jane Doe", "By: Jane Doe", "(AFP)", "AFP", "— Reuters",
                                          "Reading time: 5 min. The vote", "Published: Updated:", "BY\u0130"]
    left_out = _left_out(prefix, whole)
    assert left_out
    for line in left_out:
        assert bylines.Bylines._metadata_rule(line) is None
        assert not bylines.GLUED_FRAGMENT.match(line)


def _left_out(wide: LineCues, narrow: LineCues) -> list[str]:
    """The lines of the seed captures the wide cues pick and the narrow ones leave out."""
    lines = []
    for _, text, _, _ in seeds():
        doc = Document.from_text(text)
        keep = [None] * len(doc)
        picked = set(accel.linescan.select(doc.texts, keep, narrow.compiled(accel.linescan)))
        lines += [doc.texts[i] for i in accel.linescan.select(doc.texts, keep, wide.packed) if i not in picked]
    return lines


@pytest.mark.skipif(accel.linescan is None, reason="the C line scan is not built here")
def test_ends_with_cue_is_str_endswith():
    """The ends_with cue picks exactly the lines str.endswith picks: suffixes of several
    characters, lines shorter than a suffix, non-ASCII lines and suffixes."""
    cues = LineCues(ends_with=("…", "...", "]", "ß!"))
    lines = ["", ".", "..", "...", "a...", "a..", "Wait…", "Wait….", "[…]", "x]", "]", "Straße!", "ße!",
             "ß!", "e!", "Ünïcode...", "日本…", "日本.", "a.b..."]
    picked = accel.linescan.select(lines, [None] * len(lines), cues.compiled(accel.linescan))
    assert picked == [i for i, line in enumerate(lines) if line.endswith(cues.ends_with)]
    with pytest.raises(ValueError):
        LineCues(ends_with=("",))


@pytest.mark.skipif(accel.linescan is None, reason="the C line scan is not built here")
def test_truncated_cue_leaves_out_only_lines_its_test_turns_down():
    """The truncated teasers' cue is the test's own first clause (the line ends with an ellipsis
    or "]"), where a cue of last characters picked every line ending in ".". Every line of the
    seed captures the old cue picks and the new one leaves out fails the truncation test."""
    left_out = _left_out(LineCues(ends="….]"), classifier._TRUNCATED_CUES)
    assert left_out
    for line in left_out:
        assert not (line.endswith(classifier.TRUNCATED_ENDS)
                    and classifier.TRUNCATED.search(line[-classifier.TRUNCATED_TAIL:]))


@pytest.mark.skipif(accel.linescan is None, reason="the C line scan is not built here")
def test_compiled_cues_pick_what_the_packed_cues_pick_on_real_pages():
    """Every cleaner's cues, read once (LineCues.compiled) or on every call, on the seed captures
    with some lines dropped: the same lines."""
    from cleaner.cleaners import classifier
    cue_sets = [v for m in (bylines, captions, classifier, comments, duplicates, promos, related, ui_controls)
                for v in vars(m).values() if isinstance(v, LineCues)]
    assert len(cue_sets) >= 9
    for _, text, _, _ in seeds():
        doc = Document.from_text(text)
        for i in range(0, len(doc), 3):
            doc.drop(i, "test", "every-third")
        for cues in cue_sets:
            compiled = cues.compiled(accel.linescan)
            assert compiled is cues.compiled(accel.linescan)  # (read once)
            assert accel.linescan.select(doc.texts, doc.dropped, compiled) == \
                accel.linescan.select(doc.texts, doc.dropped, cues.packed)


@pytest.mark.skipif(accel.linefeatures is None or accel.pagecontext is None or accel.mlpinput is None,
                    reason="the C feature accelerators are not built here")
def test_feature_accelerators_check_their_buffers():
    model = shipped_model()
    tables = model.lexicon.accel_tables
    texts = ["A line.", "Another line of text."]
    with pytest.raises(ValueError):  # too few rows to write into
        accel.linefeatures.base_rows(texts, {t: 1 for t in texts}, [None, None], [True, False], tables,
                                     np.empty((3, 2)))
    with pytest.raises(TypeError):  # a table of the wrong type
        accel.linefeatures.base_rows(texts, {t: 1 for t in texts}, [None, None], [True, False],
                                     (tables[0].astype(np.float64),) + tables[1:], np.empty((34, 2)))
    with pytest.raises(ValueError):  # a text the repeats do not count
        accel.linefeatures.base_rows(texts, {}, [None, None], [True, False], tables, np.empty((34, 2)))
    # an empty line is left to the Python path, which reads its neighbours' characters
    assert accel.linefeatures.base_rows(["", "x"], {"": 1, "x": 1}, [None, None], [True, False], tables,
                                        np.empty((34, 2))) is False
    with pytest.raises(TypeError):  # repeats neither counted nor None
        accel.linefeatures.base_rows(texts, [1, 1], [None, None], [True, False], tables, np.empty((34, 2)))
    # None: the C pass counts the repeats itself, as a Counter of the page does (equal texts as
    # distinct objects, a text three times, the rest once)
    texts = ["Share", "A line.", "Sha" + "re", "Another line of text.", "Share", "A line!"]
    kept, gaps, counted, given = [None] * 6, [False] * 6, np.empty((34, 6)), np.empty((34, 6))
    assert accel.linefeatures.base_rows(texts, None, kept, gaps, tables, counted)
    assert accel.linefeatures.base_rows(texts, Counter(texts), kept, gaps, tables, given)
    np.testing.assert_array_equal(counted, given)
    np.testing.assert_array_equal(np.rint(np.exp(counted[20])), [3, 1, 3, 1, 3, 1])
    with pytest.raises(ValueError):  # a row index past the base rows
        accel.pagecontext.context_rows(np.zeros((34, 2)), np.empty((56, 2)), (40,), 30, (1,), (3,))
    with pytest.raises(ValueError):  # an output of the wrong size
        accel.pagecontext.stacked_rows(np.zeros(2), np.ones(2, dtype=np.int64), np.empty((5, 2)),
                                       (1, 2, -1, -2), (2, 5, 15), (0.3, 0.5))
    with pytest.raises(TypeError):  # lengths as floats
        accel.pagecontext.stacked_rows(np.zeros(2), np.ones(2), np.empty((13, 2)),
                                       (1, 2, -1, -2), (2, 5, 15), (0.3, 0.5))
    lo, hi = np.zeros(3, dtype=np.float32), np.ones(3, dtype=np.float32)
    out = np.empty((2, 3), dtype=np.float32)
    accel.mlpinput.clip_rows(np.array([[-1.0, 0.5], [2.0, np.nan], [0.25, -0.0]]), lo, hi, out)
    np.testing.assert_array_equal(out, np.clip(np.array([[-1.0, 2.0, 0.25], [0.5, np.nan, -0.0]], dtype=np.float32),
                                               lo, hi))
    with pytest.raises(ValueError):  # bounds for fewer features than the rows hold
        accel.mlpinput.clip_rows(np.zeros((3, 2)), lo[:2], hi[:2], out)
    with pytest.raises(TypeError):  # a float64 output
        accel.mlpinput.clip_rows(np.zeros((3, 2)), lo, hi, np.empty((2, 3)))
    rows = np.random.default_rng(0).normal(size=(3, 21))  # more lines than a tile, not a multiple
    out = np.empty((21, 3), dtype=np.float32)
    accel.mlpinput.clip_rows(rows, lo, hi, out)
    np.testing.assert_array_equal(out, np.clip(rows.T.astype(np.float32), lo, hi))
    h = np.array([[-1.5, 0.25, np.nan], [2.0, -0.0, -3.0]], dtype=np.float32)
    bias = np.array([1.0, -0.25, 0.5], dtype=np.float32)
    expected = np.maximum(h + bias, 0.0)
    accel.mlpinput.bias_relu(h, bias)
    np.testing.assert_array_equal(h, expected)
    with pytest.raises(ValueError):  # a bias for another layer width
        accel.mlpinput.bias_relu(h, bias[:2])
    with pytest.raises(TypeError):  # float64 values
        accel.mlpinput.bias_relu(h.astype(np.float64), bias)
    # The logistic's steps around numpy's exp, against numpy's own five steps
    z = np.array([-88.0, -3.5, -0.0, 0.1, 2.75, 40.0, np.nan], dtype=np.float32)
    b = np.float32(-0.37)
    expected = z + b
    np.negative(expected, out=expected)
    np.exp(expected, out=expected)
    expected += 1.0
    np.reciprocal(expected, out=expected)
    accel.mlpinput.negated_sum(z, b)
    np.exp(z, out=z)
    p = np.empty(len(z))
    accel.mlpinput.logistic_from_exp(z, p)
    np.testing.assert_array_equal(p, expected.astype(np.float64))
    with pytest.raises(TypeError):  # float64 values
        accel.mlpinput.negated_sum(z.astype(np.float64), b)
    with pytest.raises(ValueError):  # an output of another length
        accel.mlpinput.logistic_from_exp(z, np.empty(3))
    with pytest.raises(TypeError):  # a float32 output
        accel.mlpinput.logistic_from_exp(z, np.empty(len(z), dtype=np.float32))


def _network(rng, widths: list[int], blocks: int = 1) -> Mlp:
    """A random perceptron of these layer widths (deeper layers of `blocks` diagonal blocks, as a
    merged ensemble has), with a few dead units."""
    weights, biases = [], []
    for i, (a, b) in enumerate(zip(widths, widths[1:] + [1])):
        w = rng.normal(size=(a, b)) / np.sqrt(a)
        if 0 < i < len(widths) - 1 and blocks > 1:
            mask = np.kron(np.eye(blocks), np.ones((a // blocks, b // blocks)))
            w *= mask
        weights.append(w)
        biases.append(rng.normal(size=b) * 0.1 - 0.05)
    k = widths[0]
    return Mlp(mean=rng.normal(size=k), scale=rng.uniform(0.5, 2, size=k), weights=tuple(weights),
               biases=tuple(biases))


KERNELS = accel.mlpforward.kernels() if accel.mlpforward is not None else ()


@pytest.mark.skipif(accel.mlpforward is None, reason="the C forward pass is not built here")
@pytest.mark.parametrize("kernel", KERNELS)
@pytest.mark.parametrize("widths,blocks", [([94, 192, 96], 3), ([107, 96, 48], 3), ([5, 3], 1),
                                           ([20, 21, 7, 33], 1), ([9, 64, 64, 16], 4),
                                           ([6] + [8] * 11, 2)])
@pytest.mark.parametrize("lines", [0, 1, 15, 16, 17, 173])
def test_the_forward_pass_gives_numpys_probabilities(widths, blocks, lines, kernel, monkeypatch):
    """Any widths (a column at a time past the vector groups), diagonal blocks or full matrices,
    a page of any length (a partial last tile), clipped outliers and NaN kept as numpy keeps it;
    each build this processor runs (the best one is used, the others where it lacks them)."""
    rng = np.random.default_rng(lines * 31 + len(widths))
    mlp = _network(rng, widths, blocks)
    rows = rng.normal(size=(widths[0], lines)) * 3 + mlp.mean[:, None]
    if lines:
        rows[0, 0] = 1e30   # clipped to six deviations
        rows[-1, lines - 1] = np.nan
    fast = np.empty(lines)
    accel.mlpforward.proba(rows, mlp._lo, mlp._hi, mlp._layers, mlp._out, mlp._out_bias, fast, kernel)
    if kernel == KERNELS[0]:
        np.testing.assert_array_equal(mlp.proba(rows.T), fast)   # (what Mlp.proba runs)
    monkeypatch.setattr(accel, "mlpforward", None)
    slow = mlp.proba(rows.T)
    assert fast.dtype == slow.dtype == np.float64 and fast.shape == slow.shape == (lines,)
    np.testing.assert_array_equal(np.isnan(fast), np.isnan(slow))
    np.testing.assert_allclose(fast, slow, rtol=0, atol=FORWARD_ATOL)
    if lines > 1:
        assert np.isnan(fast[-1]) and not np.isnan(fast[:-1]).any()


@pytest.mark.skipif(accel.mlpforward is None, reason="the C forward pass is not built here")
@pytest.mark.parametrize("kernel", KERNELS)
def test_a_lines_probability_is_the_same_bits_in_any_tile(kernel):
    """A page's last tile works out only its first vector of lines when it holds no more: every
    line's probability is the same bits whether it sits in a full tile, a half one or a short
    page (the page cut after it)."""
    model = shipped_model()
    rng = np.random.default_rng(7)
    rows = rng.normal(size=(N_FIRST, 80)) * 2
    whole = np.empty(80)
    accel.mlpforward.proba(rows, model.first._lo, model.first._hi, model.first._layers, model.first._out,
                           model.first._out_bias, whole, kernel)
    for lines in (1, 15, 16, 17, 31, 32, 33, 48, 49, 79):
        cut = np.ascontiguousarray(rows[:, :lines])
        part = np.empty(lines)
        accel.mlpforward.proba(cut, model.first._lo, model.first._hi, model.first._layers, model.first._out,
                               model.first._out_bias, part, kernel)
        np.testing.assert_array_equal(part, whole[:lines])


@pytest.mark.skipif(accel.mlpforward is None, reason="the C forward pass is not built here")
def test_the_forward_pass_checks_its_buffers():
    mlp = _network(np.random.default_rng(1), [6, 32, 16], 2)
    lo, hi, layers, out, bias = mlp._lo, mlp._hi, mlp._layers, mlp._out, mlp._out_bias
    rows, p = np.zeros((6, 5)), np.empty(5)
    accel.mlpforward.proba(rows, lo, hi, layers, out, bias, p)
    with pytest.raises(ValueError):  # bounds for fewer features than the rows hold
        accel.mlpforward.proba(np.zeros((7, 5)), lo, hi, layers, out, bias, p)
    with pytest.raises(ValueError):  # a layer that does not read the width the one before gives
        accel.mlpforward.proba(rows, lo, hi, layers[::-1], out, bias, p)
    with pytest.raises(ValueError):  # biases for another width
        accel.mlpforward.proba(rows, lo, hi, ((layers[0][0], layers[0][1][:-1]),) + layers[1:], out, bias, p)
    with pytest.raises(ValueError):  # output weights for another width
        accel.mlpforward.proba(rows, lo, hi, layers, out[:-1], bias, p)
    with pytest.raises(ValueError):  # no layer at all
        accel.mlpforward.proba(rows, lo, hi, (), out, bias, p)
    with pytest.raises(TypeError):  # float64 weights
        accel.mlpforward.proba(rows, lo, hi, ((layers[0][0].astype(np.float64), layers[0][1]),) + layers[1:],
                               out, bias, p)
    with pytest.raises(ValueError):  # an output of another length
        accel.mlpforward.proba(rows, lo, hi, layers, out, bias, np.empty(4))
    with pytest.raises(TypeError):  # a float32 output
        accel.mlpforward.proba(rows, lo, hi, layers, out, bias, np.empty(5, dtype=np.float32))
    with pytest.raises(ValueError):  # a build that is not there
        accel.mlpforward.proba(rows, lo, hi, layers, out, bias, p, "avx9000")


@pytest.mark.skipif(accel.linefeatures is None, reason="the C feature pass is not built here")
def test_the_weights_prefetched_during_the_features_are_the_forward_pass_s_and_change_nothing():
    model = shipped_model()
    # every array the C forward pass reads, of both stages, and nothing else
    read = [a for stage in (model.first, model.second)
            for a in (stage._lo, stage._hi, stage._out, *(x for layer in stage._layers for x in layer))]
    assert sorted(zip(model.spans[::2], model.spans[1::2])) == sorted((a.ctypes.data, a.nbytes) for a in read)
    for name, text in _pages()[:4]:
        doc = Cleaner(site_rules=False, disable=["classifier"]).clean(text, kind="text").document
        np.testing.assert_array_equal(page_rows(doc, model.lexicon, model.spans)[:N_FIRST],
                                      page_rows(doc, model.lexicon)[:N_FIRST], err_msg=name)
    tables, texts = model.lexicon.accel_tables, ["A line.", "Another line of text."]
    args = (texts, None, [None, None], [True, False], tables, np.empty((34, 2)))
    assert accel.linefeatures.base_rows(*args, ())
    # a freed or never-mapped address is only a wasted hint: a prefetch cannot fault
    assert accel.linefeatures.base_rows(*args, (0, 1 << 20, 8, 64))
    with pytest.raises(ValueError, match="pairs"):
        accel.linefeatures.base_rows(*args, (0,))
    with pytest.raises(ValueError, match="negative"):
        accel.linefeatures.base_rows(*args, (0, -64))
    with pytest.raises(TypeError):
        accel.linefeatures.base_rows(*args, ("0", 64))


def test_a_model_unpickled_elsewhere_prefetches_its_own_weights():
    # a batch's or a Dask cluster's worker gets the model pickled: the addresses must be its copy's
    import pickle
    model = pickle.loads(pickle.dumps(shipped_model()))
    read = [a for stage in (model.first, model.second)
            for a in (stage._lo, stage._hi, stage._out, *(x for layer in stage._layers for x in layer))]
    assert sorted(zip(model.spans[::2], model.spans[1::2])) == sorted((a.ctypes.data, a.nbytes) for a in read)
    assert np.array_equal(model.first.proba(np.ones((2, len(model.first.mean)))),
                          shipped_model().first.proba(np.ones((2, len(model.first.mean)))))


@pytest.mark.skipif(accel.pagecontext is None, reason="the C page context pass is not built here")
def test_the_stages_higher_probability_is_numpys_maximum():
    """classifier._either: NaN on either side and ties, as numpy (zeros of either sign compare equal,
    which is all the classifier reads of them)."""
    a = np.array([0.2, np.nan, 0.7, -0.0, 0.0, 0.5, np.nan, 1e-300])
    b = np.array([0.3, 0.1, np.nan, 0.0, -0.0, 0.5, np.nan, -1e-300])
    out = np.empty(len(a))
    accel.pagecontext.maximum_into(a, b, out)
    expected = np.maximum(a, b)
    np.testing.assert_array_equal(out, expected)
    p1, p2 = np.random.default_rng(3).random((2, 300))
    assert classifier._either(p1, p2).tobytes() == np.maximum(p1, p2).tobytes()
    with pytest.raises(ValueError):  # arrays of different lengths
        accel.pagecontext.maximum_into(a, b[:-1], out)
    with pytest.raises(TypeError):  # float32 values
        accel.pagecontext.maximum_into(a.astype(np.float32), b, out)


@pytest.mark.skipif(accel.linescan is None, reason="the C line scan is not built here")
def test_line_shapes_match_the_shape_functions():
    from cleaner.cleaners.shape import _SHAPE_RULES, shape_of
    words = "one two three four five six seven eight nine ten eleven twelve".split()
    lines = ["", "A", "\ufffd", "Ends.\ufffd\ufffd", "Three words here", "three words here", "Ünïcode Headline Here",
             "٣ Arabic digit opens", "“Quoted headline opens here", "Ends in a colon here:", "ǅ titlecase opens this",
             " ".join(words) + ".", " ".join(words[:11]) + ".", " ".join(words) + "\ufffd", " ".join(words * 3),
             "Two words", "It said “no.”", "A line (with brackets)", "x " * 30 + "y"]
    lines += [text for _, page in _pages() for text in page.splitlines()]
    assert bytes(map(shape_of, lines)) == accel.linescan.shapes(lines, _SHAPE_RULES)
    with pytest.raises(TypeError):
        accel.linescan.shapes(["a", b"b"], _SHAPE_RULES)


# Every character str.splitlines() breaks at or str.strip() strips, and characters of each string
# kind around them: the C split must cut and trim exactly where Python does.
_BREAKS_AND_SPACES = [chr(c) for c in range(0x3001) if chr(c).isspace() or len(f"a{chr(c)}b".splitlines()) > 1]


@pytest.mark.skipif(accel.dumptext is None, reason="the C dump splitter is not built here")
def test_wrap_evidence_matches_the_pattern_on_marks_digits_and_spaces():
    """The C evidence filter reads reflow's leading-mark pattern and URL test as Python's re does:
    digits of any script (\\d), one to three of them before "." or ")", runs of "#", and every
    kind of whitespace after the mark; on every line of up to three of these pieces."""
    from itertools import product

    from cleaner.reflow import _not_evidence
    pieces = ["1", "123", "1234", "٣", "²", ".", ")", "*", "+", "|", "-", "#", "##", " ", "\t", "\u3000",
              "\xa0", "\x1c", "x", ":", "/", "://", "é", "😀"]
    lines = ["".join(p) for r in (1, 2, 3) for p in product(pieces, repeat=r)]
    lines += [text for _, text in _pages()]
    assert accel.dumptext.evidence(lines, 2) == [s for s in lines if len(s) >= 2 and not _not_evidence(s)]
    with pytest.raises(TypeError):
        accel.dumptext.evidence(["a", None], 0)


@pytest.mark.skipif(accel.dumptext is None, reason="the C dump splitter is not built here")
def test_dump_splitting_matches_python_on_every_break_and_space():
    from itertools import chain
    assert len(_BREAKS_AND_SPACES) == 29  # (Python 3.11's: none lies past U+3000)
    texts = ["", "\n", "\r\n", "\n\n", "a\r\r\nb", "\r", "x"]
    for c in _BREAKS_AND_SPACES:
        texts += [c, f"a{c}", f"{c}a", f"{c}{c}a{c}{c}b{c}", f"\r\n{c}\r", f" \t a \u3000{c}\u2029 b \u00a0",
                  f"é{c} 😀 ", f"€ {c}\r\n", f"\x7f{c}\x1f"]
    texts += [text for _, text in _pages()]
    for text in texts:
        lines = [raw.strip() for raw in text.splitlines()]
        assert accel.dumptext.split(text) == lines, repr(text)
        gaps = [not before for before, line in zip(chain(("",), lines), lines) if line]
        texts = list(filter(None, lines))
        assert accel.dumptext.blocks(lines) == (texts, gaps, sum(map(len, texts))), repr(text)
        assert accel.dumptext.at_least(lines, 3) == [line for line in lines if len(line) >= 3], repr(text)
    with pytest.raises(TypeError):
        accel.dumptext.split(b"bytes")
    with pytest.raises(TypeError):
        accel.dumptext.blocks(["a", None])


@pytest.mark.skipif(accel.dumptext is None, reason="the C dump splitter is not built here")
@pytest.mark.parametrize("text", ["plain", "caf\u00e9", "\u20ac uro", "\U0001f600 emoji", "a\x00b", "\u00e9\x00",
                                  "\u20ac\x00", "\U0001f600\x00", "a\ud800b", "\u20ac\udfff", "\U0001f600\udc80",
                                  "\ud7ff\ue000", "\U0001f600\ud7ff", ""])
def test_the_sanitizing_check_finds_every_nul_and_lone_surrogate(text):
    expected = "\x00" in text or any(0xD800 <= ord(c) <= 0xDFFF for c in text)
    assert accel.dumptext.needs_sanitizing(text) is expected


@pytest.mark.skipif(accel.dumptext is None, reason="the C dump splitter is not built here")
def test_the_not_xml_check_finds_exactly_what_the_parser_strips():
    """Every code point up to U+00FF and around U+FFFE, in strings of each width (Latin-1, BMP,
    astral), at the start and after many characters (the loop's vectorised body and its tail)."""
    from cleaner.html.parse import _NOT_XML
    widths = ("", "\u20ac", "\U0001f600")
    for c in [*range(0x100), 0xfffd, 0xfffe, 0xffff, 0xd7ff, 0x10ffff]:
        for pad in widths:
            for text in (chr(c) + pad, pad + "x" * 37 + chr(c) + "y" * 5, pad + "x" * 1100 + chr(c)):
                if not pad and c > 0xff:
                    continue
                expected = _NOT_XML.search(text) is not None
                assert accel.dumptext.markup_facts(text)[0] is expected, (hex(c), len(text))
    assert accel.dumptext.markup_facts("") == (False, -1)
    with pytest.raises(TypeError):
        accel.dumptext.markup_facts(b"bytes")


@pytest.mark.skipif(accel.dumptext is None, reason="the C dump splitter is not built here")
def test_the_first_page_end_tag_is_found_where_the_parsers_fallback_finds_it(monkeypatch):
    """"</ht" and "</bo" in any case, in strings of each width, at the start, across and at the end
    of the C loop's chunks, after near misses ("</h2>", "< /html>", "</\u0128t", "<\\html>",
    "</b>"), and the first of two; the pure-Python path (`_markup_facts` without the C module)
    agrees."""
    from cleaner.html import parse as parse_module
    texts = []
    for pad in ("", "\u20ac", "\U0001f600"):
        for at in (0, 1, 509, 510, 511, 512, 513, 1023, 1500):
            for tag in ("</html>", "</HTML>", "</hT", "</Ht", "</body>", "</BO", "</bO"):
                texts.append(pad + "x" * at + tag)
                texts.append(pad + "</h2>< /html></\u0128t<\\html></b>" + "y" * at + tag + "z" * 3 + "</html>")
        texts += [pad, pad + "</h", pad + "</h2></b>" * 200]
    fast = [accel.dumptext.markup_facts(t) for t in texts]
    monkeypatch.setattr(parse_module.accel, "dumptext", None)
    assert fast == [parse_module._markup_facts(t) for t in texts]
    assert sum(first >= 0 for _, first in fast) > len(texts) // 2


def _literal_prefixes(items) -> set[str]:
    """Every literal prefix a parsed regex (a `re._parser` list) can open with, lower-cased: each
    branch of an alternation gives its own, an optional group ("(?:i )?accept") both with and
    without it, and a prefix ends at the first other item."""
    import re._constants as c
    items = list(items)
    if not items:
        return {""}
    (op, arg), rest = items[0], items[1:]
    if op is c.LITERAL:
        return {chr(arg).lower() + q for q in _literal_prefixes(rest)}
    if op is c.AT:   # `^`: nothing to read
        return _literal_prefixes(rest)
    if op is c.SUBPATTERN:
        return _literal_prefixes(list(arg[-1]) + rest)
    if op is c.BRANCH:
        return set().union(*(_literal_prefixes(list(b) + rest) for b in arg[1]))
    if op is c.MAX_REPEAT and arg[0] == 0 and arg[1] == 1:
        return _literal_prefixes(rest) | _literal_prefixes(list(arg[2]) + rest)
    return {""}


def _after_bullets(items):
    """A pattern's items after its leading anchor and bullets (`[\\W_]{0,3}`), which the cue's skip covers."""
    import re._constants as c
    items = list(items)
    while items and (items[0][0] is c.AT or items[0][0] in (c.MAX_REPEAT, c.IN)):
        items.pop(0)
    return items


@pytest.mark.parametrize("pattern, openings", [
    (phrases.RELATED_MARKERS, phrases.MARKER_OPENINGS),
    (phrases.RAIL_MARKERS, phrases.MARKER_OPENINGS),
    (phrases.INLINE_TEASER, phrases.INLINE_TEASER_OPENINGS),
    (phrases.PROMO, phrases.PROMO_OPENINGS),
    (phrases.PAREN_CREDIT, tuple("(" + word for word in phrases.PAREN_CREDIT_OPENINGS)),
], ids=["related", "rails", "inline-teaser", "promo", "paren-credit"])
def test_every_alternative_of_a_pattern_opens_with_one_of_its_cue_words(pattern, openings):
    """The opening lists beside the patterns in phrases.py are kept by hand: a new alternative
    whose first words no opening covers would be skipped by the C scan and missed."""
    import re._parser
    prefixes = _literal_prefixes(_after_bullets(re._parser.parse(pattern.pattern, pattern.flags)))
    assert prefixes and "" not in prefixes
    uncovered = sorted(p for p in prefixes if not any(p.startswith(o) for o in openings))
    assert not uncovered, f"no opening covers {uncovered}"


@pytest.mark.parametrize("pattern, openings", [
    (phrases.RELATED_MARKERS, phrases.MARKER_OPENINGS),
    (phrases.RAIL_MARKERS, phrases.MARKER_OPENINGS),
    (phrases.INLINE_TEASER, phrases.INLINE_TEASER_OPENINGS),
], ids=["related", "rails", "inline-teaser"])
def test_every_alternative_opens_with_a_whole_cue_word_where_the_cue_takes_words_whole(pattern, openings):
    """related's cue takes its opening words whole (starts_whole): an alternative must open with
    one of them followed by no ASCII letter or digit ("dont miss" needs "dont", not "don")."""
    import re._parser
    assert related._CUES.starts_whole
    prefixes = _literal_prefixes(_after_bullets(re._parser.parse(pattern.pattern, pattern.flags)))
    uncovered = sorted(p for p in prefixes if not any(
        p.startswith(o) and (len(p) == len(o) or not (p[len(o)].isascii() and p[len(o)].isalnum()))
        for o in openings))
    assert not uncovered, f"no whole opening covers {uncovered}"


@pytest.mark.skipif(accel.document is None, reason="the C Document helpers are not built here")
def test_document_bookkeeping_in_c_matches_python(pure):
    """Dropping many lines at once, the kept mask and the line lengths: the same Removals (real
    named tuples), log, counts and arrays as the Python loops, on a seed capture."""
    from cleaner.document import Removal
    text = next(seeds())[1]
    fast_doc, slow_doc = Document.from_text(text), Document.from_text(text)
    for doc in (fast_doc, slow_doc):
        doc.drop(3, "captions", "credit-line")  # (a line dropped before: its first reason stays)
        doc.mark()
    chosen = list(range(0, len(fast_doc), 2)) + [3, np.int64(3)]  # (numpy's integers are indices too)
    fast_doc.drop_all(chosen, "classifier", "outside-main-region")
    fast_mask, fast_lens = fast_doc.kept_mask(), fast_doc.facts().lens

    pure()
    slow_doc.drop_all(chosen, "classifier", "outside-main-region")
    assert fast_doc.dropped == slow_doc.dropped and fast_doc.step_drops == slow_doc.step_drops
    assert fast_doc.kept_chars == slow_doc.kept_chars
    removal = fast_doc.dropped[0]
    assert type(removal) is Removal and removal.rule == "outside-main-region" and removal.index == 0
    assert removal.to_dict()["text"] == fast_doc.texts[0]
    np.testing.assert_array_equal(fast_mask, slow_doc.kept_mask())
    np.testing.assert_array_equal(fast_lens, np.array([len(t) for t in slow_doc.texts]))


@pytest.mark.skipif(accel.document is None, reason="the C Document helpers are not built here")
def test_document_helpers_refuse_what_they_cannot_read():
    from cleaner.document import Removal
    fast = accel.document
    texts, dropped = ["a", "bb"], [None, None]
    with pytest.raises(IndexError):
        fast.drop_all(dropped, texts, [2], Removal, "x", "y", [])
    with pytest.raises(IndexError):
        fast.drop_all(dropped, texts, [-1], Removal, "x", "y", [])
    with pytest.raises(TypeError):
        fast.drop_all(dropped, texts, ["0"], Removal, "x", "y", [])
    with pytest.raises(ValueError):
        fast.drop_all(dropped, ["a"], [0], Removal, "x", "y", [])
    with pytest.raises(TypeError):
        fast.drop_all(dropped, texts, [0], dict, "x", "y", [])
    with pytest.raises(TypeError):
        fast.drop_all(dropped, [b"a", "bb"], [0], Removal, "x", "y", [])
    assert dropped == [None, None]
    with pytest.raises(ValueError):
        fast.lengths_into(texts, np.empty(3, dtype=np.int64))
    with pytest.raises(TypeError):
        fast.lengths_into(texts, np.empty(2, dtype=np.float64))
    with pytest.raises(ValueError):
        fast.kept_into(dropped, np.empty(1, dtype=bool))


@pytest.mark.skipif(accel.pagecontext is None, reason="the C page context is not built here")
def test_the_main_region_weighs_doubted_kept_lines_as_the_python_path_does():
    from cleaner.cleaners import classifier
    from cleaner.features import main_region
    rng = np.random.default_rng(7)
    for n in (1, 2, 9, 40, 300):
        for _ in range(40):
            either = rng.random(n) ** rng.choice([0.5, 1.0, 3.0])
            kept = rng.random(n) < 0.6
            lens = rng.integers(0, 140, n).astype(np.int64)
            expected = main_region(either, classifier._region_lengths(kept, either, lens), classifier.REGION_THRESHOLD)
            assert classifier._main_region(either, kept, lens) == expected
    with pytest.raises(ValueError):  # a kept mask for another page
        accel.pagecontext.main_region(np.zeros(3), np.ones(3, dtype=np.int64), 0.25, np.ones(2, dtype=bool), 0.25, 60)


@pytest.mark.skipif(accel.pagecontext is None, reason="the C page-context pass is not built here")
def test_the_judged_lines_are_the_python_path_s(monkeypatch):
    """The classifier's kept lines judged not body, before, inside and after the main region, in C
    and in numpy, on random pages (NaN probabilities and ties with the threshold included)."""
    from cleaner.cleaners import classifier
    rng = np.random.default_rng(11)
    for n in (1, 2, 9, 40, 300):
        for _ in range(30):
            p2, either = rng.random(n), rng.random(n)
            p2[rng.random(n) < 0.05] = 0.5
            p2[rng.random(n) < 0.02] = np.nan
            either = np.maximum(either, np.nan_to_num(p2))
            kept = rng.random(n) < 0.6
            lo = int(rng.integers(0, n))
            hi = int(rng.integers(lo, n))
            fast = classifier._judged_lines(p2, either, kept, lo, hi, 0.5)
            with monkeypatch.context() as m:
                m.setattr(accel, "pagecontext", None)
                assert classifier._judged_lines(p2, either, kept, lo, hi, 0.5) == fast
    with pytest.raises(ValueError):  # a region past the page
        accel.pagecontext.verdict_lines(np.zeros(3), np.zeros(3), np.ones(3, dtype=bool), 1, 3, 0.5)
    with pytest.raises(ValueError):  # a kept mask for another page
        accel.pagecontext.verdict_lines(np.zeros(3), np.zeros(3), np.ones(2, dtype=bool), 0, 1, 0.5)


@pytest.mark.skipif(accel.linescan is None, reason="the C line scan is not built here")
def test_line_counts_match_list_count():
    for _, page in _pages():
        lines = page.splitlines()
        lines += lines[:5]  # (repeats, in copies that are not the same objects)
        for text in {*lines[:40], "", "Ü", "€ x", "𝐀", "no such line"}:
            assert accel.linescan.count(lines, text) == lines.count(text)
    # the same characters stored in another kind do not occur: equal strings are stored alike
    assert accel.linescan.count(["a€"[:1], "a", "ab"[:1] + ""], "a") == 3
    with pytest.raises(TypeError):
        accel.linescan.count(["a", b"a"], "a")
    with pytest.raises(TypeError):
        accel.linescan.count(["a"], b"a")


@pytest.mark.skipif(accel.linescan is None, reason="the C line scan is not built here")
def test_lines_opening_with_a_prefix_match_startswith():
    pages = [page.splitlines() for _, page in _pages()]
    for lines in pages:
        dropped = [None if k % 3 else ("dropped",) for k in range(len(lines))]
        for prefix in {line[:n] for line in lines[:12] for n in (0, 1, 8, len(line))} | {"Ü", "€ x", "𝐀"}:
            expected = [i for i, (t, d) in enumerate(zip(lines, dropped)) if d is None and t.startswith(prefix)]
            assert accel.linescan.opening_with(lines, dropped, prefix) == expected
    assert accel.linescan.opening_with(["Ab", "A", "Ab | Site", "ab"], [None] * 4, "Ab") == [0, 2]
    with pytest.raises(TypeError):
        accel.linescan.opening_with(["a", b"b"], [None, None], "a")
    with pytest.raises(ValueError):  # lists of different lengths
        accel.linescan.opening_with(["a", "b"], [None], "a")
    with pytest.raises(TypeError):
        accel.linescan.opening_with(["a"], [None], b"a")
