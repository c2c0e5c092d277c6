#!/usr/bin/env bash
# Builds gongwen and runs every test (ctest prints the counts).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
cd build
ctest --output-on-failure -j "$(nproc)" --timeout 600
