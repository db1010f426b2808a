"""Dialogs, consent banners, hover cards, newsletter boxes and print-only blocks leave the tree
before extraction (cleaner/html/unseen.py); the real pages that show it are in fixtures/html
(tests/test_html.py runs their keep and drop snippets)."""
from __future__ import annotations

import io
import re

import pytest

from cleaner import Cleaner
from cleaner.explain import render_plain
from cleaner.html.blocks import page_blocks
from cleaner.html.extract import extraction, read_page
from cleaner.html.metadata import read_jsonld
from cleaner.html.parse import parse
from cleaner.html.unseen import drop_unseen, unseen_elements
from tests.test_html import FIXTURES, CASES, flat, page

STORY = " ".join(["The council voted on Tuesday to rebuild the old bridge before the spring floods."] * 6)


def texts_after(markup: str) -> str:
    tree = parse(markup)
    drop_unseen(tree)
    return flat(tree.find("body").text_content())


@pytest.mark.parametrize("furniture", [
    "<div role='dialog'><p>Manage your privacy settings</p></div>",
    "<div role='alertdialog'><p>Manage your privacy settings</p></div>",
    "<section aria-modal='true'><p>Manage your privacy settings</p></section>",
    "<dialog><p>Manage your privacy settings</p></dialog>",
    "<div class='modal-window account-confirm'><p>Manage your privacy settings</p></div>",
    "<div id='gdpr-banner'><p>Manage your privacy settings</p></div>",
    "<div class='site-cookie-banner'><p>Manage your privacy settings</p></div>",
    "<div class='print-header'><p>Manage your privacy settings</p></div>",
    "<div class='Newsletter'><p>Manage your privacy settings</p></div>",
    "<span class='rollover-people-block'>Manage your privacy settings</span>",
])
def test_furniture_goes_and_the_text_after_it_stays(furniture):
    text = texts_after(f"<html><body><p>{STORY}</p>{furniture} Closing words.</body></html>")
    assert "Manage your privacy settings" not in text
    assert STORY in text and text.endswith("Closing words.")


@pytest.mark.parametrize("kept", [
    "<div class='box article modal-enabled'><p>A caption opens a photo viewer</p></div>",
    "<div class='cookie-recipe'><p>A caption opens a photo viewer</p></div>",
    "<div class='tooltip'>A caption opens a photo viewer</div>",
    "<div style='display:none'>A caption opens a photo viewer</div>",
    "<div aria-hidden='true'>A caption opens a photo viewer</div>",
])
def test_words_that_are_not_furniture_compounds_keep_the_element(kept):
    assert "A caption opens a photo viewer" in texts_after(f"<html><body><p>{STORY}</p>{kept}</body></html>")


def test_a_dialog_holding_most_of_the_page_is_the_page_and_stays():
    markup = f"<html><body><div role='dialog'><p>{STORY}</p></div><p>Menu</p></body></html>"
    tree = parse(markup)
    assert len(unseen_elements(tree)) == 1
    assert drop_unseen(tree) == 0
    assert STORY in flat(tree.find("body").text_content())


@pytest.mark.parametrize("markup", [
    "<html class='gdpr'><body></body></html>",
    "<html><body class='modal-open gdpr-pending'><p>Short page.</p></body></html>",
    "<html role='dialog'><body>x</body></html>",
])
def test_the_page_itself_is_never_removed(markup):
    tree = parse(markup)
    drop_unseen(tree)
    assert tree.find("body") is not None


def test_each_element_is_listed_once_even_when_several_rules_name_it():
    tree = parse("<html><body><div role='dialog' aria-modal='true' class='modal gdpr'>x</div></body></html>")
    assert len(unseen_elements(tree)) == 1


def test_on_a_real_page_the_dialog_text_reached_the_body_before(monkeypatch):
    """The fixture page's drop snippets are there because of this module: without it the body
    holds them (so the keep/drop test in test_html.py tests this module, not luck)."""
    case = next(c for c in CASES if c["file"].startswith("wcxb-0543"))
    monkeypatch.setattr("cleaner.html.extract.drop_unseen", lambda tree, description=None, log=None: 0)
    body = flat(Cleaner(site_rules=False).clean(page(case), url=case["url"], kind="html").text)
    assert any(flat(s) in body for s in case["drop"])
    assert (FIXTURES / case["file"]).exists()


def test_on_a_real_page_the_furniture_is_a_recorded_removal():
    """What leaves the tree before extraction still has a reason: `extract:furniture` in
    `result.removed` and a "-" row of `--explain`, before the page's blocks."""
    case = next(c for c in CASES if c["file"].startswith("wcxb-0543"))
    result = Cleaner(site_rules=False).clean(page(case), url=case["url"], kind="html")
    furniture = " ".join(r.text for r in result.removed if (r.cleaner, r.rule) == ("extract", "furniture"))
    assert all(flat(s) in furniture for s in case["drop"])
    assert all(r.index == -1 for r in result.removed if r.rule == "furniture")
    out = io.StringIO()
    render_plain(result, out)
    shown = out.getvalue()
    assert re.search(r"^before extraction: \d+ elements? removed$", shown, re.M)   # the header counts them
    assert re.search(r"^ *- DROP extract:furniture +\S", shown, re.M)


