"""Reflow hard-wrapped dumps: join the lines of one paragraph before cleaning.

Some dumpers (html2text, lynx, `fmt`-style exporters) break every paragraph at a fixed width, so
a sentence is spread over several 70-character lines. Every cleaner and the line classifier
judge lines, and a wrapped paragraph's lines look like what they are not: short, unfinished,
often starting lower-case, which is how menus and teasers look. Held out, wrapped dumps scored
0.05 to 0.08 below the same pages dumped one paragraph a line.

A dump is read as hard-wrapped when most of its longer lines end within a few characters of one
width (the wrap width) and none of its prose runs past it. Two adjacent lines are then joined
exactly when the wrapping tool would have broken them: the first is near the width and the next
line's first word would not have fitted after it. A blank line, a short line, or a next line
whose first word would have fitted always ends the paragraph, so headings, list items and menus
keep their own lines. Joining puts one space between the parts (none after a word broken at its
hyphen): no text is invented or lost.

Console browsers (w3m, links, lynx) indent list items, quotes and nested blocks, and wrap each
line at the screen's width counting its indent: an indented line's text ends short of the width
by its indent. So the width and the join test read a line's printed length, indent included, when
the dump's text is at hand (`reflow_lines(lines, text)`); and a wrapped line goes on at its own
left edge (a list item's continuation under the item's text, up to INDENT_STEP columns in) or
centred under it (a centred heading), so a line that starts further left, or deeper and off
centre, opens a block of its own. Dumps without indentation (the
benchmark's own, html2text's, BeautifulSoup's) reflow exactly as before.

Dumps printed one text node a line (a sentence cut at its links) are then reflowed by
`reflow_nodes`, on their own evidence; `reflow_lines` runs both.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from . import accel
from .document import dump_lines
from .reflow_nodes import reflow_nodes

# Lines shorter than this are never evidence of wrapping (menus, headings, list items).
MIN_EVIDENCE_CHARS = 30
# A dump needs at least this many such lines before its width is judged.
MIN_EVIDENCE_LINES = 8
# Lines that are no evidence of the width either: list items, table rows and headings (html2text
# leaves them unwrapped, so they run past the width) and lines holding a URL (unbreakable).
NOT_EVIDENCE = re.compile(r"^(?:\d{1,3}[.)]|[*+|-]|#+)\s|://")
# The same test in two parts: a mark at the start, matched, and a URL, found with `in` (searching
# for "://" with the pattern walked the whole of every line).
_LEADING_MARK = re.compile(r"(?:\d{1,3}[.)]|[*+|-]|#+)\s")
# Widths dumpers wrap at; wider "widths" are just long paragraphs.
MIN_WIDTH, MAX_WIDTH = 40, 160
# A wrapped line ends within this many characters of the width (the next word did not fit).
NEAR_WIDTH = 18
# Share of the longer lines that must end near the width for the dump to count as wrapped. Lynx
# and w3m dumps of news pages are mostly headlines of 30 to 70 characters around the wrapped story;
# a paragraph a line (the benchmark's own dumps, inscriptis) stays far below this share.
MIN_NEAR_SHARE = 0.3
# Share of the longer lines allowed past the width (unbreakable URLs, tables, preformatted text).
MAX_OVER_SHARE = 0.05
# ...and how far past that the width may still lie (a line exactly at the width can be rare).
WIDTH_SLACK = 1.15
# Share of near-width lines that must run on into a line starting lower-case (a sentence going on):
# lists of truncated titles also end near one width, but each next title starts a new line.
MIN_RUN_ON_SHARE = 0.25
# How much deeper than a wrapped line its continuation may start: a list item's text after its
# bullet ("  • Item text" goes on at column 4, links' "   * Item" at column 5, "1. " three on).
INDENT_STEP = 4
# How far apart (in half columns) two lines' centres may be when a centred line goes on centred.
CENTRE_SLACK = 2


def wrap_width(lines: list[str]) -> int | None:
    """The width the dump was hard-wrapped at, or None when it does not look hard-wrapped."""
    # Only the longer lines can be evidence; picking them by length first spares the evidence
    # test on every short line of every page.
    longer = _at_least(lines, MIN_EVIDENCE_CHARS)
    if len(longer) < MIN_EVIDENCE_LINES or _too_many_past_width(longer):
        return None
    lens = sorted(map(len, _evidence(longer, 0)))
    width = _width_of(lens)
    if width is None:
        return None
    near = sum(1 for n in lens if _near(n, width))
    if near < MIN_NEAR_SHARE * len(lens):
        return None  # (before the run-on count, which reads every line of the page in Python)
    run_on = sum(1 for a, b in zip(lines, lines[1:]) if _near(len(a), width) and b[:1].islower())
    return width if run_on >= MIN_RUN_ON_SHARE * near else None


def _width_of(lens: list[int]) -> int | None:
    """The width sorted evidence lengths were wrapped at: the longest once the few unbreakable
    lines past it are set aside; None when there are too few or it is no dumper's width."""
    if len(lens) < MIN_EVIDENCE_LINES:
        return None
    cap = lens[int((len(lens) - 1) * (1 - MAX_OVER_SHARE))] * WIDTH_SLACK
    width = lens[bisect_right(lens, cap) - 1]
    return width if MIN_WIDTH <= width <= MAX_WIDTH else None


