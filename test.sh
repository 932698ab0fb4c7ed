#!/usr/bin/env bash
# Runs every test: unit and component tests, integration tests once on SQLite and once on PostgreSQL,
# and browser tests in Debian's Chromium. Ends with: tests: N passed, N failed, N skipped
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
results="$root/artifacts/test-results"
rm -rf "$results"; mkdir -p "$results"

scripts/install-test-deps.sh || { echo "could not install test dependencies"; exit 1; }

eval "$(scripts/pg-cluster.sh start)" || { echo "could not start PostgreSQL"; exit 1; }
export CAREDESK_TEST_PG
trap 'scripts/pg-cluster.sh stop "$PGDIR"' EXIT

dotnet build CareDesk.slnx -c Release --nologo -v quiet || { echo "tests: 0 passed, 1 failed (build failed)"; exit 1; }

# Made-up test values (phone and serial numbers) come from one seed: set CAREDESK_TEST_SEED to repeat a run's values.
echo "test values seed: ${CAREDESK_TEST_SEED:-the default in tests/Shared/TestValues.cs}"

status=0
run() { # name project [env...]
  local name=$1 project=$2; shift 2
  echo "== $name"
  env "$@" dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" -- RunConfiguration.TreatNoTestsAsError=true \
    || status=1
}
run unit tests/CareDesk.Tests/CareDesk.Tests.csproj
run integration-sqlite tests/CareDesk.IntegrationTests/CareDesk.IntegrationTests.csproj CAREDESK_TEST_DB=sqlite
run integration-postgres tests/CareDesk.IntegrationTests/CareDesk.IntegrationTests.csproj CAREDESK_TEST_DB=postgres
run browser tests/CareDesk.BrowserTests/CareDesk.BrowserTests.csproj
run relay tests/CareDesk.Relay.Tests/CareDesk.Relay.Tests.csproj

# dotnet test prints no total; sum the TRX counters.
read -r total passed failed <<<"$(cat "$results"/*.trx 2>/dev/null | grep -o '<Counters [^>]*>' | awk '
  { for (i = 1; i <= NF; i++) { split($i, kv, "="); gsub(/"/, "", kv[2]); c[kv[1]] += kv[2] } }
  END { printf "%d %d %d\n", c["total"], c["passed"], c["failed"] + c["error"] + c["timeout"] + c["aborted"] }')"
# A fixture that fails to clean up (e.g. a shared host whose clock a test moved) is no test result but fails the run.
cleanup=$(cat "$results"/*.trx 2>/dev/null | grep -o 'Cleanup Failure' | wc -l)
skipped=$(( total - passed - failed ))
failed=$(( failed + cleanup ))
echo "tests: $passed passed, $failed failed, $skipped skipped"
[ "$total" -gt 0 ] && [ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
