#!/usr/bin/env bash
# Set everything up if needed, then start Report Reader on the bundled report
# (or on the path/URL given as argument).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SETUP_FOR=app
source "$ROOT/scripts/bootstrap.sh"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  command -v xvfb-run >/dev/null 2>&1 ||
    { echo "[run] error: no display, and xvfb-run is missing to make one (apt-get install xvfb xauth)" >&2; exit 1; }
  echo "[run] no display found: starting on a virtual screen (xvfb-run)" >&2
  exec xvfb-run -a -s "-screen 0 1440x900x24" "$ROOT/.venv/bin/report-reader" "$@"
fi
exec "$ROOT/.venv/bin/report-reader" "$@"
