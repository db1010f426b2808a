"""Candidate blocks of a whole page and their DOM features, for the learned block classifier.

trafilatura's extraction misses body on pages that are not articles (product facts, listing
entries, forum posts, documentation tables). So the classifier judges every block of the page,
not only the ones trafilatura kept: one walk of the parsed tree (script, style and the like
skipped) cuts the text at block-level elements (paragraphs, headings, list items, table cells,
divisions), and each piece becomes a candidate with features of its text (length, link share,
punctuation, digits), of where it sits (tag, depth, inside nav/header/footer/aside/form, class and
id tokens of its ancestors hashed into a small vector, position in the page, how often its
structure repeats) and of whether trafilatura's extraction holds its text, which is the strongest
single cue. Page-level cues (schema.org types, how much of the page trafilatura kept, the share of
text in lists, tables and links) let one model behave differently on articles and on listings.

The walk visits each element once; the features are numpy arrays built in one pass over the blocks.
"""
from __future__ import annotations

import functools
import math
import re
import zlib
from dataclasses import dataclass

import numpy as np

# Elements whose content is never visible text.
SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "math", "iframe", "object",
                       "canvas", "select", "option", "head", "button", "textarea"})
# Elements that start a new block: text on either side of them is not one paragraph.
BLOCK_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "tr", "dd", "dt",
                        "pre", "blockquote", "div", "section", "article", "main", "aside", "header",
                        "footer", "nav", "form", "ul", "ol", "dl", "table", "tbody", "thead",
                        "tfoot", "figure", "figcaption", "address", "details", "summary", "center",
                        "fieldset", "legend", "caption", "body", "hr", "menu", "label"})
# Block tags the model tells apart (one input each); the rest share one "other" input.
TAG_INPUTS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "dd", "dt", "pre",
              "blockquote", "div", "section", "article", "figcaption", "summary", "label")
_TAG_INDEX = {t: i for i, t in enumerate(TAG_INPUTS)}
# Our block kinds (as in the rest of the HTML path) by the owning element's tag.
KIND_OF_TAG = {"h1": "h", "h2": "h", "h3": "h", "h4": "h", "h5": "h", "h6": "h", "li": "li",
               "dd": "li", "dt": "li", "td": "row", "th": "row", "tr": "row", "pre": "code",
               "blockquote": "quote"}
# Ancestors that mark page furniture or the content region, one input each.
REGION_TAGS = ("nav", "header", "footer", "aside", "form", "menu", "main", "article", "table",
               "ul", "ol", "a")
_REGION_BIT = {t: 1 << i for i, t in enumerate(REGION_TAGS)}
_LINK_BIT = _REGION_BIT["a"]
# Class and id tokens of the ancestors are hashed into this many inputs.
HASH_BUCKETS = 64
# Only the nearest ancestors' class and id tokens count: far ones (the page wrapper) say little.
HASH_DEPTH = 6
_CLASS_TOKEN = re.compile(r"[a-z]{3,}")
_TOKEN = re.compile(r"\w+")
_PUNCT = re.compile(r"[.,;:!?]")
_DIGIT = re.compile(r"\d")
_PRICE = re.compile(r"(?:[$€£¥]\s?\d|\d[\d.,]*\s?(?:€|\$|USD|EUR|GBP))")
# schema.org types grouped into the page kinds they suggest, one input each.
PAGE_TYPES = {
    "article": frozenset({"Article", "NewsArticle", "BlogPosting", "Report", "ScholarlyArticle",
                          "TechArticle", "OpinionNewsArticle", "AnalysisNewsArticle"}),
    "product": frozenset({"Product", "Offer", "AggregateOffer", "ProductGroup", "IndividualProduct"}),
    "thread": frozenset({"DiscussionForumPosting", "QAPage", "Question", "Answer", "Comment"}),
    "listing": frozenset({"ItemList", "CollectionPage", "SearchResultsPage", "OfferCatalog"}),
    "service": frozenset({"Service", "LocalBusiness", "Organization", "ProfessionalService"}),
    "howto": frozenset({"HowTo", "FAQPage", "Recipe", "SoftwareApplication", "APIReference"}),
}


