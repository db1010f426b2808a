"""Reader comments' chrome: vote counts, "2 days ago" stamps, Reply and Report links, the form.

A dumped article often ends with its comment thread, and every comment brings lines nobody wrote
as text: "Rating: 25 Votes", "2 days ago at 07:50 am", "Reply", "Report abuse", "12 Comments",
"Leave a Reply", "Your email address will not be published." They are short and sit between
prose, so the line classifier, which reads shapes, keeps some of them. Only whole lines that are
nothing but one such control, counter or form note are dropped: the comments themselves are left
to the classifier (on a forum page they are the body), and a sentence that mentions a reply or a
rating stays. It runs after the classifier, on what the classifier kept: as context for it, these
drops cost held out (see the package docstring).
"""
from __future__ import annotations

from ..document import Document
from ..options import Options
from ..phrases import (COMMENT_CHROME, COMMENT_CHROME_MAX_WORDS, COMMENT_CHROME_STARTS, COMMENT_CONTROLS,
                       LABEL_BULLETS, LEADING_MARKS, THREAD_HEADING, THREAD_HEADING_MAX_WORDS)
from .base import Cleaner
from .cues import DIGITS, LineCues, candidates, first_words
from .shape import PARAGRAPH, line_shapes

# A control or a piece of chrome opens with one of these once its bullets are stripped.
_CUES = LineCues(max_spaces=COMMENT_CHROME_MAX_WORDS, skip=-1,
                 starts=first_words(COMMENT_CONTROLS) + COMMENT_CHROME_STARTS + DIGITS)
# A thread heading opens with its count, after any list or heading marks ("### 6 thoughts on ...").
_THREAD_CUES = LineCues(max_spaces=THREAD_HEADING_MAX_WORDS, skip=-1, starts=DIGITS + ("one",))


class Comments(Cleaner):
    name = "comments"

    def apply(self, doc: Document, options: Options) -> None:
        texts = doc.texts
        for i in candidates(doc, _CUES):
            text = texts[i]
            if text.count(" ") >= COMMENT_CHROME_MAX_WORDS:
                continue
            label = text.strip(LABEL_BULLETS)
            low = label.lower()
            if low in COMMENT_CONTROLS:
                doc.drop(i, self.name, "comment-control")
            elif ((label[:1].isdigit() or low.startswith(COMMENT_CHROME_STARTS))
                  and COMMENT_CHROME.match(label)):
                doc.drop(i, self.name, "comment-chrome")
        self._drop_thread(doc)

    def _drop_thread(self, doc: Document) -> None:
        """The first thread heading with a kept body paragraph before it, and every kept line
        after it. A heading above any body (a page that is the thread) is left alone."""
        texts = doc.texts
        for i in candidates(doc, _THREAD_CUES):
            if (doc.dropped[i] is None and texts[i].count(" ") < THREAD_HEADING_MAX_WORDS
                    and THREAD_HEADING.match(LEADING_MARKS.sub("", texts[i].lstrip(LABEL_BULLETS)))):
                if _body_before(doc, i):
                    doc.drop_all(range(i, len(texts)), self.name, "thread")
                return


def _body_before(doc: Document, i: int) -> bool:
    shapes, dropped = line_shapes(doc), doc.dropped
    return any(dropped[j] is None and shapes[j] & PARAGRAPH for j in range(i))
