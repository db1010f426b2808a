"""Site learning on the benchmark's multi-page sites: what per-site rules add to generic cleaning.

    python bench/site_learning.py [--bench DIR] [--set wcxb-dev] [--types TYPE...] [--kinds text html]
                                  [--pages 5] [--min-site-pages 5] [--dumper NAME] [--json FILE]

The protocol (issue 4's table; the news sets it names are held back, so it runs on what we have):
- sites: the URL hosts of `--set` with at least `--min-site-pages` pages (only pages of gold
  `--types`, when given); the first `--pages` pages of each (in file order) are that site's pages.
  No site, page or URL is named anywhere in the code.
- batch: all those pages form one batch, cleaned (1) generically, (2) after CCNet-style line
  deduplication over the whole batch (a line seen on two or more pages is dropped, whatever its
  site: the anchor to beat), and (3) with `--learn-sites`: rules learned from the batch itself by
  repetition, then the same batch cleaned with them (the library calls `cleaner batch` makes).
- by example: for each site and each of its pages, rules are learned from the other pages and their
  gold bodies (`cleaner learn --expected`), then the held-out page is cleaned with them.
- thresholds: learning's defaults, except that `min_pages` and `min_support` are lowered to the
  number of pages learned from when a site has fewer (a pair of pages learns by example from one).
Scores are word F1 and shingle F1 from the bench folder's own score.py, averaged over pages.

Three runs stand in for issue 4's news sites:
- wcxb-dev's ten hosts with five or more pages (shops and docs; the defaults);
- aeb's 55 news and blog hosts with two pages each: `--set aeb --pages 2 --min-site-pages 2`;
- wcxb-dev's article pages on hosts with two or more of them: `--types article --pages 3 --min-site-pages 2`.
Any of them with `--no-urls` stands for dumps saved without their URL (like the seeds): learning then
groups the pages by the chrome they share, and the cleaning finds each group by its fingerprints.
With `--dumper NAME` the text protocol runs on each page's HTML re-dumped by one of
`train/redump.py`'s dumpers (w3m, links, elinks, innertext, bs4, markdownify, resiliparse, ...)
instead of the benchmark's own dump: a tool the line model never trained on, like the held-back
sites' dumper, and console browsers print every menu, form field and footer a page has, which is
the recurring chrome learning from the batch is for. Those dumpers need the `train` extra
(console browsers: `apt install w3m links elinks lynx`).
"""
from __future__ import annotations

import argparse
import functools
import gzip
import importlib.util
import json
import shutil
import sys
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cleaner import Cleaner  # noqa: E402
from cleaner.options import Options  # noqa: E402
from cleaner.sites.learn import pages as learn_pages  # noqa: E402
from cleaner.sites.learn import LearnOptions, learn_from_records, learned_registry  # noqa: E402

# Leave-one-out learns from each page four times: extract its blocks once.
learn_pages.read_page = functools.lru_cache(maxsize=None)(learn_pages.read_page)

DEFAULT_BENCH = ROOT.parent / "shared" / "bench"


def load_script(path: Path):
    """The script at `path` as a module, registered under its name so that its functions pickle
    into `--workers` processes (the redumper's `_dump`)."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def load_scorer(bench: Path):
    return load_script(bench / "score.py")


def read(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def multi_page_sites(records: list[dict], min_pages: int, pages: int) -> dict[str, list[dict]]:
    by_host: dict[str, list[dict]] = defaultdict(list)
    for rec in records:
        host = urlsplit(rec.get("url") or "").hostname
        if host:
            by_host[host].append(rec)
    return {h: recs[:pages] for h, recs in sorted(by_host.items()) if len(recs) >= min_pages}


def ccnet_dedup(records: list[dict], field: str) -> list[dict]:
    """CCNet's line deduplication over the batch: drop every line found on two or more pages."""
    def lines(rec):
        return {" ".join(l.split()) for l in rec[field].splitlines() if l.strip()}
    seen = Counter(l for rec in records for l in lines(rec))
    out = []
    for rec in records:
        kept = [l for l in rec[field].splitlines() if seen[" ".join(l.split())] < 2 or not l.strip()]
        out.append({**rec, field: "\n".join(kept)})
    return out


