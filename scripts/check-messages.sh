#!/usr/bin/env bash
# Every message a person reads has Chinese (issue 11): xgettext finds each template the code
# writes as Message("…"), and each must have a translation in po/zh_CN.po (not fuzzy) that keeps its
# {0}, {1}, … . To start a new language: the same xgettext line makes the template (.pot).
# Usage: scripts/check-messages.sh [SOURCE_DIR]
set -euo pipefail
cd "${1:-$(dirname "$0")/..}"

pot=$(mktemp)
trap 'rm -f "$pot"' EXIT
find engine cli -name '*.cpp' -o -name '*.h' | LC_ALL=C sort |
  xgettext --from-code=UTF-8 --language=C++ --keyword=Message --no-wrap --sort-output \
    --files-from=- -o "$pot"  # with its header: without one (ASCII), Chinese in a msgid is lost
found=$(grep -c '^msgid ' "$pot" || true)
if [ "$found" -lt 50 ]; then
  echo "check-messages: xgettext found only $found messages: is the keyword still Message?" >&2
  exit 1
fi

# A template xgettext cannot see: a Message declared with its text (`Message m("…")`) is not a
# call of Message; write `Message m = Message("…")`.
if grep -rnE 'Message[[:space:]]+[A-Za-z_][A-Za-z0-9_]*[[:space:]]*[({]"' engine cli; then
  echo "check-messages: write these as Message name = Message(\"…\") so that xgettext finds them" >&2
  exit 1
fi

msgfmt --check-format --check-header -o /dev/null po/zh_CN.po

# msgcmp: every msgid of the code must be in the catalogue; untranslated or fuzzy ones fail.
if ! msgcmp -N po/zh_CN.po "$pot" 2>&1; then
  echo "check-messages: the messages above have no Chinese in po/zh_CN.po" >&2
  exit 1
fi

# Every {N} of a template must appear in its translation.
python3 - po/zh_CN.po <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
bad = 0
for entry in text.split("\n\n"):
    def field(name):
        m = re.search(r'^' + name + r' ((?:".*"\n?)+)', entry + "\n", re.M)
        if not m: return None
        return "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(1)))
    mid, mstr = field("msgid"), field("msgstr")
    if not mid or mstr is None: continue
    want = sorted(set(re.findall(r"\{\d\}", mid)))
    have = sorted(set(re.findall(r"\{\d\}", mstr)))
    if mstr and want != have:
        print(f"check-messages: {mid!r}: the translation has {have}, the English {want}")
        bad += 1
sys.exit(1 if bad else 0)
PY
echo "check-messages: $found messages, all with Chinese"
