import gzip

from cleaner import Cleaner
from cleaner.cleaners.copies import REPEAT_MIN_CHARS, Copies
from cleaner.document import Document
from cleaner.options import Options
from tests.helpers import ROOT, kept, reasons, run

POST = ("Ubuntu 24.04 has been delayed a bit this year. I believe the final version comes out in a "
        "couple of weeks, and the Qt it ships is what most of us will end up using on our desktops "
        "and build machines alike.")
REPLY = "Thanks, that settles it for me: I will wait for the release and use the distro's packages."


def test_a_quoted_post_goes_and_the_first_copy_stays():
    assert len(POST) >= REPEAT_MIN_CHARS
    doc = run(Copies(), "\n".join([POST, "JonB said:", POST, REPLY]))
    assert kept(doc) == [POST, "JonB said:", REPLY]
    assert reasons(doc) == {POST: "copies:repeated-paragraph"}


def test_every_later_copy_goes():
    doc = run(Copies(), "\n".join([POST, REPLY, POST, REPLY, POST]))
    assert kept(doc) == [POST, REPLY, REPLY]


def test_short_repeats_and_dropped_first_copies_stay():
    question = "What inspired you to start a cooking page?"
    doc = Document.from_text("\n".join([POST, question, POST, question]))
    doc.drop(0, "classifier", "p=0.10")   # the first copy is not body: the second is the only one
    Copies().apply(doc, Options())
    assert kept(doc) == [question, POST, question]


def test_html_documents_are_left_to_the_extractor():
    doc = Document(texts=[POST, POST], kinds=["p", "p"], gap_before=[True, True])
    Copies().apply(doc, Options())
    assert kept(doc) == [POST, POST]


def test_a_real_thread_keeps_each_quoted_post_once():
    # forum.qt.io: replies quote earlier posts in full; the gold body has each post once
    text = gzip.open(ROOT / "fixtures" / "text" / "wcxb-0552.txt.gz", "rt", encoding="utf-8").read()
    post = "I always use whatever version of Qt comes with the Ubuntu distro, through apt."
    body = Cleaner(site_rules=False).clean(text, kind="text").text
    without = Cleaner(site_rules=False, disable=["copies"]).clean(text, kind="text").text
    assert (body.count(post), without.count(post)) == (1, 3)
