"""A page's own date, read from its HTML metadata, for choosing the layout in force."""
from __future__ import annotations

import re
from datetime import date, datetime

# Where pages state their publication date, most specific first. Scanned in the head of the markup
# with bounded patterns (no nested repetition), so a hostile page cannot make this slow.
_HEAD_CHARS = 200_000
_META_NAMES = ("article:published_time", "og:published_time", "datePublished", "pubdate",
               "publishdate", "publish-date", "date", "dc.date", "dc.date.issued", "sailthru.date",
               "parsely-pub-date")
_NAMES = "|".join(re.escape(n) for n in _META_NAMES)
_META = re.compile(rf"<meta\b[^>]{{0,400}}?(?:property|name|itemprop)\s*=\s*[\"']({_NAMES})[\"'][^>]{{0,400}}?>",
                   re.IGNORECASE)
_CONTENT = re.compile(r"\bcontent\s*=\s*[\"']([^\"']{8,40})[\"']", re.IGNORECASE)
_JSON_LD = re.compile(r"\"datePublished\"\s*:\s*\"([^\"]{8,40})\"")
_TIME = re.compile(r"<time\b[^>]{0,200}?\bdatetime\s*=\s*[\"']([^\"']{8,40})[\"']", re.IGNORECASE)
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def parse_day(value: str | date | None) -> date | None:
    """`2021-06-21`, `2021-06-21T10:00:00Z` or a date -> the day; anything else -> None."""
    if isinstance(value, datetime):
        return value.date()
    if value is None or isinstance(value, date):
        return value
    found = _ISO_DAY.search(str(value))
    if not found:
        return None
    try:
        return date(*map(int, found.groups()))
    except ValueError:
        return None


def html_date(markup: str) -> date | None:
    """The publication day a page's metadata states: meta tags, then JSON-LD, then a <time>."""
    head = markup[:_HEAD_CHARS]
    best: tuple[int, date] | None = None
    for tag in _META.finditer(head):
        content = _CONTENT.search(tag.group(0))
        day = parse_day(content.group(1)) if content else None
        if day is not None:
            rank = _META_NAMES.index(next(n for n in _META_NAMES if n.lower() == tag.group(1).lower()))
            if best is None or rank < best[0]:
                best = (rank, day)
    if best is not None:
        return best[1]
    for pattern in (_JSON_LD, _TIME):
        found = pattern.search(head)
        if found and (day := parse_day(found.group(1))) is not None:
            return day
    return None
