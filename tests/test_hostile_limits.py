"""The limits and parser settings behind hostile-input handling, in-process: the size limit cuts
and says so, deep nesting is flattened instead of dropped or crashing, entities are never expanded,
and a page that breaks the cleaner is one line naming it."""
from __future__ import annotations

import gzip
import io
import sys

import pytest

from cleaner import Cleaner, Options, clean
from cleaner.batch import clean_record
from cleaner.cli import main
from cleaner.errors import ConfigError
from cleaner.html.parse import MAX_DEPTH, flatten, parse
from cleaner.io.jsonl import Record
from cleaner.limits import strip_inert
from tests.hostile import ARTICLE, ARTICLE_2, page

LINES = [f"Line {i} of a long text dump, long enough to be a sentence of the body." for i in range(200)]


def depth(tree) -> int:
    return max(sum(1 for _ in el.iterancestors()) for el in tree.iter())


# the size limit ------------------------------------------------------------------------------

def test_a_long_text_is_cut_at_a_line_break_and_the_cut_recorded():
    text = "\n".join(LINES)
    result = Cleaner(options=Options(max_chars=1000)).clean(text, kind="text")
    assert result.truncated and "max_chars is 1,000" in result.truncated
    assert result.to_dict()["truncated"] == result.truncated
    assert len(result.text) <= 1000
    assert all(line in LINES for line in result.text.split("\n\n"))  # no half lines


def test_a_page_within_the_limit_is_whole():
    result = clean("\n".join(LINES), kind="text")
    assert result.truncated is None and "truncated" not in result.to_dict()


def test_bytes_cut_inside_a_character_do_not_garble_the_page():
    text = "Grüße aus Köln, schöne Straßen. " * 200
    result = Cleaner(options=Options(max_chars=1001)).clean(text.encode("utf-8"), kind="text")
    assert result.truncated and "\ufffd" not in result.text and "Ã" not in result.text
    assert result.text.startswith("Grüße aus Köln")


def test_scripts_go_before_the_article_is_cut():
    state = "<script>" + "var x = 1;" * 50_000 + "</script>"
    markup = page(f"<p>{ARTICLE}</p><p>{ARTICLE_2}</p>", head=state)
    result = Cleaner(options=Options(max_chars=100_000)).clean(markup.encode())
    assert ARTICLE in result.text and ARTICLE_2 in result.text
    assert result.truncated is None  # nothing of the page's text was lost


def test_strip_inert_keeps_json_ld_and_text_and_is_safe_on_unclosed_tags():
    markup = ('<p>a</p><script type="application/ld+json">{"x": 1}</script><style>p{}</style>'
              '<!-- c --><svg><text>t</text></svg><p>b</p><script>var y;')
    assert strip_inert(markup) == '<p>a</p><script type="application/ld+json">{"x": 1}</script><p>b</p>'
    assert strip_inert(markup.encode()) == strip_inert(markup).encode()
    hostile = "<p>kept</p>" + "<script " * 100_000  # no ">" after them: one search, not 100,000
    assert strip_inert(hostile) == "<p>kept</p>"


def test_a_gzip_bomb_stops_at_the_limit():
    bomb = gzip.compress(b"<html><body><p>" + b"lol " * 5_000_000)
    result = Cleaner(options=Options(max_chars=10_000)).clean(bomb)
    assert result.truncated and "max_chars" in result.truncated
    assert len(result.text) <= 10_000


