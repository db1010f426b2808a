"""Loading, validating, matching and versioning site rules, on small rule files written inline."""
from __future__ import annotations

import pickle
from datetime import date

import pytest

from cleaner import Cleaner
from cleaner.cleaners import cleaner_names
from cleaner.options import Options
from cleaner.sites import SiteRulesError, check_folders, load_registry
from cleaner.sites.dates import html_date
from tests.helpers import SEEDS


def write(folder, name, text):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def problems_in(folder):
    return [str(p) for p in check_folders([folder])[1]]


# validation -------------------------------------------------------------------------------------

def test_misspelt_key_names_file_line_key_and_a_hint(tmp_path):
    write(tmp_path, "ex.toml", 'site = "example.com"\n\n[[layout]]\nsince = 2020-01-01\ndrop_line = ["Menu"]\n')
    assert problems_in(tmp_path) == [
        f"{tmp_path / 'ex.toml'}:5: layout 1: unknown key 'drop_line' (did you mean 'drop_lines'?)"]


def test_every_problem_is_reported_once_with_its_line(tmp_path):
    write(tmp_path, "ex.toml", "\n".join([
        'site = "Example.com/news"',                    # 1: not a host
        'fingerprint = ["x"]',                          # 2: typo
        "[[layout]]",                                   # 3
        "since = 2020-01-01",                           # 4
        "drop_matching = ['(?<=a)b']",                  # 5: look-behind: not RE2
        'drop_selectors = ["div["]',                    # 6: bad CSS
        "[[layout]]",                                   # 7
        "since = 2020-01-01",                           # 8: the same day again
        "[[layout]]",                                   # 9: no since
        'drop_between = [["only one"]]',                # 10
    ]) + "\n")
    found = problems_in(tmp_path)
    lines = [p.split(":")[1] for p in found]
    assert lines == ["1", "2", "5", "6", "8", "9", "10"], found
    assert "did you mean 'fingerprints'" in found[1]
    assert "RE2" in found[2] and "'drop_matching'" in found[2]
    assert "both start on 2020-01-01" in found[4]


def test_after_generic_must_be_a_boolean(tmp_path):
    write(tmp_path, "ex.toml", 'site = "example.com"\n[[layout]]\nsince = 2020-01-01\nafter_generic = "yes"\n')
    assert problems_in(tmp_path) == [
        f"{tmp_path / 'ex.toml'}:4: layout 1: 'after_generic' must be true or false"]


def test_drop_headline_must_be_a_boolean(tmp_path):
    write(tmp_path, "ex.toml", 'site = "example.com"\n[[layout]]\nsince = 2020-01-01\ndrop_headline = 1\n')
    assert problems_in(tmp_path) == [
        f"{tmp_path / 'ex.toml'}:4: layout 1: 'drop_headline' must be true or false"]


def test_bad_toml_names_the_line(tmp_path):
    write(tmp_path, "bad.toml", 'site = "example.com"\n[[layout]\n')
    (problem,) = problems_in(tmp_path)
    assert problem.startswith(f"{tmp_path / 'bad.toml'}:2: bad TOML")


def test_overlapping_ranges_and_two_files_for_one_site(tmp_path):
    write(tmp_path, "a.toml", 'site = "example.com"\n[[layout]]\nsince = 2020-01-01\nuntil = 2021-06-01\n'
                              '[[layout]]\nsince = 2021-01-01\n')
    write(tmp_path, "b.toml", 'site = "other.org"\n[[layout]]\nsince = 2020-01-01\n')
    write(tmp_path, "c.toml", 'site = "other.org"\n[[layout]]\nsince = 2021-01-01\n')
    found = problems_in(tmp_path)
    assert any("a.toml:4: layouts 1 and 2 overlap" in p for p in found), found
    assert any("c.toml: site 'other.org' is already claimed by" in p for p in found), found


def test_loading_a_bad_folder_raises_one_error_listing_every_problem(tmp_path):
    write(tmp_path, "a.toml", 'site = "example.com"\nfingerprint = []\n[[layout]]\nsince = 2020-01-01\ncut_form = []\n')
    with pytest.raises(SiteRulesError) as e:
        Cleaner(rules=[tmp_path])
    assert len(str(e.value).splitlines()) == 2


