#!/usr/bin/env bash
# Archive transfer benchmark: upload and download throughput (MB/s) of 1 MB and 50 MB documents
# through the gateway, against a plain copy (and read) of the same file on the same disk, with the
# ratio; and the archive process's resident memory while a 50 MB upload streams through.
#
# Needs a live stack: CITY_GATEWAY_URL, CITY_ADMIN_PASSWORD, and CITY_ARCHIVE_URL (to find the
# archive's process by its port). Prints "name: value" lines on stdout; diagnostics on stderr.
set -euo pipefail

gateway="${CITY_GATEWAY_URL:?CITY_GATEWAY_URL is required}"
gateway="${gateway%/}"
password="${CITY_ADMIN_PASSWORD:?CITY_ADMIN_PASSWORD is required}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

# On the repository's disk, where .city/data/archive (the archive's content store) lives by default.
work="$(mktemp -d "$root/.city/bench-archive.XXXXXX" 2>/dev/null || { mkdir -p "$root/.city" && mktemp -d "$root/.city/bench-archive.XXXXXX"; })"
sampler=""
cleanup() { [[ -n "$sampler" ]] && kill "$sampler" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

now() { date +%s.%N; }
mbps() { awk -v b="$1" -v s="$2" 'BEGIN { if (s <= 0) s = 0.000001; printf "%.1f", b / 1048576 / s }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b <= 0) print "n/a"; else printf "%.2f", a / b }'; }

token_response="$(curl -s -X POST "$gateway/connect/token" -d grant_type=password -d client_id=city-cli -d username=admin \
  --data-urlencode "password=$password" -w '\nHTTP %{http_code}')"
token="$(printf '%s' "$token_response" | sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p')"
[[ -n "$token" ]] || { echo "no token from $gateway/connect/token: $token_response" >&2; exit 1; }

# A one-page PDF carrying $2 random bytes in a stream of its own: a PDF the archive can count the
# pages of (it refuses one it cannot read), unique every run (no dedup shortcut).
make_file() {
  local objects=(
    $'1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n'
    $'2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n'
    $'3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n'
  ) offsets=() at=9 object
  {
    printf '%%PDF-1.4\n'
    for object in "${objects[@]}"; do offsets+=("$at"); printf '%s' "$object"; at=$((at + ${#object})); done
    offsets+=("$at")
    local head=$'4 0 obj\n<< /Length '"$2"$' >>\nstream\n' tail=$'\nendstream\nendobj\n'
    printf '%s' "$head"; head -c "$2" /dev/urandom; printf '%s' "$tail"
    at=$((at + ${#head} + $2 + ${#tail}))
    printf 'xref\n0 5\n0000000000 65535 f \n'
    for object in "${offsets[@]}"; do printf '%010d 00000 n \n' "$object"; done
    printf 'trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' "$at"
  } > "$1"
}

# Uploads $1 and prints "seconds documentId".
upload() {
  local out="$work/response.json" seconds
  # No "Expect: 100-continue": curl would wait up to a second for it before sending a body over 1 MB.
  seconds="$(curl -s -o "$out" -w '%{time_total}' -H 'Expect:' -H "Authorization: Bearer $token" \
    -F category=LEGACY_SCAN -F "renovationCode=22-9-$RANDOM-$RANDOM-0-0-0" -F title=benchmark -F source=LegacyImport \
    -F "file=@$1;type=application/pdf" "$gateway/api/archive/documents")"
  local id; id="$(sed -n 's/.*"documentId" *: *"\([^"]*\)".*/\1/p' "$out")"
  [[ -n "$id" ]] || { echo "upload of $1 failed: $(head -c 300 "$out")" >&2; exit 1; }
  echo "$seconds $id"
}

download() { curl -sf -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $token" "$gateway/api/archive/documents/$1/content"; }

# The baseline: the same bytes copied on the same disk, flushed like the archive flushes, then read back.
copy_seconds() { local t0; t0="$(now)"; dd if="$1" of="$2" bs=1M conv=fsync status=none; awk -v a="$t0" -v b="$(now)" 'BEGIN { print b - a }'; }
read_seconds() { local t0; t0="$(now)"; cat "$1" > /dev/null; awk -v a="$t0" -v b="$(now)" 'BEGIN { print b - a }'; }

# The archive's own process: the one listening on CITY_ARCHIVE_URL's port when that is the service
# itself (./city bench pins it), else (behind Aspire's proxy) this checkout's archive binary.
archive_pid() {
  local port="${CITY_ARCHIVE_URL:-}" pid=""
  port="${port##*:}"; port="${port%%/*}"
  if [[ -n "$port" ]]; then
    pid="$(ss -ltnpH "sport = :$port" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1)"
  fi
  if [[ -z "$pid" ]] || ! tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep 'Archive' >/dev/null; then
    pid="$(pgrep -f "$root/services/Archive/bin/" | head -1 || true)"
  fi
  [[ -n "$pid" ]] && echo "measuring RSS of pid $pid: $(tr '\0' ' ' < "/proc/$pid/cmdline" | cut -c1-160)" >&2
  echo "$pid"
}
rss_mb() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo 0; }

measure() {
  local label="$1" bytes="$2" runs="$3"
  local up=0 down=0 copy=0 readback=0
  for ((i = 0; i < runs; i++)); do
    make_file "$work/$label.pdf" "$bytes"
    local size; size="$(stat -c %s "$work/$label.pdf")"
    read -r seconds id < <(upload "$work/$label.pdf")
    up="$(awk -v a="$up" -v s="$seconds" 'BEGIN { print a + s }')"
    down="$(awk -v a="$down" -v s="$(download "$id")" 'BEGIN { print a + s }')"
    copy="$(awk -v a="$copy" -v s="$(copy_seconds "$work/$label.pdf" "$work/$label.copy")" 'BEGIN { print a + s }')"
    readback="$(awk -v a="$readback" -v s="$(read_seconds "$work/$label.copy")" 'BEGIN { print a + s }')"
    rm -f "$work/$label.copy"
  done
  local total=$((size * runs))
  local up_mbps down_mbps copy_mbps read_mbps
  up_mbps="$(mbps "$total" "$up")"; down_mbps="$(mbps "$total" "$down")"
  copy_mbps="$(mbps "$total" "$copy")"; read_mbps="$(mbps "$total" "$readback")"
  echo "archive_upload_${label}_mb_per_s: $up_mbps"
  echo "archive_download_${label}_mb_per_s: $down_mbps"
  echo "file_copy_${label}_mb_per_s: $copy_mbps"
  echo "file_read_${label}_mb_per_s: $read_mbps"
  echo "archive_upload_vs_copy_${label}_ratio: $(ratio "$up_mbps" "$copy_mbps")"
  echo "archive_download_vs_read_${label}_ratio: $(ratio "$down_mbps" "$read_mbps")"
}

# The 50 MB payload leaves room for the PDF wrapped around it: the archive's limit (50 MiB) is on the whole file.
measure 1mb $((1024 * 1024)) 10
measure 50mb $((50 * 1024 * 1024 - 1024)) 2

# Resident memory of the archive process while one more 50 MB upload streams through it.
pid="$(archive_pid)"
if [[ -n "$pid" && -r "/proc/$pid/status" ]]; then
  before="$(rss_mb "$pid")"
  echo "$before" > "$work/peak"
  ( while :; do r="$(rss_mb "$pid")"; p="$(cat "$work/peak")"; (( r > p )) && echo "$r" > "$work/peak"; sleep 0.05; done ) &
  sampler=$!
  make_file "$work/rss.pdf" $((50 * 1024 * 1024 - 1024))
  upload "$work/rss.pdf" > /dev/null
  kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true; sampler=""
  peak="$(cat "$work/peak")"
  echo "archive_rss_before_50mb_upload_mb: $before"
  echo "archive_rss_peak_during_50mb_upload_mb: $peak"
  echo "archive_rss_growth_during_50mb_upload_mb: $((peak - before))"
else
  echo "archive process not found from CITY_ARCHIVE_URL='${CITY_ARCHIVE_URL:-}'; memory not measured" >&2
fi
