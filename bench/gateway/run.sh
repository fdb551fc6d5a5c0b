#!/usr/bin/env bash
# The gateway's cost on a cached, authenticated read (GET /api/properties/{renovationCode}), measured
# side by side in one run: straight to the property service, through the gateway, and through nginx
# (started here on loopback in front of the same service), at the same concurrency with wrk.
#   gateway_vs_direct_rps, gateway_vs_nginx_rps: throughput ratios (rounds interleaved, summed)
#   gateway_added_latency_p50_ms/_p99_ms: gateway minus direct latency with one connection (no queueing)
source "$(dirname "$0")/../lib/city.sh"
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
trap 'kill -QUIT $nginx_pid 2>/dev/null; wait $nginx_pid 2>/dev/null; rm -rf "$work"' EXIT

declare -A url=([direct]="$CITY_PROPERTY_URL$path" [gateway]="$CITY_GATEWAY_URL$path" [nginx]="http://127.0.0.1:$nginx_port$path")
for target in direct gateway nginx; do
  for _ in $(seq 1 50); do curl -sf -m 2 -o /dev/null -H "$auth" "${url[$target]}" && break; sleep 0.1; done
  curl -sf -m 5 -o /dev/null -H "$auth" "${url[$target]}" || { log "$target does not answer ${url[$target]}"; exit 1; }
done

log "warming up"
for target in direct gateway nginx; do city_wrk "$connections" 2 "${url[$target]}" -H "$auth" > /dev/null; done

declare -A requests=([direct]=0 [gateway]=0 [nginx]=0) micros=([direct]=0 [gateway]=0 [nginx]=0) errors=([direct]=0 [gateway]=0 [nginx]=0)
for round in $(seq 1 "$rounds"); do
  for target in direct gateway nginx; do
    read -r n us p50 p99 err < <(city_wrk "$connections" "$seconds" "${url[$target]}" -H "$auth")
    log "round $round $target: $n requests in $us µs, p50 ${p50} µs, p99 ${p99} µs, $err errors"
    requests[$target]=$(( requests[$target] + n )); micros[$target]=$(( micros[$target] + us )); errors[$target]=$(( errors[$target] + err ))
  done
done

rps() { awk -v n="${requests[$1]}" -v us="${micros[$1]}" 'BEGIN { printf "%.0f", n / (us / 1e6) }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

log "latency with one connection"
read -r _ _ direct_p50 direct_p99 direct_lat_err < <(city_wrk 1 "$seconds" "${url[direct]}" -H "$auth")
read -r _ _ gateway_p50 gateway_p99 gateway_lat_err < <(city_wrk 1 "$seconds" "${url[gateway]}" -H "$auth")

direct_rps=$(rps direct); gateway_rps=$(rps gateway); nginx_rps=$(rps nginx)
echo "gateway_vs_direct_rps: $(ratio "$gateway_rps" "$direct_rps")"
echo "gateway_vs_nginx_rps: $(ratio "$gateway_rps" "$nginx_rps")"
echo "gateway_added_latency_p50_ms: $(awk -v g="$gateway_p50" -v d="$direct_p50" 'BEGIN { printf "%.2f", (g - d) / 1000 }')"
echo "gateway_added_latency_p99_ms: $(awk -v g="$gateway_p99" -v d="$direct_p99" 'BEGIN { printf "%.2f", (g - d) / 1000 }')"
echo "gateway_rps: $gateway_rps"
echo "direct_rps: $direct_rps"
echo "nginx_rps: $nginx_rps"
echo "gateway_bench_errors: $(( errors[direct] + errors[gateway] + errors[nginx] + direct_lat_err + gateway_lat_err ))"