# matching ---------------------------------------------------------------------------------------

def test_longest_suffix_wins_and_subdomains_match(tmp_path):
    write(tmp_path, "a.toml", 'site = "example.com"\n[[layout]]\nsince = 2020-01-01\n')
    write(tmp_path, "b.toml", 'site = "news.example.com"\n[[layout]]\nsince = 2020-01-01\n')
    registry = load_registry([tmp_path], builtin=False, env=False)
    assert registry.for_host("www.news.example.com").site == "news.example.com"
    assert registry.for_host("shop.example.com").site == "example.com"
    assert registry.for_host("example.com.evil.org") is None
    assert registry.for_host("notexample.com") is None


def test_fingerprint_finds_the_site_only_without_a_url():
    text = (SEEDS / "004_1c771e92f3bc1daa.txt").read_text(encoding="utf-8")
    cleaner = Cleaner()
    assert cleaner.clean(text).site == "english.alarabiya.net"
    other = cleaner.clean(text, url="https://example.org/story")
    assert other.site == "example.org" and not any(r.cleaner == "site_rules" for r in other.removed)


# versioning -------------------------------------------------------------------------------------

TWO_LAYOUTS = '''site = "example.com"
[[layout]]
since = 2018-01-01
drop_lines = ["Old menu"]
[[layout]]
since = 2022-03-01
drop_lines = ["New menu"]
'''
PAGE = "Old menu\nNew menu\n" + "A body sentence that is long enough to be kept as the article text.\n" * 3


@pytest.mark.parametrize("day,gone,rule", [
    ("2019-05-05", "Old menu", "example.com@2018-01-01:drop_lines"),
    ("2023-01-01", "New menu", "example.com@2022-03-01:drop_lines"),
    (None, "New menu", "example.com@2022-03-01:drop_lines"),          # no date: the newest
    ("2010-01-01", "Old menu", "example.com@2018-01-01:drop_lines"),  # older than the file: the first
])
def test_the_page_date_picks_the_layout(tmp_path, day, gone, rule):
    write(tmp_path, "ex.toml", TWO_LAYOUTS)
    result = Cleaner(rules=[tmp_path]).clean(PAGE, url="https://www.example.com/a", date=day, kind="text")
    (removal,) = [r for r in result.removed if r.cleaner == "site_rules"]
    assert (removal.text, removal.rule) == (gone, rule)


def test_html_metadata_gives_the_date():
    assert html_date('<html><head><meta content="2021-06-21T08:00:00Z" property="article:published_time">'
                     '</head></html>') == date(2021, 6, 21)
    assert html_date('<script type="application/ld+json">{"datePublished": "2019-02-03"}</script>') == date(2019, 2, 3)
    assert html_date("<html><body><p>No date here 2020-01-01</p></body></html>") is None


# rule kinds and HTML -----------------------------------------------------------------------------

BODY = [f"Sentence {n} of the article body is here, and it is long enough to keep." for n in range(3)]


def write_layout(folder, *rules: str):
    """A rule file for example.com with one layout holding `rules` (TOML lines)."""
    write(folder, "ex.toml", '\n'.join(['site = "example.com"', "[[layout]]", "since = 2020-01-01", *rules]) + "\n")


def clean_with_site_rules_only(folder, page: str):
    """A page of example.com cleaned by the rules in `folder` alone (every generic cleaner off)."""
    only_site_rules = [name for name in cleaner_names() if name != "site_rules"]
    return Cleaner(rules=[folder], disable=only_site_rules).clean(page, url="https://example.com/x", kind="text")


