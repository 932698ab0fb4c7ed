#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh into an EMPTY CareDesk (a new SQLite file, or a database made with
# createdb on PostgreSQL; it refuses one that has tables), and its recordings into the configured directory (files
# already there are kept). Stop the nodes first when replacing a database; start them after. docs/operations.md.
#   scripts/restore.sh <directory>
set -euo pipefail
dir=${1:?usage: scripts/restore.sh <backup directory>}
exec "$(dirname "$0")/host-command.sh" restore "$dir"
