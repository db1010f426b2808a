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
        self.names = tuple(c.name for c in self.cleaners)

    def check_names(self, names) -> None:
        unknown = sorted(set(names) - set(self.names))
        if unknown:
            raise ConfigError(
                f"unknown cleaner {', '.join(unknown)}; known: {', '.join(self.names)}")

    def run(self, doc: Document, options: Options) -> Document:
        for cleaner in self.cleaners:
            if cleaner.name in options.disable:
                continue
            snapshot = (list(doc.dropped), list(doc.texts), len(doc.trims), doc.kept_chars,
                        doc.title, doc.description)
            cleaner.apply(doc, options)
            if self._over_cleaned(snapshot[3], doc.kept_chars, options):
                doc.dropped, doc.texts, n_trims, doc.kept_chars, doc.title, doc.description = snapshot
                del doc.trims[n_trims:]
                doc.guarded.append(cleaner.name)
        return doc

    @staticmethod
    def _over_cleaned(before: int, after: int, options: Options) -> bool:
        """A step that leaves almost nothing of a page with real text is probably wrong."""
        return before >= options.guard_min_chars and after < before * options.guard_keep_share
