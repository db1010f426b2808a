#!/usr/bin/env bash
# Set up .venv if needed, then clean the bundled seed captures:
#   out/seeds.cleaned.jsonl  one JSON line per page (id, url, site, title, text, removed)
#   out/seeds/<id>.txt       each cleaned body as plain text
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/venv.sh
ensure_venv
.venv/bin/cleaner batch fixtures/seeds.jsonl --out out/seeds.cleaned.jsonl --text-dir out/seeds "$@"
echo "cleaned bodies: out/seeds/*.txt; all fields: out/seeds.cleaned.jsonl" >&2
