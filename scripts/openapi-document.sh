#!/usr/bin/env bash
# Writes CareDesk's OpenAPI document to <out.json>: builds the host, starts it on a throwaway SQLite database on a free
# port, fetches /openapi/v1.json and stops it. Used by lint-openapi.sh and generate-client.sh.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:?usage: openapi-document.sh <out.json>}
work=$(mktemp -d /tmp/caredesk-openapi.XXXXXX)
host_pid=""
cleanup() {
  if [ -n "$host_pid" ]; then kill "$host_pid" 2>/dev/null || true; wait "$host_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

dotnet build "$root/src/CareDesk.Host" -c Release -v quiet --nologo >/dev/null
port=$(( 20000 + RANDOM % 12000 ))
while (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; do port=$((port + 1)); done
(cd "$root/src/CareDesk.Host/bin/Release/net10.0" && \
  ASPNETCORE_URLS="http://127.0.0.1:$port" Database__ConnectionString="Data Source=$work/openapi.db" \
  Demo__Enabled=true Scheduling__Enabled=false exec dotnet CareDesk.Host.dll >"$work/host.log" 2>&1) &
host_pid=$!
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/openapi/v1.json" -o "$out" && exit 0
  kill -0 "$host_pid" 2>/dev/null || break
  sleep 0.5
done
echo "the host did not serve /openapi/v1.json" >&2
cat "$work/host.log" >&2
exit 1
