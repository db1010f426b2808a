"""`cleaner clean`: one page (a file or stdin) to its body, its JSON result, or an explanation."""
from __future__ import annotations

import argparse
import json
import sys

from ..cleaners import cleaner_names
from ..errors import DocumentError, InputError
from ..limits import max_read_bytes
from ..options import KINDS
from .args import PROG, UsageError, files_after_disable, make_cleaner


def register(sub, common: argparse.ArgumentParser) -> None:
    c = sub.add_parser("clean", parents=[common], help="clean one page and print its body",
                       description=f"Clean one page (HTML or a text dump) and print its body. "
                                   f"Cleaners: {', '.join(cleaner_names())}.")
    c.add_argument("path", nargs="?", default="-", metavar="PATH",
                   help="the page; '-' or nothing reads stdin")
    c.add_argument("--url", help="the page's URL (gives the site when --site is not set)")
    c.add_argument("--site", help="the site the page comes from, e.g. example.com")
    c.add_argument("--kind", choices=KINDS, default="auto", help="what PATH holds (default: auto)")
    shown = c.add_mutually_exclusive_group()
    shown.add_argument("--json", action="store_true", help="print the full result as JSON")
    shown.add_argument("--explain", action="store_true",
                       help="show every block, kept or removed, with the cleaner and rule responsible")
    c.set_defaults(func=run)


def read_input(path: str, limit: int) -> tuple[bytes, bool]:
    """The page's bytes (so encoding detection applies), from a file or from stdin for '-', at most
    `limit` of them, and whether there were more."""
    try:
        if path == "-":
            data = sys.stdin.buffer.read(limit + 1)
        else:
            with open(path, "rb") as f:
                data = f.read(limit + 1)
    except IsADirectoryError:
        raise InputError(f"cannot read {path}: is a directory") from None
    except OSError as e:
        raise InputError(f"cannot read {path}: {e.strerror or e}") from None
    return (data[:limit], True) if len(data) > limit else (data, False)


def run(args: argparse.Namespace) -> int:
    files = files_after_disable(args)
    if files and args.path == "-":
        args.path, files = files[0], files[1:]
    if files:
        raise UsageError(f"one page at a time: unexpected {' '.join(files)}")
    cleaner = make_cleaner(args)
    limit = max_read_bytes(cleaner.options.max_chars)
    data, unread = read_input(args.path, limit)
    name = "stdin" if args.path == "-" else args.path
    try:
        result = cleaner.clean(data, url=args.url, site=args.site, kind=args.kind)
    except Exception as e:  # a bug on this page: one line naming it; --debug shows the traceback
        from ..batch import one_line
        raise DocumentError(f"{name}: unexpected {one_line(e)} (run again with --debug for the "
                            f"traceback)") from e
    if result.not_a_page:  # binary data, corrupt gzip: the page is named, the reason kept
        raise InputError(f"{name}: {result.not_a_page}")
    notes = [f"read only the first {limit:,} bytes"] if unread else []
    notes += [result.truncated] if result.truncated else []
    if notes:
        print(f"{PROG}: warning: {name}: {'; '.join(notes)}", file=sys.stderr)
    out = sys.stdout
    if args.json:
        out.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
    elif args.explain:
        from .. import explain
        if out.isatty():
            from rich.console import Console
            explain.render_rich(result, Console())
        else:
            explain.render_plain(result, out)
    elif result.text:
        from ..explain import for_terminal
        out.write((for_terminal(result.text) if out.isatty() else result.text) + "\n")
    out.flush()
    return 0
