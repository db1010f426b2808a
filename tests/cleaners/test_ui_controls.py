from cleaner.cleaners.ui_controls import UIControls
from tests.helpers import kept, reasons, run


def test_drops_toggles_bullets_and_dot_lines():
    doc = run(UIControls(), ".\n.\nTheme\n  • Light\n  • Dark\nLanguage\n  • Font\n•\n|\nA+\n"
                            "The minister said the plan would cut emissions by half.")
    assert kept(doc) == ["The minister said the plan would cut emissions by half."]
    r = reasons(doc)
    assert r["."] == "ui_controls:no-word-characters"
    assert r["• Dark"] == "ui_controls:control-label"
    assert r["Language"] == "ui_controls:control-label"


def test_keeps_sentences_that_mention_controls():
    text = ("Dark mode is easier on the eyes at night, the study found.\n"
            "Theme parks reopened.\nLanguage barriers")
    assert kept(run(UIControls(), text)) == text.splitlines()
