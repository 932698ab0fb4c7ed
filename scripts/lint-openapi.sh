#!/usr/bin/env bash
# Lints CareDesk's OpenAPI document with Spectral's "oas" ruleset and fails on any warning.
#   scripts/lint-openapi.sh            builds the host, starts it on a throwaway SQLite database, lints, stops it
#   scripts/lint-openapi.sh doc.json   lints a document already fetched from /openapi/v1.json
# Needs the .NET SDK and npm (Spectral is fetched by npx, pinned below).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
spectral="@stoplight/spectral-cli@6.16.3"
work=$(mktemp -d /tmp/caredesk-openapi.XXXXXX)
host_pid=""
cleanup() {
  if [ -n "$host_pid" ]; then kill "$host_pid" 2>/dev/null || true; wait "$host_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

doc=${1:-}
if [ -z "$doc" ]; then
  dotnet build "$root/src/CareDesk.Host" -c Release -v quiet --nologo >/dev/null
  port=$(( 20000 + RANDOM % 12000 ))
  while (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; do port=$((port + 1)); done
  (cd "$root/src/CareDesk.Host/bin/Release/net10.0" && \
    ASPNETCORE_URLS="http://127.0.0.1:$port" Database__ConnectionString="Data Source=$work/lint.db" \
    Demo__Enabled=true Scheduling__Enabled=false exec dotnet CareDesk.Host.dll >"$work/host.log" 2>&1) &
  host_pid=$!
  doc="$work/openapi.json"
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$port/openapi/v1.json" -o "$doc" && break
    kill -0 "$host_pid" 2>/dev/null || { cat "$work/host.log"; exit 1; }
    sleep 0.5
  done
  [ -s "$doc" ] || { echo "the host did not serve /openapi/v1.json"; cat "$work/host.log"; exit 1; }
fi

printf 'extends: ["spectral:oas"]\n' >"$work/.spectral.yaml"
npx --yes "$spectral" lint "$doc" --ruleset "$work/.spectral.yaml" --fail-severity warn
