"""Dump benchmark HTML to text with other tools, for training variety and an "another dumper" figure.

    python train/redump.py BENCH/aeb.html.jsonl.gz OUT_DIR [--dumpers inscriptis html2text]

The benchmark's text dumps all come from one tool (html_text with layout guessing). Users bring
dumps from others, which differ in where lines break, whether blank lines separate blocks, how
lists and headings are marked and whether paragraphs are hard-wrapped. Each dumper here writes
`OUT_DIR/NAME.DUMPER.jsonl.gz` (`id`, `url`, `text`), the same pages dumped its way:

- `inscriptis`: a layout-preserving converter: indentation, `*` list bullets, no `<title>` line.
- `html2text`: Markdown (`#` headings, `*` bullets, `**bold**`), paragraphs hard-wrapped at 78
  characters (its default), links and images left out.
- `lynx`, `w3m`, `links`, `elinks`: console browsers (`lynx -dump -nolist`, `w3m -dump`,
  `links -dump`, `elinks -dump -no-references`): pages indented, paragraphs wrapped at about 94
  columns, `*`, `+` or `•` list bullets, form fields drawn as `[____]`. They are Debian packages,
  not Python ones (`apt install lynx w3m links elinks`), so they are not in the train extra; the
  script says so when missing.
- `bs4`: BeautifulSoup's `get_text("\n", strip=True)` over `<body>`, the naive scraper's one-liner:
  every text node on its own line, so a link or an emphasis inside a sentence breaks it into
  three lines; no blank lines, no bullets; `<noscript>` text included.
- `resiliparse`: Resiliparse's `extract_plain_text(main_content=False)`, the whole page: blocks
  separated by blank lines, `•` bullets indented by depth, image alt texts kept.
- `markdownify`: Markdown again but another converter's (`===` underlined headings, `*`/`+`
  bullets, paragraphs not wrapped), with the `<title>` line on top, links as plain text, images
  left out.
- `innertext`: what a headless browser's `document.body.innerText` gives (`innertext.py`, with
  lxml and no CSS engine): block elements on their own lines, paragraphs and headings set off by
  one blank line, table cells joined by tabs, whitespace collapsed, elements marked `hidden` or
  `display: none` left out.

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
import tempfile
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


def dump_bs4(html: str) -> str:
    from bs4 import BeautifulSoup
    soup = BeautifulSoup(html, "lxml")
    return (soup.body or soup).get_text("\n", strip=True)


def dump_resiliparse(html: str) -> str:
    from resiliparse.extract.html2text import extract_plain_text
    return extract_plain_text(html, main_content=False)


def dump_markdownify(html: str) -> str:
    import markdownify
    return markdownify.markdownify(html, strip=["a", "img"])


def dump_innertext(html: str) -> str:
    from innertext import inner_text
    return inner_text(html)


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
    "elinks": ["elinks", "-dump", "-no-references", "-no-numbering", "-dump-width", str(CONSOLE_WIDTH),
               "-dump-charset", "utf-8", "-force-html", "-eval", 'set document.codepage.assume = "utf-8"',
               "-eval", "set document.codepage.force_assumed = 1"],
    # links reads no standard input: the page goes through a temporary file (FILE below).
    "links": ["links", "-dump", "-width", str(CONSOLE_WIDTH), "-codepage", "utf-8",
              "-html-assume-codepage", "utf-8", "-html-hard-assume", "1", "FILE"],
}
CONSOLE_TIMEOUT_S = 60


def dump_console(name: str, html: str) -> str:
    data = html.encode("utf-8", "replace")
    cmd = CONSOLE_DUMPERS[name]
    if "FILE" not in cmd:
        run = subprocess.run(cmd, input=data, capture_output=True, timeout=CONSOLE_TIMEOUT_S, check=True)
        return run.stdout.decode("utf-8", "replace")
    with tempfile.NamedTemporaryFile(suffix=".html") as f:
        f.write(data)
        f.flush()
        cmd = [f.name if part == "FILE" else part for part in cmd]
        run = subprocess.run(cmd, capture_output=True, timeout=CONSOLE_TIMEOUT_S, check=True)
    return run.stdout.decode("utf-8", "replace")


DUMPERS = {"inscriptis": dump_inscriptis, "html2text": dump_html2text, "bs4": dump_bs4,
           "resiliparse": dump_resiliparse, "markdownify": dump_markdownify, "innertext": dump_innertext,
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
