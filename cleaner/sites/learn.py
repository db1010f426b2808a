"""Learning site rules: from pages with hand-cleaned bodies (by example), or from the pages of a
batch alone (by repetition). Either way the result is one reviewable TOML per site, every rule with
a comment saying how many pages support it, checked by the same loader as hand-written files.

By example, a line is boilerplate when it was removed on several pages of the site and kept on
none; a cut marker is a line on every page that comes only after the body ends (or, for
`cut_until`, before it starts), on two pages at least. By repetition, a line is boilerplate when it recurs on many of
one site's pages: article text rarely repeats across a site's pages, menus and footers always do.
CCNet's line deduplication does the same over the whole crawl, ignoring which site a line is from;
grouping by site lets a threshold mean "most of this site's pages" instead of "twice anywhere".
And the generic cleaners' verdict on the same pages is the check: a rule is learned only for what
they get wrong (recurring prose they keep, chrome they keep on some pages), never for what they
already remove, nor for the short headings and labels they keep as body.

Nothing here memorises a page's body: a line counts only if it recurs on `min_support` pages.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from ..api import site_from_url
from ..document import Document
from .dates import html_date, parse_day
from .load import load_text
from .registry import Registry, SiteRulesError
from .rules import SiteRules

# Lines longer than this are paragraphs, not chrome: never learned as boilerplate.
MAX_LINE_CHARS = 300
# A fingerprint must be specific enough not to turn up on another site by chance.
FINGERPRINT_MIN_CHARS = 16
FINGERPRINT_MIN_WORDS = 3
# A layout for pages of unknown date starts here, so it applies to every capture.
UNDATED_SINCE = date(1970, 1, 1)
_WORDS = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class LearnOptions:
    """The thresholds of learning; each is a named option of `cleaner learn`."""

    min_pages: int = 3            # a site with fewer pages learns nothing
    min_support: int = 2          # a rule needs at least this many pages...
    min_share: float = 0.5        # ...and at least this share of the site's pages
    fingerprint_share: float = 0.8   # a fingerprint is on at least this share of the site's pages
    max_fingerprints: int = 3
    # Rules that remove a whole region (cut markers, HTML selectors) need this many pages whatever
    # the other thresholds: one page cannot show that a marker never comes before the body...
    region_min_pages: int = 2
    # ...and a cut marker must be on this share of the pages (all: a page without it may be another
    # layout of the site, a shop's listing beside its product pages, where it comes first).
    marker_share: float = 1.0
    # By repetition, the generic cleaners' verdict on the same pages is the check: a recurring line
    # is learned only where they drop it on at least this share of the pages holding it (a line
    # they keep as body on most pages is a heading or label the site's pages share)...
    generic_drop_share: float = 0.5
    # ...or where it is on at least this share of the site's pages and a sentence of
    # `prose_min_words`+ words (a footer blurb, a newsletter pitch: prose the classifier keeps).
    prose_share: float = 0.8
    prose_min_words: int = 5
    # A page that would lose more than this share of what the generic cleaners keep to lines learned
    # by repetition is a copy of another page's story (a reprint, a print view): no support.
    max_body_share: float = 0.8
    # A line the generic cleaners drop on every page holding it changes nothing but the classifier's
    # view of the page (removed early, it shifts positions and neighbours): not learned.
    learn_redundant: bool = False

    def support_needed(self, pages: int) -> int:
        return max(self.min_support, math.ceil(self.min_share * pages))


@dataclass
class Page:
    """One page as learning sees it: its lines and, by example, which of them are body."""

    site: str
    lines: list[str]
    body: list[bool] | None = None
    day: date | None = None
    markup: str | None = None     # HTML pages learned by example: for selectors
    expected: str | None = None   # the hand-cleaned body, by example
    generic: list[bool] | None = None   # which lines the generic cleaners keep


@dataclass
class LearnedSite:
    """What was learned for one site: each rule value with the number of pages supporting it."""

    site: str
    pages: int
    mode: str
    since: date = UNDATED_SINCE
    fingerprints: list[tuple[str, int]] = field(default_factory=list)
    drop_lines: list[tuple[str, int]] = field(default_factory=list)
    cut_from: list[tuple[str, int]] = field(default_factory=list)
    cut_until: list[tuple[str, int]] = field(default_factory=list)
    drop_matching: list[tuple[str, int]] = field(default_factory=list)
    drop_selectors: list[tuple[str, int]] = field(default_factory=list)
    body_selector: tuple[str, int] | None = None

    @property
    def empty(self) -> bool:
        return not (self.drop_lines or self.drop_matching or self.cut_from or self.cut_until
                    or self.drop_selectors or self.body_selector)


# Pages --------------------------------------------------------------------------------------------

def _norm(text: str) -> str:
    return " ".join(text.split())


def _words(text: str) -> str:
    """Lower-case words joined by single spaces, padded, for whole-word containment tests."""
    return " " + " ".join(_WORDS.findall(text.lower())) + " "


def read_page(content: str, kind: str, url: str | None = None, judge: bool = True
              ) -> tuple[tuple[str, ...], tuple[bool, ...] | None]:
    """The blocks the cleaners will see (a dump's lines, or the blocks extracted from HTML) and,
    with `judge`, which of them the generic cleaners keep: learning from repetition trusts the
    site's own pages only where the generic verdict leaves room for a rule (`_generic_check`)."""
    if kind == "html":
        from ..html.extract import extract
        doc = extract(content, url=url)
    else:
        doc = Document.from_text(content, url=url)
    lines = tuple(_norm(t) for t in doc.texts)
    if not judge:
        return lines, None
    cleaner = _generic_cleaner()
    cleaner.pipeline.run(doc, cleaner.options)
    return lines, tuple(d is None for d in doc.dropped)


@lru_cache(maxsize=1)
def _generic_cleaner():
    """The cleaners without any site rules: the verdict learned rules are weighed against."""
    from ..api import Cleaner
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
    to use elsewhere does not. Bodies re-wrap lines and drop markup, so lines are not compared whole."""
    from difflib import SequenceMatcher
    words = [_WORDS.findall(line.lower()) for line in lines]
    stream = [w for ws in words for w in ws]
    owner = [i for i, ws in enumerate(words) for _ in ws]
    starts = [0]
    for ws in words:
        starts.append(starts[-1] + len(ws))
    hits = [0] * len(lines)
    matcher = SequenceMatcher(None, stream, _WORDS.findall(body.lower()), autojunk=False)
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


def _read_all(records: list[Mapping], judge: bool, workers: int):
    """`read_page` for every record, in order. Reading is the first pass's whole cost (it cleans
    each page once), so with `workers` > 1 it runs in that many processes."""
    tasks = [(*_content(rec), rec.get("url"), judge) for rec in records]
    if workers <= 1 or len(tasks) < 2 * workers:
        return [read_page(*task) for task in tasks]
    from concurrent.futures import ProcessPoolExecutor
    with ProcessPoolExecutor(workers) as pool:
        return list(pool.map(_read_record, tasks, chunksize=max(1, len(tasks) // (8 * workers))))


def group_pages(records: Iterable[Mapping], expected: Mapping[str, str] | None = None,
                registry: Registry | None = None, workers: int = 1) -> dict[str, list[Page]]:
    """Records ({id, url, text|html, date?}) grouped by site: the URL's host, or for a page with no
    URL the site a known registry's fingerprints find. By example, only pages with an expected body."""
    groups: dict[str, list[Page]] = defaultdict(list)
    wanted = []
    for rec in records:
        content, _ = _content(rec)
        if not isinstance(content, str) or not content:
            continue
        if expected is not None and str(rec.get("id")) not in expected:
            continue
        wanted.append(rec)
    for rec, (lines, generic) in zip(wanted, _read_all(wanted, expected is None, workers)):
        content, kind = _content(rec)
        lines, generic = list(lines), list(generic) if generic is not None else None
        site = site_from_url(rec.get("url")) or rec.get("site")
        if not site and registry is not None:
            found = registry.for_lines(lines)
            site = found.site if found else None
        if not site:
            continue
        day = parse_day(rec.get("date")) or (html_date(content) if kind == "html" else None)
        body = body_flags(lines, expected[str(rec["id"])]) if expected is not None else None
        keep_markup = expected is not None and kind == "html"
        groups[site].append(Page(site, lines, body, day, content if keep_markup else None,
                                 expected.get(str(rec["id"])) if expected is not None else None, generic))
    return dict(groups)


