#!/usr/bin/env bash
# Refresh the translation catalogue from the sources, then compile it.
# Edit resources/translations/*.ts with Qt Linguist (.venv/bin/pyside6-linguist) in between.
# Strings that moved to another class keep their translation (scripts/carry_translations.py).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
TS=resources/translations/report_reader_zh_CN.ts
cp "$TS" "$TS.before"
mapfile -t SOURCES < <(find reader/ui reader/services -name "*.py" | sort)
.venv/bin/pyside6-lupdate "${SOURCES[@]}" -ts "$TS" -no-obsolete
.venv/bin/python scripts/carry_translations.py "$TS" --from "$TS.before"
rm -f "$TS.before"
.venv/bin/pyside6-lrelease "$TS" -qm resources/translations/report_reader_zh_CN.qm
