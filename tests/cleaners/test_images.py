import gzip

import pytest

from cleaner import Cleaner
from cleaner.cleaners.images import Images, is_image_name
from cleaner.document import Document
from cleaner.options import Options
from tests.helpers import ROOT, kept, reasons, run

PRODUCT = "LiteAF 35L Curve Ultralight Backpack"


@pytest.mark.parametrize("line", [
    "[LiteAF-35L-Curve-Teal-Dyneema-300x400]",     # w3m: an image with no alt text, by its file name
    "• [s-l500]",                                   # ... in a list
    "□ [BEST-HANDH]",                              # ... cut to ten characters, in a nested list
    "[6945cb70b7]",
    "IMG_2067.jpeg",                                # links: a linked picture's file name
    "made-in-china-768x512.jpg",
    "[https://m.wsj.net/video/20191119/clipping3v1/clipping3v1_167x94.jpg]",
    "[INS::INS]",                                   # an empty ad slot
])
def test_image_names_are_recognised(line):
    assert is_image_name(line)


@pytest.mark.parametrize("line", [
    "[Unit]", "[tool.poetry]", "[build-system]", "[super-user-command]",   # documentation keeps them
    "[0-9A-Za-z]", "[Barak-Steurer]", "[Ding-D'Orsi-Liu-Steurer-Tiegel]", "[i18n]", "[12]",
    "[ frame_clause ]", "[Photo by Luis Quintero]", "origin-when-cross-origin",
    "milano-design-week-2018-Arrangements-01",      # a bare stem: documentation prints such names
    "See diagram.png for the layout.", "testB.svg",   # an article on SVG names its test file
])
def test_body_lines_that_look_alike_stay(line):
    assert not is_image_name(line)


def test_only_kept_lines_of_text_dumps_go():
    doc = run(Images(), "\n".join([PRODUCT, "[LiteAF-35L-Curve-Teal-Dyneema-300x400]", "$279.99"]))
    assert kept(doc) == [PRODUCT, "$279.99"]
    assert reasons(doc) == {"[LiteAF-35L-Curve-Teal-Dyneema-300x400]": "images:image-name"}
    html = Document(texts=["IMG_2067.jpeg"], kinds=["p"], gap_before=[True])
    Images().apply(html, Options())
    assert kept(html) == ["IMG_2067.jpeg"]


def test_a_real_w3m_product_grid_loses_its_file_names():
    # liteaf.com as w3m dumps it: a bracketed file name before each backpack of the grid
    text = gzip.open(ROOT / "fixtures" / "text" / "wcxb-4022.w3m.txt.gz", "rt", encoding="utf-8").read()
    body = Cleaner(site_rules=False).clean(text, kind="text").text
    without = Cleaner(site_rules=False, disable=["images"]).clean(text, kind="text").text
    stem = "[LiteAF-35L-Curve-Teal-Dyneema-300x400]"
    assert stem in without and stem not in body
    assert sum(line.startswith("[LiteAF-") for line in without.splitlines()) >= 20
    assert not any(line.startswith("[LiteAF-") for line in body.splitlines())
    assert body.count("LiteAF") > 10    # the products' names stay


def test_links_image_marks_are_trimmed_and_a_line_of_marks_goes():
    # links on conejoadulted.org's course list: "[IMG]" for each image with no alt text
    card = "[IMG] [IMG] The Best Graphic Design Courses for Beginners BaselineHQ"
    doc = run(Images(), "\n".join([card, "[IMG]", "Learn the basics of layout and type."]))
    assert kept(doc) == ["The Best Graphic Design Courses for Beginners BaselineHQ",
                         "Learn the basics of layout and type."]
    assert {r.rule for r in doc.removals()} == {"image-mark"}
