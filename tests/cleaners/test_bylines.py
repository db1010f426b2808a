from cleaner.cleaners.bylines import Bylines
from tests.helpers import kept, reasons, run

BODY = "The US special envoy for North Korea said Monday that he hopes leaders will meet for talks."


def test_date_agency_and_byline_lines():
    doc = run(Bylines(), f"AFP\nPublished: Updated:\nBy Jane Doe\nUpdated: June 21, 2021 10:03 PM\n{BODY}")
    assert kept(doc) == [BODY]
    r = reasons(doc)
    assert r["AFP"] == "bylines:agency-credit"
    assert r["Published: Updated:"] == "bylines:date-line"
    assert r["By Jane Doe"] == "bylines:byline"


def test_author_box_and_bio():
    bio = "Dave DeCamp is the news editor of Antiwar.com, follow him on Twitter @decampdave."
    doc = run(Bylines(), f"{BODY}\nAuthor: Dave DeCamp\n{bio}")
    assert kept(doc) == [BODY]
    assert reasons(doc)[bio] == "bylines:author-bio"


def test_glued_reading_time_fragment_is_trimmed_not_dropped():
    doc = run(Bylines(), "15 minutes. South Korea, the United States and Japan again reached out to Pyongyang.")
    assert kept(doc) == ["South Korea, the United States and Japan again reached out to Pyongyang."]
    assert reasons(doc) == {"15 minutes.": "bylines:glued-reading-time"}


def test_quoted_published_and_long_sentences_stay():
    lines = ['"Published: the untold story" was the title of her memoir, which sold a million copies.',
             "By the end of the week, the two sides had agreed to meet again in Geneva.",
             "15 minutes of talks were held on Monday, officials said."]
    assert kept(run(Bylines(), "\n".join(lines))) == lines
