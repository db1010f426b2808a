"""A sign-up form's terms leave the body (cleaner/html/signup.py). The page: a market's service page
whose newsletter box closes with its consent note ("By signing up, you will receive Artists &
Fleas offers, promotions and other commercial messages..."), which the extraction kept."""
from __future__ import annotations

from cleaner.document import Document
from cleaner.html.signup import RULE, SIGNUP_TERMS_MAX_WORDS, drop_signup_terms
from tests.test_html import assert_a_recorded_extract_step


def test_a_sign_up_forms_terms_leave_a_service_page(monkeypatch):
    assert_a_recorded_extract_step(monkeypatch, "signup", RULE, "drop_signup_terms")


def _doc(texts: list[str], kinds: list[str]) -> Document:
    return Document(texts=texts, kinds=kinds, gap_before=[True] * len(texts))


def test_only_short_notes_that_open_a_sentence_with_the_forms_action_go():
    note = "By entering your email address you agree to our Terms of Use and Privacy Policy."
    after = "New accounts only. By submitting your email you agree to our Privacy Policy"
    long = note + " " + " ".join(["More terms apply"] * SIGNUP_TERMS_MAX_WORDS)
    story = "Regulators said users who agree by clicking a banner rarely read the terms."
    heading = "By signing up you agree"
    report = "By completing the bridge early, the builder will receive a bonus, the council agreed."
    doc = _doc([note, after, long, story, heading, report], ["p", "li", "p", "p", "h", "p"])
    drop_signup_terms(doc)
    assert doc.kept() == [2, 3, 4, 5]
    assert {doc.dropped[0].rule, doc.dropped[1].rule} == {RULE}
