"""The cleaner never invents text: every output paragraph is a line of the input, or a trimmed
part of one, or (in a hard-wrapped dump, see cleaner/reflow.py) the lines of one wrapped paragraph
joined again. Checked on the seeds and on the shared dev dumps when they are present."""
import gzip
import json
import re

import pytest

from cleaner import Cleaner
from tests.helpers import BENCH, seeds

CLEANER = Cleaner()
_SPACE = re.compile(r"\s+")
_WRAPPED_HYPHEN = re.compile(r"(?<=[^\W\d_])- (?=\S)")


def assert_no_invented_text(source: str, body: str) -> None:
    lines = {_SPACE.sub(" ", line).strip() for line in source.splitlines()}
    lines.discard("")
    joined = "\n".join(lines)
    # The dump's text in order with line breaks as spaces (and a word the wrapper broke at its
    # hyphen whole again): where reflowed paragraphs come from.
    flowing = _WRAPPED_HYPHEN.sub("-", " ".join(source.split()))
    for para in body.split("\n\n"):
        if para:
            assert para in lines or para in joined or para in flowing, f"invented: {para[:80]!r}"


@pytest.mark.parametrize("seed", list(seeds()), ids=lambda s: s[0])
def test_seed_output_comes_from_input(seed):
    _, text, _, _ = seed
    assert_no_invented_text(text, CLEANER.clean(text).text)


def test_paragraphs_are_separated_by_one_blank_line():
    _, text, _, _ = next(iter(seeds()))
    body = CLEANER.clean(text).text
    assert "\n\n\n" not in body and body == body.strip()


@pytest.mark.skipif(not (BENCH / "wcxb-dev.text.jsonl.gz").exists(),
                    reason="the shared benchmark folder ../shared/bench is not present")
def test_dev_dump_output_comes_from_input():
    with gzip.open(BENCH / "wcxb-dev.text.jsonl.gz", "rt", encoding="utf-8") as f:
        for n, line in enumerate(f):
            if n >= 300:
                break
            rec = json.loads(line)
            assert_no_invented_text(rec["text"], CLEANER.clean(rec["text"], kind="text").text)
