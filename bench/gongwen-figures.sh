#!/usr/bin/env bash
# Figures for the GB/T 9704 samples (gongwen, minutes, letter): whole-process time of
# `gongwen render` (hyperfine, fonts loaded from scratch each run) and each PDF's size
# against the subset font programs it embeds.
# Usage: bench/gongwen-figures.sh [BUILD_DIR]   (default build)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for s in decision-quality-awards minutes-quality-conference letter-quality-inspection; do
  "$build/cli/gongwen" render "samples/$s.json" -o "$out/$s.pdf"
  hyperfine --warmup 5 --runs 40 --export-json "$out/$s.json" -N \
    "$build/cli/gongwen render samples/$s.json -o $out/run.pdf" >/dev/null
  qpdf --json "$out/$s.pdf" >"$out/$s.qpdf.json"
  python3 - "$s" "$out/$s.json" "$out/$s.pdf" "$out/$s.qpdf.json" <<'PY'
import json, os, sys
name, timing, pdf, dump = sys.argv[1:]
r = json.load(open(timing))["results"][0]
objs = json.load(open(dump))["qpdf"][1]
fonts = 0
for key, obj in objs.items():
    d = obj.get("value") or {}
    for k in ("/FontFile2", "/FontFile3", "/FontFile"):
        if isinstance(d, dict) and k in d:
            ref = d[k]
            stream = objs.get("obj:" + ref, {}).get("stream", {}).get("dict", {})
            length = stream.get("/Length", 0)
            if isinstance(length, str):  # an indirect object
                length = objs["obj:" + length]["value"]
            fonts += length
size = os.path.getsize(pdf)
print(f"{name}: render median {r['median']*1000:.1f} ms (min {r['min']*1000:.1f}); "
      f"PDF {size} B = fonts {fonts} B + {size - fonts} B ({(size - fonts)/1024:.1f} KiB)")
PY
done
