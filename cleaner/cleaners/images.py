"""Images: a kept line that is only an image's file name, as other dumpers print a picture.

The benchmark's dumper prints nothing for an image. w3m prints one with no alt text as its file
name in brackets ("[LiteAF-35L-Curve-Teal-Dyneema-300x400]", "• [s-l500]", often cut to ten
characters), links and w3m a linked picture's file name or address ("IMG_2067.jpeg"), and lynx
and w3m "[INS::INS]" for an empty ad slot, links "[IMG]" for an image with no alt text. The
classifier, trained on dumps without them, keeps them inside a body, a product grid or a gallery;
their words are never the body's. A kept line of nothing but that (`phrases.IMAGE_*`) is dropped,
and links' "[IMG]" is trimmed from a kept line ("[IMG] [IMG] The Best Graphic Design Courses").

Documentation and papers print bracketed words of their own, and their golds keep them: a config
file's sections ("[Unit]", "[tool.poetry]", "[build-system]"), a placeholder
("[super-user-command]"), a regular expression's ranges ("[0-9A-Za-z]"), citation keys
("[Barak-Steurer]"). A stem must hold a digit, "-" or "_", no dot, and not read as those. A bare
name without an image extension ("milano-design-week-2018-...-01", "origin-when-cross-origin") is
left alone: held out it cost documentation (train/README.md, **Images printed by name**).

It runs last, after the classifier and the learned site rules, on what they kept (see the
package docstring for why after the learned rules).
"""
from __future__ import annotations

from ..document import Document
from ..options import Options
from ..phrases import (IMAGE_EMPTY_LINE, IMAGE_FILE_LINE, IMAGE_MARK, IMAGE_STEM_LINE, IMAGE_STEM_MARKS,
                       IMAGE_STEM_NOT)
from .base import Cleaner
from .cues import LineCues, candidates

# The lines the patterns can match, picked in one pass of the C line scan: a name's line ends in
# "]" or in an image extension's last letter (jpg, png, gif, webp, svg, avif, bmp, tiff), and
# links' mark is in brackets.
_NAME_ENDS = "]gfpGFP"
_CUES = LineCues(ends=_NAME_ENDS, has="[")
_NAME_ENDINGS = tuple(_NAME_ENDS)


def is_image_name(text: str) -> bool:
    """True for a line that is only an image's file name, stem or address (or an empty mark)."""
    stem = IMAGE_STEM_LINE.match(text)
    if stem and IMAGE_STEM_MARKS.search(stem.group(1)) and not IMAGE_STEM_NOT.match(stem.group(1)):
        return True
    return bool(IMAGE_FILE_LINE.match(text) or IMAGE_EMPTY_LINE.match(text))


class Images(Cleaner):
    name = "images"

    def apply(self, doc: Document, options: Options) -> None:
        if not doc.kinds or doc.kinds[0] != "line":
            return   # (HTML: the extractor never prints an image's name)
        texts = doc.texts
        picked = candidates(doc, _CUES)
        names = [i for i in picked if texts[i].endswith(_NAME_ENDINGS) and is_image_name(texts[i])]
        if names:
            doc.drop_all(names, self.name, "image-name")
        for i in picked:   # links' mark: trimmed (a line of nothing else goes)
            while doc.dropped[i] is None and "[IMG]" in texts[i]:
                mark = IMAGE_MARK.search(texts[i])
                doc.trim(i, mark.start(), mark.end(), self.name, "image-mark")
