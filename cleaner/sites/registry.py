"""The registry: every known site's rules, found by host (longest suffix wins) or, in a dump with no
URL, by fingerprint lines. Built from folders in layers: the built-in rules, then `CLEANER_RULES`,
then each `--rules DIR`; a later layer's file replaces an earlier one's for the same site.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

import re2

from ..errors import ConfigError
from .load import RE2_OPTIONS, Problem, load_file
from .rules import SiteRules

BUILTIN_DIR = Path(__file__).with_name("rules")
ENV_VAR = "CLEANER_RULES"


class SiteRulesError(ConfigError):
    """Rule files with problems: the message holds one line per problem."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class Registry:
    """Sites by name, with a matcher for their fingerprints. Immutable after construction."""

    def __init__(self, sites: Iterable[SiteRules] = ()):
        self.sites: dict[str, SiteRules] = {s.site: s for s in sites}
        self._fingerprints = self._build_fingerprints()

    def __getstate__(self):
        return {"sites": self.sites}

    def __setstate__(self, state) -> None:
        self.sites = state["sites"]
        self._fingerprints = self._build_fingerprints()

    def __len__(self) -> int:
        return len(self.sites)

    def __repr__(self) -> str:
        return f"Registry({len(self.sites)} sites)"

    def overlaid(self, top: "Registry") -> "Registry":
        """This registry with `top`'s sites replacing or adding to its own."""
        return Registry({**self.sites, **top.sites}.values())

    def for_host(self, host: str | None) -> SiteRules | None:
        """The rules whose site is `host` or its longest suffix (news.example.com -> example.com)."""
        if not host:
            return None
        host = host.lower().rstrip(".")
        while True:
            rules = self.sites.get(host)
            if rules is not None:
                return rules
            dot = host.find(".")
            if dot < 0:
                return None
            host = host[dot + 1:]

    def for_lines(self, lines: Sequence[str]) -> SiteRules | None:
        """The site whose fingerprints the page's lines hold most of (ties: the longer fingerprint)."""
        if self._fingerprints is None or not lines:
            return None
        pattern, owner = self._fingerprints
        found: dict[str, set[str]] = {}
        for match in pattern.finditer("\n".join(lines)):
            text = match.group(0)
            found.setdefault(owner[text], set()).add(text)
        if not found:
            return None
        best = max(found, key=lambda site: (len(found[site]), max(map(len, found[site])), site))
        return self.sites[best]

    def find(self, host: str | None, lines: Sequence[str] = ()) -> SiteRules | None:
        """By host when the page has one (a page with a URL is that site, whatever it quotes),
        otherwise by fingerprint."""
        return self.for_host(host) if host else self.for_lines(lines)

    def _build_fingerprints(self):
        """One linear-time alternation of every fingerprint, so a page is scanned once however
        many sites there are."""
        owner: dict[str, str] = {}
        for rules in self.sites.values():
            for fp in rules.fingerprints:
                owner.setdefault(fp, rules.site)
        if not owner:
            return None
        alternatives = sorted(owner, key=len, reverse=True)  # the longest fingerprint wins a tie
        return re2.compile("|".join(re2.escape(fp) for fp in alternatives), RE2_OPTIONS), owner


def load_folder(folder: str | os.PathLike) -> tuple[list[SiteRules], list[Problem]]:
    """Every `*.toml` in one folder; two files claiming one site is a problem."""
    path = Path(folder)
    if not path.is_dir():
        return [], [Problem(str(path), "not a folder of rule files")]
    loaded: list[SiteRules] = []
    problems: list[Problem] = []
    claimed: dict[str, str] = {}
    for file in sorted(path.glob("*.toml")):
        rules, found = load_file(file)
        problems += found
        if rules is None:
            continue
        if rules.site in claimed:
            problems.append(Problem(str(file), f"site '{rules.site}' is already claimed by {claimed[rules.site]}"))
            continue
        claimed[rules.site] = str(file)
        loaded.append(rules)
    return loaded, problems


def check_folders(folders: Iterable[str | os.PathLike]) -> tuple[Registry, list[Problem]]:
    """The registry the folders make (later folders override earlier ones) and all their problems."""
    registry, problems = Registry(), []
    for folder in folders:
        sites, found = load_folder(folder)
        problems += found
        registry = registry.overlaid(Registry(sites))
    return registry, problems


def env_folders() -> tuple[str, ...]:
    """The folders `CLEANER_RULES` names, separated like PATH."""
    return tuple(f for f in os.environ.get(ENV_VAR, "").split(os.pathsep) if f)


def load_registry(folders: Sequence[str | os.PathLike] = (), *, builtin: bool = True,
                  env: bool = True) -> Registry:
    """The registry in force: built-in rules, then CLEANER_RULES, then `folders`.
    Raises SiteRulesError listing every problem when any file is wrong."""
    layers = ((str(BUILTIN_DIR),) if builtin else ()) + (env_folders() if env else ()) \
        + tuple(str(f) for f in folders)
    return _load_cached(layers)


@lru_cache(maxsize=8)
def _load_cached(layers: tuple[str, ...]) -> Registry:
    registry, problems = check_folders(layers)
    if problems:
        raise SiteRulesError(problems)
    return registry
