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
                       LABEL_BULLETS)
from .base import Cleaner
from .cues import DIGITS, LineCues, candidates, first_words

# A control or a piece of chrome opens with one of these once its bullets are stripped.
_CUES = LineCues(max_spaces=COMMENT_CHROME_MAX_WORDS, skip=-1,
                 starts=first_words(COMMENT_CONTROLS) + COMMENT_CHROME_STARTS + DIGITS)


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