@dataclass(slots=True)
class Blocks:
    """A page's candidate blocks in reading order: texts, kinds and one feature row each."""

    texts: list[str]
    kinds: list[str]
    features: np.ndarray


class _Walk:
    """State of one walk: finished blocks and the text gathered for the current one."""

    __slots__ = ("texts", "owners", "links", "parts", "link_chars", "owner", "buckets")

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.owners: list[tuple] = []
        self.links: list[int] = []
        self.parts: list[str] = []
        self.link_chars = 0
        self.owner: tuple = ("body", 0, 0, (), "")
        self.buckets: dict[tuple, tuple[int, ...]] = {}

    def add(self, text: str | None, flags: int) -> None:
        if text:
            self.parts.append(text)
            if flags & _LINK_BIT:
                self.link_chars += len(text.strip())

    def flush(self) -> None:
        if self.parts:
            text = " ".join("".join(self.parts).split())
            if text:
                self.texts.append(text)
                self.owners.append(self.owner)
                self.links.append(self.link_chars)
            self.parts = []
        self.link_chars = 0

    def hashes(self, cls: str | None, ident: str | None) -> tuple[int, ...]:
        """The buckets of an element's class and id tokens; a page repeats the same few class
        strings on most of its elements, so each distinct pair is hashed once."""
        key = (cls, ident)
        out = self.buckets.get(key)
        if out is None:
            names = ((cls or "") + " " + (ident or "")).lower()
            out = self.buckets[key] = tuple(_bucket(token) for token in _CLASS_TOKEN.findall(names))
        return out


@functools.lru_cache(maxsize=65536)
def _bucket(token: str) -> int:
    return zlib.crc32(token.encode()) % HASH_BUCKETS


def _walk(el, state: _Walk, depth: int, flags: int, path: tuple) -> None:
    parts = state.parts
    link = flags & _LINK_BIT
    parent = None   # el.tag, read once the first block child needs it
    for child in el:
        tag = child.tag
        if isinstance(tag, str) and tag not in SKIP_TAGS:
            child_flags = flags | _REGION_BIT.get(tag, 0)
            text = child.text
            if tag in BLOCK_TAGS:
                if state.parts or state.link_chars:   # flush() would change nothing otherwise
                    state.flush()
                outer = state.owner
                cls = child.get("class")   # read once, for the hashed tokens and the signature
                child_path = (path + (state.hashes(cls, child.get("id")),))[-HASH_DEPTH:]
                if parent is None:
                    parent = el.tag
                state.owner = (tag, depth + 1, child_flags, child_path, f"{parent}>{tag}.{cls or ''}")
                if text:
                    state.add(text, child_flags)
                if len(child):
                    _walk(child, state, depth + 1, child_flags, child_path)
                if state.parts or state.link_chars:
                    state.flush()
                state.owner = outer
                parts = state.parts
            else:
                if tag == "br":
                    parts.append(" ")
                if text:
                    state.add(text, child_flags)
                if len(child):
                    _walk(child, state, depth + 1, child_flags, path)
                    parts = state.parts
        tail = child.tail
        if tail:
            parts.append(tail)
            if link:
                state.link_chars += len(tail.strip())


def page_blocks(tree, kept: list[str], types: frozenset[str] = frozenset()) -> Blocks:
    """Every block of the page's body with its features; `kept` are the block texts trafilatura's
    extraction returned for the same tree, `types` the schema.org types the page declares."""
    return block_features(walk_page(tree), kept, types)


def walk_page(tree) -> _Walk:
    """The page's body cut into blocks (`texts`), with what the features need of each."""
    body = tree.find("body")
    state = _Walk()
    if body is not None:
        state.add(body.text, 0)
        _walk(body, state, 0, 0, ())
        state.flush()
    return state


