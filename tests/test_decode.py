"""Bytes in any charset come out as the right text: BOM, declaration, UTF-8, sniffing."""
from cleaner.decode import decode

TEXT = "Café déjà vu — “quoted” naïve façade"


def test_utf8_plain_and_with_bom():
    assert decode(TEXT.encode("utf-8")) == TEXT
    assert decode(b"\xef\xbb\xbf" + TEXT.encode("utf-8")) == TEXT


def test_utf16_with_bom():
    assert decode(TEXT.encode("utf-16")) == TEXT


def test_declared_shift_jis():
    page = '<html><head><meta charset="Shift_JIS"></head><body><p>日本語のテキストです。</p></body></html>'
    assert "日本語のテキストです。" in decode(page.encode("shift_jis"))


def test_cp1252_declared_as_utf8_falls_back():
    page = f'<html><head><meta charset="utf-8"></head><body><p>{TEXT}</p></body></html>'
    assert TEXT in decode(page.encode("cp1252"))


def test_nul_bytes_are_stripped():
    assert decode(b"ab\x00cd") == "abcd"
