#!/usr/bin/env bash
# Idempotent set-up for a fresh Debian 12+/Ubuntu 24.04+ machine:
# system packages, the virtual environment and the Python packages, then a check
# that every tool the app and the tests need is really there.
# Sourced by scripts/run.sh and scripts/test.sh; safe to run again (it only
# installs what is missing).
#
# Why no pipes into `grep -q` below: these scripts run under `set -o pipefail`, and
# grep -q exits at its first match, so the writer dies of SIGPIPE (141) and the pipeline
# reads as false at random. Every command's output is held in a variable and then tested.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"

APT_PACKAGES=(
  # Python itself, for machines without a usable python3.
  python3 python3-venv python3-pip
  # Qt's runtime libraries (offscreen and xcb platforms).
  # (a|b: either name will do — Debian 13 and Ubuntu 24.04 renamed some libraries with a t64 suffix)
  libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 "libglib2.0-0t64|libglib2.0-0" libxkbcommon0
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-render0
  libxcb-shape0 libxcb-util1 libxcb-xkb1 libxkbcommon-x11-0 libxcb-randr0 libxcb-shm0 libxcb-sync1
  libxcb-xfixes0 libx11-xcb1
  # fc-match proves the CJK font below is found.
  fontconfig
  # Chinese fonts: Noto Sans CJK (named explicitly as SC) and WenQuanYi as fallback.
  fonts-noto-cjk fonts-wqy-microhei
  # Speech synthesis for narration (pyttsx3 drives libespeak-ng).
  espeak-ng
  # A virtual screen for end-to-end tests and display-less machines.
  xvfb xauth
  # End-to-end tests press keys in the real window.
  xdotool
  # Tests: pdftotext checks exported PDFs; desktop/AppStream validators for packaging;
  # PyInstaller reads the libraries it bundles with objdump (binutils).
  poppler-utils desktop-file-utils appstream binutils
)

log() { printf '[setup] %s\n' "$*" >&2; }
fail() { printf '[setup] error: %s\n' "$*" >&2; exit 1; }

# True when the Debian package NAME is installed.
package_installed() {
  local status
  status="$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" || return 1
  [[ "$status" == *"ok installed"* ]]
}

# True when apt can install the package NAME on this release.
package_available() {
  local policy
  policy="$(apt-cache policy "$1" 2>/dev/null)" || return 1
  [[ "$policy" == *"Candidate:"* && "$policy" != *"Candidate: (none)"* ]]
}

