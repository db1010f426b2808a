"""Dump benchmark HTML to text with other tools, for training variety and an "another dumper" figure.

    python train/redump.py BENCH/aeb.html.jsonl.gz OUT_DIR [--dumpers inscriptis html2text]

The benchmark's text dumps all come from one tool (html_text with layout guessing). Users bring
dumps from others, which differ in where lines break, whether blank lines separate blocks, how
lists and headings are marked and whether paragraphs are hard-wrapped. Each dumper here writes
`OUT_DIR/NAME.DUMPER.jsonl.gz` (`id`, `url`, `text`), the same pages dumped its way:

- `inscriptis`: a layout-preserving converter: indentation, `*` list bullets, no `<title>` line.
- `html2text`: Markdown (`#` headings, `*` bullets, `**bold**`), paragraphs hard-wrapped at 78
  characters (its default), links and images left out.

`train_lines.py --redump DUMPER DIR` then trains on them beside the original dumps (the same
pages, so the same site folds) and scores held-out sites' re-dumps against the gold bodies.
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
from concurrent.futures import ProcessPoolExecutor
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


DUMPERS = {"inscriptis": dump_inscriptis, "html2text": dump_html2text}


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
    ap.add_argument("--dumpers", nargs="+", default=list(DUMPERS), choices=list(DUMPERS))
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)
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
