"""`cleaner` on HTML against its peers: quality and speed, one run, one process, the same pages.

    python bench/html_peers.py [--bench DIR] [--sets aeb wcxb-dev] [--limit N] [--every [SET=]K ...]
                               [--peers NAME ...] [--json FILE] [--plot FILE.png]

For each benchmark set, every page's HTML goes through every tool in turn (page i through all
tools, then page i+1), so drifts in machine load fall on all of them alike; the order of the tools
turns by one each page (`tool_order`), because whichever tool reads a page first pays for bringing
its markup into the caches (run always first, cleaner measured about 4% slower against
trafilatura on wcxb-dev than run always second). Bodies are scored with
the set's reference scorer (`score.py` in the bench folder, imported from there), and each tool's
mean and median ms/page are printed with its shingle F1 and word F1, plus the ratio of cleaner's
mean time to trafilatura's default. `--plot` draws F1 against ms/page, one panel a set.
The peers come from the `bench` extra (`pip install -e ".[bench]"`); a missing one is skipped.
The bench folder defaults to `../shared/bench` beside the repository.
"""
from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from text_speed_quality import DEFAULT_BENCH, SETS, load_scorer  # noqa: E402

# Which metric each set publishes: the one its plot panel shows.
PRIMARY_METRIC = {"aeb": "shingle", "wcxb-dev": "word"}
SPEED_GOAL = 1.0  # cleaner ms/page over trafilatura's default ms/page


def _trafilatura(**options):
    import trafilatura

    def run(html: str, url: str) -> str:
        return trafilatura.extract(html, url=url, **options) or ""
    return run


def _resiliparse():
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    def run(html: str, url: str) -> str:
        return extract_plain_text(HTMLTree.parse(html), main_content=True)
    return run


def _readability():
    import logging

    from lxml import html as lxml_html
    from readability import Document
    logging.getLogger("readability").setLevel(logging.ERROR)

    def run(html: str, url: str) -> str:
        summary = Document(html, url=url).summary(html_partial=True)
        tree = lxml_html.fromstring(summary)
        return "\n".join(t.strip() for t in tree.itertext() if t.strip())
    return run


def _justext():
    import justext
    stoplist = justext.get_stoplist("English")

    def run(html: str, url: str) -> str:
        return "\n".join(p.text for p in justext.justext(html, stoplist) if not p.is_boilerplate)
    return run


def _cleaner():
    from cleaner import Cleaner
    cleaner = Cleaner()

    def run(html: str, url: str) -> str:
        return cleaner.clean(html, url=url, kind="html").text
    return run


PEERS = {
    "cleaner": _cleaner,
    "trafilatura": lambda: _trafilatura(),
    "trafilatura-precision": lambda: _trafilatura(favor_precision=True),
    "resiliparse": _resiliparse,
    "readability-lxml": _readability,
    "justext": _justext,
}


