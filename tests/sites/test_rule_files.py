"""Fundus's habit: one test per built-in rule file, and every layout in it proven by a real capture
whose expected body is under fixtures/sites/<site>/<since>.json."""
from __future__ import annotations

import json
from datetime import date

import pytest

from cleaner import Cleaner
from cleaner.sites import BUILTIN_DIR, check_folders, load_folder
from tests.helpers import ROOT, seeds

FIXTURES = ROOT / "fixtures" / "sites"
RULE_FILES = sorted(BUILTIN_DIR.glob("*.toml"))
CLEANER = Cleaner(rules=())


def test_the_built_in_rules_have_no_problems():
    registry, problems = check_folders([BUILTIN_DIR])
    assert problems == []
    assert set(registry.sites) >= {"english.alarabiya.net", "upi.com", "newsweek.com", "antiwar.com"}


@pytest.mark.parametrize("path", RULE_FILES, ids=[p.stem for p in RULE_FILES])
def test_rule_file(path):
    """Each layout of the file cleans its capture exactly, with and without the URL, and its own
    rules (named site@since:rule) take part."""
    (rules,), problems = load_folder_one(path)
    assert problems == [] and path.stem == rules.site
    assert rules.fingerprints, "a built-in site needs fingerprints to be found in dumps with no URL"
    for layout in rules.layouts:
        case = FIXTURES / rules.site / f"{layout.since.isoformat()}.json"
        assert case.exists(), f"layout {layout.since} of {path.name} has no capture in {case}"
        meta = json.loads(case.read_text(encoding="utf-8"))
        capture = (case.parent / meta["capture"]).read_text(encoding="utf-8")
        expected = (case.parent / meta["expected"]).read_text(encoding="utf-8").strip()
        assert rules.layout_for(_day(meta["date"])) == layout
        for url in (meta["url"], None):
            result = CLEANER.clean(capture, url=url, date=meta["date"], kind="text")
            assert result.text == expected
            assert result.site == rules.site or result.site.endswith("." + rules.site)
            own = [r for r in result.removed if r.cleaner == "site_rules"]
            assert own and all(r.rule.startswith(f"{rules.site}@{layout.since}:") for r in own)


def load_folder_one(path):
    sites, problems = load_folder(path.parent)
    return [s for s in sites if s.source == str(path)], problems


def _day(text):
    return date.fromisoformat(text)


SEEDS = list(seeds())


@pytest.mark.parametrize("stem,text,expected,meta", SEEDS, ids=[s[0] for s in SEEDS])
def test_seeds_exact_with_the_built_in_registry_and_site_found_by_fingerprint(stem, text, expected, meta):
    result = CLEANER.clean(text)
    assert result.text == expected.strip()
    assert result.title == meta["title"]
    assert result.site == meta["site"]  # no URL given: 000 stays unknown, the others by fingerprint
