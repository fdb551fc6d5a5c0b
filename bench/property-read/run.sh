#!/usr/bin/env bash
# Property read by renovation code: cached (HybridCache, in-memory first level) versus uncached
# (Cache-Control: no-cache, straight to PostgreSQL), side by side in one run, with the ratio.
#
# Needs a running stack: CITY_GATEWAY_URL and CITY_ADMIN_PASSWORD (the admin's token, from the gateway's
# /connect/token). The bench property is registered and the load sent to CITY_PROPERTY_URL when set (the
# service itself, so the gateway's rate limits and proxy cost do not blur the comparison), else through
# the gateway.
# Tunables: BENCH_DURATION (default 10s per side), BENCH_CONNECTIONS (16), BENCH_THREADS (2).
# Prints `name: value` lines on stdout; everything else goes to stderr.
set -euo pipefail
source "$(dirname "$0")/../lib/city.sh"

gateway="${CITY_GATEWAY_URL:?CITY_GATEWAY_URL is required}"
password="${CITY_ADMIN_PASSWORD:?CITY_ADMIN_PASSWORD is required}"
target="${CITY_PROPERTY_URL:-$gateway}"
duration="${BENCH_DURATION:-10s}"
connections="${BENCH_CONNECTIONS:-16}"
threads="${BENCH_THREADS:-2}"

for url in "$gateway" "$target"; do
  case "$url" in
    http://127.0.0.1*|http://localhost*) ;;
    *) echo "refusing to send load to $url: only 127.0.0.1 or localhost" >&2; exit 2 ;;
  esac
done

if ! command -v wrk >/dev/null; then
  echo "installing wrk" >&2
  apt-get install -y -qq wrk >/dev/null
fi

token="$(curl -fsS --max-time 20 "$gateway/connect/token" \
  -d grant_type=password -d client_id=city-cli -d username=admin --data-urlencode "password=$password" | jq -r .access_token)"

# A fresh property with two owners, so the read has the usual shape and nothing cached yet.
code="21-$(( RANDOM % 9 + 1 ))-$(( RANDOM % 900 + 100 ))-$(( RANDOM % 999 + 1 ))-0-0-$(( RANDOM % 99 + 1 ))"
{ read -r owner1; read -r owner2; } < <(city_national_ids 2)

body="$(jq -n --arg code "$code" --arg a "$owner1" --arg b "$owner2" '{
  renovationCode: $code, registrationPlate: {section: 11, main: 4521, sub: 17}, district: 21,
  address: "تهران، بلوار تهرانسر، کوچه بنفشه، پلاک ۹", postalCode: "1387654321",
  landAreaM2: 210.5, buildingAreaM2: 520, floors: 3, usage: "Residential",
  owners: [{nationalId: $a, fullName: "مریم احمدی", shareDang: 4}, {nationalId: $b, fullName: "رضا کریمی", shareDang: 2}]}')"
status="$(curl -sS -o /dev/stderr -w '%{http_code}' --max-time 20 -X POST "$target/api/properties" \
  -H "Authorization: Bearer $token" -H 'Content-Type: application/json' --data "$body")"
[ "$status" = 201 ] || { echo "registering the bench property failed: HTTP $status" >&2; exit 1; }
echo >&2

path="$target/api/properties/$code"
curl -fsS -o /dev/null --max-time 10 -H "Authorization: Bearer $token" "$path"

# wrk prints latencies in us/ms/s; normalised to milliseconds.
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'; }

run() { # name, extra wrk args…
  local name="$1"; shift
  local out
  out="$(wrk -t"$threads" -c"$connections" -d"$duration" --latency --timeout 5s -H "Authorization: Bearer $token" "$@" "$path")"
  echo "$out" >&2
  local rps p50 p99 errors
  rps="$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out")"
  p50="$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")"
  p99="$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")"
  errors="$(awk '/Non-2xx or 3xx responses:/ { print $NF } /Socket errors:/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' <<<"$out" | awk '{ s += $1 } END { print s + 0 }')"
  echo "property_read_${name}_requests_per_second: $rps"
  echo "property_read_${name}_p50_ms: $p50"
  echo "property_read_${name}_p99_ms: $p99"
  echo "property_read_${name}_errors: $errors"
  eval "${name}_rps=$rps"
}

run uncached -H 'Cache-Control: no-cache'
run cached

echo "property_read_cached_to_uncached_ratio: $(awk -v c="$cached_rps" -v u="$uncached_rps" 'BEGIN { if (u > 0) printf "%.2f", c / u; else print "n/a" }')"
