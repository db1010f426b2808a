#!/usr/bin/env bash
# Set up .venv with the test extra if needed, then run the whole test suite (extra args go to pytest).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/venv.sh
ensure_venv test
# Say which path the tests exercise: the C accelerators, or the pure-Python fallback (no compiler
# when cleaner was installed, or CLEANER_PURE_PYTHON set).
.venv/bin/python -c 'from cleaner import accel; print(accel.describe())' >&2
exec .venv/bin/python -m pytest -q "$@"
