"""Markup: list bullets and Markdown marks that other dumpers print in front of a line.

The benchmark dumps print a block's text alone; html2text prints "* Home", "### Related posts" and
"**Subscribe**", inscriptis and lynx bullet list items with "*" or "+". The marks say nothing a
reader keeps, so the body loses them: they are trimmed (each trim recorded, as any removal is),
and a line of nothing but marks ("* * *") is dropped. Numbered items ("1. Preheat the oven") keep
their number: it is often part of the text.

It runs after the classifier (only `copies` follows it): a leading bullet is one of the cues the
classifier reads (a list item, a menu entry), and trimming marks before it cost held out (see the
package docstring).
"""
from __future__ import annotations

from ..document import Document
from ..options import Options
from ..phrases import EMPHASIS_WRAP, LEADING_MARKS
from .base import Cleaner

# Characters a line of marks alone is made of.
_MARK_CHARS = frozenset("*+-#>_ \t")
# First characters that can open marks: other lines are not matched at all. Typographic bullets
# ("•", "·") are left to ui_controls, which reads "• Dark" as a control: the benchmark's own
# dumper prints them, and the line model learned them as they are.
_OPENERS = frozenset("*+-#>_")


class Markup(Cleaner):
    name = "markup"

    def apply(self, doc: Document, options: Options) -> None:
        if not doc.kinds or doc.kinds[0] != "line":
            return
        texts = doc.texts
        # Only the kept lines (it runs after the classifier: most of the page is dropped).
        for i in doc.kept():
            text = texts[i]
            if text[0] not in _OPENERS:
                continue
            if _MARK_CHARS.issuperset(text):
                doc.drop(i, self.name, "marks-only")
                continue
            lead = LEADING_MARKS.match(text)
            if lead:
                doc.trim(i, 0, lead.end(), self.name, "leading-marks")
                text = doc.texts[i]
            wrap = EMPHASIS_WRAP.match(text)
            if wrap:
                n = len(wrap.group(1))
                doc.trim(i, len(text) - n, len(text), self.name, "emphasis")
                doc.trim(i, 0, n, self.name, "emphasis")
