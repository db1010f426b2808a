"""What one site rule file holds once loaded: the site, its fingerprints, and its layouts by date.

Plain frozen data (strings, tuples, compiled linear-time regexes), so a registry pickles into the
batch's worker processes and nothing in a rule file can run code.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# The line rules a layout may carry, in the order the site_rules cleaner applies them.
LINE_RULES = ("body_after", "body_until", "cut_until", "cut_from", "cut_from_matching", "drop_between",
              "drop_lines", "drop_matching", "drop_headline", "strip_prefix")
HTML_RULES = ("drop_selectors", "body_selector")


@dataclass(frozen=True)
class Layout:
    """The rules in force for a site from `since` (through `until`, when given)."""

    since: date
    until: date | None = None
    drop_lines: frozenset[str] = frozenset()
    drop_matching: tuple = ()          # compiled re2 patterns, searched in the whole line
    cut_from: frozenset[str] = frozenset()
    cut_from_matching: tuple = ()      # compiled re2 patterns: the first line one finds starts the cut
    cut_until: frozenset[str] = frozenset()
    # The body window: the story starts after the first `body_after` line and ends before the first
    # `body_until` line after that; the lines outside it go, unless that would leave less of the
    # page than the pipeline's over-cleaning guard allows (then the rest of the layout applies).
    body_after: frozenset[str] = frozenset()
    body_until: frozenset[str] = frozenset()
    drop_between: tuple[tuple[str, str], ...] = ()
    # Drop the lines naming the page's own story by its URL (`sites/headline.py`): where the
    # site's hand-cleaned bodies leave the headline out, it is no part of the story.
    drop_headline: bool = False
    strip_prefix: tuple = ()           # compiled re2 patterns, matched at the line's start
    drop_selectors: tuple[str, ...] = ()
    body_selector: str | None = None
    # The line rules run after the generic cleaners, on what they kept, instead of before them:
    # learned files say so (see `cleaners/site_rules.py`).
    after_generic: bool = False

    def covers(self, day: date) -> bool:
        return self.since <= day and (self.until is None or day <= self.until)


@dataclass(frozen=True)
class SiteRules:
    """One rule file: `site` matches that host and its subdomains; fingerprints find it in a dump."""

    site: str
    source: str
    fingerprints: tuple[str, ...] = ()
    layouts: tuple[Layout, ...] = field(default=())   # sorted by `since`, oldest first

    def layout_for(self, day: date | None) -> Layout | None:
        """The layout in force on `day`: the newest whose range holds it. Without a date, the newest
        layout; before the first layout, the first (a capture older than the file is still that site)."""
        if not self.layouts:
            return None
        if day is None:
            return self.layouts[-1]
        for layout in reversed(self.layouts):
            if layout.covers(day):
                return layout
        return self.layouts[0] if day < self.layouts[0].since else None

    def rule_name(self, layout: Layout, rule: str) -> str:
        """How a removal names its reason: `site@since:rule`."""
        return f"{self.site}@{layout.since.isoformat()}:{rule}"
