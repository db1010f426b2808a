"""The HTML path on real captured pages (fixtures/html) and on small built pages: what the body
keeps and drops, the title, blocks for --explain, the site selector hook, charsets, and parsing
once."""
from __future__ import annotations

import codecs
import gzip
import html
import json

import pytest
import trafilatura
from lxml import etree
from lxml.html import HtmlElement

from cleaner import Cleaner, ConfigError, clean
from cleaner.html import extract as extract_module
from cleaner.html.chunks import join_split_body
from cleaner.html.extract import extract
from cleaner.html.parse import parse
from tests.helpers import ROOT

FIXTURES = ROOT / "fixtures" / "html"
CASES = json.loads((FIXTURES / "cases.json").read_text(encoding="utf-8"))


def page(case: dict) -> str:
    with gzip.open(FIXTURES / case["file"], "rt", encoding="utf-8") as f:
        return f.read()


def flat(text: str) -> str:
    return " ".join(text.split())


def counts_with_and_without(monkeypatch, file_prefix: str, sentence: str, step: str) -> tuple[int, int]:
    """How often `sentence` is in the generic body (site rules off) of the fixture case whose file
    starts with `file_prefix`: with `extract`'s step `step`, then with that step doing nothing."""
    case = next(c for c in CASES if c["file"].startswith(file_prefix))

    def count() -> int:
        return flat(Cleaner(site_rules=False).clean(page(case), url=case["url"], kind="html").text).count(sentence)

    with_step = count()
    monkeypatch.setattr(extract_module, step, lambda doc, *args: None)
    return with_step, count()


def assert_a_recorded_extract_step(monkeypatch, step: str, rule: str, function: str) -> dict:
    """The fixture case marked `step`, a page that is no article: cleaned (site rules off), its
    `keep` snippets are in the body and its `drop` snippets are gone, each recorded as removed by
    `extract` with `rule` (so --explain says why it went); with `extract`'s `function` doing
    nothing (left so on return), both are in the body. Returns the case."""
    case = next(c for c in CASES if c.get("step") == step)

    def body_and_removed() -> tuple[str, str]:
        result = Cleaner(site_rules=False).clean(page(case), url=case["url"], kind="html")
        removed = " ".join(r.text for r in result.removed if (r.cleaner, r.rule) == ("extract", rule))
        return flat(result.text), flat(removed)

    tree, _, declared = extract_module.read_page(page(case))
    assert not extract_module.extraction(tree, case["url"], declared)[2]   # no article: the step runs
    body, removed = body_and_removed()
    assert all(flat(s) in body for s in case["keep"])
    assert not any(flat(s) in body for s in case["drop"])
    assert all(flat(s) in removed for s in case["drop"])
    monkeypatch.setattr(extract_module, function, lambda doc, *args: None)
    body, _ = body_and_removed()
    assert all(flat(s) in body for s in case["keep"] + case["drop"])
    return case


@pytest.mark.parametrize("case", CASES, ids=[c["file"].split(".")[0] for c in CASES])
def test_real_page_keeps_the_body_and_drops_the_chrome(case):
    body = flat(clean(page(case), url=case["url"]).text)
    for snippet in case["keep"]:
        assert flat(snippet) in body
    for snippet in case["drop"]:
        assert flat(snippet) not in body


