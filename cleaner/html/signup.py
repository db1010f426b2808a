"""A sign-up form's terms, dropped on every page.

A newsletter box, an SMS deals form, a quote or contact form closes with its consent note: "By
entering your email address you agree to our Terms of Use and Privacy Policy and consent to receive
emails from...", "In submitting this form, you agree to receive information from... You can
unsubscribe from such messages at any time", "By clicking "Start Your Quote", you agree by
electronic signature to...". Where the form sits in the main column (or the block classifier
keeps it), the note reaches the body with the story or the service's pitch; a reader reads past
it and the gold never keeps it. A block (not a heading) of at most `SIGNUP_TERMS_MAX_WORDS` words
holding such a sentence (`SIGNUP_TERMS`, cleaner/phrases.py) goes as `extract:sign-up-terms`.
A paragraph that reports what a form's user agrees to is longer than a note, or does not open its
sentence with the form's action.
"""
from __future__ import annotations

from ..document import Document
from ..phrases import SIGNUP_TERMS, SIGNUP_TERMS_WORDS

RULE = "sign-up-terms"
# A consent note is a few sentences (10 to 70 words on wcxb-dev's pages); a paragraph that
# discusses such terms is longer. Held out (train/README.md, round 18), 60 and 120 words gain alike.
SIGNUP_TERMS_MAX_WORDS = 100


def is_signup_terms(text: str) -> bool:
    """True when `text` is a note of at most `SIGNUP_TERMS_MAX_WORDS` words holding a sign-up
    form's terms."""
    return (any(word in text for word in SIGNUP_TERMS_WORDS)
            and len(text.split()) <= SIGNUP_TERMS_MAX_WORDS and SIGNUP_TERMS.search(text) is not None)


def drop_signup_terms(doc: Document) -> None:
    """Drop each block but a heading that is a sign-up form's terms (`extract:sign-up-terms`)."""
    doc.drop_each(((i, RULE) for i, (text, kind) in enumerate(zip(doc.texts, doc.kinds))
                   if kind != "h" and is_signup_terms(text)), "extract")