def block_features(state: _Walk, kept: list[str], types: frozenset[str] = frozenset()) -> Blocks:
    """The walked blocks (`walk_page`) with their features (see `page_blocks`)."""
    texts, owners = state.texts, state.owners
    n = len(texts)
    kinds = [KIND_OF_TAG.get(o[0], "p") for o in owners]
    if not n:
        return Blocks(texts, kinds, np.zeros((0, feature_count())))
    chars = np.array([len(t) for t in texts], dtype=float)
    links = np.minimum(np.array(state.links, dtype=float), chars)
    base, tag_index, flags, hashed = _block_rows(texts, owners, links, kept)
    tags = np.zeros((n, len(TAG_INPUTS) + 1))
    tags[np.arange(n), tag_index] = 1.0
    regions = ((flags[:, None] >> np.arange(len(REGION_TAGS))) & 1).astype(float)
    total = float(chars.sum())
    before = np.concatenate(([0.0], np.cumsum(chars)[:-1]))
    base[:, 12] = np.arange(n) / n
    base[:, 13] = before / total
    pages = np.tile(_page_cues(texts, chars, links, flags, kept, types), (n, 1))
    own = np.hstack([base, tags, regions, hashed, pages])
    return Blocks(texts, kinds, np.hstack([own, _neighbours(own)]))


def _block_rows(texts: list[str], owners: list, links: np.ndarray, kept: list[str]):
    """Each block's own inputs (text shape, membership in the extraction, repetition), its tag's
    index, its region flags and its hashed class and id tokens."""
    n = len(texts)
    kept_joined = "\n".join(" ".join(_TOKEN.findall(t.lower())) for t in kept)
    kept_tokens = set(_TOKEN.findall(kept_joined))
    sig_count: dict[str, int] = {}
    text_count: dict[str, int] = {}
    for o, t in zip(owners, texts):
        sig_count[o[4]] = sig_count.get(o[4], 0) + 1
        text_count[t] = text_count.get(t, 0) + 1
    rows = []
    tag_index: list[int] = []
    flags: list[int] = []
    paths: dict[tuple, int] = {}   # each distinct path of class and id tokens, numbered
    path_of: list[int] = []
    other_tag = len(TAG_INPUTS)
    for i, (text, owner, link) in enumerate(zip(texts, owners, links.tolist())):
        tag, depth, flag, path, sig = owner
        toks = _TOKEN.findall(text.lower())
        words = len(toks)
        inside = sum(map(kept_tokens.__contains__, toks))
        c = len(text)
        rows.append((math.log1p(c), math.log1p(words), link / c,
                     len(_PUNCT.findall(text)) / c, len(_DIGIT.findall(text)) / c,
                     1.0 if text[-1] in ".!?:" else 0.0, 1.0 if text[0].isupper() else 0.0,
                     math.log1p(depth), 1.0 if _contained(toks, inside, kept_joined) else 0.0,
                     inside / words if words else 0.0,
                     math.log(sig_count[sig]), math.log(text_count[text])))
        tag_index.append(_TAG_INDEX.get(tag, other_tag))
        flags.append(flag)
        path_of.append(paths.setdefault(path, len(paths)))
    base = np.zeros((n, BASE_INPUTS))
    base[:, :12] = rows
    return base, np.array(tag_index, dtype=np.int64), np.array(flags, dtype=np.int64), \
        _hashed(paths)[path_of]


def _hashed(paths: dict[tuple, int]) -> np.ndarray:
    """One row of hashed class and id tokens for each distinct path, in its number's order: a
    page's blocks share their paths (a quarter as many paths as blocks on wcxb-dev's pages), so
    each block's row is gathered from these, not set anew."""
    rows: list[int] = []
    cols: list[int] = []
    for row, path in enumerate(paths):
        for own in path:
            rows += [row] * len(own)
            cols += own
    hashed = np.zeros((len(paths), HASH_BUCKETS))
    hashed[rows, cols] = 1.0
    return hashed


