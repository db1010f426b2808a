"""A story printed twice on an article's page: the second copy's run of paragraphs, dropped.

Some themes render a post's text twice (a desktop and a mobile layout, a "reader view" copy, an
AMP block), and the extraction keeps both. On pages that do not say they are articles any long
block repeated word for word goes (`extract.drop_repeated_blocks`, `REPEATED_BLOCK_CHARS`); an article is different, since
its gold keeps a paragraph printed twice on purpose: a pull quote, an interview's question asked
of each guest, a meal plan's repeated dish. What tells a copy of the story from those is order: a
copy repeats a run of consecutive long paragraphs in the order they first came
(`COPIED_RUN` or more), where a pull quote or a repeated question is one paragraph among new
ones. Each block of such a run goes (`extract:copied-run`); the first copy stays.
"""
from __future__ import annotations

from ..document import Document

RULE = "copied-run"
# Consecutive long blocks that must each repeat, in order, the blocks after an earlier one's first
# appearance. Held out on wcxb-dev (the article-like pages' bodies), runs of 2 catch a Q&A page's
# repeated answer pairs and cost an aeb meal plan (−0.0004 shingle F1); 3 to 6 drop the same two
# stories printed twice and nothing on aeb. The smallest that is safe: 3.
COPIED_RUN = 3


def copied_runs(texts: list[str], long_chars: int) -> list[int]:
    """Indices of the blocks in runs of `COPIED_RUN` or more consecutive long blocks (of
    `long_chars` or more; shorter ones between them do not count), each repeating word for word
    the long block after the one the previous repeated (the first repeats any earlier one)."""
    longs = [i for i, text in enumerate(texts) if len(text) >= long_chars]
    first: dict[str, int] = {}
    source: list[int | None] = []   # for each long block, where its text first came (long index)
    for n, i in enumerate(longs):
        source.append(first.get(texts[i]))
        first.setdefault(texts[i], n)
    found: list[int] = []
    start = 0
    while start < len(longs):
        if source[start] is None:
            start += 1
            continue
        end = start
        while end + 1 < len(longs) and source[end + 1] is not None and source[end + 1] == source[end] + 1:
            end += 1
        if end - start + 1 >= COPIED_RUN:
            found.extend(longs[start:end + 1])
        start = end + 1
    return found


def drop_copied_runs(doc: Document, long_chars: int) -> None:
    """Drop every block of a copied run (`copied_runs`) as `extract:copied-run`."""
    doc.drop_each(((i, RULE) for i in copied_runs(doc.texts, long_chars)), "extract")
