"""Reading and checking rule files. Every problem becomes one line naming the file, and where it can
the line and key (`rules/x.toml:7: layout 1: unknown key 'drop_line' (did you mean 'drop_lines'?)`),
so a user fixes them all in one go; nothing here raises a traceback for a bad file.
"""
from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import re2
from cssselect import SelectorError
from lxml.cssselect import CSSSelector

from .dates import parse_day
from .rules import Layout, SiteRules

TOP_KEYS = ("site", "fingerprints", "layout")
LAYOUT_KEYS = ("since", "until", "drop_lines", "drop_matching", "cut_from", "cut_from_matching",
               "cut_until", "body_after", "body_until", "drop_between", "strip_prefix", "drop_selectors",
               "body_selector", "after_generic", "drop_headline")
STRING_LISTS = ("drop_lines", "cut_from", "cut_until", "body_after", "body_until")
REGEX_LISTS = ("drop_matching", "cut_from_matching", "strip_prefix")
# A site is a host name: lower-case labels joined by dots, no scheme, no path.
_SITE = re.compile(r"^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$")
_TOML_LINE = re.compile(r"\(at line (\d+), column \d+\)")


def _re2_options():
    options = re2.Options()
    options.log_errors = False  # a bad pattern is reported once, as a problem, not logged to stderr
    return options


RE2_OPTIONS = _re2_options()


