#!/usr/bin/env bash
# Case creation under load, end to end: start the published host in demo mode on a fresh database, sign in as the demo
# agent, create 50 patients, then open cases (POST /api/cases) from 1 and from 8 clients (bench/CareDesk.Bench.Writes),
# printing each run's cases/s and p50/p95/p99 and the host's and PostgreSQL's CPU per case, then the medians.
# On PostgreSQL it also samples what the server's busy sessions wait on (pg_stat_activity, every 50 ms) during the
# runs: CPU, lock waits (an advisory lock shows as Lock/advisory), WAL or client I/O. See docs/benchmarks.md.
#   bench/writes/run.sh [--runs 3] [--duration 20] [--warmup 5] [--clients "1 8"] [--providers "PostgreSql Sqlite"]
# Needs the .NET SDK, curl and, for PostgreSQL, the server binaries scripts/pg-cluster.sh uses. Output goes to
# artifacts/bench-writes/ (or $BENCH_OUT). Smoke run: --runs 1 --duration 5 --warmup 2. BENCH_HOST=<dir of a published
# host> measures that build instead (a before/after pair: publish the older commit elsewhere).
set -euo pipefail
cd "$(dirname "$0")/../.."

runs=3 duration=20 warmup=5 clients="1 8" providers="PostgreSql Sqlite"
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2 ;; --duration) duration=$2 ;; --warmup) warmup=$2 ;; --clients) clients=$2 ;; --providers) providers=$2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift 2
done

