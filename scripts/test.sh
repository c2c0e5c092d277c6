#!/usr/bin/env bash
# Builds gongwen and runs every test: the whole suite (ctest); a Release build (-O3,
# warnings as errors, build only); the whole suite again built
# with clang under AddressSanitizer + UndefinedBehaviorSanitizer (+ LeakSanitizer); each
# libFuzzer target for 45 s from that same build (GONGWEN_FUZZ_SECONDS=N: N s, 0: none); the
# tests that render in parallel with shared fonts under ThreadSanitizer. Prints the counts
# of each and a closing total. GONGWEN_SANITIZERS=0 skips everything after the first run.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh || exit 1

passed=0
failed=0
run_ctest() {  # DIR [ctest args…]
  local dir=$1
  shift
  local log
  log=$(mktemp)
  (cd "$dir" && ctest --output-on-failure -j "$(nproc)" --timeout 600 "$@") 2>&1 | tee "$log"
  local line
  line=$(grep -E "tests passed, [0-9]+ tests failed out of [0-9]+" "$log" | tail -1)
  rm -f "$log"
  if [ -z "$line" ]; then
    echo "test.sh: ctest in $dir printed no summary" >&2
    failed=$((failed + 1))
    return
  fi
  local total fail
  total=$(echo "$line" | sed -E 's/.*out of ([0-9]+).*/\1/')
  fail=$(echo "$line" | sed -E 's/.*tests passed, ([0-9]+) tests failed.*/\1/')
  passed=$((passed + total - fail))
  failed=$((failed + fail))
}

run_ctest build

# What packagers build: `cmake -DCMAKE_BUILD_TYPE=Release` (-O3), here with warnings as
# errors so that a warning only the optimizer finds cannot come back. The program that
# ships (no tests, no benchmarks: cheap); build only; one run.
echo "== Release build of the program (GCC -O3, warnings as errors)"
launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
if cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DGONGWEN_WERROR=ON \
  -DGONGWEN_BUILD_TESTS=OFF -DGONGWEN_BUILD_BENCHMARKS=OFF "${launcher[@]}" >/dev/null &&
  cmake --build build-release -j "$(nproc)"; then
  echo "release build: passed"
  passed=$((passed + 1))
else
  echo "release build: FAILED"
  failed=$((failed + 1))
fi

if [ "${GONGWEN_SANITIZERS:-1}" != 0 ]; then
  sanitized_build() {  # DIR SANITIZERS — the test binary only
    cmake -S . -B "$1" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" -DGONGWEN_SANITIZE="$2" \
      -DGONGWEN_BUILD_BENCHMARKS=OFF -DGONGWEN_WERROR=ON "${launcher[@]}" >/dev/null &&
      cmake --build "$1" -j "$(nproc)" --target gongwen_tests
  }
  echo "== AddressSanitizer + UndefinedBehaviorSanitizer (clang): the whole suite"
  if bash scripts/configure-sanitized.sh build-asan && cmake --build build-asan -j "$(nproc)"; then
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 run_ctest build-asan
  else
    failed=$((failed + 1))
  fi
  # Each fuzz target for 45 s (two at a time on two cores); GONGWEN_FUZZ_SECONDS=N for
  # another time, 0 to skip.
  fuzz_default=45
  if [ "${GONGWEN_FUZZ_SECONDS:-$fuzz_default}" -gt 0 ]; then
    echo "== libFuzzer: each target for ${GONGWEN_FUZZ_SECONDS:-$fuzz_default} s"
    fuzz_log=$(mktemp)
    bash scripts/fuzz.sh "${GONGWEN_FUZZ_SECONDS:-$fuzz_default}" 2>&1 | tee "$fuzz_log"
    # One count per target: "fuzz_NAME: no crash" or "fuzz_NAME: CRASH …".
    fuzz_passed=$(grep -cE "^fuzz_[a-z_]+: no crash$" "$fuzz_log")
    fuzz_failed=$(grep -cE "^fuzz_[a-z_]+: CRASH" "$fuzz_log")
    [ "$fuzz_passed" -gt 0 ] || [ "$fuzz_failed" -gt 0 ] || fuzz_failed=1  # did not run
    passed=$((passed + fuzz_passed))
    failed=$((failed + fuzz_failed))
    rm -f "$fuzz_log"
  fi
  echo "== ThreadSanitizer: rendering in parallel with shared fonts"
  if sanitized_build build-tsan thread; then
    TSAN_OPTIONS=halt_on_error=1 run_ctest build-tsan -R "Parallel"
  else
    failed=$((failed + 1))
  fi
fi

echo
echo "all test runs: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
