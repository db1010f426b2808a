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


def test_each_metadata_word_tries_only_the_patterns_that_can_open_with_it():
    """A line opening with a metadata word tries only the patterns with an alternative opening
    with that word: the same rule as trying all five in order, on lines built from every
    alternative's opening, in capitals and lower case, with the tails each pattern takes."""
    import re._parser
    from itertools import product

    from cleaner import phrases
    from cleaner.cleaners.bylines import _METADATA_RULES, Bylines
    from tests.test_accel import _after_bullets, _literal_prefixes

    def every_pattern(text: str) -> str | None:
        return next((rule for rule, pattern, _ in _METADATA_RULES if pattern.match(text)), None)

    openings = set()
    for _, pattern, words in _METADATA_RULES:
        prefixes = _literal_prefixes(_after_bullets(re._parser.parse(pattern.pattern, pattern.flags)))
        prefixes.discard("") if pattern is phrases.READING_TIME_LINE else None  # (its digit branch)
        uncovered = sorted(p for p in prefixes if not p.startswith(words))
        assert not uncovered, f"no opening of {pattern.pattern[:30]} covers {uncovered}"
        openings |= prefixes
    tails = ["", ":", ": Jane Doe", " Jane Doe", " Jane Doe and John Roe", " on 5 May 2021", ": 12:30 GMT",
             " time: 5 min", " 5 mins", ": Jane Doe, a writer", "s", "s: Jane Doe", " the author"]
    lines = [case(opening) + tail for opening, tail, case in product(sorted(openings), tails, (str, str.upper))]
    assert sum(every_pattern(line) is not None for line in lines) > 100
    for line in lines:
        assert Bylines._metadata_rule(line) == (every_pattern(line) if line.split(None, 1)[0].rstrip(":").lower()
                                                in phrases.METADATA_FIRST_WORDS else None), line
