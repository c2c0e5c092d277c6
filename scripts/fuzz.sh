#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) in build-asan/ (the same build
# scripts/test.sh runs the sanitized test suite from) and runs each for
# SECONDS (default 60) on a copy of its seed corpus (tests/fuzz/corpus/NAME), as many at
# once as there are cores. A crash is
# saved under tests/fuzz/crashes/ and fails the run; turn it into a regression test.
#   scripts/fuzz.sh [SECONDS] [TARGET…]
# GONGWEN_ASAN_BUILD=DIR builds and runs them in DIR instead of build-asan/.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${GONGWEN_ASAN_BUILD:-build-asan}
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(json_render csv font image http http_head xlsx_sheet)

bash scripts/install-deps.sh >/dev/null
bash scripts/configure-sanitized.sh "$build"
cmake --build "$build" -j "$(nproc)" --target $(printf 'fuzz_%s ' "${targets[@]}")

mkdir -p tests/fuzz/crashes
# One target per core at a time; each writes its log, the summary comes in order.
run_one() {  # TARGET LOGFILE
  local t=$1 log=$2 work
  work=$(mktemp -d)
  cp -r "tests/fuzz/corpus/$t/." "$work/"
  if [ "$t" = font ]; then
    # Small real fonts as seeds (made at run time; no font files live in the repo).
    hb-subset --unicodes=4E2D,6587,FF0C,3002 --output-file="$work/fandol-cff.otf" \
      /usr/local/share/fonts/fandol/FandolFang-Regular.otf 2>/dev/null || true
    hb-subset --unicodes=4E2D,6587 --output-file="$work/uming-tt.ttf" \
      /usr/share/fonts/truetype/arphic/uming.ttc 2>/dev/null || true
  fi
  local rc=0
  ASAN_OPTIONS=detect_leaks=1 "./$build/tests/fuzz/fuzz_$t" "$work" -max_total_time="$seconds" \
    -max_len=65536 -rss_limit_mb=4096 -artifact_prefix="tests/fuzz/crashes/$t-" \
    -print_final_stats=1 >"$log" 2>&1 || rc=$?
  rm -rf "$work"
  echo $rc >"$log.rc"
}
logs=$(mktemp -d)
jobs_max=$(nproc)
for t in "${targets[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$jobs_max" ]; do sleep 1; done
  echo "== fuzz_$t for ${seconds}s"
  run_one "$t" "$logs/$t" &
done
wait
status=0
for t in "${targets[@]}"; do
  if [ "$(cat "$logs/$t.rc")" = 0 ]; then
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$logs/$t" | sed "s/^/  $t /"
    echo "fuzz_$t: no crash"
  else
    tail -40 "$logs/$t"
    echo "fuzz_$t: CRASH (artifact in tests/fuzz/crashes/)"
    status=1
  fi
done
rm -rf "$logs"
exit $status
