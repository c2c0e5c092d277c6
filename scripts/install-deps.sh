#!/usr/bin/env bash
# Installs what gongwen needs to build, run and test, from Debian's packages.
# Idempotent: installs only what is missing. Run as root (or with sudo available).
set -euo pipefail

PACKAGES=(
  # build
  build-essential cmake ninja-build pkg-config clang-format
  # fuzzing (libFuzzer ships with clang's runtime) and the hb-subset tool for fuzz seeds
  clang libclang-rt-14-dev libharfbuzz-bin
  # libraries
  libhpdf-dev libharfbuzz-dev libfreetype-dev libpoco-dev libicu-dev libfontconfig-dev zlib1g-dev libpng-dev
  # tests and benchmarks
  googletest libgtest-dev libgmock-dev libbenchmark-dev
  # the message catalogue's check (xgettext finds every message, msgfmt checks po/zh_CN.po)
  gettext
  # tools the tests use to read the PDFs back
  qpdf poppler-utils mupdf-tools python3 hyperfine
  # spreadsheets written by independent writers for the xlsx reader's tests
  python3-openpyxl python3-xlsxwriter libreoffice-calc-nogui unzip
  # scripts/valgrind-samples.sh (leak check of the sample renders, not run in CI)
  valgrind
  # free fonts: Noto CJK (serif, sans), a TrueType CJK collection, rare-character fallbacks
  fonts-noto-cjk fonts-arphic-uming fonts-arphic-ukai fonts-hanazono fonts-babelstone-han fontconfig
  # the server's tests: the web page in a browser, two instances behind nginx, wrk figures
  chromium nodejs nginx wrk
  # the package and the service unit (scripts/package-test.sh, tests/deploy): cpack's
  # dpkg-shlibdeps, systemd-analyze, strace to see which data the installed program reads
  dpkg-dev systemd strace
)

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# FandolFang / FandolKai (free 仿宋 and 楷体) ship inside texlive-lang-chinese. We take the
# .otf files out of the .deb without installing TeX.
FANDOL_DIR=/usr/local/share/fonts/fandol
if [ ! -f "$FANDOL_DIR/FandolFang-Regular.otf" ] || [ ! -f "$FANDOL_DIR/FandolKai-Regular.otf" ]; then
  echo "install-deps: extracting the Fandol fonts from texlive-lang-chinese"
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && apt-get download texlive-lang-chinese >/dev/null 2>&1) || {
    $SUDO apt-get update -qq && (cd "$work" && apt-get download texlive-lang-chinese >/dev/null)
  }
  dpkg-deb -x "$work"/texlive-lang-chinese_*.deb "$work/x"
  $SUDO mkdir -p "$FANDOL_DIR"
  find "$work/x" -name 'Fandol*.otf' -exec $SUDO cp {} "$FANDOL_DIR/" \;
  $SUDO fc-cache -f "$FANDOL_DIR" >/dev/null
fi
# npm (Debian's package, unless the installed nodejs brings its own), then the browser
# tests' packages from package-lock.json.
if ! command -v npm >/dev/null; then
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends npm >/dev/null
fi
E2E_DIR="$(cd "$(dirname "$0")/.." && pwd)/tests/e2e"
if [ ! -f "$E2E_DIR/node_modules/.package-lock.json" ] ||
  [ "$E2E_DIR/package-lock.json" -nt "$E2E_DIR/node_modules/.package-lock.json" ]; then
  echo "install-deps: npm ci in tests/e2e"
  (cd "$E2E_DIR" && npm ci --no-audit --no-fund --loglevel=error)
fi
echo "install-deps: all dependencies present"
