#!/usr/bin/env bash
# Renders each sample (samples/*.json) with `gongwen render` under valgrind memcheck: any
# leak ("definitely" or "indirectly" lost) or memory error fails. A few seconds a sample;
# ctest runs it as `valgrind_samples` in the normal build (tests/CMakeLists.txt).
#   scripts/valgrind-samples.sh [BUILD_DIR]   (default build/, a normal build)
set -uo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
gongwen="$build/cli/gongwen"
[ -x "$gongwen" ] || { echo "no $gongwen: build first (scripts/build.sh)" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
status=0
for sample in samples/*.json; do
  name=$(basename "$sample" .json)
  start=$(date +%s)
  if valgrind --quiet --leak-check=full --errors-for-leak-kinds=definite,indirect \
    --show-leak-kinds=definite,indirect --error-exitcode=1 \
    "$gongwen" render "$sample" -o "$out/$name.pdf" 2>"$out/$name.log"; then
    echo "$name: no leaks, no errors ($(($(date +%s) - start)) s)"
  else
    echo "$name: FAILED ($(($(date +%s) - start)) s)"
    cat "$out/$name.log"
    status=1
  fi
done
exit $status
