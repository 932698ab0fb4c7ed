#!/usr/bin/env bash
# Many open desks of one agent (issue 10, item 12f), end to end: publish the host, start it in demo mode on a fresh
# database, open desks in headless Chromium signed in as the same agent, and measure
#   - host memory with 0 desks and with each of --memory-desks desks connected: the live managed heap after a forced full
#     GC (dotnet-gcdump) and the resident set (VmRSS), and per desk the difference divided by the desks;
#   - webhook → caller card visible on every one of --fanout-desks desks, for --calls known callers (each its first call:
#     cold) and --calls unknown numbers; p50/p95 of the time until the last desk shows it.
#   bench/desks/run.sh [--memory-desks "30 60 100"] [--fanout-desks 30] [--calls 20] [--page /] [--providers Sqlite]
#                      [--split-cores]   (host pinned to CPU 0, Chromium and the bench to CPU 1: the server's share alone)
# Memory figures hardly depend on CPU; latency figures do: on a shared machine run it through ../shared/tools/quiet.
# Needs the .NET SDK, /usr/bin/chromium and, for PostgreSQL, the server binaries scripts/pg-cluster.sh uses; a
# Chromium page costs ~50–100 MB, so 100 desks want ~8 GB free (the bench stops opening below --min-free-mb).
# Everything it writes goes to artifacts/bench-desks/ (or $BENCH_OUT): the host's log, the heap reports, summary.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."

providers=Sqlite bench_args=() host_cpu="" desks_cpu=""
while [ $# -gt 0 ]; do
  case "$1" in
    # The host on one core, Chromium and the bench on the other: the server's share without 30 browsers on its cores.
    --split-cores) host_cpu="taskset -c 0" desks_cpu="taskset -c 1"; shift; continue ;;
    --providers) providers=$2 ;;
    --memory-desks|--fanout-desks|--calls|--page|--min-free-mb) bench_args+=("$1" "$2") ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift 2
done

out=${BENCH_OUT:-artifacts/bench-desks}
port=5097
rm -rf "$out" && mkdir -p "$out"
[ -x /usr/bin/chromium ] || { echo "Chromium is missing: apt-get install -y chromium" >&2; exit 1; }

echo "== build (Release): bench, published host, dotnet-gcdump"
dotnet build bench/CareDesk.Bench.Desks -c Release --nologo -v quiet -o "$out/bench" >/dev/null
dotnet publish src/CareDesk.Host/CareDesk.Host.csproj -c Release -o "$out/host" --nologo -v quiet >/dev/null
tools=artifacts/tools
[ -x "$tools/dotnet-gcdump" ] || dotnet tool install --tool-path "$tools" dotnet-gcdump --version 10.0.750501 >/dev/null

pgdir="" host_pid=""
cleanup() {
  [ -n "$host_pid" ] && kill "$host_pid" 2>/dev/null && wait "$host_pid" 2>/dev/null || true
  [ -n "$pgdir" ] && scripts/pg-cluster.sh stop "$pgdir" || true
}
trap cleanup EXIT

measure() { # provider connection-string
  local provider=$1 connection=$2
  echo "== $provider: start the host (demo mode), then the desks"
  # Every desk signs in from this one address, as desks behind one NAT do (README: SignIn__PerClientLimit).
  # ScreenPopHub at Debug: the host logs its own share of each fan-out (webhook → last desk's render batch sent).
  (cd "$out/host" && exec env ASPNETCORE_URLS="http://127.0.0.1:$port" Demo__Enabled=true Database__Provider="$provider" \
     Database__ConnectionString="$connection" Serilog__MinimumLevel__Default=Warning SignIn__PerClientLimit=1000 \
     Logging__LogLevel__CareDesk.Features.Telephony.ScreenPopHub=Debug \
     $host_cpu dotnet CareDesk.Host.dll >"../host-$provider.log" 2>&1) &
  host_pid=$!
  until curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; do
    kill -0 "$host_pid" 2>/dev/null || { cat "$out/host-$provider.log"; exit 1; }
    sleep 0.2
  done

  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$out/load-$provider.txt"
  $desks_cpu dotnet "$out/bench/CareDesk.Bench.Desks.dll" --url "http://127.0.0.1:$port" --host-pid "$host_pid" \
    --gcdump "$PWD/$tools/dotnet-gcdump" --out "$out/$provider" --host-log "$out/host-$provider.log" "${bench_args[@]}"
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/load-$provider.txt"

  kill "$host_pid"; wait "$host_pid" 2>/dev/null || true; host_pid=""
}

for provider in $providers; do
  case "$provider" in
    PostgreSql)
      eval "$(scripts/pg-cluster.sh start)"
      pgdir=$PGDIR
      measure PostgreSql "$CAREDESK_TEST_PG;Database=caredesk_bench_desks"
      scripts/pg-cluster.sh stop "$pgdir"; pgdir=""
      ;;
    Sqlite)
      measure Sqlite "Data Source=$(cd "$out" && pwd)/desks.db"
      ;;
    *) echo "unknown provider $provider" >&2; exit 2 ;;
  esac
done
echo "== summary"
for provider in $providers; do echo "-- $provider"; cat "$out/$provider/summary.txt" "$out/load-$provider.txt"; done
