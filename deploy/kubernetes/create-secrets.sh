#!/usr/bin/env bash
# Creates the Secrets the CityEServices manifests read, in the given namespace, with random passwords.
# Secrets that already exist are left as they are (the servers keep the password they were created with).
#   deploy/kubernetes/create-secrets.sh cityeservices-dev            (dev overlay: its in-cluster servers)
#   BACKUP_ACCESS_KEY_ID=… BACKUP_SECRET_ACCESS_KEY=… [SMS_API_KEY=…] \
#     deploy/kubernetes/create-secrets.sh cityeservices prod         (prod overlay: operators' servers)
# Every service gets its own credentials for its database, the broker and Redis (<service>-db,
# <service>-rabbitmq, <service>-redis); in prod each is a user of its own on the server (CloudNativePG
# managed role, RabbitMQ User, Redis ACL user), created by the operators and redis-node.sh from these
# same Secrets. tests/Deployment.Tests runs this script against a stand-in kubectl and checks that it
# creates every Secret and key each overlay reads.
set -euo pipefail
ns=${1:?usage: create-secrets.sh NAMESPACE [dev|prod]}
overlay=${2:-dev}
case $overlay in dev | prod) ;; *) echo "usage: create-secrets.sh NAMESPACE [dev|prod]" >&2; exit 2 ;; esac

kubectl get namespace "$ns" >/dev/null 2>&1 || kubectl create namespace "$ns"

# Letters and digits only: the passwords go into URIs and connection strings unescaped.
random() { head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32; }

create() {
  local name=$1; shift
  if kubectl -n "$ns" get secret "$name" >/dev/null 2>&1; then
    echo "secret/$name exists, kept"
  else
    kubectl -n "$ns" create secret generic "$name" "$@"
  fi
}

services=(identity property officemanagement archive urbanplanning notifications)
messaging=(identity property officemanagement archive urbanplanning notifications)
cache_users=(property officemanagement archive urbanplanning gateway)

if [ "$overlay" = dev ]; then
  # One small PostgreSQL per database (servers/<service>-db.yaml), initialised with this password.
  for service in "${services[@]}"; do
    password=$(random)
    create "$service-db" --from-literal=password="$password" \
      --from-literal=connection-string="Host=$service-db;Port=5432;Database=$service;Username=$service;Password=$password"
  done

  # One broker user and one Redis password, which every service's own Secret repeats.
  password=$(random)
  create rabbitmq --from-literal=username=city --from-literal=password="$password" \
    --from-literal=connection-string="amqp://city:$password@rabbitmq:5672/"
  for service in "${messaging[@]}"; do
    create "$service-rabbitmq" --from-literal=username=city --from-literal=password="$password" \
      --from-literal=connection-string="amqp://city:$password@rabbitmq:5672/"
  done

  password=$(random)
  create redis --from-literal=password="$password" --from-literal=connection-string="redis:6379,password=$password"
  for service in "${cache_users[@]}"; do
    create "$service-redis" --from-literal=password="$password" \
      --from-literal=connection-string="redis:6379,password=$password,abortConnect=false"
  done

  # Dev texts no phone: notifications sends to its own sink, which accepts this key only.
  create notifications-sms --from-literal=api-key="$(random)"
else
  # The object store the PostgreSQL backups go to: keys of your bucket, not generated here. Asked for
  # before anything is created, so a missing key never leaves half the Secrets behind.
  if ! kubectl -n "$ns" get secret postgres-backup >/dev/null 2>&1; then
    : "${BACKUP_ACCESS_KEY_ID:?set BACKUP_ACCESS_KEY_ID and BACKUP_SECRET_ACCESS_KEY: the keys of the backup bucket}"
    : "${BACKUP_SECRET_ACCESS_KEY:?set BACKUP_SECRET_ACCESS_KEY: the keys of the backup bucket}"
  fi

  # PostgreSQL (CloudNativePG cluster city-pg): the managed role <service> takes its password from this
  # Secret (type basic-auth, username = the role); the service connects to the primary (city-pg-rw) with TLS.
  for service in "${services[@]}"; do
    password=$(random)
    create "$service-db" --type=kubernetes.io/basic-auth \
      --from-literal=username="$service" --from-literal=password="$password" \
      --from-literal=connection-string="Host=city-pg-rw;Port=5432;Database=$service;Username=$service;Password=$password;SSL Mode=Require;Maximum Pool Size=12"
  done

  # RabbitMQ: the Messaging Topology Operator's User <service> imports username and password from here.
  for service in "${messaging[@]}"; do
    password=$(random)
    create "$service-rabbitmq" --from-literal=username="$service" --from-literal=password="$password" \
      --from-literal=connection-string="amqp://$service:$password@rabbitmq:5672/cityeservices"
  done

  # Redis with Sentinel: the user <service> (keys <service>:…) on every Redis and Sentinel.
  for service in "${cache_users[@]}"; do
    password=$(random)
    create "$service-redis" --from-literal=username="$service" --from-literal=password="$password" \
      --from-literal=connection-string="redis-sentinel:26379,serviceName=city,user=$service,password=$password,abortConnect=false"
  done
  create redis-internal --from-literal=replication-password="$(random)" --from-literal=sentinel-password="$(random)"

  # The object store the PostgreSQL backups go to: the keys of your bucket (checked first, above).
  create postgres-backup --from-literal=ACCESS_KEY_ID="${BACKUP_ACCESS_KEY_ID:-}" \
    --from-literal=ACCESS_SECRET_KEY="${BACKUP_SECRET_ACCESS_KEY:-}"
  # The SMS provider's API key (its base URL is Notifications__Sms__BaseUrl in base/notifications/config.env).
  # Without it notifications runs and citizens' messages wait, unsent and unlost, until the Secret exists.
  if [ -n "${SMS_API_KEY:-}" ]; then
    create notifications-sms --from-literal=api-key="$SMS_API_KEY"
  else
    echo "SMS: no SMS_API_KEY; create Secret notifications-sms (key api-key) when the provider's key is known"
  fi
  echo "TLS: the Gateway's certificate is Secret city-tls (kubernetes.io/tls), from cert-manager or: kubectl -n $ns create secret tls city-tls --cert=… --key=…"
fi

# The bootstrap user 'admin' (at least 10 characters with upper, lower and digit).
create identity-admin --from-literal=password="City-$(random)-Aa1"
echo "admin password: kubectl -n $ns get secret identity-admin -o jsonpath='{.data.password}' | base64 -d"