# Learning -----------------------------------------------------------------------------------------

def learn_by_example(site: str, pages: list[Page], options: LearnOptions = LearnOptions()) -> LearnedSite | None:
    """Rules from pages whose body lines are known (Page.body); None below `min_pages`."""
    if len(pages) < options.min_pages:
        return None
    need = options.support_needed(len(pages))
    removed, kept = Counter(), Counter()
    for page in pages:
        seen_removed, seen_kept = set(), set()
        for line, is_body in zip(page.lines, page.body):
            (seen_kept if is_body else seen_removed).add(line)
        removed.update(l for l in seen_removed if len(l) <= MAX_LINE_CHARS)
        kept.update(seen_kept)
    learned = _new(site, pages, "example")
    learned.drop_lines = sorted(((l, n) for l, n in removed.items() if n >= need and not kept[l]),
                                key=lambda x: (-x[1], x[0]))
    marker_need = max(need, options.region_min_pages, math.ceil(options.marker_share * len(pages)))
    learned.cut_from = _markers(pages, marker_need, after_body=True)
    learned.cut_until = _markers(pages, marker_need, after_body=False)
    literal = {line for line, _ in learned.drop_lines}
    learned.drop_matching = _templates(pages, need, literal)
    html = [p for p in pages if p.markup is not None]
    if len(html) >= max(options.min_pages, options.region_min_pages):
        learned.body_selector, learned.drop_selectors = learn_selectors(html, need)
    return learned


