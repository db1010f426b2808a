from cleaner.cleaners.related import Related
from tests.helpers import kept, reasons, run

P1 = "A US envoy made a new appeal Monday for talks with North Korea, insisting the US has no hostile intent."
P2 = "President Joe Biden has promised to keep seeking diplomacy but with a more low-key approach to progress."


def test_read_more_marker_and_teasers_then_prose_resumes():
    doc = run(Related(), f"{P1}\nRead more:\nN.Korean leader says US threatens peace\n"
                         f"North Korea says call to end war is premature\n{P2}")
    assert kept(doc) == [P1, P2]
    r = reasons(doc)
    assert r["Read more:"] == "related:related-marker"
    assert r["North Korea says call to end war is premature"] == "related:teaser"


def test_rails_run_to_the_end_of_the_page():
    doc = run(Related(), f"{P1}\n{P2}\nEditor's Choice\nIran to sign agreement with Venezuela\n"
                         "Top Content\nExplosion at refinery results in minor injuries\nExplore More")
    assert kept(doc) == [P1, P2]
    assert reasons(doc)["Editor's Choice"] == "related:rail-to-end"


def test_read_more_sentence_in_body_stays():
    line = "Read more about the findings in the full report, which the agency published on Monday."
    assert kept(run(Related(), f"{P1}\n{line}\n{P2}")) == [P1, line, P2]


def test_trailing_headline_heads_nothing():
    doc = run(Related(), f"{P1}\n{P2}\nNorth Korea slams Israel over conflict")
    assert reasons(doc) == {"North Korea slams Israel over conflict": "related:trailing-headline"}


def test_subheading_followed_by_prose_stays():
    assert kept(run(Related(), f"{P1}\nReady for any eventuality\n{P2}")) == [
        P1, "Ready for any eventuality", P2]
