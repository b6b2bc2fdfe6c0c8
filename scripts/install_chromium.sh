#!/usr/bin/env bash
# Install Debian's Chromium for the browser tests, and poppler-utils for the print tests (they read
# the text boxes of the PDF Chromium makes with pdftotext), unless they are already there.
set -euo pipefail
if { command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; } && command -v pdftotext >/dev/null 2>&1; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "Installing Debian chromium and poppler-utils for the browser and print tests..."
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-dejavu-core poppler-utils >/dev/null
