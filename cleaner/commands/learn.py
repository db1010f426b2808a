"""`cleaner learn`: induce site rules from pages, with hand-cleaned bodies (by example) or from the
pages alone (by repetition), and write one reviewable TOML per site."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .args import PROG, UsageError, cpu_count, positive_int, share


def add_threshold_options(parser: argparse.ArgumentParser) -> None:
    """The named thresholds of learning, shared by `learn` and `batch --learn-sites`."""
    from ..sites.learn import LearnOptions
    d = LearnOptions()
    parser.add_argument("--min-pages", type=positive_int, default=d.min_pages, metavar="N",
                        help="a site with fewer pages learns nothing (default: %(default)s)")
    parser.add_argument("--min-support", type=positive_int, default=d.min_support, metavar="N",
                        help="a rule needs at least N pages behind it (default: %(default)s)")
    parser.add_argument("--min-share", type=share, default=d.min_share, metavar="F",
                        help="...and at least this share of the site's pages (default: %(default)s)")
    parser.add_argument("--fingerprint-share", type=share, default=d.fingerprint_share, metavar="F",
                        help="a fingerprint is on at least this share of the site's pages "
                             "(default: %(default)s)")
    parser.add_argument("--generic-drop-share", type=share, default=d.generic_drop_share, metavar="F",
                        help="by repetition: a recurring line is learned where the generic cleaners "
                             "drop it on at least this share of the pages holding it (default: %(default)s)...")
    parser.add_argument("--prose-share", type=share, default=d.prose_share, metavar="F",
                        help="...or where it is a sentence on at least this share of the site's pages "
                             "(default: %(default)s)")
    parser.add_argument("--run-min-lines", type=positive_int, default=d.run_min_lines, metavar="N",
                        help="...or where it is a menu's item: in a run of at least N recurring short "
                             "lines on enough pages (default: %(default)s)")
    parser.add_argument("--run-max-words", type=positive_int, default=d.run_max_words, metavar="N",
                        help="a menu's item has at most N words (default: %(default)s)")
    parser.add_argument("--max-body-share", type=share, default=d.max_body_share, metavar="F",
                        help="by repetition: a page that would lose more than this share of its body "
                             "to learned lines is a copy of another page, and supports no rule "
                             "(default: %(default)s)")
    parser.add_argument("--tail-share", type=share, default=d.tail_share, metavar="F",
                        help="by repetition: a recurring line the generic cleaners drop is a cut marker "
                             "where they keep at most this share of every page's body after it "
                             "(default: %(default)s)")
    parser.add_argument("--no-body-window", dest="body_window", action="store_false",
                        help="do not learn the body window (body_after, body_until): by repetition the "
                             "recurring chrome lines the story sits between on every page, by example the "
                             "nearest lines around each expected body that every page prints once)")
    parser.add_argument("--window-share", type=share, default=d.window_share, metavar="F",
                        help="by repetition: a body window is learned only where it holds at least this "
                             "share of every page's own text the generic cleaners keep (default: %(default)s)")
    parser.add_argument("--body-selector", action="store_true",
                        help="by example on HTML: also learn a body selector, the container holding "
                             "the expected body on every page (off: on the benchmark's sites it never "
                             "helped the page left out)")


def learn_options(args: argparse.Namespace):
    from ..sites.learn import LearnOptions
    return LearnOptions(min_pages=args.min_pages, min_support=args.min_support, min_share=args.min_share,
                        fingerprint_share=args.fingerprint_share, generic_drop_share=args.generic_drop_share,
                        prose_share=args.prose_share, run_min_lines=args.run_min_lines,
                        run_max_words=args.run_max_words, max_body_share=args.max_body_share,
                        tail_share=args.tail_share, body_window=args.body_window,
                        window_share=args.window_share,
                        body_selector=args.body_selector)


def register(sub, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("learn", parents=[common], help="learn site rules from pages",
                       description="Learn site rules from pages (folders, JSONL records "
                                   "{id, url, text|html, date?}, WARCs), grouped by URL host (or, without a URL, by a known site's "
                                   "fingerprints). With --expected, from hand-cleaned bodies; "
                                   "without, from lines that recur across a site's pages. Writes "
                                   "DIR/<site>.toml for every site that learned something.")
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="pages: folders, JSONL files (.gz, .zst) or web archives, as batch reads them")
    p.add_argument("--expected", metavar="EXPECTED",
                   help="JSONL of hand-cleaned bodies: {id, text} (or {id, body})")
    p.add_argument("--out", required=True, metavar="DIR", help="folder for the rule files")
    p.add_argument("--workers", type=positive_int, default=cpu_count(), metavar="N",
                   help="processes reading the pages (default: all cores, %(default)s)")
    add_threshold_options(p)
    p.set_defaults(func=run)


def read_pages(paths: list[str]) -> list[dict]:
    """The pages of the inputs (folders, JSONL files, web archives) as plain dicts."""
    from ..io.inputs import read_inputs, refuse_truncated
    from ..io.jsonl import check_readable
    for path in paths:
        check_readable(path)
    return pages_from_records(refuse_truncated(read_inputs(paths)))


def pages_from_records(records) -> list[dict]:
    """Usable records as the page dicts learning reads (`text` or `html`, decoded); records that
    could not be read are skipped, as a bad line teaches nothing."""
    from ..api import sniff_kind
    from ..decode import decode
    pages = []
    for rec in records:
        if rec.error is not None or rec.content is None:
            continue
        content = rec.content if isinstance(rec.content, str) else decode(rec.content, rec.charset)
        kind = rec.kind if rec.kind != "auto" else sniff_kind(content)
        pages.append({"id": rec.id, "url": rec.url, kind: content, "date": rec.date, "site": rec.site})
    return pages


def read_expected(path: str) -> dict[str, str]:
    """Hand-cleaned bodies by page id; a line that is not one is an error naming file and line."""
    from ..io.jsonl import read_bodies
    return {str(r["id"]): r["body"] for r in read_bodies(path)}


def run(args: argparse.Namespace) -> int:
    from ..sites import load_registry
    from ..sites.learn import learn_from_records, to_toml

    options = learn_options(args)
    expected = read_expected(args.expected) if args.expected else None
    pages = read_pages(args.inputs)
    if expected is not None and not any(str(p["id"]) in expected for p in pages):
        raise UsageError(f"no page id in {args.inputs[0]}... has a body in {args.expected}")
    registry = None if args.no_site_rules else load_registry(args.rules)
    learned = learn_from_records(pages, expected, options, registry, workers=args.workers)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for site in learned:
        (out / f"{site.site}.toml").write_text(to_toml(site), encoding="utf-8")
        print(f"{out / (site.site + '.toml')}\t{site.pages} pages\t{len(site.drop_lines)} lines, "
              f"{len(site.cut_from) + len(site.cut_until)} cut markers, "
              f"{len(site.body_after) + len(site.body_until)} window bounds, {len(site.fingerprints)} fingerprints")
    print(f"{PROG}: learned rules for {len(learned)} sites from {len(pages)} pages "
          f"(sites need {options.min_pages}+ pages) -> {out}", file=sys.stderr)
    return 0
