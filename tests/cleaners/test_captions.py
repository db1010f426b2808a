from cleaner.cleaners.captions import Captions, ends_with_credit
from tests.helpers import kept, reasons, run

BODY = "June 21 (UPI) -- The top U.S. diplomat in charge of North Korea negotiations said officials would meet."


def test_caption_with_photo_credit_and_license_line():
    caption = ("U.S. Ambassador Sung Kim said Monday in Seoul that the United States is open to talks. "
               "File Photo by KCNA/UPI |")
    doc = run(Captions(), f"{caption}\nLicense Photo\n{BODY}")
    assert kept(doc) == [BODY]
    assert reasons(doc) == {caption: "captions:credit-at-end", "License Photo": "captions:credit-line"}


def test_agency_credit_after_slash():
    caption = ("North Korean leader Kim Jong Un attends a meeting on June 30, 2019. "
               "Mikhail Svetlov/Getty Images")
    assert reasons(run(Captions(), caption + "\n" + BODY)) == {caption: "captions:credit-at-end"}


def test_caption_printed_twice_drops_both_copies():
    caption = ("This picture taken on October 10, 2021 shows North Korean leader Kim Jong Un giving a "
               "speech in Pyongyang. (AFP)")
    doc = run(Captions(), f"{caption}\n{caption}\n{BODY}")
    assert kept(doc) == [BODY]


def test_near_misses_stay():
    lines = ["The photo by the agency was widely shared, officials said.",
             "He told reporters the figures were up 3/4 on last year.",
             "Getty of course declined to comment on the matter when asked on Monday.",
             BODY, BODY]
    assert kept(run(Captions(), "\n".join(lines))) == lines
    assert not ends_with_credit("The vote passed (narrowly).")
    assert ends_with_credit("Protesters in Paris (AFP)")
