#!/usr/bin/env bash
# Adds a migration with the same name to both providers' migrations projects.
# Usage: scripts/add-migration.sh <MigrationName>
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh <MigrationName>}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite PostgreSql; do
  project=src/CareDesk.Migrations.$provider
  echo "== $provider"
  dotnet ef migrations add "$name" --project "$project" --startup-project "$project" --output-dir Migrations
done
dotnet format src/CareDesk.Migrations.Sqlite/CareDesk.Migrations.Sqlite.csproj whitespace >/dev/null
dotnet format src/CareDesk.Migrations.PostgreSql/CareDesk.Migrations.PostgreSql.csproj whitespace >/dev/null
