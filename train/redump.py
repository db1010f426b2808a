"""Dump benchmark HTML to text with other tools, for training variety and an "another dumper" figure.

    python train/redump.py BENCH/aeb.html.jsonl.gz OUT_DIR [--dumpers inscriptis html2text]

The benchmark's text dumps all come from one tool (html_text with layout guessing). Users bring
dumps from others, which differ in where lines break, whether blank lines separate blocks, how
lists and headings are marked and whether paragraphs are hard-wrapped. Each dumper here writes
`OUT_DIR/NAME.DUMPER.jsonl.gz` (`id`, `url`, `text`), the same pages dumped its way:

- `inscriptis`: a layout-preserving converter: indentation, `*` list bullets, no `<title>` line.
- `html2text`: Markdown (`#` headings, `*` bullets, `**bold**`), paragraphs hard-wrapped at 78
  characters (its default), links and images left out.
- `lynx`, `w3m`: console browsers (`lynx -dump -nolist`, `w3m -dump`): pages indented, paragraphs
  wrapped at about 94 columns, `*` and `+` list bullets. They are Debian packages, not Python ones
  (`apt install lynx w3m`), so they are not in the train extra; the script says so when missing.

`train_lines.py --redump DUMPER DIR` then trains on them beside the original dumps (the same
pages, so the same site folds) and scores held-out sites' re-dumps against the gold bodies.
"""
from __future__ import annotations

import argparse
import gzip
import json
import shutil
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path

# Pages are cut to this many characters of HTML first: a few benchmark pages carry megabytes of
# inline data, which the converters walk slowly and which holds no article text.
MAX_HTML_CHARS = 3_000_000
# html2text's own default line width: its hard wrapping is what makes it a useful second dumper.
HTML2TEXT_WIDTH = 78


def dump_inscriptis(html: str) -> str:
    import inscriptis
    return inscriptis.get_text(html)


def dump_html2text(html: str) -> str:
    import html2text
    h = html2text.HTML2Text()
    h.ignore_links = True
    h.ignore_images = True
    h.body_width = HTML2TEXT_WIDTH
    return h.handle(html)


# The console browsers' commands: plain dumps, UTF-8 in and out, no list of link targets.
CONSOLE_WIDTH = 100
CONSOLE_DUMPERS = {
    "lynx": ["lynx", "-dump", "-nolist", f"-width={CONSOLE_WIDTH}", "-stdin", "-force_html",
             "-assume_charset=utf-8", "-display_charset=utf-8"],
    "w3m": ["w3m", "-dump", "-T", "text/html", "-cols", str(CONSOLE_WIDTH), "-I", "UTF-8", "-O", "UTF-8"],
}
CONSOLE_TIMEOUT_S = 60


def dump_console(name: str, html: str) -> str:
    run = subprocess.run(CONSOLE_DUMPERS[name], input=html.encode("utf-8", "replace"),
                         capture_output=True, timeout=CONSOLE_TIMEOUT_S, check=True)
    return run.stdout.decode("utf-8", "replace")


DUMPERS = {"inscriptis": dump_inscriptis, "html2text": dump_html2text,
           **{name: partial(dump_console, name) for name in CONSOLE_DUMPERS}}


def _dump(args: tuple[str, str]) -> str:
    name, html = args
    try:
        return DUMPERS[name](html[:MAX_HTML_CHARS])
    except Exception as e:  # a converter's crash on one page is an empty dump, not a lost set
        print(f"{name}: {type(e).__name__}: {e}", file=sys.stderr)
        return ""


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("html", help="NAME.html.jsonl.gz (id, url, html)")
    ap.add_argument("out_dir")
    ap.add_argument("--dumpers", nargs="+", default=["inscriptis", "html2text"], choices=list(DUMPERS))
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)
    missing = [d for d in args.dumpers if d in CONSOLE_DUMPERS and not shutil.which(d)]
    if missing:
        ap.error(f"{', '.join(missing)} not installed (apt install {' '.join(missing)}), or leave "
                 f"{'it' if len(missing) == 1 else 'them'} out of --dumpers")
    name = Path(args.html).name.removesuffix(".html.jsonl.gz")
    with gzip.open(args.html, "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    out_dir = Path(args.out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with ProcessPoolExecutor(args.workers) as ex:
        for dumper in args.dumpers:
            texts = ex.map(_dump, ((dumper, r["html"]) for r in rows), chunksize=8)
            path = out_dir / f"{name}.{dumper}.jsonl.gz"
            with gzip.open(path, "wt", encoding="utf-8") as f:
                for r, text in zip(rows, texts):
                    f.write(json.dumps({"id": r["id"], "url": r.get("url"), "text": text}) + "\n")
            print(f"wrote {path} ({len(rows)} pages)", flush=True)


if __name__ == "__main__":
    main()