def test_every_line_rule_kind(tmp_path):
    write(tmp_path, "ex.toml", '''site = "example.com"
[[layout]]
since = 2020-01-01
cut_until = ["Skip to content"]
drop_lines = ["Advertisement"]
drop_matching = ['^Photo: .+$']
drop_between = [["Related", "End related"]]
strip_prefix = ['^\\d+ min read ']
cut_from = ["Comments"]
''')
    body = BODY
    page = "\n".join(["Home", "Skip to content", "3 min read " + body[0], "Advertisement", "Photo: a cat",
                      body[1], "Related", "Teaser one", "End related", body[2], "Comments", "Nice story!"])
    result = clean_with_site_rules_only(tmp_path, page)
    rules = {r.text: r.rule.split(":")[-1] for r in result.removed if r.cleaner == "site_rules"}
    assert rules == {"Home": "cut_until", "Skip to content": "cut_until", "3 min read": "strip_prefix",
                     "Advertisement": "drop_lines", "Photo: a cat": "drop_matching", "Related": "drop_between",
                     "Teaser one": "drop_between", "End related": "drop_between", "Comments": "cut_from",
                     "Nice story!": "cut_from"}
    assert result.text == "\n\n".join(body)


def test_the_body_window_drops_what_lies_outside_it_and_names_its_rule(tmp_path):
    """`body_after` opens the window after its first line, `body_until` closes it at the first of its
    lines after that: a line before the opening marker that is also a closing one closes nothing."""
    write_layout(tmp_path, 'body_after = ["Share this story"]', 'body_until = ["More stories"]',
                 'drop_lines = ["Advertisement"]')
    body = BODY
    page = "\n".join(["Home", "More stories", "Share this story", body[0], "Advertisement", body[1], body[2],
                      "More stories", "A teaser about another story entirely, long enough to keep."])
    result = clean_with_site_rules_only(tmp_path, page)
    rules = {(r.text, r.rule) for r in result.removed if r.cleaner == "site_rules"}
    assert rules == {("Home", "example.com@2020-01-01:body_after"),
                     ("More stories", "example.com@2020-01-01:body_after"),
                     ("Share this story", "example.com@2020-01-01:body_after"),
                     ("Advertisement", "example.com@2020-01-01:drop_lines"),
                     ("More stories", "example.com@2020-01-01:body_until"),
                     ("A teaser about another story entirely, long enough to keep.",
                      "example.com@2020-01-01:body_until")}
    assert result.text == "\n\n".join(body)


def test_a_body_window_that_would_leave_almost_nothing_is_not_applied(tmp_path):
    """A page of another template, whose window holds a sliver of it: the over-cleaning guard would
    undo the whole step, so the layout applies without its window."""
    write_layout(tmp_path, 'body_after = ["Share this story"]', 'drop_lines = ["Advertisement"]')
    body = [f"Sentence {n} of a long article body is here, and it is long enough to keep." for n in range(12)]
    page = "\n".join(["Advertisement"] + body + ["Share this story", "Short tail line."])
    result = clean_with_site_rules_only(tmp_path, page)
    assert {r.rule.split(":")[-1] for r in result.removed if r.cleaner == "site_rules"} == {"drop_lines"}
    assert result.text.startswith(body[0])


def test_body_window_markers_are_checked_like_other_line_lists(tmp_path):
    write(tmp_path, "ex.toml", 'site = "example.com"\n[[layout]]\nsince = 2020-01-01\n'
                               'body_after = "Share"\nbody_untl = ["More"]\n')
    assert problems_in(tmp_path) == [
        f"{tmp_path / 'ex.toml'}:4: layout 1: 'body_after' must be a list of non-empty strings",
        f"{tmp_path / 'ex.toml'}:5: layout 1: unknown key 'body_untl' (did you mean 'body_until'?)"]


def test_a_catastrophic_regex_cannot_hang_cleaning(tmp_path):
    write(tmp_path, "ex.toml", "site = \"example.com\"\n[[layout]]\nsince = 2020-01-01\n"
                               "drop_matching = ['^(a+)+$']\n")
    page = "a" * 40 + "!\n" + "a" * 30 + "\nThe article body goes on here, long enough to be kept as text.\n"
    result = Cleaner(rules=[tmp_path]).clean(page, url="https://example.com/x", kind="text")
    dropped = {r.text for r in result.removed if r.cleaner == "site_rules"}
    assert dropped == {"a" * 30}  # with Python's backtracking re the first line would take hours


