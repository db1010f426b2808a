import pytest

from cleaner import Cleaner
from cleaner.cleaners.comments import Comments
from tests.helpers import BENCH, bench_record, kept, reasons, run

COMMENT = "It would be nice if Apple switched to a 14 inch MacBook Pro with slimmer bezels."


def test_drops_comment_chrome_around_comments():
    chrome = ["Rating: 25 Votes", "2 days ago at 07:50 am", "Reply", "• Report abuse", "12 Comments",
              "an hour ago", "Leave a Reply", "Your email address will not be published.",
              "Required fields are marked *", "Notify me of new comments via email.",
              "Please log in using one of these methods to post your comment:"]
    doc = run(Comments(), "\n".join([COMMENT, *chrome, COMMENT]))
    assert kept(doc) == [COMMENT, COMMENT]
    assert set(reasons(doc).values()) == {"comments:comment-control", "comments:comment-chrome"}


def test_keeps_the_comments_and_sentences_about_replies_or_ratings():
    lines = [COMMENT,
             "Reply to the ministry's letter was expected within 2 days, officials said.",
             "The rating agency cut the bond to junk 2 days ago at the close of trading on Friday.",
             "12 comments were removed by moderators after the thread was locked.",
             "Rating: the film earns four stars out of five for its score and photography."]
    assert kept(run(Comments(), "\n".join(lines))) == lines


def test_near_misses_stay():
    lines = ["Replying", "Reports", "2 days ago we met the minister", "Score: a draw at half time",
             "Comments on the draft law close on 12 May"]
    assert kept(run(Comments(), "\n".join(lines))) == lines


BODY = ["Chargers coach Anthony Lynn recognizes that his team's playoff hopes are slim after the loss.",
        "At 4-7, the Chargers would probably not make the playoffs even if they won every game left."]
THREAD = ["34 responses to “ Anthony Lynn: “We needed to win this game” ”",
          "It's time for both Chargers fans to come to grips with reality, it's over yet again.",
          "joetoronto says:", "Rivers is done. Get a new QB, Chargers. Philip has hit the wall."]


def test_drops_the_thread_from_its_heading_to_the_end():
    doc = run(Comments(), "\n".join(BODY + THREAD))
    assert kept(doc) == BODY
    assert reasons(doc)[THREAD[0]] == "comments:thread"
    assert reasons(doc)[THREAD[1]] == "comments:thread"


def test_thread_heading_forms_and_marks():
    for heading in ["6 thoughts on “How to Adopt an Online Leader Success Mindset”",
                    "* 15 Replies to \"Open-sourcing the CAD Files\"", "### 2 responses to «A guide»",
                    "1,024 Comments on “The December Comfort Watches”", "One response to ‘Why we left’",
                    "10 comments:"]:
        assert kept(run(Comments(), "\n".join(BODY + [heading, THREAD[1]]))) == BODY, heading


def test_thread_heading_with_no_body_before_it_stays():
    # A page that is the thread itself (or a heading the body's paragraphs do not precede).
    lines = THREAD[:2] + BODY
    assert kept(run(Comments(), "\n".join(lines))) == lines


def test_thread_heading_near_misses_stay():
    lines = BODY + ["3 thoughts on “freedom” came up in the debate, and the senator answered none of them.",
                    "Thoughts on “The December Comfort Watches”", "34 responses to the survey",
                    "10 comments on “Title” and more", "Comments:", BODY[0]]
    assert kept(run(Comments(), "\n".join(lines))) == lines


@pytest.mark.skipif(not (BENCH / "aeb.text.jsonl.gz").exists(),
                    reason="the shared benchmark folder ../shared/bench is not present")
def test_real_capture_loses_its_comment_thread():
    # A sports story followed by "34 responses to “...”" and the readers' comments, which the
    # classifier keeps (they are prose).
    page = bench_record("aeb", "8e3efab59f48fd29")
    result = Cleaner(site_rules=False).clean(page["text"], url=page["url"], kind="text")
    assert result.text.endswith("Lynn is right: The Chargers needed to win that game.")
    thread = [r.text for r in result.removed if r.rule == "thread"]
    assert thread[0].startswith("34 responses to") and "sammievee says:" in thread
