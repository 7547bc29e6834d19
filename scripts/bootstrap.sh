#!/usr/bin/env bash
# Idempotent set-up for a fresh Debian 12+/Ubuntu 24.04+ machine:
# system packages, the virtual environment and the Python packages.
# Sourced by scripts/run.sh and scripts/test.sh; safe to run again (it only
# installs what is missing).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"

APT_PACKAGES=(
  # Python itself, for machines without a usable python3.
  python3 python3-venv python3-pip
  # Qt's runtime libraries (offscreen and xcb platforms).
  # (a|b: either name will do — Debian 13 and Ubuntu 24.04 renamed some libraries with a t64 suffix)
  libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 "libglib2.0-0|libglib2.0-0t64" libxkbcommon0
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-render0
  libxcb-shape0 libxcb-util1 libxcb-xkb1 libxkbcommon-x11-0 libxcb-randr0 libxcb-shm0 libxcb-sync1
  libxcb-xfixes0 libx11-xcb1
  # Chinese fonts: Noto Sans CJK (named explicitly as SC) and WenQuanYi as fallback.
  fonts-noto-cjk fonts-wqy-microhei
  # Speech synthesis for narration (pyttsx3 drives libespeak-ng).
  espeak-ng
  # A virtual screen for end-to-end tests and display-less machines.
  xvfb xauth
  # End-to-end tests press keys in the real window.
  xdotool
  # Tests: pdftotext checks exported PDFs; desktop/AppStream validators for packaging.
  poppler-utils desktop-file-utils appstream
)

log() { printf '[setup] %s\n' "$*" >&2; }

install_system_packages() {
  command -v dpkg-query >/dev/null 2>&1 || { log "not a Debian/Ubuntu system: install the packages listed in $0 yourself"; return 0; }
  local missing=() wanted=() names=() package name found
  for package in "${APT_PACKAGES[@]}"; do
    found=""
    IFS='|' read -r -a names <<< "$package"
    for name in "${names[@]}"; do
      if dpkg-query -W -f='${Status}' "$name" 2>/dev/null | grep -q "ok installed"; then found=1; break; fi
    done
    [ -n "$found" ] || wanted+=("$package")
  done
  [ ${#wanted[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { log "need root to install: ${wanted[*]}"; exit 1; }
    sudo="sudo"
  fi
  $sudo apt-get update -qq
  for package in "${wanted[@]}"; do  # of alternative names, the one this release has
    IFS='|' read -r -a names <<< "$package"
    for name in "${names[@]}"; do
      if apt-cache policy "$name" 2>/dev/null | grep -q "Candidate: [^(]"; then missing+=("$name"); break; fi
    done
  done
  log "installing system packages: ${missing[*]}"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

pick_python() {
  local candidate
  for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys, venv; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  log "Python 3.11 or newer with the venv module is required"; exit 1
}

setup_venv() {
  local stamp="$VENV/.installed" want
  want="$(cat "$ROOT/pyproject.toml" | sha256sum | cut -d' ' -f1)"
  if [ ! -x "$VENV/bin/python" ]; then
    log "creating the virtual environment in .venv"
    "$(pick_python)" -m venv "$VENV"
  fi
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    log "installing Python packages (first run takes a few minutes)"
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
    # (setuptools warns about editable installs in a box of text; nothing to act on here)
    PYTHONWARNINGS="ignore" "$VENV/bin/python" -m pip install --quiet -e "$ROOT[test]"
    echo "$want" > "$stamp"
  fi
}

compile_bytecode() {
  # An editable install leaves the package uncompiled, and with PYTHONDONTWRITEBYTECODE
  # set (as on CI) every start would compile it again: compile once, as pip does for a wheel.
  "$VENV/bin/python" -m compileall -q "$ROOT/reader" >/dev/null
}

install_system_packages
setup_venv
compile_bytecode
