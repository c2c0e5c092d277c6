#!/usr/bin/env bash
# The streamed merged batch's figures (docs/streamed-batches.md): peak memory and time of
# `gongwen batch` for 1000, 5000, 20 000 and 100 000 certificates from a CSV into one PDF,
# whole process, medians of farm-bench runs (peak = the process's maximum resident set).
# Usage: bench/streamed-batch-figures.sh [BUILD_DIR] [RUNS] [COUNTS...]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
runs=${2:-3}
shift 2 2>/dev/null || shift $#
counts=${*:-1000 5000 20000 100000}
gongwen="$PWD/$build/cli/gongwen"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

for n in $counts; do
  python3 bench/certificate-rows.py "$out/people-$n.csv" "$PWD/samples/specimen-seal.png" "$n"
  echo "== $n certificates"
  farm-bench -n "$runs" --timeout 1800 -- \
    "$gongwen" batch -q --layout certificate "$out/people-$n.csv" -o "$out/all-$n.pdf"
  echo "PDF $(stat -c %s "$out/all-$n.pdf") bytes"
done