def test_html_selectors_drop_elements_and_pick_the_body(tmp_path):
    write(tmp_path, "ex.toml", 'site = "example.com"\n[[layout]]\nsince = 2020-01-01\n'
                               'drop_selectors = [".share"]\nbody_selector = "div#story"\n')
    para = "<p>{} is a paragraph of the story, written out at some length so extraction keeps it.</p>"
    html = ("<html><head><title>T</title></head><body><div id='side'>" + para.format("Sidebar") * 3
            + "</div><div id='story'>" + para.format("One") + "<div class='share'>" + para.format("Share")
            + "</div>" + para.format("Two") + "</div></body></html>")
    with_rules = Cleaner(rules=[tmp_path]).clean(html, url="https://example.com/a", kind="html")
    assert "One is" in with_rules.text and "Two is" in with_rules.text
    assert "Share is" not in with_rules.text and "Sidebar is" not in with_rules.text
    without = Cleaner(site_rules=False).clean(html, url="https://example.com/a", kind="html")
    assert "Share is" in without.text
    # what a selector took out of the tree is a removal naming the site, layout, rule and selector
    by_selector = [r for r in with_rules.removed if r.cleaner == "site_rules"]
    assert [(r.rule, r.index) for r in by_selector] == [("example.com@2020-01-01:drop_selectors .share", -1)]
    assert by_selector[0].text.startswith("Share is a paragraph")
    assert not any(r.cleaner == "site_rules" for r in without.removed)


def test_html_selectors_apply_to_a_page_saved_without_its_url(tmp_path):
    # an HTML file from a folder: no URL comes with it, but the page states its canonical one
    write(tmp_path, "ex.toml", 'site = "example.com"\n[[layout]]\nsince = 2020-01-01\n'
                               'drop_selectors = [".share"]\n')
    para = "<p>{} is a paragraph of the story, written out at some length so extraction keeps it.</p>"
    html = ('<html><head><link rel="canonical" href="https://www.example.com/news/a"></head><body>'
            + para.format("One") + "<div class='share'>" + para.format("Share") + "</div>"
            + para.format("Two") + "</body></html>")
    result = Cleaner(rules=[tmp_path]).clean(html, kind="html")
    assert result.site == "example.com"
    assert "One is" in result.text and "Share is" not in result.text


# layers, options, switching off ------------------------------------------------------------------

def test_user_rules_override_built_in_ones_and_the_env_folder_counts(tmp_path, monkeypatch):
    write(tmp_path / "env", "upi.toml", 'site = "upi.com"\n[[layout]]\nsince = 2020-01-01\ndrop_lines = ["X"]\n')
    monkeypatch.setenv("CLEANER_RULES", str(tmp_path / "env"))
    rules = Cleaner().options.registry.sites["upi.com"]
    assert rules.source == str(tmp_path / "env" / "upi.toml")
    write(tmp_path / "cli", "upi.toml", 'site = "upi.com"\n[[layout]]\nsince = 2020-01-01\n')
    assert Cleaner(rules=[tmp_path / "cli"]).options.registry.sites["upi.com"].source.startswith(str(tmp_path / "cli"))


def test_options_with_a_registry_survive_pickling_for_workers():
    options = Cleaner().options
    copy = pickle.loads(pickle.dumps(options))
    assert set(copy.registry.sites) == set(options.registry.sites) and copy.registry.for_lines(["x (UPI) -- y"]).site == "upi.com"
    text = (SEEDS / "001_97d4da9b639a5c28.txt").read_text(encoding="utf-8")
    assert Cleaner(options=copy).clean(text).text == Cleaner().clean(text).text


def test_site_rules_can_be_switched_off():
    text = (SEEDS / "004_1c771e92f3bc1daa.txt").read_text(encoding="utf-8")
    for cleaner in (Cleaner(site_rules=False), Cleaner(disable=["site_rules"]),
                    Cleaner(options=Options(site_rules=False))):
        assert not any(r.cleaner == "site_rules" for r in cleaner.clean(text).removed)
    assert Cleaner(options=Cleaner(site_rules=False).options).options.registry is None