_NUMBER = re.compile(r"\d[\d,.]*")
# A template must stand for at least this many different removed lines (one would be a literal).
TEMPLATE_MIN_LINES = 3


def _template_keys(line: str) -> list[str]:
    """The patterns a removed line could be an instance of: the line with its numbers as
    wildcards ("4.5 out of 5 stars", "$29.95"), a leading label ("Option: ..."), its first two words."""
    keys = []
    if _NUMBER.search(line):
        keys.append("^" + "[\\d,.]+".join(re2_escape(part) for part in _NUMBER.split(line)) + "$")
    words = line.split()
    if len(words) > 1 and words[0].endswith(":"):   # a label: "Option: ...", "Condition: ..."
        keys.append("^" + re2_escape(words[0]) + " ")
    if len(words) > 2:  # two words: one ("We", "New") would also start sentences of any body
        keys.append("^" + re2_escape(" ".join(words[:2])) + " ")
    return keys


def re2_escape(text: str) -> str:
    """Escape for RE2 (and Python's re): ASCII punctuation gets a backslash; RE2 rejects escaped
    non-ASCII characters, which are never special anyway."""
    return "".join("\\" + c if c.isascii() and not c.isalnum() and c != " " else c for c in text)


def _templates(pages: list[Page], need: int, literal: set[str]) -> list[tuple[str, int]]:
    """Patterns (`drop_matching`) for boilerplate whose words vary from page to page: a key from
    `_template_keys` that starts removed lines on `need` pages, stands for several different lines,
    matches no body line on any page, and is not already covered by a literal line."""
    from .load import compile_regex
    pages_of: dict[str, int] = Counter()
    lines_of: dict[str, set[str]] = defaultdict(set)
    for page in pages:
        here = set()
        for line, is_body in zip(page.lines, page.body):
            if not is_body and line not in literal and len(line) <= MAX_LINE_CHARS:
                for key in _template_keys(line):
                    here.add(key)
                    lines_of[key].add(line)
        pages_of.update(here)
    candidates = [k for k, n in pages_of.items() if n >= need and len(lines_of[k]) >= TEMPLATE_MIN_LINES]
    if not candidates:
        return []
    body = [line for page in pages for line, is_body in zip(page.lines, page.body) if is_body]
    out = []
    for key in candidates:
        rx = compile_regex(key)
        if not any(rx.search(line) for line in body):
            out.append((key, pages_of[key]))
    out.sort(key=lambda x: (-x[1], x[0]))
    return out


def _markers(pages: list[Page], need: int, *, after_body: bool) -> list[tuple[str, int]]:
    """Lines that, on every page holding them, first occur only after the body's last line (or
    before its first); of those, the ones that cut most on some page, with their support."""
    valid: dict[str, int] = {}
    broken: set[str] = set()
    firsts: list[dict[str, int]] = []
    for page in pages:
        body_at = [i for i, b in enumerate(page.body) if b]
        first: dict[str, int] = {}
        for i, line in enumerate(page.lines):
            first.setdefault(line, i)
        firsts.append(first)
        if not body_at:
            continue
        said = _words(page.expected) if page.expected is not None else ""
        for line, i in first.items():
            # A marker whose words the body also says ("Comments", a topic) could be body text
            # on another page, where cutting at it would take the rest of the article.
            ok = (i > body_at[-1] if after_body else i < body_at[0]) and _words(line) not in said
            if ok:
                valid[line] = valid.get(line, 0) + 1
            else:
                broken.add(line)
    good = {l: n for l, n in valid.items() if n >= need and l not in broken and len(l) <= MAX_LINE_CHARS}
    chosen: Counter = Counter()
    for first in firsts:  # per page, the marker that cuts the most: earliest after, latest before
        here = [(i, l) for l, i in first.items() if l in good]
        if here:
            chosen[(min(here) if after_body else max(here))[1]] += 1
    return sorted(((l, good[l]) for l in chosen), key=lambda x: (-x[1], x[0]))


