#!/usr/bin/env bash
# `systemd-analyze verify` over deploy/systemd's units, with ExecStart pointed at GONGWEN
# (the program of this build; verify checks that it exists): any word it prints fails.
#   tests/deploy/verify-systemd-units.sh GONGWEN
set -euo pipefail
cd "$(dirname "$0")/../.."
gongwen=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
checked=0
for unit in deploy/systemd/*.service; do
  name=$(basename "$unit")
  # A template is verified as one of its instances.
  [[ $name == *@.service ]] && name=${name/@.service/@8081.service}
  sed "s|/usr/bin/gongwen|$gongwen|g" "$unit" >"$work/$name"
  out=$(systemd-analyze verify --man=no "$work/$name" 2>&1) || {
    echo "$name: systemd-analyze verify failed:"
    echo "$out"
    exit 1
  }
  if [ -n "$out" ]; then
    echo "$name: systemd-analyze verify says:"
    echo "$out"
    exit 1
  fi
  # The hardening the unit promises.
  for setting in DynamicUser=yes NoNewPrivileges=yes ProtectSystem=strict Restart=on-failure \
    'LoadCredential=token:'; do
    grep -q "^$setting" "$unit" || {
      echo "$name: no $setting"
      exit 1
    }
  done
  grep -q -- '--token-file ${CREDENTIALS_DIRECTORY}/token' "$unit" || {
    echo "$name: the token does not come from the credential"
    exit 1
  }
  echo "$name: verified"
  checked=$((checked + 1))
done
[ "$checked" -ge 2 ] || {
  echo "found $checked units in deploy/systemd, expected gongwen.service and gongwen@.service"
  exit 1
}
