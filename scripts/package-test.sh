#!/usr/bin/env bash
# Builds the Debian package from a build folder (cpack -G DEB), checks what it holds and
# depends on, installs it with apt-get into this system, runs the installed program from
# another folder (a render, and `gongwen serve` answering /healthz and a render), and
# removes it again. Needs root (or sudo) and a Debian 12 system; ctest runs it
# (package_deb, label "package").
#   scripts/package-test.sh [BUILD_DIR]     (default build/)
# GONGWEN_KEEP_DEB=DIR keeps the .deb in DIR.
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$src/build}" && pwd)
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
apt_opts=(-y -qq -o DPkg::Lock::Timeout=300)

fail() {
  echo "package-test: FAIL: $*" >&2
  exit 1
}
# Never overwrite a gongwen that another package or a hand install put there.
if [ -e /usr/bin/gongwen ] && ! dpkg -S /usr/bin/gongwen 2>/dev/null | grep -q '^gongwen:'; then
  fail "/usr/bin/gongwen exists and is not from the gongwen package; not touching it"
fi

work=$(mktemp -d)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  if dpkg-query -W -f='${Status}' gongwen 2>/dev/null | grep -q "install ok installed"; then
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get remove "${apt_opts[@]}" gongwen >/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "== cpack -G DEB"
cmake --build "$build" --target gongwen >/dev/null
(cd "$build" && cpack -G DEB -B "$work/pkg" >"$work/cpack.log" 2>&1) || {
  cat "$work/cpack.log"
  fail "cpack"
}
deb=$(ls "$work"/pkg/gongwen_*.deb)
[ -f "$deb" ] || fail "no gongwen_*.deb from cpack"
if [ -n "${GONGWEN_KEEP_DEB:-}" ]; then cp "$deb" "$GONGWEN_KEEP_DEB/"; fi
echo "$(basename "$deb"): $(du -h "$deb" | cut -f1)"

echo "== contents (dpkg-deb -c)"
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' >"$work/files"
for f in /usr/bin/gongwen /usr/share/gongwen/layouts/gongwen.json \
  /usr/share/gongwen/layouts/certificate.json /usr/share/gongwen/fonts/fonts.json \
  /usr/share/gongwen/web/index.html /usr/share/gongwen/web/app.js \
  /usr/lib/systemd/system/gongwen.service /usr/lib/systemd/system/gongwen@.service \
  /usr/share/doc/gongwen/examples/gongwen.conf; do
  grep -qx "$f" "$work/files" || fail "$f is not in the package"
