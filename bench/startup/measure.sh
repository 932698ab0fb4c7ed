#!/usr/bin/env bash
# Start-up time to ready and idle memory of the published CareDesk host on SQLite.
#   bench/startup/measure.sh [runs]   (default 7 runs each: fresh database, existing database)
# Prints each run and the medians. Needs curl. Publishes to artifacts/bench-run first.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-7}
port=5099
out=artifacts/bench-run
dotnet publish src/CareDesk.Host/CareDesk.Host.csproj -c Release -o "$out" --nologo -v quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

now_ms() { date +%s%3N; }

start_once() { # db-file -> prints "ms pid"
  local db=$1
  local t0; t0=$(now_ms)
  (cd "$out" && ASPNETCORE_URLS="http://127.0.0.1:$port" Demo__Enabled=true \
     Database__ConnectionString="Data Source=$db" Serilog__MinimumLevel__Default=Warning \
     exec dotnet CareDesk.Host.dll >"$work/log" 2>&1) &
  local pid=$!
  until curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/log"; exit 1; }
    sleep 0.02
  done
  echo "$(( $(now_ms) - t0 )) $pid"
}

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

fresh=(); warm=(); rss=()
for i in $(seq 1 "$runs"); do
  db="$work/bench-$i.db"
  read -r ms pid < <(start_once "$db"); fresh+=("$ms")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  read -r ms pid < <(start_once "$db"); warm+=("$ms")
  if [ "$i" -eq 1 ]; then
    # Idle memory: signed-in page load once, then 30 s of nothing.
    curl -fs -o /dev/null "http://127.0.0.1:$port/account/login"
    sleep 30
    rss+=("$(awk '/VmRSS/ { print int($2 / 1024) }' /proc/"$pid"/status)")
  fi
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "run $i: first start (migrate + seed) ${fresh[-1]} ms, restart ${warm[-1]} ms"
done
echo "median first start to ready: $(printf '%s\n' "${fresh[@]}" | median) ms"
echo "median restart to ready:     $(printf '%s\n' "${warm[@]}" | median) ms"
echo "idle RSS after 30 s:         ${rss[0]} MB"
