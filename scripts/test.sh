#!/usr/bin/env bash
# Set everything up if needed, then run the whole test suite:
# ruff, the import-linter layer contracts, mypy, and pytest (core, services, widgets, end-to-end).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SETUP_FOR=test
source "$ROOT/scripts/bootstrap.sh"
cd "$ROOT"
export QT_QPA_PLATFORM=offscreen
echo "[test] ruff" >&2
.venv/bin/ruff check .
echo "[test] import-linter" >&2
.venv/bin/lint-imports
echo "[test] mypy (--strict on reader/core, default on the rest)" >&2
.venv/bin/mypy --strict reader/core
.venv/bin/mypy reader
echo "[test] pytest" >&2
exec .venv/bin/python -m pytest "$@"
