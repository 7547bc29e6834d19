#!/usr/bin/env bash
# The packaging check: build the one-folder app from this checkout, run its self-check
# offscreen, validate the desktop and AppStream files, and report size and start-up.
# Usage: packaging/check.sh [--no-build]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
if [ "${1:-}" != "--no-build" ]; then
  bash packaging/build.sh
fi
export QT_QPA_PLATFORM=offscreen
echo "[check] self-check of the packaged app" >&2
dist/report-reader/report-reader --self-check
echo "[check] desktop entry and AppStream metainfo" >&2
desktop-file-validate packaging/linux/io.github.reportreader.ReportReader.desktop
appstreamcli validate --no-net packaging/linux/io.github.reportreader.ReportReader.metainfo.xml
echo "[check] size and start-up" >&2
.venv/bin/python packaging/measure.py
echo "[check] packaging check passed" >&2