def reflow(text: str) -> str:
    """The dump with each hard-wrapped paragraph on one line; other dumps come back unchanged."""
    lines = dump_lines(text)
    out = reflow_lines(lines, text)
    return text if out is lines else "\n".join(out)


def reflow_lines(lines: list[str], text: str | None = None) -> list[str]:
    """reflow() of a dump split by dump_lines(), as lines (the same list when nothing was joined),
    so the Document is built without splitting the page a second time. `text`, the dump itself,
    gives each line's indent (read only on a page found wrapped); without it none is assumed."""
    width = wrap_width(lines)
    if width is None:
        return reflow_nodes(lines)
    indents = _indents(text, lines)
    printed = list(map(len, lines)) if indents is None else [
        len(line) + indent if line else 0 for line, indent in zip(lines, indents)]
    if indents is not None:
        # The width counted in printed columns (the lines that set it are the same ones).
        full = _width_of(sorted(n for n, line in zip(printed, lines)
                                if n >= MIN_EVIDENCE_CHARS and not _not_evidence(line)))
        if full is None:
            indents, printed = None, list(map(len, lines))
        else:
            width = full
    out: list[str] = []
    last = 0  # printed length of the last physical line appended, 0 after a blank line
    left = 0  # its indent
    for i, line in enumerate(lines):
        indent = 0 if indents is None else indents[i]
        if (line and _near(last, width) and _wrapped(last, line.split(" ", 1)[0], width)
                and _goes_on(indent, len(line), left, last)):
            # A word the wrapper broke at its hyphen is joined back whole.
            out[-1] += line if out[-1][-1] == "-" and out[-1][-2:-1].isalpha() else " " + line
        else:
            out.append(line)
        last, left = printed[i], indent
    return reflow_nodes(out)


def _goes_on(indent: int, length: int, left: int, last: int) -> bool:
    """Whether a line printed from column `indent` can go on a wrapped line printed from `left` to
    `last`: at the same left edge or up to INDENT_STEP columns in (a list item's text after its
    bullet), or centred under it (a centred heading's second line)."""
    return 0 <= indent - left <= INDENT_STEP or (
        indent > left and abs(2 * indent + length - left - last) <= CENTRE_SLACK)


def _indents(text: str | None, lines: list[str]) -> list[int] | None:
    """Each line's indent in `text` (dump_lines(text) is `lines`), or None when no line is
    indented (most dumps: the lengths are then the lines' own)."""
    if text is None:
        return None
    indents = [len(raw) - len(raw.lstrip()) for raw in text.splitlines()]
    if len(indents) != len(lines) or not any(indents):
        return None
    return indents


def _too_many_past_width(longer: list[str]) -> bool:
    """True when wrap_width() must say None because too many evidence lines run past MAX_WIDTH:
    the width it finds is at least the length at the (1 - MAX_OVER_SHARE) quantile, so when more
    lines than the quantile leaves over are longer than MAX_WIDTH, the width is too. Most dumps
    (a paragraph a line) end here, testing only their few long lines. `longer` holds every line
    that may be evidence, so it bounds the evidence count, and the lines the quantile leaves over
    only grow with that count: the test never says True where the full one would find a width."""
    bound = len(longer) - 1
    allowed = bound - int(bound * (1 - MAX_OVER_SHARE))
    past = _at_least(longer, MAX_WIDTH + 1)
    return len(past) > allowed and len(_evidence(past, 0)) > allowed


def _at_least(lines: list[str], chars: int) -> list[str]:
    """The lines at least `chars` long (picked in C when it is built: most lines are short)."""
    fast = accel.dumptext
    if fast is not None:
        return fast.at_least(lines, chars)
    return [s for s in lines if len(s) >= chars]


def _evidence(lines: list[str], chars: int) -> list[str]:
    """The lines at least `chars` long that may be evidence of the width (not _not_evidence):
    picked in C when it is built (a Python call and a pattern match a line before)."""
    fast = accel.dumptext
    if fast is not None:
        return fast.evidence(lines, chars)
    return [s for s in lines if len(s) >= chars and not _not_evidence(s)]


def _not_evidence(line: str) -> bool:
    """NOT_EVIDENCE.search(line), faster."""
    return "://" in line or _LEADING_MARK.match(line) is not None


def _near(n: int, width: int) -> bool:
    return width - NEAR_WIDTH < n <= width


def _wrapped(prev_len: int, first_word: str, width: int) -> bool:
    """True when a wrapper at `width` would have had to break before `first_word`."""
    return prev_len + 1 + len(first_word) > width
