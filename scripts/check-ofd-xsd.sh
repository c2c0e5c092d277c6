#!/usr/bin/env bash
# Validates OFD packages against the GB/T 33190-2016 XML schemas with xmllint: OFD.xml
# (OFD.xsd), Document.xml (Document.xsd), the resource lists (Res.xsd) and every page and
# template (Page.xsd). The schemas are not in this repository (the public copies carry no
# licence): point XSD_DIR at a folder holding OFD.xsd, Document.xsd, Res.xsd, Page.xsd and
# Definitions.xsd (e.g. a clone of github.com/GreenYun/OFD-Schema).
#   scripts/check-ofd-xsd.sh XSD_DIR FILE.ofd...
# XSD_DIR may also come from $GONGWEN_OFD_XSD_DIR (how ctest's ofd_xsd runs it).
# With no FILE, renders every sample to OFD first (needs GONGWEN_CLI, the built CLI).
# Exit 0 all valid, 1 something invalid, 77 no schemas (skipped).
set -uo pipefail
xsd=${1:-${GONGWEN_OFD_XSD_DIR:-}}
[ $# -gt 0 ] && shift
if [ -z "$xsd" ] || [ ! -f "$xsd/Page.xsd" ]; then
  echo "check-ofd-xsd: no schemas (XSD_DIR with Page.xsd); skipped"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
files=("$@")
if [ ${#files[@]} -eq 0 ]; then
  here=$(cd "$(dirname "$0")/.." && pwd)
  for s in "$here"/samples/*.json; do
    out="$work/$(basename "$s" .json).ofd"
    "${GONGWEN_CLI:?set GONGWEN_CLI to the built gongwen}" render "$s" -o "$out" || exit 1
    files+=("$out")
  done
fi
bad=0
validate() {  # SCHEMA FILE
  local out
  if ! out=$(xmllint --noout --schema "$xsd/$1" "$2" 2>&1); then
    printf 'INVALID %s:\n%s\n' "$2" "$(head -10 <<<"$out")"
    bad=1
  fi
}
for f in "${files[@]}"; do
  dir="$work/pkg"
  rm -rf "$dir" && mkdir -p "$dir" && unzip -q "$f" -d "$dir" || { echo "BAD zip: $f"; bad=1; continue; }
  validate OFD.xsd "$dir/OFD.xml"
  for d in "$dir"/Doc_*; do
    validate Document.xsd "$d/Document.xml"
    for r in "$d"/PublicRes.xml "$d"/DocumentRes.xml; do [ -f "$r" ] && validate Res.xsd "$r"; done
    while IFS= read -r -d '' page; do validate Page.xsd "$page"; done \
      < <(find "$d" -name Content.xml -print0)
  done
  [ $bad -eq 0 ] && echo "valid: $(basename "$f")"
done
exit $bad