def compile_regex(pattern: str):
    """A linear-time regex: no input can make it hang, whatever the rule file says."""
    return re2.compile(pattern, RE2_OPTIONS)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a rule file."""

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


def load_file(path: Path) -> tuple[SiteRules | None, list[Problem]]:
    """The rules in one file, or None with the problems that stop it loading."""
    try:
        raw = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as e:
        return None, [Problem(str(path), f"cannot read: {getattr(e, 'strerror', None) or e}")]
    return load_text(raw, str(path))


def load_text(raw: str, path: str) -> tuple[SiteRules | None, list[Problem]]:
    """The rules in TOML text (a file's, or rules just learned), checked like a file named `path`."""
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as e:
        found = _TOML_LINE.search(str(e))
        message = _TOML_LINE.sub("", str(e)).strip()
        return None, [Problem(path, f"bad TOML: {message}", int(found.group(1)) if found else None)]
    rules, problems = _Checker(path, raw).check(data)
    return rules, sorted(problems, key=lambda p: p.line or 0)


class _Checker:
    """Validates the parsed TOML of one file, collecting problems instead of stopping at the first."""

    def __init__(self, path: str, raw: str):
        self.path = path
        self.lines = raw.splitlines()
        self.problems: list[Problem] = []

    def problem(self, message: str, key: str | None = None, layout: int | None = None) -> None:
        """Record one problem, located at the line that sets `key` when there is one."""
        self.problems.append(Problem(self.path, message, self._line_of(key, layout)))

    def _line_of(self, key: str | None, layout: int | None) -> int | None:
        """The line that sets `key` (inside the layout-th [[layout]] table when given)."""
        if key is None:
            return None
        start, seen = 0, -1
        if layout is not None:
            for n, text in enumerate(self.lines):
                if text.strip().startswith("[[layout]]"):
                    seen += 1
                    if seen == layout:
                        start = n
                        break
        pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")
        for n in range(start, len(self.lines)):
            if pattern.match(self.lines[n]):
                return n + 1
            if layout is not None and n > start and self.lines[n].strip().startswith("[["):
                break
        return start + 1 if layout is not None else None

    def unknown_keys(self, table: dict, known: tuple[str, ...], layout: int | None = None) -> None:
        where = f"layout {layout + 1}: " if layout is not None else ""
        for key in table:
            if key not in known:
                hint = difflib.get_close_matches(key, known, n=1)
                also = f" (did you mean '{hint[0]}'?)" if hint else f"; known: {', '.join(known)}"
                self.problem(f"{where}unknown key '{key}'{also}", key, layout)

    def check(self, data: dict) -> tuple[SiteRules | None, list[Problem]]:
        self.unknown_keys(data, TOP_KEYS)
        site = data.get("site")
        if site is None:
            self.problem("missing 'site' (the host the file is for, e.g. site = \"example.com\")")
        elif not isinstance(site, str) or not _SITE.match(site):
            self.problem("'site' must be a host name such as \"example.com\" (lower case, no scheme "
                         f"or path), got {site!r}", "site")
        fingerprints = self.strings(data, "fingerprints", None)
        raw_layouts = data.get("layout")
        if not isinstance(raw_layouts, list) or not raw_layouts or not all(isinstance(t, dict) for t in raw_layouts):
            self.problem("needs at least one [[layout]] table", "layout" if "layout" in data else None)
            raw_layouts = []
        layouts = [self.layout(t, i) for i, t in enumerate(raw_layouts)]
        self.check_dates(raw_layouts)
        layouts = sorted((l for l in layouts if l is not None), key=lambda l: l.since)
        if self.problems:
            return None, self.problems
        return SiteRules(site=site, source=self.path, fingerprints=tuple(fingerprints),
                         layouts=tuple(layouts)), []

    def strings(self, table: dict, key: str, layout: int | None) -> list[str]:
        value = table.get(key, [])
        where = f"layout {layout + 1}: " if layout is not None else ""
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.problem(f"{where}'{key}' must be a list of non-empty strings", key, layout)
            return []
        return [" ".join(v.split()) for v in value]

    def layout(self, table: dict, i: int) -> Layout | None:
        self.unknown_keys(table, LAYOUT_KEYS, i)
        where = f"layout {i + 1}: "
        since = self.day(table, "since", i, required=True)
        until = self.day(table, "until", i, required=False)
        fields: dict = {key: frozenset(self.strings(table, key, i)) for key in STRING_LISTS}
        for key in REGEX_LISTS:
            fields[key] = tuple(self.regex(p, key, i) for p in table.get(key, []) if isinstance(p, str)) \
                if self.regex_list_ok(table, key, i) else ()
        pairs = table.get("drop_between", [])
        if not isinstance(pairs, list) or not all(
                isinstance(p, list) and len(p) == 2 and all(isinstance(s, str) and s.strip() for s in p) for p in pairs):
            self.problem(f"{where}'drop_between' must be a list of [open, close] string pairs", "drop_between", i)
            pairs = []
        fields["drop_between"] = tuple((" ".join(a.split()), " ".join(b.split())) for a, b in pairs)
        selectors = self.strings(table, "drop_selectors", i)
        for sel in selectors:
            self.selector(sel, "drop_selectors", i)
        fields["drop_selectors"] = tuple(selectors)
        body = table.get("body_selector")
        if body is not None and not (isinstance(body, str) and body.strip()):
            self.problem(f"{where}'body_selector' must be a non-empty string", "body_selector", i)
            body = None
        elif body is not None:
            self.selector(body, "body_selector", i)
        after, headline = (self.flag(table, key, i) for key in ("after_generic", "drop_headline"))
        if since is None or any(f is None for key in REGEX_LISTS for f in fields[key]):
            return None
        if until is not None and until < since:
            self.problem(f"{where}'until' {until} is before 'since' {since}", "until", i)
            return None
        return Layout(since=since, until=until, body_selector=body, after_generic=after,
                      drop_headline=headline, **fields)

    def flag(self, table: dict, key: str, i: int) -> bool:
        value = table.get(key, False)
        if not isinstance(value, bool):
            self.problem(f"layout {i + 1}: '{key}' must be true or false", key, i)
            return False
        return value

    def day(self, table: dict, key: str, i: int, *, required: bool) -> date | None:
        value = table.get(key)
        if value is None:
            if required:
                self.problem(f"layout {i + 1}: missing '{key}' (the date the layout came into force, "
                             "e.g. since = 2021-06-01)", key, i)
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        self.problem(f"layout {i + 1}: '{key}' must be a date such as 2021-06-01, got {value!r}", key, i)
        return None

    def regex_list_ok(self, table: dict, key: str, i: int) -> bool:
        value = table.get(key, [])
        if isinstance(value, list) and all(isinstance(v, str) and v for v in value):
            return True
        self.problem(f"layout {i + 1}: '{key}' must be a list of regular expressions (strings)", key, i)
        return False

    def regex(self, pattern: str, key: str, i: int):
        try:
            return compile_regex(pattern)
        except Exception as e:  # re2.error: a syntax error, or a feature a linear engine lacks
            reason = e.args[0].decode() if e.args and isinstance(e.args[0], bytes) else str(e)
            self.problem(f"layout {i + 1}: '{key}': bad or unsupported regex {pattern!r}: {reason} "
                         "(rules use RE2 syntax: no look-around or back-references)", key, i)
            return None

    def selector(self, selector: str, key: str, i: int) -> None:
        try:
            CSSSelector(selector)
        except SelectorError as e:
            self.problem(f"layout {i + 1}: '{key}': bad CSS selector {selector!r}: {e}", key, i)

    def check_dates(self, tables: list[dict]) -> None:
        """Two layouts may not start on one day, nor may one run past the next one's start."""
        spans = sorted((since, parse_day(t.get("until")), i) for i, t in enumerate(tables)
                       if (since := parse_day(t.get("since"))) is not None)
        for (since_a, until_a, a), (since_b, _, b) in zip(spans, spans[1:]):
            if since_a == since_b:
                self.problem(f"layouts {a + 1} and {b + 1} both start on {since_a}: give the newer one "
                             "a later 'since'", "since", b)
            elif until_a is not None and until_a >= since_b:
                self.problem(f"layouts {a + 1} and {b + 1} overlap: {a + 1} runs until {until_a}, but "
                             f"{b + 1} starts {since_b}", "until", a)
