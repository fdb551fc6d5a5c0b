#!/bin/sh
# One node of the city's Redis with Sentinel (prod overlay, servers/redis/redis.yaml): every pod runs a
# Redis (mode "redis") and a Sentinel (mode "sentinel"); "prestop" hands the primary role over before
# its Redis stops. POSIX sh, for the official redis image (alpine's busybox) and Debian alike;
# tests/Deployment.Tests runs it with the Debian redis-server.
#
# Environment (redis.yaml sets it from the pod and the Secrets):
#   REDIS_HOST        the name this node announces (its pod's DNS name), REDIS_PORT / SENTINEL_PORT its ports
#   SENTINELS         every Sentinel as host:port (this node's included)
#   REDIS_BOOTSTRAP   host:port of the Redis that is primary when no Sentinel knows one (a new cluster)
#   REDIS_USERS       the services, each with PASSWORD_<service>: a Redis user of its own
#   REPLICATION_PASSWORD, SENTINEL_PASSWORD   the replicas' and the Sentinels' own users
set -eu

mode=${1:?usage: redis-node.sh redis|sentinel|prestop}
: "${REDIS_PORT:=6379}" "${SENTINEL_PORT:=26379}" "${REDIS_BIND:=0.0.0.0}" "${REDIS_MASTER_NAME:=city}"
: "${SENTINEL_QUORUM:=2}" "${SENTINEL_DOWN_AFTER_MS:=5000}" "${REDIS_MAXMEMORY:=384mb}"
: "${REDIS_CONF_DIR:=/conf}" "${REDIS_DATA_DIR:=/data}"
: "${REDIS_HOST:?}" "${SENTINELS:?}" "${REDIS_BOOTSTRAP:?}" "${REPLICATION_PASSWORD:?}" "${SENTINEL_PASSWORD:?}"

cli() { redis-cli --no-auth-warning --user sentinel --pass "$SENTINEL_PASSWORD" "$@"; }

# The primary the Sentinels know (the first that answers; this pod's own too, when its other container
# restarts alone), else the bootstrap node: "host port".
find_primary() {
  for sentinel in $SENTINELS; do
    reply=$(timeout 3 redis-cli --no-auth-warning --user sentinel --pass "$SENTINEL_PASSWORD" \
      -h "${sentinel%:*}" -p "${sentinel##*:}" sentinel get-master-addr-by-name "$REDIS_MASTER_NAME" 2>/dev/null) || continue
    host=$(echo "$reply" | sed -n 1p); port=$(echo "$reply" | sed -n 2p)
    if [ -n "$host" ] && [ -n "$port" ]; then echo "$host $port"; return; fi
  done
  echo "${REDIS_BOOTSTRAP%:*} ${REDIS_BOOTSTRAP##*:}"
}

password_of() { eval "printf '%s' \"\${PASSWORD_$1:?PASSWORD_$1 is not set}\""; }

# Each service keeps to its own keys and channels (<service>:…, Redis__KeyPrefix) and may not run
# administrative or dangerous commands (FLUSHALL, KEYS, CONFIG, DEBUG, REPLICAOF…). INFO and ROLE are
# what StackExchange.Redis asks when it connects; it also reads its tie-breaker key and listens on its
# configuration channel.
service_users() {
  for user in ${REDIS_USERS:-}; do
    echo "user $user on >$(password_of "$user") resetkeys ~$user:* %R~__Booksleeve_TieBreak resetchannels &$user:* &__Booksleeve_MasterChanged +@all -@dangerous +info +role"
  done
}

write_redis_conf() {
  set -- $(find_primary)
  conf=$REDIS_CONF_DIR/redis.conf
  {
    echo "port $REDIS_PORT"
    echo "bind $REDIS_BIND"
    echo "protected-mode no"
    echo "dir $REDIS_DATA_DIR"
    echo "appendonly yes"
    echo "maxmemory $REDIS_MAXMEMORY"
    # Every key the services write expires; when memory is short the nearest to expiring go first.
    echo "maxmemory-policy volatile-lru"
    echo "replica-announce-ip $REDIS_HOST"
    echo "replica-announce-port $REDIS_PORT"
    echo "masteruser replication"
    echo "masterauth $REPLICATION_PASSWORD"
    echo "user default off"
    echo "user replication on >$REPLICATION_PASSWORD +psync +replconf +ping"
    # What a Sentinel needs of a Redis (redis.io, "Sentinel": ACL).
    echo "user sentinel on >$SENTINEL_PASSWORD allchannels +multi +slaveof +ping +exec +subscribe +config|rewrite +role +publish +info +client|setname +client|kill +client|pause +client|unpause +script|kill"
    service_users
    if [ "$1" != "$REDIS_HOST" ] || [ "$2" != "$REDIS_PORT" ]; then echo "replicaof $1 $2"; fi
  } > "$conf"
  chmod 600 "$conf"
  echo "redis-node: $REDIS_HOST:$REDIS_PORT starts with primary $1:$2" >&2
}