SCRIPTED = json.loads((FIXTURES / "scripted.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", SCRIPTED, ids=[c["file"].split(".")[0] for c in SCRIPTED])
def test_a_page_whose_content_scripts_draw_has_an_empty_body(case):
    result = Cleaner(site_rules=False).clean(page(case), url=case["url"], kind="html")
    assert result.text == ""
    thin = [r for r in result.removed if r.cleaner == "extract"]
    assert thin and all(r.rule == "thin-body" for r in thin)


def test_a_short_real_body_is_kept():
    markup = built("<article><p>" + PARAGRAPHS[0] + "</p></article>")
    assert flat(clean(markup).text) == PARAGRAPHS[0]


FEATURES = ["Hundreds of new tasks for the weekend", "Dozens of tricky questions for two",
            "Challenges that last a whole week", "Quizzes and bonuses in every round"]


def test_list_items_closing_an_html_body_are_body_though_a_dump_would_drop_them():
    # In a text dump, headline-like lines with no prose after them are teasers; in HTML they are
    # the extraction's list items (features, specifications) and stay.
    markup = built("<article>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
                   + "<ul>" + "".join(f"<li>{f}</li>" for f in FEATURES) + "</ul></article>")
    cleaner = Cleaner(site_rules=False)
    html_body = cleaner.clean(markup, kind="html").text
    assert all(f in html_body for f in FEATURES)
    dump = cleaner.clean("\n".join(PARAGRAPHS + FEATURES), kind="text")
    assert any(r.cleaner == "related" and r.text in FEATURES for r in dump.removed)


def test_title_comes_from_the_page_and_leaves_the_body():
    case = next(c for c in CASES if c["id"].startswith("14cc2a0c"))
    result = clean(page(case), url=case["url"])
    title = "NASA Just Confirmed There Are Water Plumes Above The Surface of Jupiter's Moon Europa"
    assert result.title == title
    assert result.kind == "html"
    assert title not in result.text


def test_paragraphs_headings_and_items_are_separate_blocks():
    case = next(c for c in CASES if c["id"] == "0369")   # a glossary page with a list
    doc = clean(page(case), url=case["url"]).document
    assert len(doc) > 5
    assert {"p", "li"} <= set(doc.kinds)
    # each kept snippet sits inside one block, not spread over a page-long one
    for snippet in case["keep"]:
        assert any(flat(snippet) in t for t in doc.texts)
    assert max(map(len, doc.texts)) < len(flat(" ".join(doc.texts))) / 3


# built pages -----------------------------------------------------------------------------------

PARAGRAPHS = [
    "The river rose four metres overnight and the town council opened two shelters near the station.",
    "Volunteers carried sandbags to the bakery on Mill Street, where water had reached the ovens by dawn.",
    "Forecasters expect the rain to ease on Thursday, though the ground is too wet to absorb much more.",
    "The mayor said the new flood wall had held and that repairs to the old bridge would start next month.",
]


def built(body: str, head: str = "") -> str:
    return (f"<!DOCTYPE html><html><head><title>Flood news | Example Times</title>{head}</head>"
            f"<body><nav class='menu'><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            f"{body}<footer>Copyright Example Times</footer></body></html>")


ARTICLE = "<article>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</article>"


def test_drop_selectors_remove_the_element_but_keep_the_text_after_it():
    markup = built("<article><p>" + PARAGRAPHS[0] + " <span class='ad'>BUY SHOES NOW</span> "
                   + PARAGRAPHS[1] + "</p>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS[2:]) + "</article>")
    plain = flat(" ".join(extract(markup).texts))
    assert "BUY SHOES NOW" in plain
    dropped = flat(" ".join(extract(markup, drop_selectors=["span.ad"]).texts))
    assert "BUY SHOES NOW" not in dropped
    assert PARAGRAPHS[1] in dropped      # the tail of the dropped span stays


def test_body_selector_extracts_from_the_matched_element_only():
    aside = "<aside id='more'>" + "".join(
        f"<p>Sponsored story number {i} is about a completely different subject, gardening tools "
        f"and the price of lawn mowers in the spring sale.</p>" for i in range(4)) + "</aside>"
    markup = built(ARTICLE + aside)
    whole = flat(" ".join(extract(markup).texts))
    only = flat(" ".join(extract(markup, body_selector="#more").texts))
    assert "lawn mowers" in only and PARAGRAPHS[0] not in only
    assert PARAGRAPHS[0] in whole


def test_body_selector_that_matches_nothing_falls_back_to_the_whole_page():
    markup = built(ARTICLE)
    assert extract(markup, body_selector="div.no-such-thing").texts == extract(markup).texts


def test_an_invalid_selector_is_a_config_error_naming_it():
    with pytest.raises(ConfigError, match=r"div\[\["):
        extract(built(ARTICLE), drop_selectors=["div[["])


def test_jsonld_article_body_replaces_a_truncated_extraction():
    declared = " ".join(PARAGRAPHS * 3)
    head = ('<script type="application/ld+json">'
            + json.dumps({"@type": "NewsArticle", "articleBody": declared}) + "</script>")
    markup = built("<article><p>" + PARAGRAPHS[0] + "</p><p>Subscribe to read the rest.</p></article>", head)
    body = flat(clean(markup).text)
    assert body.count(PARAGRAPHS[3]) == 3


def test_markup_in_a_jsonld_article_body_is_neither_counted_nor_kept():
    paragraphs = "".join(f'<div align="center"><img src="https://example.com/{n}.jpg" alt="">'
                         f'<span class="caption">Photo {n}</span></div><p>{p}</p>'
                         for n, p in enumerate(PARAGRAPHS))
    head = ('<script type="application/ld+json">'
            + json.dumps({"@type": "NewsArticle", "articleBody": html.escape(paragraphs)}) + "</script>")
    markup = built("<article>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</article>", head)
    body = clean(markup).text
    assert "img" not in body and "&lt;" not in body and "<" not in body
    assert flat(body) == flat("\n".join(PARAGRAPHS))


MORE_PARAGRAPHS = [
    "Schools in the lower town stay closed until the water has gone down and the buildings are checked.",
    "The railway expects trains to run again on Saturday, once engineers have inspected the embankment.",
    "Insurers have sent assessors to the high street, where most shops lost their stock on the ground floor.",
    "Residents who left their homes are asked to register at the town hall so the council can reach them.",
]


def chunked(*parts: list[str]) -> str:
    """An article cut into containers of one class, each beside an ad rail, as some publishers do."""
    return built("<main>" + "".join(
        "<div class='row'><div class='article__body'>" + "".join(f"<p>{p}</p>" for p in part)
        + "</div><aside class='rail'>Advertisement</aside></div>" for part in parts) + "</main>",
        head='<meta property="og:type" content="article">')


def longer(paragraphs: list[str]) -> list[str]:
    """Paragraphs twice as long, so that each chunk is a few paragraphs of a story."""
    return [p + " " + q for p, q in zip(paragraphs, paragraphs[1:] + paragraphs[:1])]


STORY, REST = longer(PARAGRAPHS), longer(MORE_PARAGRAPHS)


def test_a_story_split_into_chunks_is_extracted_whole():
    markup = chunked(STORY, REST)
    first = extract_module.main_blocks(parse(markup), None, fast=True)[0]
    assert flat(" ".join(first)) == flat(" ".join(STORY))  # the extractor alone stops early
    assert flat(" ".join(extract(markup).texts)) == flat(" ".join(STORY + REST))


def test_a_small_block_sharing_the_story_class_is_not_joined_to_it():
    tree = parse(chunked(STORY, REST[:1]))
    before = etree.tostring(tree)
    assert not join_split_body(tree, STORY)
    assert etree.tostring(tree) == before


def test_chunks_the_extraction_already_holds_are_left_alone():
    tree = parse(chunked(STORY, REST))
    assert not join_split_body(tree, STORY + REST)
    assert not join_split_body(tree, REST)  # the extraction took a later chunk, not the first


def test_cards_with_headlines_between_them_are_not_one_story():
    byline = "<p class='byline'>By a staff writer in the newsroom, updated an hour ago</p>"
    cards = built("<main>" + "".join(
        f"<h3>Story {n}</h3>{byline}<div class='article__body'>"
        + "".join(f"<p>{p}</p>" for p in part) + "</div>"
        for n, part in enumerate((STORY, REST))) + "</main>",
        head='<meta property="og:type" content="article">')
    assert not join_split_body(parse(cards), STORY)


def test_the_page_is_parsed_once_and_trafilatura_gets_the_tree(monkeypatch):
    seen = []
    real = trafilatura.bare_extraction

    def spy(content, **kwargs):
        seen.append(content)
        return real(content, **kwargs)

    parses = []
    real_parse = extract_module.parse
    monkeypatch.setattr(extract_module.trafilatura, "bare_extraction", spy)
    monkeypatch.setattr(extract_module, "parse", lambda m: parses.append(m) or real_parse(m))
    forum = '<script type="application/ld+json">{"@type": "DiscussionForumPosting"}</script>'
    for markup in (built(ARTICLE), built(ARTICLE, forum)):
        seen.clear()
        parses.clear()
        extract(markup)
        assert len(parses) == 1
        assert seen and all(isinstance(t, HtmlElement) for t in seen)
        assert len({id(t) for t in seen}) == 1   # a second gear reuses the same parsed tree


def test_trafilatura_is_not_asked_for_a_text_copy_of_the_body(monkeypatch):
    """The body is read from trafilatura's XML tree; its plain-text rendering (`xmltotxt`, which
    `bare_extraction` runs for its default "python" output) is never needed, and cost 2% of a
    call. A real page that takes both gears must come out the same with that rendering broken.
    If trafilatura moves `xmltotxt`, setattr fails here: find where bare_extraction renders text."""
    import trafilatura.core

    case = next(c for c in CASES if c["file"].startswith("wcxb-0134"))
    before = extract(page(case), url=case["url"]).texts

    def refuse(*args, **kwargs):
        raise AssertionError("trafilatura rendered the body as text")

    monkeypatch.setattr(trafilatura.core, "xmltotxt", refuse)
    assert extract(page(case), url=case["url"]).texts == before


def test_whether_the_page_is_an_article_is_asked_once_a_page(monkeypatch):
    """The gears and the rules after them share one answer (it reads the head's meta tags)."""
    case = next(c for c in CASES if c["file"].startswith("wcxb-0134"))   # takes both gears
    calls = []
    real = extract_module.looks_like_article
    monkeypatch.setattr(extract_module, "looks_like_article", lambda *a: calls.append(a) or real(*a))
    extract(page(case), url=case["url"])
    assert len(calls) == 1


# charsets --------------------------------------------------------------------------------------

def charset_page(body: str, charset: str | None) -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    paragraphs = "".join(f"<p>{body} {p}</p>" for p in PARAGRAPHS)
    return f"<!DOCTYPE html><html><head>{meta}<title>t</title></head><body><article>{paragraphs}</article></body></html>"


@pytest.mark.parametrize("label,body,encode", [
    ("cp1252", "Café déjà vu: “quoted” – naïve façade €5", lambda s: s.encode("cp1252")),
    ("shift_jis", "東京の天気は晴れです。明日は雨が降るでしょう。", lambda s: s.encode("shift_jis")),
    ("utf-16", "Ünïcödé in UTF-16 with a byte order mark: ½ ñ ß",
     lambda s: codecs.BOM_UTF16_LE + s.encode("utf-16-le")),
])
def test_bytes_in_any_charset_decode_to_the_right_text(label, body, encode):
    declared = {"cp1252": "windows-1252", "shift_jis": "shift_jis", "utf-16": None}[label]
    data = encode(charset_page(body, declared))
    result = Cleaner().clean(data)
    assert result.kind == "html"
    assert body in result.text


@pytest.mark.parametrize("selector", ["html", "body", "head"])
def test_body_selector_naming_the_whole_page_changes_nothing(selector):
    markup = built(ARTICLE)
    assert extract(markup, body_selector=selector).texts == extract(markup).texts


def test_empty_and_textless_pages_give_an_empty_body():
    for markup in ("<html><body></body></html>", "<html><body><script>var a = 1;</script></body></html>",
                   "<!DOCTYPE html><html><head><title>Only a title</title></head></html>"):
        result = clean(markup)
        assert result.kind == "html" and result.text == ""


def test_a_layout_table_row_is_split_into_its_paragraphs():
    markup = built("<table><tr><td class='story'><h1>Flood closes the old bridge</h1>"
                   + "".join(f"<p>{p}</p>" for p in STORY) + "</td></tr></table>")
    texts = extract(markup, classify=False).texts
    assert [t for t in texts if t in STORY] == STORY  # one block a paragraph, none run together
