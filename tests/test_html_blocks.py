"""The learned HTML block classifier: candidate blocks and their DOM features on a real captured
page, the shipped model loading, and its verdicts against the extraction alone."""
from __future__ import annotations

import json

import numpy as np
import pytest

from cleaner.html import blocks as blocks_module
from cleaner.html.blocks import REGION_TAGS, page_blocks
from cleaner.html.classifier import BlockModel, shipped_model
from cleaner.html import extract as extract_module
from cleaner.html.extract import classified, extract, extraction, looks_like_article, read_page
from cleaner.html.metadata import read_jsonld
from cleaner.html.parse import parse
from tests.test_html import CASES, FIXTURES, flat, page

# Columns of the feature row (see blocks.page_blocks).
LINK_SHARE, CONTAINED = 2, 8
REGION_START = blocks_module.BASE_INPUTS + len(blocks_module.TAG_INPUTS) + 1


def _case(prefix: str) -> dict:
    return next(c for c in CASES if c["id"].startswith(prefix))


def _blocks(case: dict):
    tree, _, declared = read_page(page(case))   # as extract() and the training read a page
    kept, _, _ = extraction(tree, case["url"], declared)
    return page_blocks(tree, kept, declared.types), kept


def _row(blocks, snippet: str) -> np.ndarray:
    i = next(i for i, t in enumerate(blocks.texts) if flat(snippet) in t)
    return blocks.features[i]


def test_blocks_cover_the_whole_page_with_one_row_each():
    case = _case("0014")
    blocks, kept = _blocks(case)
    assert blocks.features.shape == (len(blocks.texts), blocks_module.feature_count())
    assert np.isfinite(blocks.features).all()
    text = "\n".join(blocks.texts)
    # body and chrome are both candidates: the model, not the walk, decides
    for snippet in case["keep"] + case["drop"]:
        assert flat(snippet) in text
    assert len(blocks.texts) > len(kept)
    assert "function(" not in text and "{display" not in text   # no script or style text


def test_features_tell_body_from_chrome():
    case = _case("0014")
    blocks, _ = _blocks(case)
    body = _row(blocks, case["keep"][0])
    footer = _row(blocks, "Privacy Statement")
    assert body[CONTAINED] == 1.0 and footer[CONTAINED] == 0.0
    assert body[LINK_SHARE] == 0.0 and footer[LINK_SHARE] > 0.5
    in_footer = REGION_START + REGION_TAGS.index("footer")
    in_link = REGION_START + REGION_TAGS.index("a")
    assert body[in_link] == 0.0 and body[in_footer] == 0.0


def test_blocks_split_at_block_elements_and_join_inline_ones():
    tree = parse("<html><body><nav><a href='/'>Home</a> <a href='/a'>About</a></nav>"
                 "<div>Lead text <b>bold</b> and <a href='#'>a link</a>.<p>Second para.</p>"
                 "tail text</div><script>var x = 1;</script></body></html>")
    blocks = page_blocks(tree, ["Second para."])
    assert blocks.texts == ["Home About", "Lead text bold and a link.", "Second para.", "tail text"]
    assert blocks.features[1, LINK_SHARE] == pytest.approx(len("a link") / len(blocks.texts[1]))
    assert blocks.features[2, CONTAINED] == 1.0 and blocks.features[1, CONTAINED] == 0.0


def test_shipped_model_loads_once_and_scores_every_block():
    model = shipped_model()
    assert model is shipped_model()
    blocks, _ = _blocks(_case("0014"))
    proba = model.proba(blocks.features)
    assert proba.shape == (len(blocks.texts),)
    assert ((proba >= 0) & (proba <= 1)).all()
    assert model.proba(np.zeros((0, blocks_module.feature_count()))).shape == (0,)


def test_model_with_other_features_is_refused(tmp_path):
    model = shipped_model()
    path = tmp_path / "m.npz"
    np.savez(path, **model.first.arrays("first"), **model.second.arrays("second"), inputs=np.array(3))
    with pytest.raises(ValueError, match="retrain"):
        BlockModel.load(path)


def _classified(case: dict) -> list[str]:
    tree, _, declared = read_page(page(case))
    kept, kinds, _ = extraction(tree, case["url"], declared)
    return classified(tree, kept, kinds, declared)[0]


# Cases whose snippets a step after the classifier's choice settles (a closing teaser rail goes, a
# thread's marked posts replace the body, a shop's reviews and other items' sections go, a rail of
# timestamps the model may keep is refused as the body: takeover.py, an offer's fine print goes, a
# sign-up form's terms go).
CLASSIFIER_CASES = [c for c in CASES if c.get("step") not in
                    ("teasers", "posts", "sections", "takeover", "fineprint", "signup")]


@pytest.mark.parametrize("case", CLASSIFIER_CASES, ids=[c["file"].split(".")[0] for c in CLASSIFIER_CASES])
def test_classifier_keeps_the_body_and_drops_the_chrome(case):
    body = flat("\n".join(_classified(case)))
    for snippet in case["keep"]:
        assert flat(snippet) in body
    for snippet in case["drop"]:
        assert flat(snippet) not in body


