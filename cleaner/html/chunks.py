"""Article bodies split into chunks, joined back before extraction.

Some publishers cut a long story into several containers of the same tag and class (one chunk
between every two ad slots). trafilatura looks for the body with an ordered list of XPath
expressions and takes the first element each one matches, so on such a page it extracts the first
chunk and drops the rest: a third of the story, with every paragraph it keeps correct.

`join_split_body` finds that case after an extraction: a group of two to `MAX_CHUNKS` elements
sharing tag and class attribute, each holding `MIN_CHUNK_CHARS` of paragraphs, whose first member
the extraction took (`COVERED_SHARE` of its paragraphs) while the others it left out (none of
their paragraphs, or almost none), which hold at least `MISSED_SHARE` of the first one's
paragraph text and have almost no text between them (`MAX_GAP_CHARS`). Layout wrappers repeated
across a page (a content column and a footer column sharing a class) fail the share test: the
extracted one holds the story, the other a few lines; cards, comments and answers sharing a class
fail the gap test. The later chunks' content is then moved into the first, so a second extraction
sees the whole story in one element. The caller asks only on pages that say they are articles.
"""
from __future__ import annotations

from collections import defaultdict

from lxml import etree

from .parse import text_of

# Containers that may hold a chunk of a body.
_CHUNK_TAGS = ("div", "section", "article")
# A chunk holds at least this many characters of paragraph text: a few paragraphs of a story,
# more than a service page's blurb or a product's feature box.
MIN_CHUNK_CHARS = 500
# Groups of more members than this are cards, comments or list entries, not one story cut up.
MAX_CHUNKS = 10
# The extraction took the first chunk: it holds this share of its paragraphs...
COVERED_SHARE = 0.8
# ...and left the others out: it holds at most this share of each one's paragraphs.
MISSED_MAX_SHARE = 0.2
# The chunks left out hold at least this share of the first one's paragraph text: a story cut in
# parts, not a page with one story and a smaller block that repeats the story's class.
MISSED_SHARE = 0.5
# Between two chunks of one story the page holds at most this many characters of text (an ad
# rail's label, a share button): cards, comments and answers that share a class have their
# headlines, authors and dates between them.
MAX_GAP_CHARS = 40
# Elements whose text is never shown.
_HIDDEN = frozenset({"script", "style", "noscript", "template"})
# Paragraphs shorter than this (characters) are not checked against the extraction: labels and
# bylines recur anywhere. A paragraph is looked up by its first `_PROBE` characters.
_MIN_PROBE_PARAGRAPH = 40
_PROBE = 60


def join_split_body(tree, extracted: list[str]) -> bool:
    """Move the content of a split body's later chunks into its first chunk, the one the
    extraction (`extracted`, its blocks) took. True when the tree was changed."""
    joined = "\n".join(extracted)
    best = None
    for members in _groups(tree):
        sizes = [_paragraph_chars(m) for m in members]
        chunks = [(m, s) for m, s in zip(members, sizes) if s >= MIN_CHUNK_CHARS]
        if len(chunks) < 2:
            continue
        first, first_size = chunks[0]
        if _covered(first, joined) < COVERED_SHARE:
            continue
        rest = chunks[1:]
        if any(_covered(m, joined) > MISSED_MAX_SHARE for m, _ in rest) or \
                sum(s for _, s in rest) < MISSED_SHARE * first_size:
            continue
        if any(_text_between(a, b) > MAX_GAP_CHARS for (a, _), (b, _) in zip(chunks, rest)):
            continue
        depth = sum(1 for _ in first.iterancestors())
        if best is None or depth > best[0]:  # the innermost group: the chunks, not their wrappers
            best = (depth, first, [m for m, _ in rest])
    if best is None:
        return False
    _, first, rest = best
    for chunk in rest:
        _move_content(chunk, first)
    return True


def _groups(tree):
    """Elements that share tag and class attribute, in page order, two to `MAX_CHUNKS` a group,
    without members nested in another member."""
    groups: dict[tuple[str, str], list] = defaultdict(list)
    for el in tree.iter(_CHUNK_TAGS):
        cls = el.get("class")
        if cls:
            groups[(el.tag, cls)].append(el)
    for members in groups.values():
        if 2 <= len(members) <= MAX_CHUNKS:
            inside = set(members)
            yield [m for m in members if not any(a in inside for a in m.iterancestors())]


def _paragraph_chars(el) -> int:
    return sum(len(text_of(p)) for p in el.iter("p"))


def _covered(el, joined: str) -> float:
    """The share of the element's paragraphs whose start the extraction holds."""
    probes = [" ".join(text_of(p).split())[:_PROBE] for p in el.iter("p")]
    probes = [p for p in probes if len(p) >= _MIN_PROBE_PARAGRAPH]
    return sum(p in joined for p in probes) / len(probes) if probes else 0.0


def _text_between(first, second) -> int:
    """Characters of visible text after the end of `first` and before the start of `second`,
    whitespace not counted; counting stops past `MAX_GAP_CHARS`."""
    count, after = 0, False
    for event, el in etree.iterwalk(first.getroottree(), events=("start", "end")):
        if el is first:
            after = event == "end"
            if after:
                count += _visible(el.tail)
            continue
        if not after:
            continue
        if el is second:
            break
        if event == "start" and isinstance(el.tag, str) and el.tag not in _HIDDEN:
            count += _visible(el.text)
        elif event == "end":
            count += _visible(el.tail)
        if count > MAX_GAP_CHARS:
            break
    return count


def _visible(text: str | None) -> int:
    return len("".join(text.split())) if text else 0


def _move_content(source, target) -> None:
    """Append the source element's text and children to the target's, and remove the source,
    keeping its tail text in place."""
    if source.text and source.text.strip():
        if len(target):
            last = target[-1]
            last.tail = (last.tail or "") + "\n" + source.text
        else:
            target.text = (target.text or "") + "\n" + source.text
    source.text = None
    for child in list(source):
        target.append(child)
    source.drop_tag()
