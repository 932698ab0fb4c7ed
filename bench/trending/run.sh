#!/usr/bin/env bash
# Trending over 1,000,000 complaints (issue 12 budget: ≤ 2 s). Seeds bench/cases' population and cases on a throwaway
# PostgreSQL cluster, starts the published host once (demo users, migrations), adds one coded complaint per case and the
# units per model and month (seed.sql), starts the host again, signs in as the demo quality user and times
#   GET /api/trending?modelId=&code=&from=&to=     (36 months, json) for the largest series and for random ones,
#   the same as csv and xlsx for the largest series,
# printing each time and the p50/p95/max (curl's total time on loopback). Figures go to docs/benchmarks.md.
#   bench/trending/run.sh [--complaints 1000000] [--people 1000000] [--models 20] [--requests 50] [--build all|none]
# Smoke run: --complaints 20000 --people 20000 --requests 5.
set -euo pipefail
cd "$(dirname "$0")/../.."

complaints=1000000 people=1000000 models=20 requests=50 build=all
while [ $# -gt 0 ]; do
  case "$1" in
    --complaints) complaints=$2 ;; --people) people=$2 ;; --models) models=$2 ;; --requests) requests=$2 ;; --build) build=$2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift 2
done

out=${BENCH_OUT:-artifacts/bench-trending}
port=5098
mkdir -p "$out" && rm -f "$out"/*.txt "$out"/*.log
if [ "$build" != none ]; then
  echo "== build (Release): seeder, published host"
  dotnet build bench/CareDesk.Bench.Seeder -c Release --nologo -v quiet -o "$out/seeder" >/dev/null
  dotnet publish src/CareDesk.Host/CareDesk.Host.csproj -c Release -o "$out/host" --nologo -v quiet >/dev/null
fi

pgdir="" host_pid=""
cleanup() {
  [ -n "$host_pid" ] && kill "$host_pid" 2>/dev/null && wait "$host_pid" 2>/dev/null || true
  [ -n "$pgdir" ] && scripts/pg-cluster.sh stop "$pgdir" || true
}
trap cleanup EXIT

start_host() { # log
  (cd "$out/host" && ASPNETCORE_URLS="http://127.0.0.1:$port" Demo__Enabled=true Database__Provider=PostgreSql \
     Database__ConnectionString="$connection" Serilog__MinimumLevel__Default=Warning \
     exec dotnet CareDesk.Host.dll >"../$1" 2>&1) &
  host_pid=$!
  until curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; do
    kill -0 "$host_pid" 2>/dev/null || { cat "$out/$1"; exit 1; }
    sleep 0.2
  done
}
stop_host() { kill "$host_pid"; wait "$host_pid" 2>/dev/null || true; host_pid=""; }
percentile() { sort -n | awk -v p="$1" '{ a[NR] = $1 } END { i = int((NR * p) + 0.999); if (i < 1) i = 1; print a[i] }'; }

eval "$(scripts/pg-cluster.sh start)"
connection="${CAREDESK_TEST_PG};Database=caredesk_bench_trending"
psql_url=$(sed -E 's/Host=([^;]+);Port=([^;]+);Username=([^;]+).*/postgresql:\/\/\3@\1:\2/' <<<"$CAREDESK_TEST_PG")/caredesk_bench_trending

echo "== seed $people people, $complaints cases"
dotnet "$out/seeder/CareDesk.Bench.Seeder.dll" --provider PostgreSql --connection "$connection" --people "$people" --devices "$people" \
  --samples "$out/samples.txt" --search-samples "$out/search-samples.txt" --sample-count 10 | tee "$out/seed-people.log"
echo "== first start (demo users, teams, migrations)"
start_host host-first.log; stop_host
dotnet "$out/seeder/CareDesk.Bench.Seeder.dll" --load cases --provider PostgreSql --connection "$connection" \
  --people "$people" --cases "$complaints" --contacts "$complaints" --staff 50 --long-case "$out/long-case.txt" | tee "$out/seed-cases.log"
echo "== $complaints coded complaints over $models models"
psql -q -v complaints="$complaints" -v models="$models" -f bench/trending/seed.sql "$psql_url" | tee "$out/seed-trending.log"
largest=$(grep -E '^\s*\S+\s*\|\s*A' "$out/seed-trending.log" | tail -1)
model=$(awk -F'|' '{ gsub(/ /, "", $1); print $1 }' <<<"$largest"); code=$(awk -F'|' '{ gsub(/ /, "", $2); print $2 }' <<<"$largest")

start_host host.log
token=$(curl -fs -H 'Content-Type: application/json' "http://127.0.0.1:$port/api/auth/login" \
  -d '{"email":"quality@demo.caredesk","password":"CareDesk-demo-1"}' | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
to=$(date -u +%Y-%m); from=$(date -u -d "$(date -u +%Y-%m-01) -35 months" +%Y-%m)
get() { curl -fs -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/trending?$1"; }

check=$(curl -fs -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/trending?modelId=$model&code=$code&from=$from&to=$to")
echo "check: ${check:0:200}"
case "$check" in *'"complaints":'[1-9]*) ;; *) echo "the largest series is empty" >&2; exit 1 ;; esac

get "modelId=$model&code=$code&from=$from&to=$to" >/dev/null # warm-up
for i in $(seq 1 "$requests"); do get "modelId=$model&code=$code&from=$from&to=$to"; done >"$out/largest.txt"
models_list=$(psql -At -c "SELECT \"Id\" FROM product_models ORDER BY \"Id\" LIMIT $models" "$psql_url")
codes=(A0601 A0701 A0702 A0801 A0901 A1001 A1101 A1201)
for i in $(seq 1 "$requests"); do
  m=$(sed -n "$(( (RANDOM % models) + 1 ))p" <<<"$models_list"); c=${codes[$((RANDOM % ${#codes[@]}))]}
  get "modelId=$m&code=$c&from=$from&to=$to"
done >"$out/random.txt"
for format in csv xlsx; do
  for i in $(seq 1 10); do get "modelId=$model&code=$code&from=$from&to=$to&format=$format"; done >"$out/$format.txt"
done
stop_host

for series in largest random csv xlsx; do
  printf 'trending %s: p50 %ss p95 %ss max %ss\n' "$series" "$(percentile 0.5 <"$out/$series.txt")" \
    "$(percentile 0.95 <"$out/$series.txt")" "$(percentile 1 <"$out/$series.txt")"
done | tee "$out/summary.txt"
