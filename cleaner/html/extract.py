"""HTML to blocks. The page is parsed once with lxml; dialogs, consent banners and other furniture
no reader sees as page text leave it (unseen.py); site selectors (when a rule gives them) trim
that tree; trafilatura's extraction engine then finds the main content in it, and each paragraph,
heading, list item, table row or quote it keeps becomes a block, so the same block cleaners (and
`--explain`) work on HTML as on text dumps.

trafilatura runs in two gears. First its fast recall mode (no fallback extractors, keep text when
unsure): on article pages it scores as well as the full cascade at about half the cost. When that
finds little text (under `FULL_CASCADE_BELOW` characters), or on an article a small part of the
text the page holds in paragraphs (`FULL_CASCADE_PARAGRAPHS`), or the page declares itself a forum thread or a
Q&A page in JSON-LD, trafilatura's full cascade runs instead: its fallback extractors
and forum handling recover posts, product facts and listing entries the fast mode misses. About a
fifth of pages take the second gear, so the whole costs less than one default trafilatura call.
On an article whose publisher cut the story into chunks of one class, of which the fast gear took
only the first, the chunks are joined and the fast gear runs again (chunks.py); on an article, a
closing rail of teaser links the extraction kept is trimmed (teasers.py).

When even that finds almost nothing (under `CLASSIFY_BELOW` characters), the learned block
classifier (blocks.py, classifier.py) judges every block of the page instead. On pages that do not
say they are articles (no `og:type` article, no schema.org article type, no date in the URL's
path: product, listing, service, forum and documentation pages; nor on one that does but whose
URL names no story, a section front), the classifier's body also
replaces the extraction when it holds `CLASSIFIER_GAIN` times the extraction's words: there
trafilatura, tuned for articles, often keeps one section of a page whose body is many. Where it
does not, the extracted blocks it scores as chrome leave the extraction (trim.py). On a forum
thread whose posts are marked with schema.org microdata, the posts replace a body (extracted or
classified) that holds a small part of them (posts.py).

On a page that is no article, a long block repeating an earlier one word for word (a section a
shop renders twice) is dropped (`drop_repeated_blocks`), and so is a section whose heading
announces the buyers' reviews or other items than the page's own (sections.py), and an offer's
fine print, a long note opening with a footnote's mark (fineprint.py); on an article, only a
run of long blocks repeating an earlier run in order (the story printed twice) goes (copies.py). On
every page, a forum reply's quote of an earlier post (an attribution, "NAME wrote:", then the
post word for word) is cut from the reply (quotes.py), and a sign-up form's consent note ("By
entering your email address you agree to...") goes (signup.py). The block cleaners then run on the
blocks, except those made for flattened dumps
(`DUMP_ONLY_CLEANERS`), and a body left with almost no text (`MIN_BODY_CHARS`) is dropped whole:
`drop_thin_body`, which the pipeline's caller applies after the cleaners.

trafilatura is called without its metadata pass and without comments: the title and the JSON-LD
body are read here from the same tree for a fraction of the cost, and reader comments are not body.
trafilatura works on a copy of the tree it is handed (it edits the tree while extracting), which is
a copy in memory, not a second parse; the second gear gets a fresh copy of the same tree.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlsplit

import trafilatura

from ..document import Document, Removal
from .blocks import PAGE_TYPES, block_features, walk_page
from .chunks import MISSED_SHARE, join_split_body
from .classifier import THRESHOLD, shipped_model
from .copies import drop_copied_runs
from .countlists import drop_count_lists
from .embeds import lift_tweets
from .fineprint import drop_fine_print
from .metadata import Declared, og_type, page_title, read_jsonld
from .otherposts import drop_other_posts
from .parse import parse, separate_blocks, text_of
from .posts import thread_body
from .quotes import cut_quoted_copies
from .sections import drop_other_items_sections
from .selectors import drop_matching, select_body
from .signup import drop_signup_terms
from .takeover import added_number_rail
from .teasers import trim_teaser_rail
from .textless import drop_textless
from .trim import chrome_blocks, chrome_texts, drop_chrome
from .unseen import drop_unseen

# Tags trafilatura's XML output uses for blocks, mapped to our block kinds.
_BLOCK_KINDS = {"p": "p", "head": "h", "item": "li", "quote": "quote", "row": "row", "code": "code"}
# Fast-mode output shorter than this (characters) sends the page through the full cascade.
FULL_CASCADE_BELOW = 1500
# ...or when, on an article-like page, the page's paragraphs hold this many times the text the
# fast gear found: the fast gear stopped at one section of a long page (a guide's first chapter)
# and the cascade's fallbacks find the rest. On wcxb-dev's extraction alone 25 pages take the
# cascade for this, 12 gain and 1 loses (+0.004 word F1; 2 and 3 gain alike, 4 and over less); on
# aeb the cascade's body is the fast gear's wherever this holds. Whole pipeline, the rule on every
# page: +0.0014 word F1, of which pages that are not article-like (where the classifier may widen
# the body instead) gave +0.0004 and most of the time (long shop and documentation pages): so
# article-like pages only.
FULL_CASCADE_PARAGRAPHS = 3
# A split story (on an article-like page) is looked for only where the page's paragraphs hold
# this many times the text the fast gear found (chunks.py: the chunks it missed hold half the
# first one's text or more). This spares the search on six articles in seven.
SPLIT_STORY_PARAGRAPHS = 1 + MISSED_SHARE
# schema.org types of pages whose body is a thread of posts, which only the full cascade keeps.
_THREAD_TYPES = frozenset({"DiscussionForumPosting", "QAPage"})
# Blocks a table row may hold when the table lays out the page rather than tabulates data (the
# story in one cell, a sidebar in the next): such a row is a container, not one block.
_INNER_BLOCKS = ("p", "head", "list", "quote", "table", "code")
# Elements whose boundary is a word boundary in trafilatura's output: line breaks and table cells.
_WORD_BREAKS = ("lb", "cell")
# Extractions shorter than this (characters) give way to the learned block classifier, which
# judges every block of the page: where trafilatura found (almost) nothing, as on many listing,
# product and collection pages, the classifier recovers body; on pages where trafilatura found
# a body, the classifier's own choice scored lower on held-out sites (train/README.md).
CLASSIFY_BELOW = 300
# On a page that does not look like an article, the classifier's body replaces the extraction when
# it has at least this many times the extraction's words. Chosen on held-out sites of wcxb-dev
# (1.0, 1.2, 1.5, 2.0 compared; train/README.md): lower gains more on non-article pages, and on
# the article benchmark the gate below keeps the extraction either way.
CLASSIFIER_GAIN = 1.2
# A URL path holding a date (/2019/ or 2019-11-20) is a news or blog post's.
_DATED_PATH = re.compile(r"/(?:19|20)\d\d/|(?:19|20)\d\d-\d\d-\d\d")
# A page that says it is an article but whose URL names no story is a section front: a blog's
# category, a recipe index, a news section, a landing page (themes stamp og:type article on every
# page). A story's URL carries its headline's words, a date or an id; a front's last path segment
# is a name of up to `FRONT_SLUG_WORDS` words ("/economy/", "/recipes/air-fryer-recipes"). Where
# the extraction also holds at most `FRONT_SHARE` of the page's text (an index's intro, a few
# teasers), the page is treated as no article: the classifier may widen the body. Held out (the
# fold models' pipeline bodies, train/README.md): wcxb-dev word F1 +0.0030 (both host halves
# gain), aeb unchanged. 4 words cost aeb 0.0008 (article teasers kept), 2 gain half as much; the
# share (0.3 to 0.5 gain alike; none, 0.0003 less) spares the classifier's time on half the fronts.
FRONT_SLUG_WORDS = 3
FRONT_SHARE = 0.4
# A run of this many digits in the path is a story's id ("/news/12345.html", "/p/20231104").
_PATH_ID = re.compile(r"\d{4,}")
_SLUG_WORD = re.compile(r"[^-_]+")
_WORD = re.compile(r"\w+")
# A JSON-LD articleBody replaces the extraction when it is this many times longer: the publisher's
# own copy of the body is whole where the extractor stopped early (paywall teasers, split pages).
_DECLARED_BODY_GAIN = 1.3
# ...and only when it is real text, not a one-line summary.
_DECLARED_BODY_MIN_CHARS = 500
# Cleaners that run on text dumps only. In a flattened dump, menus, "Related" rails and doubled
# teasers are lines among the body's lines, and these cleaners find them by their shape: runs of
# short lines, headlines with no prose after them, repeated lines. On HTML the extraction has
# already left the page's menus and rails out, and the same shapes are the body's list items,
# table rows and headings (a product's specification rows, a listing's entries, a recipe's
# repeated steps), which they would drop. Without them (block cleaners run on wcxb-dev's and aeb's
# extracted blocks): wcxb-dev word F1 +0.010, aeb shingle F1 +0.002.
DUMP_ONLY_CLEANERS = frozenset({"navigation", "related", "duplicates"})
# On a page that does not say it is an article, a block of this many characters or more that
# repeats an earlier block word for word is a copy the reader sees once: shops and service pages
# render a description or a section twice (a tab and an accordion, the mobile and the desktop
# layout), and the block classifier, which reads the whole page, keeps both. The copy goes
# (`drop_repeated_blocks`). Held out (the fold models' pipeline bodies): wcxb-dev word F1 +0.002
# (100 pages change; both host halves gain), aeb unchanged; 200 characters gain less, 60 no more.
# Not on articles: there aeb's gold keeps a repeated paragraph (a pull quote) and it cost 0.001.
REPEATED_BLOCK_CHARS = 100
# A cleaned body of fewer word characters than this (letters and digits: about ten English words,
# counted so that scripts written without spaces are measured alike) is no body but what is left
# of a page whose content scripts draw ("You need to enable JavaScript to run this app.", a search
# box's placeholder, two menu labels): such a page has nothing to keep. On wcxb-dev, where 16 such
# pages have an empty gold body, 40 to 100 all gain 0.004 to 0.005 word F1; aeb has no body this short.
MIN_BODY_CHARS = 50


def extract(markup: str, *, url: str | None = None, drop_selectors: Sequence[str] = (),
            body_selector: str | None = None, drop_rule: str = "drop_selectors",
            classify: bool = True, **meta) -> Document:
    """Blocks of the page's main content, with the page's title.

    `drop_selectors` (CSS) remove matched elements, keeping the text after each; `body_selector`
    (CSS) restricts extraction to the matched elements, or to the whole page when it matches none.
    Both apply to the tree before extraction, so the extractor never sees what they remove.
    What leaves the tree before extraction (furniture, other posts' cards, count lists, the site's
    `drop_selectors`, its removals named by `drop_rule`) is recorded in the Document's `before`.
    With `classify` (the default), when the extraction holds under `CLASSIFY_BELOW` characters the
    learned block classifier picks the body from every block of the page instead, with the
    extraction's verdict as one of its inputs, and on a page that does not look like an article
    its body wins when it has `CLASSIFIER_GAIN` times the extraction's words; without, the
    extraction is the body. A site's `body_selector` that matched says where the body is: the
    classifier then never replaces a short extraction, and on a page that is no article it may
    only widen the body among the selected elements' blocks. On shops, where a learned selector
    holds the product and the extraction inside it still misses most of it, that is worth 0.03
    word F1 (`bench/site_learning.py --kinds html`, by example).
    """
    before: list[Removal] = []
    tree, title, declared = read_page(markup, before)
    if drop_selectors:
        drop_matching(tree, drop_selectors, before, drop_rule)
    selected = select_body(tree, body_selector) if body_selector else tree
    texts, kinds, article = extraction(selected, url, declared)
    chrome: frozenset[str] = frozenset()
    if classify:
        if selected is tree and sum(map(len, texts)) < CLASSIFY_BELOW:
            texts, kinds, chrome = classified(tree, texts, kinds, declared)
        elif not article:
            texts, kinds, chrome = classified(selected, texts, kinds, declared, gain=CLASSIFIER_GAIN)
    lowly = chrome_blocks(texts, kinds, chrome)
    gone = set(lowly)
    posts = thread_body(selected, [t for i, t in enumerate(texts) if i not in gone] if gone else texts)
    if posts:
        texts, kinds, lowly = posts, ["p"] * len(posts), []
    doc = Document(texts=texts, kinds=kinds, gap_before=[True] * len(texts), url=url, before=before,
                   **meta)
    doc.title = title
    drop_chrome(doc, lowly)
    cut_quoted_copies(doc, REPEATED_BLOCK_CHARS)
    drop_signup_terms(doc)
    if not article:
        drop_repeated_blocks(doc)
        drop_other_items_sections(doc)
        drop_fine_print(doc)
    else:
        drop_copied_runs(doc, REPEATED_BLOCK_CHARS)
    return doc


def read_page(markup: str, log: list | None = None):
    """The page's tree as every later step sees it (blocks separated, furniture out: tidy_tree,
    which records what it removes in `log`), its title and its JSON-LD, both read before the
    furniture goes. Extraction, the block classifier's training and its tests all start here, so
    none of them can miss a step."""
    tree = parse(markup)
    separate_blocks(tree)
    title = page_title(tree)
    declared = read_jsonld(tree)
    tidy_tree(tree, declared, log)
    return tree, title, declared


def extraction(tree, url: str | None, declared: Declared) -> tuple[list[str], list[str], bool]:
    """The extraction's blocks and kinds (main_content, a closing teaser rail trimmed on an
    article), and whether the page is treated as an article (it says it is one and its URL is no
    section front's): what the block classifier is handed."""
    article = looks_like_article(tree, url, declared)
    texts, kinds = main_content(tree, url, declared, article)
    if article:
        texts, kinds = trim_teaser_rail(tree, texts, kinds)
        article = not (looks_like_front(url) and extracted_share(tree, texts) <= FRONT_SHARE)
    return texts, kinds, article


def tidy_tree(tree, declared: Declared = Declared(), log: list | None = None) -> None:
    """The tree edits every later step shares (extraction, the block classifier, its training):
    furniture no reader sees goes (unseen.py; a sheet holding the product description `declared`
    stays), other posts' cards go (otherposts.py), embedded tweets leave the widget boxes that
    hide them (embeds.py), and elements with no text that trafilatura deletes itself and the block
    walk skips (scripts with a source, style links, icons in links) go once here, not in each
    gear's copy (textless.py). What leaves with text is recorded in `log` when given."""
    drop_unseen(tree, declared.product_description, log)
    drop_other_posts(tree, log)
    drop_count_lists(tree, log)
    lift_tweets(tree)
    drop_textless(tree)


def main_content(tree, url: str | None, declared: Declared,
                 article: bool) -> tuple[list[str], list[str]]:
    """The body's blocks and kinds: the fast gear (run again over a split story's joined chunks),
    the full cascade when the fast gear found little, a small part of the page's paragraphs (on
    an `article`, what `looks_like_article` says), or the page is a thread, and the publisher's
    JSON-LD body when it is much longer than either."""
    if not declared.types.isdisjoint(_THREAD_TYPES):
        texts, kinds = main_blocks(tree, url, fast=False)
    else:
        texts, kinds = main_blocks(tree, url, fast=True)
        found = sum(map(len, texts))
        paragraphs = paragraph_chars(tree) if texts and article else 0
        if found and paragraphs >= SPLIT_STORY_PARAGRAPHS * found and join_split_body(tree, texts):
            texts, kinds = main_blocks(tree, url, fast=True)
            found = sum(map(len, texts))
        if found < FULL_CASCADE_BELOW or paragraphs >= FULL_CASCADE_PARAGRAPHS * found:
            texts, kinds = main_blocks(tree, url, fast=False)
    body = declared.article_body
    if body and len(body) >= _DECLARED_BODY_MIN_CHARS and \
            len(body) > _DECLARED_BODY_GAIN * sum(map(len, texts)):
        texts = [" ".join(line.split()) for line in body.splitlines() if line.strip()]
        kinds = ["p"] * len(texts)
    return texts, kinds


def paragraph_chars(tree) -> int:
    """Characters of text in the page's paragraphs, runs of whitespace counted as one."""
    return sum(len(" ".join(text_of(p).split())) for p in tree.iter("p"))


def looks_like_article(tree, url: str | None, declared: Declared) -> bool:
    """True when the page says it is an article: `og:type` article, a schema.org article type in
    its JSON-LD, or a date in its URL's path."""
    if og_type(tree) == "article" or not declared.types.isdisjoint(PAGE_TYPES["article"]):
        return True
    return bool(url and _DATED_PATH.search(urlsplit(url).path))


def looks_like_front(url: str | None) -> bool:
    """True when the URL names no story: no date, no id, and a last path segment (its extension
    left out) of at most `FRONT_SLUG_WORDS` words joined by hyphens or underscores."""
    if not url:
        return False
    path = urlsplit(url).path
    if _DATED_PATH.search(path) or _PATH_ID.search(path):
        return False
    segments = [s for s in path.split("/") if s]
    last = segments[-1].rsplit(".", 1)[0] if segments else ""
    return len(_SLUG_WORD.findall(last)) <= FRONT_SLUG_WORDS


def extracted_share(tree, texts: list[str]) -> float:
    """The extraction's characters over the page body's (runs of whitespace counted as one); 1.0
    on a page with no body text."""
    body = tree.find("body")
    page = len(" ".join(text_of(body).split())) if body is not None else 0
    return sum(map(len, texts)) / page if page else 1.0


def classified(tree, kept: list[str], kinds: list[str], declared: Declared,
               gain: float | None = None) -> tuple[list[str], list[str], frozenset[str]]:
    """The blocks of the whole page the shipped block model calls body, in page order; the
    extraction's blocks (`kept`, `kinds`) when the model keeps nothing (a short page, one
    paragraph: what little the extraction found beats an empty body), the page has no blocks,
    or, with `gain`, the model's body has fewer than `gain` times the extraction's words or adds
    to the extraction only a rail of timestamps (takeover.py). The third item: where the
    extraction stays once the model has judged the page with `gain`, the texts of the extracted
    blocks it scores as chrome, for `drop_chrome` (trim.py); else empty."""
    walked = walk_page(tree)
    none: frozenset[str] = frozenset()
    if gain is not None and _words(walked.texts) < gain * _words(kept):
        return kept, kinds, none   # even every block of the page holds too few words to win
    blocks = block_features(walked, kept, declared.types)
    if not blocks.texts:
        return kept, kinds, none
    proba = shipped_model().proba(blocks.features)
    body = proba >= THRESHOLD
    texts = [t for t, k in zip(blocks.texts, body) if k]
    if gain is not None and (_words(texts) < gain * _words(kept) or added_number_rail(blocks, body)):
        return kept, kinds, chrome_texts(blocks, proba)
    if not texts:
        return kept, kinds, none
    return texts, [kind for kind, k in zip(blocks.kinds, body) if k], none


def drop_repeated_blocks(doc: Document) -> None:
    """Drop each block of `REPEATED_BLOCK_CHARS` or more whose text, word for word, an earlier
    block already holds (`extract:repeated-block`)."""
    seen: set[str] = set()
    repeats = []
    for i, text in enumerate(doc.texts):
        if len(text) >= REPEATED_BLOCK_CHARS:
            if text in seen:
                repeats.append((i, "repeated-block"))
            seen.add(text)
    doc.drop_each(repeats, "extract")


def drop_thin_body(doc: Document) -> None:
    """Drop every kept block of a cleaned HTML page whose body holds under `MIN_BODY_CHARS` word
    characters."""
    kept = doc.kept()
    chars = 0
    for i in kept:   # counting stops at the threshold: most bodies pass in their first block
        chars += sum(map(len, _WORD.findall(doc.texts[i])))
        if chars >= MIN_BODY_CHARS:
            return
    if kept:
        doc.drop_each(((i, "thin-body") for i in kept), "extract")


def _words(texts: list[str]) -> int:
    return len(_WORD.findall(" ".join(texts)))   # no word spans the joining space


def main_blocks(tree, url: str | None, *, fast: bool) -> tuple[list[str], list[str]]:
    """The main content trafilatura finds in the tree, as block texts and their kinds: with `fast`,
    its fast recall mode; without, its default full cascade. The tree itself is not changed."""
    options = {"fast": True, "favor_recall": True} if fast else {}
    # Any output format but the default "python" leaves the body as XML, which is all that is
    # read here: "python" also renders it as plain text, 2% of the call's time.
    result = trafilatura.bare_extraction(tree, url=url, with_metadata=False, include_comments=False,
                                         include_tables=True, output_format="xml", **options)
    texts: list[str] = []
    kinds: list[str] = []
    body = result.body if result is not None else None
    if body is None:
        return texts, kinds
    for el in body.iter(*_WORD_BREAKS):   # <br> and table cells separate words, not glue them
        el.tail = " " + (el.tail or "")

    def emit(text: str | None, kind: str) -> None:
        if text and not text.isspace():   # most tails are none or a line break
            texts.append(" ".join(text.split()))
            kinds.append(kind)

    def walk(el) -> None:
        for child in el:
            if not isinstance(child.tag, str):
                continue
            kind = _BLOCK_KINDS.get(child.tag)
            if kind == "row" and next(child.iterdescendants(_INNER_BLOCKS), None) is not None:
                kind = None   # a layout table's row: its cells hold paragraphs, each a block
            if kind is not None:
                emit("".join(child.itertext()), kind)
            else:   # a container (list, table, div): its own text, then its blocks
                emit(child.text, "p")
                walk(child)
            emit(child.tail, "p")

    emit(body.text, "p")
    walk(body)
    return texts, kinds
