"""Rebuild fixtures/seeds.jsonl from fixtures/seeds/*.txt (id = file stem, url null, text = content).

    python scripts/make_seeds_jsonl.py

tests/test_cli.py checks that the two stay in step.
"""
from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "fixtures" / "seeds"
OUT = ROOT / "fixtures" / "seeds.jsonl"


def seed_files(folder: Path = SEEDS) -> list[Path]:
    """The captures themselves, not their `.expected.txt` answers."""
    return sorted(p for p in folder.glob("*.txt") if not p.name.endswith(".expected.txt"))


def records(folder: Path = SEEDS) -> list[dict]:
    return [{"id": p.stem, "url": None, "text": p.read_text(encoding="utf-8")} for p in seed_files(folder)]


def main() -> None:
    with OUT.open("w", encoding="utf-8", newline="\n") as f:
        for record in records():
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