write_sentinel_conf() {
  set -- $(find_primary)
  conf=$REDIS_CONF_DIR/sentinel.conf
  {
    echo "port $SENTINEL_PORT"
    echo "bind $REDIS_BIND"
    echo "protected-mode no"
    echo "dir $REDIS_CONF_DIR"
    echo "sentinel resolve-hostnames yes"
    echo "sentinel announce-hostnames yes"
    echo "sentinel announce-ip $REDIS_HOST"
    echo "sentinel announce-port $SENTINEL_PORT"
    echo "sentinel monitor $REDIS_MASTER_NAME $1 $2 $SENTINEL_QUORUM"
    echo "sentinel down-after-milliseconds $REDIS_MASTER_NAME $SENTINEL_DOWN_AFTER_MS"
    echo "sentinel failover-timeout $REDIS_MASTER_NAME 60000"
    echo "sentinel parallel-syncs $REDIS_MASTER_NAME 1"
    echo "sentinel auth-user $REDIS_MASTER_NAME sentinel"
    echo "sentinel auth-pass $REDIS_MASTER_NAME $SENTINEL_PASSWORD"
    echo "sentinel sentinel-user sentinel"
    echo "sentinel sentinel-pass $SENTINEL_PASSWORD"
    echo "user default off"
    echo "user sentinel on >$SENTINEL_PASSWORD allchannels +@all"
    # The services only ask where the primary is and hear when it moves.
    for user in ${REDIS_USERS:-}; do
      echo "user $user on >$(password_of "$user") allchannels -@all +ping +hello +auth +client|setname +client|id +info +role +subscribe +unsubscribe +psubscribe +punsubscribe +sentinel|get-master-addr-by-name +sentinel|sentinels +sentinel|replicas +sentinel|slaves +sentinel|master +sentinel|masters"
    done
  } > "$conf"
  chmod 600 "$conf"
  echo "redis-node: sentinel $REDIS_HOST:$SENTINEL_PORT watches $1:$2" >&2
}

case $mode in
  redis)
    mkdir -p "$REDIS_CONF_DIR" "$REDIS_DATA_DIR"
    write_redis_conf
    exec redis-server "$REDIS_CONF_DIR/redis.conf"
    ;;
  sentinel)
    mkdir -p "$REDIS_CONF_DIR"
    write_sentinel_conf
    exec redis-server "$REDIS_CONF_DIR/sentinel.conf" --sentinel
    ;;
  prestop)
    # A primary that stops would leave writes failing until the Sentinels notice (down-after) and elect
    # another; asking for the failover first makes a rolling restart a few milliseconds of it instead.
    role=$(cli -p "$REDIS_PORT" role 2>/dev/null | head -n 1) || exit 0
    [ "$role" = master ] || exit 0
    # Sentinel promotes a replica without waiting for it to catch up (unlike a cluster's manual
    # failover), so writes are paused and the replicas given a moment to reach the primary's offset
    # first. This narrows what a rolling restart can lose; it does not guarantee nothing acknowledged is
    # lost (known gaps: no replica listed counts as "none behind"; the wait can outlast the 10 s pause;
    # writes accepted after the pause ends and before the Sentinels demote this node are lost). What
    # Redis holds is caches and rate-limit windows (rebuilt) and the gateway's idempotency records: one
    # lost in such a window lets a retried POST through once more.
    cli -p "$REDIS_PORT" client pause 10000 write >/dev/null 2>&1 || true
    for _ in $(seq 1 50); do
      info=$(cli -p "$REDIS_PORT" info replication 2>/dev/null | tr -d '\r') || break
      offset=$(echo "$info" | sed -n 's/^master_repl_offset://p')
      behind=$(echo "$info" | sed -n 's/^slave[0-9]*:.*offset=\([0-9]*\).*/\1/p' | while read -r o; do if [ "$o" -lt "${offset:-0}" ]; then echo x; fi; done) || true
      [ -z "$behind" ] && break
      sleep 0.2
    done
    cli -p "$SENTINEL_PORT" sentinel failover "$REDIS_MASTER_NAME" >/dev/null 2>&1 || exit 0
    for _ in $(seq 1 20); do
      set -- $(find_primary)
      if [ "$1:$2" != "$REDIS_HOST:$REDIS_PORT" ]; then cli -p "$REDIS_PORT" client unpause >/dev/null 2>&1; exit 0; fi
      sleep 1
    done
    ;;
  *)
    echo "usage: redis-node.sh redis|sentinel|prestop" >&2; exit 2
    ;;
esac
