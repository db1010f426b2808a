"""A corpus of hostile files, built on the spot: the kinds of input crawls bring that break
extractors (binary files saved as .html, truncated gzip, 100,000-deep nesting, entity bombs, an
external entity pointing at a local file, wrong charset declarations, 50 MB pages, ...).

`build(folder, secret_file)` writes every file and returns {file name: Hostile}; each entry says
what the cleaner must do with it beyond ending cleanly (exit 0, or a one-line error).
"""
from __future__ import annotations

import gzip
import json
import random
import zlib
from dataclasses import dataclass
from pathlib import Path

ARTICLE = ("The harbour authority said on Tuesday that the new breakwater would be finished before "
           "the winter storms, after two years of delays caused by a shortage of granite.")
ARTICLE_2 = ("Fishermen who use the eastern quay welcomed the news but said they would wait to see "
             "the first boats moored safely behind the wall before they celebrated.")
SECRET = "hostile-test-secret-7f3a9c0e"


@dataclass(frozen=True)
class Hostile:
    data: bytes
    must_fail: bool = False          # a non-zero exit is the right answer (binary data)
    keep: tuple[str, ...] = ()       # text the body must contain
    never: tuple[str, ...] = ()      # text the output (stdout and stderr) must never contain


def page(body: str, head: str = "", prolog: str = "<!DOCTYPE html>") -> str:
    return f"{prolog}\n<html><head><title>Breakwater</title>{head}</head><body><article>{body}</article></body></html>"


PARAGRAPHS = f"<p>{ARTICLE}</p><p>{ARTICLE_2}</p>"


def _random_bytes(n: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(n)


def _gzip_bomb(size: int) -> bytes:
    """A small gzip file that inflates to `size` bytes of a page that never ends."""
    out = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    head = page("").encode()[:-len("</article></body></html>")] + b"<p>"
    chunk = b"lol " * 65536
    parts = [out.compress(head)]
    for _ in range(size // len(chunk)):
        parts.append(out.compress(chunk))
    parts.append(out.flush())
    return b"".join(parts)


def _billion_laughs() -> str:
    entities = ['<!ENTITY lol "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">' for i in range(1, 10)]
    prolog = '<?xml version="1.0"?>\n<!DOCTYPE html [\n' + "\n".join(entities) + "\n]>"
    return page(f"<p>&lol9;</p>{PARAGRAPHS}", prolog=prolog)


def _fifty_mb_page() -> str:
    """What 50 MB pages are made of: an inline JSON state blob, then a page, then endless menus."""
    state = '{"items": [' + '{"id": 1, "name": "item", "tags": ["a", "b"]}, ' * 1_050_000 + "{}]}"
    menu = "".join(f'<li><a href="/c/{i}">Category {i}</a></li>' for i in range(5_000))
    return page(PARAGRAPHS + f"<nav><ul>{menu}</ul></nav>",
                head=f'<script id="__STATE__" type="application/json">{state}</script>')


def build(folder: Path, secret_file: Path) -> dict[str, Hostile]:
    """Write the corpus into `folder`; `secret_file` is a local file the XXE page points at."""
    secret_file.write_text(SECRET + "\n", encoding="utf-8")
    truncated = gzip.compress(page(PARAGRAPHS * 200).encode())
    deep = 100_000
    corpus = {
        "binary.html": Hostile(_random_bytes(300_000, 1), must_fail=True),
        "png-image.html": Hostile(b"\x89PNG\r\n\x1a\n" + _random_bytes(50_000, 2), must_fail=True),
        "truncated.html.gz": Hostile(truncated[: len(truncated) // 2], keep=(ARTICLE,)),
        "gzip-bomb.html.gz": Hostile(_gzip_bomb(1 << 28)),
        "deep-nesting.html": Hostile(page(f"<p>{ARTICLE}</p>" + "<div>" * deep + "<p>deep</p>" + "</div>" * deep
                                          + f"<p>{ARTICLE_2}</p>").encode(), keep=(ARTICLE,)),
        "unclosed-nesting.html": Hostile(page(f"<p>{ARTICLE}</p>" + "<div><span><b>" * deep).encode(),
                                         keep=(ARTICLE,)),
        "billion-laughs.html": Hostile(_billion_laughs().encode(), keep=(ARTICLE,), never=("lollollol",)),
        "xxe-local-file.html": Hostile(page(f"<p>{ARTICLE} &xxe;</p><p>{ARTICLE_2}</p>", prolog=(
            f'<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret_file}">]>')).encode(),
            keep=(ARTICLE_2,), never=(SECRET,)),
        "xml-declared.xhtml": Hostile(page(PARAGRAPHS.replace("harbour", "harbour’s"), prolog=(
            '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
            '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">')).encode(), keep=(ARTICLE_2,)),
        "cp1252-declared-utf8.html": Hostile(page(PARAGRAPHS.replace("harbour", "“harbour”"),
                                                  head='<meta charset="utf-8">').encode("cp1252"),
                                             keep=(ARTICLE_2, "“harbour”")),
        "shift-jis.html": Hostile(page("<p>" + "港湾局は火曜日、新しい防波堤が冬の嵐の前に完成すると発表した。" * 4 + "</p>",
                                       head='<meta charset="Shift_JIS">').encode("shift_jis"),
                                  keep=("港湾局は火曜日",)),
        "utf16-no-bom.html": Hostile(page(PARAGRAPHS.replace("harbour", "Hafenbehörde")).encode("utf-16-le"),
                                     keep=(ARTICLE_2, "Hafenbehörde")),
        "nul-bytes.html": Hostile(page(PARAGRAPHS).encode().replace(b"harbour", b"har\x00bour"),
                                  keep=(ARTICLE,)),
        "empty.html": Hostile(b""),
        "whitespace-only.html": Hostile(b" \n\t\r\n" * 1000),
        "invalid-utf8.txt": Hostile((ARTICLE + "\n").encode() + b"\xff\xfe\xc3\x28\xa0\xa1\xe2\x28\xa1\n"
                                    + (ARTICLE_2 + "\n").encode(), keep=(ARTICLE_2,)),
        "huge-single-line.txt": Hostile(("word " * 4_000_000).encode()),
        "only-scripts.html": Hostile(page("<script>var x = '<p>not text</p>';</script>" * 20_000,
                                          head="<style>p{}</style>" * 1000).encode(), never=("not text",)),
        "page-50mb.html": Hostile(_fifty_mb_page().encode(), keep=(ARTICLE,)),
        "record-10mb-string.jsonl": Hostile(json.dumps({"id": 1, "html": "x" * 10_000_000}).encode()),
    }
    for name, item in corpus.items():
        (folder / name).write_bytes(item.data)
    return corpus