# Selectors (HTML by example) ---------------------------------------------------------------------

# The body selector must hold nearly all of the expected body's words on every page (the extractor
# still finds the main content inside it, so a roomy container costs little).
BODY_SELECTOR_MIN_RECALL = 0.9
# A dropped element shares at most this share of its content words (four letters or more: short
# function words are shared by any two texts) with the expected body.
DROP_SELECTOR_MAX_BODY_SHARE = 0.05
# ...and holds at most this share of the page's words: a wrapper of the whole page is never dropped,
# however little of the body the training pages showed inside it.
DROP_SELECTOR_MAX_PAGE_SHARE = 0.3
# Elements with fewer words than this are not worth a selector.
SELECTOR_MIN_WORDS = 5
_NAME = re.compile(r"^[A-Za-z_][\w-]{0,60}$")
_CONTAINERS = ("main", "article", "section", "div", "ul", "ol", "table", "aside", "nav", "header",
               "footer", "form", "figure", "span", "p")


def _selectors_of(el) -> list[str]:
    """The simple selectors naming an element: tag#id and tag.class (names CSS can spell plainly)."""
    tag = el.tag if isinstance(el.tag, str) else ""
    out = []
    ident = el.get("id")
    if ident and _NAME.match(ident) and not any(c.isdigit() for c in ident):
        out.append(f"{tag}#{ident}")
    for cls in (el.get("class") or "").split():
        if _NAME.match(cls) and not any(c.isdigit() for c in cls):
            out.append(f"{tag}.{cls}")
    return out


def _word_bag(text: str) -> Counter:
    return Counter(_WORDS.findall(text.lower()))


def _content_share(bag: Counter, gold: Counter) -> float:
    """The share of an element's content words (four letters or more) that the body also has."""
    words = {w: n for w, n in bag.items() if len(w) >= 4}
    total = sum(words.values())
    return sum(min(n, gold[w]) for w, n in words.items()) / total if total else 0.0


def learn_selectors(pages: list[Page], need: int) -> tuple[tuple[str, int] | None, list[tuple[str, int]]]:
    """A body selector (the element that holds the expected body on every page) and drop selectors
    (elements inside it whose words are not body on any page holding them)."""
    from lxml.cssselect import CSSSelector

    from ..html.parse import parse
    scores: dict[str, list[tuple[float, float]]] = defaultdict(list)   # (recall, precision) a page
    drop_ok: Counter = Counter()
    drop_bad: set[str] = set()
    for page in pages:
        tree = parse(page.markup)
        gold = _word_bag(page.expected)
        gold_total = sum(gold.values()) or 1
        first: dict[str, tuple[float, float]] = {}
        drop_here: set[str] = set()
        page_total = sum(_word_bag(" ".join(tree.itertext())).values()) or 1
        for el in tree.iter(*_CONTAINERS):
            names = _selectors_of(el)
            if not names:
                continue
            bag = _word_bag(" ".join(el.itertext()))
            total = sum(bag.values())
            if total < SELECTOR_MIN_WORDS:
                continue
            overlap = sum((bag & gold).values())
            content = _content_share(bag, gold)
            for name in names:
                first.setdefault(name, (overlap / gold_total, overlap / total))  # extraction takes the first match
                droppable = content <= DROP_SELECTOR_MAX_BODY_SHARE and total <= DROP_SELECTOR_MAX_PAGE_SHARE * page_total
                (drop_here if droppable else drop_bad).add(name)
        drop_ok.update(drop_here)
        for name, score in first.items():
            scores[name].append(score)
    body = None
    # The body holds nearly all the expected words on every page; of those, the tightest.
    ranked = sorted(((sum(p for _, p in v) / len(v), k) for k, v in scores.items()
                     if len(v) == len(pages) and min(r for r, _ in v) >= BODY_SELECTOR_MIN_RECALL), reverse=True)
    if ranked:
        body = (ranked[0][1], len(pages))
    drops = sorted(((k, n) for k, n in drop_ok.items() if n >= need and k not in drop_bad),
                   key=lambda x: (-x[1], x[0]))
    if body is not None:  # only what lies inside the body matters, and never the body itself
        inside = set()
        for page in pages:
            tree = parse(page.markup)
            found = CSSSelector(body[0])(tree)
            if found:
                for el in found[0].iter(*_CONTAINERS):
                    inside.update(_selectors_of(el))
        drops = [(k, n) for k, n in drops if k in inside and k != body[0]]
    return body, drops


