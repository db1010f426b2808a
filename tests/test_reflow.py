"""Reflowing hard-wrapped dumps: the lines of one paragraph are joined, nothing else is touched."""
import textwrap

import pytest

from cleaner import Cleaner
from cleaner.document import Document, dump_lines
from cleaner.reflow import reflow, reflow_lines, wrap_width
from tests.helpers import seeds
from tests.test_invariants import assert_no_invented_text

PARAGRAPHS = [
    "The council voted on Tuesday to extend the library's opening hours, after a year in which the "
    "number of visitors rose by almost a third and the waiting list for study rooms grew longer.",
    "Officials said the change would cost about two hundred thousand pounds a year, which will be "
    "met from the budget that was set aside for the renovation of the old reading room upstairs.",
    "Residents who spoke at the meeting welcomed the decision, although several of them asked why "
    "the children's section would still close at five o'clock on weekdays and at noon on Sundays.",
    "A spokesman for the well-established friends-of-the-library group said the members were "
    "delighted, and that volunteers would help to staff the longer evening opening in the spring.",
]
MENU = ["Home", "News", "Local politics", "Contact us"]


def wrapped(lines, width):
    return "\n".join(part for line in lines for part in (textwrap.wrap(line, width) or [""]))


@pytest.mark.parametrize("width", [60, 72, 78, 100])
def test_wrapped_paragraphs_are_joined_back_exactly(width):
    lines = MENU + [p for para in PARAGRAPHS for p in ("", para)]
    text = wrapped(lines, width)
    assert wrap_width(text.splitlines()) is not None
    assert reflow(text).splitlines() == lines


def test_a_word_broken_at_its_hyphen_is_joined_whole():
    lines = [p for para in PARAGRAPHS for p in ("", para)][1:]
    texts = [wrapped(lines, width) for width in range(50, 100)]
    broken = [t for t in texts if any(line.endswith("-") for line in t.splitlines())]
    assert len(broken) >= 3, "the wrapper broke a hyphenated word at some widths"
    for text in broken:
        assert reflow(text).splitlines() == lines


def test_unwrapped_list_items_and_links_do_not_hide_the_width():
    # html2text wraps paragraphs at 78 but leaves list items, headings and links whole, so they
    # run past the width; they are no evidence of it, and the paragraphs are still joined.
    items = [f"{n}. Teaser headline number {n} about the library, the council and the reading room "
             f"Teaser headline number {n} about the library" for n in range(1, 6)]
    links = ["### Related coverage of the library's new opening hours in the city centre today",
             "Source: https://example.com/news/2019/11/19/library-opening-hours-extended-council-vote"]
    lines = MENU + [p for para in PARAGRAPHS for p in ("", para)] + [""] + items + links
    text = wrapped(lines[:-len(items) - len(links)], 78) + "\n" + "\n".join(items + links)
    assert wrap_width(text.splitlines()) == 78
    assert reflow(text).splitlines() == lines
    # Near miss: the same long lines with unwrapped paragraphs are not read as wrapped.
    plain = "\n".join(MENU + PARAGRAPHS + items + links)
    assert reflow(plain) == plain


def test_unwrapped_dumps_are_returned_unchanged():
    for _, text, _, _ in seeds():
        assert reflow(text) == text
    assert reflow("\n".join(MENU + PARAGRAPHS)) == "\n".join(MENU + PARAGRAPHS)


def test_lists_of_truncated_titles_are_not_read_as_wrapped():
    # Every line ends near one width (titles cut at 60 characters), but each starts a new item.
    titles = [f"{w} announces new plans for the city centre and its old {w.lower()} market hall"[:60]
              for w in ("Council", "Mayor", "Minister", "Board", "Committee", "Trust", "Agency",
                        "Office", "Union", "Court")]
    assert wrap_width(titles) is None
    assert reflow("\n".join(titles)) == "\n".join(titles)


# A console browser's dump of a news page (lynx, w3m): rails of headlines of 30 to 70 characters
# around a story wrapped at about 94, so most longer lines are not near the width.
HEADLINES = [f"{who} on the {what}: a decision before summer"
             for who in ("Minister", "Council leader", "Union chief", "Opposition spokesman")
             for what in ("budget", "housing plan", "rail timetable")]


def test_a_story_wrapped_among_many_headlines_is_joined_back():
    story = [p for para in PARAGRAPHS for p in ("", para)]
    lines = HEADLINES[:6] + story + [""] + HEADLINES[6:]
    text = wrapped(lines, 94)
    longer = [line for line in text.splitlines() if len(line) >= 30]
    near = [line for line in longer if len(line) > 94 - 18]
    assert len(near) < 0.5 * len(longer), "most longer lines are headlines, not wrapped prose"
    assert reflow(text).splitlines() == lines


# Seed 001 has no blank line between its paragraphs: once wrapped, where one paragraph ends and
# the next begins cannot be told when the last line is full, so two paragraphs may be joined.
@pytest.mark.parametrize("seed", [s for s in seeds() if not s[0].startswith("001")], ids=lambda s: s[0])
def test_hard_wrapped_seeds_clean_to_their_expected_body(seed):
    _, text, expected, meta = seed
    page = wrapped(text.splitlines(), 72)
    result = Cleaner(site_rules=False).clean(page)
    assert result.text == expected.strip()
    assert result.title == meta["title"]
    assert_no_invented_text(page, result.text)


