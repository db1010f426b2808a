from cleaner.cleaners.promos import Promos
from tests.helpers import kept, reasons, run

BODY = "Sung Kim met in Washington with his South Korean counterpart ahead of a meeting."


def test_drops_calls_to_action():
    promos = ["For the latest headlines, follow our Google News channel online or via the app.",
              "Get the latest stories from AlArabiya on Google News",
              "Follow VentureBeat on Twitter",
              "Sign up for our free morning newsletter",
              "We use cookies to improve your experience. Accept cookies",
              "• Download the Example app"]
    doc = run(Promos(), "\n".join([BODY, *promos, BODY]))
    assert kept(doc) == [BODY, BODY]
    assert set(reasons(doc).values()) == {"promos:call-to-action"}


def test_keeps_prose_about_newsletters_and_following():
    lines = ["Officials will follow the talks closely, the ministry said in a statement on Monday.",
             "The company said its newsletter had grown to two million readers, and that it would "
             "sign up for more advertising partners next year as subscriptions rise again."]
    assert kept(run(Promos(), "\n".join(lines))) == lines
