"""Bytes in any charset come out as the right text: BOM, declaration, UTF-8, sniffing."""
import gzip

import pytest

from cleaner.decode import check_not_binary, decode, unwrap, wide_charset
from cleaner.errors import InputError

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


# hostile bytes -------------------------------------------------------------------------------
PAGE = f"<html><head><title>t</title></head><body><p>{TEXT} 日本語</p></body></html>"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_wide_charsets_without_a_bom_are_told_by_their_zero_bytes(codec):
    data = PAGE.encode(codec)
    assert wide_charset(data) == codec
    assert decode(data) == PAGE


def test_narrow_charsets_are_not_mistaken_for_wide_ones():
    for codec in ("utf-8", "cp1252", "shift_jis"):
        assert wide_charset(PAGE.encode(codec, errors="ignore")) is None


def test_valid_utf8_wins_over_a_wrong_single_byte_declaration():
    page = f'<html><head><meta charset="windows-1252"></head><body><p>{TEXT}</p></body></html>'
    assert TEXT in decode(page.encode("utf-8"))


def test_undeclared_shift_jis_is_sniffed():
    text = "港湾局は火曜日、新しい防波堤が冬の嵐の前に完成すると発表した。漁師たちはその知らせを歓迎した。"
    assert text in decode(f"<html><body><p>{text}</p></body></html>".encode("shift_jis"))


def test_utf16_with_bom_big_endian():
    assert decode(b"\xfe\xff" + PAGE.encode("utf-16-be")) == PAGE


def test_nul_padding_is_stripped_not_taken_for_binary():
    data = b"\x00" * 5000 + PAGE.encode() + b"\x00" * 5000
    assert decode(data) == PAGE


@pytest.mark.parametrize("data,what", [
    (b"\x89PNG\r\n\x1a\n" + bytes(200), "a PNG image"), (b"\xff\xd8\xff\xe0" + bytes(200), "a JPEG image"),
    (b"PK\x03\x04" + bytes(200), "a ZIP archive"), (b"%PDF-1.4\n" + bytes(200), "a PDF file"),
    (bytes(range(256)) * 40, "control bytes")])
def test_binary_data_is_refused(data, what):
    with pytest.raises(InputError, match=what):
        decode(data)


def test_text_with_a_few_control_bytes_is_not_binary():
    check_not_binary((PAGE + "\x01\x02" + PAGE).encode())


def test_a_character_cut_in_half_is_left_out_when_the_bytes_were_cut():
    data = TEXT.encode("utf-8")
    for end in range(len(data)):
        text = decode(data[:end], final=False)
        assert TEXT.startswith(text)  # never a replacement character, never the sniffer's guess
        assert end - len(text.encode("utf-8")) < 4  # only the bytes of the one cut character go


def test_gzip_is_unwrapped_within_the_limit():
    data = gzip.compress(PAGE.encode())
    assert unwrap(data, 10_000) == (PAGE.encode(), None)
    assert unwrap(data + data, 10_000)[0] == PAGE.encode() * 2  # concatenated members
    cut, note = unwrap(data, 10)
    assert cut == PAGE.encode()[:10] and "cut at 10 bytes" in note
    part, note = unwrap(gzip.compress(PAGE.encode() * 100)[:60], 100_000)
    assert PAGE.encode().startswith(part[:20]) and "ends early" in note
    assert unwrap(PAGE.encode(), 10) == (PAGE.encode(), None)  # not gzip: as it is
