#!/usr/bin/env bash
# A throwaway PostgreSQL cluster in a temporary directory on a free port.
#   scripts/pg-cluster.sh start   -> prints the connection string (base: no database name)
#   scripts/pg-cluster.sh stop <dir>
set -euo pipefail
bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")

as_owner() {
  # initdb refuses to run as root: the cluster belongs to the postgres user then.
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    dir=$(mktemp -d /tmp/caredesk-pg.XXXXXX)
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    # Below the kernel's ephemeral range (outgoing connections take their local port from it; a server there can
    # find its port taken by a client, or a reconnecting client can connect to itself), and free.
    low=$(awk '{print $1}' /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
    [ "$low" -gt 20000 ] || low=32768
    span=$(( low - 20000 ))
    port=$(( 20000 + RANDOM % span ))
    while (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null || grep -qi ":$(printf '%04X' "$port") " /proc/net/tcp /proc/net/tcp6 2>/dev/null; do
      port=$(( 20000 + (port - 20000 + 1) % span ))
    done
    as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null
    echo "$dir" >"$dir/dir"
    echo "PGDIR=$dir"
    echo "CAREDESK_TEST_PG='Host=127.0.0.1;Port=$port;Username=postgres;Maximum Pool Size=50'"
    ;;
  stop)
    dir=${2:?usage: pg-cluster.sh stop <dir>}
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start|stop <dir>" >&2; exit 2 ;;
esac
