#!/usr/bin/env bash
# Outreach at volume on PostgreSQL (issue 14's budgets, docs/benchmarks.md): seed a synthetic population, give 90 % of
# it phone consent for service follow-up and 2 % "do not contact", then through the published host's API
#   1. build a campaign's call list over everyone (create = the eligible count, build = INSERT … SELECT + report),
#   2. claim with 16 connections on POST /api/outreach/next (wrk), then check no person is held twice,
#   3. read the consent ledger of random people (GET /api/people/{id}/consents).
#   bench/outreach/run.sh [--people 1000000] [--builds 3] [--runs 3] [--duration 20s] [--connections 16] [--keep 1]
# --keep 1 leaves the seeded PostgreSQL cluster running (its directory and connection string are printed at the end) to
# study the queries with psql; stop it with scripts/pg-cluster.sh stop <dir>.
# Quiet hours are switched off for the host (Outreach:QuietFrom = QuietTo): the claims measure the guard's queries at
# any hour of the day the bench runs. Needs the .NET SDK, curl, wrk and the PostgreSQL binaries scripts/pg-cluster.sh
# uses. Writes to artifacts/bench-outreach/ (or $BENCH_OUT).
set -euo pipefail
cd "$(dirname "$0")/../.."

people=1000000 builds=3 runs=3 duration=20s connections=16 keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --people) people=$2 ;; --builds) builds=$2 ;; --runs) runs=$2 ;; --duration) duration=$2 ;; --connections) connections=$2 ;; --keep) keep=$2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift 2
done

out=${BENCH_OUT:-artifacts/bench-outreach}
port=5097
base="http://127.0.0.1:$port"
rm -rf "$out" && mkdir -p "$out"
out=$(cd "$out" && pwd)
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

echo "== build (Release): seeder and published host"
dotnet build bench/CareDesk.Bench.Seeder -c Release --nologo -v quiet -o "$out/seeder" >/dev/null
dotnet publish src/CareDesk.Host/CareDesk.Host.csproj -c Release -o "$out/host" --nologo -v quiet >/dev/null

pgdir="" host_pid="" connection=""
cleanup() {
  [ -n "$host_pid" ] && kill "$host_pid" 2>/dev/null && wait "$host_pid" 2>/dev/null || true
  if [ "$keep" = 1 ] && [ -n "$pgdir" ]; then
    echo "kept: PGDIR=$pgdir connection='$connection'"
  elif [ -n "$pgdir" ]; then
    scripts/pg-cluster.sh stop "$pgdir" || true
  fi
}
trap cleanup EXIT
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

eval "$(scripts/pg-cluster.sh start)"
pgdir=$PGDIR
connection="$CAREDESK_TEST_PG;Database=caredesk_outreach"
echo "== seed $people people"
dotnet "$out/seeder/CareDesk.Bench.Seeder.dll" --provider PostgreSql --connection "$connection" --people "$people" --devices "$people" \
  --samples "$out/samples.txt" --search-samples "$out/search-samples.txt" | tee "$out/seed.log"

(cd "$out/host" && ASPNETCORE_URLS="$base" Demo__Enabled=true Database__Provider=PostgreSql Database__ConnectionString="$connection" \
   Outreach__QuietFrom=00:00 Outreach__QuietTo=00:00 Serilog__MinimumLevel__Default=Warning \
   exec dotnet CareDesk.Host.dll >"$out/host.log" 2>&1) &
host_pid=$!
until curl -fs "$base/health/ready" >/dev/null 2>&1; do
  kill -0 "$host_pid" 2>/dev/null || { cat "$out/host.log"; exit 1; }
  sleep 0.5
done

