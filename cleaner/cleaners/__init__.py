"""The named cleaners, in the order the pipeline runs them.

Order matters only where one cleaner's verdict informs another's: controls and captions go first
so the title finder sees clean lines; the classifier goes last and judges what no pattern named.
A known site's own rules run before all of them: they are exact where the generic ones guess.
"""
from __future__ import annotations

from .base import Cleaner
from .bylines import Bylines
from .captions import Captions
from .classifier import LineClassifier
from .comments import Comments
from .duplicates import Duplicates
from .markup import Markup
from .navigation import Navigation
from .promos import Promos
from .related import Related
from .site_rules import SiteRulesCleaner
from .title import Title
from .ui_controls import UIControls

PIPELINE_ORDER: tuple[type[Cleaner], ...] = (
    SiteRulesCleaner, Markup, UIControls, Captions, Promos, Bylines, Comments, Title, Related,
    Duplicates, Navigation, LineClassifier,
)


def default_cleaners() -> list[Cleaner]:
    return [cls() for cls in PIPELINE_ORDER]


def cleaner_names() -> tuple[str, ...]:
    """The cleaners' names in pipeline order, without building any of them."""
    return tuple(cls.name for cls in PIPELINE_ORDER)
