#!/usr/bin/env bash
# Checks every PDF in DIR (what the test suite kept, see tests/support/KeptPdfs.h): each
# must pass `qpdf --check` and draw with `mutool draw` without a warning. Lists each bad
# file with what was said, and fails when there is one.
#   scripts/check-pdfs.sh DIR
set -uo pipefail
dir=${1:?usage: check-pdfs.sh DIR}
shopt -s nullglob
files=("$dir"/*.pdf)
check_one() {  # FILE — prints nothing when it is good
  local f=$1 out err
  out=$(qpdf --check "$f" 2>&1)
  if [ $? -ne 0 ] || ! grep -q "No syntax or stream encoding errors" <<<"$out"; then
    printf 'BAD %s: qpdf --check:\n%s\n' "$f" "$(head -20 <<<"$out")"
  fi
  # Debian's mutool is built without colour management and says so for every file.
  local rc
  err=$(mutool draw -q -o /dev/null "$f" 2>&1 >/dev/null)
  rc=$?
  err=$(grep -v "^warning: ICC support is not available$" <<<"$err")
  if [ $rc -ne 0 ] || [ -n "$err" ]; then
    printf 'BAD %s: mutool draw:\n%s\n' "$f" "$(head -20 <<<"$err")"
  fi
}
export -f check_one
if [ ${#files[@]} -eq 0 ]; then
  echo "check-pdfs: no PDFs in $dir (no test that makes one ran)"
  exit 0
fi
report=$(printf '%s\0' "${files[@]}" | xargs -0 -r -n 1 -P "$(nproc)" bash -c 'check_one "$0"')
bad=$(grep -c '^BAD ' <<<"$report")
echo "check-pdfs: ${#files[@]} PDFs from the tests in $dir, $bad checks failed"
if [ "$bad" -gt 0 ]; then
  echo "$report"
  exit 1
fi
