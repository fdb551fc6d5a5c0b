#!/usr/bin/env bash
# File openings per second through the gateway: each opening is two gRPC checks (office management's
# authorisation, property's ownership), a gap-free file number, a database write and an outbox event.
# Needs a running stack: CITY_GATEWAY_URL, CITY_ADMIN_PASSWORD. Prepares its own office, operator and
# one property per opening through the API, then opens files with wrk at a fixed concurrency.
# Prints open_file_per_s, open_file_p50_ms and open_file_p99_ms. Tunables: OPEN_FILE_CONNECTIONS (16),
# OPEN_FILE_COUNT (openings, 2000), OPEN_FILE_SECONDS (cap on the measured phase, 20).
set -euo pipefail
cd "$(dirname "$0")"
source ../lib/city.sh
source ../lib/cpu.sh

gateway="${CITY_GATEWAY_URL:?CITY_GATEWAY_URL is required}"
password="${CITY_ADMIN_PASSWORD:?CITY_ADMIN_PASSWORD is required}"
case "$gateway" in
  http://127.0.0.1:*|http://localhost:*) ;;
  *) echo "open-file: CITY_GATEWAY_URL must be on 127.0.0.1" >&2; exit 2 ;;
esac
gateway="${gateway%/}"
connections="${OPEN_FILE_CONNECTIONS:-16}"
count="${OPEN_FILE_COUNT:-2000}"
seconds="${OPEN_FILE_SECONDS:-20}"
threads=2
export OPEN_FILE_RUN=$(( $(date +%s) % 1000 ))
export OPEN_FILE_PER_THREAD=$(( (count + threads - 1) / threads ))
# Each thread's applicants: one per opening, plus a request in flight per connection past the last.
export OPEN_FILE_IDS_PER_THREAD=$(( OPEN_FILE_PER_THREAD + connections ))

token() {
  curl -sf -X POST "$gateway/connect/token" \
    --data-urlencode grant_type=password --data-urlencode client_id=city-cli \
    --data-urlencode "username=$1" --data-urlencode "password=$2" | jq -r .access_token
}

post() { # path, json, token: fails the script unless 2xx
  curl -sf -o /dev/null -X POST "$gateway$1" -H "Authorization: Bearer $3" -H 'Content-Type: application/json' -d "$2" \
    || { echo "open-file: POST $1 failed" >&2; exit 1; }
}

admin=$(token admin "$password")
[ -n "$admin" ] && [ "$admin" != null ] || { echo "open-file: admin token refused" >&2; exit 1; }

# This run's files: national IDs of the operator (the first) and the applicants (OPEN_FILE_IDS, read by
# common.lua), the openings' state (open.lua), and the measured phase's CPU snapshots and wrk summary.
export OPEN_FILE_IDS=$(mktemp) OPEN_FILE_STATE=$(mktemp)
cpu_before=$(mktemp); cpu_after=$(mktemp); summary=$(mktemp)
trap 'rm -f "$OPEN_FILE_IDS" "$OPEN_FILE_STATE" "$cpu_before" "$cpu_after" "$summary"' EXIT
city_national_ids $(( 1 + threads * OPEN_FILE_IDS_PER_THREAD )) > "$OPEN_FILE_IDS"
operator_id=$(head -n 1 "$OPEN_FILE_IDS")

# An office licensed for URBAN_FILE and an operator certified for it, all of this run.
office="BENCH${OPEN_FILE_RUN}$(( RANDOM % 100 ))"
post /api/offices "{\"code\":\"$office\",\"name\":\"Bench office $office\",\"district\":1,\"address\":\"Tehran\"}" "$admin"
post "/api/offices/$office/licences" '{"serviceType":"URBAN_FILE"}' "$admin"
post "/api/offices/$office/staff" "{\"nationalId\":\"$operator_id\",\"fullName\":\"Bench Operator\",\"role\":\"Operator\"}" "$admin"
for kind in Exam Interview Training; do
  post "/api/staff/$operator_id/qualifications" "{\"serviceType\":\"URBAN_FILE\",\"kind\":\"$kind\",\"score\":90,\"passed\":true}" "$admin"
done
user="bench$office"
post /api/identity/users "{\"userName\":\"$user\",\"password\":\"Bench-Passw0rd\",\"roles\":[\"office-operator\"],\"nationalId\":\"$operator_id\",\"officeCode\":\"$office\"}" "$admin"
export OPEN_FILE_OPERATOR_TOKEN=$(token "$user" Bench-Passw0rd)
export OPEN_FILE_ADMIN_TOKEN="$admin"
export OPEN_FILE_OFFICE="$office"

# Phase 1 (not measured): the properties.
wrk -t"$threads" -c"$connections" -d25s -s prepare.lua "$gateway" > /dev/null

# Phase 2 (measured): the openings, at a fixed concurrency, and the CPU each part of the stack spends on
# one of them — the request's path and what its events set off in the other services (open_file_cpu_ms_*).
city_cpu_snapshot > "$cpu_before"
wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 10s -s open.lua "$gateway" 2> "$summary" | grep -E '^open_file_'
city_cpu_settle > "$cpu_after"
cat "$summary" >&2
created=$(sed -n 's/^file openings: \([0-9]*\) created.*/\1/p' "$summary")
if [ "${created:-0}" -gt 0 ]; then
  city_cpu_per "$cpu_before" "$cpu_after" "$created" open_file_cpu_ms
fi
