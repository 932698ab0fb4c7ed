#!/usr/bin/env bash
# Regenerates the Kiota C# client that tests/CareDesk.IntegrationTests/Client uses (CareDeskClientTests), from the
# OpenAPI document of a freshly started host. Run it after changing an endpoint and commit the result.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/caredesk-client.XXXXXX)
trap 'rm -rf "$work"' EXIT
"$root/scripts/openapi-document.sh" "$work/openapi.json"
cd "$root"
dotnet tool restore >/dev/null
dotnet kiota generate -l CSharp -d "$work/openapi.json" -o tests/CareDesk.IntegrationTests/Client/Generated \
  -c CareDeskApiClient -n CareDesk.IntegrationTests.Client.Generated --clean-output --exclude-backward-compatible \
  --log-level Warning
rm -f tests/CareDesk.IntegrationTests/Client/Generated/kiota-lock.json
