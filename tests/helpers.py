"""Shared helpers for tests: run one cleaner on inline text and read its verdicts."""
from __future__ import annotations

import gzip
import importlib.util
import json
from pathlib import Path

from cleaner.document import Document
from cleaner.options import Options

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "fixtures" / "seeds"
BENCH = ROOT.parent / "shared" / "bench"


def run(cleaner, text: str) -> Document:
    """Apply a single cleaner to a text dump and return the Document with its verdicts."""
    doc = Document.from_text(text)
    cleaner.apply(doc, Options())
    return doc


def reasons(doc: Document) -> dict[str, str]:
    """Removed block text -> "cleaner:rule"."""
    return {r.text: f"{r.cleaner}:{r.rule}" for r in doc.removals()}


def kept(doc: Document) -> list[str]:
    return [doc.texts[i] for i in doc.kept()]


def seeds():
    """(name, input text, expected body, expected meta) for each bundled seed capture."""
    for path in sorted(SEEDS.glob("*.expected.txt")):
        stem = path.name[: -len(".expected.txt")]
        meta = json.loads((SEEDS / f"{stem}.expected.json").read_text(encoding="utf-8"))
        yield (stem, (SEEDS / f"{stem}.txt").read_text(encoding="utf-8"),
               path.read_text(encoding="utf-8"), meta)


def bench_record(name: str, id_prefix: str) -> dict:
    """The record of the shared benchmark's `name` text dump whose id starts with id_prefix (a
    real capture a test reads; tests using it skip when ../shared/bench is absent)."""
    with gzip.open(BENCH / f"{name}.text.jsonl.gz", "rt", encoding="utf-8") as f:
        return next(r for r in map(json.loads, f) if r["id"].startswith(id_prefix))


def load_script(path: Path):
    """A script that is no package module (bench/, train/, the benchmark's score.py), imported from
    its file."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
