"""The URL a page states for itself (`<link rel="canonical">`, else `og:url`), for pages that come
without one: HTML files saved to a folder, a crawler's records that lost the field. The site, its
rules and the extraction's URL cues (a date in the path, a section front's short slug) all read
the URL; without it a known site's page is cleaned as an unknown one.

Read from the head of the raw markup with bounded patterns, as the page's date is
(`cleaner/sites/dates.py`): the site's rules choose the selectors before the page is parsed."""
from __future__ import annotations

import html
import re

_HEAD_CHARS = 200_000
# One tag each, its attributes in any order; bounded so a hostile page cannot make the scan slow.
_LINK = re.compile(r"<link\b([^<>]{0,600})>", re.IGNORECASE)
_META = re.compile(r"<meta\b([^<>]{0,600})>", re.IGNORECASE)
_CANONICAL = re.compile(r"\brel\s*=\s*[\"']?canonical\b", re.IGNORECASE)
_OG_URL = re.compile(r"\b(?:property|name)\s*=\s*[\"']?og:url\b", re.IGNORECASE)
_HREF = re.compile(r"\bhref\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'>]+))", re.IGNORECASE)
_CONTENT = re.compile(r"\bcontent\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'>]+))", re.IGNORECASE)
# An absolute web address with a host: a relative canonical ("/story") names no site.
_ABSOLUTE = re.compile(r"https?://[^/\s?#]+\.[^/\s?#]+(?:[/?#]\S*)?\Z", re.IGNORECASE)


def declared_url(markup: str) -> str | None:
    """The page's canonical URL, else its `og:url`, when it is an absolute http(s) address."""
    head = markup[:_HEAD_CHARS]
    for tags, marks, value in ((_LINK, _CANONICAL, _HREF), (_META, _OG_URL, _CONTENT)):
        for tag in tags.finditer(head):
            attributes = tag.group(1)
            if not marks.search(attributes):
                continue
            found = value.search(attributes)
            url = html.unescape(next(g for g in found.groups() if g is not None)).strip() if found else ""
            if _ABSOLUTE.match(url):
                return url
    return None
