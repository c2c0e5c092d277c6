#!/usr/bin/env bash
# Whole-process timing of `gongwen render` (fonts loaded from scratch each run), with
# hyperfine; prints the median. Usage: bench/render-process.sh [SAMPLE.json]
set -euo pipefail
cd "$(dirname "$0")/.."
sample=${1:-samples/article-quality-conference.json}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
./${BUILD:-build}/cli/gongwen render "$sample" -o "$out/warmup.pdf"
hyperfine --warmup 5 --runs 50 --export-json "$out/h.json" -N \
  "./${BUILD:-build}/cli/gongwen render $sample -o $out/o.pdf" >/dev/null
python3 - "$out/h.json" "$out/o.pdf" <<'PY'
import json, sys, os
r = json.load(open(sys.argv[1]))["results"][0]
print(f"gongwen render: median {r['median']*1000:.1f} ms, mean {r['mean']*1000:.1f} ms "
      f"(min {r['min']*1000:.1f}, max {r['max']*1000:.1f}) over {len(r['times'])} runs; "
      f"PDF {os.path.getsize(sys.argv[2])} bytes")
PY
