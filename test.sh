#!/usr/bin/env bash
# Installs what is missing (Debian 12), builds, and runs the whole test suite (CTest + Qt Test) without a display.
set -euo pipefail
cd "$(dirname "$0")"
bash installer/install-deps.sh
bash installer/build.sh
cd build
QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j "$(nproc)" --timeout 300 "$@"