def load_pages(bench: Path, name: str, limit: int | None, every: int) -> tuple[list[dict], dict[str, dict]]:
    """Gold rows (every `every`-th, at most `limit`) and the HTML pages with those ids."""
    with gzip.open(bench / f"{name}.gold.jsonl.gz", "rt", encoding="utf-8") as f:
        gold = [json.loads(line) for line in f if line.strip()][::every][:limit]
    ids = {str(g["id"]) for g in gold}
    pages = {}
    with gzip.open(bench / f"{name}.html.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if str(rec["id"]) in ids:
                pages[str(rec["id"])] = rec
    return gold, pages


def tool_order(names: list[str], turn: int) -> list[str]:
    """The tools in the order they read the `turn`-th page: turned by one a page, so each reads
    first as often as any other (the first to read a page pays for its markup's cache misses)."""
    k = turn % len(names) if names else 0
    return names[k:] + names[:k]


def run_set(gold: list[dict], pages: dict[str, dict], tools: dict, scorer) -> dict:
    preds = {name: {} for name in tools}
    times = {name: [] for name in tools}
    clock = time.perf_counter
    first = next((pages[str(g["id"])] for g in gold if str(g["id"]) in pages), None)
    for tool in tools.values():   # imports and lazy loading happen outside the timing
        if first is not None:
            tool(first["html"], first.get("url") or "")
    turn = 0
    for g in gold:
        rid = str(g["id"])
        page = pages.get(rid)
        if page is None:
            continue
        for name in tool_order(list(tools), turn):
            tool = tools[name]
            start = clock()
            try:
                text = tool(page["html"], page.get("url") or "")
            except Exception:   # a peer failing on a page scores it as empty, as the benchmarks do
                text = ""
            times[name].append(clock() - start)
            preds[name][rid] = text
        turn += 1
    out = {}
    for name in tools:
        s = scorer.score(gold, preds[name])
        out[name] = {"shingle_f1": s["shingle"]["f1"], "word_f1": s["word"]["f1"],
                     "ms_mean": 1000 * statistics.mean(times[name]),
                     "ms_median": 1000 * statistics.median(times[name]), "pages": len(times[name])}
    return out


def plot_results(results: dict, path: str) -> None:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import NullFormatter, ScalarFormatter

    fig, axes = plt.subplots(1, len(results), figsize=(6 * len(results), 4.5), squeeze=False)
    for ax, (name, rows) in zip(axes[0], results.items()):
        metric = PRIMARY_METRIC.get(name, "word")
        ranked = sorted(rows.items(), key=lambda kv: -kv[1][f"{metric}_f1"])
        for rank, (tool, r) in enumerate(ranked):
            ours = tool == "cleaner"
            ax.scatter(r["ms_mean"], r[f"{metric}_f1"], s=120 if ours else 45,
                       marker="*" if ours else "o", color="crimson" if ours else "steelblue", zorder=3)
            # labels alternate below and above their points so close neighbours stay readable
            ax.annotate(tool, (r["ms_mean"], r[f"{metric}_f1"]), textcoords="offset points",
                        xytext=(6, 5 if rank % 2 == 0 else -12), fontsize=9,
                        fontweight="bold" if ours else "normal")
        ax.set_xscale("log")
        ax.xaxis.set_major_formatter(ScalarFormatter())
        ax.xaxis.set_minor_formatter(NullFormatter())
        ax.set_xlabel("mean ms/page (log scale)")
        ax.set_ylabel(f"{metric} F1")
        ax.set_title(f"{name}: {rows['cleaner']['pages'] if 'cleaner' in rows else ''} pages")
        ax.grid(True, alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH, help="benchmark folder")
    ap.add_argument("--sets", nargs="+", default=list(SETS), choices=SETS)
    ap.add_argument("--limit", type=int, default=None, help="at most N pages a set")
    ap.add_argument("--every", nargs="+", default=[], metavar="[SET=]K",
                    help="take every K-th page (a spread sample), for all sets or for SET only")
    ap.add_argument("--peers", nargs="+", default=list(PEERS), choices=list(PEERS))
    ap.add_argument("--json", help="write the results here")
    ap.add_argument("--replot", metavar="JSON", help="only draw --plot from an earlier --json file")
    ap.add_argument("--plot", help="write a PNG of F1 against ms/page here")
    args = ap.parse_args(argv)
    if args.replot:
        saved = json.loads(Path(args.replot).read_text())
        plot_results({k: {t: r for t, r in v.items() if isinstance(r, dict)} for k, v in saved.items()},
                     args.plot or "peers.png")
        return 0
    if not (args.bench / "score.py").is_file():
        raise SystemExit(f"no benchmark folder at {args.bench} (give --bench DIR)")
    scorer = load_scorer(args.bench)
    tools = {}
    for name in args.peers:
        try:
            tools[name] = PEERS[name]()
        except ImportError as e:
            print(f"skipping {name}: {e} (install the bench extra)", file=sys.stderr)
    every = {}
    for item in args.every:
        name, _, k = item.rpartition("=")
        every[name or "*"] = int(k)
    results = {}
    for name in args.sets:
        gold, pages = load_pages(args.bench, name, args.limit, every.get(name, every.get("*", 1)))
        results[name] = rows = run_set(gold, pages, tools, scorer)
        print(f"\n{name}: {len(gold)} pages")
        print(f"  {'tool':22} {'shingle F1':>10} {'word F1':>8} {'ms mean':>8} {'ms median':>9}")
        for tool, r in sorted(rows.items(), key=lambda kv: -kv[1][f"{PRIMARY_METRIC[name]}_f1"]):
            print(f"  {tool:22} {r['shingle_f1']:10.3f} {r['word_f1']:8.3f} {r['ms_mean']:8.1f} "
                  f"{r['ms_median']:9.1f}")
        if "cleaner" in rows and "trafilatura" in rows:
            ratio = rows["cleaner"]["ms_mean"] / rows["trafilatura"]["ms_mean"]
            rows["ratio_to_trafilatura"] = ratio
            print(f"  cleaner / trafilatura mean time: {ratio:.2f} (goal <= {SPEED_GOAL})")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    if args.plot:
        plot_results({k: {t: r for t, r in v.items() if isinstance(r, dict)} for k, v in results.items()}, args.plot)
    return 0


if __name__ == "__main__":
    sys.exit(main())