def redump_module():
    sys.path.insert(0, str(ROOT / "train"))   # redump.py's `innertext` dumper lives beside it
    return load_script(ROOT / "train" / "redump.py")


def redump(records: list[dict], html: dict[str, dict], dumper: str, workers: int,
           cache: Path | None = None) -> list[dict]:
    """The records with their text dumped afresh from the same page's HTML by `dumper`. With
    `cache` (a `train/redump.py` output file), pages found there are not dumped again, and the
    pages dumped are added to it."""
    done = {r["id"]: r["text"] for r in read(cache)} if cache and cache.is_file() else {}
    todo = [r for r in records if r["id"] not in done]
    if todo:
        module = redump_module()
        tasks = [(dumper, html[r["id"]]["html"]) for r in todo]
        if workers > 1:
            from concurrent.futures import ProcessPoolExecutor
            with ProcessPoolExecutor(workers) as pool:
                texts = list(pool.map(module._dump, tasks))
        else:
            texts = [module._dump(task) for task in tasks]
        done.update((r["id"], text) for r, text in zip(todo, texts))
        if cache:
            cache.parent.mkdir(parents=True, exist_ok=True)
            with gzip.open(cache, "wt", encoding="utf-8") as f:
                for id_, text in done.items():
                    f.write(json.dumps({"id": id_, "url": html[id_].get("url") if id_ in html else None,
                                        "text": text}) + "\n")
    return [{**r, "text": done[r["id"]]} for r in records]


def clean_all(cleaner: Cleaner, records: list[dict], kind: str) -> dict[str, str]:
    return {r["id"]: cleaner.clean(r[kind], url=r["url"], kind=kind).text for r in records}


def learn_options(pages: int) -> LearnOptions:
    """The default thresholds, lowered only as far as a site's `pages` learning pages need."""
    d = LearnOptions()
    return LearnOptions(min_pages=min(d.min_pages, pages), min_support=min(d.min_support, pages))


