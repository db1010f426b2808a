"""The `cleaner` command. Arguments are parsed here and turned into one frozen Options/Cleaner;
nothing deeper sees argparse. Each sub-command lives in its own module under `cleaner.commands`.
Errors a user causes print one line, `cleaner: error: ...`, and exit with status 2; a page that
cannot be cleaned prints one line naming it and exits with status 1; `--debug` shows the traceback
instead."""
from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from .commands import COMMANDS
from .commands.args import PROG, UsageError, positive_int
from .errors import CleanerError, DocumentError
from .limits import MAX_CHARS

EXIT_USAGE = 2   # a bad option, a missing or unreadable file, an unknown cleaner
EXIT_FAILURE = 1  # a page the cleaner failed on, and anything else that went wrong


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, no usage block
        raise UsageError(f"{message} (see '{self.prog} --help')")


def build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument("--disable", nargs="+", action="extend", metavar="NAME",
                        help="turn off these cleaners (listed above; commas work too)")
    common.add_argument("--rules", action="append", default=[], metavar="DIR",
                        help="a folder of site rule files (*.toml) over the built-in ones and "
                             "CLEANER_RULES; repeatable, later folders win")
    common.add_argument("--no-site-rules", action="store_true",
                        help="do not apply site rules: generic cleaning only")
    common.add_argument("--max-chars", type=positive_int, default=MAX_CHARS, metavar="N",
                        help="cut longer pages to N characters, and say so (default: %(default)s)")
    common.add_argument("--debug", action="store_true", help="show tracebacks for errors")

    parser = _Parser(prog=PROG, description="Strip boilerplate from scraped web pages and keep the article body.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for command in COMMANDS:
        command.register(sub, common)
    return parser


def _version() -> str:
    from . import __version__
    return __version__


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv
    try:
        args = build_parser().parse_args(argv)
        return args.func(args)
    except DocumentError as e:  # the page, not the command line, is what went wrong
        if debug:
            raise
        return _fail(str(e), EXIT_FAILURE)
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
    for line in message.splitlines() or [""]:  # several problems (bad rule files): one line each
        print(f"{PROG}: error: {line}", file=sys.stderr)
    return code


if __name__ == "__main__":
    sys.exit(main())
