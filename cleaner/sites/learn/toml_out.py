"""Learned rules as text and as rules: one reviewable TOML per site, every rule with a comment
saying how many pages support it, read back by the same loader as hand-written files."""
from __future__ import annotations

import json
from collections.abc import Iterable

from ..load import load_text
from ..registry import Registry, SiteRulesError
from ..rules import SiteRules
from .cluster import UNNAMED_SUFFIX
from .types import UNDATED_SINCE, LearnedSite


def _toml_string(text: str) -> str:
    """A TOML basic string: JSON's escapes are all valid TOML escapes."""
    return json.dumps(text, ensure_ascii=False)


def _toml_literal(text: str) -> str:
    """A regex as a TOML literal string (no escapes to double), or a basic string if it must."""
    return f"'{text}'" if "'" not in text and "\n" not in text else _toml_string(text)


def to_toml(site: LearnedSite) -> str:
    """One reviewable rule file: every rule on its own line with the pages that support it."""
    how = ("pages with hand-cleaned bodies" if site.mode == "example"
           else "pages alone (lines recurring across them)")
    out = [f"# Learned by `cleaner learn` from {site.pages} pages of {site.site}, from {how}.",
           "# Review before use: delete any line that is article text."]
    if site.site.endswith(UNNAMED_SUFFIX):
        out.append("# Its pages had no URL: they were grouped by the chrome they share. Name the site here;"
                   " the fingerprints find its pages.")
    out.append(f"site = {_toml_string(site.site)}")
    out += _array("fingerprints", site.fingerprints, site.pages, "on")
    since = "" if site.since != UNDATED_SINCE else "  # no page carried a date"
    out += ["", "[[layout]]", f"since = {site.since.isoformat()}{since}",
            "after_generic = true  # only removes what the generic cleaners keep: never changes their verdicts"]
    verb = "removed on" if site.mode == "example" else "on"
    out += _array("cut_until", site.cut_until, site.pages, "before the body on")
    out += _array("cut_from", site.cut_from, site.pages, "after the body on")
    out += _array("body_after", site.body_after, site.pages, "the story follows it on")
    out += _array("body_until", site.body_until, site.pages, "the story ends before it on")
    out += _array("drop_lines", site.drop_lines, site.pages, verb)
    out += _array("drop_matching", site.drop_matching, site.pages, "matches removed lines on", literal=True)
    if site.drop_headline:
        out.append(f"drop_headline = true  # the story's name is left out of the body on {site.drop_headline}"
                   f" of {site.pages} pages")
    out += _array("drop_selectors", site.drop_selectors, site.pages, "never body on")
    if site.body_selector is not None:
        selector, n = site.body_selector
        out.append(f"body_selector = {_toml_string(selector)}  # holds the body on {n} of {site.pages} pages")
    return "\n".join(out) + "\n"


def _array(key: str, items: list[tuple[str, int]], pages: int, verb: str, literal: bool = False) -> list[str]:
    if not items:
        return []
    quote = _toml_literal if literal else _toml_string
    lines = [f"{key} = ["]
    lines += [f"    {quote(value)},  # {verb} {n} of {pages} pages" for value, n in items]
    return lines + ["]"]


def to_site_rules(site: LearnedSite) -> SiteRules:
    """The learned rules as the registry holds them, checked exactly as a rule file would be."""
    rules, problems = load_text(to_toml(site), f"<learned {site.site}>")
    if rules is None:  # pragma: no cover - learned values are plain strings; a failure is a bug
        raise SiteRulesError(problems)
    return rules


def learned_registry(learned: Iterable[LearnedSite]) -> Registry:
    return Registry(to_site_rules(site) for site in learned)

