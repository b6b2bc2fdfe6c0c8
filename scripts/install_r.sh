#!/usr/bin/env bash
# Install Debian's R (r-base-core) for the test that reads the CSV files with R's read.csv, unless it is there.
set -euo pipefail
if command -v Rscript >/dev/null 2>&1; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "Installing Debian r-base-core for the CSV round-trip test..."
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends r-base-core >/dev/null
