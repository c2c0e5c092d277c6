#!/usr/bin/env bash
# Configures and builds gongwen in build/ (Release with debug info), after installing
# what is missing. Used by the README's two commands. Warnings are errors here (the
# project's own build); a plain `cmake` build leaves them warnings (GONGWEN_WERROR).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
BUILD_DIR=${BUILD_DIR:-build}
# A compiler cache when the machine has one (a developer's); none on a fresh machine.
launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=${BUILD_TYPE:-RelWithDebInfo} \
  -DGONGWEN_WERROR=ON "${launcher[@]}" >/dev/null
cmake --build "$BUILD_DIR" -j "$(nproc)"