def _contained(toks: list[str], inside: int, kept_joined: str) -> bool:
    """Whether the block's tokens, joined by spaces, occur in the extraction's (`kept_joined`: each
    kept block's tokens joined by spaces, one block a line). Every token of such a run but its
    first and last is a whole token of the extraction, so a block with more than two tokens the
    extraction lacks (`inside` counts those it holds) is not searched for: a fifth of the blocks of
    the pages the classifier judges on wcxb-dev."""
    return bool(toks) and inside >= len(toks) - 2 and " ".join(toks) in kept_joined


def _page_cues(texts: list[str], chars: np.ndarray, links: np.ndarray, flags: np.ndarray,
               kept: list[str], types: frozenset[str]) -> np.ndarray:
    """What the whole page is like, the same on every block: size, the extraction's share, text in
    lists, tables and links, prices, and the schema.org type groups it declares."""
    total = float(chars.sum())
    in_list = float(chars[(flags & (_REGION_BIT["ul"] | _REGION_BIT["ol"])) != 0].sum())
    in_table = float(chars[(flags & _REGION_BIT["table"]) != 0].sum())
    kept_chars = float(sum(len(t) for t in kept))
    page = [math.log1p(total), math.log1p(len(texts)), min(kept_chars / total, 2.0),
            math.log1p(kept_chars), in_list / total, in_table / total, float(links.sum()) / total,
            math.log1p(len(_PRICE.findall("\n".join(texts))))]
    page += [1.0 if not types.isdisjoint(group) else 0.0 for group in PAGE_TYPES.values()]
    return np.array(page)


# Per-block inputs computed in the loop (text, position, membership, repetition).
BASE_INPUTS = 14
# Where two of them sit in a block's row, for readers of the rows (takeover.py): the share of the
# block's characters inside links, and whether the extraction holds the block's text.
LINK_SHARE_INPUT = 2
CONTAINED_INPUT = 8
# Inputs of the neighbouring blocks copied onto each block: log chars, link share, contained,
# token share in the extraction.
_NEIGHBOUR_COLUMNS = (0, LINK_SHARE_INPUT, CONTAINED_INPUT, 9)
# Offsets of the neighbours whose inputs a block sees.
NEIGHBOUR_OFFSETS = (-2, -1, 1, 2)


def _neighbours(own: np.ndarray) -> np.ndarray:
    """The chosen inputs of the blocks around each block (zeros past the page's ends)."""
    cols = own[:, _NEIGHBOUR_COLUMNS]
    n = len(own)
    out = []
    for off in NEIGHBOUR_OFFSETS:
        shifted = np.zeros_like(cols)
        if off < 0 and n > -off:
            shifted[-off:] = cols[:off]
        elif off > 0 and n > off:
            shifted[:-off] = cols[off:]
        out.append(shifted)
    return np.hstack(out)


def feature_count() -> int:
    own = BASE_INPUTS + len(TAG_INPUTS) + 1 + len(REGION_TAGS) + HASH_BUCKETS + 8 + len(PAGE_TYPES)
    return own + len(_NEIGHBOUR_COLUMNS) * len(NEIGHBOUR_OFFSETS)


def stacked(proba: np.ndarray, window: tuple[int, ...] = (1, 2, 3, 5, 10)) -> np.ndarray:
    """Stage-two inputs from stage-one verdicts: each block's own, its neighbours' (before and
    after, at each offset up to the largest), and the mean over windows of growing width."""
    n = len(proba)
    cols = [proba]
    for off in (1, 2, 3):
        prev = np.zeros(n)
        nxt = np.zeros(n)
        if n > off:
            prev[off:] = proba[:-off]
            nxt[:-off] = proba[off:]
        cols += [prev, nxt]
    csum = np.concatenate(([0.0], np.cumsum(proba)))
    idx = np.arange(n)
    for w in window:
        lo = np.maximum(idx - w, 0)
        hi = np.minimum(idx + w + 1, n)
        cols.append((csum[hi] - csum[lo]) / (hi - lo))
    cols.append(np.full(n, proba.mean() if n else 0.0))
    return np.column_stack(cols)
