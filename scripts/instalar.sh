#!/usr/bin/env bash
# Installs everything buzon-pipeline needs on a fresh Debian (as root): system packages,
# a virtual environment in .venv with the package and its test tools. Safe to re-run.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  tesseract-ocr tesseract-ocr-spa poppler-utils python3-venv
  # tesserocr is built against this libtesseract, so the in-process engine is the same
  # Tesseract as the command (reading/ocr.py).
  libtesseract-dev libleptonica-dev pkg-config
  # The tests start a throw-away PostgreSQL server from these binaries (registry on PostgreSQL).
  postgresql
  # A real headless browser for the review page tests (tests/test_review_browser.py, Selenium).
  chromium chromium-driver
  # Fonts for the form template and the synthetic handwriting-like samples.
  fonts-dejavu-core fonts-liberation fonts-dkg-handwriting fonts-breip fonts-femkeklaver
  fonts-comic-neue
)
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
# From source, not PyPI's wheel: the wheel bundles another Tesseract, which reads differently.
.venv/bin/python -m pip install -q --no-binary tesserocr 'tesserocr>=2.7'
.venv/bin/python -m pip install -q -e '.[dev]'
echo "Instalación completa: .venv/bin/buzon"
