#!/usr/bin/env bash
# Lints CareDesk's OpenAPI document with Spectral's "oas" ruleset and fails on any warning.
#   scripts/lint-openapi.sh            fetches the document from a freshly started host (openapi-document.sh)
#   scripts/lint-openapi.sh doc.json   lints a document already fetched from /openapi/v1.json
# Needs the .NET SDK and npm (Spectral is fetched by npx, pinned below).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
spectral="@stoplight/spectral-cli@6.16.3"
work=$(mktemp -d /tmp/caredesk-spectral.XXXXXX)
trap 'rm -rf "$work"' EXIT

doc=${1:-}
if [ -z "$doc" ]; then
  doc="$work/openapi.json"
  "$root/scripts/openapi-document.sh" "$doc"
fi

printf 'extends: ["spectral:oas"]\n' >"$work/.spectral.yaml"
npx --yes "$spectral" lint "$doc" --ruleset "$work/.spectral.yaml" --fail-severity warn
