#!/usr/bin/env bash
# Draws the specimen seal (样章) the samples use: a red ring, a five-pointed star and the
# words 样章 on a transparent background — no real organisation's seal. Needs mutool
# (mupdf-tools) and a CJK serif font known to fontconfig (fonts-noto-cjk).
# Usage: scripts/make-specimen-seal.sh [OUT.png]   (default samples/specimen-seal.png)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-samples/specimen-seal.png}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat >"$work/seal.svg" <<'SVG'
<svg xmlns="http://www.w3.org/2000/svg" width="320" height="320" viewBox="0 0 420 420">
  <circle cx="210" cy="210" r="197" fill="none" stroke="#E60012" stroke-width="13"/>
  <polygon fill="#E60012"
           points="210,100 234,168 306,168 248,210 270,278 210,237 150,278 172,210 114,168 186,168"/>
  <text x="210" y="362" font-family="Noto Serif CJK SC" font-weight="bold" font-size="78"
        text-anchor="middle" fill="#E60012">样章</text>
</svg>
SVG
mutool draw -q -c rgba -r 72 -o "$work/seal.png" "$work/seal.svg" 2>/dev/null
mv "$work/seal.png" "$out"
echo "wrote $out ($(stat -c %s "$out") bytes)"
