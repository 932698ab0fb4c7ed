#!/usr/bin/env bash
# POST /api/regulatory/assess over HTTP (issue 12 budget: p95 ≤ 20 ms). Publishes the host (or takes --host-dir), starts it
# in demo mode on a fresh database, signs in as the demo quality user and sends each of the bodies in bench/assess/*.json
# --requests times in turn from one client (curl keeps the connection), printing p50/p95/max of curl's total time on
# loopback per body and over all. Every answer is checked (200 and markets in it). Figures go to docs/benchmarks.md.
#   bench/assess/run.sh [--requests 300] [--providers "Sqlite PostgreSql"] [--host-dir DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."

requests=300 providers="Sqlite PostgreSql" host_dir=""
while [ $# -gt 0 ]; do
  case "$1" in
    --requests) requests=$2 ;; --providers) providers=$2 ;; --host-dir) host_dir=$2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift 2
done

out=${BENCH_OUT:-artifacts/bench-assess}
port=5099
rm -rf "$out/db" && mkdir -p "$out/db"
if [ -z "$host_dir" ]; then
  echo "== publish the host (Release)"
  dotnet publish src/CareDesk.Host/CareDesk.Host.csproj -c Release -o "$out/host" --nologo -v quiet >/dev/null
  host_dir=$out/host
fi

pgdir="" host_pid=""
cleanup() {
  [ -n "$host_pid" ] && kill "$host_pid" 2>/dev/null && wait "$host_pid" 2>/dev/null || true
  [ -n "$pgdir" ] && scripts/pg-cluster.sh stop "$pgdir" >/dev/null || true
}
trap cleanup EXIT

percentiles() { # reads milliseconds, one per line
  sort -n | awk '{ v[NR] = $1 } END { printf "p50 %.1f ms  p95 %.1f ms  max %.1f ms  (n=%d)\n", v[int(NR * 0.5 + 0.5)], v[int(NR * 0.95 + 0.5)], v[NR], NR }'
}

measure() { # provider connection-string
  local provider=$1 connection=$2
  echo "== $provider"
  (cd "$host_dir" && exec env ASPNETCORE_URLS="http://127.0.0.1:$port" Demo__Enabled=true Database__Provider="$provider" \
     Database__ConnectionString="$connection" Serilog__MinimumLevel__Default=Warning \
     dotnet CareDesk.Host.dll >"$PWD/../host-assess-$provider.log" 2>&1) &
  host_pid=$!
  until curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; do
    kill -0 "$host_pid" 2>/dev/null || { echo "host did not start" >&2; exit 1; }
    sleep 0.2
  done
  local token
  token=$(curl -fs -H 'Content-Type: application/json' "http://127.0.0.1:$port/api/auth/login" \
    -d '{"email":"quality@demo.caredesk","password":"CareDesk-demo-1"}' | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  : >"$out/all-$provider.txt"
  for body in bench/assess/*.json; do
    local name; name=$(basename "$body" .json)
    local check; check=$(curl -fs -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      --data-binary @"$body" "http://127.0.0.1:$port/api/regulatory/assess")
    case "$check" in *'"markets":[{'*) ;; *) echo "check failed for $name: ${check:0:300}" >&2; exit 1 ;; esac
    # One curl, one kept-alive connection, --requests POSTs; each transfer's total time in seconds.
    local urls=() i
    for i in $(seq 1 "$requests"); do urls+=(--next -s -o /dev/null -w '%{http_code} %{time_total}\n' \
      -H "Authorization: Bearer $token" -H 'Content-Type: application/json' --data-binary @"$body" \
      "http://127.0.0.1:$port/api/regulatory/assess"); done
    curl "${urls[@]:1}" >"$out/$name-$provider.txt"
    awk '$1 != 200 { bad++ } END { exit bad > 0 }' "$out/$name-$provider.txt" || { echo "non-200 answers for $name" >&2; exit 1; }
    # The first 10% warm the path up.
    tail -n +$(( requests / 10 + 1 )) "$out/$name-$provider.txt" | awk '{ print $2 * 1000 }' | tee -a "$out/all-$provider.txt" \
      | percentiles | sed "s/^/$provider $name: /" | tee -a "$out/summary.txt"
  done
  percentiles <"$out/all-$provider.txt" | sed "s/^/$provider all bodies: /" | tee -a "$out/summary.txt"
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  kill "$host_pid"; wait "$host_pid" 2>/dev/null || true; host_pid=""
}

: >"$out/summary.txt"
for provider in $providers; do
  case "$provider" in
    PostgreSql)
      eval "$(scripts/pg-cluster.sh start)"
      pgdir=$PGDIR
      measure PostgreSql "$CAREDESK_TEST_PG;Database=caredesk_bench_assess"
      scripts/pg-cluster.sh stop "$pgdir" >/dev/null; pgdir=""
      ;;
    Sqlite) measure Sqlite "Data Source=$(cd "$out" && pwd)/db/assess.db" ;;
    *) echo "unknown provider $provider" >&2; exit 2 ;;
  esac
done
