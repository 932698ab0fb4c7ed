#!/usr/bin/env bash
# A national maker's center (issue 13, item 14): 10 M people, ~32.5 M contact points (two phones and an e-mail each,
# a WeChat id for every 4th person) and 10 M devices on PostgreSQL. Seeds once into a cluster directory that is kept,
# then measures against the published host: caller lookup and people search at 1 connection (latency: lookup p99
# ≤ 5 ms, search p95 ≤ 100 ms) and at 16 (throughput), the screen pop (webhook → caller card on one desk in Chromium,
# and the host's own share; p95 ≤ 150 ms), the host's memory (RSS, peak RSS, live GC heap), and the database work the
# host does at start-up (the search-term backfill's check over every person). See docs/benchmarks.md.
#   bench/people10m/run.sh [--pgdir /var/tmp/caredesk-people10m] [--people 10000000] [--devices <people>]
#                          [--seed-only] [--runs 3] [--duration 20s] [--warmup 30s] [--threads 2] [--calls 40]
#                          [--shared-buffers 4GB] [--sqlite-sizing N]
# A --pgdir that holds a finished seeding (seeded.txt) is started and measured again without seeding; one whose
# seeding did not finish is refused (remove it). --seed-only stops after the seeding: seed once, then measure on a
# quiet machine with ../shared/tools/quiet -- bench/people10m/run.sh. --sqlite-sizing N also loads N people into
# SQLite and prints rows/s and the file size, scaled to --people (10 M are not loaded into SQLite).
# Disk: ~6 GB per million people in PostgreSQL, most of it person_search_terms (~28 rows a person), plus room for the
# index sorts: check that --pgdir's file system has ~70 GB free for 10 M (the script refuses to seed with less than
# its estimate). Needs the .NET SDK, curl, wrk, /usr/bin/chromium and the PostgreSQL server binaries.
# Everything but the cluster goes to artifacts/bench-people10m/ (or $BENCH_OUT).
set -euo pipefail
cd "$(dirname "$0")/../.."

people=10000000 devices="" pgdir=/var/tmp/caredesk-people10m seed_only=false runs=3 duration=20s warmup=30s threads=2
calls=40 shared_buffers=4GB sqlite_sizing=0
while [ $# -gt 0 ]; do
  case "$1" in
    --seed-only) seed_only=true; shift; continue ;;
    --people) people=$2 ;; --devices) devices=$2 ;; --pgdir) pgdir=$2 ;; --runs) runs=$2 ;; --duration) duration=$2 ;;
    --warmup) warmup=$2 ;; --threads) threads=$2 ;; --calls) calls=$2 ;; --shared-buffers) shared_buffers=$2 ;;
    --sqlite-sizing) sqlite_sizing=$2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift 2
