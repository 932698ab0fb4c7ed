#!/usr/bin/env bash
# Caller lookup and people search at volume, end to end: seed a synthetic population, start the published host,
# sign in, load-test GET /api/people/lookup and/or GET /api/people?q= with wrk on loopback, print each run and the
# medians. See docs/benchmarks.md.
#   bench/people/run.sh [--people N] [--devices N] [--runs 5] [--duration 20s] [--warmup 30s] [--connections 16]
#                       [--threads 2] [--providers "PostgreSql Sqlite"] [--loads "lookup search"]
# Needs the .NET SDK, curl, wrk (apt-get install -y wrk) and, for PostgreSQL, the server binaries that
# scripts/pg-cluster.sh uses. Everything it writes goes to artifacts/bench-people/ (or $BENCH_OUT, a path inside the
# repository: keep a before/after pair apart). At the defaults (1 M people, both providers, both loads) it takes
# about 17 minutes on a quiet 2-core machine: build ~2 min, seeding ~1 + ~5 min, 4 × (30 s warm-up + 5 × 20 s).
set -euo pipefail
cd "$(dirname "$0")/../.."

people=1000000 devices=1000000 runs=5 duration=20s warmup=30s connections=16 threads=2 providers="PostgreSql Sqlite"
loads="lookup search"
while [ $# -gt 0 ]; do
  case "$1" in
    --people) people=$2 ;; --devices) devices=$2 ;; --runs) runs=$2 ;; --duration) duration=$2 ;;
    --warmup) warmup=$2 ;; --connections) connections=$2 ;; --threads) threads=$2 ;; --providers) providers=$2 ;;
    --loads) loads=$2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift 2
done
for load in $loads; do
  case "$load" in lookup|search) ;; *) echo "unknown load $load (lookup, search)" >&2; exit 2 ;; esac
done

out=${BENCH_OUT:-artifacts/bench-people}
port=5098
rm -rf "$out" && mkdir -p "$out"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

echo "== build (Release): seeder and published host"
dotnet build bench/CareDesk.Bench.Seeder -c Release --nologo -v quiet -o "$out/seeder" >/dev/null
dotnet publish src/CareDesk.Host/CareDesk.Host.csproj -c Release -o "$out/host" --nologo -v quiet >/dev/null

pgdir="" host_pid=""
cleanup() {
  [ -n "$host_pid" ] && kill "$host_pid" 2>/dev/null && wait "$host_pid" 2>/dev/null || true
  [ -n "$pgdir" ] && scripts/pg-cluster.sh stop "$pgdir" || true
}
trap cleanup EXIT

# CPU time (user + system, in clock ticks of 10 ms) of a process, and of all PostgreSQL server processes: CPU per
# request is far steadier than latency on a shared machine, where latency mostly measures the neighbours.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# Only this run's cluster (the postmaster and its children): other engineers' clusters may share the machine.
pg_ticks() {
  [ -n "$pgdir" ] || { echo 0; return; }
  local main sum=0 p; main=$(head -n 1 "$pgdir/data/postmaster.pid")
  for p in "$main" $(pgrep -P "$main" || true); do sum=$((sum + $(cpu_ticks "$p" 2>/dev/null || echo 0))); done
  echo "$sum"
}

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

measure() { # provider connection-string
  local provider=$1 connection=$2
  echo "== $provider: seed $people people, $((2 * people)) phones, $people e-mails, $((people / 4)) WeChat ids, $devices devices"
  dotnet "$out/seeder/CareDesk.Bench.Seeder.dll" --provider "$provider" --connection "$connection" \
    --people "$people" --devices "$devices" --samples "$out/samples.txt" --search-samples "$out/search-samples.txt" | tee "$out/seed-$provider.log"

  (cd "$out/host" && ASPNETCORE_URLS="http://127.0.0.1:$port" Demo__Enabled=true Database__Provider="$provider" \
     Database__ConnectionString="$connection" Serilog__MinimumLevel__Default=Warning \
     exec dotnet CareDesk.Host.dll >"../host-$provider.log" 2>&1) &
  host_pid=$!
  until curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; do
    kill -0 "$host_pid" 2>/dev/null || { cat "$out/host-$provider.log"; exit 1; }
    sleep 0.2
  done

  local token
  token=$(curl -fs -H 'Content-Type: application/json' "http://127.0.0.1:$port/api/auth/login" \
    -d '{"email":"agent@demo.caredesk","password":"CareDesk-demo-1"}' | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
  # A known number must be found (a caregiver's number returns the patient too), or the figures mean nothing.
  local check
  check=$(curl -fs -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/people/lookup?phone=$(sed -n 2p "$out/samples.txt")")
  echo "check: $check"
  case "$check" in *'"matchedVia":"caregiver"'*) ;; *) echo "lookup check failed" >&2; exit 1 ;; esac
  # Every kind of search query (the first eight samples: name, phone, last digits + name, e-mail, serial, part of a
  # number, given name alone, pinyin) finds someone.
  local q
  for q in $(head -n 8 "$out/search-samples.txt"); do
    check=$(curl -fs -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/people?q=$q")
    echo "check q=$q: ${check:0:120}"
    case "$check" in *'"personId"'*) ;; *) echo "search check failed for q=$q" >&2; exit 1 ;; esac
  done

  export TOKEN="$token"
  for load in $loads; do
    run_load "$provider" "$load"
  done

  kill "$host_pid"; wait "$host_pid" 2>/dev/null || true; host_pid=""
}

run_load() { # provider load
  local provider=$1 load=$2 file="$out/wrk-$1-$2.txt"
  export SAMPLES="$out/samples.txt"
  if [ "$load" = search ]; then SAMPLES="$out/search-samples.txt"; fi
  echo "== $provider $load: warm-up $warmup, then $runs runs of $duration (wrk -t$threads -c$connections)"
  wrk -t"$threads" -c"$connections" -d"$warmup" -s "bench/people/$load.lua" "http://127.0.0.1:$port" >/dev/null
  : >"$file"
  for i in $(seq 1 "$runs"); do
    local host0 pg0 result
    host0=$(cpu_ticks "$host_pid"); pg0=$(pg_ticks)
    result=$(wrk -t"$threads" -c"$connections" -d"$duration" -s "bench/people/$load.lua" "http://127.0.0.1:$port" | grep '^RESULT')
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
      # BENCH_PG_OPTIONS adds connection-string options to try (e.g. ";Max Auto Prepare=20").
      measure PostgreSql "$CAREDESK_TEST_PG;Database=caredesk_bench${BENCH_PG_OPTIONS:-}"
      scripts/pg-cluster.sh stop "$pgdir"; pgdir=""
      ;;
    Sqlite)
      measure Sqlite "Data Source=$(cd "$out" && pwd)/people.db"
      ;;
    *) echo "unknown provider $provider" >&2; exit 2 ;;
  esac
done
echo "== summary"; cat "$out/summary.txt"
