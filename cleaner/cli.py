"""The `cleaner` command. Arguments are parsed here and turned into one frozen Options/Cleaner;
nothing deeper sees argparse. Errors a user causes print one line, `cleaner: error: ...`, and exit
with status 2; `--debug` shows the traceback instead."""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence

from .api import Cleaner
from .cleaners import cleaner_names
from .errors import CleanerError, InputError
from .options import KINDS

PROG = "cleaner"
EXIT_USAGE = 2   # a bad option, a missing or unreadable file, an unknown cleaner
EXIT_FAILURE = 1  # anything else that went wrong


class UsageError(CleanerError):
    """Raised by the parser instead of printing usage and exiting."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, no usage block
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _positive_int(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {n}")
    return n


def _names(values: list[str] | None) -> list[str]:
    """`--disable a b --disable c,d` -> [a, b, c, d]."""
    return [name for v in values or () for name in v.split(",") if name]


def cpu_count() -> int:
    """CPUs this process may run on (respects taskset and container limits where the OS says)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument("--disable", nargs="+", action="extend", metavar="NAME",
                        help="turn off these cleaners (listed above; "
                             "commas work too)")
    common.add_argument("--debug", action="store_true", help="show tracebacks for errors")

    names = ", ".join(cleaner_names())
    parser = _Parser(prog=PROG, description="Strip boilerplate from scraped web pages and keep the article body.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    c = sub.add_parser("clean", parents=[common], help="clean one page and print its body",
                       description=f"Clean one page (HTML or a text dump) and print its body. "
                                   f"Cleaners: {names}.")
    c.add_argument("path", nargs="?", default="-", metavar="PATH",
                   help="the page; '-' or nothing reads stdin")
    c.add_argument("--url", help="the page's URL (gives the site when --site is not set)")
    c.add_argument("--site", help="the site the page comes from, e.g. example.com")
    c.add_argument("--kind", choices=KINDS, default="auto", help="what PATH holds (default: auto)")
    shown = c.add_mutually_exclusive_group()
    shown.add_argument("--json", action="store_true", help="print the full result as JSON")
    shown.add_argument("--explain", action="store_true",
                       help="show every block, kept or removed, with the cleaner and rule responsible")
    c.set_defaults(func=cmd_clean)

    b = sub.add_parser("batch", parents=[common], help="clean JSONL records in parallel",
                       description="Clean JSONL records ({id, url, text|html, date?}) in parallel; "
                                   "write one JSON line per input record, in input order. "
                                   f"Cleaners: {names}.")
    b.add_argument("inputs", nargs="*", metavar="INPUT", help="JSONL files, optionally .gz")
    b.add_argument("--out", required=True, metavar="OUT",
                   help="output JSONL (.gz to compress; '-' for stdout)")
    b.add_argument("--text-dir", metavar="DIR", help="also write each body to DIR/<id>.txt")
    b.add_argument("--workers", type=_positive_int, default=cpu_count(), metavar="N",
                   help="worker processes (default: %(default)s, the CPUs this process may use)")
    b.set_defaults(func=cmd_batch)
    return parser


def make_cleaner(args: argparse.Namespace) -> Cleaner:
    """The one Cleaner this run uses; raises ConfigError for an unknown cleaner name."""
    return Cleaner(disable=_names(args.disable))


def _files_after_disable(args: argparse.Namespace) -> list[str]:
    """`--disable NAME ...` is greedy, so `clean --disable title page.txt` hands it the page too.
    Take back the values that are not cleaner names but are files, to use as the command's inputs."""
    known = set(cleaner_names())
    values = args.disable or []
    files = [v for v in values if v not in known and "," not in v and os.path.isfile(v)]
    args.disable = [v for v in values if v not in files]
    return files


def read_input(path: str) -> bytes:
    """The page's bytes (so encoding detection applies), from a file or from stdin for '-'."""
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        with open(path, "rb") as f:
            return f.read()
    except IsADirectoryError:
        raise InputError(f"cannot read {path}: is a directory") from None
    except OSError as e:
        raise InputError(f"cannot read {path}: {e.strerror or e}") from None


def cmd_clean(args: argparse.Namespace) -> int:
    files = _files_after_disable(args)
    if files and args.path == "-":
        args.path, files = files[0], files[1:]
    if files:
        raise UsageError(f"one page at a time: unexpected {' '.join(files)}")
    cleaner = make_cleaner(args)
    data = read_input(args.path)
    result = cleaner.clean(data, url=args.url, site=args.site, kind=args.kind)
    out = sys.stdout
    if args.json:
        out.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
    elif args.explain:
        from . import explain
        if out.isatty():
            from rich.console import Console
            explain.render_rich(result, Console())
        else:
            explain.render_plain(result, out)
    elif result.text:
        out.write(result.text + "\n")
    out.flush()
    return 0


def cmd_batch(args: argparse.Namespace) -> int:
    from . import batch
    from .io import jsonl
    from .io.textdir import TextDirWriter

    args.inputs += _files_after_disable(args)
    if not args.inputs:
        raise UsageError("no INPUT given (see 'cleaner batch --help')")
    cleaner = make_cleaner(args)  # validates --disable before any work starts
    for path in args.inputs:
        jsonl.check_readable(path)
    texts = TextDirWriter(args.text_dir) if args.text_dir else None
    with jsonl.open_writer(args.out) as out, _progress() as tick:
        def write(record: dict) -> None:
            out.write(jsonl.dumps(record) + "\n")
            if texts is not None:
                texts.write(record)

        stats = batch.run(jsonl.read_many(args.inputs), write, cleaner.options,
                          workers=args.workers, progress=tick)
    print(f"{PROG}: {stats.summary()} -> {args.out}", file=sys.stderr)
    return 0


class _progress:
    """A live count on stderr when it is a terminal; nothing otherwise (logs, CI, pipes)."""

    def __enter__(self):
        self._bar = None
        if sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self._bar = Progress(SpinnerColumn(), TextColumn("{task.completed} documents"),
                                 TimeElapsedColumn(), console=Console(stderr=True), transient=True)
            self._bar.start()
            task = self._bar.add_task("batch", total=None)
            return lambda n: self._bar.advance(task, n)
        return None

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.stop()


def _version() -> str:
    from . import __version__
    return __version__


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv
    try:
        args = build_parser().parse_args(argv)
        return args.func(args)
    except CleanerError as e:
        if debug:
            raise
        return _fail(str(e), EXIT_USAGE)
    except BrokenPipeError:  # `cleaner clean page.html | head`
        try:
            sys.stdout = open(os.devnull, "w")  # no second error when Python flushes at exit
        except OSError:
            pass
        return EXIT_FAILURE
    except KeyboardInterrupt:
        if debug:
            raise
        return _fail("interrupted", 130)
    except OSError as e:  # an output file or folder that cannot be written
        if debug:
            raise
        where = f"{e.filename}: " if getattr(e, "filename", None) else ""
        return _fail(f"{where}{e.strerror or e}", EXIT_FAILURE)
    except Exception as e:
        if debug:
            raise
        from .batch import one_line
        return _fail(f"unexpected {one_line(e)} (run again with --debug for the traceback)", EXIT_FAILURE)


def _fail(message: str, code: int) -> int:
    print(f"{PROG}: error: {message}", file=sys.stderr)
    return code


if __name__ == "__main__":
    sys.exit(main())