def test_classifier_takes_over_only_short_extractions_and_non_articles(monkeypatch):
    changed = 0
    for case in CASES:
        markup = page(case)
        alone = extract(markup, url=case["url"], classify=False).texts
        tree, _, declared = read_page(markup)
        if extraction(tree, case["url"], declared)[2]:   # treated as an article: its body stays
            assert extract(markup, url=case["url"]).texts == alone
        changed += _classified(case) != alone
    assert changed >= 1   # the classifier reads the whole page: its body differs somewhere
    case = CASES[0]
    monkeypatch.setattr(extract_module, "CLASSIFY_BELOW", 10 ** 9)
    assert extract(page(case), url=case["url"]).texts == _classified(case)


def test_listing_page_takes_the_classifier_body():
    # a news section front (no og:type article, a list of stories): trafilatura keeps a few
    # teasers, the classifier every story; the snippets are the dataset's own
    case = json.loads((FIXTURES / "listing.json").read_text(encoding="utf-8"))
    markup = page(case)
    tree = parse(markup)
    assert not looks_like_article(tree, case["url"], read_jsonld(tree))
    alone = flat("\n".join(extract(markup, url=case["url"], classify=False).texts))
    body = flat("\n".join(extract(markup, url=case["url"]).texts))
    assert sum(flat(s) in alone for s in case["keep"]) < len(case["keep"])
    for snippet in case["keep"]:
        assert flat(snippet) in body
    for snippet in case["drop"]:
        assert flat(snippet) not in body


def test_a_site_body_selector_still_lets_the_classifier_widen_a_listing():
    # a site rule saying the body is <main> narrows the page, but the extraction inside it still
    # keeps one teaser: the classifier, choosing among <main>'s blocks, keeps every story
    case = json.loads((FIXTURES / "listing.json").read_text(encoding="utf-8"))
    markup = page(case)
    alone = flat("\n".join(extract(markup, url=case["url"], body_selector="main", classify=False).texts))
    body = flat("\n".join(extract(markup, url=case["url"], body_selector="main").texts))
    assert sum(flat(s) in alone for s in case["keep"]) < len(case["keep"])
    assert all(flat(s) in body for s in case["keep"])
    assert not any(flat(s) in body for s in case["drop"])


def test_article_cues():
    def cues(head: str, url: str | None = None) -> bool:
        tree = parse(f"<html><head>{head}</head><body><p>x</p></body></html>")
        return looks_like_article(tree, url, read_jsonld(tree))
    assert cues('<meta property="og:type" content="article">')
    assert cues('<script type="application/ld+json">{"@type": "NewsArticle"}</script>')
    assert cues("", "https://example.com/2019/11/20/a-story")
    assert not cues('<meta property="og:type" content="website">', "https://example.com/news/tech")
    assert not cues('<script type="application/ld+json">{"@type": "Product"}</script>')


def _walked_with_kept(case: dict):
    tree, _, declared = read_page(page(case))
    kept, _, _ = extraction(tree, case["url"], declared)
    return blocks_module.walk_page(tree), kept, declared


def test_a_block_is_searched_for_in_the_extraction_only_where_it_can_be_there():
    """The membership input (`_contained`) skips the substring search for a block with more than
    two tokens the extraction lacks; on every real page it gives what the search gives, and the
    search is skipped on blocks of the pages the classifier judges."""
    skipped = 0
    for case in CASES:
        walked, kept, declared = _walked_with_kept(case)
        kept_joined = "\n".join(" ".join(blocks_module._TOKEN.findall(t.lower())) for t in kept)
        kept_tokens = set(blocks_module._TOKEN.findall(kept_joined))
        column = blocks_module.block_features(walked, kept, declared.types).features[:, CONTAINED]
        for text, value in zip(walked.texts, column):
            toks = blocks_module._TOKEN.findall(text.lower())
            inside = sum(t in kept_tokens for t in toks)
            searched = bool(toks) and " ".join(toks) in kept_joined
            assert blocks_module._contained(toks, inside, kept_joined) == searched
            assert value == (1.0 if searched else 0.0)
            skipped += bool(toks) and inside < len(toks) - 2
    assert skipped > 100   # 535 of the fixture pages' blocks


def test_each_blocks_hashed_tokens_are_those_of_its_own_path():
    """Rows gathered from one row per distinct path equal rows set block by block."""
    case = _case("0014")
    walked, kept, declared = _walked_with_kept(case)
    features = blocks_module.block_features(walked, kept, declared.types).features
    start = REGION_START + len(REGION_TAGS)
    hashed = features[:, start:start + blocks_module.HASH_BUCKETS]
    expected = np.zeros_like(hashed)
    for i, owner in enumerate(walked.owners):
        for own in owner[3]:
            expected[i, list(own)] = 1.0
    assert np.array_equal(hashed, expected)
    assert len({owner[3] for owner in walked.owners}) < len(walked.owners) / 2   # paths are shared
    assert expected.sum() > len(walked.owners)