done
devices=${devices:-$people}
case "$pgdir" in /*) ;; *) pgdir=$PWD/$pgdir ;; esac
out=${BENCH_OUT:-artifacts/bench-people10m}
port=5096 database=caredesk_people
rm -rf "$out" && mkdir -p "$out"
summary=$out/summary.txt
: >"$summary"
say() { echo "$*" | tee -a "$summary"; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
[ -x /usr/bin/chromium ] || { echo "Chromium is missing: apt-get install -y chromium" >&2; exit 1; }

echo "== build (Release): seeder, published host, desks bench, dotnet-gcdump"
dotnet build bench/CareDesk.Bench.Seeder -c Release --nologo -v quiet -o "$out/seeder" >/dev/null
dotnet publish src/CareDesk.Host/CareDesk.Host.csproj -c Release -o "$out/host" --nologo -v quiet >/dev/null
dotnet build bench/CareDesk.Bench.Desks -c Release --nologo -v quiet -o "$out/desks-bench" >/dev/null
tools=artifacts/tools
[ -x "$tools/dotnet-gcdump" ] || dotnet tool install --tool-path "$tools" dotnet-gcdump --version 10.0.750501 >/dev/null

bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
as_owner() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_started="" host_pid=""
cleanup() {
  [ -n "$host_pid" ] && kill "$host_pid" 2>/dev/null && wait "$host_pid" 2>/dev/null || true
  # The cluster is kept (that is the point of --pgdir), only stopped.
  [ -n "$pg_started" ] && as_owner "$bin/pg_ctl" -D "$pgdir/data" -m fast stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

# As scripts/pg-cluster.sh: a free port below the kernel's ephemeral range.
free_port() {
  local low span p
  low=$(awk '{print $1}' /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
  [ "$low" -gt 20000 ] || low=32768
  span=$(( low - 20000 )); p=$(( 20000 + RANDOM % span ))
  while (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null || grep -qi ":$(printf '%04X' "$p") " /proc/net/tcp /proc/net/tcp6 2>/dev/null; do
    p=$(( 20000 + (p - 20000 + 1) % span ))
  done
  echo "$p"
}

# The server as a benchmark wants it: durability off (the data can be seeded again), wal_level minimal (COPY FREEZE
# and index builds into tables emptied in the same transaction skip the WAL), checkpoints rare, a large buffer pool;
# auto_explain logs the plan of every statement slower than 250 ms, so a plan that does not scale shows in the log.
start_cluster() {
  pg_port=$(free_port)
  as_owner "$bin/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w -t 600 -o "-p $pg_port -k $pgdir \
    -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
    -c wal_level=minimal -c max_wal_senders=0 -c max_wal_size=16GB -c checkpoint_timeout=1h \
    -c shared_buffers=$shared_buffers -c effective_cache_size=12GB -c maintenance_work_mem=1GB \
    -c shared_preload_libraries=auto_explain" start >/dev/null
  pg_started=yes
  connection="Host=127.0.0.1;Port=$pg_port;Username=postgres;Maximum Pool Size=50;Database=$database"
  # Through ALTER SYSTEM, not -c: the checks turn it down to 0 for a while, and -c would win over that.
  explain_from 250ms
}
# auto_explain for every session from the next statement on: plans of statements slower than $1, with EXPLAIN ANALYZE's
# figures when $2 is on (that instruments every statement, so only for the checks).
explain_from() {
  "$bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -XAtq -c "ALTER SYSTEM SET auto_explain.log_min_duration = '$1'" \
    -c "ALTER SYSTEM SET auto_explain.log_analyze = ${2:-off}" -c "ALTER SYSTEM SET auto_explain.log_buffers = ${2:-off}" \
    -c "SELECT pg_reload_conf()" >/dev/null
}
psql_bench() { "$bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d "$database" -XAtq "$@"; }

if [ -f "$pgdir/seeded.txt" ]; then
  grep -qx "people=$people devices=$devices" "$pgdir/seeded.txt" \
    || { echo "$pgdir holds $(cat "$pgdir/seeded.txt"), not people=$people devices=$devices" >&2; exit 2; }
  echo "== reusing the seeded cluster in $pgdir ($(cat "$pgdir/seeded.txt"))"
  start_cluster
elif [ -e "$pgdir/data" ]; then
  echo "$pgdir/data exists but its seeding did not finish (no seeded.txt): remove $pgdir and run again" >&2; exit 2
else
  # ~5.9 GB per million people measured at 100 k and 1 M (docs/benchmarks.md), plus the sort space of the largest index.
  need_gb=$(( (people * 7 + 999999) / 1000000 ))
  mkdir -p "$pgdir"
  free_gb=$(( $(df -Pk "$pgdir" | awk 'NR == 2 { print $4 }') / 1048576 ))
  [ "$free_gb" -ge "$need_gb" ] || { echo "$pgdir has $free_gb GB free, seeding $people people needs ~$need_gb GB" >&2; exit 1; }
  [ "$(id -u)" -eq 0 ] && chown postgres "$pgdir"
  as_owner "$bin/initdb" -D "$pgdir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$pgdir/initdb.log" 2>&1
  start_cluster
  "$bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres "$database"
  echo "== seed $people people, ~$(( 3 * people + people / 4 )) contact points, $devices devices into $pgdir"
  dotnet "$out/seeder/CareDesk.Bench.Seeder.dll" --provider PostgreSql --connection "$connection" \
    --people "$people" --devices "$devices" --samples "$pgdir/samples.txt" --search-samples "$pgdir/search-samples.txt" \
    --callers "$pgdir/callers.txt" | tee "$pgdir/seed.log"
  echo "people=$people devices=$devices" >"$pgdir/seeded.txt"
fi
say "== seeding (from $pgdir/seed.log)"
grep -E "^PostgreSql [a-z]" "$pgdir/seed.log" | tee -a "$summary"
say "database: $(psql_bench -c "SELECT pg_size_pretty(pg_database_size(current_database()))"); person_search_terms: $(psql_bench -c \
  "SELECT pg_size_pretty(pg_total_relation_size('person_search_terms'))"); cluster directory: $(du -sh "$pgdir" | cut -f1)"

if [ "$sqlite_sizing" -gt 0 ]; then
  echo "== SQLite sizing: $sqlite_sizing people"
  dotnet "$out/seeder/CareDesk.Bench.Seeder.dll" --provider Sqlite --connection "Data Source=$(cd "$out" && pwd)/sizing.db" \
    --people "$sqlite_sizing" --devices "$sqlite_sizing" --samples "$out/sizing-samples.txt" \
    --search-samples "$out/sizing-search-samples.txt" | tee "$out/seed-sqlite.log"
  bytes=$(stat -c %s "$out/sizing.db") seconds=$(awk '$2 == "total" { print $3 }' "$out/seed-sqlite.log")
  say "SQLite at $sqlite_sizing people: $seconds s, $((bytes / 1048576)) MB;" \
    "linear to $people: ~$(awk -v s="$seconds" -v f="$people" -v n="$sqlite_sizing" 'BEGIN { printf "%.0f", s * f / n / 60 }') min," \
    "~$(awk -v b="$bytes" -v f="$people" -v n="$sqlite_sizing" 'BEGIN { printf "%.0f", b * f / n / 1073741824 }') GB"
  rm -f "$out/sizing.db"
fi
$seed_only && { echo "== seeded; measure with: bench/people10m/run.sh --pgdir $pgdir --people $people"; exit 0; }

echo "== start the host"
# ScreenPopHub at Debug: the host logs its own share of each pop (webhook → the desk's render batch sent).
started=$(date +%s.%N)
(cd "$out/host" && exec env ASPNETCORE_URLS="http://127.0.0.1:$port" Demo__Enabled=true Database__Provider=PostgreSql \
   Database__ConnectionString="$connection" Serilog__MinimumLevel__Default=Warning SignIn__PerClientLimit=1000 \
   Logging__LogLevel__CareDesk.Features.Telephony.ScreenPopHub=Debug dotnet CareDesk.Host.dll >../host.log 2>&1) &
host_pid=$!
until curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; do
  kill -0 "$host_pid" 2>/dev/null || { cat "$out/host.log"; exit 1; }
  sleep 0.2
done
ready=$(date +%s.%N)
# What the host asks of the database after it is ready (the search-term backfill looks for people without terms, at
# 10 M a pass over every person): the loads wait until the database has been idle for 3 s in a row.
idle=0 waited=0
while [ "$idle" -lt 3 ] && [ "$waited" -lt 1200 ]; do
  if [ "$(psql_bench -c "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()")" = 0 ]; then
    idle=$((idle + 1))
  else
    idle=0
  fi
  sleep 1; waited=$((waited + 1))
done
[ "$idle" -ge 3 ] || say "the database was still busy 20 minutes after the host was ready: measuring anyway"
quiet_at=$(date +%s.%N)
say "host: ready after $(awk -v a="$started" -v b="$ready" 'BEGIN { printf "%.1f", b - a }') s; the database idle" \
  "$(awk -v a="$ready" -v b="$quiet_at" 'BEGIN { printf "%.1f", b - a - 3 }') s after that (start-up work, backfill check)"

token=$(curl -fs -H 'Content-Type: application/json' "http://127.0.0.1:$port/api/auth/login" \
  -d '{"email":"agent@demo.caredesk","password":"CareDesk-demo-1"}' | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
export TOKEN="$token"

# The checks run with every statement's plan logged (EXPLAIN ANALYZE through auto_explain): plans.txt keeps them, and
# a sequential scan of a large table is named in the summary.
log_from=$(stat -c %s "$pgdir/server.log")
explain_from 0 on
check=$(curl -fs -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/people/lookup?phone=$(sed -n 2p "$pgdir/samples.txt")")
echo "check: ${check:0:160}"
case "$check" in *'"matchedVia":"caregiver"'*) ;; *) echo "lookup check failed" >&2; exit 1 ;; esac
for q in $(head -n 8 "$pgdir/search-samples.txt"); do
  check=$(curl -fs -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/people?q=$q")
  echo "check q=$q: ${check:0:120}"
  case "$check" in *'"personId"'*) ;; *) echo "search check failed for q=$q" >&2; exit 1 ;; esac
done
explain_from 250ms
tail -c +"$((log_from + 1))" "$pgdir/server.log" >"$out/plans.txt"
scans=$(grep -oE "Seq Scan on [a-z_\"A-Za-z]+ .*rows=[0-9]+ loops" "$out/plans.txt" | grep -E "actual.*rows=[0-9]{4,} " || true)
say "plans of the checks: $(grep -c "duration:" "$out/plans.txt") statements in $out/plans.txt;" \
  "sequential scans reading ≥ 1,000 rows: ${scans:-none}"
log_from=$(stat -c %s "$pgdir/server.log")

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
pg_ticks() {
  local main sum=0 p; main=$(head -n 1 "$pgdir/data/postmaster.pid")
  for p in "$main" $(pgrep -P "$main" || true); do sum=$((sum + $(cpu_ticks "$p" 2>/dev/null || echo 0))); done
  echo "$sum"
}
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

run_load() { # load connections
  local load=$1 connections=$2 t=$threads file="$out/wrk-$1-$2.txt"
  [ "$connections" -ge "$t" ] || t=$connections
  export SAMPLES="$pgdir/samples.txt"
  [ "$load" = search ] && SAMPLES="$pgdir/search-samples.txt"
  echo "== $load at $connections connections: warm-up $warmup, then $runs runs of $duration"
  wrk -t"$t" -c"$connections" -d"$warmup" -s "bench/people/$load.lua" "http://127.0.0.1:$port" >/dev/null
  : >"$file"
  for _ in $(seq 1 "$runs"); do
    kill -0 "$host_pid" 2>/dev/null || { tail -n 20 "$out/host.log"; echo "the host stopped (log: $out/host.log)" >&2; exit 1; }
    local host0 pg0 result n
    host0=$(cpu_ticks "$host_pid"); pg0=$(pg_ticks)
    result=$(wrk -t"$t" -c"$connections" -d"$duration" -s "bench/people/$load.lua" "http://127.0.0.1:$port" | grep '^RESULT')
    n=${result#*requests=}; n=${n%% *}
    echo "$result host_cpu_ms=$(awk -v t=$(( $(cpu_ticks "$host_pid") - host0 )) -v n="$n" 'BEGIN { printf "%.2f", t * 10 / n }')" \
      "db_cpu_ms=$(awk -v t=$(( $(pg_ticks) - pg0 )) -v n="$n" 'BEGIN { printf "%.2f", t * 10 / n }')" | tee -a "$file"
  done
  local line="$load, $connections connections (median of $runs, load average after $(cut -d' ' -f1 /proc/loadavg)):" key
  for key in rps p50_ms p95_ms p99_ms host_cpu_ms db_cpu_ms non2xx; do
    line="$line $key=$(grep -o "$key=[0-9.]*" "$file" | cut -d= -f2 | median)"
  done
  say "$line"
}

say "== loads (budgets: lookup p99 ≤ 5 ms, search p95 ≤ 100 ms)"
run_load lookup 1
run_load lookup 16
run_load search 1
run_load search 16
rss() { awk -v k="$1:" '$1 == k { printf "%.0f MB", $2 / 1024 }' "/proc/$host_pid/status"; }
say "host after the loads: RSS $(rss VmRSS), peak RSS $(rss VmHWM)"

say "== screen pop: webhook → caller card on one desk ($calls seeded callers, each its first call; $calls unknown numbers)"
dotnet "$out/desks-bench/CareDesk.Bench.Desks.dll" --url "http://127.0.0.1:$port" --host-pid "$host_pid" \
  --gcdump "$PWD/$tools/dotnet-gcdump" --out "$out/desks" --host-log "$out/host.log" --memory-desks "" \
  --fanout-desks 1 --calls "$calls" --callers "$pgdir/callers.txt" >"$out/desks.log"
sed 's/^/  /' "$out/desks/summary.txt" | tee -a "$summary"
say "host at the end: RSS $(rss VmRSS), peak RSS $(rss VmHWM) (live heap: the '0 desks' line above, after a full GC)"

tail -c +"$((log_from + 1))" "$pgdir/server.log" >"$out/slow.txt"
say "statements slower than 250 ms during the loads and the pops: $(grep -c "duration:" "$out/slow.txt" || true) (plans in $out/slow.txt)"
# Which statements, most frequent first (at 1 M on a noisy machine: the audit chain's lock, issue 13 item 15).
grep -A1 "duration:" "$out/slow.txt" | grep -o "Query Text: .*" | cut -c13-140 | sort | uniq -c | sort -rn | head -n 5 | tee -a "$summary" || true
echo "== summary"; cat "$summary"
