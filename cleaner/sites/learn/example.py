"""Learning by example: rules from pages whose body lines are known. A line is boilerplate when it
was removed on several pages of the site and kept on none; a cut marker is a line on every page
that comes only after the body ends (or, for `cut_until`, before it starts), on two pages at least;
a template is a pattern standing for several removed lines whose numbers or tails vary (a photo
caption's "Image copyright ..."), learned from one page too."""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict

from ..headline import is_the_headline, story_slug
from .selectors import learn_selectors
from .types import MAX_LINE_CHARS, WORDS, LearnedSite, LearnOptions, Page, new_site, spoken_words
from .window import window_by_example


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
    learned = new_site(site, pages, "example")
    learned.drop_lines = sorted(((l, n) for l, n in removed.items() if n >= need and not kept[l]),
                                key=lambda x: (-x[1], x[0]))
    marker_need = max(need, options.region_min_pages, math.ceil(options.marker_share * len(pages)))
    learned.cut_from = _markers(pages, marker_need, after_body=True)
    learned.cut_until = _markers(pages, marker_need, after_body=False)
    if options.body_window:
        said = [spoken_words(p.expected) for p in pages if p.expected is not None]
        learned.body_after, learned.body_until = window_by_example(pages, said)
    learned.drop_headline = len(pages) if all(_headline_left_out(p) for p in pages) else 0
    literal = {line for line, _ in learned.drop_lines}
    learned.drop_matching = _templates(pages, need, literal)
    html = [p for p in pages if p.markup is not None]
    if len(html) >= max(options.min_pages, options.region_min_pages):
        learned.body_selector, learned.drop_selectors = learn_selectors(html, need, options.body_selector)
    return learned


def _headline_left_out(page: Page) -> bool:
    """Whether the page prints its own story's name (a line naming it by its URL: its headline,
    its URL) and its expected body holds no such line: the site's bodies leave headlines out."""
    slug = story_slug(page.url)
    named = [is_body for line, is_body in zip(page.lines, page.body) if slug and is_the_headline(line, slug)]
    return bool(named) and not any(named)


_NUMBER = re.compile(r"\d[\d,.]*")
# A template must stand for at least this many different removed lines (one would be a literal)...
TEMPLATE_MIN_LINES = 3
# ...or, learned from one page, this many of its removed lines: a story's two photo captions
# ("Image copyright Getty Images Image caption ..."), each printed once.
ONE_PAGE_TEMPLATE_LINES = 2


def _template_keys(line: str) -> list[tuple[str, str | None]]:
    """The patterns a removed line could be an instance of, each with the words it opens with (None
    for a whole line's shape): the line with its numbers as wildcards ("4.5 out of 5 stars",
    "$29.95"), a leading label ("Option: ..."), its first two words."""
    keys: list[tuple[str, str | None]] = []
    if _NUMBER.search(line):
        keys.append(("^" + "[\\d,.]+".join(re2_escape(part) for part in _NUMBER.split(line)) + "$", None))
    words = line.split()
    if len(words) > 1 and words[0].endswith(":"):   # a label: "Option: ...", "Condition: ..."
        keys.append(("^" + re2_escape(words[0]) + " ", words[0]))
    if len(words) > 2:  # two words: one ("We", "New") would also start sentences of any body
        opening = " ".join(words[:2])
        keys.append(("^" + re2_escape(opening) + " ", opening))
    return keys


def re2_escape(text: str) -> str:
    """Escape for RE2 (and Python's re): ASCII punctuation gets a backslash; RE2 rejects escaped
    non-ASCII characters, which are never special anyway."""
    return "".join("\\" + c if c.isascii() and not c.isalnum() and c != " " else c for c in text)


def _templates(pages: list[Page], need: int, literal: set[str]) -> list[tuple[str, int]]:
    """Patterns (`drop_matching`) for boilerplate whose words vary from page to page: a key from
    `_template_keys` that starts removed lines on `need` pages, stands for several different lines,
    matches no body line on any page, and is not already covered by a literal line.
    From one page every removed line is a literal, so there the key stands for
    `ONE_PAGE_TEMPLATE_LINES` of them, and opens with words no expected body says and that do not
    spell the site's name (`_may_open_a_story`): a story's sentence may start "CBS Sports NFL
    Insider ..." on cbssports.com where the learning page's menus said "CBS Sports HQ"."""
    from ..load import compile_regex
    one_page = len(pages) == 1
    pages_of: dict[str, int] = Counter()
    lines_of: dict[str, set[str]] = defaultdict(set)
    opening: dict[str, str | None] = {}
    for page in pages:
        here = set()
        for line, is_body in zip(page.lines, page.body):
            if not is_body and (one_page or line not in literal) and len(line) <= MAX_LINE_CHARS:
                for key, words in _template_keys(line):
                    here.add(key)
                    lines_of[key].add(line)
                    opening[key] = words
        pages_of.update(here)
    least = ONE_PAGE_TEMPLATE_LINES if one_page else TEMPLATE_MIN_LINES
    candidates = [k for k, n in pages_of.items() if n >= need and len(lines_of[k]) >= least]
    if one_page:
        candidates = [k for k in candidates if not _may_open_a_story(opening[k], pages)]
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


def _may_open_a_story(words: str | None, pages: list[Page]) -> bool:
    """Whether a template's opening words could start a story's line on another page: an expected
    body says them, or they spell the site's name ("Fox News Flash ..." on foxnews.com)."""
    if words is None:
        return False
    said = spoken_words(words)
    if "".join(said.split()) in "".join(WORDS.findall(pages[0].site.lower())):
        return True
    return any(said in spoken_words(p.expected) for p in pages if p.expected is not None)


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
        said = spoken_words(page.expected) if page.expected is not None else ""
        for line, i in first.items():
            # A marker whose words the body also says ("Comments", a topic) could be body text
            # on another page, where cutting at it would take the rest of the article.
            ok = (i > body_at[-1] if after_body else i < body_at[0]) and spoken_words(line) not in said
            if ok:
                valid[line] = valid.get(line, 0) + 1
            else:
                broken.add(line)
    good = {l: n for l, n in valid.items() if n >= need and l not in broken and len(l) <= MAX_LINE_CHARS}
    return pick_markers(firsts, good, after_body=after_body)


def pick_markers(firsts: list[dict[str, int]], good: dict[str, int], *, after_body: bool
                 ) -> list[tuple[str, int]]:
    """Of the valid markers (`good`, with their support), the one that cuts the most on each page
    (`firsts`: each line's first position there): the earliest after the body, the latest before."""
    chosen: Counter = Counter()
    for first in firsts:
        here = [(i, l) for l, i in first.items() if l in good]
        if here:
            chosen[(min(here) if after_body else max(here))[1]] += 1
    return sorted(((l, good[l]) for l in chosen), key=lambda x: (-x[1], x[0]))
