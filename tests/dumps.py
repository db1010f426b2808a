"""Builders of the dumps batch tests read: folder trees, JSONL, WARC and ARC files, made from the
bundled seed captures so every document is a real page."""
from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tests.helpers import SEEDS

SEED_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")) if ".expected" not in p.name]


def page_html(title: str, body: str) -> str:
    paragraphs = "".join(f"<p>{line}</p>" for line in body.splitlines() if line.strip())
    return (f"<!DOCTYPE html><html><head><title>{title}</title></head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>{title}</h1>{paragraphs}</article></body></html>")


def write_tree(root: Path) -> list[str]:
    """A folder tree with .txt, .html and .html.gz pages (and files to ignore); the relative paths
    of the pages, which are their ids."""
    (root / "a" / "b").mkdir(parents=True)
    files = {"one.txt": SEED_TEXTS[0].encode("utf-8"),
             "a/two.html": page_html("Two", SEED_TEXTS[1]).encode("cp1252", "replace"),
             "a/b/three.html.gz": gzip.compress(page_html("Three", SEED_TEXTS[2]).encode("utf-8")),
             "a/b/four.txt": SEED_TEXTS[3].encode("utf-8")}
    for rel, data in files.items():
        (root / rel).write_bytes(data)
    (root / "notes.md").write_text("not a page")
    (root / ".hidden.txt").write_text("hidden")
    return ["one.txt", "a/two.html", "a/b/four.txt", "a/b/three.html.gz"]  # a folder's files, then its sub-folders


def write_jsonl(path: Path, n: int, bad: int = 0) -> None:
    """`n` good records and `bad` malformed lines between them."""
    lines = [json.dumps({"id": f"j{i}", "url": f"https://example.com/j{i}", "text": SEED_TEXTS[i % len(SEED_TEXTS)]})
             for i in range(n)]
    for k in range(bad):
        lines.insert(1 + k * 2, '{"id": "broken", "text": ')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_warc(path: Path, responses: int, charset: str = "utf-8") -> None:
    """A gzipped WARC: a warcinfo record, then per page a request and an HTML response (with the
    charset in the HTTP header only), plus one image response that is not a page."""
    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=True)
        w.write_record(w.create_warcinfo_record(path.name, {"software": "tests"}))
        for i in range(responses):
            url = f"https://news.example.org/story/{i}"
            body = page_html(f"Story {i} é", SEED_TEXTS[i % len(SEED_TEXTS)]).encode(charset, "replace")
            w.write_record(w.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=StatusAndHeaders(
                f"GET /story/{i} HTTP/1.1", [("Host", "news.example.org")], is_http_request=True)))
            headers = StatusAndHeaders("200 OK", [("Content-Type", f"text/html; charset={charset}")],
                                       protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))
        image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record("https://news.example.org/logo.png", "response",
                                            payload=io.BytesIO(b"\x89PNG"), http_headers=image))


def write_arc(path: Path, pages: list[tuple[str, bytes, str]]) -> None:
    """An ARC (version 1) file by hand, as old crawls wrote them: (url, html bytes, charset) each;
    for `.arc.gz`, each record is its own gzip member, as in real archives."""
    def record(url: str, content_type: str, block: bytes) -> bytes:
        raw = f"{url} 192.0.2.1 20100101000000 {content_type} {len(block)}\n".encode() + block + b"\n"
        return gzip.compress(raw, mtime=0) if path.name.endswith(".gz") else raw

    desc = b"1 0 tests\nURL IP-address Archive-date Content-type Archive-length\n"
    out = record("filedesc://" + path.name, "text/plain", desc)
    for url, html, charset in pages:
        http = f"HTTP/1.0 200 OK\r\nContent-Type: text/html; charset={charset}\r\n\r\n".encode() + html
        out += record(url, "text/html", http)
    path.write_bytes(out)


def read_jsonl(path: Path) -> list[dict]:
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        data = gzip.decompress(data)
    return [json.loads(line) for line in data.decode("utf-8").splitlines()]
