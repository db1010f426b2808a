"""`cleaner sites`: list the known sites, show the rules in force for one, check rule folders."""
from __future__ import annotations

import argparse
import sys

from ..sites import BUILTIN_DIR, check_folders, load_registry
from ..sites.dates import parse_day
from ..sites.registry import env_folders
from ..sites.rules import HTML_RULES, LINE_RULES
from .args import UsageError

EXIT_PROBLEMS = 1


def register(sub, common: argparse.ArgumentParser) -> None:
    s = sub.add_parser("sites", help="list, show and check site rules",
                       description="The site rule registry: built-in rules, then CLEANER_RULES, "
                                   "then --rules folders (later ones win for the same site).")
    actions = s.add_subparsers(dest="action", metavar="ACTION", required=True)
    ls = actions.add_parser("list", parents=[common], help="every known site with its layouts")
    ls.set_defaults(func=run_list)
    show = actions.add_parser("show", parents=[common], help="the rules in force for a site")
    show.add_argument("site", metavar="SITE", help="a site or host, e.g. www.upi.com")
    show.add_argument("--date", metavar="D", help="the page's date (YYYY-MM-DD; default: the newest layout)")
    show.set_defaults(func=run_show)
    check = actions.add_parser("check", parents=[common],
                               help="validate rule folders; one line per problem, non-zero exit if any")
    check.add_argument("folders", nargs="*", metavar="DIR",
                       help="folders of *.toml rule files (default: the built-in rules, "
                            "CLEANER_RULES and --rules)")
    check.set_defaults(func=run_check)


def run_list(args: argparse.Namespace) -> int:
    registry = load_registry(args.rules)
    for site in sorted(registry.sites):
        rules = registry.sites[site]
        since = ", ".join(l.since.isoformat() for l in rules.layouts)
        print(f"{site}\tlayouts from {since}\t{len(rules.fingerprints)} fingerprints\t{rules.source}")
    return 0


def run_show(args: argparse.Namespace) -> int:
    registry = load_registry(args.rules)
    day = None
    if args.date is not None:
        day = parse_day(args.date)
        if day is None:
            raise UsageError(f"--date: expected YYYY-MM-DD, got {args.date!r}")
    rules = registry.for_host(args.site)
    if rules is None:
        raise UsageError(f"no rules for {args.site!r}; known: {', '.join(sorted(registry.sites)) or 'none'}")
    layout = rules.layout_for(day)
    out = sys.stdout
    out.write(f"site: {rules.site}\nfile: {rules.source}\n")
    for fp in rules.fingerprints:
        out.write(f"fingerprint: {fp}\n")
    if layout is None:
        out.write(f"no layout in force on {day}\n")
        return 0
    until = f" until {layout.until}" if layout.until else ""
    out.write(f"layout: since {layout.since}{until}"
              f" ({'for ' + day.isoformat() if day else 'the newest'}; {len(rules.layouts)} in the file)\n")
    if layout.after_generic:
        out.write("  (line rules run after the generic cleaners, on what they kept)\n")
    for rule in LINE_RULES + HTML_RULES:
        value = getattr(layout, rule)
        for item in _items(value):
            out.write(f"  {rule}: {item}\n")
    return 0


def _items(value) -> list[str]:
    if value is None or value is False:
        return []
    if value is True:   # a flag such as drop_headline
        return ["true"]
    if isinstance(value, str):
        return [value]
    items = []
    for v in sorted(value, key=str) if isinstance(value, frozenset) else value:
        if isinstance(v, tuple):
            items.append(" ... ".join(v))
        else:
            items.append(getattr(v, "pattern", v))
    return items


def run_check(args: argparse.Namespace) -> int:
    folders = args.folders or [str(BUILTIN_DIR), *env_folders(), *args.rules]
    registry, problems = check_folders(folders)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem{'s' if len(problems) > 1 else ''} in site rules", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"{len(registry)} sites, no problems ({', '.join(folders)})", file=sys.stderr)
    return 0