out=${BENCH_OUT:-artifacts/bench-writes}
# A free port from 5096 up: another bench's host may hold one (a busy port would answer the readiness check).
port=5096
while (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; do port=$((port + 1)); done
rm -rf "$out" && mkdir -p "$out"

echo "== build (Release): load generator and published host"
dotnet build bench/CareDesk.Bench.Writes -c Release --nologo -v quiet -o "$out/bench" >/dev/null
host_dir=${BENCH_HOST:-$out/host}
[ -n "${BENCH_HOST:-}" ] || dotnet publish src/CareDesk.Host/CareDesk.Host.csproj -c Release -o "$host_dir" --nologo -v quiet >/dev/null
host_dir=$(cd "$host_dir" && pwd)

pgdir="" host_pid="" sampler_pid=""
cleanup() {
  [ -n "$sampler_pid" ] && kill "$sampler_pid" 2>/dev/null || true
  [ -n "$host_pid" ] && kill "$host_pid" 2>/dev/null && wait "$host_pid" 2>/dev/null || true
  [ -n "$pgdir" ] && scripts/pg-cluster.sh stop "$pgdir" || true
}
trap cleanup EXIT

# CPU time (user + system, in clock ticks of 10 ms) of a process, and of this run's PostgreSQL server processes.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
pg_ticks() {
  [ -n "$pgdir" ] || { echo 0; return; }
  local main sum=0 p; main=$(head -n 1 "$pgdir/data/postmaster.pid")
  for p in "$main" $(pgrep -P "$main" || true); do sum=$((sum + $(cpu_ticks "$p" 2>/dev/null || echo 0))); done
  echo "$sum"
}
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# What the busy backends of the bench database wait on, one line per backend per sample ("CPU" when not waiting).
sample_waits() { # psql-connection file
  while :; do
    psql "$1" -XAtq -c "SELECT coalesce(wait_event_type || '/' || wait_event, 'CPU') FROM pg_stat_activity
      WHERE datname = 'caredesk_bench' AND state = 'active' AND pid <> pg_backend_pid()" >>"$2" 2>/dev/null || true
    # Who waits on a lock for whom: the waiting statement and the blocker's (its last, if idle in its transaction).
    psql "$1" -XAtq -c "SELECT left(regexp_replace(a.query, '\s+', ' ', 'g'), 90) || '  <=  ' || b.state || ': '
        || left(regexp_replace(b.query, '\s+', ' ', 'g'), 90)
      FROM pg_stat_activity a CROSS JOIN LATERAL unnest(pg_blocking_pids(a.pid)) AS blocker(pid)
      JOIN pg_stat_activity b ON b.pid = blocker.pid
      WHERE a.datname = 'caredesk_bench' AND a.wait_event_type = 'Lock'" >>"${2%.txt}-blockers.txt" 2>/dev/null || true
    sleep 0.05
  done
}

measure() { # provider connection-string [psql-connection]
  local provider=$1 connection=$2 psql_connection=${3:-}
  (cd "$host_dir" && ASPNETCORE_URLS="http://127.0.0.1:$port" Demo__Enabled=true Database__Provider="$provider" \
     Database__ConnectionString="$connection" Serilog__MinimumLevel__Default=Warning \
     exec dotnet CareDesk.Host.dll) >"$out/host-$provider.log" 2>&1 &
  host_pid=$!
  until curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; do
    kill -0 "$host_pid" 2>/dev/null || { cat "$out/host-$provider.log"; exit 1; }
    sleep 0.2
  done

  for c in $clients; do
    local file="$out/runs-$provider-$c.txt" waits="$out/waits-$provider-$c.txt"
    echo "== $provider, $c client(s): $runs run(s) of ${duration}s after ${warmup}s warm-up"
    : >"$file"; : >"$waits"; : >"${waits%.txt}-blockers.txt"
    for i in $(seq 1 "$runs"); do
      local host0 pg0 result n
      if [ -n "$psql_connection" ]; then sample_waits "$psql_connection" "$waits" & sampler_pid=$!; fi
      host0=$(cpu_ticks "$host_pid"); pg0=$(pg_ticks)
      result=$(dotnet "$out/bench/CareDesk.Bench.Writes.dll" --url "http://127.0.0.1:$port" --clients "$c" \
        --duration "$duration" --warmup "$warmup" | grep '^RESULT')
      # The warm-up's CPU is counted too: per case, over warm-up and run together.
      n=${result#*requests=}; n=${n%% *}
      local total=$(( n * (duration + warmup) / duration ))
      if [ -n "$sampler_pid" ]; then kill "$sampler_pid" 2>/dev/null || true; wait "$sampler_pid" 2>/dev/null || true; sampler_pid=""; fi
      echo "$result host_cpu_ms=$(awk -v t=$(( $(cpu_ticks "$host_pid") - host0 )) -v n="$total" 'BEGIN { printf "%.2f", t * 10 / n }')" \
        "db_cpu_ms=$(awk -v t=$(( $(pg_ticks) - pg0 )) -v n="$total" 'BEGIN { printf "%.2f", t * 10 / n }')" | tee -a "$file"
    done
    for key in rps p50_ms p95_ms p99_ms host_cpu_ms db_cpu_ms non2xx; do
      printf '%s %s clients median %s: %s\n' "$provider" "$c" "$key" "$(grep -o "$key=[0-9.]*" "$file" | cut -d= -f2 | median)"
    done | tee -a "$out/summary.txt"
    if [ -s "$waits" ]; then
      echo "$provider $c clients: busy PostgreSQL sessions by wait (share of samples):" | tee -a "$out/summary.txt"
      sort "$waits" | uniq -c | sort -rn | awk -v total="$(wc -l <"$waits")" '{ printf "  %5.1f%%  %s\n", 100 * $1 / total, $2 }' | head -8 | tee -a "$out/summary.txt"
    fi
    if [ -s "${waits%.txt}-blockers.txt" ]; then
      echo "$provider $c clients: lock waits, waiting statement <= blocking session (samples):" | tee -a "$out/summary.txt"
      sort "${waits%.txt}-blockers.txt" | uniq -c | sort -rn | head -6 | tee -a "$out/summary.txt"
    fi
  done

  kill "$host_pid"; wait "$host_pid" 2>/dev/null || true; host_pid=""
}

for provider in $providers; do
  case "$provider" in
    PostgreSql)
      eval "$(scripts/pg-cluster.sh start)"
      pgdir=$PGDIR
      port_pg=$(echo "$CAREDESK_TEST_PG" | sed -E 's/.*Port=([0-9]+).*/\1/')
      measure PostgreSql "$CAREDESK_TEST_PG;Database=caredesk_bench" "host=127.0.0.1 port=$port_pg user=postgres dbname=postgres"
      scripts/pg-cluster.sh stop "$pgdir"; pgdir=""
      ;;
    Sqlite)
      measure Sqlite "Data Source=$(cd "$out" && pwd)/writes.db"
      ;;
    *) echo "unknown provider $provider" >&2; exit 2 ;;
  esac
done
echo "== summary"; cat "$out/summary.txt"
