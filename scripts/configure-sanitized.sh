#!/usr/bin/env bash
# Configures DIR as the clang build with AddressSanitizer + UndefinedBehaviorSanitizer and
# libFuzzer instrumentation: the test suite and the fuzz targets come from one build.
set -euo pipefail
dir=${1:-build-asan}
launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
CC=clang CXX=clang++ cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" -DGONGWEN_FUZZ=ON -DGONGWEN_BUILD_BENCHMARKS=OFF \
  -DGONGWEN_SANITIZE=fuzzer-no-link,address,undefined -DGONGWEN_WERROR=ON >/dev/null
