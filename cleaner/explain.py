"""`--explain`: every block of a page in order, kept or removed, with the cleaner and rule responsible.

Two renderings of the same rows: plain text (one block a line, for pipes, files and tests) and a
coloured table for a terminal.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TextIO

from .document import Removal
from .result import CleanResult

# Control characters (C0 but tab and line feed, DEL, C1): a page that carries ESC or CSI sequences
# could retitle the window or rewrite the screen of whoever looks at it in a terminal.
_TERMINAL_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def for_terminal(text: str) -> str:
    """Page text made safe to show in a terminal: control characters dropped."""
    return _TERMINAL_CONTROLS.sub("", text)


@dataclass(frozen=True)
class Row:
    index: int
    text: str
    removal: Removal | None  # None while the block is kept
    trims: list[Removal] = field(default_factory=list)

    @property
    def kept(self) -> bool:
        return self.removal is None

    @property
    def label(self) -> str:
        """The block's number; "-" for what left the page before its blocks were made."""
        return "-" if self.index < 0 else str(self.index)

    @property
    def reason(self) -> str:
        return "" if self.removal is None else f"{self.removal.cleaner}:{self.removal.rule}"


def rows(result: CleanResult) -> list[Row]:
    """One row per block of the page, removed blocks showing the text they had when dropped; first
    a row for each piece removed from the page before its blocks were made (HTML furniture, a
    site's selectors)."""
    doc = result.document
    if doc is None:
        return []
    trims: dict[int, list[Removal]] = {}
    for t in doc.trims:
        trims.setdefault(t.index, []).append(t)
    early = [Row(-1, r.text, r) for r in doc.before]
    return early + [Row(i, doc.texts[i] if d is None else d.text, d, trims.get(i, []))
                    for i, d in enumerate(doc.dropped)]


def header(result: CleanResult, table: list[Row]) -> list[tuple[str, str]]:
    removed_chars = sum(len(r.text) for r in result.removed)
    blocks = [r for r in table if r.index >= 0]
    kept = sum(r.kept for r in blocks)
    lines = [("title", result.title or "-"), ("site", result.site or "-"), ("kind", result.kind),
             ("blocks", f"{len(blocks)} ({kept} kept, {len(blocks) - kept} removed), "
                        f"{removed_chars} characters removed")]
    if len(blocks) < len(table):
        early = len(table) - len(blocks)
        lines.append(("before extraction", f"{early} element{'s' if early > 1 else ''} removed"))
    if result.description:
        lines.insert(1, ("description", result.description))
    guarded = result.document.guarded if result.document is not None else []
    if guarded:
        lines.append(("guard", "undid " + ", ".join(guarded) + " (it removed nearly everything)"))
    return lines


def render_plain(result: CleanResult, out: TextIO) -> None:
    table = rows(result)
    for key, value in header(result, table):
        out.write(f"{key}: {value}\n")
    out.write("\n")
    width = max((len(r.reason) for r in table), default=0)
    digits = len(str(max(len(table) - 1, 0)))
    for r in table:
        mark = "keep" if r.kept else "DROP"
        out.write(f"{r.label:>{digits}} {mark} {r.reason:<{width}}  {r.text}".rstrip() + "\n")
        for t in r.trims:
            out.write(f"{'':>{digits}} TRIM {t.cleaner}:{t.rule}  {t.text}\n")


def render_rich(result: CleanResult, console) -> None:
    from rich.table import Table
    from rich.text import Text

    table_rows = rows(result)
    for key, value in header(result, table_rows):
        console.print(Text.assemble((f"{key}: ", "bold"), for_terminal(value)))
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False, expand=True)
    table.add_column("#", justify="right", style="dim", no_wrap=True)
    table.add_column("", no_wrap=True)
    table.add_column("removed by", no_wrap=True, style="magenta")
    table.add_column("text", ratio=1, overflow="fold")
    for r in table_rows:
        if r.kept:
            table.add_row(r.label, Text("keep", "green"), "", Text(for_terminal(r.text)))
        else:
            table.add_row(r.label, Text("drop", "red"), r.reason, Text(for_terminal(r.text), "dim strike"))
        for t in r.trims:
            table.add_row("", Text("trim", "yellow"), f"{t.cleaner}:{t.rule}", Text(for_terminal(t.text), "dim strike"))
    console.print(table)
