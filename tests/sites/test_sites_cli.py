"""`cleaner sites`, `cleaner learn`, and the site options of clean/batch, run as a user would."""
from __future__ import annotations

import json

from cleaner.cli import main
from tests.helpers import ROOT, SEEDS
from tests.sites.test_learn import BLURB, expected, record, repeating, story
from tests.test_cli import read_jsonl, run_cli

REFERENCE = SEEDS / "004_1c771e92f3bc1daa.txt"


def test_misspelt_key_exits_non_zero_naming_file_and_key(tmp_path):
    (tmp_path / "ex.toml").write_text('site = "example.com"\n[[layout]]\nsince = 2020-01-01\ndrop_lnes = ["a"]\n')
    check = run_cli("sites", "check", str(tmp_path))
    assert check.returncode == 1
    assert check.stdout.decode().strip() == (f"{tmp_path / 'ex.toml'}:4: layout 1: unknown key 'drop_lnes' "
                                             "(did you mean 'drop_lines'?)")
    clean = run_cli("clean", str(REFERENCE), "--rules", str(tmp_path))
    assert clean.returncode == 2 and b"Traceback" not in clean.stderr
    assert clean.stderr.decode().startswith(f"cleaner: error: {tmp_path / 'ex.toml'}:4:")
    assert "'drop_lnes'" in clean.stderr.decode()


def test_check_passes_on_the_built_in_rules(capsys):
    assert main(["sites", "check"]) == 0
    assert capsys.readouterr().out == ""


def test_list_and_show(capsys):
    assert main(["sites", "list"]) == 0
    listed = [line.split("\t")[0] for line in capsys.readouterr().out.splitlines()]
    assert listed == ["antiwar.com", "english.alarabiya.net", "newsweek.com", "upi.com"]
    assert main(["sites", "show", "www.upi.com", "--date", "2021-06-21"]) == 0
    out = capsys.readouterr().out
    assert "site: upi.com" in out and "layout: since 2018-01-01" in out and "drop_lines: License Photo" in out
    assert main(["sites", "show", "nowhere.example"]) == 2
    assert "no rules for 'nowhere.example'" in capsys.readouterr().err


def test_no_site_rules_leaves_the_generic_cleaners(capsys):
    assert main(["clean", str(REFERENCE), "--json"]) == 0
    with_rules = json.loads(capsys.readouterr().out)
    assert main(["clean", str(REFERENCE), "--json", "--no-site-rules"]) == 0
    without = json.loads(capsys.readouterr().out)
    assert with_rules["text"] == without["text"]
    assert any(r["cleaner"] == "site_rules" for r in with_rules["removed"])
    assert not any(r["cleaner"] == "site_rules" for r in without["removed"])


