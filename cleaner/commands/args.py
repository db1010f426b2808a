"""What every sub-command shares: argument types, the usage error, and building the one Cleaner a
run uses from its arguments."""
from __future__ import annotations

import argparse
import os

from ..api import Cleaner
from ..cleaners import cleaner_names
from ..errors import CleanerError
from ..options import Options

PROG = "cleaner"


class UsageError(CleanerError):
    """Raised by the parser instead of printing usage and exiting."""


def positive_int(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {n}")
    return n


def bounded_float(what: str, high: float | None = None):
    """An argparse type for a number above 0 (and at most `high`), named `what` in its error."""
    limit = "more than 0" + (f" and at most {high:g}" if high is not None else "")

    def parse(value: str) -> float:
        try:
            number = float(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected {what}, got {value!r}") from None
        if not number > 0 or (high is not None and number > high):
            raise argparse.ArgumentTypeError(f"must be {limit}, got {value}")
        return number
    return parse


positive_seconds = bounded_float("a number of seconds")
share = bounded_float("a number between 0 and 1", high=1)


def names(values: list[str] | None) -> list[str]:
    """`--disable a b --disable c,d` -> [a, b, c, d]."""
    return [name for v in values or () for name in v.split(",") if name]


def cpu_count() -> int:
    """CPUs this process may run on (respects taskset and container limits where the OS says)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def make_cleaner(args: argparse.Namespace) -> Cleaner:
    """The one Cleaner this run uses; raises ConfigError for an unknown cleaner name or a bad
    site rule file."""
    return Cleaner(disable=names(args.disable), options=Options(max_chars=args.max_chars),
                   site_rules=not args.no_site_rules, rules=args.rules)


def files_after_disable(args: argparse.Namespace) -> list[str]:
    """`--disable NAME ...` is greedy, so `clean --disable title page.txt` hands it the page too.
    Take back the values that are not cleaner names but are files or folders, to use as the command's inputs."""
    known = set(cleaner_names())
    values = args.disable or []
    files = [v for v in values if v not in known and "," not in v and os.path.exists(v)]
    args.disable = [v for v in values if v not in files]
    return files