def learn_by_repetition(site: str, pages: list[Page], options: LearnOptions = LearnOptions()) -> LearnedSite | None:
    """Rules from the pages alone: lines on at least `support_needed` of the site's pages, where
    the generic cleaners' verdict on the same pages leaves room for a rule (`_generic_check`)."""
    if len(pages) < options.min_pages:
        return None
    need = options.support_needed(len(pages))
    counts = Counter(l for page in pages for l in set(page.lines))
    recurring = {l for l, n in counts.items() if n >= need}
    # Chrome comes in runs (menus, footers); a recurring line alone between page-specific lines is
    # a heading the site's pages share ("Specifications", "Examples"), which is body.
    in_runs: Counter = Counter()
    for page in pages:
        flags = [l in recurring for l in page.lines]
        in_runs.update({l for i, l in enumerate(page.lines) if flags[i] and (
            (i > 0 and flags[i - 1]) or (i + 1 < len(flags) and flags[i + 1]))})
    learned = _new(site, pages, "repetition")
    candidates = [(l, counts[l]) for l in recurring if in_runs[l] >= need]
    learned.drop_lines = sorted(_generic_check(candidates, pages, need, options), key=lambda x: (-x[1], x[0]))
    return learned


def _generic_check(candidates: list[tuple[str, int]], pages: list[Page], need: int,
                   options: LearnOptions) -> list[tuple[str, int]]:
    """The candidate lines the generic cleaners' verdicts on the same pages leave room for (see
    `LearnOptions`): lines they mostly drop already but keep somewhere, and recurring prose (of any
    length: an "About us" paragraph under every press release). A page that would lose nearly
    all its generic body to them is a copy of another page's story, and does not count as support."""
    if any(p.generic is None for p in pages):
        return [(l, n) for l, n in candidates if len(l) <= MAX_LINE_CHARS]
    holding, kept = Counter(), Counter()
    for page in pages:
        verdict: dict[str, bool] = {}
        for line, keep in zip(page.lines, page.generic):
            verdict[line] = verdict.get(line, False) or keep
        holding.update(verdict)
        kept.update(l for l, keep in verdict.items() if keep)
    prose_need = options.prose_share * len(pages)
    chosen: dict[str, float] = {}   # line -> the support it needs
    for line, n in candidates:
        if not kept[line] and not options.learn_redundant:
            continue
        if (holding[line] - kept[line] >= options.generic_drop_share * holding[line]
                and len(line) <= MAX_LINE_CHARS):
            chosen[line] = need          # mostly dropped already
        elif n >= prose_need and len(line.split()) >= options.prose_min_words:
            chosen[line] = prose_need    # recurring prose
    support = {l: n for l, n in candidates if l in chosen}
    for page in pages:
        if _learned_share(page, chosen) > options.max_body_share:
            for line in set(page.lines) & chosen.keys():
                support[line] -= 1
    return [(l, n) for l, n in candidates if l in chosen and support[l] >= chosen[l]]


def _learned_share(page: Page, lines: Container[str]) -> float:
    """The share of what the generic cleaners keep on a page that these lines would remove."""
    body = sum(len(l) for l, keep in zip(page.lines, page.generic) if keep)
    gone = sum(len(l) for l, keep in zip(page.lines, page.generic) if keep and l in lines)
    return gone / body if body else 0.0


def _new(site: str, pages: list[Page], mode: str) -> LearnedSite:
    days = [p.day for p in pages if p.day is not None]
    return LearnedSite(site=site, pages=len(pages), mode=mode, since=min(days) if days else UNDATED_SINCE)


