"""Fuzz target for `cleaner.clean` with atheris (coverage-guided, libFuzzer underneath).

Each input is split by its first byte: which kind to ask for (auto, text, html) and whether to hand
the rest over as bytes (decoding, gzip and binary detection run) or as text. The property checked
is the one the property tests check: nothing escapes but InputError, and on bytes only for binary
or corrupt gzip data; the output is always encodable as UTF-8.

    pip install atheris
    python fuzz/fuzz_clean.py -max_total_time=60 -max_len=65536 fuzz/corpus
"""
from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from cleaner import Cleaner
    from cleaner.errors import InputError

KINDS = ("auto", "text", "html")
CLEANER = Cleaner()
# The errors a caller is told to expect on bytes; anything else is a finding.
EXPECTED = ("binary data", "corrupt gzip data")


def test_one_input(data: bytes) -> None:
    if not data:
        return
    kind = KINDS[data[0] % len(KINDS)]
    as_bytes = data[0] & 0x80
    body = data[1:]
    content = body if as_bytes else body.decode("utf-8", errors="surrogateescape" if data[0] & 0x40 else "replace")
    try:
        result = CLEANER.clean(content, kind=kind)
    except InputError as e:
        if not (as_bytes and str(e).startswith(EXPECTED)):
            raise
        return
    result.text.encode("utf-8")
    result.to_dict()


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
