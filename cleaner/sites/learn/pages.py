"""Reading pages for learning: the blocks the cleaners will see, the generic verdict on them,
which of them a hand-cleaned body keeps, and the grouping of a batch's records by site."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from functools import lru_cache

from ...api import site_from_url
from ...html.pageurl import declared_url
from ..dates import html_date, parse_day
from ..registry import Registry
from .cluster import cluster_pages
from .types import WORDS, Page, copy_lines


def _norm(text: str) -> str:
    return " ".join(text.split())



def read_page(content: str, kind: str, url: str | None = None, judge: bool = True
              ) -> tuple[tuple[str, ...], tuple[bool, ...] | None]:
    """The blocks the cleaners will see (a dump's reflowed lines, or the blocks extracted from HTML)
    and, with `judge`, which of them the generic cleaners keep: learning from repetition trusts the
    site's own pages only where the generic verdict leaves room for a rule (`_generic_check`)."""
    cleaner = _generic_cleaner()
    doc = cleaner.document(content, kind, url=url)
    lines = tuple(_norm(t) for t in doc.texts)
    if not judge:
        return lines, None
    cleaner.run_cleaners(doc, kind)
    return lines, tuple(d is None for d in doc.dropped)


@lru_cache(maxsize=1)
def _generic_cleaner():
    """The cleaners without any site rules: the verdict learned rules are weighed against."""
    from ...api import Cleaner
    return Cleaner(site_rules=False)


def page_lines(content: str, kind: str, url: str | None = None) -> list[str]:
    """The blocks the cleaners will see: a dump's lines, or the blocks extracted from HTML."""
    return list(read_page(content, kind, url, judge=False)[0])


# Aligning a page to its hand-cleaned body: matching runs of fewer words than this are chance (a
# menu's "May" that the body also says somewhere), unless the run holds a whole line...
ALIGN_MIN_RUN = 3
# ...and a line is body when at least this share of its words align with the body.
ALIGN_BODY_SHARE = 0.5


def body_flags(lines: list[str], body: str) -> list[bool]:
    """Which lines a hand-cleaned body keeps. The page's words are aligned to the body's in order
    (difflib, no junk heuristic): the body appears on the page in its own order, so its lines fall
    in long matching runs, while a menu item or a "Comments" heading whose words the body happens
    to use elsewhere does not. Bodies re-wrap lines and drop markup, so lines are not compared whole.
    A line copying the page's other text (its metadata printing the whole story again) is never
    body: aligned first as the longest match, it would take the story's place."""
    from difflib import SequenceMatcher
    copies = copy_lines(lines, range(len(lines)))
    words = [[] if i in copies else WORDS.findall(line.lower()) for i, line in enumerate(lines)]
    stream = [w for ws in words for w in ws]
    owner = [i for i, ws in enumerate(words) for _ in ws]
    starts = [0]
    for ws in words:
        starts.append(starts[-1] + len(ws))
    hits = [0] * len(lines)
    matcher = SequenceMatcher(None, stream, WORDS.findall(body.lower()), autojunk=False)
    for a, _, size in matcher.get_matching_blocks():
        if not size:
            continue
        first, last = owner[a], owner[a + size - 1]
        whole = any(starts[i] >= a and starts[i + 1] <= a + size for i in range(first, last + 1))
        if size >= ALIGN_MIN_RUN or whole:
            for k in range(a, a + size):
                hits[owner[k]] += 1
    return [bool(ws) and hits[i] >= ALIGN_BODY_SHARE * len(ws) for i, ws in enumerate(words)]


def _content(rec: Mapping) -> tuple[str | None, str]:
    """The record's page and its kind: HTML when it has any, else its text."""
    return (rec.get("html"), "html") if rec.get("html") else (rec.get("text"), "text")


def _read_record(task: tuple[str, str, str | None, bool]):
    """`read_page` on one (content, kind, url, judge) task: the unit a worker process runs."""
    return read_page(*task)


def _page_url(rec: Mapping) -> str | None:
    """The record's URL, or for HTML given none the URL the page states for itself."""
    content, kind = _content(rec)
    return rec.get("url") or (declared_url(content) if kind == "html" else None)


def _read_all(records: list[Mapping], urls: list[str | None], judge: bool, workers: int):
    """`read_page` for every record, in order. Reading is the first pass's whole cost (it cleans
    each page once), so with `workers` > 1 it runs in that many processes."""
    tasks = [(*_content(rec), url, judge) for rec, url in zip(records, urls)]
    if workers <= 1 or len(tasks) < 2 * workers:
        return [read_page(*task) for task in tasks]
    from concurrent.futures import ProcessPoolExecutor
    with ProcessPoolExecutor(workers) as pool:
        return list(pool.map(_read_record, tasks, chunksize=max(1, len(tasks) // (8 * workers))))


def group_pages(records: Iterable[Mapping], expected: Mapping[str, str] | None = None,
                registry: Registry | None = None, workers: int = 1) -> dict[str, list[Page]]:
    """Records ({id, url, text|html, date?}) grouped by site: the URL's host (for HTML given none,
    the URL the page states for itself), or for a page with no URL the site a known registry's
    fingerprints find, or else the group of URL-less pages it shares
    its chrome with (`cluster.py`). By example, only pages with an expected body."""
    groups: dict[str, list[Page]] = defaultdict(list)
    wanted = []
    for rec in records:
        content, _ = _content(rec)
        if not isinstance(content, str) or not content:
            continue
        if expected is not None and str(rec.get("id")) not in expected:
            continue
        wanted.append(rec)
    unnamed: list[Page] = []
    urls = [_page_url(rec) for rec in wanted]   # (read once: the page is not scanned for it again)
    read = _read_all(wanted, urls, expected is None, workers)
    for rec, url, (lines, generic) in zip(wanted, urls, read):
        content, kind = _content(rec)
        lines, generic = list(lines), list(generic) if generic is not None else None
        site = site_from_url(url) or rec.get("site")
        if not site and registry is not None:
            found = registry.for_lines(lines)
            site = found.site if found else None
        day = parse_day(rec.get("date")) or (html_date(content) if kind == "html" else None)
        body = body_flags(lines, expected[str(rec["id"])]) if expected is not None else None
        keep_markup = expected is not None and kind == "html"
        page = Page(site or "", lines, body, day, content if keep_markup else None,
                    expected.get(str(rec["id"])) if expected is not None else None, generic, url)
        (groups[site] if site else unnamed).append(page)
    for site, pages in cluster_pages(unnamed).items():
        for page in pages:
            page.site = site
        groups[site] = pages
    return dict(groups)
