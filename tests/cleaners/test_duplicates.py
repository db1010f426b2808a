from cleaner.cleaners.duplicates import Duplicates
from tests.helpers import kept, reasons, run

P1 = "Kim met three times with former president Donald Trump, who boasted of stopping a war."


def test_doubled_teaser_titles():
    t = "Former US Secretary Colin Powell dies of COVID-19 complications"
    doc = run(Duplicates(), f"{P1}\n{t} {t}")
    assert reasons(doc) == {f"{t} {t}": "duplicates:doubled-title"}


def test_repeated_headline_keeps_first_copy():
    teaser = "Night vision helicopter joins efforts to extinguish Turkey wildfires"
    doc = run(Duplicates(), f"{teaser}\n{P1}\n{teaser}")
    assert kept(doc) == [teaser, P1]
    assert [r.rule for r in doc.removals()] == ["repeated-line"]


def test_repeated_sentences_stay():
    question = "What inspired you to start a cooking page?"
    lines = [question, P1, question, P1]
    assert kept(run(Duplicates(), "\n".join(lines))) == lines


def test_near_misses_stay():
    lines = ["New York New York", "Bora Bora", "very very good indeed here", "Reply", "Reply"]
    assert kept(run(Duplicates(), "\n".join(lines))) == lines
