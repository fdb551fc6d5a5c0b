#!/usr/bin/env bash
# Runs the Debian PostgreSQL server in the foreground on 127.0.0.1:PORT, data in DATADIR.
# Used by the AppHost (executable resource) and by the test fixtures, so both start it the same way.
# usage: postgres.sh PORT DATADIR [extra postgres -c settings...]
set -euo pipefail
port=$1; dir=$2; shift 2
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$bin/postgres" ] || { echo "PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install postgresql)" >&2; exit 1; }
# The schema needs PostgreSQL 15 or later (unique indexes NULLS NOT DISTINCT): say so before any migration fails.
major=$(basename "$(dirname "$bin")"); major=${major%%.*}
[ "$major" -ge 15 ] 2>/dev/null || { echo "PostgreSQL $major is too old: the databases need 15 or later (Debian 12 and Ubuntu 24.04 have it; else apt.postgresql.org)" >&2; exit 1; }

run=()
if [ "$(id -u)" = 0 ]; then
  # PostgreSQL refuses to run as root: the server runs as the postgres user, which must be able to
  # reach the data folder. A folder under a private home (e.g. /root) is not reachable, so the data
  # then lives in a per-folder place under /var/lib instead, and we say so.
  run=(runuser -u postgres --)
  mkdir -p "$dir"
  if ! runuser -u postgres -- test -x "$dir"; then
    alt=$(bash "$(dirname "$0")/postgres-relocated-dir.sh" "$dir")
    echo "postgres user cannot reach $dir; keeping this server's data in $alt" >&2
    dir=$alt
  fi
  mkdir -p "$dir"; chown postgres:postgres "$dir"; chmod 700 "$dir"
else
  mkdir -p "$dir"; chmod 700 "$dir"
fi

if [ ! -f "$dir/PG_VERSION" ]; then
  "${run[@]}" "$bin/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
fi
# Loopback only, no unix socket (deep paths overflow its 107-byte limit), trust auth: a developer's
# throwaway server. Real deployments bring their own servers through ConnectionStrings__*.
# pg_stat_statements (statements inside triggers too) answers "which query costs what" while a
# benchmark runs: CREATE EXTENSION pg_stat_statements in any database, then read the view.
"${run[@]}" "$bin/postgres" -D "$dir" -p "$port" -c listen_addresses=127.0.0.1 \
  -c unix_socket_directories= -c max_connections=300 -c shared_buffers=64MB \
  -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all "$@" &
child=$!

# SIGTERM is a "smart" shutdown that waits for every client to leave, and runuser turns it into a
# SIGKILL two seconds later. A stop request becomes PostgreSQL's fast shutdown (SIGINT) instead,
# sent to the postmaster itself, so the server always stops cleanly and quickly.
stop() {
  local pid
  pid=$(head -n 1 "$dir/postmaster.pid" 2>/dev/null || true)
  if [ -n "$pid" ]; then kill -INT "$pid" 2>/dev/null || true; else kill -TERM "$child" 2>/dev/null || true; fi
}
trap stop TERM INT HUP
status=0
while kill -0 "$child" 2>/dev/null; do wait "$child" || status=$?; done
exit $status
