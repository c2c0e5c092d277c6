#!/usr/bin/env bash
# The certificate figures of the README, whole process (fonts loaded from scratch each run):
#   1. one certificate (samples/certificate-mayor-quality-award.json): median time, PDF size;
#   2. 1000 certificates from a CSV into one merged PDF: median time, PDF size.
# Medians of hyperfine runs. Usage: bench/certificate-figures.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
gongwen="$build/cli/gongwen"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# 1000 made-up people, each with the sample's seal (one image, embedded once).
python3 bench/certificate-rows.py "$out/people-1000.csv" "$PWD/samples/specimen-seal.png" 1000

one="$gongwen render samples/certificate-mayor-quality-award.json -o $out/one.pdf"
many="$gongwen batch -q --layout certificate $out/people-1000.csv -o $out/many.pdf"
$one && $many
hyperfine --warmup 3 --runs 30 -N --export-json "$out/one.json" "$one" >/dev/null
hyperfine --warmup 1 --runs 10 -N --export-json "$out/many.json" "$many" >/dev/null
python3 - "$out" <<'PY'
import json, os, sys
d = sys.argv[1]
for name, label in (("one", "one certificate"), ("many", "1000 certificates, merged")):
    r = json.load(open(f"{d}/{name}.json"))["results"][0]
    print(f"{label}: median {r['median']*1000:.1f} ms (min {r['min']*1000:.1f}, max "
          f"{r['max']*1000:.1f}, {len(r['times'])} runs); PDF {os.path.getsize(f'{d}/{name}.pdf')/1024:.0f} KB")
PY
