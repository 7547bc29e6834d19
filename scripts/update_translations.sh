#!/usr/bin/env bash
# Refresh the translation catalogue from the sources, then compile it.
# Edit resources/translations/*.ts with Qt Linguist (.venv/bin/pyside6-linguist) in between.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
.venv/bin/pyside6-lupdate reader/ui/*.py reader/services/*.py -ts resources/translations/report_reader_zh_CN.ts -no-obsolete
.venv/bin/pyside6-lrelease resources/translations/report_reader_zh_CN.ts -qm resources/translations/report_reader_zh_CN.qm
