"""The library call crawlers make per page: `clean(content)` or a reusable `Cleaner(...)`."""
from __future__ import annotations

import os
import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from .cleaners import default_cleaners
from . import accel, limits
from .decode import decode, unwrap
from .document import Document, dump_lines
from .errors import ConfigError, InputError
from .html.extract import DUMP_ONLY_CLEANERS, drop_thin_body, extract as extract_html
from .html.pageurl import declared_url
from .html.parse import SHALLOW_DEPTH, flatten
from .options import KINDS, Options
from .pipeline import Pipeline
from .reflow import reflow_lines
from .result import CleanResult
from .sites.dates import html_date, parse_day
from .sites.registry import load_registry

# Lone surrogates (from JSON escapes such as "\udc80") cannot be written as UTF-8 by any output.
_SURROGATE = re.compile("[\ud800-\udfff]")
_REPLACEMENT = "\ufffd"


# A URL whose host is plain ASCII letters, digits, dots and hyphens, with a scheme before it and
# nothing after it but a path, query or fragment: what urlsplit() would take apart the same way
# (no user, port, IPv6 brackets, whitespace or control characters for it to handle), read with
# one match. urlsplit() costs tens of microseconds a page, as much as several cleaners.
_PLAIN_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://([A-Za-z0-9.-]*)(?:[/?#]|\Z)")


def site_from_url(url: str | None) -> str | None:
    """The host a URL names, without a leading www.: what the site registry matches against."""
    if not url:
        return None
    plain = _PLAIN_URL.match(url) if isinstance(url, str) else None
    if plain is not None:
        host = plain.group(1).lower()
    else:
        host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    return host[4:] if host.startswith("www.") else (host or None)


def sniff_kind(text: str) -> str:
    """HTML when the start of the content looks like markup, text otherwise."""
    head = text[:2048].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml", "<head", "<body", "<!--")):
        return "html"
    tags = sum(head.count(t) for t in ("<div", "<p>", "<p ", "<meta", "<a href", "<span", "<script"))
    return "html" if tags >= 3 else "text"