def test_on_a_real_page_the_dialog_text_reached_the_classifiers_blocks_before(monkeypatch):
    """On this page the block classifier takes over. The block model of before the averaged-seeds
    one kept the closed privacy dialog's text, the averaged model drops it by itself; what this
    module does there is take it out of the blocks the model judges at all."""
    case = next(c for c in CASES if c["file"].startswith("aeb-1f765c48780665e8"))

    def blocks() -> str:
        tree, _, declared = read_page(page(case))
        kept, _, _ = extraction(tree, case["url"], declared)
        return flat("\n".join(page_blocks(tree, kept, declared.types).texts))

    assert not any(flat(s) in blocks() for s in case["drop"])
    monkeypatch.setattr("cleaner.html.extract.drop_unseen", lambda tree, description=None, log=None: 0)
    assert all(flat(s) in blocks() for s in case["drop"])


def test_a_consent_platforms_markup_goes_even_when_it_holds_most_of_the_page():
    """A cookie preference centre's purposes and vendor lists can outweigh a short page; its
    markup (a consent platform's class or id) is never the page's story, so the share guard does
    not keep it. A dialog of the same size with no such name stays."""
    centre = f"<div id='onetrust-consent-sdk'><p>{STORY}</p></div>"
    assert STORY not in texts_after(f"<html><body>{centre}<p>Menu</p></body></html>")
    dialog = f"<div role='dialog'><p>{STORY}</p></div>"
    assert STORY in texts_after(f"<html><body>{dialog}<p>Menu</p></body></html>")


def test_on_a_real_page_the_cookie_centre_reached_the_body_before(monkeypatch):
    """A video page whose cookie settings window (its table of cookies marked `cookielawinfo`)
    held more than the share guard allows, next to the page's short text: it reached the body."""
    case = next(c for c in CASES if c.get("step") == "consent")
    body = flat(Cleaner(site_rules=False).clean(page(case), url=case["url"], kind="html").text)
    assert all(flat(s) in body for s in case["keep"])
    assert not any(flat(s) in body for s in case["drop"])
    monkeypatch.setattr("cleaner.html.unseen._CONSENT_PLATFORM", re.compile(r"(?!)"))
    body = flat(Cleaner(site_rules=False).clean(page(case), url=case["url"], kind="html").text)
    assert all(flat(s) in body for s in case["drop"])


DESCRIPTION = ("The Harbour Jacket is cut from waxed cotton that sheds rain and softens with wear, "
               "with a corduroy collar and two deep hand-warmer pockets.")
PRODUCT = ('<script type="application/ld+json">{"@type": "Product", "name": "Harbour Jacket", '
           f'"description": "{DESCRIPTION}"}}</script>')


def test_a_sheet_holding_the_declared_product_description_stays():
    markup = (f"<html><head>{PRODUCT}</head><body><h1>Harbour Jacket</h1><p>{STORY}</p>"
              f"<div role='dialog'><h2>Description</h2><p>{DESCRIPTION}</p></div>"
              "<div role='dialog'><h2>Delivery &amp; Returns</h2><p>Standard shipping in 4-7 days.</p></div>"
              "</body></html>")
    tree = parse(markup)
    assert drop_unseen(tree, read_jsonld(tree).product_description) == 1
    text = flat(tree.find("body").text_content())
    assert DESCRIPTION in text and "Standard shipping" not in text


@pytest.mark.parametrize("declared", [
    None,                                           # no description declared
    "A waxed cotton jacket.",                       # too short to name anything
    "Our softest merino jumper, knitted in Scotland from undyed wool that keeps warm when wet.",
])
def test_a_dialog_without_the_declared_description_goes(declared):
    tree = parse(f"<html><body><p>{STORY}</p><div role='dialog'><p>{DESCRIPTION}</p></div></body></html>")
    assert drop_unseen(tree, declared) == 1
    assert DESCRIPTION not in flat(tree.find("body").text_content())


def test_on_a_real_shop_page_the_description_sheet_was_lost_before():
    """wcxb-0581 keeps its product description in a sheet marked as a dialog: without the
    declared description the sheet goes, and the description's snippets with it."""
    case = next(c for c in CASES if c["file"].startswith("wcxb-0581"))
    cleaner = Cleaner(site_rules=False)
    body = flat(cleaner.clean(page(case), url=case["url"], kind="html").text)
    assert all(flat(s) in body for s in case["keep"])
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("cleaner.html.extract.drop_unseen", lambda tree, description=None, log=None: drop_unseen(tree, log=log))
        before = flat(cleaner.clean(page(case), url=case["url"], kind="html").text)
    assert not any(flat(s) in before for s in case["keep"])
