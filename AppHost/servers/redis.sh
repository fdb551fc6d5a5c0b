#!/usr/bin/env bash
# Runs the Debian redis-server in the foreground on 127.0.0.1:PORT, data in DATADIR.
# usage: redis.sh PORT DATADIR [--appendonly yes|no]
set -euo pipefail
port=$1; dir=$2; shift 2
command -v redis-server >/dev/null || { echo "redis-server not found (apt-get install redis-server)" >&2; exit 1; }
mkdir -p "$dir"
exec redis-server --port "$port" --bind 127.0.0.1 --dir "$dir" --save "" --appendonly yes \
  --protected-mode yes --daemonize no --logfile "" "$@"