def add_fingerprints(learned: list[LearnedSite], groups: Mapping[str, list[Page]],
                     options: LearnOptions = LearnOptions()) -> None:
    """Give each site the most specific removed lines found on most of its pages and on no page of
    any other site in the input, so its dumps are recognised without a URL."""
    owners: dict[str, set[str]] = defaultdict(set)
    for site, pages in groups.items():
        for page in pages:
            for line in page.lines:
                owners[line].add(site)
    for site in learned:
        pages = groups[site.site]
        need = max(options.min_support, math.ceil(options.fingerprint_share * len(pages)))
        candidates = [(l, n) for l, n in site.drop_lines + site.cut_from + site.cut_until
                      if n >= need and owners[l] == {site.site} and len(l) >= FINGERPRINT_MIN_CHARS
                      and len(l.split()) >= FINGERPRINT_MIN_WORDS]
        candidates.sort(key=lambda x: (-x[1], -len(x[0]), x[0]))
        site.fingerprints = candidates[:options.max_fingerprints]


def learn_sites(groups: Mapping[str, list[Page]], options: LearnOptions = LearnOptions()) -> list[LearnedSite]:
    """Every site that learned something; by example when the pages carry bodies."""
    learned = []
    for site in sorted(groups):
        pages = groups[site]
        by_example = all(p.body is not None for p in pages)
        result = (learn_by_example if by_example else learn_by_repetition)(site, pages, options)
        if result is not None and not result.empty:
            learned.append(result)
    add_fingerprints(learned, groups, options)
    return learned


# Output -------------------------------------------------------------------------------------------

def _toml_string(text: str) -> str:
    """A TOML basic string: JSON's escapes are all valid TOML escapes."""
    import json
    return json.dumps(text, ensure_ascii=False)


def _toml_literal(text: str) -> str:
    """A regex as a TOML literal string (no escapes to double), or a basic string if it must."""
    return f"'{text}'" if "'" not in text and "\n" not in text else _toml_string(text)


def to_toml(site: LearnedSite) -> str:
    """One reviewable rule file: every rule on its own line with the pages that support it."""
    how = ("pages with hand-cleaned bodies" if site.mode == "example"
           else "pages alone (lines recurring across them)")
    out = [f"# Learned by `cleaner learn` from {site.pages} pages of {site.site}, from {how}.",
           "# Review before use: delete any line that is article text.",
           f"site = {_toml_string(site.site)}"]
    out += _array("fingerprints", site.fingerprints, site.pages, "on")
    since = "" if site.since != UNDATED_SINCE else "  # no page carried a date"
    out += ["", "[[layout]]", f"since = {site.since.isoformat()}{since}"]
    verb = "removed on" if site.mode == "example" else "on"
    out += _array("cut_until", site.cut_until, site.pages, "before the body on")
    out += _array("cut_from", site.cut_from, site.pages, "after the body on")
    out += _array("drop_lines", site.drop_lines, site.pages, verb)
    out += _array("drop_matching", site.drop_matching, site.pages, "matches removed lines on", literal=True)
    out += _array("drop_selectors", site.drop_selectors, site.pages, "never body on")
    if site.body_selector is not None:
        selector, n = site.body_selector
        out.append(f"body_selector = {_toml_string(selector)}  # holds the body on {n} of {site.pages} pages")
    return "\n".join(out) + "\n"


def _array(key: str, items: list[tuple[str, int]], pages: int, verb: str, literal: bool = False) -> list[str]:
    if not items:
        return []
    quote = _toml_literal if literal else _toml_string
    lines = [f"{key} = ["]
    lines += [f"    {quote(value)},  # {verb} {n} of {pages} pages" for value, n in items]
    return lines + ["]"]


def to_site_rules(site: LearnedSite) -> SiteRules:
    """The learned rules as the registry holds them, checked exactly as a rule file would be."""
    rules, problems = load_text(to_toml(site), f"<learned {site.site}>")
    if rules is None:  # pragma: no cover - learned values are plain strings; a failure is a bug
        raise SiteRulesError(problems)
    return rules


def learned_registry(learned: Iterable[LearnedSite]) -> Registry:
    return Registry(to_site_rules(site) for site in learned)


def learn_from_records(records: Iterable[Mapping], expected: Mapping[str, str] | None = None,
                       options: LearnOptions = LearnOptions(), registry: Registry | None = None,
                       workers: int = 1) -> list[LearnedSite]:
    """`cleaner learn` and `batch --learn-sites` in one call: group, learn, fingerprint."""
    return learn_sites(group_pages(records, expected, registry, workers), options)
