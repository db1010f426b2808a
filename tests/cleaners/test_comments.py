from cleaner.cleaners.comments import Comments
from tests.helpers import kept, reasons, run

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
