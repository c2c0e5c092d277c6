#!/usr/bin/env bash
# Compares a rendered PDF's size with the font programs it embeds (as stored in the file,
# compressed). Usage: bench/pdf-size.sh [SAMPLE.json]   (default: the article sample)
set -euo pipefail
cd "$(dirname "$0")/.."
sample=${1:-samples/article-quality-conference.json}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
./build/cli/gongwen render "$sample" -o "$out/o.pdf"
qpdf --json=1 --json-key=objects "$out/o.pdf" > "$out/o.json"
python3 - "$out/o.pdf" "$out/o.json" "$sample" <<'PY'
import json, os, sys
pdf, js, sample = sys.argv[1:4]
objs = json.load(open(js))["objects"]
def resolve(v):
    return objs.get(v, v) if isinstance(v, str) and v.endswith(" R") else v
fonts = count = 0
for obj in objs.values():
    if isinstance(obj, dict) and obj.get("/Type") == "/FontDescriptor":
        for k in ("/FontFile", "/FontFile2", "/FontFile3"):
            if k in obj:
                fonts += int(resolve(resolve(obj[k]).get("/Length", 0)))
                count += 1
size = os.path.getsize(pdf)
print(f"{sample}: PDF {size} bytes; {count} embedded font programs {fonts} bytes; "
      f"everything else {size - fonts} bytes ({(size - fonts) / 1024:.1f} KB)")
PY