@pytest.mark.parametrize("width", [None, 60, 78])
def test_the_document_from_reflowed_lines_is_the_one_from_the_reflowed_text(width):
    """The library builds the Document from the lines reflowing read, without joining and
    splitting the page again: the blocks and gaps must be the same."""
    lines = ["", ""] + MENU + [p for para in PARAGRAPHS for p in ("", "  ", para)] + ["", ""]
    text = "\n".join(lines) if width is None else wrapped(lines, width)
    split = dump_lines(text)
    ours, theirs = Document.from_lines(reflow_lines(split)), Document.from_text(reflow(text))
    assert (ours.texts, ours.gap_before) == (theirs.texts, theirs.gap_before)
    assert (reflow_lines(split) is split) == (width is None)


def test_the_fast_evidence_test_agrees_with_the_pattern():
    from cleaner.reflow import NOT_EVIDENCE, _not_evidence
    from tests.helpers import seeds
    lines = [line for _, text, _, _ in seeds() for line in text.splitlines()]
    lines += ["1. Preheat the oven", "12) Item", "* bullet", "### Heading", "see https://x.org now",
              "#hashtag", "1234. no", "- ", "-dash", "a://b", "ftp:/x"]
    assert any(_not_evidence(line) for line in lines) and not all(_not_evidence(line) for line in lines)
    for line in lines:
        assert _not_evidence(line) == bool(NOT_EVIDENCE.search(line)), line


def test_the_early_exit_on_long_lines_never_changes_the_width(monkeypatch):
    """_too_many_past_width() lets a dump with many lines past MAX_WIDTH skip the evidence test:
    on pages around its bound (wrapped stories with more and more unbreakable long lines, long
    list items that are no evidence, paragraphs a line) it must say what the full test says."""
    from cleaner import reflow as module
    long_link = "Source: " + "https://example.com/" + "x" * 170
    long_item = "- " + " ".join(PARAGRAPHS)
    pages = [text.splitlines() for _, text, _, _ in seeds()]
    for width in (60, 78, 100, 140):
        story = wrapped(MENU + [p for para in PARAGRAPHS * 3 for p in ("", para)], width).splitlines()
        for extra in range(8):
            pages.append(story + [long_link] * extra)
            pages.append(story + [long_item] * extra + [long_link] * (extra // 2))
            pages.append(story[:12 + 4 * extra] + [PARAGRAPHS[0] * 2] * extra)
    pages.append(MENU + PARAGRAPHS * 4)
    fast = [wrap_width(lines) for lines in pages]
    exits = sum(module._too_many_past_width(
        [s for s in lines if len(s) >= module.MIN_EVIDENCE_CHARS]) for lines in pages)
    monkeypatch.setattr(module, "_too_many_past_width", lambda longer: False)
    assert fast == [wrap_width(lines) for lines in pages]
    assert 0 < exits < len(pages) and any(fast) and None in fast


def _w3m_footnotes():
    # arlafoodsingredients.com as w3m dumps it: two footnotes under "*" and "**", indented by four
    # columns and wrapped at the screen's width counting the indent
    import gzip
    from pathlib import Path
    path = Path(__file__).resolve().parents[1] / "fixtures" / "text" / "wcxb-0124.w3m.txt.gz"
    return gzip.open(path, "rt", encoding="utf-8").read()


KOSHER = ("Our website contains information on different approvals of Kosher. Only products from our "
          "plants in Europe have the approval to use this logo. Please ask us for specific information "
          "on your product in regards to the Kosher approval.")


def test_indented_wrapped_lines_are_joined_by_their_printed_length():
    """A console browser wraps an indented line at the screen's width counting its indent, so the
    stripped line ends that much short of the width: read by its printed length, it is joined."""
    text = _w3m_footnotes()
    lines = dump_lines(text)
    assert KOSHER not in reflow_lines(lines)          # (the indent unknown: the footnote stays cut)
    assert KOSHER in reflow_lines(lines, text)
    assert KOSHER in reflow(text).splitlines()
    assert KOSHER in Cleaner(site_rules=False).document(text, "text").texts   # (the library passes the dump)
    joined = reflow(text).splitlines()
    assert "*" in joined and "**" in joined            # the marks above each footnote keep their lines
    assert "".join(joined).replace(" ", "") == "".join(text.split())


def test_a_line_starting_further_left_or_deeper_is_not_a_continuation():
    """A wrapped line goes on at its own left edge (a list item's text a few columns in): a
    near-width line followed by a line at another indent ends there."""
    body = [textwrap.wrap(p, 96) for p in PARAGRAPHS]

    def page(first, rest):
        return "\n\n".join("\n".join((first if k == 0 else rest) + line for k, line in enumerate(lines))
                           for lines in body)
    for first, rest in (("  ", "  "), ("  ", "    "), ("", "")):
        assert [s for s in reflow(page(first, rest)).splitlines() if s] == PARAGRAPHS
    for first, rest in (("  ", "          "), ("      ", "  ")):
        assert len([s for s in reflow(page(first, rest)).splitlines() if s]) == sum(map(len, body))


def test_a_centred_line_goes_on_centred():
    """links centres a heading and wraps it centred: its second line starts far to the right, under
    the middle of the first, and still goes on it."""
    head = "I Cavalieri dello Zodiaco diventeranno un film: lo faranno i produttori de il Signore degli"
    body = [textwrap.wrap(p, 96) for p in PARAGRAPHS]
    story = "\n\n".join("\n".join(lines) for lines in body)
    left = (100 - len(head)) // 2
    tail = "Anelli?"
    page = " " * left + head + "\n" + " " * (left + (len(head) - len(tail)) // 2) + tail + "\n\n" + story
    assert head + " " + tail in reflow(page).splitlines()
    shifted = " " * left + head + "\n" + " " * (left + len(head) - len(tail)) + tail + "\n\n" + story
    assert head in reflow(shifted).splitlines()     # (further right than centred: a block of its own)
