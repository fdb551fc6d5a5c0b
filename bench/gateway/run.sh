#!/usr/bin/env bash
# The gateway's cost on a cached, authenticated read (GET /api/properties/{renovationCode}), measured
# side by side in one run: straight to the property service, through the gateway, through a bare YARP
# host (BareYarp.csproj: the issue's yardstick) and through nginx (both started here on loopback in
# front of the same service), at the same concurrency with wrk.
#   gateway_vs_direct_rps, gateway_vs_nginx_rps, gateway_vs_bare_yarp_rps: throughput ratios (rounds
#     interleaved, summed)
#   <proxy>_cpu_us_per_request: the proxy's own CPU (every process of it, /proc/<pid>/stat) per answer
#   gateway_added_latency_p50_ms/_p99_ms: gateway minus direct latency with one connection (no queueing)
here=$(dirname "$0")
source "$here/../lib/city.sh"
source "$here/../lib/cpu.sh"
: "${CITY_PROPERTY_URL:?run through ./city bench}"

connections=${BENCH_GATEWAY_CONNECTIONS:-32}
seconds=${BENCH_GATEWAY_SECONDS:-5}
rounds=${BENCH_GATEWAY_ROUNDS:-2}
nginx_port=${CITY_BENCH_FREE_PORT:-8719}

token=$(city_token admin "$CITY_ADMIN_PASSWORD")
code=$(city_create_property "$token" 5)
path="/api/properties/$code"
auth="Authorization: Bearer $token"

work=$(mktemp -d); mkdir -p "$work/temp"
upstream=${CITY_PROPERTY_URL#http://}
cat > "$work/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx.pid;
error_log $work/error.log warn;
daemon off;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/temp/body; proxy_temp_path $work/temp/proxy;
  fastcgi_temp_path $work/temp/fastcgi; uwsgi_temp_path $work/temp/uwsgi; scgi_temp_path $work/temp/scgi;
  upstream property { server $upstream; keepalive 64; }
  server {
    listen 127.0.0.1:$nginx_port;
    location / { proxy_pass http://property; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
CONF
nginx -c "$work/nginx.conf" -p "$work" &
nginx_pid=$!
dotnet "$here/bin/${CITY_BENCH_CONFIGURATION:-Debug}/net10.0/CityEServices.BareYarp.dll" "$CITY_PROPERTY_URL" "$work/bare-yarp.address" \
  > "$work/bare-yarp.log" 2>&1 &
bare_pid=$!
trap 'kill -QUIT $nginx_pid 2>/dev/null; kill $bare_pid 2>/dev/null; wait $nginx_pid $bare_pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 300); do [ -s "$work/bare-yarp.address" ] && break; sleep 0.1; done
[ -s "$work/bare-yarp.address" ] || { log "the bare YARP host did not start: $(cat "$work/bare-yarp.log")"; exit 1; }

targets=(direct gateway bare_yarp nginx)
declare -A url=([direct]="$CITY_PROPERTY_URL$path" [gateway]="$CITY_GATEWAY_URL$path"
  [bare_yarp]="$(cat "$work/bare-yarp.address")$path" [nginx]="http://127.0.0.1:$nginx_port$path")
# The part of bench/lib/cpu.sh's snapshot that is each proxy (direct has none).
declare -A proxy=([gateway]=gateway [bare_yarp]=bareyarp [nginx]=nginx)
ticks() { awk -v p="$1" '$1 == p { t = $2 } END { print t + 0 }' <<< "$2"; }
for target in "${targets[@]}"; do
  for _ in $(seq 1 50); do curl -sf -m 2 -o /dev/null -H "$auth" "${url[$target]}" && break; sleep 0.1; done
  curl -sf -m 5 -o /dev/null -H "$auth" "${url[$target]}" || { log "$target does not answer ${url[$target]}"; exit 1; }
done

log "warming up"
for target in "${targets[@]}"; do city_wrk "$connections" 2 "${url[$target]}" -H "$auth" > /dev/null; done

declare -A requests=() micros=() errors=() cpu=()
for target in "${targets[@]}"; do requests[$target]=0; micros[$target]=0; errors[$target]=0; cpu[$target]=0; done
for round in $(seq 1 "$rounds"); do
  for target in "${targets[@]}"; do
    before=$(city_cpu_snapshot)
    read -r n us p50 p99 err < <(city_wrk "$connections" "$seconds" "${url[$target]}" -H "$auth")
    after=$(city_cpu_snapshot)
    log "round $round $target: $n requests in $us µs, p50 ${p50} µs, p99 ${p99} µs, $err errors"
    requests[$target]=$(( requests[$target] + n )); micros[$target]=$(( micros[$target] + us )); errors[$target]=$(( errors[$target] + err ))
    if [ -n "${proxy[$target]:-}" ]; then
      cpu[$target]=$(( cpu[$target] + $(ticks "${proxy[$target]}" "$after") - $(ticks "${proxy[$target]}" "$before") ))
    fi
  done
done

rps() { awk -v n="${requests[$1]}" -v us="${micros[$1]}" 'BEGIN { printf "%.0f", n / (us / 1e6) }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

log "latency with one connection"
read -r _ _ direct_p50 direct_p99 direct_lat_err < <(city_wrk 1 "$seconds" "${url[direct]}" -H "$auth")
read -r _ _ gateway_p50 gateway_p99 gateway_lat_err < <(city_wrk 1 "$seconds" "${url[gateway]}" -H "$auth")

# Clock ticks to microseconds, per answer.
cpu_us() { awk -v t="${cpu[$1]}" -v n="${requests[$1]}" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.0f", t * 1e6 / hz / n }'; }

direct_rps=$(rps direct); gateway_rps=$(rps gateway); bare_rps=$(rps bare_yarp); nginx_rps=$(rps nginx)
echo "gateway_vs_direct_rps: $(ratio "$gateway_rps" "$direct_rps")"
echo "gateway_vs_nginx_rps: $(ratio "$gateway_rps" "$nginx_rps")"
echo "gateway_vs_bare_yarp_rps: $(ratio "$gateway_rps" "$bare_rps")"
echo "bare_yarp_vs_nginx_rps: $(ratio "$bare_rps" "$nginx_rps")"
echo "gateway_added_latency_p50_ms: $(awk -v g="$gateway_p50" -v d="$direct_p50" 'BEGIN { printf "%.2f", (g - d) / 1000 }')"
echo "gateway_added_latency_p99_ms: $(awk -v g="$gateway_p99" -v d="$direct_p99" 'BEGIN { printf "%.2f", (g - d) / 1000 }')"
echo "gateway_rps: $gateway_rps"
echo "direct_rps: $direct_rps"
echo "bare_yarp_rps: $bare_rps"
echo "nginx_rps: $nginx_rps"
for target in gateway bare_yarp nginx; do echo "${target}_cpu_us_per_request: $(cpu_us "$target")"; done
echo "gateway_bench_errors: $(( errors[direct] + errors[gateway] + errors[bare_yarp] + errors[nginx] + direct_lat_err + gateway_lat_err ))"
