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
# The ten-page document of gongwen_bench: the decision sample (headings, seal, attachment,
# colophon) with the minutes' body three times over; written beside the samples so that
# its seal path resolves.
ten="samples/.ten-page-document.json"
trap 'rm -rf "$out" "$ten"' EXIT
python3 - "$ten" <<'PY'
import json, sys
decision = json.load(open("samples/decision-quality-awards.json", encoding="utf-8"))
minutes = json.load(open("samples/minutes-quality-conference.json", encoding="utf-8"))
decision["body"] = minutes["body"] * 3
json.dump(decision, open(sys.argv[1], "w", encoding="utf-8"), ensure_ascii=False)
PY
for s in decision-quality-awards minutes-quality-conference letter-quality-inspection \
  .ten-page-document; do
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
pages = sum(1 for k, o in objs.items() if isinstance(o.get("value"), dict) and o["value"].get("/Type") == "/Page")
print(f"{name} ({pages} pages): render median {r['median']*1000:.1f} ms (min {r['min']*1000:.1f}); "
      f"PDF {size} B = fonts {fonts} B + {size - fonts} B ({(size - fonts)/1024:.1f} KiB)")
PY
done
