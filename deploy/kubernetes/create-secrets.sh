#!/usr/bin/env bash
# Creates the Secrets the CityEServices manifests read, in the given namespace, with random passwords
# for the in-cluster servers of the dev overlay. Secrets that already exist are left as they are (the
# servers keep the password they were initialised with).
#   deploy/kubernetes/create-secrets.sh cityeservices-dev
# Prod: create the same Secrets by hand with your servers' connection strings (README.md).
set -euo pipefail
ns=${1:?usage: create-secrets.sh NAMESPACE}
kubectl get namespace "$ns" >/dev/null 2>&1 || kubectl create namespace "$ns"

random() { head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24; }

create() {
  local name=$1; shift
  if kubectl -n "$ns" get secret "$name" >/dev/null 2>&1; then
    echo "secret/$name exists, kept"
  else
    kubectl -n "$ns" create secret generic "$name" "$@"
  fi
}

for service in identity property officemanagement archive urbanplanning; do
  password=$(random)
  create "$service-db" --from-literal=password="$password" \
    --from-literal=connection-string="Host=$service-db;Port=5432;Database=$service;Username=$service;Password=$password"
done

password=$(random)
create rabbitmq --from-literal=username=city --from-literal=password="$password" \
  --from-literal=connection-string="amqp://city:$password@rabbitmq:5672/"

password=$(random)
create redis --from-literal=password="$password" --from-literal=connection-string="redis:6379,password=$password"

# The bootstrap user 'admin' (at least 10 characters with upper, lower and digit).
create identity-admin --from-literal=password="City-$(random)-Aa1"
echo "admin password: kubectl -n $ns get secret identity-admin -o jsonpath='{.data.password}' | base64 -d"
