#!/usr/bin/env bash
# Runs CareDesk on this machine: embedded SQLite database under data/, demo data, ready to sign in.
#   CAREDESK_URL    where to listen (default http://127.0.0.1:5080)
#   Any setting can be overridden with environment variables, e.g. Database__Provider=PostgreSql.
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
url=${CAREDESK_URL:-http://127.0.0.1:5080}

echo "Building CareDesk..."
dotnet publish src/CareDesk.Host/CareDesk.Host.csproj -c Release -o artifacts/run --nologo -v quiet

mkdir -p data
export ASPNETCORE_URLS="$url"
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Production}
export Demo__Enabled=${Demo__Enabled:-true}
export Demo__SampleCases=${Demo__SampleCases:-true}
export Database__ConnectionString=${Database__ConnectionString:-"Data Source=$root/data/caredesk.db"}

cat <<TXT

CareDesk starts at $url
Demo sign-ins (password CareDesk-demo-1):
  admin@demo.caredesk              supervisor@demo.caredesk
  agent@demo.caredesk (中文)        outsourced-agent@demo.caredesk
  expert@demo.caredesk             quality@demo.caredesk
  field-rep@demo.caredesk
Stop with Ctrl+C. Data is kept in data/caredesk.db.

TXT
cd artifacts/run
exec dotnet CareDesk.Host.dll
