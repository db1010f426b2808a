from cleaner.cleaners.duplicates import Duplicates
from tests.helpers import kept, reasons, run

P1 = "Kim met three times with former president Donald Trump, who boasted of stopping a war."


def test_doubled_teaser_titles():
    t = "Former US Secretary Colin Powell dies of COVID-19 complications"
    doc = run(Duplicates(), f"{P1}\n{t} {t}")
    assert reasons(doc) == {f"{t} {t}": "duplicates:doubled-title"}


def test_repeated_line_keeps_first_copy():
    doc = run(Duplicates(), f"{P1}\nSomething else entirely here.\n{P1}")
    assert kept(doc) == [P1, "Something else entirely here."]
    assert [r.rule for r in doc.removals()] == ["repeated-line"]


def test_near_misses_stay():
    lines = ["New York New York", "Bora Bora", "very very good indeed here", "Reply", "Reply"]
    assert kept(run(Duplicates(), "\n".join(lines))) == lines