done
layouts_in_repo=$(ls "$src"/layouts/*.json | wc -l)
layouts_in_deb=$(grep -c '^/usr/share/gongwen/layouts/.*\.json$' "$work/files")
[ "$layouts_in_deb" -eq "$layouts_in_repo" ] ||
  fail "$layouts_in_deb layouts in the package, $layouts_in_repo in layouts/"
# Only the program: no test, benchmark or fuzz binaries, nothing from the build tree.
if grep -Ei 'test|bench|fuzz|CMakeFiles' "$work/files"; then fail "test or build files in the package"; fi
executables=$(dpkg-deb -c "$deb" | awk '$1 ~ /^-..x/ {print $6}')
[ "$executables" = "./usr/bin/gongwen" ] || fail "executables in the package: $executables"

echo "== dependencies (dpkg-deb -f)"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
echo "Recommends: $(dpkg-deb -f "$deb" Recommends)"
for p in libharfbuzz0b libharfbuzz-subset0 'libicu[0-9]+' 'libpoco(foundation|json|net|util|zip)[0-9]+' \
  'libhpdf-' libfontconfig1 'libpng16-16' zlib1g libfreetype6 fonts-noto-cjk fonts-arphic-ukai; do
  echo "$depends" | grep -Eq "(^|, )$p" || fail "Depends does not name $p"
done

echo "== apt-get install ./$(basename "$deb")"
cp "$deb" "$work/"
(cd "$work" && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install "${apt_opts[@]}" \
  --no-install-recommends "./$(basename "$deb")" >"$work/apt.log" 2>&1) || {
  cat "$work/apt.log"
  fail "apt-get install"
}
[ "$(command -v gongwen)" = /usr/bin/gongwen ] || fail "gongwen is not /usr/bin/gongwen"
gongwen --version

echo "== gongwen render, from another folder, with the installed data only"
mkdir "$work/office"
cp "$src/samples/certificate-mayor-quality-award.json" "$src/samples/specimen-seal.png" "$work/office/"
cp "$src/samples/decision-quality-awards.json" "$src/samples/article-quality-conference.json" \
  "$work/office/"
cd "$work/office"
# The installed program must read /usr/share/gongwen, not the source tree it was built in.
env -u GONGWEN_DATA_DIR strace -f -qq -e trace=openat -e signal=none -o "$work/trace" \
  gongwen render certificate-mayor-quality-award.json -o certificate.pdf
grep -q '"/usr/share/gongwen/layouts/certificate.json"' "$work/trace" ||
  fail "the installed program did not read /usr/share/gongwen/layouts"
grep -q '"/usr/share/gongwen/fonts/fonts.json"' "$work/trace" ||
  fail "the installed program did not read /usr/share/gongwen/fonts/fonts.json"
if grep -F "\"$src/" "$work/trace"; then fail "the installed program read the source tree"; fi
env -u GONGWEN_DATA_DIR gongwen render decision-quality-awards.json -o decision.pdf
for pdf in certificate.pdf decision.pdf; do
  [ "$(head -c 5 "$pdf")" = "%PDF-" ] || fail "$pdf is not a PDF"
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  [ "${pages:-0}" -ge 1 ] || fail "$pdf has no pages"
  echo "$pdf: $pages pages, $(stat -c %s "$pdf") bytes"
done

echo "== gongwen serve: /healthz and a render"
env -u GONGWEN_DATA_DIR gongwen serve --bind 127.0.0.1 --port 0 2>"$work/serve.log" &
server_pid=$!
url=""
for _ in $(seq 1 100); do
  url=$(grep -oE 'http://127\.0\.0\.1:[0-9]+' "$work/serve.log" | head -1 || true)
  [ -n "$url" ] && break
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.2
done
[ -n "$url" ] || {
  cat "$work/serve.log"
  fail "gongwen serve did not start"
}
health=$(curl -sS -w '\n%{http_code}' "$url/healthz")
[ "$(echo "$health" | tail -1)" = 200 ] || fail "/healthz: $health"
echo "$health" | head -1 | grep -q '"status":"ok"' || fail "/healthz: $health"
echo "/healthz: 200 $(echo "$health" | head -1 | cut -c1-80)…"
curl -sS -f -o "$work/served.pdf" -H 'Content-Type: application/json' \
  --data-binary @article-quality-conference.json "$url/v1/render" || fail "POST /v1/render"
[ "$(head -c 5 "$work/served.pdf")" = "%PDF-" ] || fail "/v1/render gave no PDF"
# Read whole, then searched: `curl | grep -q` fails under pipefail when grep stops reading
# early (curl exits 23 on the closed pipe).
page=$(curl -sS -f "$url/") || fail "the web page is not served"
grep -q '<html' <<<"$page" || fail "the web page is not served"
openapi=$(curl -sS -f "$url/v1/openapi.json") || fail "/v1/openapi.json"
grep -q '"openapi":"3.1.0"' <<<"$openapi" || fail "/v1/openapi.json"
kill "$server_pid"
wait "$server_pid" || true
server_pid=""

echo "== apt-get remove gongwen"
DEBIAN_FRONTEND=noninteractive $SUDO apt-get remove "${apt_opts[@]}" gongwen >/dev/null
[ ! -e /usr/bin/gongwen ] || fail "/usr/bin/gongwen is still there"
[ ! -e /usr/share/gongwen/layouts ] || fail "/usr/share/gongwen/layouts is still there"
echo "package-test: passed"
