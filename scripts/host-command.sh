#!/usr/bin/env bash
# Runs one command of the CareDesk host (migrate, backup <dir>, restore <dir>) with the same settings as the service:
# export them first, e.g.  set -a; . /etc/caredesk/caredesk.env; set +a   (docs/operations.md).
#   CAREDESK_HOST    the directory holding CareDesk.Host.dll (default: this checkout's Release build)
#   CAREDESK_PG_BIN  where pg_dump/pg_restore of the server's major version are (default: PATH, else the newest
#                    /usr/lib/postgresql/*/bin)
# Relative paths in the settings are taken from the current directory, as the service takes them from its
# WorkingDirectory: give absolute ones.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
host=${CAREDESK_HOST:-$root/src/CareDesk.Host/bin/Release/net10.0}
[ -f "$host/CareDesk.Host.dll" ] || { echo "no CareDesk.Host.dll in $host: set CAREDESK_HOST (or build: dotnet build -c Release)" >&2; exit 2; }

if [ -n "${CAREDESK_PG_BIN:-}" ]; then
  PATH="$CAREDESK_PG_BIN:$PATH"
elif ! command -v pg_dump >/dev/null 2>&1; then
  newest=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$newest" ] && PATH="$newest:$PATH"
fi
export PATH
# appsettings.json is read from the host's directory whatever the current one.
export ASPNETCORE_CONTENTROOT=${ASPNETCORE_CONTENTROOT:-$host}
exec dotnet "$host/CareDesk.Host.dll" "$@"
