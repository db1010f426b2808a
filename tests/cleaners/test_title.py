from cleaner.cleaners.title import Title
from tests.helpers import kept, run

P1 = ("The US special envoy for North Korea said Monday that he hopes leaders in Pyongyang "
      "would be willing to meet for talks.")
P2 = "Sung Kim made the comments from Seoul, where he met with South Korean and Japanese officials."


def test_headline_and_standfirst():
    head = "US Envoy Offers to Meet North Korea ‘Anytime, Anywhere’ for Talks"
    stand = ("North Korean leader Kim Jong-Un said last week that he was prepared for "
             "'dialogue or confrontation' with the Biden administration")
    doc = run(Title(), f"{head}\n\n{stand}\n\n{P1}\n\n{P2}")
    assert doc.title == head and doc.description == stand
    assert kept(doc) == [P1, P2]


def test_headline_printed_twice_wins_over_a_menu_label():
    head = "US renews calls for talks with North Korea"
    doc = run(Title(), f"World News Today\n{head}\nSome caption that is here\n{head}\n{P1}\n{P2}")
    assert doc.title == head
    assert head not in kept(doc)


def test_page_title_with_site_suffix():
    head = "New York State Attorney General investigating WeWork"
    doc = run(Title(), f"{head} | VentureBeat\nChannels\n{head}\n{P1}\n{P2}")
    assert doc.title == head
    assert kept(doc) == ["Channels", P1, P2]


def test_no_title_when_page_opens_with_prose():
    doc = run(Title(), f"{P1}\n{P2}")
    assert doc.title is None and kept(doc) == [P1, P2]