def write_jsonl(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return str(path)


def test_learn_writes_one_valid_file_per_site(tmp_path, capsys):
    pages = write_jsonl(tmp_path / "pages.jsonl", [record(n) for n in range(4)])
    bodies = write_jsonl(tmp_path / "bodies.jsonl", [{"id": f"p{n}", "text": expected(n)} for n in range(4)])
    assert main(["learn", pages, "--expected", bodies, "--out", str(tmp_path / "rules")]) == 0
    assert sorted(p.name for p in (tmp_path / "rules").iterdir()) == ["dailyexample.com.toml"]
    assert main(["sites", "check", str(tmp_path / "rules")]) == 0
    capsys.readouterr()
    held = tmp_path / "held.txt"
    held.write_text(record(6)["text"], encoding="utf-8")
    assert main(["clean", str(held), "--rules", str(tmp_path / "rules")]) == 0
    assert capsys.readouterr().out == expected(6) + "\n"
    assert main(["sites", "show", "www.dailyexample.com", "--rules", str(tmp_path / "rules")]) == 0
    assert "line rules run after the generic cleaners" in capsys.readouterr().out


def test_learn_thresholds_are_options(tmp_path, capsys):
    pages = write_jsonl(tmp_path / "pages.jsonl", [record(n) for n in range(4)])
    assert main(["learn", pages, "--out", str(tmp_path / "a"), "--min-pages", "5"]) == 0
    assert list((tmp_path / "a").iterdir()) == []
    assert "learned rules for 0 sites" in capsys.readouterr().err
    assert main(["learn", pages, "--out", str(tmp_path / "b"), "--min-share", "2"]) == 2
    capsys.readouterr()
    # By repetition, a footer blurb on 4 of 5 pages is learned at the default --prose-share (0.8).
    recurring = [repeating(n) for n in range(5)]
    recurring[0]["text"] = recurring[0]["text"].replace(BLURB + "\n", "")
    pages = write_jsonl(tmp_path / "recurring.jsonl", recurring)
    assert main(["learn", pages, "--out", str(tmp_path / "c")]) == 0
    assert BLURB in (tmp_path / "c" / "dailyexample.com.toml").read_text()
    assert main(["learn", pages, "--out", str(tmp_path / "d"), "--prose-share", "0.9"]) == 0
    assert list((tmp_path / "d").iterdir()) == []


def test_batch_learn_sites_cleans_the_batch_with_what_it_learned(tmp_path, capsys):
    pages = write_jsonl(tmp_path / "pages.jsonl", [repeating(n) for n in range(5)])
    assert main(["batch", pages, "--out", str(tmp_path / "plain.jsonl"), "--workers", "1"]) == 0
    assert main(["batch", pages, "--out", str(tmp_path / "learned.jsonl"), "--workers", "2", "--learn-sites"]) == 0
    assert "learned rules for 1 sites" in capsys.readouterr().err
    learned = read_jsonl(tmp_path / "learned.jsonl")
    assert all(r["removed"].get("site_rules", 0) > 0 for r in learned)
    plain = read_jsonl(tmp_path / "plain.jsonl")
    assert not any("site_rules" in r["removed"] for r in plain)
    assert all(BLURB in r["text"] for r in plain)
    # The learned rule takes the blurb out of every page and leaves the rest as the generic pass had it.
    assert [r["text"] for r in learned] == [r["text"].replace("\n\n" + BLURB, "") for r in plain]
    assert all(story(n)[0] in r["text"] for n, r in enumerate(learned))


def test_learn_menu_run_thresholds_are_options(tmp_path, capsys):
    """A console browser's dump prints a news site's menus one item a line (`fixtures/learning`):
    learned as a menu's items by default, not when no run is long enough to count."""
    pages = str(ROOT / "fixtures" / "learning" / "news-pair.w3m.jsonl")
    assert main(["learn", pages, "--out", str(tmp_path / "a"), "--min-pages", "2", "--workers", "1"]) == 0
    (learned,) = (tmp_path / "a").iterdir()
    assert '"• Risk & Compliance",' in learned.read_text(encoding="utf-8")
    assert main(["learn", pages, "--out", str(tmp_path / "b"), "--min-pages", "2", "--workers", "1",
                 "--run-min-lines", "1000", "--run-max-words", "3"]) == 0
    assert '"• Risk & Compliance",' not in (tmp_path / "b" / learned.name).read_text(encoding="utf-8")


def test_learn_says_how_many_window_bounds_it_wrote(tmp_path, capsys):
    """By repetition the blog pair of `fixtures/learning` learns its body window ("Previous Post"
    closes each story); the summary line counts the bounds beside the cut markers, as the file
    holds them."""
    pages = str(ROOT / "fixtures" / "learning" / "window-pair.w3m.jsonl")
    assert main(["learn", pages, "--out", str(tmp_path / "rules"), "--min-pages", "2", "--workers", "1"]) == 0
    [line] = capsys.readouterr().out.splitlines()
    assert line.endswith("0 cut markers, 1 window bounds, 3 fingerprints")
    assert 'body_until = [\n    "Previous Post",' in (tmp_path / "rules" / "vortexcannon.org.toml").read_text()
