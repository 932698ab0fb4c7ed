#!/usr/bin/env bash
# Durable timers at volume on PostgreSQL: a throwaway cluster, two real CareDesk hosts (production scheduling
# settings, clustered Quartz), N timers due within one minute; prints lateness p50/p95/max and any timer that fired
# twice or never, and exits non-zero when the budget (all fire, each once, within 5 s) is missed. See docs/benchmarks.md.
#   bench/timers/run.sh [--timers 10000] [--nodes 2] [--window 60] [--lead auto|seconds]
# Smoke run: bench/timers/run.sh --timers 1000
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${BENCH_OUT:-artifacts/bench-timers}
mkdir -p "$out"
echo "== build (Release)"
dotnet build bench/CareDesk.Bench.Timers -c Release --nologo -v quiet -o "$out/bench" >/dev/null
eval "$(scripts/pg-cluster.sh start)"
trap 'scripts/pg-cluster.sh stop "$PGDIR"' EXIT
echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet "$out/bench/CareDesk.Bench.Timers.dll" --server "$CAREDESK_TEST_PG" "$@" 2>&1 \
  | grep -v -E '^\[[0-9:]+ (INF|WRN)\]' | tee "$out/result.txt"
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
