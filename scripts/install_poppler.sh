#!/usr/bin/env bash
# Install Debian's poppler-utils (pdftotext, pdftoppm) for the print tests, unless it is already there.
set -euo pipefail
if command -v pdftotext >/dev/null 2>&1; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "Installing Debian poppler-utils for the print tests..."
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends poppler-utils >/dev/null