def test_a_truncated_gzip_page_is_cleaned_as_far_as_it_goes():
    filler = "".join(f"<p>Paragraph {i} of a long story, reference {i * 7919 % 10007:05d}.</p>" for i in range(3000))
    data = gzip.compress(page(f"<p>{ARTICLE}</p>{filler}").encode())
    result = clean(data[: len(data) // 2])
    assert ARTICLE in result.text and "ends early" in result.truncated


def test_corrupt_gzip_and_binary_data_are_no_page_and_say_why():
    corrupt = clean(b"\x1f\x8b\x08\x00" + b"\xff" * 100)
    assert "corrupt gzip" in corrupt.not_a_page and corrupt.text == ""
    pdf = clean(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", url="https://example.com/a.pdf")
    assert "a PDF file" in pdf.not_a_page and pdf.text == "" and pdf.site == "example.com"
    assert pdf.to_dict()["not_a_page"] == pdf.not_a_page


@pytest.mark.parametrize("name", ["max_chars", "max_lines", "max_tags"])
def test_limits_must_be_positive(name):
    with pytest.raises(ConfigError, match=name):
        Options(**{name: 0})


def test_a_dump_of_too_many_lines_is_cut_at_a_line():
    # The classifier off: the cut is what is tested, and the line model doubts the last of fifty
    # identical-looking lines (p = 0.23), as it doubts a dump's last line.
    cleaner = Cleaner(options=Options(max_lines=50), disable=["classifier"])
    result = cleaner.clean("\n".join(LINES), kind="text")
    assert "max_lines is 50" in result.truncated and "of 199 lines" in result.truncated
    assert LINES[0] in result.text and LINES[49] in result.text and LINES[50] not in result.text


def test_a_page_of_too_many_tags_is_cut_at_a_tag_after_its_scripts_go():
    paragraphs = "".join(f"<p>{i}: {ARTICLE}</p>" for i in range(100))
    scripts = "<script>if (a<b && c<d) {}</script>" * 500  # 1,500 "<" that are not tags
    markup = page(paragraphs, head=scripts)
    whole = Cleaner(options=Options(max_tags=1000)).clean(markup)
    assert whole.truncated is None and f"99: {ARTICLE}" in whole.text
    cut = Cleaner(options=Options(max_tags=100)).clean(markup)
    assert "max_tags is 100" in cut.truncated
    assert f"0: {ARTICLE}" in cut.text and f"99: {ARTICLE}" not in cut.text


def test_the_batch_record_says_the_page_was_cut():
    record = Record("in.jsonl", 1, id="a", content="\n".join(LINES), kind="text")
    out = clean_record(Cleaner(options=Options(max_chars=500)), record)
    assert "max_chars" in out["truncated"] and "error" not in out


def test_cli_max_chars(tmp_path, capsys):
    path = tmp_path / "dump.txt"
    path.write_text("\n".join(LINES), encoding="utf-8")
    assert main(["clean", "--max-chars", "300", str(path)]) == 0
    out, err = capsys.readouterr()
    assert len(out) <= 301 and err.startswith(f"cleaner: warning: {path}: ") and "cut to the first" in err
    assert main(["clean", "--max-chars", "0", str(path)]) == 2
    assert "--max-chars" in capsys.readouterr().err


# parsing: nesting, entities, declarations ----------------------------------------------------

@pytest.mark.parametrize("opener,closer", [("<div>", "</div>"), ("<blockquote>", "</blockquote>"),
                                           ("<div><span>", ""), ("<table><tr><td>", "</td></tr></table>")])
def test_100k_deep_nesting_is_flattened_not_dropped(opener, closer):
    deep = 100_000
    markup = page(f"<p>{ARTICLE}</p>" + opener * deep + "deep text" + closer * deep + f"<p>{ARTICLE_2}</p>")
    tree = parse(markup)
    assert depth(tree) < 256
    assert ARTICLE in tree.text_content() and "deep text" in tree.text_content()
    if closer:
        assert ARTICLE_2 in tree.text_content()
    assert ARTICLE in clean(markup, kind="html").text


def test_flatten_keeps_shallow_markup_and_all_text():
    markup = "<div><p>a<br>b</p><img src=x><ul><li>c</li></ul></div>"
    assert flatten(markup) == markup
    flat = flatten("<div>" * 10 + "x" + "</div>" * 10, max_depth=3)
    assert flat.count("<div>") == 3 and flat.count("</div>") == 3 and "x" in flat


def test_a_stack_overflow_in_extraction_falls_back_to_a_flattened_page():
    nested = 170
    markup = page(f"<p>{ARTICLE}</p>" + "<ul><li>" * nested + "<p>inside the lists, a sentence.</p>"
                  + "</li></ul>" * nested + f"<p>{ARTICLE_2}</p>")
    cleaner = Cleaner()
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(150)  # the extractor walks nested lists recursively: it cannot at this depth
    try:
        text = cleaner.clean(markup, kind="html").text
    finally:
        sys.setrecursionlimit(limit)
    assert ARTICLE in text and ARTICLE_2 in text
    assert MAX_DEPTH > 40


def test_xxe_to_a_local_file_is_never_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("the-secret-content-91c2", encoding="utf-8")
    for prolog in (f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>',
                   f'<?xml version="1.0" encoding="utf-8"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "{secret}">]>'):
        markup = page(f"<p>{ARTICLE} &xxe;</p><p>{ARTICLE_2}</p>", prolog=prolog)
        for content in (markup, markup.encode()):
            result = clean(content)
            assert "the-secret-content" not in result.text + str(result.to_dict())
            assert ARTICLE_2 in result.text


def test_entity_bomb_is_not_expanded_and_its_subset_is_not_text():
    entities = "".join(f'<!ENTITY a{i} "{("&a%d;" % (i - 1)) * 10 if i else "ha"}">' for i in range(10))
    markup = page(f"<p>&a9; {ARTICLE}</p>", prolog=f"<!DOCTYPE html [{entities}]>")
    text = clean(markup).text
    assert "haha" not in text and "ENTITY" not in text and ARTICLE in text


@pytest.mark.parametrize("markup", ["", "   ", "<!-- only a comment -->", "<!DOCTYPE html>",
                                    "<?xml version='1.0' encoding='utf-8'?>", "<!DOCTYPE x [ unclosed"])
def test_pages_with_no_document_give_an_empty_body(markup):
    assert clean(markup, kind="html").text == ""


def test_lone_surrogates_never_reach_the_output():
    result = clean(f"{ARTICLE}\ud800\n{ARTICLE_2}\udcff", kind="text")
    result.text.encode("utf-8")
    assert ARTICLE_2 in result.text


# one line naming the page --------------------------------------------------------------------

def test_a_page_that_breaks_the_cleaner_is_one_line_naming_it(tmp_path, capsys, monkeypatch):
    path = tmp_path / "page.txt"
    path.write_text(ARTICLE, encoding="utf-8")

    def broken(*args, **kwargs):
        raise RuntimeError("simulated failure\nsecond line")

    monkeypatch.setattr("cleaner.api.Document.from_lines", broken)
    assert main(["clean", str(path)]) == 1
    err = capsys.readouterr().err
    assert err == (f"cleaner: error: {path}: unexpected RuntimeError: simulated failure "
                   "(run again with --debug for the traceback)\n")
    with pytest.raises(Exception, match=str(path)):
        main(["clean", "--debug", str(path)])


def test_binary_page_is_one_line_naming_it(tmp_path, capsys):
    path = tmp_path / "image.html"
    path.write_bytes(b"GIF89a" + bytes(range(256)) * 10)
    assert main(["clean", str(path)]) == 2
    assert capsys.readouterr().err == f"cleaner: error: {path}: binary data (a GIF image), not a page\n"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("args", [[], ["--explain"]])
def test_a_page_cannot_send_escape_sequences_to_a_terminal(tmp_path, monkeypatch, args):
    path = tmp_path / "page.txt"
    path.write_text(f"{ARTICLE} \x1b]0;owned\x07\x1b[2J\x9b31m\n{ARTICLE_2}\n", encoding="utf-8")
    screen = _Terminal()
    monkeypatch.setattr(sys, "stdout", screen)
    assert main(["clean", *args, str(path)]) == 0
    shown = screen.getvalue()
    assert ARTICLE_2 in shown or "fishermen" in shown.lower()
    assert "\x1b]0;" not in shown and "\x1b[2J" not in shown and "\x9b" not in shown and "\x07" not in shown


def test_clean_reads_no_more_of_a_file_than_the_limit_needs(tmp_path, capsys):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:
        f.write("\n".join(LINES).encode())
        f.seek(50_000_000)  # a sparse 50 MB file: nothing past the limit should be read
        f.write(b"END-OF-FILE")
    assert main(["clean", "--max-chars", "1000", str(path)]) == 0
    out, err = capsys.readouterr()
    assert "END-OF-FILE" not in out and LINES[0] in out
    assert err.count("\n") == 1 and "read only the first 16,000 bytes" in err and "max_chars" in err


def test_flatten_is_linear_on_tags_that_never_close():
    hostile = "<div>" * 300 + "<a href=" * 50_000  # deep enough to flatten; no ">" after the divs
    flat = flatten(hostile, max_depth=10)
    assert flat.count("<div>") == 10 and flat.endswith("<a href=")
    assert ARTICLE in clean(page(f"<p>{ARTICLE}</p>") + hostile, kind="html").text
