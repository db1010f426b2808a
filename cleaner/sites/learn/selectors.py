"""Learning HTML selectors by example: the element that holds the expected body on every page, and
the elements inside it whose words are never body."""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from .types import WORDS, Page

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
    return Counter(WORDS.findall(text.lower()))


def _content_share(bag: Counter, gold: Counter) -> float:
    """The share of an element's content words (four letters or more) that the body also has."""
    words = {w: n for w, n in bag.items() if len(w) >= 4}
    total = sum(words.values())
    return sum(min(n, gold[w]) for w, n in words.items()) / total if total else 0.0


def learn_selectors(pages: list[Page], need: int,
                    with_body: bool = True) -> tuple[tuple[str, int] | None, list[tuple[str, int]]]:
    """A body selector (the element that holds the expected body on every page; None unless
    `with_body`) and drop selectors (elements inside it, or anywhere without one, whose words are
    not body on any page holding them)."""
    from ...html.parse import parse
    trees = [parse(page.markup) for page in pages]
    scores: dict[str, list[tuple[float, float]]] = defaultdict(list)   # (recall, precision) a page
    drop_ok: Counter = Counter()
    drop_bad: set[str] = set()
    for page, tree in zip(pages, trees):
        first, drop_here = _score_page(tree, _word_bag(page.expected), drop_bad)
        drop_ok.update(drop_here)
        for name, score in first.items():
            scores[name].append(score)
    body = None
    # The body holds nearly all the expected words on every page; of those, the tightest.
    ranked = sorted(((sum(p for _, p in v) / len(v), k) for k, v in scores.items()
                     if len(v) == len(pages) and min(r for r, _ in v) >= BODY_SELECTOR_MIN_RECALL), reverse=True)
    if with_body and ranked and _extracts_no_worse(pages, ranked[0][1]):
        body = (ranked[0][1], len(pages))
    drops = sorted(((k, n) for k, n in drop_ok.items() if n >= need and k not in drop_bad),
                   key=lambda x: (-x[1], x[0]))
    if ranked:  # only what lies inside the body's container matters, and never the container
        inside = _names_inside(trees, ranked[0][1])
        drops = [(k, n) for k, n in drops if k in inside and k != ranked[0][1]]
    return body, drops


def _extracts_no_worse(pages: list[Page], selector: str) -> bool:
    """Whether extracting inside `selector` finds the expected bodies at least as well (mean word
    F1) as extracting from the whole page. A container can hold all of the expected words and still
    change what the extractor keeps inside it: on a shop's category pages, a body selector that held
    the gold on four pages cost the fifth its store blurbs, and by-example learning fell under the
    generic cleaners (`bench/site_learning.py`, HTML: 0.703 against 0.707; 0.714 without it)."""
    from ...evaluate import word_prf
    from ...html.extract import extract

    def f1(page: Page, body_selector: str | None) -> float:
        doc = extract(page.markup, body_selector=body_selector)
        return word_prf(page.expected, "\n".join(doc.texts))[0]
    return sum(f1(p, selector) - f1(p, None) for p in pages) >= 0


def _score_page(tree, gold: Counter, drop_bad: set[str]) -> tuple[dict[str, tuple[float, float]], set[str]]:
    """For one page: each selector's (recall, precision) of the expected words, for the first
    element it matches (the one extraction would take), and the selectors whose elements may be
    dropped here; those that may not go into `drop_bad`."""
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
        droppable = (_content_share(bag, gold) <= DROP_SELECTOR_MAX_BODY_SHARE
                     and total <= DROP_SELECTOR_MAX_PAGE_SHARE * page_total)
        for name in names:
            first.setdefault(name, (overlap / gold_total, overlap / total))
            (drop_here if droppable else drop_bad).add(name)
    return first, drop_here


def _names_inside(trees: list, body: str) -> set[str]:
    """The selectors naming any element inside the body selector's first match, on any page."""
    from lxml.cssselect import CSSSelector
    select = CSSSelector(body)
    inside = set()
    for tree in trees:
        found = select(tree)
        if found:
            for el in found[0].iter(*_CONTAINERS):
                inside.update(_selectors_of(el))
    return inside
