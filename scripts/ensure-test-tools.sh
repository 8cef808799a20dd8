#!/usr/bin/env bash
# Installs the independent report checkers used by the jest checks (test/checks/**):
#   - openpyxl for Debian's /usr/bin/python3 (NOT the pyenv python3 on PATH), to read the workbook back;
#   - headless Chromium, to render summary.html.
# Idempotent: exits at once when both are present. Needs root (or sudo) and apt.
set -euo pipefail

PYTHON=/usr/bin/python3
CHROMIUM=/usr/bin/chromium

have_tools() {
  "$PYTHON" -c 'import openpyxl' >/dev/null 2>&1 && "$CHROMIUM" --version >/dev/null 2>&1
}

if have_tools; then
  echo "ensure-test-tools: openpyxl and chromium already installed"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-test-tools: apt-get not found; install python3-openpyxl (for $PYTHON) and chromium ($CHROMIUM) by hand" >&2
  exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  else
    echo "ensure-test-tools: not root and no sudo; run as root: apt-get install -y python3-openpyxl chromium" >&2
    exit 1
  fi
fi

echo "ensure-test-tools: installing python3-openpyxl and chromium with apt"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends python3-openpyxl chromium

if ! have_tools; then
  echo "ensure-test-tools: installed, but '$PYTHON -c \"import openpyxl\"' or '$CHROMIUM --version' still fails" >&2
  exit 1
fi
echo "ensure-test-tools: done"
