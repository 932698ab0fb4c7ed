#!/usr/bin/env bash
# Backs up a running CareDesk into a new directory: the database as one consistent copy taken while writes go on
# (SQLite's online backup; pg_dump --format=custom on PostgreSQL), then the stored files (call recordings), then
# backup.json (a directory without it is an unfinished backup). Settings as for the service; docs/operations.md.
#   scripts/backup.sh [directory]   (default: ./caredesk-backup-<UTC time>)
set -euo pipefail
dir=${1:-caredesk-backup-$(date -u +%Y%m%dT%H%M%SZ)}
exec "$(dirname "$0")/host-command.sh" backup "$dir"
