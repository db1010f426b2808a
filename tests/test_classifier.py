"""The learned line classifier: model loading, features, verdicts on plain cases, the seeds."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from cleaner import Cleaner
from cleaner.cleaners import PIPELINE_ORDER
from cleaner.cleaners.classifier import LineClassifier, line_probabilities, truncated_teasers
from cleaner.document import Document
from cleaner.features import line_features, stacked_features
from cleaner.model import LineModel, shipped_model
from cleaner.options import Options
from tests.helpers import BENCH, bench_record

SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"

MENU = ["Home", "World", "Business", "Sport", "Culture", "Travel", "Contact us", "Log in"]
PARAGRAPHS = [
    "The council voted on Tuesday to extend the library's opening hours, after a year in which "
    "the number of visitors rose by almost a third and the waiting list for study rooms grew.",
    "Officials said the change would cost about two hundred thousand pounds a year, which will "
    "be met from the budget that was set aside for the renovation of the old reading room.",
    "Residents who spoke at the meeting welcomed the decision, although several of them asked "
    "why the children's section would still close at five o'clock on weekdays.",
]


def page(lines: list[str]) -> str:
    return "\n".join(lines)


def test_model_loads_once_and_is_shared():
    model = shipped_model()
    assert isinstance(model, LineModel)
    assert shipped_model() is model
    assert model.lexicon.words, "the shipped model carries its word weights"


def test_features_have_one_row_per_line_and_fixed_width():
    doc = Document.from_text(page(MENU + PARAGRAPHS))
    x, names = line_features(doc, shipped_model().lexicon)
    assert x.shape == (len(doc.texts), len(names))
    assert np.isfinite(x).all()
    other, _ = line_features(Document.from_text(page(PARAGRAPHS)), shipped_model().lexicon)
    assert other.shape[1] == x.shape[1]
    lens = np.array([len(t) for t in doc.texts])
    stacked = stacked_features(x, np.full(len(lens), 0.5), lens)
    assert stacked.shape[0] == len(lens) and stacked.shape[1] > x.shape[1]


def test_features_handle_odd_text():
    doc = Document.from_text("中文网 新闻\n\u00a0·\u00a0\nÉté — «déjà» 2024!\nx")
    x, _ = line_features(doc, shipped_model().lexicon)
    assert x.shape[0] == 4 and np.isfinite(x).all()


def test_probabilities_are_probabilities():
    doc = Document.from_text(page(MENU + PARAGRAPHS))
    p = line_probabilities(doc, shipped_model())
    assert p.shape == (len(doc.texts),)
    assert ((p >= 0) & (p <= 1)).all()


def test_menu_is_dropped_and_paragraphs_kept_inline():
    # Menu items joined on one line each, without blank lines: nothing like the training dumps.
    text = page(["Home | World | Business | Sport | Culture | Travel",
                 "Subscribe to our newsletter",
                 *PARAGRAPHS,
                 "Privacy policy | Cookie settings | Terms of use | Contact us",
                 "© 2024 Example Media Group. All rights reserved."])
    result = Cleaner().clean(text, kind="text")
    for para in PARAGRAPHS:
        assert para in result.text
    assert "Home | World" not in result.text
    assert "Privacy policy" not in result.text
    dropped_by_classifier = [r for r in result.removed if r.cleaner == "classifier"]
    assert dropped_by_classifier, "the footer is the classifier's to drop"
    assert all(r.rule.startswith("p=") or r.rule == "outside-main-region"
               for r in dropped_by_classifier)


def test_classifier_follows_every_pattern_cleaner_and_can_be_disabled():
    # only the finishing steps (comment chrome, dumpers' marks, image names, kept copies, learned
    # site rules) come after it
    at = PIPELINE_ORDER.index(LineClassifier)
    assert {c.name for c in PIPELINE_ORDER[at + 1:]} == {"comments", "markup", "images", "copies", "site_rules"}
    text = page(MENU + PARAGRAPHS + ["Short line", "Another short line"])
    off = Cleaner(disable=["classifier"]).clean(text, kind="text")
    assert not any(r.cleaner == "classifier" for r in off.removed)


def test_threshold_option_controls_what_is_dropped():
    doc_text = page(MENU[:3] + PARAGRAPHS)
    strict = Cleaner(options=Options(classifier_threshold=0.999)).clean(doc_text, kind="text")
    lax = Cleaner(options=Options(classifier_threshold=0.0)).clean(doc_text, kind="text")
    assert not any(r.cleaner == "classifier" for r in lax.removed)
    assert len(strict.text) <= len(lax.text)


def test_html_blocks_are_left_alone():
    doc = Document(texts=["Home", "World"], kinds=["li", "li"], gap_before=[True, True])
    LineClassifier().apply(doc, Options())
    assert doc.kept() == [0, 1]


SEED_PAGES = sorted(p for p in SEEDS.glob("*.txt") if not p.name.endswith(".expected.txt"))


@pytest.mark.parametrize("source", SEED_PAGES, ids=lambda p: p.stem)
def test_seeds_stay_exact(source: Path):
    base = str(source)[: -len(".txt")]
    expected = Path(base + ".expected.txt").read_text(encoding="utf-8").strip()
    meta = json.loads(Path(base + ".expected.json").read_text(encoding="utf-8"))
    result = Cleaner().clean(source.read_text(encoding="utf-8"))
    assert result.text.strip() == expected
    assert result.title == meta["title"]


def test_inference_does_not_import_training_libraries():
    code = ("import sys; from cleaner import Cleaner; "
            "Cleaner().clean('Home\\nNews\\n' + 'A sentence of body text that goes on. ' * 20); "
            "bad = [m for m in ('sklearn', 'scipy', 'torch') if m in sys.modules]; "
            "print(bad); sys.exit(1 if bad else 0)")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_context_and_stacked_features_match_plain_definitions():
    """The features write neighbours and window means into one array with shared running sums;
    check them against the plain definitions (shift with zero padding, clipped window mean)."""
    from cleaner.features import CONTEXT_OF, NEAR, STACK_WINDOWS, _shift, main_region

    def window_mean(v, half):
        n = len(v)
        return np.array([v[max(i - half, 0):min(i + half + 1, n)].mean(axis=0) for i in range(n)])

    doc = Document.from_text(page(MENU + PARAGRAPHS + MENU[:3] + PARAGRAPHS[:1]))
    x, names = line_features(doc, shipped_model().lexicon)
    col = names.index
    for c in CONTEXT_OF:
        base = x[:, col(c)]
        assert np.array_equal(x[:, col(f"{c}@+1")], _shift(base, 1))
        assert np.array_equal(x[:, col(f"{c}@-2")], _shift(base, -2))
        assert np.allclose(x[:, col(f"{c}~{NEAR}")], window_mean(base, NEAR))
    lens = np.array([len(t) for t in doc.texts])
    p = np.linspace(0.05, 0.95, len(lens)) ** 2
    stacked = stacked_features(x, p, lens)
    k = x.shape[1]
    assert np.array_equal(stacked[:, :k], x)
    assert np.array_equal(stacked[:, k], p)
    assert np.array_equal(stacked[:, k + 1], _shift(p, 1))
    assert np.allclose(stacked[:, k + 5], window_mean(p, STACK_WINDOWS[0]))
    assert np.isclose(stacked[0, k + 8], np.average(p, weights=np.maximum(lens, 1)))
    lo, hi = main_region(p, lens, 0.3)
    inside = (np.arange(len(p)) >= lo) & (np.arange(len(p)) <= hi)
    assert np.array_equal(stacked[:, k + 9].astype(bool), inside)


CARDS = [line for k, (head, summary) in enumerate([
    ("Council approves new budget for city parks", "The plan adds two new playgrounds and a pond."),
    ("Schools to reopen after the winter storm", "Classes resume on Monday, the district said today."),
    ("Local bakery wins a national award", "The owners said they were surprised by the news."),
    ("Road works close the main bridge for a week", "Drivers are told to use the ring road instead."),
]) for line in (head, f"By Staff Writer {k}", f"March {k + 3}, 2021", summary)]


def test_card_rhythm_marks_repeated_cards_not_a_body():
    # Teaser cards repeat headline, byline, date, summary; a body's paragraphs repeat one shape.
    from cleaner.features import RHYTHM_WINDOWS, SHAPE_DATE, SHAPE_SHORT, rhythm_shapes

    doc = Document.from_text(page(PARAGRAPHS * 3 + CARDS))
    x, names = line_features(doc, shipped_model().lexicon)
    rhythm = x[:, names.index(f"rhythm~{RHYTHM_WINDOWS[0]}")]
    body, cards = slice(0, len(PARAGRAPHS) * 3), slice(len(PARAGRAPHS) * 3, None)
    assert rhythm[body][:5].max() == 0
    assert rhythm[cards][4:10].min() > 0.5   # the middle cards: their windows hold only cards
    shapes = rhythm_shapes(x.T.copy(), names)
    assert list(shapes[cards][:3]) == [SHAPE_SHORT, SHAPE_SHORT, SHAPE_DATE]
    dates = x[:, names.index([n for n in names if n.startswith("date_share")][0])]
    assert dates[cards].mean() > dates[body].mean()


def test_float32_inference_matches_float64_arithmetic():
    model = shipped_model()
    doc = Document.from_text(page(MENU + PARAGRAPHS))
    x, _ = line_features(doc, model.lexicon)
    first = model.first
    h = np.clip((x - first.mean) / first.scale, -6, 6)
    for w, b in zip(first.weights[:-1], first.biases[:-1]):
        h = np.maximum(h @ w + b, 0)
    expected = 1 / (1 + np.exp(-(h @ first.weights[-1][:, 0] + first.biases[-1][0])))
    assert np.allclose(first.proba(x), expected, atol=1e-4)


def test_full_paragraphs_next_to_the_main_region_join_it_unless_both_stages_rule_them_out():
    from cleaner.cleaners.classifier import EDGE_PARAGRAPH_MIN, _edge_paragraphs
    doc = Document.from_text(page(["Home", PARAGRAPHS[0], PARAGRAPHS[1], "Advertisement",
                                   PARAGRAPHS[2], PARAGRAPHS[0], "Contact us"]))
    doc.drop(3, "ui_controls", "control-label")   # a dropped line between is skipped over
    either = np.array([0.1, 0.2, 0.9, 0.0, 0.3, EDGE_PARAGRAPH_MIN / 2, 0.1])
    # Region is line 2: line 1 (a paragraph at 0.2) joins it, and so does line 4 past the
    # dropped line 3; line 5 is a paragraph both stages rule out, and stops the walk.
    assert _edge_paragraphs(doc, either, 2, 2) == (1, 4)


def test_a_one_line_page_keeps_its_line():
    assert Cleaner().clean("Just one line of text that is a sentence.", kind="text").text == \
        "Just one line of text that is a sentence."


def test_a_doubted_paragraph_in_the_region_stays_only_beside_believed_body(monkeypatch):
    import cleaner.cleaners.classifier as classifier
    comment = ("I think we'll see similar updates to what the larger model received, and a slimmer "
               "bezel makes sense along with the new keyboard.")
    reply = ("Different chassis with different engineering, and that extra thickness is part of what "
             "is necessary for the new keyboard.")
    doc = Document.from_text(page([PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[2], "PickUrPoison",
                                   comment, "falkon-engine", reply]))
    # Lines 2 (the body's last paragraph), 4 and 6 (readers' comments) are paragraphs both stages
    # doubt, inside the main region (every line: p1 is 0.3 or more).
    p1 = np.array([0.9, 0.9, 0.3, 0.4, 0.3, 0.4, 0.3])
    p2 = np.array([0.9, 0.9, 0.1, 0.3, 0.1, 0.3, 0.1])
    lens = doc.facts().lens
    monkeypatch.setattr(classifier, "stage_probabilities", lambda d, m: (p1, p2, lens))
    gone = {i for i, _ in classifier.verdicts(doc, None, 0.5)}
    assert 2 not in gone, "the body's last paragraph sits next to a believed one"
    assert {3, 4, 5, 6} <= gone, "the comments sit among names"
    # Near miss: a doubted lede, then a short heading, then the believed body: the lede stays.
    doc = Document.from_text(page([comment, "Key facts", PARAGRAPHS[0], PARAGRAPHS[1]]))
    p1, p2 = np.array([0.3, 0.6, 0.9, 0.9]), np.array([0.1, 0.6, 0.9, 0.9])
    lens = doc.facts().lens
    assert 0 not in {i for i, _ in classifier.verdicts(doc, None, 0.5)}


def test_short_doubted_lines_between_a_body_and_teaser_cards_end_the_main_region(monkeypatch):
    import cleaner.cleaners.classifier as classifier
    card = ["Council backs the harbour plan",
            "The town council approved the new harbour plan on Monday after a long debate."]
    doc = Document.from_text(page([*PARAGRAPHS, "Share this:", "Facebook", "Twitter",
                                   "More from the Daily Example", "By Jane Doe", *card]))
    # The body is believed; the share bar and the rail's heading are doubted; the card, which one
    # stage half-believes, stays only if the main region runs on over it.
    p1 = np.array([0.9, 0.9, 0.9, 0.1, 0.05, 0.05, 0.1, 0.1, 0.55, 0.55])
    p2 = np.array([0.9, 0.9, 0.9, 0.1, 0.05, 0.05, 0.1, 0.1, 0.3, 0.3])
    lens = doc.facts().lens
    monkeypatch.setattr(classifier, "stage_probabilities", lambda d, m: (p1, p2, lens))
    gone = {i for i, _ in classifier.verdicts(doc, None, 0.5)}
    assert gone == set(range(3, 10))
    # Near miss: counted by their own length, the five short lines cost the region less than the
    # card adds, and the card stays.
    monkeypatch.setattr(classifier, "REGION_DOUBTED_MIN_CHARS", 0)
    gone = {i for i, _ in classifier.verdicts(doc, None, 0.5)}
    assert gone == set(range(3, 8))


TEASERS = ["Apple recently launched the new AirPods Pro for $250, but it is already possible to grab …",
           "In September Amazon announced a slew of devices that expands all nooks and crannies [...]",
           "Dell has released its list of Black Friday deals to help get the holiday season kickstarted..."]


def _teasers(lines: list[str]) -> list[str]:
    doc = Document.from_text(page(lines))
    return [doc.texts[i] for i in truncated_teasers(doc)]


def test_truncated_summaries_after_the_body_go():
    assert _teasers(PARAGRAPHS + ["Deals", *TEASERS]) == TEASERS
    assert _teasers([*TEASERS[:2], *PARAGRAPHS]) == TEASERS[:2]      # a rail above the body too


def test_truncated_lines_among_the_body_or_alone_or_outweighing_it_stay():
    assert _teasers([PARAGRAPHS[0], TEASERS[0], PARAGRAPHS[1], TEASERS[1], PARAGRAPHS[2]]) == []
    assert _teasers(PARAGRAPHS + TEASERS[:1]) == []                  # one is not a rail
    # A listing: excerpts are the page's content, a paragraph of prose among them.
    assert _teasers([PARAGRAPHS[0], *TEASERS, *TEASERS]) == []
    # Lines that end in an ellipsis without being cut short in a word.
    assert _teasers(PARAGRAPHS + ["And the winner is?...", "(to be continued)...", "Show all [+]"]) == []


@pytest.mark.skipif(not (BENCH / "aeb.text.jsonl.gz").exists(),
                    reason="the shared benchmark folder ../shared/bench is not present")
def test_real_capture_loses_its_truncated_teasers():
    # A local news story followed by a rail of wire headlines cut short with " …".
    rec = bench_record("aeb", "c13b9c0e04fb28d4")
    result = Cleaner(site_rules=False).clean(rec["text"], url=rec["url"], kind="text")
    gone = [r.text for r in result.removed if r.rule == "truncated-teaser"]
    assert "Jury rules for half of 21 plaintiffs in used body parts suit …" in gone
    assert "the five words that everybody in America reads.”" in result.text
