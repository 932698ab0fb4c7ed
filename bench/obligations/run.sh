#!/usr/bin/env bash
# The due list at 100,000 open obligations on PostgreSQL (issue 12 budget: ≤ 300 ms): a throwaway cluster, one real
# CareDesk host, the seeding routine, then the list's query timed; exits non-zero over budget. See docs/benchmarks.md.
#   bench/obligations/run.sh [--obligations 100000] [--complaints 200] [--runs 50]
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${BENCH_OUT:-artifacts/bench-obligations}
mkdir -p "$out"
echo "== build (Release)"
dotnet build bench/CareDesk.Bench.Obligations -c Release --nologo -v quiet -o "$out/bench" >/dev/null
eval "$(scripts/pg-cluster.sh start)"
trap 'scripts/pg-cluster.sh stop "$PGDIR"' EXIT
echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet "$out/bench/CareDesk.Bench.Obligations.dll" --server "$CAREDESK_TEST_PG" "$@" 2>&1 \
  | grep -v -E '^\[[0-9:]+ (INF|WRN)\]' | tee "$out/result.txt"
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
