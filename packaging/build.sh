#!/usr/bin/env bash
# Build the one-folder application with PyInstaller: dist/report-reader/report-reader.
# Usage: packaging/build.sh [--onefile]    (run from a clean checkout; sets itself up first)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/bootstrap.sh"
cd "$ROOT"
.venv/bin/python -m pip install --quiet -e ".[packaging]"
export QT_QPA_PLATFORM=offscreen
if [ "${1:-}" = "--onefile" ]; then
  export REPORT_READER_ONEFILE=1
fi
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN \
  --distpath "$ROOT/dist" --workpath "$ROOT/build/pyinstaller" packaging/report-reader.spec
# Desktop integration files travel with the folder build.
if [ -z "${REPORT_READER_ONEFILE:-}" ]; then
  mkdir -p dist/report-reader/share/applications dist/report-reader/share/metainfo \
           dist/report-reader/share/icons/hicolor/scalable/apps
  cp packaging/linux/io.github.reportreader.ReportReader.desktop dist/report-reader/share/applications/
  cp packaging/linux/io.github.reportreader.ReportReader.metainfo.xml dist/report-reader/share/metainfo/
  cp resources/icons/report-reader.svg \
     dist/report-reader/share/icons/hicolor/scalable/apps/io.github.reportreader.ReportReader.svg
  for size in 16 32 48 64 128 256 512; do
    mkdir -p "dist/report-reader/share/icons/hicolor/${size}x${size}/apps"
    cp "resources/icons/report-reader-${size}.png" \
       "dist/report-reader/share/icons/hicolor/${size}x${size}/apps/io.github.reportreader.ReportReader.png"
  done
fi
echo "[build] done: $(du -sh dist/report-reader* | tr '\n' ' ')"