install_system_packages() {
  command -v dpkg-query >/dev/null 2>&1 || {
    log "not a Debian/Ubuntu system: install the packages listed in scripts/bootstrap.sh yourself"
    return 0
  }
  local wanted=() chosen=() unknown=() names=() package name found
  for package in "${APT_PACKAGES[@]}"; do
    found=""
    IFS='|' read -r -a names <<< "$package"
    for name in "${names[@]}"; do
      if package_installed "$name"; then found=1; break; fi
    done
    [ -n "$found" ] || wanted+=("$package")
  done
  [ ${#wanted[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || fail "root is needed to install: ${wanted[*]} (run as root or install sudo)"
    sudo="sudo"
  fi
  log "updating the package lists"
  $sudo apt-get update -qq || fail "apt-get update failed: check the network and /etc/apt/sources.list"
  for package in "${wanted[@]}"; do  # of alternative names, the one this release has
    found=""
    IFS='|' read -r -a names <<< "$package"
    for name in "${names[@]}"; do
      if package_available "$name"; then chosen+=("$name"); found=1; break; fi
    done
    [ -n "$found" ] || unknown+=("$package")
  done
  [ ${#unknown[@]} -eq 0 ] || log "not offered by this release's archive: ${unknown[*]}"
  [ ${#chosen[@]} -eq 0 ] && return 0
  log "installing system packages: ${chosen[*]}"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${chosen[@]}" >/dev/null ||
    fail "apt-get install failed for: ${chosen[*]}"
}

# Prints the first Python ≥ 3.11 that has the venv module (with ensurepip); fails otherwise.
pick_python() {
  local candidate
  for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  return 1
}

setup_venv() {
  local stamp="$VENV/.installed" want python
  want="$(sha256sum < "$ROOT/pyproject.toml")"
  want="${want%% *}"
  if [ ! -x "$VENV/bin/python" ]; then
    python="$(pick_python)" ||
      fail "Python 3.11 or newer with the venv module is required (Debian/Ubuntu: apt-get install python3 python3-venv)"
    log "creating the virtual environment in .venv with $python"
    "$python" -m venv "$VENV" || fail "$python -m venv .venv failed"
  fi
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    log "installing Python packages (first run takes a few minutes)"
    "$VENV/bin/python" -m pip install --quiet --upgrade pip || fail "pip could not upgrade itself: is PyPI reachable?"
    # (setuptools warns about editable installs in a box of text; nothing to act on here)
    PYTHONWARNINGS="ignore" "$VENV/bin/python" -m pip install --quiet -e "$ROOT[test]" ||
      fail "pip install -e .[test] failed (see pip's message above)"
    echo "$want" > "$stamp"
  fi
}

install_libpython() {
  # PyInstaller (the packaging check) bundles the interpreter's shared library; a system Python
  # on Debian keeps it in its own package (libpython3.11 on Debian 12, libpython3.13 on 13).
  command -v dpkg-query >/dev/null 2>&1 || return 0
  local version package
  version="$("$VENV/bin/python" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")' 2>/dev/null)" || return 0
  case "$("$VENV/bin/python" -c 'import sys; print(sys.base_prefix)' 2>/dev/null)" in
    /usr) ;;            # the system's Python: its library comes from a package
    *) return 0 ;;      # a Python built elsewhere (pyenv, a container image) carries its own
  esac
  package="libpython$version"
  package_installed "$package" && return 0
  package_available "$package" || return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  log "installing $package (the packaged app bundles it)"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$package" >/dev/null ||
    fail "apt-get install $package failed"
}

compile_bytecode() {
  # An editable install leaves the package uncompiled, and with PYTHONDONTWRITEBYTECODE
  # set (as on CI) every start would compile it again: compile once, as pip does for a wheel.
  "$VENV/bin/python" -m compileall -q "$ROOT/reader" >/dev/null
}

# Everything the app and the tests need, checked after installing: one line naming
# whatever is missing and the package that brings it. For the tests (SETUP_FOR=test) a
# missing tool is an error; for the app it is a warning (it runs without a voice or a
# validator), except xvfb-run when there is no display to start on.
verify_tools() {
  local purpose="${SETUP_FOR:-test}" missing=() output
  command -v xvfb-run >/dev/null 2>&1 || missing+=("xvfb-run (package xvfb)")
  command -v xauth >/dev/null 2>&1 || missing+=("xauth (package xauth)")
  if command -v espeak-ng >/dev/null 2>&1; then
    output="$(espeak-ng --voices=cmn 2>/dev/null)" || output=""
    [[ "$output" == *cmn* ]] || missing+=("espeak-ng's Mandarin voice cmn (package espeak-ng-data)")
  else
    missing+=("espeak-ng (package espeak-ng)")
  fi
  if command -v fc-match >/dev/null 2>&1; then
    output="$(fc-match -f '%{family}' 'Noto Sans CJK SC' 2>/dev/null)" || output=""
    [[ "$output" == *CJK* || "$output" == *WenQuanYi* ]] ||
      missing+=("a Chinese font: fc-match 'Noto Sans CJK SC' gave '$output' (package fonts-noto-cjk)")
  else
    missing+=("fc-match (package fontconfig)")
  fi
  if [ "$purpose" = app ]; then
    if [ ${#missing[@]} -gt 0 ]; then
      local joined
      joined="$(printf '%s; ' "${missing[@]}")"
      log "warning: missing: ${joined%; } (the app starts without them)"
    fi
    return 0
  fi
  command -v xdotool >/dev/null 2>&1 || missing+=("xdotool (package xdotool)")
  command -v pdftotext >/dev/null 2>&1 || missing+=("pdftotext (package poppler-utils)")
  command -v desktop-file-validate >/dev/null 2>&1 || missing+=("desktop-file-validate (package desktop-file-utils)")
  command -v appstreamcli >/dev/null 2>&1 || missing+=("appstreamcli (package appstream)")
  command -v objdump >/dev/null 2>&1 || missing+=("objdump (package binutils)")
  if [ ${#missing[@]} -gt 0 ]; then
    local joined
    joined="$(printf '%s; ' "${missing[@]}")"
    fail "missing after set-up: ${joined%; } — install them (apt-get install PACKAGE) and run again"
  fi
}

install_system_packages
setup_venv
install_libpython
compile_bytecode
verify_tools
