"""The Pipeline runs named cleaners in order and owns what every step shares: the loop,
disabling by name, provenance, and the guard that undoes a step which removed nearly everything."""
from __future__ import annotations

from collections.abc import Sequence

from .cleaners.base import Cleaner
from .document import Document
from .errors import ConfigError
from .options import Options


class Pipeline:
    def __init__(self, cleaners: Sequence[Cleaner]):
        self.cleaners = tuple(cleaners)
        self.names = tuple(dict.fromkeys(c.name for c in self.cleaners))   # a name may run twice

    def check_names(self, names) -> None:
        unknown = sorted(set(names) - set(self.names))
        if unknown:
            raise ConfigError(
                f"unknown cleaner {', '.join(unknown)}; known: {', '.join(self.names)}")

    def run(self, doc: Document, options: Options) -> Document:
        disable, over_cleaned = options.disable, options.over_cleaned  # (read once, not a step)
        for cleaner in self.cleaners:
            if cleaner.name in disable:
                continue
            mark = doc.mark()  # (logs the step's changes: no copy of the page's lists)
            cleaner.apply(doc, options)
            if not cleaner.guards_itself and over_cleaned(mark[0], doc.kept_chars):
                doc.undo(mark)
                doc.guarded.append(cleaner.name)
        return doc