def run(bench: Path, name: str, kind: str, pages: int, min_pages: int, scorer, types=None,
        no_urls: bool = False, dumper: str | None = None, workers: int = 1,
        redump_dir: Path | None = None) -> dict:
    gold = {g["id"]: g for g in read(bench / f"{name}.gold.jsonl.gz")}
    records = read(bench / f"{name}.{kind}.jsonl.gz")
    if types:
        records = [r for r in records if gold[r["id"]].get("type") in types]
    sites = multi_page_sites(records, min_pages, pages)
    if not sites:
        raise SystemExit(f"{name}: no site has {min_pages} or more pages"
                         + (f" of type {', '.join(types)}" if types else "") + ": lower --min-site-pages")
    if no_urls:  # dumps saved without their URL: sites are told apart by their chrome alone
        sites = {host: [dict(r, url=None) for r in recs] for host, recs in sites.items()}
    batch = [r for recs in sites.values() for r in recs]
    if dumper and kind == "text":
        html = {r["id"]: r for r in read(bench / f"{name}.html.jsonl.gz")}
        cache = redump_dir / f"{name}.{dumper}.jsonl.gz" if redump_dir else None
        batch = redump(batch, html, dumper, workers, cache)
        by_id = {r["id"]: r for r in batch}
        sites = {host: [by_id[r["id"]] for r in recs] for host, recs in sites.items()}
    rows = [gold[r["id"]] for r in batch]
    generic = Cleaner(site_rules=False)

    def score(preds):
        s = scorer.score(rows, preds)
        return {"word_f1": round(s["word"]["f1"], 4), "shingle_f1": round(s["shingle"]["f1"], 4)}

    fewest = min(len(r) for r in sites.values())
    out = {"set": name, "kind": kind, "dumper": dumper if kind == "text" else None, "sites": {h: len(r) for h, r in sites.items()}, "pages": len(batch)}
    generic_preds = clean_all(generic, batch, kind)
    out["generic"] = score(generic_preds)
    if kind == "text":
        out["ccnet_dedup_then_generic"] = score(clean_all(generic, ccnet_dedup(batch, kind), kind))
    learned = learned_registry(learn_from_records(batch, options=learn_options(fewest)))
    with_sites = Cleaner(options=Options(registry=learned))
    learned_preds = clean_all(with_sites, batch, kind)
    out["learn_sites"] = score(learned_preds)
    out["learn_sites"]["sites_learned"] = len(learned)

    preds = {}
    for host, recs in sites.items():
        for i, held in enumerate(recs):
            train = recs[:i] + recs[i + 1:]
            expected = {r["id"]: gold[r["id"]]["body"] for r in train}
            registry = learned_registry(learn_from_records(train, expected, learn_options(fewest - 1)))
            cleaner = Cleaner(options=Options(registry=registry))
            preds[held["id"]] = cleaner.clean(held[kind], url=held["url"], kind=kind).text
    out["by_example_leave_one_out"] = score(preds)
    per_site = {}
    for host, recs in sites.items():
        site_rows = [gold[r["id"]] for r in recs]
        per_site[host] = {
            "generic": round(scorer.score(site_rows, generic_preds)["word"]["f1"], 3),
            "learn_sites": round(scorer.score(site_rows, learned_preds)["word"]["f1"], 3),
            "by_example": round(scorer.score(site_rows, preds)["word"]["f1"], 3)}
    out["per_site_word_f1"] = per_site
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    ap.add_argument("--set", default="wcxb-dev", help="benchmark set name (default: %(default)s)")
    ap.add_argument("--types", nargs="+", help="only pages of these gold types (e.g. article)")
    ap.add_argument("--kinds", nargs="+", default=["text", "html"], choices=["text", "html"])
    ap.add_argument("--pages", type=int, default=5, help="pages per site (default: 5)")
    ap.add_argument("--min-site-pages", type=int, default=5, help="sites with at least this many pages")
    ap.add_argument("--no-urls", action="store_true",
                    help="drop the pages' URLs: learning groups them by the chrome they share "
                         "(HTML by the URL a page states for itself, when it states one)")
    ap.add_argument("--dumper", help="text: re-dump each page's HTML with this dumper of train/redump.py "
                    "instead of using the benchmark's text dump (e.g. w3m, links, innertext)")
    ap.add_argument("--workers", type=int, default=1, help="processes for --dumper (default: 1)")
    ap.add_argument("--redump-dir", type=Path, help="keep --dumper's dumps here (train/redump.py's "
                    "NAME.DUMPER.jsonl.gz files), so the next run reuses them")
    ap.add_argument("--json", type=Path, help="also write the results here")
    args = ap.parse_args(argv)
    if not (args.bench / "score.py").exists():
        raise SystemExit(f"no benchmark folder at {args.bench}")
    if args.dumper:
        module = redump_module()
        if args.dumper not in module.DUMPERS:
            ap.error(f"--dumper {args.dumper}: not one of {', '.join(module.DUMPERS)}")
        if args.dumper in module.CONSOLE_DUMPERS and not shutil.which(args.dumper):
            ap.error(f"--dumper {args.dumper}: not installed (apt install {args.dumper})")
    scorer = load_scorer(args.bench)
    results = [run(args.bench, args.set, kind, args.pages, args.min_site_pages, scorer, args.types,
                   args.no_urls, args.dumper, args.workers, args.redump_dir) for kind in args.kinds]
    for r in results:
        how = f" dumped by {r['dumper']}" if r.get("dumper") else ""
        print(f"{r['set']} {r['kind']}{how}: {len(r['sites'])} sites, {r['pages']} pages (word F1 / shingle F1)")
        for key in ("generic", "ccnet_dedup_then_generic", "learn_sites", "by_example_leave_one_out"):
            if key in r:
                print(f"  {key:28s} {r[key]['word_f1']:.4f}  {r[key]['shingle_f1']:.4f}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
