#!/usr/bin/env bash
# Regenerates tests/golden/*.txt, the display lists of the samples that the Golden tests
# compare against, after an intended change of layout. Review `git diff tests/golden`
# before committing: every changed line is something that moved on a page.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
gongwen="$BUILD_DIR/cli/gongwen"
[ -x "$gongwen" ] || bash scripts/build.sh
mkdir -p tests/golden
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for input in samples/*.json; do
  name=$(basename "$input" .json)
  "$gongwen" render "$input" -o "$tmp/$name.pdf" --display-list "tests/golden/$name.txt"
done
for input in samples/*.csv; do
  [ -e "$input" ] || continue
  name=$(basename "$input" .csv)
  "$gongwen" batch -q --layout certificate "$input" -o "$tmp/$name.pdf" \
    --display-list "tests/golden/$name.txt"
done
git status --short tests/golden
