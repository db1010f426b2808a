"""`cleaner batch`: folders, JSONL files and web archives cleaned in parallel, one output record per
input document, with progress, a closing summary, checkpoints and `--resume`."""
from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
import time

from ..cleaners import cleaner_names
from ..errors import InputError
from .args import (PROG, UsageError, cpu_count, files_after_disable, make_cleaner, positive_int,
                   positive_seconds)

# How often a plain progress line is printed when stderr is not a terminal.
PLAIN_PROGRESS_SECONDS = 30.0


def register(sub, common: argparse.ArgumentParser) -> None:
    from ..batch import DEFAULT_TIMEOUT
    from ..io.folder import DEFAULT_PATTERNS
    from ..io.parts import PART_RECORDS

    b = sub.add_parser("batch", parents=[common], help="clean folders, JSONL files and WARCs in parallel",
                       description="Clean every document of the inputs in parallel and write one output "
                                   "record per input document, in input order. INPUT is a folder (files "
                                   "matching --glob), a JSONL file (.jsonl, .jsonl.gz, .jsonl.zst; '-' is "
                                   "stdin) or a web archive (.warc, .warc.gz, .arc, .arc.gz). "
                                   f"Cleaners: {', '.join(cleaner_names())}.")
    b.add_argument("inputs", nargs="*", metavar="INPUT", help="folders, JSONL files, WARC/ARC files, or '-'")
    b.add_argument("--out", required=True, metavar="OUT",
                   help="output: a .jsonl or .jsonl.gz file, '-' for stdout, or else a folder of <id>.txt "
                        "files with records.jsonl listing every document")
    b.add_argument("--text-dir", metavar="DIR", help="also write each body to DIR/<id>.txt")
    b.add_argument("--workers", type=positive_int, default=cpu_count(), metavar="N",
                   help="worker processes (default: %(default)s, the CPUs this process may use)")
    b.add_argument("--timeout", type=positive_seconds, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                   help="time one document may take before it becomes an error record and its worker "
                        "is replaced (default: %(default)g)")
    b.add_argument("--resume", action="store_true",
                   help="continue an interrupted run from its last checkpoint (same inputs and options)")
    b.add_argument("--checkpoint-every", type=positive_int, default=PART_RECORDS, metavar="N",
                   help="records between checkpoints (also every few seconds; default: %(default)s)")
    b.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="where to clean: local processes, or a Dask cluster (default: local)")
    b.add_argument("--scheduler", metavar="ADDR",
                   help="the Dask scheduler, e.g. tcp://10.0.0.5:8786 (default: start a local cluster)")
    b.add_argument("--stats", metavar="FILE", help="also write the closing summary to FILE as JSON")
    b.add_argument("--glob", action="append", metavar="PATTERN",
                   help=f"files to take from folder inputs (repeatable; default: {' '.join(DEFAULT_PATTERNS)})")
    for part in ("id", "url", "html", "text", "date"):
        b.add_argument(f"--{part}-field", default=part, metavar="NAME",
                       help=f"the JSONL field holding the {part} (default: %(default)s)")
    b.add_argument("--learn-sites", action="store_true",
                   help="two passes: learn site rules from the batch's own pages (lines recurring "
                        "across a site's pages that the generic cleaners keep), then clean it with them")
    from .learn import add_threshold_options
    add_threshold_options(b)
    b.set_defaults(func=run)


def build_job(args: argparse.Namespace):
    from ..batch import Job
    from ..io.inputs import InputOptions
    from ..io.jsonl import Fields

    args.inputs += files_after_disable(args)
    if not args.inputs:
        raise UsageError("no INPUT given (see 'cleaner batch --help')")
    if args.scheduler and args.engine != "dask":
        raise UsageError("--scheduler needs --engine dask")
    cleaner = make_cleaner(args)  # validates --disable before any work starts
    fields = Fields(id=args.id_field, url=args.url_field, html=args.html_field, text=args.text_field,
                    date=args.date_field)
    reading = InputOptions(patterns=tuple(args.glob), fields=fields) if args.glob else InputOptions(fields=fields)
    options = cleaner.options
    if args.learn_sites:
        options = _with_learned_sites(args, options, reading)
    return Job(inputs=tuple(args.inputs), out=args.out, options=options, reading=reading,
               workers=args.workers, timeout=args.timeout, resume=args.resume, engine=args.engine,
               scheduler=args.scheduler, text_dir=args.text_dir, checkpoint_every=args.checkpoint_every)


