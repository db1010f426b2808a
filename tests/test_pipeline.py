"""The pipeline's shared machinery: disabling by name, provenance, the over-cleaning guard, and
one Cleaner serving many threads."""
from concurrent.futures import ThreadPoolExecutor

import pytest

from cleaner import Cleaner, ConfigError, clean
from cleaner.cleaners.base import Cleaner as Step
from cleaner.document import Document
from cleaner.options import Options
from cleaner.pipeline import Pipeline
from tests.helpers import seeds

SEEDS = list(seeds())


def test_disable_by_name_keeps_what_that_cleaner_removes():
    _, text, _, _ = next(s for s in SEEDS if s[0].startswith("004"))
    assert "follow our Google News" not in Cleaner().clean(text).text
    assert "follow our Google News" in Cleaner(disable=["promos"], site_rules=False).clean(text).text


def test_unknown_cleaner_name_is_a_config_error():
    with pytest.raises(ConfigError, match="unknown cleaner nope"):
        Cleaner(disable=["nope"])


def test_every_removal_names_cleaner_and_rule():
    _, text, _, _ = next(s for s in SEEDS if s[0].startswith("004"))
    result = clean(text)
    names = set(Cleaner().cleaner_names)
    assert result.removed and all(r.cleaner in names and r.rule for r in result.removed)
    d = result.to_dict()
    assert d["title"] == result.title and d["text"] == result.text
    assert {"text", "cleaner", "rule", "index"} <= set(d["removed"][0])


class DropEverything(Step):
    """A deliberately broken step: drops every block."""

    name = "drop_everything"

    def apply(self, doc, options):
        for i in range(len(doc)):
            doc.drop(i, self.name, "all")


def test_guard_undoes_a_step_that_removes_nearly_everything():
    _, text, expected, _ = SEEDS[0]
    doc = Pipeline([DropEverything()]).run(Document.from_text(text), Options())
    assert doc.body() == text.strip().replace("\n\n", "\n").replace("\n", "\n\n")
    assert doc.guarded == ["drop_everything"]


class TrimThenDropEverything(Step):
    """A broken step that also trims, sets the title and reads the page's facts before it drops
    every block: undoing it must restore all of that."""

    name = "trim_then_drop"

    def apply(self, doc, options):
        doc.title, doc.description = "A title", "A standfirst"
        for i in range(len(doc)):
            doc.trim(i, 0, 4, self.name, "head")
        doc.trim(0, 0, 2, self.name, "again")  # a block trimmed twice gets its first text back
        assert doc.facts().texts is doc.texts
        doc.drop_each(((i, "all") for i in range(len(doc))), self.name)


class DropFirst(Step):
    name = "drop_first"

    def apply(self, doc, options):
        doc.drop(0, self.name, "first")


def test_guard_undo_restores_the_page_exactly():
    _, text, _, _ = SEEDS[0]
    before = Pipeline([DropFirst()]).run(Document.from_text(text), Options())
    doc = Pipeline([DropFirst(), TrimThenDropEverything()]).run(Document.from_text(text), Options())
    assert doc.guarded == ["trim_then_drop"]
    for name in ("texts", "dropped", "trims", "kept_chars", "title", "description"):
        assert getattr(doc, name) == getattr(before, name), name
    assert doc.facts().lens.tolist() == before.facts().lens.tolist()  # facts of the restored texts
    assert doc.body() == before.body() and doc.removals() == before.removals()


def test_guard_leaves_short_pages_alone():
    doc = Pipeline([DropEverything()]).run(Document.from_text("Home\nMenu"), Options())
    assert doc.body() == ""


def test_one_cleaner_many_threads_same_results():
    cleaner = Cleaner()
    inputs = [s[1] for s in SEEDS] * 8
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda t: cleaner.clean(t).text, inputs))
    assert results == [cleaner.clean(t).text for t in inputs]


def test_bytes_and_str_inputs_and_bad_types():
    assert clean(b"").text == ""
    with pytest.raises(Exception, match="str or bytes"):
        clean(12)  # type: ignore[arg-type]


# URLs site_from_url reads with its one-match shortcut, and URLs it must leave to urlsplit (a user,
# a port, IPv6 brackets, whitespace, control characters, no scheme, non-ASCII hosts).
SITE_URLS = [
    "https://www.upi.com/Top_News/2021/06/21/", "http://WWW.Example.COM", "HTTP://x.COM?q=1#f",
    "https://news.example.co.uk#top", "ftp://a-b.c/", "a1+.-://h.x/", "http://", "http:///path",
    "http://www.", "https://user:pw@www.x.com/a", "https://x.com@y.com/", "http://x.com:8080/",
    "http://[::1]/", " http://x.com/", "http://x.com\t/a", "http://x.\tcom/", "http://x.com\n",
    "x.com/a", "//x.com", "1http://x.com/", "mailto:x@y.com", "http://exa\u00e9mple.com/",
    "http://x.com/\u00e9", "http://x.com%20/", "http://xn--bcher-kva.example/",
]


@pytest.mark.parametrize("url", SITE_URLS)
def test_site_from_url_reads_hosts_as_urlsplit_does(url):
    from urllib.parse import urlsplit

    from cleaner.api import site_from_url
    host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    assert site_from_url(url) == (host[4:] if host.startswith("www.") else (host or None))
