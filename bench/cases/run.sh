#!/usr/bin/env bash
# Agent desktop reads at volume, end to end: seed a synthetic population (bench/people's seeder), start the published
# host once in demo mode (demo users and teams), bulk-load cases, their timelines and contacts, start the host again,
# sign in as the demo agent and load-test with wrk on loopback:
#   work   GET /api/work                    (my work: my cases, my teams' queues, escalations, callbacks)
#   queue  GET /api/cases?team=<id>         (the queue of the demo agent's first team, front-line)
#   case   GET /api/cases/{id}              (the case with 200 timeline entries)
# printing each run and the medians of p50/p95/p99 (wrk's latency on loopback) and CPU per request. See docs/benchmarks.md.
#   bench/cases/run.sh [--people 1000000] [--cases 1000000] [--contacts 5000000] [--staff 500] [--runs 5]
#                      [--duration 20s] [--warmup 30s] [--connections 16] [--threads 2]
#                      [--providers "PostgreSql Sqlite"] [--loads "work queue case"] [--build all|seeder|none]
# Needs the .NET SDK, curl, wrk and, for PostgreSQL, the server binaries scripts/pg-cluster.sh uses. Output goes to
# artifacts/bench-cases/ (or $BENCH_OUT). Smoke run: --people 20000 --cases 10000 --contacts 50000 --staff 50
# --runs 1 --duration 3s --warmup 1s.
set -euo pipefail
cd "$(dirname "$0")/../.."

people=1000000 cases=1000000 contacts=5000000 staff=500 runs=5 duration=20s warmup=30s connections=16 threads=2
providers="PostgreSql Sqlite" loads="work queue case" build=all
while [ $# -gt 0 ]; do
  case "$1" in
    --people) people=$2 ;; --cases) cases=$2 ;; --contacts) contacts=$2 ;; --staff) staff=$2 ;; --runs) runs=$2 ;;
    --duration) duration=$2 ;; --warmup) warmup=$2 ;; --connections) connections=$2 ;; --threads) threads=$2 ;;
    --providers) providers=$2 ;; --loads) loads=$2 ;; --build) build=$2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift 2
done
for load in $loads; do
  case "$load" in work|queue|case) ;; *) echo "unknown load $load (work, queue, case)" >&2; exit 2 ;; esac
done

