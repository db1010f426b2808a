"""The one interface every cleaner implements: a name, a docstring, and `apply(doc, options)`."""
from __future__ import annotations

from typing import ClassVar

from ..document import Document
from ..options import Options


class Cleaner:
    """A step that marks blocks dropped with a reason. It does no I/O and keeps no per-page state,
    so one instance serves every page and thread."""

    name: ClassVar[str] = ""
    # The pipeline's over-cleaning guard undoes a step that leaves almost nothing, unless the step
    # applies the guard itself (site rules: a window framed by the site's own line is trusted).
    guards_itself: ClassVar[bool] = False

    def apply(self, doc: Document, options: Options) -> None:  # pragma: no cover - interface
        raise NotImplementedError