def _with_learned_sites(args: argparse.Namespace, options, reading):
    """The first pass of --learn-sites: rules learned from the inputs, under the known ones (a
    hand-written file wins for its site), carried to the workers in the Options."""
    import dataclasses

    from ..io.inputs import read_inputs
    from ..sites.learn import learn_from_records, learned_registry
    from .learn import learn_options, pages_from_records

    pages = pages_from_records(read_inputs(args.inputs, reading))
    learned = learned_registry(learn_from_records(pages, None, learn_options(args), options.registry,
                                                  workers=args.workers))
    print(f"{PROG}: learned rules for {len(learned)} sites", file=sys.stderr)
    registry = learned.overlaid(options.registry) if options.registry is not None else learned
    return dataclasses.replace(options, site_rules=True, registry=registry)


def run(args: argparse.Namespace) -> int:
    from .. import batch

    job = build_job(args)
    with _Progress(job) as tick:
        stats = batch.run_job(job, progress=tick)
    if args.stats:
        try:
            with open(args.stats, "w", encoding="utf-8") as f:
                json.dump(stats.to_dict(), f, indent=2, ensure_ascii=False)
                f.write("\n")
        except OSError as e:
            raise InputError(f"cannot write {args.stats}: {e.strerror or e}") from None
    _print_summary(stats, job.out)
    return 0


def _print_summary(stats, out: str) -> None:
    """A table in a terminal; plain lines otherwise, the first one the short summary."""
    if sys.stderr.isatty():
        from rich.console import Console
        from rich.table import Table

        table = Table(title=f"{PROG} batch -> {out}", show_header=False, title_justify="left")
        table.add_column(style="bold")
        table.add_column(justify="right")
        for label, value in stats.rows():
            table.add_row(label, value)
        Console(stderr=True).print(table)
        return
    lines = [f"{PROG}: {stats.summary()} -> {out}"] + [f"  {label}: {value}" for label, value in stats.rows()]
    print("\n".join(lines), file=sys.stderr)


def _count_documents(job, total) -> None:
    from ..io.inputs import read_inputs

    try:
        total.value = sum(1 for _ in read_inputs(job.inputs, job.reading))
    except Exception:  # the run itself reports unreadable inputs
        pass


class _Progress:
    """A bar with docs/s and ETA on stderr when it is a terminal; a plain line every half minute
    when it is not. The bar's total is counted by a side process, so the bar starts at once and the
    parent stays single-threaded (it forks workers, which must not inherit another thread's locks)."""

    def __init__(self, job):
        self.job = job

    def __enter__(self):
        self._bar = None
        self._start = self._last = time.monotonic()
        self._done = 0
        if not sys.stderr.isatty():
            return self._plain
        from rich.console import Console
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TaskProgressColumn,
                                   TextColumn, TimeElapsedColumn, TimeRemainingColumn)

        self._total, self._counter = None, None
        if "-" not in self.job.inputs:
            ctx = multiprocessing.get_context()
            self._total = ctx.Value("q", -1, lock=False)
            self._counter = ctx.Process(target=_count_documents, args=(self.job, self._total), daemon=True)
            self._counter.start()
        self._bar = Progress(SpinnerColumn(), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
                             TextColumn("{task.fields[rate]} docs/s"), TimeElapsedColumn(), TextColumn("ETA"),
                             TimeRemainingColumn(), console=Console(stderr=True), transient=True,
                             auto_refresh=False)  # no refresh thread: workers are forked from this process
        self._bar.start()
        self._task = self._bar.add_task("batch", total=None, rate="-")
        return self._advance

    def _advance(self, n: int) -> None:
        self._done += n
        now = time.monotonic()
        self._bar.update(self._task, advance=n)
        if now - self._last >= 0.1:
            self._last = now
            total = self._total.value if self._total is not None else -1
            self._bar.update(self._task, rate=f"{self._done / (now - self._start):.1f}",
                             total=total if total >= 0 else None)
            self._bar.refresh()

    def _plain(self, n: int) -> None:
        self._done += n
        now = time.monotonic()
        if now - self._last >= PLAIN_PROGRESS_SECONDS:
            self._last = now
            print(f"{PROG}: {self._done} documents, {self._done / (now - self._start):.1f} docs/s",
                  file=sys.stderr, flush=True)

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.stop()
        if getattr(self, "_counter", None) is not None:
            self._counter.kill()
            self._counter.join()