out=${BENCH_OUT:-artifacts/bench-cases}
port=5097
mkdir -p "$out" && rm -f "$out"/*.txt "$out"/*.log "$out"/cases.db*
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

# --build seeder or none reuse the previous run's builds in $out (a quicker second smoke run).
if [ "$build" != none ]; then
  echo "== build (Release): seeder"
  dotnet build bench/CareDesk.Bench.Seeder -c Release --nologo -v quiet -o "$out/seeder" >/dev/null
fi
if [ "$build" = all ]; then
  echo "== build (Release): published host"
  dotnet publish src/CareDesk.Host/CareDesk.Host.csproj -c Release -o "$out/host" --nologo -v quiet >/dev/null
fi

pgdir="" host_pid=""
cleanup() {
  [ -n "$host_pid" ] && kill "$host_pid" 2>/dev/null && wait "$host_pid" 2>/dev/null || true
  [ -n "$pgdir" ] && scripts/pg-cluster.sh stop "$pgdir" || true
}
trap cleanup EXIT

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
pg_ticks() {
  [ -n "$pgdir" ] || { echo 0; return; }
  local main sum=0 p; main=$(head -n 1 "$pgdir/data/postmaster.pid")
  for p in "$main" $(pgrep -P "$main" || true); do sum=$((sum + $(cpu_ticks "$p" 2>/dev/null || echo 0))); done
  echo "$sum"
}
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

start_host() { # provider connection-string log
  (cd "$out/host" && ASPNETCORE_URLS="http://127.0.0.1:$port" Demo__Enabled=true Database__Provider="$1" \
     Database__ConnectionString="$2" Serilog__MinimumLevel__Default=Warning \
     exec dotnet CareDesk.Host.dll >"../$3" 2>&1) &
  host_pid=$!
  until curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; do
    kill -0 "$host_pid" 2>/dev/null || { cat "$out/$3"; exit 1; }
    sleep 0.2
  done
}

stop_host() { kill "$host_pid"; wait "$host_pid" 2>/dev/null || true; host_pid=""; }

measure() { # provider connection-string
  local provider=$1 connection=$2
  echo "== $provider: seed $people people"
  dotnet "$out/seeder/CareDesk.Bench.Seeder.dll" --provider "$provider" --connection "$connection" \
    --people "$people" --devices "$people" --samples "$out/samples.txt" --search-samples "$out/search-samples.txt" \
    --sample-count 10 | tee "$out/seed-people-$provider.log"
  echo "== $provider: first start (demo users and teams)"
  start_host "$provider" "$connection" "host-first-$provider.log"; stop_host
  echo "== $provider: load $cases cases, their timelines, $contacts contacts, $staff bench agents"
  dotnet "$out/seeder/CareDesk.Bench.Seeder.dll" --load cases --provider "$provider" --connection "$connection" \
    --people "$people" --cases "$cases" --contacts "$contacts" --staff "$staff" --long-case "$out/long-case.txt" \
    | tee "$out/seed-cases-$provider.log"

  start_host "$provider" "$connection" "host-$provider.log"
  local token check long team
  token=$(curl -fs -H 'Content-Type: application/json' "http://127.0.0.1:$port/api/auth/login" \
    -d '{"email":"agent@demo.caredesk","password":"CareDesk-demo-1"}' | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
  long=$(cat "$out/long-case.txt")
  # The figures mean nothing unless each view returns what it should: my cases, a queue, the long timeline.
  check=$(curl -fs -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/work")
  echo "check work: ${check:0:160}"
  case "$check" in *'"mine":[{'*) ;; *) echo "my-work check failed" >&2; exit 1 ;; esac
  team=$(grep -o '"queues":\[{"teamId":"[^"]*"' <<<"$check" | sed -E 's/.*"teamId":"([^"]+)"/\1/')
  [ -n "$team" ] || { echo "the demo agent is in no team" >&2; exit 1; }
  check=$(curl -fs -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/cases?team=$team")
  echo "check queue: ${check:0:160}"
  case "$check" in *'"number"'*) ;; *) echo "queue check failed" >&2; exit 1 ;; esac
  check=$(curl -fs -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/cases/$long")
  echo "check case: $(grep -o '"kind":"note"' <<<"$check" | wc -l) notes on the timeline"
  [ "$(grep -o '"kind":"note"' <<<"$check" | wc -l)" -ge 199 ] || { echo "long case check failed" >&2; exit 1; }

  export TOKEN="$token"
  for load in $loads; do
    case "$load" in
      work) TARGET=/api/work ;; queue) TARGET="/api/cases?team=$team" ;; case) TARGET="/api/cases/$long" ;;
    esac
    export TARGET
    run_load "$provider" "$load"
  done
  stop_host
}

run_load() { # provider load
  local provider=$1 load=$2 file="$out/wrk-$1-$2.txt"
  echo "== $provider $load ($TARGET): warm-up $warmup, then $runs runs of $duration (wrk -t$threads -c$connections)"
  wrk -t"$threads" -c"$connections" -d"$warmup" -s bench/cases/get.lua "http://127.0.0.1:$port" >/dev/null
  : >"$file"
  for i in $(seq 1 "$runs"); do
    local host0 pg0 result
    host0=$(cpu_ticks "$host_pid"); pg0=$(pg_ticks)
    result=$(wrk -t"$threads" -c"$connections" -d"$duration" -s bench/cases/get.lua "http://127.0.0.1:$port" | grep '^RESULT')
    local n=${result#*requests=}; n=${n%% *}
    echo "$result host_cpu_ms=$(awk -v t=$(( $(cpu_ticks "$host_pid") - host0 )) -v n="$n" 'BEGIN { printf "%.2f", t * 10 / n }')" \
      "db_cpu_ms=$(awk -v t=$(( $(pg_ticks) - pg0 )) -v n="$n" 'BEGIN { printf "%.2f", t * 10 / n }')" \
      | tee -a "$file"
  done
  echo "$provider $load: load average after the runs: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/summary.txt"
  for key in rps p50_ms p95_ms p99_ms host_cpu_ms db_cpu_ms non2xx; do
    printf '%s %s median %s: %s\n' "$provider" "$load" "$key" \
      "$(grep -o "$key=[0-9.]*" "$file" | cut -d= -f2 | median)"
  done | tee -a "$out/summary.txt"
}

for provider in $providers; do
  case "$provider" in
    PostgreSql)
      eval "$(scripts/pg-cluster.sh start)"
      pgdir=$PGDIR
      measure PostgreSql "$CAREDESK_TEST_PG;Database=caredesk_bench_cases"
      scripts/pg-cluster.sh stop "$pgdir"; pgdir=""
      ;;
    Sqlite)
      measure Sqlite "Data Source=$(cd "$out" && pwd)/cases.db"
      ;;
    *) echo "unknown provider $provider" >&2; exit 2 ;;
  esac
done
echo "== summary"; cat "$out/summary.txt"
