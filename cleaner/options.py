"""One frozen options object, built at the edge (CLI or API); nothing deeper sees argparse."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .errors import ConfigError
from .limits import MAX_CHARS, MAX_LINES, MAX_TAGS

if TYPE_CHECKING:
    from .sites.registry import Registry

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
    # Site rules: whether they apply, and the registry in force. Cleaner() fills `registry` (the
    # built-in rules, CLEANER_RULES and --rules folders) so the batch's workers receive it loaded.
    site_rules: bool = True
    registry: Registry | None = None
    # Longer pages are cut to this many characters, and the cut recorded (see cleaner/limits.py).
    max_chars: int = MAX_CHARS
    # ...and to this many lines (text dumps) or tags (HTML), which is what cleaning time grows with.
    max_lines: int = MAX_LINES
    max_tags: int = MAX_TAGS

    def over_cleaned(self, before: int, after: int) -> bool:
        """The over-cleaning guard's test: a step that takes a page of real text (`before` kept
        characters) down to almost nothing (`after`) is probably wrong, and is undone."""
        return before >= self.guard_min_chars and after < before * self.guard_keep_share

    def __post_init__(self) -> None:
        object.__setattr__(self, "disable", frozenset(self.disable))
        for name in ("max_chars", "max_lines", "max_tags"):
            value = getattr(self, name)
            if not isinstance(value, int) or value < 1:
                raise ConfigError(f"{name} must be a whole number of at least 1, got {value!r}")
