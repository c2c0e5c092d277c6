#!/usr/bin/env bash
# The main job: renders every sample in samples/ to PDF in out/: each JSON record with
# `gongwen render`, each spreadsheet (samples/*.csv, certificates) with `gongwen batch`
# into one merged PDF.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
mkdir -p out
status=0
for input in samples/*.json; do
  name=$(basename "$input" .json)
  if ./build/cli/gongwen render "$input" -o "out/$name.pdf"; then
    echo "rendered out/$name.pdf ($(stat -c %s "out/$name.pdf") bytes)"
  else
    echo "FAILED: $input" >&2
    status=1
  fi
done
for input in samples/*.csv; do
  [ -e "$input" ] || continue
  name=$(basename "$input" .csv)
  if ./build/cli/gongwen batch --layout certificate "$input" -o "out/$name.pdf"; then
    echo "rendered out/$name.pdf ($(stat -c %s "out/$name.pdf") bytes)"
  else
    echo "FAILED: $input" >&2
    status=1
  fi
done
exit $status
