#!/usr/bin/env bash
# Compares a rendered PDF's size with the font programs it embeds (as stored in the file,
# compressed). Usage: bench/pdf-size.sh [SAMPLE.json]   (default: the article sample)
set -euo pipefail
cd "$(dirname "$0")/.."
sample=${1:-samples/article-quality-conference.json}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
./build/cli/gongwen render "$sample" -o "$out/o.pdf"
qpdf --json --json-key=objects "$out/o.pdf" > "$out/o.json"
python3 - "$out/o.pdf" "$out/o.json" "$sample" <<'PY'
import json, os, sys
pdf, js, sample = sys.argv[1:4]
objs = json.load(open(js))["objects"]
fonts = 0
count = 0
for key, obj in objs.items():
    d = obj.get("value") if isinstance(obj, dict) and "value" in obj else obj
    if isinstance(d, dict) and d.get("/Type") == "/FontDescriptor":
        for k in ("/FontFile", "/FontFile2", "/FontFile3"):
            if k in d:
                ref = d[k].replace(" R", "").replace(" ", " ")
                s = objs.get("obj:" + d[k], {})
                stream = s.get("stream", {}).get("dict", s.get("dict", {}))
                fonts += int(stream.get("/Length", 0))
                count += 1
size = os.path.getsize(pdf)
print(f"{sample}: PDF {size} bytes; {count} embedded font programs {fonts} bytes; "
      f"the rest {size - fonts} bytes ({(size - fonts) / 1024:.1f} KB)")
PY
