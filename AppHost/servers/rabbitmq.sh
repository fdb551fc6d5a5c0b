#!/usr/bin/env bash
# Runs the Debian RabbitMQ server in the foreground on 127.0.0.1, data in DATADIR, with a private
# epmd so it neither needs nor disturbs a system-wide one, and stops that epmd when it stops.
# usage: rabbitmq.sh DATADIR AMQP_PORT MANAGEMENT_PORT EPMD_PORT DIST_PORT
set -euo pipefail
dir=$1; amqp=$2; mgmt=$3; epmd_port=$4; dist=$5
sbin=$(ls -d /usr/lib/rabbitmq/lib/rabbitmq_server-*/sbin 2>/dev/null | sort -V | tail -n 1)
[ -x "$sbin/rabbitmq-server" ] || { echo "RabbitMQ not found under /usr/lib/rabbitmq (apt-get install rabbitmq-server)" >&2; exit 1; }
mkdir -p "$dir/home" "$dir/mnesia" "$dir/log"
dir=$(realpath "$dir")

cat > "$dir/rabbitmq.conf" <<CONF
listeners.tcp.default = 127.0.0.1:$amqp
loopback_users = none
management.tcp.ip = 127.0.0.1
management.tcp.port = $mgmt
log.console = true
log.console.level = warning
log.file = false
CONF
echo '[rabbitmq_management].' > "$dir/enabled_plugins"
# An empty env file of our own: the Debian one belongs to the system server, and /dev/null is not
# always a device (a machine where something replaced it with a file would have it sourced as shell).
: > "$dir/rabbitmq-env.conf"

export HOME="$dir/home"
export RABBITMQ_CONF_ENV_FILE="$dir/rabbitmq-env.conf"
export RABBITMQ_NODENAME="city$amqp@localhost"
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_NODE_PORT=$amqp
export RABBITMQ_DIST_PORT=$dist
export ERL_EPMD_ADDRESS=127.0.0.1
export ERL_EPMD_PORT=$epmd_port
export RABBITMQ_MNESIA_BASE="$dir/mnesia"
export RABBITMQ_LOG_BASE="$dir/log"
export RABBITMQ_LOGS=-
export RABBITMQ_PID_FILE="$dir/rabbitmq.pid"
export RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins"
export RABBITMQ_CONFIG_FILE="$dir/rabbitmq"
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"

stop_epmd() { epmd -port "$epmd_port" -kill >/dev/null 2>&1 || true; }
child=
on_signal() { [ -n "$child" ] && kill -TERM "$child" 2>/dev/null; }
trap on_signal TERM INT HUP
trap stop_epmd EXIT

"$sbin/rabbitmq-server" &
child=$!
# wait returns early when a trapped signal arrives; keep waiting until the server has really gone.
status=0
while kill -0 "$child" 2>/dev/null; do wait "$child" || status=$?; done
exit $status
