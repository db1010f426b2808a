from cleaner import Cleaner
from cleaner.cleaners.markup import Markup
from tests.helpers import kept, reasons, run


def test_trims_bullets_and_markdown_marks_and_records_them():
    doc = run(Markup(), "\n".join(["* Home", "#### About the author", "**Subscribe now**",
                                   "> A quoted paragraph from the report.", "* ### Related posts",
                                   "+ World", "_Kate Henshaw_"]))
    assert kept(doc) == ["Home", "About the author", "Subscribe now", "A quoted paragraph from the report.",
                         "Related posts", "World", "Kate Henshaw"]
    trims = {(r.text, r.rule) for r in doc.trims}
    assert ("*", "leading-marks") in trims and ("####", "leading-marks") in trims
    assert ("**", "emphasis") in trims and ("_", "emphasis") in trims


def test_drops_a_line_of_marks_alone():
    doc = run(Markup(), "Text before.\n*   *     *     *     *     *     *\nText after.")
    assert kept(doc) == ["Text before.", "Text after."]
    assert set(reasons(doc).values()) == {"markup:marks-only"}


def test_keeps_numbers_inline_emphasis_hashtags_and_signs():
    lines = ["1. Preheat the oven to 200 degrees.", "*Emphasis* opens this sentence, and more follows.",
             "#hashtag", "-5 degrees overnight", "2 * 3 = 6", "__init__ is a method"]
    doc = run(Markup(), "\n".join(lines))
    assert kept(doc) == lines and not doc.trims


def test_a_bulleted_menu_is_read_as_controls_and_kept_lines_lose_their_marks():
    # markup runs last: the controls cleaner reads through the bullets itself, and the marks of a
    # line the page keeps are trimmed from the body
    body = ("The council voted on Tuesday to extend the library's opening hours, after a year in "
            "which the number of visitors rose by almost a third and the waiting list grew.")
    result = Cleaner(site_rules=False).clean(f"* Menu\n* Search\n* Home\n\n{body}\n\n> {body}", kind="text")
    by_text = {r.text: r.cleaner for r in result.removed if r.rule != "leading-marks"}
    assert by_text["* Menu"] == by_text["* Search"] == "ui_controls"
    assert body in result.text and "> " not in result.text
