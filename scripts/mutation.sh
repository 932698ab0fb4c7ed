#!/usr/bin/env bash
# Mutation run (Stryker.NET) over People, Cases and Platform/Audit against the unit tests (tests/CareDesk.Tests).
# Not part of ./test.sh: a full run takes tens of minutes on 2 cores. Settings: tests/CareDesk.Tests/stryker-config.json.
#   scripts/mutation.sh                                  # the whole scope
#   scripts/mutation.sh Platform/Audit                   # one folder (under src/CareDesk)
#   scripts/mutation.sh Features/People/PersonViewer.cs  # one file
#   scripts/mutation.sh Platform/Audit -- --test-case-filter "FullyQualifiedName~Audit"   # after --: Stryker's own options
# The report lands in tests/CareDesk.Tests/StrykerOutput/<date>/reports/ (git-ignored).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
dotnet tool restore >/dev/null
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --) shift; args+=("$@"); break ;;
    *.cs) args+=(--mutate "**/$1") ;;
    *) args+=(--mutate "**/${1%/}/**/*.cs") ;;
  esac
  shift
done
cd tests/CareDesk.Tests
exec dotnet stryker "${args[@]}"