pgport=$(echo "$CAREDESK_TEST_PG" | sed -E 's/.*Port=([0-9]+).*/\1/')
psql_run() { psql "host=127.0.0.1 port=$pgport user=postgres dbname=caredesk_outreach" -qtAX -c "$1"; }
echo "== consents for 90 %, do not contact for 2 %"
psql_run "INSERT INTO consent_entries (\"Id\",\"PersonId\",\"Purpose\",\"Channel\",\"Granted\",\"Wording\",\"Method\",\"Source\",\"RecordedBy\",\"RecordedAt\")
          SELECT gen_random_uuid(), \"Id\", 'ServiceFollowUp', 'Phone', true, '同意回访', 'Import', 'bench', 'bench', now() - interval '30 days'
          FROM people WHERE abs(hashtext(\"Id\"::text)) % 10 <> 0;"
psql_run "INSERT INTO do_not_contact_entries (\"Id\",\"PersonId\",\"Active\",\"Reason\",\"Source\",\"RecordedBy\",\"RecordedAt\")
          SELECT gen_random_uuid(), \"Id\", true, 'bench', 'api', 'bench', now() - interval '1 day'
          FROM people WHERE abs(hashtext(\"Id\"::text)) % 50 = 1;"
psql_run "ANALYZE;"
psql_run "SELECT \"Id\" FROM people ORDER BY random() LIMIT 5000;" > "$out/people.txt"

token() { curl -fs -H 'Content-Type: application/json' "$base/api/auth/login" -d "{\"email\":\"$1@demo.caredesk\",\"password\":\"CareDesk-demo-1\"}" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/'; }
supervisor=$(token supervisor)
agent=$(token agent)

echo "== $builds call lists over everyone" | tee "$out/summary.txt"
campaign=""
for i in $(seq 1 "$builds"); do
  created=$(curl -fs -o "$out/campaign-$i.json" -w '%{time_total}' -H "Authorization: Bearer $supervisor" -H 'Content-Type: application/json' \
    "$base/api/campaigns" -d "{\"name\":\"bench $i\",\"purpose\":\"service-follow-up\",\"channel\":\"phone\",\"target\":{}}")
  campaign=$(sed -E 's/.*"id":"([^"]+)".*/\1/' "$out/campaign-$i.json")
  built=$(curl -fs -o "$out/build-$i.json" -w '%{time_total}' -X POST -H "Authorization: Bearer $supervisor" "$base/api/campaigns/$campaign/build")
  echo "build $i: create_s=$created build_s=$built $(cat "$out/build-$i.json")" | tee -a "$out/builds.txt"
done
for key in create_s build_s; do
  echo "call list median $key: $(grep -o "$key=[0-9.]*" "$out/builds.txt" | cut -d= -f2 | median)" | tee -a "$out/summary.txt"
done

echo "== claims: $runs runs of $duration, wrk -c$connections on POST /api/outreach/next" | tee -a "$out/summary.txt"
curl -fs -X POST -H "Authorization: Bearer $supervisor" "$base/api/campaigns/$campaign/start" >/dev/null
: >"$out/claims.txt"
for i in $(seq 1 "$runs"); do
  TOKEN=$agent wrk -t2 -c"$connections" -d"$duration" -s bench/outreach/next.lua "$base" | grep '^RESULT' | tee -a "$out/claims.txt"
done
for key in rps p50_ms p95_ms p99_ms non2xx; do
  echo "claims median $key: $(grep -o "$key=[0-9.]*" "$out/claims.txt" | cut -d= -f2 | median)" | tee -a "$out/summary.txt"
done
echo "claims held: $(psql_run "SELECT count(*) FROM outreach_claims WHERE \"AttemptId\" IS NOT NULL;")," \
  "people held twice: $(psql_run "SELECT count(*) FROM (SELECT \"PersonId\" FROM outreach_attempts WHERE \"Outcome\" IS NULL GROUP BY \"PersonId\" HAVING count(*) > 1) x;")," \
  "attempts on do-not-contact people: $(psql_run "SELECT count(*) FROM outreach_attempts a JOIN do_not_contact_entries d ON d.\"PersonId\" = a.\"PersonId\";")" | tee -a "$out/summary.txt"

echo "== consent ledger: $runs runs of $duration, wrk -c4" | tee -a "$out/summary.txt"
: >"$out/ledger.txt"
for i in $(seq 1 "$runs"); do
  SAMPLES="$out/people.txt" TOKEN=$agent wrk -t2 -c4 -d"$duration" -s bench/outreach/ledger.lua "$base" | grep '^RESULT' | tee -a "$out/ledger.txt"
done
for key in rps p50_ms p95_ms p99_ms non2xx; do
  echo "ledger median $key: $(grep -o "$key=[0-9.]*" "$out/ledger.txt" | cut -d= -f2 | median)" | tee -a "$out/summary.txt"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/summary.txt"
echo "== summary"; cat "$out/summary.txt"