class Cleaner:
    """Configuration built once (which cleaners, options, site rules) and reused: thread-safe
    because neither the pipeline nor the options change after construction and each page gets its
    own Document.

    `site_rules=False` turns the site rule registry off; `rules` adds rule folders over the
    built-in ones and CLEANER_RULES (a bad rule file raises `SiteRulesError`, one line a problem).
    """

    def __init__(self, *, disable: Iterable[str] = (), options: Options | None = None,
                 site_rules: bool | None = None, rules: Iterable[str | os.PathLike] = ()):
        base = options or Options()
        self.pipeline = Pipeline(default_cleaners())
        disabled = frozenset(disable) | base.disable
        self.pipeline.check_names(disabled)
        use_rules = base.site_rules if site_rules is None else site_rules
        registry = None
        if use_rules:
            folders = tuple(rules)
            if base.registry is None:
                registry = load_registry(folders)
            else:
                registry = base.registry.overlaid(load_registry(folders, builtin=False, env=False)) \
                    if folders else base.registry
        self.options = Options(**{**base.__dict__, "disable": disabled, "site_rules": use_rules,
                                  "registry": registry})
        # HTML pages skip the cleaners made for flattened dumps (see DUMP_ONLY_CLEANERS).
        self._html_options = Options(**{**self.options.__dict__,
                                        "disable": disabled | DUMP_ONLY_CLEANERS})

    @property
    def cleaner_names(self) -> tuple[str, ...]:
        return self.pipeline.names

    def clean(self, content: str | bytes, *, url: str | None = None, site: str | None = None,
              kind: str = "auto", date: str | None = None, charset: str | None = None) -> CleanResult:
        """Clean one page. For bytes, `charset` is the transport's (an HTTP header's) charset,
        tried after a BOM and before what the page declares. Whatever the content, this returns:
        bytes that are no page (binary data, corrupt gzip) give an empty result whose
        `not_a_page` says why; only a caller's mistake (content neither str nor bytes, an unknown
        kind) raises."""
        if kind not in KINDS:
            raise ConfigError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
        truncated = size = None
        if isinstance(content, (bytes, bytearray, memoryview)):
            try:
                content, truncated, size = self._decode(bytes(content), kind, charset)
            except InputError as e:  # binary data, corrupt gzip: an answer, not an exception
                return CleanResult(text="", title=None, site=site or site_from_url(url), removed=(),
                                   kind=kind, url=url, not_a_page=str(e))
        elif not isinstance(content, str):
            raise InputError(f"content must be str or bytes, not {type(content).__name__}")
        else:
            content = sanitize(content)
        if kind == "auto":
            kind = sniff_kind(content)
        parts = self.options.max_tags if kind == "html" else self.options.max_lines
        content, cut = limits.cut_text(content, kind, self.options.max_chars, parts, size)
        if cut:  # (the notes joined by "; ", without a generator a page)
            truncated = f"{cut}; {truncated}" if truncated else cut
        truncated = truncated or None
        doc = self.run_cleaners(self.document(content, kind, url=url, site=site, date=date), kind)
        return CleanResult.from_document(doc, kind, truncated=truncated)

    def document(self, content: str, kind: str, *, url: str | None = None, site: str | None = None,
                 date: str | None = None) -> Document:
        """The blocks the cleaners will see in a decoded page of a known kind: the blocks extracted
        from HTML (with a known site's selectors), or a text dump's lines, reflowed. An HTML page
        given without a URL is read with the one it states for itself (canonical, og:url)."""
        if kind == "html":
            page_url = url or declared_url(content)
            meta = {"site": site or site_from_url(page_url), "date": date}
            return _extract_html(content, page_url, meta, self._html_site_rules(content, meta))
        meta = {"site": site or site_from_url(url), "date": date}
        return Document.from_lines(reflow_lines(dump_lines(content), content), url=url, **meta)

    def run_cleaners(self, doc: Document, kind: str) -> Document:
        """The pipeline over a page's blocks. HTML skips the cleaners made for flattened dumps, and
        an HTML body left near-empty goes whole."""
        if kind == "html":
            self.pipeline.run(doc, self._html_options)
            drop_thin_body(doc)
        else:
            self.pipeline.run(doc, self.options)
        return doc

    def _html_site_rules(self, markup: str, meta: dict) -> dict:
        """The known site's selectors for extraction. Fills meta["date"] from the page's own
        metadata when the caller gave none, so the site_rules cleaner picks the same layout."""
        registry = self.options.registry
        if registry is None or "site_rules" in self.options.disable:
            return {}
        if meta["date"] is None:
            day = html_date(markup)
            meta["date"] = day.isoformat() if day else None
        rules = registry.for_host(meta["site"])
        layout = rules.layout_for(parse_day(meta["date"])) if rules else None
        if layout is None:
            return {}
        return {"drop_selectors": layout.drop_selectors, "body_selector": layout.body_selector,
                "drop_rule": rules.rule_name(layout, "drop_selectors")}

    def _decode(self, data: bytes, kind: str, charset: str | None) -> tuple[str, str | None, str]:
        """Bytes to text within the size limit (gzip undone first): the text, a note when the bytes
        were cut short, and the page's size for the note the size limit may add."""
        size = f"{len(data):,} bytes"
        unwrapped, note = unwrap(data, limits.max_bytes(self.options.max_chars))
        if unwrapped is not data:
            size = f"{len(data):,} bytes of gzip"
        html = kind == "html" or (kind == "auto" and sniff_kind(unwrapped[:2048].decode("latin-1")) == "html")
        unwrapped, cut = limits.cut_bytes(unwrapped, self.options.max_chars, html)
        return decode(unwrapped, charset, final=not cut), note, size


def _extract_html(markup: str, url: str | None, meta: dict, selectors: dict) -> Document:
    """Blocks of an HTML page, with the known site's selectors. The extractor walks some nestings
    (lists in lists) recursively; a page nested deeper than the stack allows is flattened and
    extracted again."""
    try:
        return extract_html(markup, url=url, **meta, **selectors)
    except RecursionError:
        return extract_html(flatten(markup, SHALLOW_DEPTH), url=url, **meta, **selectors)


def sanitize(text: str) -> str:
    """Text without NUL bytes and with lone surrogates replaced, so any output can be encoded."""
    fast = accel.dumptext
    if fast is not None and not fast.needs_sanitizing(text):  # (one pass, where the two below take two)
        return text
    if "\x00" in text:
        text = text.replace("\x00", "")
    try:  # UTF-8 refuses surrogates and nothing else, and says so many times faster than a search
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub(_REPLACEMENT, text)
    return text


_DEFAULT: Cleaner | None = None


def clean(content: str | bytes, *, url: str | None = None, site: str | None = None,
          kind: str = "auto") -> CleanResult:
    """Clean one page with the default configuration."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Cleaner()
    return _DEFAULT.clean(content, url=url, site=site, kind=kind)
