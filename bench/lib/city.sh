# Helpers shared by the bench/*/run.sh scripts (source it). They talk only to the stack that
# ./city bench started, through the environment it exports (CITY_GATEWAY_URL, CITY_ADMIN_PASSWORD, …).
set -euo pipefail

: "${CITY_GATEWAY_URL:?run through ./city bench (CITY_GATEWAY_URL is not set)}"
: "${CITY_ADMIN_PASSWORD:?run through ./city bench (CITY_ADMIN_PASSWORD is not set)}"

log() { echo "[$(basename "$(dirname "$0")")] $*" >&2; }

# An access token for a staff user (password grant, the public city-cli client).
city_token() {
  local user=$1 password=$2
  curl -sf -m 10 "$CITY_GATEWAY_URL/connect/token" \
    -d grant_type=password -d client_id=city-cli --data-urlencode "username=$user" --data-urlencode "password=$password" \
    | jq -er .access_token
}

# N fresh valid national IDs, one a line, all different: from the generator the tests use (TestSupport's
# NationalIds, through the stack launcher as ./city bench built it). Ask for all a script needs at once.
city_national_ids() {
  local launcher
  launcher="$(dirname "${BASH_SOURCE[0]}")/../../tools/Stack/bin/${CITY_BENCH_CONFIGURATION:-Debug}/net10.0/CityEServices.Stack.dll"
  dotnet "$launcher" national-ids "${1:-1}"
}

# Registers a property owned by one person and prints its renovation code.
city_create_property() {
  local token=$1 district=${2:-5} n=$(( RANDOM % 9000 + 1000 ))
  local code="$district-$(( n % 90 + 1 ))-$n-$(( RANDOM % 700 + 1 ))-0-0-0"
  jq -n --arg code "$code" --argjson district "$district" --arg owner "$(city_national_ids 1)" '{
      renovationCode: $code, registrationPlate: { section: 11, main: 4512, sub: 7 }, district: $district,
      address: "تهران، خیابان ولیعصر، پلاک ۱۲", postalCode: "1965833111", landAreaM2: 240.5,
      buildingAreaM2: 610, floors: 4, usage: "Residential",
      owners: [ { partyType: "Person", nationalId: $owner, fullName: "مریم احمدی", shareDang: 6 } ] }' \
    | curl -sf -m 10 -o /dev/null "$CITY_GATEWAY_URL/api/properties" -H "Authorization: Bearer $token" \
        -H 'Content-Type: application/json' --data-binary @- || { log "could not register property $code"; return 1; }
  echo "$code"
}

# Runs wrk and prints "requests duration_us p50_us p99_us errors" (errors: connect/read/write/timeout
# plus every answer >= 400, so a run that measured refusals is visible).
city_wrk() {
  local connections=$1 seconds=$2 url=$3; shift 3
  local script; script=$(dirname "${BASH_SOURCE[0]}")/wrk-summary.lua
  local threads=$(( connections < 2 ? 1 : 2 ))
  wrk -t"$threads" -c"$connections" -d"${seconds}s" -s "$script" "$@" "$url" | awk '/^RESULT / { print $2, $3, $4, $5, $6 }'
}
