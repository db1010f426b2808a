"""`cleaner batch`: many JSONL records cleaned in parallel, one output line per input record."""
from __future__ import annotations

import argparse
import sys

from ..cleaners import cleaner_names
from .args import PROG, UsageError, cpu_count, files_after_disable, make_cleaner, positive_int


def register(sub, common: argparse.ArgumentParser) -> None:
    b = sub.add_parser("batch", parents=[common], help="clean JSONL records in parallel",
                       description="Clean JSONL records ({id, url, text|html, date?}) in parallel; "
                                   "write one JSON line per input record, in input order. "
                                   f"Cleaners: {', '.join(cleaner_names())}.")
    b.add_argument("inputs", nargs="*", metavar="INPUT", help="JSONL files, optionally .gz")
    b.add_argument("--out", required=True, metavar="OUT",
                   help="output JSONL (.gz to compress; '-' for stdout)")
    b.add_argument("--text-dir", metavar="DIR", help="also write each body to DIR/<id>.txt")
    b.add_argument("--workers", type=positive_int, default=cpu_count(), metavar="N",
                   help="worker processes (default: %(default)s, the CPUs this process may use)")
    b.add_argument("--learn-sites", action="store_true",
                   help="two passes: learn site rules from the batch's own pages (lines recurring "
                        "across a site's pages), then clean it with them")
    from .learn import add_threshold_options
    add_threshold_options(b)
    b.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from .. import batch
    from ..io import jsonl
    from ..io.textdir import TextDirWriter

    args.inputs += files_after_disable(args)
    if not args.inputs:
        raise UsageError("no INPUT given (see 'cleaner batch --help')")
    cleaner = make_cleaner(args)  # validates --disable before any work starts
    for path in args.inputs:
        jsonl.check_readable(path)
    options = _with_learned_sites(args, cleaner.options) if args.learn_sites else cleaner.options
    texts = TextDirWriter(args.text_dir) if args.text_dir else None
    with jsonl.open_writer(args.out) as out, _progress() as tick:
        def write(record: dict) -> None:
            out.write(jsonl.dumps(record) + "\n")
            if texts is not None:
                texts.write(record)

        stats = batch.run(jsonl.read_many(args.inputs), write, options,
                          workers=args.workers, progress=tick)
    print(f"{PROG}: {stats.summary()} -> {args.out}", file=sys.stderr)
    return 0


def _with_learned_sites(args: argparse.Namespace, options):
    """The first pass of --learn-sites: rules learned from the inputs, under the known ones (a
    hand-written file wins for its site), carried to the workers in the Options."""
    import dataclasses

    from ..sites.learn import learn_from_records, learned_registry
    from .learn import learn_options, read_pages

    learned = learned_registry(learn_from_records(read_pages(args.inputs), None, learn_options(args),
                                                  options.registry))
    print(f"{PROG}: learned rules for {len(learned)} sites", file=sys.stderr)
    registry = learned.overlaid(options.registry) if options.registry is not None else learned
    return dataclasses.replace(options, site_rules=True, registry=registry)


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
