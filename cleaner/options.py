"""One frozen options object, built at the edge (CLI or API); nothing deeper sees argparse."""
from __future__ import annotations

from dataclasses import dataclass, field

from .errors import ConfigError
from .limits import MAX_CHARS

KINDS = ("auto", "html", "text")

# A cleaner that would leave less than this share of the text it was given is probably wrong
# (a page misread as a menu, a marker matched too early); the pipeline undoes that step.
GUARD_KEEP_SHARE = 0.10
# ...but only on pages with enough text for the share to mean something.
GUARD_MIN_CHARS = 400


@dataclass(frozen=True)
class Options:
    """How a Cleaner behaves. Immutable, so one Cleaner can serve many threads."""

    disable: frozenset[str] = field(default_factory=frozenset)
    guard_keep_share: float = GUARD_KEEP_SHARE
    guard_min_chars: int = GUARD_MIN_CHARS
    classifier_threshold: float = 0.5
    # Longer pages are cut to this many characters, and the cut recorded (see cleaner/limits.py).
    max_chars: int = MAX_CHARS

    def __post_init__(self) -> None:
        object.__setattr__(self, "disable", frozenset(self.disable))
        if not isinstance(self.max_chars, int) or self.max_chars < 1:
            raise ConfigError(f"max_chars must be a whole number of at least 1, got {self.max_chars!r}")
