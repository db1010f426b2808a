"""Two builds' C accelerators on the text path, timed in one process, page by page.

    python bench/text_c_ab.py --baseline DIR [--modules linescan,mlpforward] [--passes 6]
                              [--bench DIR] [--sets aeb] [--limit N] [--json FILE]

For speed work on `cleaner/_c/`: is this checkout's build faster than another's (DIR: a checkout
of, say, main, built in place with `pip install -e .` or `python setup.py build_ext --inplace`)?
Timing each build in its own process has an order bias on shared machines (two identical builds
differed by 14 to 19 µs a page, about 2%, for whichever ran second; train/README.md, text speed
round 19), as large as the steps being measured. Here both builds' extension modules are loaded
into one process and swapped in `cleaner.accel` page by page: page i with one build, trafilatura
on page i's HTML (so each page starts cold, as in `text_speed_quality.py`), page i with the other,
trafilatura again, the builds' order alternating by page and pass. Each page's time is its
minimum CPU time over the passes; the report is the per-page difference (this checkout minus the
baseline), its median and how many pages got faster. The same sources built in two checkouts
gave medians of −0.7 to +4.0 µs a page on aeb (cleaner takes about 600 µs a page there): a
difference under about 5 µs is noise.

Only the C modules differ between the two sides: the Python code is this checkout's, so the
method fits changes to `cleaner/_c/` that leave the Python side and the modules' interfaces as
they are.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from text_speed_quality import DEFAULT_BENCH, ROOT, load_set, pin_to_one_core  # noqa: E402

sys.path.insert(0, str(ROOT))  # this checkout's cleaner, whatever the venv points at
from cleaner import Cleaner, accel  # noqa: E402
from cleaner.cleaners import cues  # noqa: E402

DEFAULT_MODULES = ("linescan", "mlpforward", "linefeatures", "pagecontext", "dumptext", "document")


def load_build(root: Path, names: list[str], tag: str) -> dict:
    """The extension modules `names` of the build in `root` (its `cleaner/_NAME*.so`), loaded under
    their own package name (`tag`) so two builds live side by side."""
    modules = {}
    for name in names:
        found = sorted((root / "cleaner").glob(f"_{name}.*.so")) + sorted((root / "cleaner").glob(f"_{name}.*.pyd"))
        if not found:
            raise SystemExit(f"{root}: no built module cleaner/_{name} (build it in place first)")
        spec = importlib.util.spec_from_file_location(f"{tag}._{name}", found[0])
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        modules[name] = module
    return modules


def compile_once_per_build() -> None:
    """The line cues keep one compiled form, for the last scan module that asked: swapping builds
    page by page would recompile them every page and time that. Keep one per (cues, module)."""
    compiled: dict[tuple[int, int], object] = {}

    def per_build(self, scan):
        key = (id(self), id(scan))
        if key not in compiled:
            compiled[key] = scan.compile(self.packed)
        return compiled[key]

    cues.LineCues.compiled = per_build


def use(build: dict) -> None:
    for name, module in build.items():
        setattr(accel, name, module)


def compare(pages: list[tuple[str, str, str | None]], ours: dict, theirs: dict, passes: int, extract) -> list[float]:
    """Per page, this checkout's minimum CPU µs minus the baseline's."""
    cleaner = Cleaner()
    for build in (ours, theirs):
        use(build)
        cleaner.clean("Warm up.\n\nA line of text to clean.", kind="text")
    times = {"ours": [[] for _ in pages], "theirs": [[] for _ in pages]}
    for p in range(passes):
        for k, (text, html, url) in enumerate(pages):
            sides = [("ours", ours), ("theirs", theirs)]
            for side, build in sides if (k + p) % 2 == 0 else sides[::-1]:
                use(build)
                start = time.thread_time_ns()
                cleaner.clean(text, url=url, kind="text")
                times[side][k].append(time.thread_time_ns() - start)
                if html:
                    extract(html, url=url)
    return [(min(a) - min(b)) / 1000 for a, b in zip(times["ours"], times["theirs"])]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    p.add_argument("--baseline", type=Path, required=True, help="a checkout built in place, to compare against")
    p.add_argument("--modules", default=",".join(DEFAULT_MODULES), help="the C modules to swap, comma-separated")
    p.add_argument("--passes", type=int, default=6)
    p.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    p.add_argument("--sets", nargs="+", default=["aeb"])
    p.add_argument("--limit", type=int, default=None, metavar="N", help="first N pages of each set")
    p.add_argument("--json", type=Path, default=None, help="write the per-page differences here")
    args = p.parse_args(argv)
    import trafilatura

    names = [n for n in args.modules.split(",") if n]
    unknown = sorted(set(names) - set(accel.MODULES))
    if unknown:
        raise SystemExit(f"unknown modules {unknown}: the accelerators are {sorted(accel.MODULES)}")
    if any(getattr(accel, n) is None for n in names):
        raise SystemExit("this checkout's C accelerators are not all in use (build them, unset CLEANER_PURE_PYTHON)")
    pin_to_one_core()
    ours = {n: getattr(accel, n) for n in names}   # this checkout's, as `cleaner` imported them
    theirs = load_build(args.baseline.resolve(), names, "baseline")
    compile_once_per_build()
    report = {}
    for name in args.sets:
        gold, texts, htmls = load_set(args.bench, name, args.limit)
        pages = [((texts.get(str(g["id"])) or {}).get("text") or "", (htmls.get(str(g["id"])) or {}).get("html") or "",
                  g.get("url")) for g in gold]
        diff = compare(pages, ours, theirs, args.passes, trafilatura.extract)
        report[name] = diff
        print(f"{name}: {len(diff)} pages, {args.passes} passes, modules {','.join(names)}: this checkout minus "
              f"baseline median {statistics.median(diff):+.2f} µs a page, mean {statistics.mean(diff):+.2f}, "
              f"faster on {sum(d < 0 for d in diff)} of {len(diff)}")
    if args.json:
        args.json.write_text(json.dumps({"modules": names, "passes": args.passes, "differences_us": report}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
